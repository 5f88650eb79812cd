"""Resolution rules for matched spans that need more than the alias itself.

- required cues: an ambiguous name (Georgia, Jordan, "the North") counts only if the article also
  contains one of its curated cues (Tbilisi, Amman, Pyongyang...);
- context institutions: "Foreign Ministry" belongs to the state named right before it ("the North's",
  "Russian") or right after it ("of Japan"), else to its curated fallback, else it is dropped;
- people: full names and surnames resolve through the role valid on the article's date; a surname needs
  the full name earlier in the same article unless the curator marked it unique ('surname_alone').
"""

from __future__ import annotations

import polars as pl

from monitor.actor_dictionary import ActorDictionary, match_key_expr

POSSESSIVE_GAP = r"^(\s*|['’]s?\s+)$"
OF_GAP = r"^\s+of\s+(the\s+)?$"
# what separates the items of a list: "Benin, Chad and Jamaica", "Chad or Niger", "Mali & Chad"
LIST_GAP = r"^(,\s+|,?\s+(and|or)\s+|\s*&\s*)$"
# a capitalised word (or an initial "F.") right before a surname; a word ending in "." is a sentence end
PRECEDING_NAME = r"(\p{Lu}\.|\p{Lu}[\p{L}'’.-]*[\p{L}'’-])[ \t]+$"


def resolve_required_cues(spans: pl.DataFrame, cues_present: pl.DataFrame) -> pl.DataFrame:
    """Keep spans whose 'requires' cues (';'-separated) occur anywhere in the same article.
    cues_present[article_id, cue_key] lists the cue keys (monitor.actor_dictionary.match_key_expr) found
    verbatim in each article as matched."""
    if spans.is_empty():
        return spans
    # the two key regexes run once per distinct 'requires' value, not once per span
    cue_keys = (
        spans.select(pl.col("requires").unique())
        .with_columns(pl.col("requires").str.split(";").alias("cue"))
        .explode("cue")
        .select("requires", match_key_expr(pl.col("cue")).alias("cue_key"))
    )
    wanted = spans.select("article_id", "start", "requires").join(cue_keys, on="requires")
    supported = (
        wanted.join(cues_present, on=["article_id", "cue_key"], how="semi")
        .select("article_id", "start", "requires")
        .unique()
    )
    # by 'requires' too: one span may carry readings with different cues ("DFA": Manila or Dublin)
    return spans.join(supported, on=["article_id", "start", "requires"], how="semi")


def listed_with_states(spans: pl.DataFrame, states: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Spans of names that need a cue the article lacks, kept when they stand in a list next to a state
    ("The Bahamas, Bangladesh, Barbados, Benin, Chad and Jamaica have pledged"): among states, Chad is one."""
    if spans.is_empty() or states.is_empty():
        return spans.clear()
    anchors = states.join(spans, on="article_id", how="semi").select("article_id", "start", "end")
    bodies = articles.join(spans, on="article_id", how="semi").select("article_id", "body")
    pairs = (
        spans.select("article_id", "start", "end").unique().join(anchors, on="article_id", suffix="_state")
    )
    gap = (
        pl.when(pl.col("end_state") <= pl.col("start"))
        .then(pl.col("body").str.slice(pl.col("end_state"), pl.col("start") - pl.col("end_state")))
        .when(pl.col("end") <= pl.col("start_state"))
        .then(pl.col("body").str.slice(pl.col("end"), pl.col("start_state") - pl.col("end")))
    )
    near = (
        pairs.filter(
            (pl.col("start_state") - pl.col("end")).is_between(0, 6)
            | (pl.col("start") - pl.col("end_state")).is_between(0, 6)
        )
        .join(bodies, on="article_id")
        .filter(gap.str.contains(LIST_GAP))
        .select("article_id", "start")
        .unique()
    )
    return spans.join(near, on=["article_id", "start"], how="semi")


def resolve_context_institutions(
    spans: pl.DataFrame, states: pl.DataFrame, articles: pl.DataFrame
) -> pl.DataFrame:
    """'*.X' institutions take the country of an adjacent state mention; else the curated fallback."""
    if spans.is_empty():
        return spans
    anchors = states.join(spans, on="article_id", how="semi").select(
        "article_id", pl.col("start").alias("a_start"), pl.col("end").alias("a_end"), pl.col("country")
    )
    bodies = articles.join(spans, on="article_id", how="semi").select("article_id", "body")
    spans = spans.sort("article_id", "start")
    before = spans.join_asof(
        anchors.sort("article_id", "a_end"),
        left_on="start",
        right_on="a_end",
        by="article_id",
        strategy="backward",
        check_sortedness=False,
    ).join(bodies, on="article_id")
    before_gap = pl.col("body").str.slice(pl.col("a_end"), pl.col("start") - pl.col("a_end"))
    before = before.select(
        "article_id",
        "start",
        pl.when(before_gap.str.contains(POSSESSIVE_GAP)).then(pl.col("country")).alias("before_country"),
    )
    after = (
        spans.sort("article_id", "end")
        .join_asof(
            anchors.sort("article_id", "a_start"),
            left_on="end",
            right_on="a_start",
            by="article_id",
            strategy="forward",
            check_sortedness=False,
        )
        .join(bodies, on="article_id")
    )
    after_gap = pl.col("body").str.slice(pl.col("end"), pl.col("a_start") - pl.col("end"))
    after = after.select(
        "article_id",
        "start",
        pl.when(after_gap.str.contains(OF_GAP)).then(pl.col("country")).alias("after_country"),
    )
    country = pl.coalesce("before_country", "after_country")
    return (
        spans.join(before, on=["article_id", "start"], how="left")
        .join(after, on=["article_id", "start"], how="left")
        .with_columns(
            pl.when(country.is_not_null())
            .then(pl.col("actor_id").str.replace("*", country, literal=True))
            .otherwise(pl.col("fallback"))
            .alias("actor_id")
        )
        .drop_nulls("actor_id")
        .drop("before_country", "after_country")
    )


def unambiguous_cued(cued: pl.DataFrame, templated: pl.DataFrame) -> pl.DataFrame:
    """A cue anywhere in the article is weaker evidence than a state named next to the span: a span the
    context rule resolved ("Ireland's Department of Foreign Affairs") drops its cued readings, and a span
    whose cues support two actors ("DFA" in an article naming both Manila and Dublin) is dropped, since a
    wrong actor is worse than a missed one."""
    return cued.join(templated.select("article_id", "start"), on=["article_id", "start"], how="anti").filter(
        pl.col("actor_id").n_unique().over("article_id", "start") == 1
    )


def _valid_roles(spans: pl.DataFrame, articles: pl.DataFrame, dictionary: ActorDictionary) -> pl.DataFrame:
    """Join each (span, person) to the person's roles valid on published_on; latest-starting role first."""
    dated = spans.join(articles.select("article_id", "published_on"), on="article_id")
    roles = dictionary.roles.rename({"actor_id": "country", "start": "role_start", "end": "role_end"})
    return (
        dated.join(roles, left_on="actor_id", right_on="person_id")
        .filter(
            (pl.col("role_start") <= pl.col("published_on"))
            & (pl.col("role_end").is_null() | (pl.col("published_on") <= pl.col("role_end")))
        )
        .sort("role_start", descending=True)
    )


def _surname_after_foreign_name(
    spans: pl.DataFrame, articles: pl.DataFrame, titles: set[str]
) -> pl.DataFrame:
    """'Stephen Miller' is not 'Miller': a surname right after a capitalised word that is no title."""
    return (
        spans.join(articles.select("article_id", "body"), on="article_id")
        .select(
            "article_id",
            "start",
            pl.col("body")
            .str.slice((pl.col("start") - 30).clip(0), pl.col("start") - (pl.col("start") - 30).clip(0))
            .str.extract(PRECEDING_NAME)
            .str.strip_chars(".")
            .alias("preceding"),
        )
        .filter(pl.col("preceding").is_not_null() & ~pl.col("preceding").is_in(list(titles)))
    )


def resolve_people(spans: pl.DataFrame, articles: pl.DataFrame, dictionary: ActorDictionary) -> pl.DataFrame:
    """Person spans -> mentions with the country and role valid on the article's date."""
    full = spans.filter(pl.col("rule") == "person_full")
    surnames = spans.filter(pl.col("rule") != "person_full")
    titles = set(
        dictionary.title_cues.filter(pl.col("cue_class") == "title")["cue"]
        .str.split(" ")
        .explode()
        .str.strip_chars(".")
    )
    surnames = surnames.join(
        _surname_after_foreign_name(surnames, articles, titles), on=["article_id", "start"], how="anti"
    )
    surname_of = dictionary.aliases.filter(pl.col("rule").str.starts_with("person_surname")).select(
        pl.col("actor_id").alias("person_id"), pl.col("key").alias("surname_key")
    )
    earlier = (
        full.join(surname_of, left_on="actor_id", right_on="person_id")
        .select(
            "article_id",
            pl.col("start").alias("full_start"),
            "surname_key",
            pl.col("actor_id").alias("named"),
        )
        .sort("article_id", "full_start")
    )
    span_keys = (
        surnames.join(surname_of, left_on="actor_id", right_on="person_id")
        .select("article_id", "start", "end", "surname_key")
        .unique()
        .sort("article_id", "start")
    )
    by_earlier = (
        span_keys.join_asof(
            earlier,
            left_on="start",
            right_on="full_start",
            by=["article_id", "surname_key"],
            strategy="backward",
            check_sortedness=False,
        )
        .drop_nulls("named")
        .select("article_id", "start", "end", pl.col("named").alias("actor_id"))
    )
    alone = (
        _valid_roles(surnames.filter(pl.col("rule") == "person_surname_alone"), articles, dictionary)
        .join(by_earlier, on=["article_id", "start"], how="anti")
        .filter(pl.col("actor_id").n_unique().over("article_id", "start") == 1)
        .select("article_id", "start", "end", "actor_id")
    )
    people = pl.concat(
        [
            full.select("article_id", "start", "end", "actor_id", "rule"),
            pl.concat([by_earlier, alone]).with_columns(pl.lit("person_surname").alias("rule")),
        ]
    ).unique(["article_id", "start", "actor_id"])
    return (
        _valid_roles(people, articles, dictionary)
        .unique(["article_id", "start"], keep="first", maintain_order=True)
        .select(
            "article_id",
            "start",
            "end",
            "actor_id",
            "country",
            pl.lit("person").alias("actor_kind"),
            "role",
            "rule",
        )
    )
