"""cleaned_articles: title and body without page furniture, a trustworthy date, the publisher, the wire it
credits, and a story id shared by syndicated copies."""

from dataclasses import replace

import dagster as dg
import polars as pl

from monitor import (
    asset_checks,
    batch_overlap,
    code_version,
    data_docs,
    date_patterns,
    dates,
    dedup,
    gate_rows,
    gates,
    ge_session,
    incremental,
    interrupts,
    language,
    minhash,
    outlet_signatures,
    outlets,
    settings,
    text_cleaning,
    wire_credits,
)
from monitor.progress import BatchProgress
from monitor.warehouse import WRITER_POOL, Warehouse, insert_frame

STEP = "cleaned_articles"
UPSTREAM = ["raw_articles"]
ARTICLES_PER_BATCH = 20_000
LOGIC_VERSION = code_version.logic_version(
    "date_patterns",
    "dates",
    "dedup",
    "language",
    "minhash",
    "outlet_signatures",
    "outlets",
    "text_cleaning",
    "wire_credits",
)
SEEDS = [
    *sorted((settings.SEEDS_DIR / "cleaning").glob("*")),
    outlets.OUTLETS_PATH,
    outlet_signatures.TEXT_PATTERNS_PATH,
    date_patterns.PATTERNS_FILE,
    settings.EXPECTATIONS_DIR / f"{STEP}.json",
]
TABLE_COLUMNS = [
    "article_id", "title", "body", "language", "published_on", "date_source", "date_evidence",
    "outlet_id", "outlet_method", "wire", "wire_evidence", "story_id", "canonical_article_id",
    "duplicate_similarity", "url", "lines_total", "lines_dropped", "ingested_at",
]  # fmt: skip


def clean_batch(raw: pl.DataFrame, registry: pl.DataFrame) -> pl.DataFrame:
    """Every article of the batch with what the gate needs to judge it (pure: no I/O)."""
    raw = raw.with_columns(site=outlets.registered_domain(raw["url"]))
    cleaned = text_cleaning.clean_articles(raw.select("article_id", "text", "title", "site"))
    published = dates.resolve_published_dates(
        raw.select("article_id", "published", "url", "text", "ingested_at")
    )
    publisher = outlets.resolve_outlets(raw.select("article_id", "url", "outlet", "text"), registry)
    copy_and_page = (
        cleaned.select("article_id", text="body")
        .join(raw.select("article_id", "byline", page="text"), on="article_id", how="left")
        .join(publisher.select("article_id", "outlet_id"), on="article_id", how="left")
    )
    wire = wire_credits.detect_wire(copy_and_page, registry)
    # the page as a whole, not the cleaned body: cleaning drops lines in other languages
    languages = language.detect_language(raw.select("article_id", body="text")).drop("english_score")
    return (
        raw.select("article_id", "url", "ingested_at")
        .join(cleaned, on="article_id", how="left")
        .join(languages, on="article_id", how="left")
        .join(published, on="article_id", how="left")
        .join(publisher, on="article_id", how="left")
        .join(wire, on="article_id", how="left")
        .with_columns(
            body_length=pl.col("body").str.len_chars(),
            days_after_ingestion=(pl.col("ingested_at").dt.date() - pl.col("published_on")).dt.total_days(),
        )
    )


# The band keys of the batch shared by more than MAX_KEY_CROWD stored articles (dedup.crowded_keys):
# boilerplate, not stories, and left out of the shared-key join below, which they would make grow with the
# archive.
CROWDED_KEYS = """
    SELECT b.band, b.key
    FROM story_bands b SEMI JOIN new_keys n ON b.band = n.band AND b.key = n.key
    WHERE b.article_id NOT IN (SELECT article_id FROM new_keys)
    GROUP BY b.band, b.key
    HAVING count(*) > $max_crowd"""


# The stored articles dedup.assign_story_ids can pair with the batch, by its rule (dedup._existing_pairs):
# per new article, stored articles sharing at least MIN_SHARED_BANDS band keys with it (crowded keys left
# out: cool_keys is new_keys without them), one per story (most shared keys, then smallest id), the
# MAX_STORED_STORIES stories sharing the most keys. Chosen in SQL so
# that only those signatures are fetched: at most MAX_STORED_STORIES per new article whatever the archive
# size (DuckDB counts the shared keys within its memory limit). Every article in story_bands has a
# non-empty signature, so the signatures themselves (1 GB at 1M articles) are read only for the chosen.
STORED_CANDIDATES = """
    WITH shared AS (
        SELECT n.article_id AS new_id, b.article_id, count(*) AS shared
        FROM cool_keys n JOIN story_bands b USING (band, key)
        WHERE b.article_id NOT IN (SELECT article_id FROM new_keys)
        GROUP BY n.article_id, b.article_id
        HAVING count(*) >= $min_shared),
    per_story AS (
        SELECT shared.new_id, shared.article_id, shared.shared, s.story_id
        FROM shared JOIN story_signatures s USING (article_id)
        QUALIFY row_number() OVER (
            PARTITION BY shared.new_id, s.story_id ORDER BY shared.shared DESC, shared.article_id) = 1),
    chosen AS (
        SELECT article_id FROM per_story
        QUALIFY row_number() OVER (PARTITION BY new_id ORDER BY shared DESC, story_id) <= $max_stories)
    SELECT article_id, story_id, signature FROM story_signatures
    WHERE article_id IN (SELECT article_id FROM chosen)"""


STORED_CANDIDATE_LIMITS = {"min_shared": dedup.MIN_SHARED_BANDS, "max_stories": dedup.MAX_STORED_STORIES}
CROWDED_KEY_LIMIT = {"max_crowd": dedup.MAX_KEY_CROWD}


def stored_candidates(conn, keys: pl.DataFrame, max_crowd: int = dedup.MAX_KEY_CROWD) -> tuple:
    """(stored candidates [article_id, story_id, signature], crowded keys [band, key]) for the batch's
    band keys [article_id, band, key]."""
    conn.register("new_keys", keys.to_arrow())
    try:
        crowded = conn.execute(CROWDED_KEYS, {"max_crowd": max_crowd}).pl()
        conn.register("cool_keys", keys.join(_keyed(crowded), on=["band", "key"], how="anti").to_arrow())
        stored = conn.execute(STORED_CANDIDATES, STORED_CANDIDATE_LIMITS).pl()
    finally:
        conn.unregister("new_keys")
        conn.unregister("cool_keys")
    return stored.with_columns(pl.col("signature").cast(pl.List(pl.UInt64))), _keyed(crowded)


def _keyed(keys: pl.DataFrame) -> pl.DataFrame:
    return keys.select(pl.col("band").cast(pl.UInt16), pl.col("key").cast(pl.UInt64))


def assign_stories(conn, articles: pl.DataFrame) -> pl.DataFrame:
    """Story ids for the batch: candidates among stored articles are found by joining LSH band keys."""
    signatures = minhash.minhash_signatures(articles.select("article_id", "body"))
    keys = dedup.band_keys(signatures)
    stored, crowded = stored_candidates(conn, keys)
    stories = dedup.assign_story_ids(
        signatures.join(articles.select("article_id", "published_on"), on="article_id"),
        stored,
        crowded=crowded,
    )
    with_story = signatures.join(stories.select("article_id", "story_id"), on="article_id")
    insert_frame(conn, "story_signatures", with_story.filter(pl.col("signature").is_not_null()))
    insert_frame(conn, "story_bands", keys)
    return stories


def _pending(conn, rebuild: bool) -> pl.DataFrame:
    """[raw_row, article_id] of the raw articles still to clean, in table order (see _process_batch)."""
    if rebuild:
        incremental.reset(conn, STEP, ("cleaned_articles", "story_signatures", "story_bands"))
    return conn.execute(
        """SELECT rowid AS raw_row, article_id FROM raw_articles
           WHERE article_id NOT IN (SELECT article_id FROM cleaned_articles)
             AND article_id NOT IN (SELECT item_id FROM quarantine WHERE step = ?)
           ORDER BY rowid""",
        [STEP],
    ).pl()


def _batch_raw(conn, batch: pl.DataFrame) -> pl.DataFrame:
    """A batch is a run of raw_articles' rows, read within its row range: an id filter alone reads the text
    blocks of every stored article (1.4 GB per batch at 1M articles, 2.8 CPU s), the range only its own."""
    conn.register("batch_ids", batch.select("article_id").to_arrow())
    raw = conn.execute(
        """SELECT article_id, input_kind, text, title, byline, url, outlet, published, ingested_at
           FROM raw_articles
           WHERE rowid BETWEEN ? AND ? AND article_id IN (SELECT article_id FROM batch_ids)""",
        [batch["raw_row"].min(), batch["raw_row"].max()],
    ).pl()
    conn.unregister("batch_ids")
    return raw


def _cleaned(raw: pl.DataFrame, registry: pl.DataFrame) -> pl.DataFrame:
    # polars and GE do not see a stop request: between them the batch winds down (and is rolled back)
    # instead of running on until the process is ended at the grace period
    interrupts.raise_if_stopped()
    return clean_batch(raw, registry)


def _process_batch(conn, checked: pl.DataFrame, run_id: str) -> gates.GateResult:
    interrupts.raise_if_stopped()
    gate = gates.validate_rows(STEP, checked)
    interrupts.raise_if_stopped()
    stories = assign_stories(conn, gate.passed)
    interrupts.raise_if_stopped()
    gate.passed = gate.passed.join(stories, on="article_id", how="left").select(TABLE_COLUMNS)
    insert_frame(conn, STEP, gate.passed.with_columns(run_id=pl.lit(run_id)))
    insert_frame(conn, "quarantine", gates.quarantine_rows(gate, "article", run_id))
    return gate


def _detached(gate: gates.GateResult) -> gates.GateResult:
    """The gate result a run keeps until its table gate, copied so that its strings own their bytes: polars
    string columns cut, filtered or joined from a batch's texts can keep the texts' buffers alive, which
    made a 1M run hold about 3.5 KB per cleaned article (70 MB per 20k batch) until the step ended."""

    def copied(frame: pl.DataFrame) -> pl.DataFrame:
        return pl.from_arrow(frame.to_arrow(compat_level=pl.CompatLevel.oldest()))

    return replace(gate, passed=copied(gate.passed), quarantine=copied(gate.quarantine))


def _batch_metadata(conn, run_id: str) -> dict:
    def counts(column: str) -> dict:
        rows = conn.execute(
            f"""SELECT coalesce({column}, '(none)'), count(*) FROM cleaned_articles
                WHERE run_id = ? GROUP BY 1""",  # noqa: S608
            [run_id],
        ).fetchall()
        return dict(sorted(rows))

    unknown = conn.execute(
        """SELECT regexp_extract(r.url, '^[a-zA-Z]+://([^/:?#]+)', 1) AS host, count(*) AS articles
           FROM quarantine q JOIN raw_articles r ON r.article_id = q.item_id
           WHERE q.step = ? AND q.rule LIKE '%(outlet_id)' GROUP BY host ORDER BY articles DESC LIMIT 20""",
        [STEP],
    ).fetchall()
    return {
        "date_sources": dg.MetadataValue.json(counts("date_source")),
        "outlet_methods": dg.MetadataValue.json(counts("outlet_method")),
        "wires": dg.MetadataValue.json(counts("wire")),
        "unknown_outlet_hosts": dg.MetadataValue.json({host or "(no url)": n for host, n in unknown}),
    }


@dg.asset(
    pool=WRITER_POOL,
    deps=["raw_articles", "outlets"],
    check_specs=asset_checks.check_specs(STEP),
    group_name="clean",
    owners=data_docs.OWNERS,
    tags={"gate": "great_expectations"},
    metadata=data_docs.table_metadata("cleaned_articles"),
    kinds={"duckdb", "polars"},
    code_version=LOGIC_VERSION,
    description="One row per raw article that passed the gate: title, body without boilerplate, language, "
    "publication date and where it came from, publishing outlet and how it was resolved, the wire agency "
    "the text credits, and a story id shared by near-duplicate copies.",
)
def cleaned_articles(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    fingerprint = incremental.fingerprint(*SEEDS, LOGIC_VERSION)
    results, kept = [], gate_rows.GateRows(STEP, TABLE_COLUMNS)
    with kept:
        with warehouse.transaction() as conn:
            rebuild = incremental.needs_rebuild(conn, STEP, fingerprint, UPSTREAM)
            pending = _pending(conn, rebuild)
            registry = conn.execute("SELECT * FROM outlets").pl()
            if pending.height:
                ge_session.warm_up()
        progress = BatchProgress(context.log.info, STEP, pending.height)
        for batch, gate in batch_overlap.overlapped(
            warehouse.transaction,
            pending.iter_slices(ARTICLES_PER_BATCH),
            read=_batch_raw,
            compute=lambda raw: _cleaned(raw, registry),
            write=lambda conn, cleaned: _process_batch(conn, cleaned, context.run_id),
        ):
            results.append(_detached(kept.keep(gate)))
            progress.advance(batch.height)
        with warehouse.transaction() as conn:
            incremental.record(conn, STEP, fingerprint, UPSTREAM, rebuilt=rebuild)
            summary = gates.step_totals(conn, STEP, "cleaned_articles")
            metadata = _batch_metadata(conn, context.run_id)
        combined = gates.combine(STEP, results, TABLE_COLUMNS, kept)
        verdict = asset_checks.table_verdict(context, combined, summary)
    return dg.MaterializeResult(
        metadata={
            "processed": pending.height,
            "full_rebuild": rebuild,
            **summary,
            **metadata,
            asset_checks.GE_NOTE: verdict.note,
        },
        check_results=asset_checks.check_results(verdict),
    )
