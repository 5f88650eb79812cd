"""Story assignment of one batch against a large stored archive: stored rows fetched, candidate pairs,
seconds, peak RSS, and whether syndicated copies found their stored story.

Bodies come from monitor.synthetic's story planner (a few hundred sentence templates, so unrelated articles
share LSH band keys, as in the 1M corpus). `build` fills story_signatures and story_bands of a DuckDB file
(one story per stored article); `assign` runs assets.clean.assign_stories on a new batch, a share of it
copies of stored stories (last sentence dropped, as the corpus generator's odd copies), inside a transaction
it rolls back, so runs against one archive compare (e.g. before and after a change, with PYTHONPATH).

`carve` takes the real thing instead: from a benchmark run's database (e.g. data/bench/n1000000), its story
archive without a sample of `--batch` articles, which become the new batch, scored against the corpus truth
by `assign-carved` (copies that joined a stored article of their group, articles put in another group's
story), with the CPU seconds of assign_stories:

    bench_story_archive.py carve /tmp/carved.duckdb --source data/bench/n1000000/.monitor.duckdb.work
    bench_story_archive.py assign-carved /tmp/carved.duckdb
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

from assets import clean
from monitor import dedup, schema, settings
from monitor import synthetic as syn
from monitor.minhash import minhash_signatures
from monitor.warehouse import insert_frame

CHUNK = 20_000
COPY_SHARE = 0.15
EDIT_EVERY = 5


def story_sentences(world: syn.World, index: int, seed: int) -> list[str]:
    """The sentences of story `index`, the same in every run (one generator per story)."""
    rng = np.random.default_rng([seed, index])
    return syn.plan_story(world, rng, int(rng.integers(0, syn.DAYS)), -1).sentences


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6


def connect(path: str) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(path)
    conn.execute(f"SET memory_limit = '{settings.duckdb_memory_limit()}'")
    return conn


def build(path: str, articles: int, seed: int) -> None:
    world = syn.load_world()
    with connect(path) as conn:
        schema.ensure_tables(conn)
        for start in range(0, articles, CHUNK):
            ids = range(start, min(start + CHUNK, articles))
            frame = pl.DataFrame(
                {
                    "article_id": [f"stored{i:07d}" for i in ids],
                    "body": [" ".join(story_sentences(world, i, seed)) for i in ids],
                }
            )
            signed = minhash_signatures(frame).with_columns(story_id=pl.col("article_id"))
            insert_frame(conn, "story_signatures", signed.select("article_id", "story_id", "signature"))
            insert_frame(conn, "story_bands", dedup.band_keys(signed))
            print(f"stored {ids.stop} articles, peak RSS {peak_rss_gb():.2f} GB", flush=True)


def edited(sentences: list[str], other: list[str]) -> list[str]:
    """An edited copy: every EDIT_EVERY-th sentence rewritten (taken from another story)."""
    return [other[i % len(other)] if i % EDIT_EVERY == 1 else s for i, s in enumerate(sentences)]


def new_batch(world: syn.World, stored: int, size: int, seed: int) -> tuple[pl.DataFrame, dict[str, str]]:
    """The batch, and the stored story each copy belongs to: half the copies verbatim but for the last
    sentence, half edited."""
    rng = np.random.default_rng([seed, stored, size])
    copied = rng.choice(stored, size=int(size * COPY_SHARE), replace=False)
    bodies, truth = {}, {}
    for n, source in enumerate(copied):
        article_id = f"new{n:07d}" + ("e" if n % 2 else "")
        sentences = story_sentences(world, int(source), seed)
        if n % 2:
            sentences = edited(sentences, story_sentences(world, stored + 2_000_000 + n, seed))
        bodies[article_id] = " ".join(sentences[:-1])
        truth[article_id] = f"stored{source:07d}"
    for n in range(len(copied), size):
        bodies[f"new{n:07d}"] = " ".join(story_sentences(world, stored + 1_000_000 + n, seed))
    frame = pl.DataFrame({"article_id": list(bodies), "body": list(bodies.values())})
    return frame.with_columns(published_on=pl.lit(syn.day_of(0))), truth


def recall_by_similarity(
    path: str, batch: pl.DataFrame, stories: pl.DataFrame, truth: dict[str, str]
) -> pl.DataFrame:
    """Copies that found their stored story, by the Jaccard estimate between copy and source."""
    copies = pl.DataFrame({"article_id": list(truth), "source": list(truth.values())})
    with connect(path) as conn:
        conn.register("copies", copies.to_arrow())
        source = conn.execute(
            """SELECT c.article_id, s.signature
               FROM copies c JOIN story_signatures s ON s.article_id = c.source"""
        ).pl()
    signed = minhash_signatures(batch.filter(pl.col("article_id").is_in(copies["article_id"].implode())))
    pair = copies.join(source, on="article_id").join(signed, on="article_id", suffix="_copy")
    left = np.vstack(pair["signature"].to_list())
    right = np.vstack(pair["signature_copy"].to_list())
    similarity = pl.Series("similarity", (left == right).mean(axis=1))
    bins = [0.5, 0.6, 0.7, 0.8, 0.9]
    return (
        pair.with_columns(similarity.cut(bins, left_closed=True).alias("jaccard"))
        .join(stories, on="article_id")
        .group_by("jaccard")
        .agg(found=(pl.col("story_id") == pl.col("source")).sum(), copies=pl.len())
        .sort("jaccard")
    )


def _count_calls() -> dict[str, int]:
    """Have dedup count the stored rows it is given and the candidate pairs it verifies."""
    counts: dict[str, int] = {}
    assign_story_ids, similarities = dedup.assign_story_ids, dedup._similarities

    def counting_assign(new, existing=None, *args, **kwargs):
        counts["stored rows fetched"] = 0 if existing is None else existing.height
        return assign_story_ids(new, existing, *args, **kwargs)

    def counting_similarities(pairs, sig, *args, **kwargs):
        counts["candidate pairs"] = pairs.height
        return similarities(pairs, sig, *args, **kwargs)

    dedup.assign_story_ids, dedup._similarities = counting_assign, counting_similarities
    return counts


def assign(path: str, size: int, seed: int) -> None:
    world = syn.load_world()
    counts = _count_calls()
    with connect(path) as conn:
        stored = conn.execute("SELECT count(*) FROM story_signatures").fetchone()[0]
        batch, truth = new_batch(world, stored, size, seed)
        print(f"archive {stored} articles; batch {batch.height}; before assign_stories: peak RSS "
              f"{peak_rss_gb():.2f} GB", flush=True)  # fmt: skip
        conn.execute("BEGIN")
        start = time.perf_counter()
        stories = clean.assign_stories(conn, batch)
        seconds = time.perf_counter() - start
        conn.execute("ROLLBACK")
    merged = stories.filter(
        ~pl.col("article_id").is_in(list(truth)) & pl.col("story_id").str.starts_with("stored")
    ).height
    print(
        f"stored rows fetched {counts['stored rows fetched']}, candidate pairs {counts['candidate pairs']}, "
        f"assign_stories {seconds:.1f} s, peak RSS {peak_rss_gb():.2f} GB; "
        f"other new articles put in a stored story {merged}",
        flush=True,
    )
    print("copies that found their stored story, by Jaccard estimate to it:")
    print(recall_by_similarity(path, batch, stories, truth))


def carve(source: str, path: str, size: int) -> None:
    """From a monitor database (e.g. the benchmark's 1M run): its story archive without `size` articles
    (a sample by id), those articles' bodies as the new batch, and every article's truth story group."""
    truth = pl.concat(
        [pl.read_parquet(p) for p in sorted((Path(source).parent / "truth").glob("*_articles.parquet"))]
    )
    with connect(path) as conn:
        schema.ensure_tables(conn)
        conn.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
        conn.execute(
            f"""CREATE TABLE carved_batch AS SELECT article_id, body, published_on, story_id AS stored_story
                FROM src.cleaned_articles ORDER BY article_id DESC LIMIT {int(size)}"""  # noqa: S608
        )
        for table in ("story_signatures", "story_bands"):
            conn.execute(
                f"""INSERT INTO {table} SELECT * FROM src.{table}
                    WHERE article_id NOT IN (SELECT article_id FROM carved_batch)"""  # noqa: S608
            )
        paths = conn.execute(
            "SELECT article_id, regexp_extract(paths[1], 'landing/(.*)$', 1) AS path FROM src.raw_articles"
        ).pl()
        conn.register("groups", paths.join(truth.select("path", "story_group"), on="path").to_arrow())
        conn.execute("CREATE TABLE truth_groups AS SELECT article_id, story_group FROM groups")
        conn.execute("DETACH src")
        print(conn.execute("SELECT count(*) FROM story_signatures").fetchone()[0], "stored,", size, "new")


def assign_carved(path: str) -> None:
    """assign_stories on the carved batch: rows fetched, pairs, CPU seconds, peak RSS, and against the truth
    the copies that found a stored article of their group and the articles put in another group's story."""
    counts = _count_calls()
    with connect(path) as conn:
        batch = conn.execute("SELECT article_id, body, published_on FROM carved_batch").pl()
        groups = conn.execute("SELECT * FROM truth_groups").pl()
        stored_groups = conn.execute(
            "SELECT DISTINCT t.story_group FROM story_signatures s JOIN truth_groups t USING (article_id)"
        ).pl()
        stored = conn.execute("SELECT count(*) FROM story_signatures").fetchone()[0]
        print(f"archive {stored}; batch {batch.height}; before: peak RSS {peak_rss_gb():.2f} GB", flush=True)
        conn.execute("BEGIN")
        cpu, start = time.process_time(), time.perf_counter()
        stories = clean.assign_stories(conn, batch)
        cpu, seconds = time.process_time() - cpu, time.perf_counter() - start
        conn.execute("ROLLBACK")
    got = (
        stories.join(groups, on="article_id")
        .join(groups.rename({"article_id": "story_id", "story_group": "story_group_of_story"}), on="story_id")
        .with_columns(has_stored=pl.col("story_group").is_in(stored_groups["story_group"].implode()))
    )
    stored_copies = got.filter(
        pl.col("has_stored")
        & (pl.col("story_group") == pl.col("story_group_of_story"))
        & ~pl.col("story_id").is_in(batch["article_id"].implode())
    )
    copies = got.filter(pl.col("has_stored"))
    print(
        f"stored rows fetched {counts['stored rows fetched']}, candidate pairs {counts['candidate pairs']}, "
        f"assign_stories {cpu:.1f} CPU s ({seconds:.1f} s wall), peak RSS {peak_rss_gb():.2f} GB; "
        f"copies of a stored story that joined one of its group {stored_copies.height}/{copies.height}; "
        f"articles put in another group's story "
        f"{got.filter(pl.col('story_group') != pl.col('story_group_of_story')).height}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["build", "assign", "carve", "assign-carved"])
    parser.add_argument("database")
    parser.add_argument("--articles", type=int, default=300_000, help="build: stored articles")
    parser.add_argument("--batch", type=int, default=20_000, help="assign: new articles")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--source", help="carve: a monitor DuckDB file (its folder holds landing/, truth/)")
    args = parser.parse_args()
    if args.mode == "build":
        build(args.database, args.articles, args.seed)
    elif args.mode == "carve":
        carve(args.source, args.database, args.batch)
    elif args.mode == "assign-carved":
        assign_carved(args.database)
    else:
        assign(args.database, args.batch, args.seed)


if __name__ == "__main__":
    main()
