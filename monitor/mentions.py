"""entity_mentions: find actor aliases in article bodies and resolve them to actors.

Matching is one Aho-Corasick pass (polars str.find_many/extract_many) over the whole body column per
case mode. Bodies and alias keys are both mapped to "ASCII letters and digits, everything else a space"
and keys are padded with a space, so a literal match is a word-bounded match and byte offsets equal
character offsets. Overlaps are resolved leftmost-longest; the surviving spans then go through the rules
in monitor.mention_rules (context cues, nearby state, dated roles, surnames).
"""

from __future__ import annotations

import polars as pl

from monitor.actor_dictionary import ActorDictionary, match_key_expr
from monitor.mastheads import outside_mastheads
from monitor.mention_rules import (
    listed_with_states,
    resolve_context_institutions,
    resolve_people,
    resolve_required_cues,
    unambiguous_cued,
)
from monitor.sentences import split_sentences
from monitor.venues import outside_venues

MENTION_SCHEMA = pl.Schema(
    {
        "mention_id": pl.String,
        "article_id": pl.String,
        "sentence_no": pl.Int32,
        "start": pl.Int64,
        "end": pl.Int64,
        "surface": pl.String,
        "actor_id": pl.String,
        "country": pl.String,
        "actor_kind": pl.String,
        "role": pl.String,
        "rule": pl.String,
    }
)
RULE_PRIORITY = {"person_full": 0, "institution": 1, "context": 2, "alias": 3, "capital": 4, "demonym": 5}


def _scan(
    norm: pl.DataFrame, aliases: pl.DataFrame, cue_keys: pl.Series
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Alias hits[article_id, start, key] and cues present[article_id, cue_key] from one case-insensitive
    Aho-Corasick pass: adding patterns to an overlapping scan changes no other pattern's matches, so the
    required-cue keys ride along instead of costing a second pass over the bodies. A case-sensitive key or
    cue must match exactly; the pattern list is unique case-insensitively, so each (article, start, key)
    is reported once."""
    exact = aliases.filter(pl.col("case_sensitive")).get_column("key").unique()
    folded = aliases.filter(~pl.col("case_sensitive")).get_column("key").unique()
    patterns = pl.concat([exact.str.to_lowercase(), folded, cue_keys.str.to_lowercase()]).unique().to_list()
    if not patterns:
        return (
            pl.DataFrame(schema={"article_id": pl.UInt32, "start": pl.Int64, "key": pl.String}),
            pl.DataFrame(schema={"article_id": pl.UInt32, "cue_key": pl.String}),
        )
    found = (
        norm.select(
            "article_id",
            pl.col("norm")
            .str.find_many(patterns, overlapping=True, ascii_case_insensitive=True)
            .alias("start"),
            pl.col("norm")
            .str.extract_many(patterns, overlapping=True, ascii_case_insensitive=True)
            .alias("text"),
        )
        .explode(["start", "text"])
        .drop_nulls("start")
        .with_columns(pl.col("start").cast(pl.Int64))
    )
    lower = pl.col("text").str.to_lowercase()
    hits = pl.concat(
        [
            found.filter(pl.col("text").is_in(exact.implode())).select(
                "article_id", "start", pl.col("text").alias("key")
            ),
            found.filter(lower.is_in(folded.implode())).select("article_id", "start", lower.alias("key")),
        ]
    )
    present = (
        found.filter(pl.col("text").is_in(cue_keys.implode()))
        .select("article_id", pl.col("text").alias("cue_key"))
        .unique()
    )
    return hits, present


def _cue_keys(aliases: pl.DataFrame) -> pl.Series:
    """Every required cue (';'-separated in aliases.requires) as a match key."""
    cues = aliases.get_column("requires").drop_nulls().str.split(";").explode()
    return pl.select(match_key_expr(pl.lit(cues)).alias("cue_key")).get_column("cue_key").unique()


def _normalised(articles: pl.DataFrame) -> pl.DataFrame:
    """match_key_expr: every code point outside [A-Za-z0-9 ] becomes one space (one regex pass); but a
    dollar sign first becomes a digit, so a name glued to it is part of a currency ("US$2 million", "A$2
    million"), not a mention."""
    body = (
        pl.col("body")
        .fill_null("")
        .str.replace_all("$", "0", literal=True)
        .str.replace_all(r"[^A-Za-z0-9 ]", " ")
    )
    return articles.select("article_id", pl.concat_str(pl.lit(" "), body, pl.lit(" ")).alias("norm"))


def _spans(hits: pl.DataFrame, dictionary: ActorDictionary, rows: int) -> pl.DataFrame:
    """hits[article_id (UInt32 row number of `rows` articles), start, key] -> leftmost-longest spans."""
    hits = hits.with_columns((pl.col("start") + pl.col("key").str.len_bytes() - 2).alias("end"))
    # rows are sorted, so one running maximum over (row, end) keys replaces a per-article window
    row_key = pl.col("article_id").cast(pl.Int64) * (1 << 32)
    # one packed key (row, start, longest first) sorts about twice as fast as three columns
    longest = dictionary.aliases.get_column("key").str.len_bytes().max() or 0
    packed = (
        pl.col("article_id").cast(pl.UInt64) * (1 << 40)
        + pl.col("start").cast(pl.UInt64) * 256
        + (255 - (pl.col("end") - pl.col("start"))).cast(pl.UInt64)
    )
    fits = longest < 256 and rows < (1 << 24)
    order = [packed] if fits else [pl.col("article_id"), pl.col("start"), -pl.col("end")]
    return hits.sort(order, maintain_order=True).filter(
        (row_key + pl.col("start")) >= (row_key + pl.col("end")).cum_max().shift(1).fill_null(-1)
    )


def match_spans(articles: pl.DataFrame, dictionary: ActorDictionary) -> pl.DataFrame:
    """articles[article_id, body] -> spans[article_id, start, end, key]: every dictionary key found,
    word-bounded, overlaps resolved leftmost-longest (a blocked or unresolvable span still wins)."""
    work, ids = _with_row_ids(articles)
    hits, _ = _scan(_normalised(work), dictionary.aliases, pl.Series("cue_key", [], pl.String))
    return (
        _spans(hits, dictionary, work.height)
        .pipe(_restore_ids, ids)
        .select("article_id", "start", "end", "key")
    )


def _with_row_ids(articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.Series]:
    """Work on UInt32 row numbers as article_id (cheap sorts and joins), numbered in article_id order so
    that sorting by row sorts by id; the second value holds the ids in that order (row -> id)."""
    order = articles.get_column("article_id").arg_sort()
    ids = articles.get_column("article_id").gather(order)
    return articles.with_columns(order.arg_sort().alias("article_id")), ids


def _restore_ids(frame: pl.DataFrame, ids: pl.Series) -> pl.DataFrame:
    return frame.with_columns(ids.gather(frame.get_column("article_id")).alias("article_id"))


def _by_row(work: pl.DataFrame, column: str) -> pl.Series:
    """A column of the articles indexed by row number (row r at position r)."""
    return work.get_column(column).gather(work.get_column("article_id").arg_sort())


def find_mentions(
    articles: pl.DataFrame, dictionary: ActorDictionary, sentences: pl.DataFrame | None = None
) -> pl.DataFrame:
    """articles[article_id, body, published_on] -> entity_mentions (docs/CONTRACTS.md).

    Pass `sentences` (split_sentences of the same articles) when the caller has them already.

    A person resolves only through a role valid on the article's published_on (none valid, or no date:
    no mention), so every emitted person carries the state or organisation they acted for that day.
    Ambiguous names (Georgia, Jordan...) need a cue elsewhere in the article; '*' institutions (Foreign
    Ministry) need a state right before them ("the North's Foreign Ministry") or fall back if curated.
    """
    work, ids = _with_row_ids(articles)
    hits, cues_present = _scan(_normalised(work), dictionary.aliases, _cue_keys(dictionary.aliases))
    # blocked spans resolve to nothing, and the rules read no alias text: join only what they read
    resolvable = dictionary.aliases.filter(pl.col("rule") != "block").select(
        "key", "actor_id", "rule", "requires", "fallback"
    )
    spans = _spans(hits, dictionary, work.height).join(resolvable, on="key").drop("key")
    is_person = pl.col("rule").str.starts_with("person")
    needs_cue = pl.col("requires").is_not_null()
    is_template = pl.col("actor_id").str.starts_with("*")

    plain = spans.filter(~is_person & ~needs_cue & ~is_template)
    needing = spans.filter(needs_cue)
    cued = resolve_required_cues(needing, cues_present)
    # only the columns the institution rule reads, joined to states alone (not the whole span frame)
    state_actors = dictionary.actors.filter(pl.col("kind") == "state").select("actor_id", "country")

    def states_of(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.select("article_id", "start", "end", "actor_id").join(state_actors, on="actor_id")

    uncued = needing.join(cued.select("article_id", "start").unique(), on=["article_id", "start"], how="anti")
    listed = listed_with_states(
        uncued.join(state_actors, on="actor_id", how="semi"), states_of(pl.concat([plain, cued])), work
    )
    cued = pl.concat([cued, listed])
    states = states_of(pl.concat([plain, cued]))
    templated = resolve_context_institutions(spans.filter(is_template), states, work)
    cued = unambiguous_cued(cued, templated)
    people = resolve_people(spans.filter(is_person), work, dictionary)

    resolved = (
        pl.concat([plain, cued, templated], how="diagonal")
        .select("article_id", "start", "end", "actor_id", "rule")
        .join(dictionary.actors, on="actor_id")
        .select(
            "article_id",
            "start",
            "end",
            "actor_id",
            "country",
            pl.col("kind").alias("actor_kind"),
            "role",
            "rule",
        )
    )
    bodies = _by_row(work, "body")
    mentions = outside_mastheads(
        pl.concat([resolved, people], how="diagonal_relaxed"), bodies, dictionary.mastheads
    ).pipe(outside_venues, bodies, dictionary.venue_events)
    if sentences is None:
        sentences = split_sentences(work.select("article_id", "body"))
    else:
        rows = pl.DataFrame({"article_id": ids, "row": pl.int_range(ids.len(), dtype=pl.UInt32, eager=True)})
        sentences = sentences.join(rows, on="article_id").with_columns(pl.col("row").alias("article_id"))
    mentions = _finish(mentions, bodies, sentences).pipe(_restore_ids, ids)
    # rows follow article_id order, so unless an id repeats the spans are already in (id, start) order
    return _with_mention_ids(mentions, resort=ids.is_duplicated().any())


def _finish(mentions: pl.DataFrame, bodies: pl.Series, sentences: pl.DataFrame) -> pl.DataFrame:
    """Attach sentence numbers and surfaces; one row per span, its highest-priority rule winning."""
    sentences = sentences.select("article_id", "sentence_no", pl.col("start").alias("sentence_start"))
    priority = pl.col("rule").replace_strict(RULE_PRIORITY, default=9, return_dtype=pl.Int8)
    new_span = (pl.col("article_id") != pl.col("article_id").shift(1)) | (
        pl.col("start") != pl.col("start").shift(1)
    )
    # one packed key sorts about twice as fast as three columns (row < 2**24, start < 2**32, priority < 256)
    packed = (
        pl.col("article_id").cast(pl.UInt64) * (1 << 40)
        + pl.col("start").cast(pl.UInt64) * 256
        + priority.cast(pl.UInt64)
    )
    order = [packed] if bodies.len() < (1 << 24) else ["article_id", "start", priority]
    return (
        mentions.sort(order, maintain_order=True)
        .filter(new_span.fill_null(True))
        .join_asof(
            sentences.sort("article_id", "sentence_start"),
            left_on="start",
            right_on="sentence_start",
            by="article_id",
            strategy="backward",
            check_sortedness=False,
        )
        .with_columns(
            pl.lit(bodies)
            .gather(pl.col("article_id"))
            .str.slice(pl.col("start"), pl.col("end") - pl.col("start"))
            .alias("surface"),
        )
    )


def _with_mention_ids(mentions: pl.DataFrame, resort: bool) -> pl.DataFrame:
    mention_id = pl.concat_str(pl.col("article_id"), pl.lit(":"), pl.col("start").cast(pl.String))
    out = mentions.with_columns(mention_id.alias("mention_id")).select(
        [pl.col(name).cast(dtype) for name, dtype in MENTION_SCHEMA.items()]
    )
    return out.sort("article_id", "start") if resort else out
