"""Train the learned pair model (monitor.stance_learned) on the labelled development sets, report its
leave-one-set-out figures, and write seeds/stance_pair_model.csv.

    python scripts/train_stance_model.py [--hold-out blind12,blind13] [--kept DIR] [--out PATH] [--cv]

Each set runs through the real chain (`monitor run`, as scripts/accuracy.py does), or is read from
DIR/<set>/monitor.duckdb kept by `accuracy.py --keep DIR/<set>`. The rules' statements and the actor pairs of
each sentence are computed from its sentences and mentions; a pair's label is the sign of a labelled stance
whose snippet lies in its sentence (0: none). Sets named in --hold-out are never read: they stay unseen for
scripts/accuracy.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import duckdb
import numpy as np
import polars as pl
from scipy import sparse
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from accuracy import attach_ids, fetch, run_pipeline  # noqa: E402
from devset_labels import load_labels, norm  # noqa: E402

from monitor.stance import rule_stage  # noqa: E402
from monitor.stance_learned import BIAS, PAIR, candidate_pairs, pair_features  # noqa: E402
from monitor.stance_matching import load_cues, load_rules  # noqa: E402
from monitor.stance_relations import MUTUAL_FACT  # noqa: E402

DEVSET = ROOT / "devset"
MIN_COUNT = 2
MIN_WEIGHT = 0.01  # a feature this weak moves a probability by under 1%: left out of the seed


def devsets(held_out: set[str]) -> list[str]:
    names = sorted(
        p.parent.name for p in DEVSET.glob("*/labels.yaml") if p.parent.name.startswith(("blind", "held"))
    )
    return [n for n in names if n not in held_out]


def set_database(name: str, kept: Path | None, tmp: Path) -> Path:
    if kept and (kept / name / "monitor.duckdb").exists():
        return kept / name / "monitor.duckdb"
    work = tmp / name
    work.mkdir(parents=True)
    return run_pipeline(load_labels(DEVSET / name), DEVSET / name, work)


def _tables(db: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    con = duckdb.connect(str(db), read_only=True)
    sentences = con.execute('SELECT article_id, sentence_no, start, "end", text FROM sentences').pl()
    mentions = con.execute(
        """SELECT mention_id, article_id, sentence_no, start, "end", surface, actor_id, country, actor_kind,
                  role, rule FROM entity_mentions"""
    ).pl()
    published = con.execute("SELECT article_id, published_on FROM cleaned_articles").pl()
    con.close()
    return sentences, mentions, published


def label_frames(name: str, db: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(labelled stances [article_id, sentence_no, source_actor, target_actor, sign], forbidden pairs
    [article_id, source_actor, target_actor, sign]) of one set, sentences found as accuracy.py finds them."""
    labels = load_labels(DEVSET / name)
    data = fetch(db)
    attach_ids(labels, data)
    sentences = {}
    for aid, no, text in data["sentences"]:
        sentences.setdefault(aid, []).append((no, norm(text)))
    stances, forbidden = [], []
    for lab in labels:
        aid = lab["id"]
        if aid not in data["clean"]:
            continue
        for src, tgt, sign, snippet in lab.get("stances") or []:
            nos = [no for no, text in sentences.get(aid, []) if norm(snippet) in text] or [-1]
            stances += [
                (aid, no, src, tgt, int(sign), f"{name}:{lab['key']}:{src}>{tgt}:{snippet}") for no in nos
            ]
        forbidden += [(aid, src, tgt, int(sign)) for src, tgt, sign in lab.get("not_stances") or []]
    stance_schema = ["article_id", "sentence_no", "source_actor", "target_actor", "sign", "label_id"]
    return (
        pl.DataFrame(stances, schema=stance_schema, orient="row").drop_nulls("article_id"),
        pl.DataFrame(forbidden, schema=stance_schema[:1] + stance_schema[2:5], orient="row"),
    )


def set_rows(name: str, db: Path, cues: pl.DataFrame, rules: dict) -> dict:
    """One set's pairs with features and labels, and the rules' statements, for training and scoring. The
    pairs the rules stated train the model too (they carry the feature rs:<rule>, as at run time): they teach
    it what a stance sentence looks like, and which mutual facts are background."""
    sentences, mentions, published = _tables(db)
    sentences, smentions, hits, statements, sources = rule_stage(sentences, mentions, cues, published, rules)
    where = sentences.select("sid", "article_id", "sentence_no")
    pairs = candidate_pairs(smentions)
    stated = pairs.join(statements.select(PAIR).unique(), on=PAIR, how="semi").select("cid")
    features = pair_features(pairs, sentences, hits, statements, sources)
    stances, forbidden = label_frames(name, db)
    signs = stances.join(where, on=["article_id", "sentence_no"]).group_by(PAIR).agg(pl.col("sign").first())
    pairs = pairs.join(signs, on=PAIR, how="left").with_columns(
        pl.col("sign").fill_null(0), set=pl.lit(name), stated=pl.col("cid").is_in(stated["cid"].implode())
    )
    return {
        "pairs": pairs.join(where, on="sid"),
        "features": features,
        "rules": statements.join(where, on="sid").select(
            "article_id", "sentence_no", *PAIR[1:], "polarity", "rule"
        ),
        "stances": stances,
        "forbidden": forbidden,
    }


def design(rows: list[dict], vocabulary: dict[str, int] | None = None) -> tuple[sparse.csr_matrix, dict]:
    """The binary feature matrix of the sets' pairs, in the order of their pairs; a vocabulary of the features
    seen in at least MIN_COUNT pairs when none is given."""
    offset, parts = 0, []
    for r in rows:
        parts.append(r["features"].with_columns(row=pl.col("cid") + offset))
        offset += r["pairs"].height
    long = pl.concat(parts)
    if vocabulary is None:
        counts = long.group_by("feature").agg(n=pl.len()).filter(pl.col("n") >= MIN_COUNT).sort("feature")
        vocabulary = {f: i for i, f in enumerate(counts["feature"])}
    index = pl.DataFrame({"feature": list(vocabulary), "col": list(vocabulary.values())})
    cells = long.join(index, on="feature")
    matrix = sparse.csr_matrix(
        (np.ones(cells.height), (cells["row"].to_numpy(), cells["col"].to_numpy())),
        shape=(offset, len(vocabulary)),
    )
    return matrix, vocabulary


def fit(rows: list[dict], c: float) -> tuple[LogisticRegression, dict]:
    matrix, vocabulary = design(rows)
    y = np.concatenate([r["pairs"].sort("cid")["sign"].to_numpy() for r in rows])
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(matrix, y)
    return model, vocabulary


def predict(model: LogisticRegression, vocabulary: dict, row: dict) -> pl.DataFrame:
    matrix, _ = design([row], vocabulary)
    p = model.predict_proba(matrix)
    col = {c: i for i, c in enumerate(model.classes_)}
    return row["pairs"].sort("cid").with_columns(p_negative=p[:, col[-1]], p_positive=p[:, col[1]])


def score(row: dict, learned: pl.DataFrame) -> dict:
    """accuracy.py's stance figures for one set: rules' statements plus the learned ones given."""
    columns = ["article_id", "sentence_no", *PAIR[1:], "polarity"]
    said = pl.concat([row["rules"].select(columns), learned.select(columns)], how="vertical_relaxed")
    key = ["article_id", "sentence_no", "source_actor", "target_actor"]
    per_label = (
        row["stances"]
        .join(said, on=key, how="left")
        .group_by("label_id", "sign")
        .agg(pl.col("polarity").drop_nulls().mean())
    )
    found = per_label.filter(pl.col("polarity").is_not_null())
    right = found.filter((pl.col("polarity") > 0) == (pl.col("sign") > 0), pl.col("polarity") != 0)
    bad = row["forbidden"].join(said, on=["article_id", "source_actor", "target_actor"])
    bad = bad.filter((pl.col("polarity") > 0) == (pl.col("sign") > 0), pl.col("polarity") != 0)
    return {
        "labels": per_label.height,
        "found": found.height,
        "right": right.height,
        "forbidden": bad.select("article_id", "source_actor", "target_actor", "sign").unique().height,
        "added": learned.height,
    }


def without_unlikely_facts(row: dict, scored: pl.DataFrame, floor: float | None) -> dict:
    """The set's rules' statements less the mutual facts the model holds a stance less likely than floor,
    as monitor.stance_learned drops them at run time."""
    if floor is None:
        return row
    key = ["article_id", "sentence_no", *PAIR[1:]]
    unlikely = scored.filter(pl.col("p_negative") + pl.col("p_positive") < floor).select(
        key, rule=pl.lit(MUTUAL_FACT)
    )
    return {**row, "rules": row["rules"].join(unlikely, on=[*key, "rule"], how="anti")}


def cross_validate(rows: list[dict], c: float, thresholds: list[float], floor: float | None) -> None:
    """Each set scored by a model trained on the others: what the learned pairs add at each threshold, with
    the mutual facts below the floor dropped."""
    scored = [predict(*fit([o for o in rows if o is not r], c), r) for r in rows]
    vetted = [without_unlikely_facts(r, p.filter("stated"), floor) for r, p in zip(rows, scored, strict=True)]
    held = [p.filter(~pl.col("stated")) for p in scored]
    dropped = sum(r["rules"].height - v["rules"].height for r, v in zip(rows, vetted, strict=True))
    print(f"leave-one-set-out, C={c}, mutual floor {floor}: set, then per threshold found/labels sign-right")
    print(f"forbidden added; 'rules only' keeps every mutual fact, the others drop {dropped}")
    totals = {
        t: dict.fromkeys(("labels", "found", "right", "forbidden", "added"), 0) for t in [None, *thresholds]
    }
    for r, kept, p in zip(rows, vetted, held, strict=True):
        line = [f"{r['pairs']['set'][0] if r['pairs'].height else '?':9}"]
        for t in [None, *thresholds]:
            chosen = p.filter(pl.col("p_negative") + pl.col("p_positive") >= (t if t is not None else 2.0))
            s = score(
                kept if t is not None else r,
                chosen.with_columns(polarity=pl.col("p_positive") - pl.col("p_negative")),
            )
            for k, v in s.items():
                totals[t][k] += v
            line.append(f"{s['found']}/{s['labels']} {s['right']} {s['forbidden']} +{s['added']}")
        print("  ".join(line))
    for t, s in totals.items():
        print(
            f"threshold {t if t is not None else 'rules only':>10}: found {s['found'] / s['labels']:.3f} "
            f"({s['found']}/{s['labels']}), sign {s['right'] / max(s['found'], 1):.3f}, "
            f"forbidden {s['forbidden']}, learned statements {s['added']}"
        )


def weights(model: LogisticRegression, vocabulary: dict) -> pl.DataFrame:
    """Log-odds of negative and of positive against none, per feature; features with no weight left out."""
    col = {c: i for i, c in enumerate(model.classes_)}
    coef, bias = model.coef_, model.intercept_
    neg, pos = coef[col[-1]] - coef[col[0]], coef[col[1]] - coef[col[0]]
    table = pl.DataFrame({"feature": list(vocabulary), "negative": neg, "positive": pos})
    table = table.filter((pl.col("negative").abs() >= MIN_WEIGHT) | (pl.col("positive").abs() >= MIN_WEIGHT))
    head = pl.DataFrame(
        {
            "feature": [BIAS],
            "negative": [bias[col[-1]] - bias[col[0]]],
            "positive": [bias[col[1]] - bias[col[0]]],
        }
    )
    return pl.concat([head, table.sort("feature")]).with_columns(pl.col("negative", "positive").round(5))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold-out", default="", help="comma-separated sets never read (kept unseen)")
    parser.add_argument("--sets", help="comma-separated sets to train on (default: every labelled set)")
    parser.add_argument("--kept", type=Path, help="folder of <set>/monitor.duckdb kept by accuracy.py --keep")
    parser.add_argument("--out", type=Path, default=ROOT / "seeds" / "stance_pair_model.csv")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the logistic model")
    parser.add_argument("--cv", action="store_true", help="print leave-one-set-out figures, write nothing")
    parser.add_argument("--thresholds", default="0.4,0.5,0.6,0.7,0.8")
    parser.add_argument(
        "--mutual-floor",
        type=float,
        help="drop mutual facts the model scores below this (default: learned_mutual_floor in the rules)",
    )
    args = parser.parse_args(argv)
    held_out = {s for s in args.hold_out.split(",") if s}
    names = args.sets.split(",") if args.sets else devsets(held_out)
    if held_out & set(names):
        raise SystemExit(f"held-out sets named for training: {sorted(held_out & set(names))}")
    cues, rules = load_cues(), load_rules()
    with tempfile.TemporaryDirectory(prefix="monitor-train-") as tmp:
        rows = [set_rows(n, set_database(n, args.kept, Path(tmp)), cues, rules) for n in names]
    silent = pl.concat([r["pairs"] for r in rows]).filter(~pl.col("stated"))
    positives = silent.filter(pl.col("sign") != 0).height
    print(
        f"sets {','.join(names)}: {silent.height} pairs the rules left silent, {positives} labelled stances"
    )
    if args.cv:
        floor = args.mutual_floor if args.mutual_floor is not None else rules.get("learned_mutual_floor")
        cross_validate(rows, args.c, [float(t) for t in args.thresholds.split(",")], floor)
        return 0
    table = weights(*fit(rows, args.c))
    table.write_csv(args.out)
    print(f"wrote {args.out}: {table.height - 1} features")
    return 0


if __name__ == "__main__":
    sys.exit(main())
