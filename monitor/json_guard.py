"""JSON from files nobody vetted, parsed without letting a deep nesting reach Python's recursion limit."""

from __future__ import annotations

import json
import re
from itertools import accumulate

MAX_JSON_DEPTH = 512
JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def nesting_error(text: str) -> str | None:
    """JSON nested deeper than any metadata needs, found without recursing: the parser would recurse to
    Python's limit, and a garbage collection at that depth makes unrelated finalizers fail."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return None
    brackets = JSON_STRING.sub("", text)
    depth = max(accumulate(BRACKET_STEP.get(c, 0) for c in brackets), default=0)
    return f"nested deeper than {MAX_JSON_DEPTH} levels" if depth > MAX_JSON_DEPTH else None


def parse_sidecar(data: bytes) -> tuple[dict | None, str | None]:
    """A sidecar's metadata object, or the reason it is none (the page is then quarantined, not dropped)."""
    try:
        text = data.decode("utf-8-sig")
        if too_deep := nesting_error(text):
            return None, f"malformed sidecar: {too_deep}"
        parsed = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        return None, f"malformed sidecar: {type(error).__name__}: {str(error)[:200]}"
    if not isinstance(parsed, dict):
        return None, f"malformed sidecar: expected a JSON object, found {type(parsed).__name__}"
    return parsed, None
