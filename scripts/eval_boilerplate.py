"""Score classify_lines against the labelled pages in devset/boilerplate/.

Prints, per template, for the development and the held-out templates (folders named heldout_*,
written after the rules were set and not tuned on) and overall: the share of junk lines removed
(recall of junk), the share of article lines kept, and the share of headlines taken as the title.
`--show-errors` lists every line the cleaner got wrong.

    python scripts/eval_boilerplate.py [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.text_cleaning import classify_lines  # noqa: E402

DEVSET = ROOT / "devset" / "boilerplate"
SAMPLES = ROOT / "seeds" / "articles"
PREFIXES = {"T": "title", "K": "keep", "J": "junk"}


def _page(path: Path) -> tuple[str, list[str]]:
    """A .page file: every non-blank line starts with a label letter and a space."""
    text_lines, labels = [], []
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if not raw.strip():
            text_lines.append("")
            labels.append("blank")
            continue
        labels.append(PREFIXES[raw[0]])
        text_lines.append(raw[2:])
    return "\n".join(text_lines), labels


def _sample(path: Path) -> tuple[str, list[str], str | None]:
    stem = path.name.removesuffix(".labels")
    text = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")
    sidecar = SAMPLES / f"{stem}.json"
    url = json.loads(sidecar.read_text(encoding="utf-8")).get("url") if sidecar.exists() else None
    site = url.split("/")[2] if url else None
    return text, path.read_text(encoding="utf-8").split("\n")[: len(text.split("\n"))], site


def load_devset() -> tuple[pl.DataFrame, pl.DataFrame]:
    """(articles[article_id, text, title, site, template], labels[article_id, line_no, label])."""
    articles, labels = [], []
    for path in sorted(DEVSET.glob("*/*.page")):
        text, page_labels = _page(path)
        template = path.parent.name
        articles.append(
            {"article_id": path.stem, "text": text, "title": None, "site": template, "template": template}
        )
        labels += [{"article_id": path.stem, "line_no": i, "label": x} for i, x in enumerate(page_labels)]
    for path in sorted((DEVSET / "seeds").glob("*.labels")):
        text, sample_labels, site = _sample(path)
        stem = path.name.removesuffix(".labels")
        articles.append(
            {"article_id": stem, "text": text, "title": None, "site": site, "template": "samples"}
        )
        labels += [{"article_id": stem, "line_no": i, "label": x} for i, x in enumerate(sample_labels)]
    return pl.DataFrame(articles), pl.DataFrame(labels).with_columns(pl.col("line_no").cast(pl.Int32))


def score(articles: pl.DataFrame, labels: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Per-template scores and the list of wrong lines."""
    decided = (
        classify_lines(articles.drop("template"))
        .join(labels.filter(pl.col("label") != "blank"), on=["article_id", "line_no"], how="inner")
        .join(articles.select("article_id", "template"), on="article_id")
        .with_columns(
            pl.when(pl.col("label") == "junk")
            .then(~pl.col("keep"))
            .when(pl.col("label") == "title")
            .then(pl.col("reason").eq_missing("title"))
            .otherwise(pl.col("keep"))
            .alias("right")
        )
    )
    metrics = [
        pl.col("article_id").n_unique().alias("pages"),
        (pl.col("label") == "junk").sum().alias("junk_lines"),
        pl.col("right").filter(pl.col("label") == "junk").mean().alias("junk_removed"),
        (pl.col("label") == "keep").sum().alias("article_lines"),
        pl.col("right").filter(pl.col("label") == "keep").mean().alias("article_kept"),
        pl.col("right").filter(pl.col("label") == "title").mean().alias("title_found"),
    ]
    split = (
        pl.when(pl.col("template").str.starts_with("heldout_"))
        .then(pl.lit("HELD-OUT"))
        .otherwise(pl.lit("DEV"))
    )
    table = pl.concat(
        [
            decided.group_by("template").agg(metrics).sort("template"),
            decided.group_by(split.alias("template")).agg(metrics).sort("template"),
            decided.select(pl.lit("ALL").alias("template"), *metrics),
        ]
    )
    errors = decided.filter(~pl.col("right")).select(
        "template", "article_id", "line_no", "label", "reason", "line"
    )
    return table, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    articles, labels = load_devset()
    table, errors = score(articles, labels)
    pl.Config.set_tbl_rows(200)
    pl.Config.set_tbl_width_chars(160)
    pl.Config.set_fmt_str_lengths(90)
    print(table.with_columns(pl.col("junk_removed", "article_kept", "title_found").round(4)))
    if args.show_errors:
        print(errors)


if __name__ == "__main__":
    main()
