"""MinHash signatures of article bodies: the first half of near-duplicate detection (see dedup.py).

Kept apart from story assignment because it is self-contained numeric work on one batch: bodies become
word shingles, shingles become datasketch MinHash signatures (the library's own permutations and
"affine32" scheme, applied to all shingles of a batch at once with numpy, on every core). dedup.py only
reads the signatures, plus the stable hash mixing (_fold, _MIX) it reuses for its LSH band keys.
datasketch is imported where it is used: importing the package loads scipy.integrate (about 0.4 s), which a
process that cleans nothing (a run with nothing new, the UI's code server) never needs.
"""

from __future__ import annotations

import itertools
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import polars as pl

DEFAULT_NUM_PERM = 128
SHINGLE_WORDS = 3
_CHUNK_SHINGLES = 1 << 13
_MIX = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xBF58476D1CE4E5B9)
# a run of non-word characters, except a lone space (already what the run becomes)
_SEPARATORS = r"[^\p{L}\p{N}]{2,}|[^\p{L}\p{N} ]"


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
    from datasketch.hashfunc import sha1_hash32

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
    from datasketch.minhash import _fmix

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
    from datasketch import MinHash

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
