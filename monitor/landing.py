"""What is in the landing folder, and which of it is new or changed since the last run.

A listing is cheap (one stat per file); reading is not. Comparing the listing with the `landing_files`
ledger (path, size, mtime) lets a run read only what changed, which keeps a rerun over an unchanged
folder a small fraction of the first run.
"""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

DOCUMENT_SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html"}
EXPORT_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl"}
SIDECAR_SUFFIX = ".json"

LISTING_SCHEMA = {"path": pl.String, "size_bytes": pl.Int64, "mtime_ns": pl.Int64, "name_is_utf8": pl.Boolean}
MISNAMED_REASON = "file name is not valid UTF-8 (shown with \\x escapes): rename the file to read it"


def _listed_path(path: str) -> tuple[str, bool]:
    """A path a table can hold. A name that is not UTF-8 reaches Python with surrogate escapes, which no
    Arrow string can carry; it is listed with backslash escapes so it can be quarantined by name."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace"), False
    return path, True


def list_landing_files(landing_dir: Path) -> pl.DataFrame:
    """Every regular file under the folder, recursively (symlinks are not followed out of it)."""
    rows: list[tuple[str, int, int, bool]] = []
    for directory, _subdirs, names in os.walk(landing_dir):
        for name in names:
            path = os.path.join(directory, name)
            try:
                stat = os.stat(path, follow_symlinks=False)
            except OSError:
                stat = None
            listed, name_is_utf8 = _listed_path(path)
            size, mtime = (stat.st_size, stat.st_mtime_ns) if stat else (-1, -1)
            rows.append((listed, size, mtime, name_is_utf8))
    return pl.DataFrame(rows, schema=LISTING_SCHEMA, orient="row")


def classify_files(listing: pl.DataFrame) -> pl.DataFrame:
    """Give each file a role and the document it belongs to (a sidecar belongs to its page)."""
    suffix = pl.col("path").str.extract(r"(\.[^./\\]+)$").str.to_lowercase()
    stem = pl.col("path").str.replace(r"\.[^./\\]+$", "")
    files = listing.with_columns(suffix=suffix, stem=stem)
    document_stems = files.filter(pl.col("suffix").is_in(list(DOCUMENT_SUFFIXES))).select("stem").unique()
    files = files.join(document_stems.with_columns(has_document=pl.lit(True)), on="stem", how="left")
    is_sidecar = (pl.col("suffix") == SIDECAR_SUFFIX) & pl.col("has_document").fill_null(False)
    role = (
        pl.when(~pl.col("name_is_utf8"))
        .then(pl.lit("misnamed"))
        .when(pl.col("suffix").is_in(list(DOCUMENT_SUFFIXES)))
        .then(pl.lit("document"))
        .when(pl.col("suffix").is_in(list(EXPORT_SUFFIXES)))
        .then(pl.lit("export"))
        .when(is_sidecar)
        .then(pl.lit("sidecar"))
        .otherwise(pl.lit("unsupported"))
    )
    return files.with_columns(role=role).with_columns(
        input_kind=pl.col("suffix").replace_strict(
            {**DOCUMENT_SUFFIXES, **EXPORT_SUFFIXES}, default=None, return_dtype=pl.String
        ),
        unit_key=pl.when(pl.col("role").is_in(["document", "sidecar"]))
        .then(pl.col("stem"))
        .otherwise(pl.col("path")),
    )


def changed_units(classified: pl.DataFrame, ledger: pl.DataFrame) -> pl.DataFrame:
    """Files of every unit (page with sidecar, export, stray file) where any file is new or changed.

    A document and its sidecar form one unit keyed by the document's stem, so a sidecar that appears or
    changes beside an old page makes the page a new version.
    """
    seen = ledger.select("path", "size_bytes", "mtime_ns").with_columns(unchanged=pl.lit(True))
    marked = classified.join(seen, on=["path", "size_bytes", "mtime_ns"], how="left")
    return marked.filter((~pl.col("unchanged").fill_null(False)).any().over("unit_key")).drop("unchanged")
