"""Held-out labels and the pages they describe, as a reader sees them: a page's lines (an HTML page's text
blocks, a JSONL record's text) with each line's class from labels.yaml (title, meta, junk, article).

Shared by scripts/accuracy.py; reads only the devset, never the pipeline.
"""

from __future__ import annotations

import json
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import yaml

BLOCK_TAGS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "nav",
    "header",
    "footer",
    "section",
    "article",
    "aside",
    "figure",
    "figcaption",
    "main",
    "button",
    "br",
    "tr",
    "td",
    "blockquote",
    "title",
}
QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(QUOTES).split())


class _Blocks(HTMLParser):
    """Text blocks of a page, one per block element, as a reader sees them (head and scripts left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self._cur: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        if text := norm("".join(self._cur)):
            self.lines.append(text)
        self._cur = []

    def handle_starttag(self, tag, attrs) -> None:
        self._skip += tag in ("script", "style", "head")
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag) -> None:
        self._skip -= tag in ("script", "style", "head")
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data) -> None:
        if not self._skip:
            self._cur.append(data)


def load_labels(root: Path, keys: set[str] | None = None) -> list[dict]:
    """Labels with each article's page lines, url, and line classes (title/meta/junk/article) resolved."""
    labels = yaml.safe_load((root / "labels.yaml").read_text())["articles"]
    out = []
    for lab in labels:
        if keys and lab["key"] not in keys:
            continue
        path = root / lab["file"]
        url = None
        if path.suffix == ".jsonl":
            record = json.loads(path.read_text().splitlines()[lab["line"] - 1])
            page, url = record.get("text") or record.get("body") or record.get("content"), record.get("url")
            lines = page.splitlines()
        elif path.suffix == ".html":
            parser = _Blocks()
            parser.feed(path.read_text())
            parser._flush()
            lines = parser.lines
        else:
            lines = path.read_text().splitlines()
        sidecar = path.with_suffix(".json")
        if sidecar.exists() and path.suffix != ".jsonl":
            url = json.loads(sidecar.read_text()).get("url")
        lines = [norm(line) for line in lines if norm(line)]
        classes = {}
        for cls in ("title", "meta", "junk"):
            entries = lab.get(cls) or []
            for entry in [entries] if isinstance(entries, str) else entries:
                entry = norm(str(entry))
                hits = [
                    i
                    for i, line in enumerate(lines)
                    if (line.startswith(entry[:-1]) if entry.endswith("*") else line == entry)
                ]
                if not hits:
                    raise SystemExit(f"label {lab['key']}: {cls} entry {entry!r} matches no line of the page")
                classes.update({i: cls for i in hits if i not in classes})
        lab = dict(
            lab,
            url=url,
            path=str(path),
            lines=[(line, classes.get(i, "article")) for i, line in enumerate(lines)],
        )
        out.append(lab)
    return out


def syndicated_groups(root: Path, keys: set[str]) -> list[list[str]]:
    """The labelled groups of syndicated copies, each kept to the articles in `keys`."""
    groups = yaml.safe_load((root / "labels.yaml").read_text()).get("syndicated") or []
    return [[key for key in group if key in keys] for group in groups]
