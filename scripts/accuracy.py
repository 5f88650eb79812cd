"""Held-out accuracy of the whole chain: run `monitor run` (through Dagster) on devset/heldout, read DuckDB,
score it against devset/heldout/labels.yaml and print each figure beside the issue's target.

    python scripts/accuracy.py [--keys a,b,c] [--keep DIR] [--dev]

The labels were written without reading the rules; this script only reads the pipeline's tables.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "devset" / "heldout"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset_labels import load_labels, norm, syndicated_groups  # noqa: E402

SENTENCE_END = re.compile(r'(?<=[.!?])["\']?\s+(?=["\']?[A-Z])')
DEV_SCRIPTS = ("eval_dates.py", "eval_boilerplate.py", "eval_mentions.py", "eval_stance.py")


def run_pipeline(labels: list[dict], root: Path, workdir: Path) -> Path:
    """Copy the labelled files to a landing folder and run the real chain on it with `monitor run`."""
    landing, db = workdir / "landing", workdir / "monitor.duckdb"
    for lab in labels:
        src = Path(lab["path"])
        dst = landing / src.relative_to(root)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
        if src.with_suffix(".json").exists() and src.suffix != ".jsonl":
            shutil.copy2(src.with_suffix(".json"), dst.with_suffix(".json"))
    (workdir / "dagster_home").mkdir(exist_ok=True)
    env = dict(
        os.environ,
        MONITOR_LANDING_DIR=str(landing),
        MONITOR_DB=str(db),
        DAGSTER_HOME=str(workdir / "dagster_home"),
    )
    exe = Path(sys.executable).parent / "monitor"
    cmd = [str(exe), "run"] if exe.exists() else [sys.executable, "-m", "monitor.cli", "run"]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    print("== monitor run ==\n" + "\n".join(done.stdout.strip().splitlines()[-25:]))
    if done.returncode:
        print(done.stderr[-4000:], file=sys.stderr)
        raise SystemExit(f"monitor run failed with exit code {done.returncode}")
    return db


def fetch(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    tables = {r[0] for r in q("SELECT table_name FROM information_schema.tables")}
    data = {
        "raw": q("SELECT article_id, url, paths FROM raw_articles"),
        "clean": {
            r[0]: r
            for r in q(
                "SELECT article_id, published_on, date_source, outlet_id, wire, story_id, body,"
                " language FROM cleaned_articles"
            )
        },
        "mentions": q(
            "SELECT article_id, country, surface, start FROM entity_mentions WHERE country IS NOT NULL"
        ),
        "sentences": q("SELECT article_id, sentence_no, text FROM sentences")
        if "sentences" in tables
        else [],
        "statements": q(
            "SELECT article_id, sentence_no, source_actor, target_actor, polarity, cue FROM stance_statements"
        ),
        "quarantine": q("SELECT item_id, step, rule, reason, observed_value, path FROM quarantine"),
        "outlets": q("SELECT outlet_id, name FROM outlets"),
    }
    con.close()
    return data


def attach_ids(labels: list[dict], data: dict) -> None:
    """Find each labelled article's article_id: by URL, else by the file path it was read from."""
    by_url = {r[1]: r[0] for r in data["raw"] if r[1]}
    by_name = {Path(p).name: r[0] for r in data["raw"] for p in (r[2] or []) if p}
    quarantined_paths = {Path(r[5]).name: r[0] for r in data["quarantine"] if r[5]}
    for lab in labels:
        name = Path(lab["path"]).name
        lab["id"] = by_url.get(lab["url"]) or by_name.get(name) or quarantined_paths.get(name)


def sentences_of(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if len(s.split()) >= 3]


def quarantine_reason(rules: str, expected: str | None) -> str:
    """The reason a quarantined page is scored by: a page can fail several rules (a Russian page with no
    English date fails language and date), and any of them may be the labelled one."""
    found = [{"published_on": "date"}.get(k, k) for k in ("published_on", "outlet", "language") if k in rules]
    return expected if expected in found else next(iter(found), "other")


def score(labels: list[dict], data: dict) -> dict:
    clean, quar = data["clean"], defaultdict(list)
    for item_id, step, rule, reason, observed, _ in data["quarantine"]:
        quar[item_id].append((step, rule, reason, observed))
    wire_ids = {k.lower(): oid for oid, name in data["outlets"] for k in (oid, name or oid)}
    furniture = {
        lab["id"]: {line for line, cls in lab["lines"] if cls in ("title", "meta")} for lab in labels
    }
    mentions, surfaces = defaultdict(set), defaultdict(lambda: defaultdict(set))
    for aid, country, surface, start in data["mentions"]:
        body = clean[aid][6] if aid in clean else ""
        line = norm(body[body.rfind("\n", 0, start) + 1 : (body.find("\n", start) + 1 or len(body) + 1) - 1])
        if line in furniture.get(aid, ()):
            continue
        mentions[aid].add(country)
        surfaces[aid][country].add(surface)
    sents = defaultdict(list)
    for aid, no, text in data["sentences"]:
        sents[aid].append((no, norm(text)))
    stmts = defaultdict(list)
    for aid, no, src, tgt, pol, cue in data["statements"]:
        stmts[aid].append((no, src, tgt, pol, cue))
    m = Counter()
    errors = defaultdict(list)
    actor_p, actor_r = [], []
    for lab in labels:
        key, aid = lab["key"], lab["id"]
        row, qs = clean.get(aid), quar.get(aid, [])
        rules = " ".join(f"{s}:{r}:{why}" for s, r, why, _ in qs).lower()
        expect_q = lab.get("quarantine")
        got_q = None if row is not None else quarantine_reason(rules, expect_q)
        m["q right" if (expect_q or None) == got_q else "q wrong"] += 1
        if (expect_q or None) != got_q:
            errors["quarantine"].append(f"{key}: expected {expect_q or 'to pass'}, got {got_q} {rules[:100]}")
        expected = None if lab["date"] is None else str(lab["date"])
        ok_dates = {expected, *map(str, lab.get("date_also_right") or [])}
        if row is None and "published_on" not in rules and got_q != "date":
            m["date unobservable"] += 1
        elif row is None or row[1] is None:
            m["date right" if expected is None else "date abstained"] += 1
            if expected is not None:
                errors["date abstained"].append(f"{key}: expected {expected}")
        elif str(row[1]) in ok_dates:
            m["date right"] += 1
        else:
            m["date wrong"] += 1
            errors["date wrong"].append(f"{key}: expected {expected}, got {row[1]} from {row[2]}")
        if lab["url"] and lab["outlet"] and row is None and got_q != "outlet":
            m["outlet unobservable"] += 1
        elif lab["url"] and lab["outlet"]:
            got = row[3] if row else None
            m["outlet right" if got == lab["outlet"] else "outlet wrong"] += 1
            if got != lab["outlet"]:
                errors["outlet"].append(f"{key}: expected {lab['outlet']}, got {got} {rules[:120]}")
        elif not lab["outlet"]:
            m["unknown outlet quarantined" if got_q == "outlet" else "unknown outlet passed"] += 1
        elif row is not None:
            m["outlet (text only) right" if row[3] == lab["outlet"] else "outlet (text only) wrong"] += 1
        if row is None:
            m["not in cleaned_articles"] += 1
            continue
        ok_wires = lab["wire"] if isinstance(lab["wire"], list) else [lab["wire"]]
        got_wire = wire_ids.get(str(row[4]).lower(), str(row[4]).lower()) if row[4] else None
        m[
            "wire right" if got_wire in ok_wires or (got_wire is None and None in ok_wires) else "wire wrong"
        ] += 1
        if got_wire not in ok_wires:
            errors["wire"].append(f"{key}: expected {lab['wire']}, got {row[4]}")
        body = norm(row[6] or "")
        body_lines = {norm(line) for line in (row[6] or "").splitlines()}
        for line, cls in lab["lines"]:
            if cls == "junk":
                kept = line in body_lines or (len(line) >= 20 and line in body)
                m["junk kept" if kept else "junk removed"] += 1
                if kept:
                    errors["junk kept"].append(f"{key}: {line[:90]}")
            elif cls == "article":
                for sentence in sentences_of(line):
                    m["sentence kept" if sentence in body else "sentence lost"] += 1
                    if sentence not in body:
                        errors["sentence lost"].append(f"{key}: {sentence[:100]}")
        optional = set(lab.get("optional_actors") or [])
        exp, got = set(lab["actors"]) - optional, mentions[aid] - optional
        m["actor tp"] += len(exp & got)
        m["actor fp"] += len(got - exp)
        m["actor fn"] += len(exp - got)
        actor_r.append(len(exp & got) / len(exp) if exp else 1.0)
        if got:
            actor_p.append(len(exp & got) / len(got))
        for c in sorted(got - exp):
            errors["actor false positive"].append(f"{key}: {c} from {sorted(surfaces[aid][c])[:3]}")
        for c in sorted(exp - got):
            errors["actor missed"].append(f"{key}: {c}")
        matched = set()
        for src, tgt, sign, snippet in lab.get("stances") or []:
            nos = {no for no, text in sents[aid] if norm(snippet) in text}
            hits = [s for s in stmts[aid] if s[0] in nos and s[1] == src and s[2] == tgt]
            matched.update(hits)
            if not hits:
                m["stance missed"] += 1
                why = (
                    "sentence not found"
                    if not nos
                    else f"sentence has {[(s[1], s[2]) for s in stmts[aid] if s[0] in nos]}"
                )
                errors["stance missed"].append(f"{key}: {src}->{tgt} {sign:+d} '{snippet}' ({why})")
                continue
            mean = sum(h[3] for h in hits) / len(hits)
            right = (mean > 0) == (sign > 0) and mean != 0
            m["stance sign right" if right else "stance sign wrong"] += 1
            if not right:
                errors["stance sign wrong"].append(
                    f"{key}: {src}->{tgt} expected {sign:+d}, got {mean:+.2f} "
                    f"cues {[h[4] for h in hits]} '{snippet}'"
                )
        for src, tgt, sign in lab.get("not_stances") or []:
            bad = [s for s in stmts[aid] if s[1] == src and s[2] == tgt and (s[3] > 0) == (sign > 0) and s[3]]
            m["forbidden stance produced" if bad else "forbidden stance avoided"] += 1
            if bad:
                errors["forbidden stance"].append(f"{key}: {src}->{tgt} {bad[:2]}")
        if lab.get("stances") is not None:
            extra = [s for s in stmts[aid] if s not in matched]
            m["unlabelled statements"] += len(extra)
            errors["unlabelled statement (not necessarily wrong)"] += [
                f"{key}: {s[1]}->{s[2]} {s[3]:+.2f} cue={s[4]} sentence {s[0]}" for s in extra[:3]
            ]
    return {"m": m, "errors": errors, "actor_p": actor_p, "actor_r": actor_r}


def syndication(labels: list[dict], data: dict, groups: list[list[str]]) -> tuple[int, int, int]:
    """(groups sharing one story id, groups measurable, false merges across different stories)."""
    story = {lab["key"]: data["clean"][lab["id"]][5] for lab in labels if lab["id"] in data["clean"]}
    group_of = {k: i for i, g in enumerate(groups) for k in g}
    whole, measurable = 0, 0
    for group in groups:
        ids = [story[k] for k in group if k in story]
        if len(ids) >= 2:
            measurable += 1
            whole += len(set(ids)) == 1
            if len(set(ids)) > 1:
                print(f"syndicated group split: {[(k, story.get(k)) for k in group]}")
    keys = sorted(story)
    merges = sum(
        1
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
        if story[a] == story[b] and group_of.get(a, a) != group_of.get(b, b)
    )
    return whole, measurable, merges


def ratio(a: float, b: float) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def report(labels: list[dict], data: dict, result: dict, groups: list[list[str]], show: int) -> None:
    m, errors = result["m"], result["errors"]
    whole, measurable, merges = syndication(labels, data, groups)
    dates = m["date right"] + m["date wrong"] + m["date abstained"]
    rows = [
        (
            "date: right / wrong / abstained",
            f"{m['date right']} / {m['date wrong']} / {m['date abstained']}"
            f" of {dates} ({m['date unobservable']} unobservable)",
            "0 wrong",
            m["date wrong"] == 0,
        ),
        (
            "outlet right (URL known)",
            f"{m['outlet right']}/{m['outlet right'] + m['outlet wrong']}"
            f" ({m['outlet unobservable']} quarantined earlier)",
            "all",
            m["outlet wrong"] == 0,
        ),
        (
            "unknown outlet quarantined",
            f"{m['unknown outlet quarantined']}/"
            f"{m['unknown outlet quarantined'] + m['unknown outlet passed']}",
            "all",
            m["unknown outlet passed"] == 0,
        ),
        ("wire right", f"{m['wire right']}/{m['wire right'] + m['wire wrong']}", "-", None),
        (
            "junk lines removed",
            ratio(m["junk removed"], m["junk removed"] + m["junk kept"]),
            ">= 0.95",
            m["junk removed"] >= 0.95 * (m["junk removed"] + m["junk kept"]),
        ),
        (
            "article sentences kept",
            ratio(m["sentence kept"], m["sentence kept"] + m["sentence lost"]),
            ">= 0.99",
            m["sentence kept"] >= 0.99 * (m["sentence kept"] + m["sentence lost"]),
        ),
    ]
    tp, fp, fn = m["actor tp"], m["actor fp"], m["actor fn"]
    macro_r = sum(result["actor_r"]) / len(result["actor_r"]) if result["actor_r"] else 0
    macro_p = sum(result["actor_p"]) / len(result["actor_p"]) if result["actor_p"] else 0
    rows += [
        ("actor recall macro / micro", f"{macro_r:.3f} / {ratio(tp, tp + fn)}", ">= 0.95", macro_r >= 0.95),
        (
            "actor precision macro / micro",
            f"{macro_p:.3f} / {ratio(tp, tp + fp)}",
            ">= 0.95",
            macro_p >= 0.95,
        ),
    ]
    found = m["stance sign right"] + m["stance sign wrong"]
    total = found + m["stance missed"]
    rows += [
        (
            "stance sign right (found)",
            f"{ratio(m['stance sign right'], found)} ({m['stance sign right']}/{found})",
            ">= 0.90",
            found and m["stance sign right"] >= 0.9 * found,
        ),
        (
            "clear stances found",
            f"{ratio(found, total)} ({found}/{total})",
            ">= 0.75",
            total and found >= 0.75 * total,
        ),
        (
            "forbidden stances produced",
            f"{m['forbidden stance produced']}/"
            f"{m['forbidden stance produced'] + m['forbidden stance avoided']}",
            "0",
            m["forbidden stance produced"] == 0,
        ),
        (
            "syndicated groups on one story id",
            f"{whole}/{measurable} ({merges} false merges)",
            "all, 0 merges",
            whole == measurable and merges == 0,
        ),
        ("quarantine as labelled", f"{m['q right']}/{m['q right'] + m['q wrong']}", "all", m["q wrong"] == 0),
    ]
    print(
        f"\n== held-out accuracy: {len(labels)} articles, "
        f"{m['not in cleaned_articles']} not in cleaned_articles =="
    )
    print(f"{'figure':38} {'measured':42} {'target':14} ok")
    for name, value, target, ok in rows:
        print(f"{name:38} {value:42} {target:14} {'-' if ok is None else ('yes' if ok else 'NO')}")
    reasons = Counter((step, rule) for _, step, rule, *_ in data["quarantine"])
    print("\n== quarantine reasons ==")
    for (step, rule), n in reasons.most_common():
        print(f"{n:4}  {step}: {rule}")
    print(
        f"\nunlabelled statements in scored articles: {m['unlabelled statements']} "
        "(only clear stances are labelled)"
    )
    for kind, items in errors.items():
        print(f"\n-- {kind} ({len(items)}) --")
        for item in items[:show]:
            print("  " + item)


def run_dev_scripts() -> None:
    for script in DEV_SCRIPTS:
        print(f"\n== scripts/{script} ==", flush=True)
        subprocess.run([sys.executable, str(ROOT / "scripts" / script)], cwd=ROOT, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", type=Path, default=HELDOUT)
    parser.add_argument("--keys", help="comma-separated article keys (a subset of the labels)")
    parser.add_argument("--keep", type=Path, help="work folder to keep (landing copy, DuckDB, DAGSTER_HOME)")
    parser.add_argument("--show", type=int, default=8, help="examples printed per error kind")
    parser.add_argument("--dev", action="store_true", help="also run the per-concern dev scripts")
    args = parser.parse_args(argv)
    labels = load_labels(args.heldout, set(args.keys.split(",")) if args.keys else None)
    groups = syndicated_groups(args.heldout, {lab["key"] for lab in labels})
    with tempfile.TemporaryDirectory(prefix="monitor-accuracy-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        data = fetch(run_pipeline(labels, args.heldout, work))
    attach_ids(labels, data)
    report(labels, data, score(labels, data), [g for g in groups if len(g) >= 2], args.show)
    if args.dev:
        run_dev_scripts()
    return 0


if __name__ == "__main__":
    sys.exit(main())
