"""Write a synthetic landing folder of N articles and its ground truth (see monitor.synthetic).

Layout: `<landing>/<batch>/<shard>/...` for pages and exports, `<landing>/<batch>/bad/...` for the ~2% of
files the gates must quarantine; `<truth>/<batch>_articles.parquet` and `<truth>/<batch>_bad.parquet` hold
what each one should become. Paths in the truth are relative to the landing folder (JSONL records as
`file#line`, as raw_articles names them).
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import polars as pl

from monitor import synthetic as syn
from monitor import synthetic_render as render

SYNDICATED_SHARE = 0.15
BAD_SHARE = 0.02
LATE_SHARE = 0.05
RECORDS_PER_EXPORT = 100
READ_ERROR = "expect_column_values_to_be_null(read_error)"
BAD_KINDS = {
    "empty": ("raw_articles", "expect_column_values_to_be_between(text_length)"),
    "binary": ("raw_articles", READ_ERROR),
    "mixed_encoding": ("raw_articles", READ_ERROR),
    "oversized": ("raw_articles", READ_ERROR),
    "malformed_sidecar": ("raw_articles", READ_ERROR),
    "malformed_jsonl": ("raw_articles", READ_ERROR),
    "unsupported": ("raw_articles", "expect_column_values_to_be_in_set(input_kind)"),
    "unknown_outlet": ("cleaned_articles", "expect_column_values_to_not_be_null(outlet_id)"),
    "no_date": ("cleaned_articles", "expect_column_values_to_not_be_null(published_on)"),
    "non_english": ("cleaned_articles", "expect_column_values_to_be_in_set(language)"),
}
UNKNOWN_OUTLET = ("unknown", "Example Dispatch", "example-dispatch.info")


def _publication_day(rng: np.random.Generator, recent_days: int | None) -> int:
    """Any day of the period, or (a day's new files) one of its last `recent_days`, with a few late
    arrivals from any earlier day."""
    if recent_days is None or rng.random() < LATE_SHARE:
        return int(rng.integers(0, syn.DAYS))
    return int(rng.integers(syn.DAYS - recent_days, syn.DAYS))


def _stories(
    world: syn.World, rng: np.random.Generator, n: int, recent_days: int | None = None
) -> list[tuple[syn.Story, int]]:
    """(story, copy number) per article: ~15% of articles are copies of a wire story on other outlets."""
    out: list[tuple[syn.Story, int]] = []
    while len(out) < n:
        day = _publication_day(rng, recent_days)
        syndicated = rng.random() < SYNDICATED_SHARE / 3
        wire = int(rng.integers(0, len(world.wires))) if syndicated or rng.random() < 0.3 else -1
        story = syn.plan_story(world, rng, day, wire)
        out += [(story, c) for c in range(int(rng.integers(2, 5)) if syndicated else 1)]
    return out[:n]


def _truth_row(world: syn.World, rel: str, kind: str, story: syn.Story, outlet_id: str, group: int) -> dict:
    return {
        "path": rel, "input_kind": kind, "published_on": syn.day_of(story.day), "outlet_id": outlet_id,
        "wire": world.wires[story.wire][0] if story.wire >= 0 else None, "story_group": group,
        "stances": story.stances,
    }  # fmt: skip


def _good_files(world, rng, n, batch, files, truth, recent_days=None):
    layouts = sorted(world.layouts)
    formats = rng.choice(list(syn.FORMAT_SHARES), size=n, p=list(syn.FORMAT_SHARES.values()))
    outlets = rng.integers(0, len(world.outlets), size=n)
    layout_ids = rng.integers(0, len(layouts), size=n)
    export_lines: list[str] = []
    groups: dict[int, int] = {}
    stories = _stories(world, rng, n, recent_days)
    for i, ((story, copy_no), kind) in enumerate(zip(stories, formats, strict=True)):
        index = f"{batch}-{i:07d}"
        outlet = world.outlets[outlets[i]]
        page = render.render_page(world, rng, story, outlet, layouts[layout_ids[i]], i, copy_no)
        group = groups.setdefault(id(story), len(groups))
        stem = f"{batch}/{i // 1000:04d}/{index}"
        if kind == "jsonl":
            export_no = len(export_lines) // RECORDS_PER_EXPORT
            rel = f"{batch}/exports/export-{export_no:05d}.jsonl#{len(export_lines) % RECORDS_PER_EXPORT + 1}"
            export_lines.append(render.export_record(page, rng))
        elif kind == "html":
            rel = f"{stem}.html"
            files.append((rel, render.as_html(page).encode()))
        else:
            rel = f"{stem}.txt"
            if rng.random() < 0.1:
                page.lines.append(f"© {page.published[:4]} {page.outlet_name}. All rights reserved.")
            else:
                files.append((f"{stem}.json", json.dumps(render.sidecar(page, rng)).encode()))
            files.append((rel, render.as_text(page).encode()))
        row = _truth_row(world, rel, kind, story, outlet[0], group)
        row["text_bytes"] = sum(len(line) + 1 for line in page.lines)
        truth.append(row)
    for start in range(0, len(export_lines), RECORDS_PER_EXPORT):
        name = f"{batch}/exports/export-{start // RECORDS_PER_EXPORT:05d}.jsonl"
        files.append((name, ("\n".join(export_lines[start : start + RECORDS_PER_EXPORT]) + "\n").encode()))


def _bad_file(world, rng, kind: str, i: int, batch: str, max_file_bytes: int) -> tuple[str, list]:
    """A file (or page + sidecar) that one gate must quarantine, and the path the truth names."""
    stem = f"{batch}/bad/{kind}-{i:05d}"
    story = syn.plan_story(world, rng, int(rng.integers(0, syn.DAYS)), -1)
    layout = sorted(world.layouts)[i % len(world.layouts)]
    outlet = UNKNOWN_OUTLET if kind == "unknown_outlet" else world.outlets[i % len(world.outlets)]
    undated = kind == "no_date"
    if undated:
        story.sentences[0] = story.sentences[0].rstrip(".") + f" {world.relative_dates[i % 5]}."
    if kind == "non_english":
        story.sentences = [world.foreign[i % len(world.foreign)]] * 3
    page = render.render_page(
        world, rng, story, outlet, layout, i, dated_url=not undated, dated_text=not undated
    )
    text = render.as_text(page).encode()
    meta = json.dumps({"url": page.url}).encode()
    match kind:
        case "empty":
            return f"{stem}.txt", [(f"{stem}.txt", b""), (f"{stem}.json", meta)]
        case "binary":
            return f"{stem}.txt", [(f"{stem}.txt", rng.bytes(4096))]
        case "mixed_encoding":
            return f"{stem}.txt", [(f"{stem}.txt", text + " — ".encode() + "café".encode("latin-1"))]
        case "oversized":
            return f"{stem}.txt", [(f"{stem}.txt", text * (max_file_bytes // len(text) + 1))]
        case "malformed_sidecar":
            return f"{stem}.txt", [(f"{stem}.txt", text), (f"{stem}.json", meta[:-2])]
        case "malformed_jsonl":
            return f"{stem}.jsonl#1", [(f"{stem}.jsonl", b'{"url": "' + page.url.encode() + b'", "text": \n')]
        case "unsupported":
            return f"{stem}.pdf", [(f"{stem}.pdf", b"%PDF-1.4\n" + rng.bytes(2048))]
    return f"{stem}.txt", [(f"{stem}.txt", text), (f"{stem}.json", meta)]


def _write(landing: Path, files: list[tuple[str, bytes]], workers: int = 8) -> None:
    for folder in {os.path.dirname(rel) for rel, _ in files}:
        (landing / folder).mkdir(parents=True, exist_ok=True)

    def write(item: tuple[str, bytes]) -> None:
        (landing / item[0]).write_bytes(item[1])

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(write, files, chunksize=256))


def generate_corpus(
    landing: Path,
    truth_dir: Path,
    n: int,
    seed: int = 0,
    batch: str = "b0",
    max_file_bytes: int = 262_144,
    recent_days: int | None = None,
) -> dict:
    """Write n good articles plus ~2% bad files under landing/batch; return counts and sizes. Articles are
    spread over the whole period, or with `recent_days` over its last days (plus LATE_SHARE late ones)."""
    world = syn.load_world()
    rng = np.random.default_rng(seed)
    files: list[tuple[str, bytes]] = []
    truth: list[dict] = []
    _good_files(world, rng, n, batch, files, truth, recent_days)
    bad = []
    for i in range(round(n * BAD_SHARE)):
        kind = list(BAD_KINDS)[i % len(BAD_KINDS)]
        rel, written = _bad_file(world, rng, kind, i, batch, max_file_bytes)
        files += written
        bad.append({"path": rel, "kind": kind, "step": BAD_KINDS[kind][0], "rule": BAD_KINDS[kind][1]})
    _write(landing, files)
    truth_dir.mkdir(parents=True, exist_ok=True)
    articles = pl.DataFrame(truth)
    articles.write_parquet(truth_dir / f"{batch}_articles.parquet")
    schema = dict.fromkeys(("path", "kind", "step", "rule"), pl.String)
    pl.DataFrame(bad, schema=schema).write_parquet(truth_dir / f"{batch}_bad.parquet")
    return {
        "articles": n,
        "bad_files": len(bad),
        "files": len(files),
        "bytes_written": sum(len(data) for _, data in files),
        "text_bytes": int(articles["text_bytes"].sum()) if n else 0,
    }
