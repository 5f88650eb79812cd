"""raw_articles: every distinct document in the landing folder, keyed by a hash of its bytes."""

from datetime import UTC, datetime

import dagster as dg
import polars as pl

from monitor import (
    asset_checks,
    data_docs,
    gate_rows,
    gates,
    ge_session,
    landing,
    parallel_reading,
    readers,
    settings,
)
from monitor.page_workers import PageWorkers
from monitor.progress import BatchProgress
from monitor.warehouse import WRITER_POOL, Warehouse, insert_frame

STEP = "raw_articles"
# each batch pays a GE validation, a commit and a checkpoint: on 20k articles (15k units) batches of 2,000
# units took 13.4 CPU s for the step, batches of 10,000 11.5; a batch of 10,000 holds about 35 MB of page text
UNITS_PER_BATCH = 10_000
# a batch's text is held twice (its frame, DuckDB's row groups): JSONL exports of many articles each made one
# batch of 10,000 units carry 27 times the text of a page batch at 1M articles (6.7 GB)
BYTES_PER_BATCH = 64 * 1024 * 1024
TABLE_COLUMNS = [c for c in readers.CANDIDATE_SCHEMA if c not in ("path", "read_error")] + ["paths"]


class LandingFolder(dg.ConfigurableResource):
    """Where the crawler drops article files (env MONITOR_LANDING_DIR, default seeds/articles)."""

    path: str = ""
    max_file_bytes: int = 0

    def directory(self):
        return settings.project_path(self.path) if self.path else settings.landing_dir()

    def byte_cap(self) -> int:
        return self.max_file_bytes or settings.max_file_bytes()


def merge_copies(candidates: pl.DataFrame) -> pl.DataFrame:
    """The same bytes under several names are one document seen at several paths."""
    return (
        candidates.with_columns(text_length=pl.col("text").str.len_chars())
        .group_by("article_id", maintain_order=True)
        .agg(pl.exclude("path").first(), paths=pl.col("path").unique().sort())
    )


def numbered_batches(units: pl.DataFrame) -> pl.DataFrame:
    """Units with the number of the batch they are read in, in the order the listing first names them (a
    batch is cut when it is read, not every batch copied at the start): at most UNITS_PER_BATCH units, and
    a new batch where the files' running byte count enters the next BYTES_PER_BATCH (a bigger unit is alone,
    so a batch holds at most about twice that)."""
    per_unit = units.group_by("unit_key", maintain_order=True).agg(pl.col("size_bytes").sum())
    bounds = per_unit.select(
        "unit_key",
        by_count=pl.int_range(pl.len()) // UNITS_PER_BATCH,
        by_bytes=(pl.col("size_bytes").cum_sum() - pl.col("size_bytes")) // BYTES_PER_BATCH,
    )
    new_batch = (pl.col("by_count") != pl.col("by_count").shift(1)) | (
        pl.col("by_bytes") != pl.col("by_bytes").shift(1)
    )
    numbered = bounds.select("unit_key", batch=new_batch.fill_null(False).cum_sum().cast(pl.Int64))
    return units.join(numbered, on="unit_key", how="left", maintain_order="left")


def _write_batch(
    conn, gate: gates.GateResult, merged: pl.DataFrame, units: pl.DataFrame, run_id: str
) -> dict:
    now = datetime.now(UTC)
    passed = gate.passed.select(TABLE_COLUMNS)
    conn.register("incoming", passed.select("article_id").to_arrow())
    existing = conn.execute(
        "SELECT article_id FROM raw_articles WHERE article_id IN (SELECT article_id FROM incoming)"
    ).pl()
    conn.unregister("incoming")
    fresh = passed.join(existing, on="article_id", how="anti")
    insert_frame(conn, "raw_articles", fresh.with_columns(ingested_at=pl.lit(now), run_id=pl.lit(run_id)))
    seen_again = passed.join(existing, on="article_id", how="inner").select("article_id", "paths")
    if not seen_again.is_empty():
        conn.register("seen_again", seen_again.to_arrow())
        conn.execute(
            """UPDATE raw_articles
               SET paths = list_sort(list_distinct(list_concat(raw_articles.paths, s.paths)))
               FROM seen_again s WHERE raw_articles.article_id = s.article_id"""
        )
        conn.unregister("seen_again")
    rejected = (
        gate.quarantine.join(
            merged.select("article_id", "paths", "input_kind"), left_on="item_id", right_on="article_id"
        )
        .explode("paths")
        .rename({"paths": "path"})
        .with_columns(
            item_kind=pl.when(pl.col("input_kind") == "jsonl")
            .then(pl.lit("record"))
            .otherwise(pl.lit("file")),
            step=pl.lit(STEP),
            run_id=pl.lit(run_id),
            quarantined_at=pl.lit(now),
        )
        .drop("input_kind")
    )
    insert_frame(conn, "quarantine", rejected)
    conn.register("batch_files", units.select("path", "size_bytes", "mtime_ns", "role").to_arrow())
    conn.execute("DELETE FROM landing_files WHERE path IN (SELECT path FROM batch_files)")
    conn.execute(
        "INSERT INTO landing_files SELECT path, size_bytes, mtime_ns, role, ?, ? FROM batch_files",
        [run_id, now],
    )
    conn.unregister("batch_files")
    return {"new_articles": fresh.height, "new_paths_of_known_articles": seen_again.height}


@dg.asset(
    pool=WRITER_POOL,
    check_specs=asset_checks.check_specs(STEP),
    group_name="ingest",
    owners=data_docs.OWNERS,
    tags={"gate": "great_expectations"},
    metadata=data_docs.table_metadata("raw_articles"),
    kinds={"duckdb", "polars"},
    description="One row per distinct raw document (hash of its bytes and sidecar) with every path it was "
    "seen at, its text, encoding and the metadata that came with it. Bad files go to `quarantine`.",
)
def raw_articles(context: dg.AssetExecutionContext, warehouse: Warehouse, landing_folder: LandingFolder):
    folder = landing_folder.directory()
    if not folder.is_dir():
        raise dg.Failure(f"Landing folder {folder} does not exist (set MONITOR_LANDING_DIR).")
    with warehouse.connect() as conn:
        ledger = conn.execute("SELECT path, size_bytes, mtime_ns FROM landing_files").pl()
    listing = landing.list_landing_files(folder)
    files_listed = listing.height
    units = numbered_batches(landing.new_or_changed(listing, ledger))
    del listing, ledger
    if units.height:
        ge_session.warm_up()
    totals = {
        "files_listed": files_listed,
        "files_changed": units.height,
        "new_articles": 0,
        "new_paths_of_known_articles": 0,
    }
    results = []
    progress = BatchProgress(context.log.info, STEP, units.height, unit="changed files")
    count = units["batch"].max() + 1 if units.height else 0

    def batches():
        return (units.filter(pl.col("batch") == number).drop("batch") for number in range(count))

    with PageWorkers() as pages, gate_rows.GateRows(STEP, TABLE_COLUMNS) as kept:
        read = parallel_reading.read_batches(batches(), landing_folder.byte_cap(), pages)
        for batch_units, candidates in zip(batches(), read, strict=True):
            merged = merge_copies(candidates)
            gate = gates.validate_rows(STEP, merged)
            with warehouse.transaction() as conn:
                written = _write_batch(conn, gate, merged, batch_units, context.run_id)
            for name, value in written.items():
                totals[name] += value
            results.append(kept.keep(gate))
            progress.advance(batch_units.height)
        with warehouse.connect() as conn:
            summary = gates.step_totals(conn, STEP, "raw_articles")
        combined = gates.combine(STEP, results, TABLE_COLUMNS, kept)
        verdict = asset_checks.table_verdict(context, combined, summary)
    return dg.MaterializeResult(
        metadata={
            **totals,
            **summary,
            "quarantined_this_run": verdict.quarantine["item_id"].n_unique(),
            "landing_dir": str(folder),
            asset_checks.GE_NOTE: verdict.note,
        },
        check_results=asset_checks.check_results(verdict),
    )
