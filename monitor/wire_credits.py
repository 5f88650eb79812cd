"""Which wire agency an article's copy credits ("(Yonhap)", "quoted by Reuters").

A separate fact from who published the page (monitor.outlets): a newspaper reprinting agency copy is the
publisher, the agency is the wire. Credits are read in the copy first, then in the page around it.
"""

from __future__ import annotations

import polars as pl

from monitor.outlet_signatures import load_text_patterns, signature_hits


def _lines(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.String).fill_null("").str.split("\n")


def _furniture(articles: pl.DataFrame) -> pl.DataFrame:
    """[article_id, text, page] -> [article_id, text]: the page's lines that are not in the copy (header with
    byline, footer with credit lines), in page order. Lines are matched by row number, not by the article_id
    string (one row per article)."""
    numbered = articles.with_row_index("doc")
    # blank copy lines (between paragraphs) can match no page line: page lines are not blank
    copy_lines = (
        numbered.select("doc", _lines("text").alias("line"))
        .explode("line")
        .select("doc", pl.col("line").str.strip_chars())
        .filter(pl.col("line") != "")
    )
    furniture = (
        numbered.select("doc", _lines("page").alias("line"))
        .explode("line")
        .select("doc", pl.col("line").str.strip_chars())
        .filter(pl.col("line") != "")
        .join(copy_lines, on=["doc", "line"], how="anti", maintain_order="left")
        .group_by("doc", maintain_order=True)
        .agg(pl.col("line").str.join("\n").alias("text"))
    )
    return furniture.select(numbered["article_id"].gather(furniture["doc"]).alias("article_id"), "text")


# Kinds of outlet whose name on their own pages credits their copy (KUNA's "(KUNA)", a Sputnik byline); any
# other publisher that also syndicates copy (Asian Lite News) signs its own reporting with its name.
AGENCY_KINDS = frozenset({"wire", "state_media"})


def _own_bylines(articles: pl.DataFrame, outlets: pl.DataFrame) -> pl.DataFrame:
    """[article_id, outlet_id]: the page's publisher (column outlet_id) where it is no agency, so that its own
    name on its page ("By Asian Lite News") is read as its byline, not as a wire credit."""
    publisher = (
        pl.col("outlet_id").cast(pl.String) if "outlet_id" in articles.columns else pl.lit(None, pl.String)
    )
    agencies = outlets.filter(pl.col("kind").is_in(list(AGENCY_KINDS)))["outlet_id"]
    return articles.select("article_id", publisher.alias("outlet_id")).filter(
        ~pl.col("outlet_id").is_in(agencies)
    )


def _first_credit(hits: pl.DataFrame, method: str, own: pl.DataFrame) -> pl.DataFrame:
    return (
        hits.join(own, on=["article_id", "outlet_id"], how="anti", maintain_order="left")
        .filter(pl.col("is_wire"), pl.col("role") != "citation")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("outlet_id").first().alias("wire"), pl.col("evidence").first().alias("wire_evidence"))
        .with_columns(pl.lit(method).alias("wire_method"))
    )


def detect_wire(
    articles: pl.DataFrame, outlets: pl.DataFrame, text_patterns: pl.DataFrame | None = None
) -> pl.DataFrame:
    """articles[article_id, text, optional page, byline, outlet_id] -> [article_id, wire, wire_evidence].

    wire is the first agency (is_wire) the copy (`text`, the cleaned body) credits, or null: a bare mention
    ("the Korean Central News Agency (KCNA) on Thursday") or a citation ("according to the Saudi Press
    Agency", "Kyodo News reported") is not a credit. An agency's own copyright line counts as its credit.
    Failing that, a byline or credit line in the rest of the page (`page`, the raw page text: "AFP" above
    the date, "India News | Press Trust of India | Updated: ...", "ab/sms (Reuters, AFP, dpa)") or in the
    page's byline metadata (`byline`, e.g. an HTML page's author), read only with the patterns whose scope
    is "page" (so a photo credit in a caption is not read as the copy's credit). The page's own publisher
    (`outlet_id`) is no wire of its page unless it is an agency (AGENCY_KINDS).
    """
    patterns = load_text_patterns() if text_patterns is None else text_patterns
    copy = articles.select("article_id", "text")
    own = _own_bylines(articles, outlets)
    found = [_first_credit(signature_hits(copy, outlets, patterns, wires_only=True), "copy", own)]
    if "page" in articles.columns or "byline" in articles.columns:
        page_patterns = patterns.filter(pl.col("scope") == "page")
        page = pl.concat_str(
            *[pl.col(c).cast(pl.String).fill_null("") for c in ("byline", "page") if c in articles.columns],
            separator="\n",
        )
        # the rest of the page is read only for articles whose copy credits no wire (the copy's credit wins)
        uncredited = articles.join(found[0].select("article_id"), on="article_id", how="anti")
        furniture = _furniture(uncredited.select("article_id", "text", page.alias("page")))
        found.append(
            _first_credit(signature_hits(furniture, outlets, page_patterns, wires_only=True), "page", own)
        )
    credits = pl.concat(found).unique("article_id", keep="first", maintain_order=True)
    return articles.select("article_id").join(
        credits.select("article_id", "wire", "wire_evidence"),
        on="article_id",
        how="left",
        maintain_order="left",
    )
