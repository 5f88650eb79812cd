"""Bytes to text, or a precise reason why not.

UTF-8 first (what nearly every crawler writes), then a byte-order mark, then charset-normalizer for
legacy single-byte pages (Windows-1252 and friends). A file that is partly valid UTF-8 and partly not is
"mixed": decoding it either way would corrupt part of the article, so it is refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
# every other byte: deleting them leaves the control bytes to count (bytes.translate, not a regex scan)
NOT_CONTROL = bytes(b for b in range(256) if b not in CONTROL_BYTES)
MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None
    error: str | None


def decode_document(data: bytes) -> Decoded:
    if not data:
        return Decoded("", "empty", None)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding, None)
            except UnicodeDecodeError as error:
                return Decoded(
                    None,
                    None,
                    f"undecodable: invalid {encoding} after its byte-order mark ({error.reason})",
                )
    if b"\x00" in data or len(data[:65536].translate(None, NOT_CONTROL)) > MAX_CONTROL_SHARE * min(
        len(data), 65536
    ):
        return Decoded(None, None, "binary: control bytes in what should be text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError as error:
        utf8_error = error
    if UTF8_MULTIBYTE.search(data):
        return Decoded(
            None,
            None,
            f"mixed encodings: valid UTF-8 sequences beside invalid bytes at offset {utf8_error.start}",
        )
    best = from_bytes(data).best()
    if best is None:
        return Decoded(None, None, "undecodable: no text encoding fits these bytes")
    return Decoded(str(best), best.encoding, None)
