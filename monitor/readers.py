"""Turn landing units (a page with its sidecar, a JSONL export, a stray file) into candidate documents.

Every unit yields at least one candidate row, good or bad: what cannot be read carries `read_error`,
and the raw_articles gate (not this module) decides what that means. Nothing is dropped here.
Paths named inside sidecars or records are kept as data and never opened.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import BinaryIO

import polars as pl

from monitor import html_pages
from monitor.decoding import decode_document
from monitor.json_guard import nesting_error, parse_sidecar
from monitor.landing import MISNAMED_REASON

NO_MAIN_TEXT = "no main text found in the HTML page"
METADATA_FIELDS = ("url", "outlet", "published", "title", "byline")
TEXT_FIELDS = ("text", "body", "content")
RECORD_ALIASES = {
    "outlet": ("outlet", "source", "site_name"),
    "published": ("published", "date", "published_at"),
    "byline": ("byline", "author", "authors"),
}

CANDIDATE_SCHEMA = {
    "article_id": pl.String,
    "input_kind": pl.String,
    "raw_text": pl.String,
    "text": pl.String,
    "url": pl.String,
    "outlet": pl.String,
    "published": pl.String,
    "title": pl.String,
    "byline": pl.String,
    "metadata_source": pl.String,
    "metadata": pl.String,
    "path": pl.String,
    "sidecar_path": pl.String,
    "size_bytes": pl.Int64,
    "encoding": pl.String,
    "read_error": pl.String,
}


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:32]


def _as_text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _candidate(**values: object) -> dict:
    return {name: values.get(name) for name in CANDIDATE_SCHEMA}


def candidate_frame(candidates: list[dict]) -> pl.DataFrame:
    """Candidates as columns: building the frame from row dicts took longer than reading the text files."""
    columns = {name: [c[name] for c in candidates] for name in CANDIDATE_SCHEMA}
    return pl.DataFrame(columns, schema=CANDIDATE_SCHEMA)


def _open_regular(path: str | Path) -> BinaryIO:
    """Open a landing file for reading, refusing symlinks (they may point anywhere) and anything that is
    not a regular file (a FIFO or device would block or never end)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OSError(error.errno, "symbolic link, not followed") from None
        raise
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise OSError(errno.EINVAL, "not a regular file")
    return handle


def _read_capped(path: str, max_bytes: int) -> tuple[bytes | None, str | None]:
    try:
        with _open_regular(path) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        return None, f"unreadable: {type(error).__name__}: {error.strerror or error}"
    if len(data) > max_bytes:
        return None, f"oversized: more than {max_bytes} bytes"
    return data, None


def _metadata_columns(metadata: dict, source: str) -> dict:
    columns = {field: _as_text(metadata.get(field)) for field in METADATA_FIELDS}
    for field, aliases in RECORD_ALIASES.items():
        columns[field] = next((_as_text(metadata[a]) for a in aliases if metadata.get(a) is not None), None)
    return {**columns, "metadata_source": source, "metadata": json.dumps(metadata, ensure_ascii=False)}


def read_document(path: str, sidecar_path: str | None, input_kind: str, max_bytes: int) -> dict:
    """A page (.txt/.html) and its optional JSON sidecar, as one candidate."""
    data, error = _read_capped(path, max_bytes)
    sidecar, sidecar_bytes = None, b""
    if sidecar_path is not None and error is None:
        sidecar_bytes, error = _read_capped(sidecar_path, max_bytes)
        if error is None:
            sidecar, error = parse_sidecar(sidecar_bytes)
            error = f"{error} ({sidecar_path})" if error else None
    base = {"input_kind": input_kind, "path": path, "sidecar_path": sidecar_path}
    if data is None:
        return _candidate(**base, article_id=_digest(path.encode()), size_bytes=-1, read_error=error)
    canonical_sidecar = json.dumps(sidecar, sort_keys=True).encode() if sidecar is not None else sidecar_bytes
    article_id = _digest(data, canonical_sidecar or b"")
    decoded = decode_document(data)
    fields = {**base, "article_id": article_id, "size_bytes": len(data), "encoding": decoded.encoding}
    if error is not None or decoded.error is not None:
        return _candidate(**fields, read_error=error or decoded.error)
    page = {"text": decoded.text}
    if input_kind == "html":
        text, found = html_pages.page_fields(decoded.text)
        if not text:
            return _candidate(**fields, raw_text=decoded.text, read_error=NO_MAIN_TEXT)
        page = {"text": text, **_metadata_columns(found, "html")}
    metadata = _metadata_columns(sidecar, "sidecar") if sidecar is not None else {}
    merged = {**page, **{k: v for k, v in metadata.items() if v is not None}}
    return _candidate(**fields, raw_text=decoded.text, **merged)


def _record_candidate(line: bytes, location: str, max_bytes: int) -> dict:
    base = {"input_kind": "jsonl", "path": location, "article_id": _digest(line), "size_bytes": len(line)}
    if len(line) > max_bytes:
        return _candidate(**base, read_error=f"oversized: JSONL record of more than {max_bytes} bytes")
    decoded = decode_document(line)
    if decoded.error is not None:
        return _candidate(**base, read_error=decoded.error)
    if too_deep := nesting_error(decoded.text):
        return _candidate(**base, encoding=decoded.encoding, read_error=f"malformed JSONL record: {too_deep}")
    try:
        record = json.loads(decoded.text)
    except (ValueError, RecursionError) as error:
        return _candidate(
            **base,
            encoding=decoded.encoding,
            read_error=f"malformed JSONL record: {type(error).__name__}: {str(error)[:200]}",
        )
    if not isinstance(record, dict):
        return _candidate(
            **base,
            encoding=decoded.encoding,
            read_error=f"malformed JSONL record: expected an object, found {type(record).__name__}",
        )
    text = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str)), None)
    if text is None:
        return _candidate(**base, encoding=decoded.encoding, read_error="JSONL record has no text field")
    metadata = {k: v for k, v in record.items() if k not in TEXT_FIELDS}
    return _candidate(
        **base,
        encoding=decoded.encoding,
        raw_text=decoded.text,
        text=text,
        **_metadata_columns(metadata, "jsonl"),
    )


def read_export(path: str, max_bytes: int) -> list[dict]:
    """One candidate per non-blank line; a line longer than the cap is skipped over, not loaded."""
    candidates: list[dict] = []
    try:
        with _open_regular(path) as handle:
            line_no = 0
            while True:
                line = handle.readline(max_bytes + 1)
                if not line:
                    break
                line_no += 1
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass
                if line.strip():
                    candidates.append(_record_candidate(line.strip(), f"{path}#{line_no}", max_bytes))
    except OSError as error:
        candidates.append(
            _candidate(
                input_kind="jsonl",
                path=path,
                article_id=_digest(path.encode()),
                size_bytes=-1,
                read_error=f"unreadable: {type(error).__name__}: {error.strerror or error}",
            )
        )
    return candidates


def failed_read(path: str, sidecar_path: str | None, input_kind: str, reason: str) -> dict:
    """The candidate for a page whose reading failed outright: keyed by its path, quarantined for `reason`."""
    return _candidate(
        input_kind=input_kind,
        path=path,
        sidecar_path=sidecar_path,
        article_id=_digest(path.encode()),
        size_bytes=-1,
        read_error=reason,
    )


def stray_file(path: str, input_kind: str, size_bytes: int, misnamed: bool) -> dict:
    """The candidate for a file that is no page, export or sidecar: the raw_articles gate quarantines it as
    unsupported, or as misnamed when its name hides what it holds."""
    return _candidate(
        article_id=_digest(path.encode()),
        input_kind=input_kind,
        path=path,
        size_bytes=size_bytes,
        read_error=MISNAMED_REASON if misnamed else None,
    )


def read_unit(path: str, sidecar_path: str | None, input_kind: str, max_bytes: int) -> dict:
    """read_document, where an exception from any library becomes the page's read_error: quarantined, and
    the run goes on."""
    try:
        return read_document(path, sidecar_path, input_kind, max_bytes)
    except Exception as error:
        reason = f"reader failed: {type(error).__name__}: {error}"
        return failed_read(path, sidecar_path, input_kind, reason[:300])
