"""Near-duplicate stories: one wire story republished by five outlets should count once.

Bodies become word shingles, shingles become datasketch MinHash signatures (the library's own
permutations and "affine32" scheme, applied to all shingles of a batch at once with numpy), signatures
become LSH band keys (datasketch's optimal bands/rows for the threshold), and candidate pairs are a join
on those keys. Candidates are verified by the signature's Jaccard estimate, and connected components
over the verified pairs (transitive copies) are the stories. Everything is set-based and sorted, so the
same input in any row order gives the same story ids, and a new batch can join stories already stored.
"""

from __future__ import annotations

import itertools
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import polars as pl
from datasketch import MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32
from datasketch.minhash import _fmix
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

DEFAULT_THRESHOLD = 0.5
DEFAULT_NUM_PERM = 128
SHINGLE_WORDS = 3
MAX_BUCKET_NEIGHBOURS = 20
_CHUNK_SHINGLES = 1 << 13
_MIX = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xBF58476D1CE4E5B9)
# a run of non-word characters, except a lone space (already what the run becomes)
_SEPARATORS = r"[^\p{L}\p{N}]{2,}|[^\p{L}\p{N} ]"

_STORED_SCHEMA = {"article_id": pl.String, "story_id": pl.String, "signature": pl.List(pl.UInt64)}
STORY_SCHEMA = pl.Schema(
    {
        "article_id": pl.String,
        "story_id": pl.String,
        "canonical_article_id": pl.String,
        "duplicate_similarity": pl.Float64,
    }
)


def _fold(h: np.ndarray) -> np.ndarray:
    """A stable avalanche of uint64 values (so keys do not depend on polars' unstable hash); in place."""
    shifted = h >> np.uint64(31)
    h ^= shifted
    h *= _MIX2
    np.right_shift(h, np.uint64(29), out=shifted)
    h ^= shifted
    return h


def _starts(doc: np.ndarray) -> np.ndarray:
    """Index of each doc's first word (docs are contiguous)."""
    first = np.ones(len(doc), dtype=bool)
    first[1:] = doc[1:] != doc[:-1]
    return np.flatnonzero(first)


def _words(articles: pl.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """doc (row number) and vocabulary code of every word of the normalised bodies, and each code's
    sha1 (stable across runs and versions; computed once per distinct word). Separator runs that are
    already one space are left alone, which halves the regex cost."""
    words = (
        articles.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("doc"),
            pl.col("body")
            .fill_null("")
            .str.to_lowercase()
            .str.replace_all(_SEPARATORS, " ")
            .str.strip_chars()
            .str.split(" ")
            .alias("word"),
        )
        .explode("word")
        .filter(pl.col("word").is_not_null() & (pl.col("word") != ""))
    )
    vocab = words.get_column("word").unique(maintain_order=True)
    hashes = np.fromiter((sha1_hash32(w.encode()) for w in vocab), dtype=np.uint64, count=len(vocab))
    codes = words.get_column("word").cast(pl.Enum(vocab)).to_physical().to_numpy()
    return words.get_column("doc").to_numpy(), codes, hashes


def _kgrams(doc: np.ndarray, h: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k-gram hash starting at each word (32 bits, as uint64) and whether it is one to keep: a
    complete k-gram, or the partial one of a doc shorter than k. `doc` holds whole docs."""
    n = len(doc)
    last = min(k - 1, n)
    combined = h.copy()
    window = combined[: n - last]
    for j in range(1, last + 1):
        window *= _MIX
        window += h[j : j + n - last]
    keep = np.zeros(n, dtype=bool)
    keep[: n - last] = doc[last:] == doc[: n - last]  # docs are contiguous
    starts = _starts(doc)
    short = starts[np.diff(starts, append=n) < k]
    if short.size:
        partial = h[short]
        for j in range(1, k):
            pos = np.minimum(short + j, n - 1)
            same = (short + j < n) & (doc[pos] == doc[short])
            partial = np.where(same, partial * _MIX + h[pos], partial)
        combined[short] = partial
        keep[short] = True
    return _fold(combined) & np.uint64(0xFFFFFFFF), keep


def shingle_hashes(articles: pl.DataFrame, shingle_words: int = SHINGLE_WORDS) -> pl.DataFrame:
    """[article_id, body] -> [doc, shingle]: 32-bit hashes of the word k-grams of the normalised body.

    `doc` is the row number in `articles`; a k-gram's hash combines its words' sha1 arithmetically.
    """
    doc, codes, hashes = _words(articles)
    shingle, keep = _kgrams(doc, hashes[codes], shingle_words)
    return pl.DataFrame({"doc": doc[keep], "shingle": shingle[keep]})


def _sign(doc, codes, hashes, bounds, k: int, perm: tuple, sig: np.ndarray, lo: int, hi: int) -> None:
    """sig[:, lo:hi] for the docs lo..hi: min over each doc's shingles of (a * fmix(s) + b) mod 2**32.

    Works in chunks of whole docs of about _CHUNK_SHINGLES words, so every temporary stays in cache.
    A k-gram not to keep takes the value of its doc's first k-gram (a duplicate leaves a min unchanged).
    """
    a, b = perm
    buffer = np.empty((len(a), max(_CHUNK_SHINGLES, int(np.diff(bounds[lo : hi + 1]).max()))), np.uint32)
    while lo < hi:
        top = int(np.searchsorted(bounds, bounds[lo] + _CHUNK_SHINGLES, side="right")) - 1
        top = min(max(top, lo + 1), hi)
        offsets = bounds[lo:top] - bounds[lo]
        words = slice(bounds[lo], bounds[top])
        shingle, keep = _kgrams(doc[words], hashes[codes[words]], k)
        drop = np.flatnonzero(~keep)
        shingle[drop] = shingle[offsets[np.searchsorted(offsets, drop, side="right") - 1]]
        block = buffer[:, : len(shingle)]
        np.multiply(a[:, None], _fmix(shingle.astype(np.uint32), 32)[None, :], out=block)
        block += b[:, None]
        sig[:, lo:top] = np.minimum.reduceat(block, offsets, axis=1)
        lo = top


def minhash_signatures(
    articles: pl.DataFrame,
    num_perm: int = DEFAULT_NUM_PERM,
    shingle_words: int = SHINGLE_WORDS,
    seed: int = 1,
) -> pl.DataFrame:
    """[article_id, body] -> [article_id, signature List(UInt64)]; null signature for an empty body.

    Each signature equals `datasketch.MinHash(num_perm, seed, hashfunc=int).update_batch(shingles)`:
    the library's permutations applied to the whole batch in numpy chunks (on every core: numpy
    releases the GIL) instead of one Python call per article.
    """
    doc, codes, hashes = _words(articles)
    perm = MinHash(num_perm=num_perm, seed=seed, hashfunc=int).permutations
    starts = _starts(doc)
    bounds = np.append(starts, len(doc))
    sig = np.empty((num_perm, len(starts)), dtype=np.uint32)
    workers = max(1, min(os.cpu_count() or 1, len(doc) // _CHUNK_SHINGLES))
    parts = np.searchsorted(bounds, np.linspace(0, len(doc), workers + 1))
    parts[-1] = len(starts)
    tasks = [(int(lo), int(hi)) for lo, hi in itertools.pairwise(parts) if hi > lo]
    with ThreadPoolExecutor(max_workers=max(len(tasks), 1)) as pool:
        list(pool.map(lambda t: _sign(doc, codes, hashes, bounds, shingle_words, perm, sig, *t), tasks))
    signed = pl.DataFrame(
        {
            "doc": doc[starts],
            "signature": pl.Series(sig.T.astype(np.uint64)).cast(pl.List(pl.UInt64)),
        }
    )
    return (
        articles.select(
            pl.col("article_id").cast(pl.String), pl.int_range(pl.len(), dtype=pl.UInt32).alias("doc")
        )
        .join(signed, on="doc", how="left", maintain_order="left")
        .select("article_id", "signature")
    )


def lsh_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band that datasketch's MinHashLSH picks for this threshold."""
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


def _bucket_pairs(keys: pl.DataFrame, neighbours: int) -> pl.DataFrame:
    """Pairs of nodes sharing a (band, key): each one paired with up to `neighbours` predecessors in its
    bucket (all pairs in ordinary buckets; bounded work in a giant one)."""
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
    return pl.concat(pairs).select("left", "right")


def _existing_pairs(new_keys: pl.DataFrame, old_keys: pl.DataFrame, neighbours: int) -> pl.DataFrame:
    """New-to-stored candidate pairs; per bucket at most `neighbours` stored articles, one per story first."""
    reps = (
        old_keys.join(new_keys.select("band", "key").unique(), on=["band", "key"], how="semi")
        .sort("band", "key", "story_id", "node")
        .unique(subset=["band", "key", "story_id"], keep="first", maintain_order=True)
        .filter(pl.int_range(pl.len()).over("band", "key") < neighbours)
    )
    joined = new_keys.join(reps, on=["band", "key"], suffix="_stored")
    return joined.select(pl.col("node").alias("left"), pl.col("node_stored").alias("right"))


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
) -> pl.DataFrame:
    """new[article_id, signature, published_on?], existing[article_id, story_id, signature] ->
    [article_id, story_id, canonical_article_id, duplicate_similarity].

    A new article joins the story of a stored near-duplicate (stored ids never change; with several,
    the best-matching story, then the smallest id) or of near-duplicates in its batch; otherwise its
    group starts a story named after its canonical article (earliest published_on, then smallest id).
    duplicate_similarity is the best verified Jaccard estimate to another article (null: no duplicate).
    Rows of `new` already in `existing` are recomputed, so re-running a batch gives the same ids.
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
    pairs = pl.concat(
        [
            _bucket_pairs(new_keys, neighbours),
            _existing_pairs(new_keys, old_keys, neighbours),
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
