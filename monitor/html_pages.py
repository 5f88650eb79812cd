"""An HTML page's main text, the four metadata fields the pipeline keeps (url, site name, date, title) and
its byline.

trafilatura's `bare_extraction(with_metadata=True)` also works out the author, categories, tags, licence and
host name, none of which is kept; the author search alone (a deep copy of the page and an XPath sweep) was a
sixth of the extraction time. `page_fields` runs trafilatura's own metadata steps for the kept fields, in its
order and with its clean-up, then the content extraction on the same tree, so the output is the same field
for field. It leans on trafilatura.metadata internals (trafilatura is pinned): tests compare it with
`bare_extraction` on sample pages, so an upgrade that changes those steps fails loudly.

`fast=True` (no readability/jusText fallback) was measured and left out: on trafilatura's own annotated
evaluation pages it lowers recall (0.945 to 0.932).

The byline is read apart, cheaply: the author meta tags trafilatura's `examine_meta` already reads, plus the
short texts of the page's author/byline elements, which trafilatura's main text leaves out. "Le Monde with
AFP" in a `<p class="meta__author">` is the only place that page credits its wire.

A page whose metadata gives no date keeps the stamps of its date elements as the text's first lines, where
the date rules read a page's printed stamp like that of a text page.
"""

from __future__ import annotations

import logging
import re
from copy import copy

import trafilatura
from lxml.etree import XPath
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
    find_date,
)
from trafilatura.settings import Document, Extractor
from trafilatura.utils import load_html

DATE_PARAMS = {"extensive_search": False, "original_date": True}
NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d])")
# a publication instant in UTC in a meta tag or JSON-LD ("article:published_time" content="2025-02-03T01:14Z")
UTC_PUBLISHED = re.compile(
    r"(?:published_time|datePublished)[^<>]{0,40}?[\"'](\d{4}-\d{2}-\d{2})"
    r"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00))[\"']"
)
LOGGER = logging.getLogger(__name__)
# bare_extraction(tree, url=..., include_comments=False) builds these options for every page, reading seven
# settings through configparser each time (a twentieth of the extraction's CPU); only url and source vary
OPTIONS = Extractor(output_format="python", comments=False)
# author, byline and article-meta blocks by the markup sites use (NST: "By Bernama<br>December 20, 2023" in a
# div.article-meta); biographies and author boxes are prose about the writer
BYLINE_ELEMENTS = XPath(
    "//body//*[@rel='author' or @itemprop='author'"
    " or contains(@class, 'author') or contains(@class, 'byline') or contains(@class, 'article-meta')]"
    "[not(contains(@class, 'bio')) and not(contains(@class, 'box')) and not(contains(@class, 'avatar'))]"
)
# an element's text in document order, a <br> breaking the line ("By Bernama<br>December 20, 2023")
BYLINE_TEXT = XPath(".//text() | .//br")
BYLINE_MAX_CHARS = 100
BYLINE_MAX_LINES = 3
# the date stamp a page prints in an element of its own (CNA: "07 Jan 2025 04:18PM" in a div.article-publish,
# VnExpress: "September 10, 2023 | 09:47 pm GMT+7" in a p.meta), which the main text leaves out and htmldate's
# quick search does not read; "update" and "candidate" contain "date" too, and a meta line may hold only the
# byline, so only a short text with a year is taken
_LOWER_CLASS = "translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
DATE_ELEMENTS = XPath(
    f"//body//time | //body//*[contains({_LOWER_CLASS}, 'date') or contains({_LOWER_CLASS}, 'publish')"
    f" or contains({_LOWER_CLASS}, 'timestamp') or contains({_LOWER_CLASS}, 'posted')"
    f" or contains({_LOWER_CLASS}, 'meta')]"
)
DATE_STAMP_MAX_CHARS = 80
DATE_STAMP_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DATE_STAMP_MAX_LINES = 2


def _options(url: str | None) -> Extractor:
    """The Extractor bare_extraction would build for `url` (see Extractor.__init__ for url and source)."""
    options = copy(OPTIONS)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def _site_name(metadata: Document) -> str | None:
    sitename = metadata.sitename
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
        return sitename
    match = META_URL.match(metadata.url) if metadata.url else None
    return match[1] if match else None


def _metadata(tree) -> Document:
    """trafilatura.metadata.extract_metadata without the author, category, tag, licence and host steps."""
    metadata = examine_meta(tree)
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as error:  # trafilatura guards its JSON-LD reader the same way
        LOGGER.warning("error in JSON metadata extraction: %s", error)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, None)
    metadata.date = find_date(tree, url=metadata.url, **DATE_PARAMS)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    metadata.sitename = _site_name(metadata)
    metadata.clean_and_trim()
    return metadata


def trusted_date(found: str | None, html: str) -> str | None:
    """htmldate reads a printed 04/02/2025 day first, but a US-style site means April 2 by it: a date
    resting only on such a swappable numeric date is dropped (the dateline and URL rules then decide),
    unless the page also states it in ISO form (a meta tag, a <time datetime>); where the page states the
    other reading in ISO form (DW's "05/03/2024" above <time datetime="2024-05-03...">), that one."""
    if found is None:
        return None
    year, month, day = (int(part) for part in found[:10].split("-"))
    if day > 12 or day == month or found[:10] in html:
        return found
    other = f"{year:04d}-{day:02d}-{month:02d}"
    if other in html:
        return other
    swappable = any(
        {int(a), int(b)} == {day, month} and int(y) == year for a, b, y in NUMERIC_DATE.findall(html)
    )
    return None if swappable else found


def utc_instant(found: str | None, html: str) -> str | None:
    """htmldate keeps the day of a UTC instant ("2025-02-03T01:14:00.000Z" is "2025-02-03"), which is the
    day after the publisher's own in the Americas: the whole instant is kept where the page gives it, so that
    monitor.dates can read the publisher's day beside it (CNN's URL /2025/02/02/)."""
    for day, time in UTC_PUBLISHED.findall(html) if found else ():
        if day == found[:10]:
            return day + time
    return found


def byline(tree, meta_author: str | None) -> str | None:
    """The page's author lines: the author meta tag, then the short lines of each author/byline element (an
    element inside one already taken adds nothing)."""
    lines = [meta_author] if meta_author else []
    for element in BYLINE_ELEMENTS(tree):
        pieces = ["\n" if getattr(node, "tag", None) == "br" else node for node in BYLINE_TEXT(element)]
        for text in ("".join(pieces)).splitlines():
            text = " ".join(text.split())
            if text and len(text) <= BYLINE_MAX_CHARS and not any(text in line for line in lines):
                lines.append(text)
    return "\n".join(lines[:BYLINE_MAX_LINES]) or None


def date_stamps(tree) -> list[str]:
    """Short texts with a year from the page's date elements, in page order."""
    stamps: list[str] = []
    for element in DATE_ELEMENTS(tree):
        stamp = " ".join("".join(element.itertext()).split())
        if (
            len(stamp) <= DATE_STAMP_MAX_CHARS
            and DATE_STAMP_YEAR.search(stamp)
            and not any(stamp in taken or taken in stamp for taken in stamps)
        ):
            stamps.append(stamp)
    return stamps[:DATE_STAMP_MAX_LINES]


def page_fields(html: str) -> tuple[str | None, dict]:
    """Main text (None when none was found) and url, outlet (site name), published (date), title and
    byline."""
    tree = load_html(html)
    if tree is None:
        return None, {}
    try:
        metadata = _metadata(tree)
    except (TypeError, ValueError):
        return None, {}
    author_lines = byline(tree, metadata.author)
    published = utc_instant(trusted_date(metadata.date, html), html)
    # read before the extraction, which prunes the tree
    stamps = [] if published else date_stamps(tree)
    extracted = trafilatura.bare_extraction(tree, options=_options(metadata.url))
    if extracted is None:
        return None, {}
    text = extracted.text
    if stamps and text:
        # above the text, where a page prints its stamp: the date rules read such header lines
        text = "\n".join([*(stamp for stamp in stamps if stamp not in text), text])
    fields = {"url": metadata.url, "outlet": metadata.sitename, "published": published}
    return text, {**fields, "title": metadata.title, "byline": author_lines}
