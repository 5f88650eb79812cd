"""entity_mentions: who is named where, resolved against the curated actor dictionary."""

import dagster as dg
import polars as pl

from monitor import (
    asset_checks,
    batch_overlap,
    code_version,
    data_docs,
    gate_rows,
    gates,
    ge_session,
    incremental,
    settings,
)
from monitor.actor_dictionary import ACTORS_DIR, ActorDictionary, load_actor_dictionary
from monitor.mentions import find_mentions
from monitor.progress import BatchProgress
from monitor.sentences import split_sentences
from monitor.warehouse import WRITER_POOL, Warehouse, insert_frame, replace_table

STEP = "entity_mentions"
UPSTREAM = ["cleaned_articles"]
ARTICLES_PER_BATCH = 20_000
LOGIC_VERSION = code_version.logic_version("actor_dictionary", "candidates", "mentions", "sentences")
ACTOR_SEEDS = sorted(ACTORS_DIR.glob("*.csv"))
SEEDS = [
    *ACTOR_SEEDS,
    *sorted((settings.SEEDS_DIR / "sentences").glob("*")),
    settings.EXPECTATIONS_DIR / f"{STEP}.json",
]
TABLE_COLUMNS = [
    "mention_id", "article_id", "sentence_no", "start", "end", "surface", "actor_id", "country",
    "actor_kind", "role", "rule",
]  # fmt: skip


@dg.asset(
    pool=WRITER_POOL,
    group_name="reference",
    owners=data_docs.OWNERS,
    tags={"source": "seeds"},
    metadata=data_docs.table_metadata("actors"),
    kinds={"duckdb", "csv"},
    code_version=incremental.fingerprint(*ACTOR_SEEDS),
    description="The actor dictionary (seeds/actors/): states (ISO alpha-3), organisations, institutions "
    "and people, with their aliases (`actor_aliases`) and dated roles (`actor_roles`).",
)
def actors(warehouse: Warehouse) -> dg.MaterializeResult:
    dictionary = load_actor_dictionary()
    fingerprint = incremental.fingerprint(*ACTOR_SEEDS)
    tables = ("actors", "actor_aliases", "actor_roles")
    with warehouse.transaction() as conn:
        if incremental.reference_changed(conn, "actors", fingerprint, tables):
            replace_table(conn, "actors", dictionary.actors)
            replace_table(conn, "actor_aliases", dictionary.aliases.drop("key", strict=False))
            replace_table(conn, "actor_roles", dictionary.roles)
            incremental.record(conn, "actors", fingerprint, [], rebuilt=True)
    counts = dictionary.actors.group_by("kind").len().sort("kind")
    return dg.MaterializeResult(
        metadata={
            "aliases": dictionary.aliases.height,
            "roles": dictionary.roles.height,
            **{f"actors_{k}": n for k, n in counts.iter_rows()},
        },
        data_version=dg.DataVersion(fingerprint),
    )


def _role_bounds(mentions: pl.DataFrame, roles: pl.DataFrame) -> pl.DataFrame:
    """The interval of the role each person mention claims: the one holding on the day if any."""
    claimed = mentions.filter(pl.col("actor_kind") == "person").select(
        "mention_id", "actor_id", "role", "published_on"
    )
    bounds = (
        claimed.join(
            roles.rename({"person_id": "actor_id", "actor_id": "role_country"}), on=["actor_id", "role"]
        )
        .with_columns(
            holds=(pl.col("start") <= pl.col("published_on")) & (pl.col("published_on") <= pl.col("end"))
        )
        .sort(["mention_id", "holds", "start"], descending=[False, True, True])
        .unique("mention_id", keep="first")
        .select("mention_id", role_start="start", role_end="end")
    )
    return mentions.join(bounds, on="mention_id", how="left")


def mention_candidates(
    articles: pl.DataFrame, dictionary: ActorDictionary
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sentences and mentions of a batch, with the columns the gate reads (pure: no I/O)."""
    sentences = split_sentences(articles.select("article_id", "body"))
    mentions = find_mentions(articles, dictionary, sentences)
    sentence_counts = sentences.group_by("article_id").agg(sentence_count=pl.len())
    candidates = (
        mentions.join(articles.select("article_id", "body", "published_on"), on="article_id", how="left")
        .join(sentence_counts, on="article_id", how="left")
        .with_columns(
            body_slice=pl.col("body").str.slice(pl.col("start"), pl.col("end") - pl.col("start")),
            body_length=pl.col("body").str.len_chars(),
        )
        .drop("body")
    )
    return sentences, _role_bounds(
        candidates,
        dictionary.roles.with_columns(
            pl.col("start").cast(pl.Date, strict=False), pl.col("end").cast(pl.Date, strict=False)
        ),
    )


def batch_articles(conn, batch: pl.DataFrame) -> pl.DataFrame:
    """A batch is a run of cleaned_articles' rows, read within its row range: an id filter alone reads the
    body of every stored article for each batch (a cost and a buffer that grew with the archive). Should
    the rows have moved since they were numbered, the batch is read by its ids alone."""
    conn.register("batch_ids", batch.select("article_id").to_arrow())
    try:
        articles = conn.execute(
            """SELECT article_id, body, published_on FROM cleaned_articles
               WHERE rowid BETWEEN ? AND ? AND article_id IN (SELECT article_id FROM batch_ids)""",
            [batch["row"].min(), batch["row"].max()],
        ).pl()
        if articles.height < batch.height:
            articles = conn.execute(
                """SELECT article_id, body, published_on FROM cleaned_articles
                   WHERE article_id IN (SELECT article_id FROM batch_ids)"""
            ).pl()
        return articles
    finally:
        conn.unregister("batch_ids")


def _computed(articles: pl.DataFrame, dictionary: ActorDictionary) -> tuple[pl.DataFrame, ...]:
    return articles, *mention_candidates(articles, dictionary)


def _process_batch(conn, computed: tuple, dictionary: ActorDictionary, run_id: str) -> gates.GateResult:
    articles, sentences, candidates = computed
    gate = gates.validate_rows(
        STEP,
        candidates,
        id_column="mention_id",
        parameters={"known_actor_ids": dictionary.actors["actor_id"].to_list()},
    )
    gate.passed = gate.passed.select(TABLE_COLUMNS)
    insert_frame(conn, "sentences", sentences)
    insert_frame(conn, STEP, gate.passed.with_columns(run_id=pl.lit(run_id)))
    insert_frame(conn, "quarantine", gates.quarantine_rows(gate, "mention", run_id))
    insert_frame(
        conn, "step_articles", articles.select("article_id", step=pl.lit(STEP), run_id=pl.lit(run_id))
    )
    return gate


def _pending(conn, rebuild: bool) -> pl.DataFrame:
    """[row, article_id] of the cleaned articles still to scan, in table order (see batch_articles)."""
    if rebuild:
        incremental.reset(conn, STEP, (STEP, "sentences"))
    return conn.execute(
        """SELECT rowid AS row, article_id FROM cleaned_articles
           WHERE article_id NOT IN (SELECT article_id FROM step_articles WHERE step = ?)
           ORDER BY rowid""",
        [STEP],
    ).pl()


@dg.asset(
    pool=WRITER_POOL,
    deps=["cleaned_articles", "actors"],
    check_specs=asset_checks.check_specs(STEP),
    group_name="actors",
    owners=data_docs.OWNERS,
    tags={"gate": "great_expectations"},
    metadata=data_docs.table_metadata("entity_mentions"),
    kinds={"duckdb", "polars"},
    code_version=LOGIC_VERSION,
    description="One row per actor mention: article, sentence, character span in the cleaned body, surface "
    "text, the resolved actor and its state or organisation, the role a person held that day, and the "
    "rule that matched. Sentences are kept in `sentences` so evidence can be read back with SQL.",
)
def entity_mentions(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    dictionary = load_actor_dictionary()
    fingerprint = incremental.fingerprint(*SEEDS, LOGIC_VERSION)
    results, kept = [], gate_rows.GateRows(STEP, TABLE_COLUMNS)
    with kept:
        with warehouse.transaction() as conn:
            rebuild = incremental.needs_rebuild(conn, STEP, fingerprint, UPSTREAM)
            pending = _pending(conn, rebuild)
            if pending.height:
                ge_session.warm_up()
        progress = BatchProgress(context.log.info, STEP, pending.height)
        for batch, gate in batch_overlap.overlapped(
            warehouse.transaction,
            pending.iter_slices(ARTICLES_PER_BATCH),
            read=batch_articles,
            compute=lambda articles: _computed(articles, dictionary),
            write=lambda conn, computed: _process_batch(conn, computed, dictionary, context.run_id),
        ):
            results.append(kept.keep(gate))
            progress.advance(batch.height)
        with warehouse.transaction() as conn:
            incremental.record(conn, STEP, fingerprint, UPSTREAM, rebuilt=rebuild)
            summary = gates.step_totals(conn, STEP, "entity_mentions")
            [(scanned,)] = conn.execute(
                "SELECT count(*) FROM step_articles WHERE step = ?", [STEP]
            ).fetchall()
            by_kind = dict(
                conn.execute(
                    "SELECT actor_kind, count(*) FROM entity_mentions WHERE run_id = ? GROUP BY 1 ORDER BY 1",
                    [context.run_id],
                ).fetchall()
            )
        combined = gates.combine(STEP, results, TABLE_COLUMNS, kept)
        verdict = asset_checks.table_verdict(context, combined, summary)
    return dg.MaterializeResult(
        metadata={
            "articles_processed": pending.height,
            "articles_scanned": scanned,
            "full_rebuild": rebuild,
            **summary,
            "mentions_by_kind": dg.MetadataValue.json(by_kind),
            asset_checks.GE_NOTE: verdict.note,
        },
        check_results=asset_checks.check_results(verdict),
    )
