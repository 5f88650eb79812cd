"""Outlet registry, and who published a page.

The publisher is decided by, in order of trust: the URL's domain, the outlet name that came with the page
(sidecar, HTML site name, JSONL record), then a self-signature in the text (copyright line, staff e-mail).
The registry is data (seeds/outlets.csv); which wire agency the text credits is monitor.wire_credits.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import polars as pl
import pycountry
import tldextract

from monitor.outlet_signatures import load_text_patterns, signature_hits

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
OUTLETS_PATH = SEEDS_DIR / "outlets.csv"

KINDS = frozenset({"wire", "newspaper", "broadcaster", "state_media", "aggregator", "magazine", "online"})
OUTLET_COLUMNS = ("outlet_id", "name", "country", "kind", "domains", "signatures", "is_wire")

_HOST = r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*://|//)?(?:[^@/?#\s]*@)?([^:/?#\s]+)"
_ID = r"[a-z0-9][a-z0-9_]*"
_DOMAIN = r"[a-z0-9-]+(?:\.[a-z0-9-]+)+"


def _split_list(column: str) -> pl.Expr:
    return (
        pl.col(column)
        .fill_null("")
        .str.split(";")
        .list.eval(pl.element().str.strip_chars())
        .list.filter(pl.element() != "")
    )


def _row_problems(row: dict) -> list[str]:
    problems = []
    if not re.fullmatch(_ID, row["outlet_id"] or ""):
        problems.append("outlet_id must be a lower-case slug ([a-z0-9_])")
    if not row["name"]:
        problems.append("name is empty")
    if not row["country"] or pycountry.countries.get(alpha_3=row["country"]) is None:
        problems.append(f"country {row['country']!r} is not an ISO 3166 alpha-3 code")
    if row["kind"] not in KINDS:
        problems.append(f"kind {row['kind']!r} is not one of {sorted(KINDS)}")
    if (row["is_wire"] or "").lower() not in {"true", "false"}:
        problems.append(f"is_wire {row['is_wire']!r} is not true/false")
    if not row["domains"]:
        problems.append("no domains")
    problems += [
        f"domain {d!r} is not a bare lower-case host name"
        for d in row["domains"]
        if not re.fullmatch(_DOMAIN, d)
    ]
    return problems


def _duplicates(rows: pl.DataFrame, column: str, label: str) -> list[str]:
    """One message per value claimed by more than one outlet, naming the rows."""
    owners = (
        rows.select("line", "outlet_id", pl.col(column).alias("value"))
        .explode("value")
        .drop_nulls("value")
        .group_by("value")
        .agg("line", "outlet_id")
        .filter(pl.col("line").list.n_unique() > 1)
        .sort("value")
    )
    return [
        f"lines {r['line']} (outlet_ids {r['outlet_id']}): {label} {r['value']!r} is claimed more than once"
        for r in owners.iter_rows(named=True)
    ]


def load_outlets(path: Path | str = OUTLETS_PATH) -> pl.DataFrame:
    """The validated registry: outlet_id, name, country, kind, domains (list), signatures (list), is_wire.

    Raises ValueError naming every bad row (CSV line and outlet_id): malformed fields, or an id, domain,
    signature or normalised name that two outlets claim (a lookup would be ambiguous).
    """
    raw = pl.read_csv(path, infer_schema=False)
    missing = [c for c in OUTLET_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {missing}")
    rows = (
        raw.select(OUTLET_COLUMNS)
        .with_row_index("line", offset=2)
        .with_columns(
            pl.col("outlet_id", "name", "country", "kind", "is_wire").str.strip_chars(),
            _split_list("domains").alias("domains"),
            _split_list("signatures").alias("signatures"),
        )
    )
    errors = [
        f"line {row['line']} (outlet_id={row['outlet_id']!r}): {problem}"
        for row in rows.iter_rows(named=True)
        for problem in _row_problems(row)
    ]
    errors += _duplicates(rows.with_columns(pl.concat_list("outlet_id").alias("ids")), "ids", "outlet_id")
    errors += _duplicates(rows, "domains", "domain")
    errors += _duplicates(rows, "signatures", "signature")
    keys = pl.concat_list(_normalised_name(pl.col(c)) for c in ("name", "outlet_id")).list.unique()
    errors += _duplicates(rows.with_columns(keys.alias("keys")), "keys", "normalised name/id")
    if errors:
        raise ValueError(f"{path}: invalid outlet registry:\n" + "\n".join(errors))
    return rows.drop("line").with_columns(pl.col("is_wire").str.to_lowercase() == "true")


def url_host(url: pl.Expr) -> pl.Expr:
    """Lower-case host of a URL (scheme optional), without user info, port or trailing dot."""
    return url.cast(pl.String).str.extract(_HOST, 1).str.to_lowercase().str.strip_chars_end(".")


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    """The public-suffix list bundled with tldextract: no network, no cache directory."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _host_table(hosts: pl.Series) -> pl.DataFrame:
    """host -> registered domain, plus the host's parent names down to it (to match subdomain entries)."""
    rows = []
    for host in hosts.drop_nulls().unique().to_list():
        registered = _extractor()(host).top_domain_under_public_suffix or None
        labels = host.split(".")
        keep = len(registered.split(".")) if registered else len(labels) + 1
        rows.append((host, registered, [".".join(labels[i:]) for i in range(len(labels) - keep + 1)]))
    schema = {"host": pl.String, "registered_domain": pl.String, "candidates": pl.List(pl.String)}
    return pl.DataFrame(rows, schema=schema, orient="row")


def registered_domain(urls: pl.Series) -> pl.Series:
    """Registered domain of each URL ('https://en.prothomalo.com/x' -> 'prothomalo.com'); null if none."""
    hosts = urls.to_frame("url").select(url_host(pl.col("url")).alias("host"))
    table = _host_table(hosts["host"]).select("host", "registered_domain")
    return hosts.join(table, on="host", how="left", maintain_order="left")["registered_domain"]


def _url_outlets(articles: pl.DataFrame, outlets: pl.DataFrame) -> pl.DataFrame:
    """article_id, url_domain (the URL's registered domain), url_outlet (longest matching registry host)."""
    hosts = articles.select("article_id", url_host(pl.col("url")).alias("host"))
    table = _host_table(hosts["host"])
    domains = outlets.select("outlet_id", pl.col("domains").alias("candidates")).explode("candidates")
    matched = (
        table.explode("candidates")
        .join(domains, on="candidates")
        .sort(pl.col("candidates").str.len_chars(), descending=True)
        .group_by("host")
        .agg(pl.col("outlet_id").first().alias("url_outlet"))
    )
    resolved = table.join(matched, on="host", how="left")
    return hosts.join(resolved, on="host", how="left", maintain_order="left").select(
        "article_id", pl.col("registered_domain").alias("url_domain"), "url_outlet"
    )


def url_outlet_countries(urls: pl.Series, outlets: pl.DataFrame | None = None) -> pl.Series:
    """The country (ISO alpha-3) of the registry outlet each URL belongs to; null for unknown or no URL."""
    registry = load_outlets() if outlets is None else outlets
    frame = pl.DataFrame({"article_id": pl.int_range(len(urls), eager=True), "url": urls.cast(pl.String)})
    return (
        _url_outlets(frame, registry)
        .join(
            registry.select(pl.col("outlet_id").alias("url_outlet"), "country"), on="url_outlet", how="left"
        )
        .sort("article_id")
        .get_column("country")
    )


def _normalised_name(name: pl.Expr) -> pl.Expr:
    """Case-, punctuation- and leading-'the'-insensitive key: 'The Korea Herald' == 'korea_herald'."""
    key = (
        name.str.to_lowercase()
        .str.replace_all("_", " ", literal=True)
        .str.replace(r"^\W*the\W+", "")
        .str.replace_all(r"[^\p{L}\p{N}]+", "")
    )
    return pl.when(key != "").then(key)


def _name_keys(outlets: pl.DataFrame) -> pl.DataFrame:
    """key -> outlet_id from names, ids, plain signatures and domains; keys two outlets share are dropped."""
    keys = (
        outlets.select(
            "outlet_id",
            pl.concat_list(
                pl.concat_list("name", "outlet_id"),
                "domains",
                pl.col("signatures").list.filter(~pl.element().str.starts_with("@")),
            ).alias("key"),
        )
        .explode("key")
        .with_columns(_normalised_name(pl.col("key")).alias("key"))
        .drop_nulls("key")
        .unique()
    )
    return keys.filter(pl.col("outlet_id").n_unique().over("key") == 1)


def resolve_outlets(
    articles: pl.DataFrame, outlets: pl.DataFrame, text_patterns: pl.DataFrame | None = None
) -> pl.DataFrame:
    """articles[article_id, url, outlet, text] -> [article_id, outlet_id, outlet_method], one row each.

    outlet_method is 'url_domain', 'sidecar_name', 'text_signature' or null. A URL on a domain the registry
    does not know leaves the publisher null (no fallback: the URL says who published it, and the gate
    quarantines it until a curator adds the domain). Only a non-wire outlet's self-signature (copyright
    line, staff e-mail) names the publisher from text; the last one wins, as page footers close the text.
    """
    patterns = load_text_patterns() if text_patterns is None else text_patterns
    by_url = _url_outlets(articles, outlets)
    sidecar_key = _normalised_name(pl.col("outlet").cast(pl.String)).alias("key")
    by_name = articles.select("article_id", sidecar_key).join(
        _name_keys(outlets).rename({"outlet_id": "name_outlet"}), on="key", how="left"
    )
    frame = (
        articles.select("article_id")
        .join(by_url, on="article_id", how="left", maintain_order="left")
        .join(by_name.select("article_id", "name_outlet"), on="article_id", how="left", maintain_order="left")
    )
    # the text is read only where neither the URL nor the sidecar name decides (most pages have a URL)
    unsigned = frame.filter(pl.col("url_domain").is_null(), pl.col("name_outlet").is_null())
    by_text = (
        signature_hits(
            articles.join(unsigned.select("article_id"), on="article_id", how="semi").select(
                "article_id", "text"
            ),
            outlets,
            patterns,
        )
        .filter(pl.col("role") == "publisher", ~pl.col("is_wire"))
        .group_by("article_id")
        .agg(pl.col("outlet_id").last().alias("text_outlet"))
    )
    frame = frame.join(by_text, on="article_id", how="left", maintain_order="left")
    unknown_url = pl.col("url_domain").is_not_null() & pl.col("url_outlet").is_null()
    method = (
        pl.when(pl.col("url_outlet").is_not_null())
        .then(pl.lit("url_domain"))
        .when(unknown_url)
        .then(pl.lit(None, pl.String))
        .when(pl.col("name_outlet").is_not_null())
        .then(pl.lit("sidecar_name"))
        .when(pl.col("text_outlet").is_not_null())
        .then(pl.lit("text_signature"))
    )
    outlet_id = (
        pl.when(unknown_url)
        .then(pl.lit(None, pl.String))
        .otherwise(pl.coalesce("url_outlet", "name_outlet", "text_outlet"))
    )
    return frame.select("article_id", outlet_id.alias("outlet_id"), method.alias("outlet_method"))


def unknown_outlet_domains(articles: pl.DataFrame, outlets: pl.DataFrame) -> pl.DataFrame:
    """articles[article_id, url] -> [domain, article_count]: what curators should add, busiest first."""
    return (
        _url_outlets(articles.select("article_id", "url"), outlets)
        .filter(pl.col("url_domain").is_not_null(), pl.col("url_outlet").is_null())
        .group_by(pl.col("url_domain").alias("domain"))
        .agg(pl.col("article_id").n_unique().cast(pl.Int64).alias("article_count"))
        .sort(["article_count", "domain"], descending=[True, False])
    )
