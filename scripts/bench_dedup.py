"""Throughput of monitor.minhash and monitor.dedup on synthetic bodies: signatures, story assignment, an
incremental batch, and datasketch's own MinHash.bulk on a subset for comparison. Prints articles/s."""

from __future__ import annotations

import argparse
import time

import numpy as np
import polars as pl
from datasketch import MinHash

from monitor.dedup import assign_story_ids
from monitor.minhash import minhash_signatures, shingle_hashes


def synthetic_bodies(n: int, words: int, dup_share: float, seed: int = 7) -> pl.DataFrame:
    """Zipf-distributed word bodies; a share of them are copies of another body with ~5% words changed."""
    rng = np.random.default_rng(seed)
    vocab = np.array([f"w{i}" for i in range(50_000)])
    tokens = np.minimum(rng.zipf(1.3, size=(n, words)) - 1, len(vocab) - 1)
    copies = rng.random(n) < dup_share
    sources = rng.integers(0, n, size=n)
    tokens[copies] = tokens[sources[copies]]
    edits = (rng.random((n, words)) < 0.05) & copies[:, None]
    tokens[edits] = rng.integers(0, len(vocab), size=int(edits.sum()))
    bodies = [" ".join(row) for row in vocab[tokens]]
    return pl.DataFrame({"article_id": [f"art{i:07d}" for i in range(n)], "body": bodies})


def timed(label: str, n: int, fn):
    """Wall and CPU time (on a shared machine the wall time moves with the load, CPU time much less)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{label:<44} {n:>8} articles {seconds:8.2f} s {n / seconds:>10,.0f} articles/s"
        f"  (cpu {cpu:.2f} s, {n / cpu:,.0f} articles per CPU-second)"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--increment", type=int, default=10_000)
    parser.add_argument("--bulk-sample", type=int, default=2_000)
    args = parser.parse_args()

    corpus = synthetic_bodies(args.articles + args.increment, args.words, dup_share=0.2)
    first, second = corpus.head(args.articles), corpus.tail(args.increment)
    signed = timed("minhash_signatures", first.height, lambda: minhash_signatures(first))
    stories = timed("assign_story_ids (one batch)", first.height, lambda: assign_story_ids(signed))
    stored = stories.join(signed, on="article_id").select("article_id", "story_id", "signature")
    new_signed = minhash_signatures(second)
    timed(
        f"assign_story_ids (+batch vs {stored.height} stored)",
        second.height,
        lambda: assign_story_ids(new_signed, stored),
    )
    sample = first.head(args.bulk_sample)
    shingles = shingle_hashes(sample).group_by("doc", maintain_order=True).agg("shingle")["shingle"].to_list()
    timed(
        "datasketch MinHash.bulk (hashfunc=int)",
        sample.height,
        lambda: MinHash.bulk(shingles, num_perm=128, hashfunc=int),
    )
    token_lists = [[w.encode() for w in body.split()] for body in sample["body"]]
    timed(
        "datasketch MinHash.bulk (sha1, unigrams)",
        sample.height,
        lambda: MinHash.bulk(token_lists, num_perm=128),
    )
    sizes = stories.group_by("story_id").len()
    print(
        f"stories: {sizes.height} for {first.height} articles; multi-article stories: "
        f"{sizes.filter(pl.col('len') > 1).height}; largest: {sizes['len'].max()}"
    )


if __name__ == "__main__":
    main()
