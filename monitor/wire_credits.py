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


def _first_credit(hits: pl.DataFrame, method: str) -> pl.DataFrame:
    return (
        hits.filter(pl.col("is_wire"), pl.col("role") != "citation")
        .group_by("article_id", maintain_order=True)
        .agg(pl.col("outlet_id").first().alias("wire"), pl.col("evidence").first().alias("wire_evidence"))
        .with_columns(pl.lit(method).alias("wire_method"))
    )


def detect_wire(
    articles: pl.DataFrame, outlets: pl.DataFrame, text_patterns: pl.DataFrame | None = None
) -> pl.DataFrame:
    """articles[article_id, text, optional page, optional byline] -> [article_id, wire, wire_evidence].

    wire is the first agency (is_wire) the copy (`text`, the cleaned body) credits, or null: a bare mention
    ("the Korean Central News Agency (KCNA) on Thursday") or a citation ("according to the Saudi Press
    Agency", "Kyodo News reported") is not a credit. An agency's own copyright line counts as its credit.
    Failing that, a byline or credit line in the rest of the page (`page`, the raw page text: "AFP" above
    the date, "India News | Press Trust of India | Updated: ...", "ab/sms (Reuters, AFP, dpa)") or in the
    page's byline metadata (`byline`, e.g. an HTML page's author), read only with the patterns whose scope
    is "page" (so a photo credit in a caption is not read as the copy's credit).
    """
    patterns = load_text_patterns() if text_patterns is None else text_patterns
    copy = articles.select("article_id", "text")
    found = [_first_credit(signature_hits(copy, outlets, patterns, wires_only=True), "copy")]
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
            _first_credit(signature_hits(furniture, outlets, page_patterns, wires_only=True), "page")
        )
    credits = pl.concat(found).unique("article_id", keep="first", maintain_order=True)
    return articles.select("article_id").join(
        credits.select("article_id", "wire", "wire_evidence"),
        on="article_id",
        how="left",
        maintain_order="left",
    )
