"""Near-duplicate stories: one wire story republished by five outlets should count once.

Signatures come from minhash.py; this module groups them. Signatures become LSH band keys (datasketch's
optimal bands/rows for the threshold), and candidate pairs are a join on those keys: a pair is a candidate
when it shares at least MIN_SHARED_BANDS band keys, and a new article is compared with at most
MAX_STORED_STORIES stored stories. Candidates are verified by the signature's Jaccard estimate, and
connected components over the verified pairs (transitive copies) are the stories. Everything is set-based
and sorted, so the same input in any row order gives the same story ids, and a new batch can join stories
already stored.

Why two bands: with 25 bands of 5 rows, one shared band makes a Jaccard-0.2 pair a candidate 0.8% of the
time, so on template-like text a batch's candidates grow with the archive; two shared bands cut that to
0.003% while an edited copy at Jaccard 0.7 still qualifies 94% of the time (0.8: 99.9%).

Why crowded keys are ignored against the archive: a band key shared by more than MAX_KEY_CROWD stored
articles comes from boilerplate and template sentences, not from a story (a story has a handful of copies).
In the 1M benchmark archive 1,446 such keys held 4% of the stored keys but 84% of the stored pairs
sharing a key; counting them made the shared-key join of each batch grow with the archive.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import polars as pl
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from monitor.minhash import _MIX, _fold

DEFAULT_THRESHOLD = 0.5
MAX_BUCKET_NEIGHBOURS = 20
MIN_SHARED_BANDS = 2
MAX_STORED_STORIES = 20
MAX_KEY_CROWD = 300

_STORED_SCHEMA = {"article_id": pl.String, "story_id": pl.String, "signature": pl.List(pl.UInt64)}
STORY_SCHEMA = pl.Schema(
    {
        "article_id": pl.String,
        "story_id": pl.String,
        "canonical_article_id": pl.String,
        "duplicate_similarity": pl.Float64,
    }
)


@cache
def lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band that datasketch's MinHashLSH picks for this threshold (it integrates for
    them: 9 ms a call, three calls a batch)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _matrix(signatures: pl.DataFrame) -> tuple[pl.DataFrame, np.ndarray]:
    """Rows with a signature, and their signatures as an (n, num_perm) uint64 matrix."""
    rows = signatures.filter(pl.col("signature").list.len() > 0)
    if rows.height == 0:
        return rows, np.zeros((0, 0), dtype=np.uint64)
    width = rows.get_column("signature").list.len().max()
    flat = rows.get_column("signature").explode().to_numpy().astype(np.uint64)
    return rows, flat.reshape(rows.height, width)


def band_keys(signatures: pl.DataFrame, threshold: float = DEFAULT_THRESHOLD) -> pl.DataFrame:
    """[article_id, signature] -> [article_id, band, key]: two articles sharing any (band, key) are LSH
    candidates, so candidate lookup is a join (and the keys can be stored as a table)."""
    rows, sig = _matrix(signatures)
    if rows.height == 0:
        return pl.DataFrame(schema={"article_id": pl.String, "band": pl.UInt16, "key": pl.UInt64})
    bands, per_band = lsh_shape(threshold, sig.shape[1])
    blocks = sig[:, : bands * per_band].reshape(rows.height, bands, per_band)
    key = np.zeros((rows.height, bands), dtype=np.uint64)
    for j in range(per_band):
        key = _fold(key * _MIX + blocks[:, :, j])
    return pl.DataFrame(
        {
            "article_id": np.repeat(rows.get_column("article_id").to_numpy(), bands),
            "band": np.tile(np.arange(bands, dtype=np.uint16), rows.height),
            "key": key.reshape(-1),
        }
    )


def _bucket_pairs(keys: pl.DataFrame, neighbours: int, min_shared: int) -> pl.DataFrame:
    """Pairs of nodes sharing at least `min_shared` (band, key) buckets: in each bucket a node is paired
    with up to `neighbours` predecessors (all pairs in ordinary buckets; bounded work in a giant one)."""
    crowded = keys.filter(pl.len().over("band", "key") > 1).sort("band", "key", "node")
    pairs = [
        crowded.select(
            pl.col("node").shift(offset).alias("left"),
            pl.col("node").alias("right"),
            (
                (pl.col("band").shift(offset) == pl.col("band"))
                & (pl.col("key").shift(offset) == pl.col("key"))
            ).alias("same"),
        ).filter(pl.col("same"))
        for offset in range(1, neighbours + 1)
    ]
    shared = pl.concat(pairs).group_by("left", "right").len("shared")
    return shared.filter(pl.col("shared") >= min_shared).select("left", "right")


def crowded_keys(old_keys: pl.DataFrame, max_crowd: int = MAX_KEY_CROWD) -> pl.DataFrame:
    """[band, key] shared by more than `max_crowd` rows of `old_keys` (one row per stored article and
    band): not counted as shared with the archive. assets/clean.py's CROWDED_KEYS is the same in SQL."""
    return (
        old_keys.group_by("band", "key")
        .len()
        .filter(pl.col("len") > max_crowd)
        .select(pl.col("band").cast(pl.UInt16), pl.col("key").cast(pl.UInt64))
    )


def _existing_pairs(
    new_keys: pl.DataFrame, old_keys: pl.DataFrame, min_shared: int, max_stories: int
) -> pl.DataFrame:
    """New-to-stored pairs sharing at least `min_shared` buckets; per new article one stored article per
    story (most shared buckets, then smallest id), the `max_stories` stories sharing the most buckets
    (then smallest story id). assets/clean.py's STORED_CANDIDATES applies the same rule in SQL."""
    shared = (
        new_keys.join(old_keys, on=["band", "key"], suffix="_stored")
        .group_by("node", "node_stored", "story_id")
        .len("shared")
        .filter(pl.col("shared") >= min_shared)
    )
    per_story = shared.sort(
        "node", "story_id", "shared", "node_stored", descending=[False, False, True, False]
    ).unique(subset=["node", "story_id"], keep="first", maintain_order=True)
    chosen = per_story.sort("node", "shared", "story_id", descending=[False, True, False]).filter(
        pl.int_range(pl.len()).over("node") < max_stories
    )
    return chosen.select(pl.col("node").alias("left"), pl.col("node_stored").alias("right"))


def _similarities(pairs: pl.DataFrame, sig: np.ndarray, chunk: int = 1 << 16) -> np.ndarray:
    """Jaccard estimates (share of equal MinHash values) for node pairs, in bounded-memory chunks."""
    left = pairs.get_column("left").to_numpy()
    right = pairs.get_column("right").to_numpy()
    out = np.empty(len(left), dtype=np.float64)
    for lo in range(0, len(left), chunk):
        hi = lo + chunk
        out[lo:hi] = (sig[left[lo:hi]] == sig[right[lo:hi]]).mean(axis=1)
    return out


def assign_story_ids(
    new: pl.DataFrame,
    existing: pl.DataFrame | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    neighbours: int = MAX_BUCKET_NEIGHBOURS,
    min_shared_bands: int = MIN_SHARED_BANDS,
    max_stored_stories: int = MAX_STORED_STORIES,
    crowded: pl.DataFrame | None = None,
    max_key_crowd: int = MAX_KEY_CROWD,
) -> pl.DataFrame:
    """new[article_id, signature, published_on?], existing[article_id, story_id, signature] ->
    [article_id, story_id, canonical_article_id, duplicate_similarity].

    A new article joins the story of a stored near-duplicate (stored ids never change; with several,
    the best-matching story, then the smallest id) or of near-duplicates in its batch; otherwise its
    group starts a story named after its canonical article (earliest published_on, then smallest id).
    duplicate_similarity is the best verified Jaccard estimate to another article (null: no duplicate).
    Rows of `new` already in `existing` are recomputed, so re-running a batch gives the same ids.
    `crowded` [band, key] are the keys not counted as shared with the archive; by default those of more
    than `max_key_crowd` rows of `existing` (pass the archive's own when `existing` is only candidates).
    """
    if "published_on" not in new.columns:
        new = new.with_columns(pl.lit(None, dtype=pl.Date).alias("published_on"))
    batch = (
        new.select(pl.col("article_id").cast(pl.String), "signature", pl.col("published_on").cast(pl.Date))
        .unique("article_id", keep="first")
        .sort("article_id")
        .with_row_index("node")
    )
    stored = existing if existing is not None else pl.DataFrame(schema=_STORED_SCHEMA)
    stored = (
        stored.select(pl.col("article_id").cast(pl.String), pl.col("story_id").cast(pl.String), "signature")
        .join(batch, on="article_id", how="anti")
        .filter(pl.col("signature").list.len() > 0)
        .sort("article_id")
        .with_row_index("node", offset=batch.height)
    )
    new_rows, new_sig = _matrix(batch)
    old_rows, old_sig = _matrix(stored)
    width = max(new_sig.shape[1], old_sig.shape[1])
    sig = np.zeros((batch.height + stored.height, width), dtype=np.uint64)
    if new_rows.height:
        sig[new_rows.get_column("node").to_numpy()] = new_sig
    if old_rows.height:
        sig[old_rows.get_column("node").to_numpy()] = old_sig

    def keyed(rows: pl.DataFrame) -> pl.DataFrame:
        return band_keys(rows, threshold).join(rows.drop("signature"), on="article_id")

    new_keys = keyed(batch).select("node", "band", "key")
    old_keys = keyed(stored).select("node", "story_id", "band", "key")
    if crowded is None:
        crowded = crowded_keys(old_keys, max_key_crowd)
    old_keys = old_keys.join(
        crowded.select(pl.col("band").cast(pl.UInt16), pl.col("key").cast(pl.UInt64)),
        on=["band", "key"],
        how="anti",
    )
    pairs = pl.concat(
        [
            _bucket_pairs(new_keys, neighbours, min_shared_bands),
            _existing_pairs(new_keys, old_keys, min_shared_bands, max_stored_stories),
        ],
        how="vertical_relaxed",
    ).unique()
    edges = pairs.with_columns(pl.Series("similarity", _similarities(pairs, sig))).filter(
        pl.col("similarity") >= threshold
    )
    n_nodes = batch.height + stored.height
    graph = coo_matrix(
        (np.ones(edges.height), (edges.get_column("left").to_numpy(), edges.get_column("right").to_numpy())),
        shape=(n_nodes, n_nodes),
    )
    _, labels = connected_components(graph, directed=False)
    component = pl.DataFrame({"node": np.arange(n_nodes, dtype=np.uint32), "component": labels})

    best = (
        pl.concat([edges.select(pl.col(end).alias("node"), "similarity") for end in ("left", "right")])
        .group_by("node")
        .agg(pl.col("similarity").max().alias("duplicate_similarity"))
    )
    stored_story = (
        best.join(stored.select("node", "story_id"), on="node")
        .join(component, on="node")
        .sort("component", pl.col("duplicate_similarity"), "story_id", descending=[False, True, False])
        .group_by("component", maintain_order=True)
        .first()
        .select("component", pl.col("story_id").alias("stored_story"))
    )
    members = batch.select(pl.col("node").cast(pl.UInt32), "article_id", "published_on").join(
        component, on="node"
    )
    canonical = (
        members.sort("component", "published_on", "article_id", nulls_last=True)
        .group_by("component", maintain_order=True)
        .first()
        .select("component", pl.col("article_id").alias("canonical"))
    )
    story = (
        members.join(canonical, on="component")
        .join(stored_story, on="component", how="left")
        .join(best.with_columns(pl.col("node").cast(pl.UInt32)), on="node", how="left")
        .select(
            "article_id",
            pl.coalesce("stored_story", "canonical").alias("story_id"),
            pl.coalesce("stored_story", "canonical").alias("canonical_article_id"),
            "duplicate_similarity",
        )
    )
    return (
        new.select(pl.col("article_id").cast(pl.String))
        .join(story, on="article_id", how="left", maintain_order="left")
        .cast(dict(STORY_SCHEMA))
    )
