"""Unresolved actor candidates: names that look like actors but that the dictionary does not know.

A capitalised name right after a title cue ("Foreign Minister Mohamad Hasan", "spokesperson Lin Jian")
or a two-to-four-word capitalised name right before a speech cue ("Mohamad Hasan said") is a candidate
unless the dictionary finds an actor inside it (a bare surname of someone else does not count) or the
article already resolved that surface. Curators
read the list (most frequent first) to grow seeds/actors/.
"""

from __future__ import annotations

import re

import polars as pl

from monitor.actor_dictionary import ActorDictionary
from monitor.mentions import match_spans

WORD = r"\p{Lu}[\p{L}'’-]+"
CANDIDATE_SCHEMA = pl.Schema(
    {
        "candidate": pl.String,
        "cue": pl.String,
        "article_count": pl.UInt32,
        "example_article_ids": pl.List(pl.String),
    }
)


def _alternation(cues: pl.Series) -> str:
    return "|".join(re.escape(c) for c in sorted(cues.to_list(), key=len, reverse=True))


def _cue_matches(articles: pl.DataFrame, pattern: str, stopwords: str) -> pl.DataFrame:
    """All (article_id, cue, candidate) for a regex with groups named cue and name; leading capitalised
    words that are no name ("On Monday Lin Jian said") are stripped."""
    return (
        articles.select("article_id", pl.col("body").fill_null("").str.extract_all(pattern).alias("hit"))
        .explode("hit")
        .drop_nulls("hit")
        .select(
            "article_id",
            pl.col("hit").str.extract_groups(pattern).struct.field("cue"),
            pl.col("hit")
            .str.extract_groups(pattern)
            .struct.field("name")
            .str.replace(rf"^(?:(?:{stopwords})\s+)+", "")
            .str.strip_chars()
            .alias("candidate"),
        )
        .filter(pl.col("candidate").str.len_chars() > 0)
    )


def unresolved_candidates(
    articles: pl.DataFrame, mentions: pl.DataFrame, dictionary: ActorDictionary
) -> pl.DataFrame:
    """articles[article_id, body], entity_mentions -> [candidate, cue, article_count, example_article_ids]."""
    cues = dictionary.title_cues
    titles = _alternation(cues.filter(pl.col("cue_class") == "title")["cue"])
    speech = _alternation(cues.filter(pl.col("cue_class") == "speech")["cue"])
    after_title = rf"(?:^|[^\p{{L}}])(?P<cue>{titles})\s+(?P<name>{WORD}(?:\s+{WORD}){{0,3}})"
    before_speech = rf"(?P<name>{WORD}(?:\s+{WORD}){{1,3}}),?\s+(?P<cue>{speech})\b"
    stopwords = _alternation(dictionary.candidate_stopwords["word"])
    found = pl.concat(
        [_cue_matches(articles, after_title, stopwords), _cue_matches(articles, before_speech, stopwords)]
    )
    if found.is_empty():
        return pl.DataFrame(schema=CANDIDATE_SCHEMA)

    names = found.select(pl.col("candidate").alias("article_id"), pl.col("candidate").alias("body")).unique()
    known_inside = match_spans(names, dictionary).join(
        dictionary.aliases.filter(~pl.col("rule").is_in(["block", "person_surname", "person_surname_alone"]))
        .select("key")
        .unique(),
        on="key",
        how="semi",
    )
    resolved_surfaces = mentions.select("article_id", pl.col("surface").alias("candidate")).unique()
    return (
        found.join(known_inside.select(pl.col("article_id").alias("candidate")), on="candidate", how="anti")
        .join(resolved_surfaces, on=["article_id", "candidate"], how="anti")
        .group_by("candidate", "cue")
        .agg(
            pl.col("article_id").n_unique().alias("article_count"),
            pl.col("article_id").unique().sort().head(3).alias("example_article_ids"),
        )
        .sort(["article_count", "candidate"], descending=[True, False])
        .cast(dict(CANDIDATE_SCHEMA))
    )


def merge_candidates(stored: pl.DataFrame, found: pl.DataFrame) -> pl.DataFrame:
    """Candidates of two disjoint sets of articles as one: article counts add up, and the first three
    example ids of the union are among the first three of each side."""
    return (
        pl.concat([stored.cast(dict(CANDIDATE_SCHEMA)), found.cast(dict(CANDIDATE_SCHEMA))])
        .group_by("candidate", "cue")
        .agg(
            pl.col("article_count").sum(),
            pl.col("example_article_ids")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .unique()
            .sort()
            .head(3),
        )
        .sort(["article_count", "candidate"], descending=[True, False])
        .cast(dict(CANDIDATE_SCHEMA))
    )
