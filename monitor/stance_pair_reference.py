""" "The two countries", "both sides": the pair an article is talking about, so that "Xi said the two
countries should be partners" reaches the other country of the talks and "The EU praised both governments"
both of them. The pair is, the first that exists: the last "A and B" before the phrase in its sentence
("Ireland and Norway ..., after the two countries"), or in the few sentences before (of two in one sentence,
the one opening it); the article's dyad
(its two most named actors, the second story_dominance times as often as the third); the two named most
(then last) in the few sentences before; the article's last "A and B"; its two most named. "The two
countries" are states; "both sides" may be a bloc too."""

from __future__ import annotations

import polars as pl

from monitor.stance_it_subjects import SUBJECT_ADVERB
from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives, subject_non_verbs
from monitor.stance_runs import shift_in

PAIR_LINK = r"^\s+(and|&)\s+(the\s+)?$"
# an "A and B" that opens its sentence is its subject: of two in one sentence, the pair the sentence is about
# ("Saudi Arabia and Iran expressed their gratitude to China ..., as well as to Iraq and Oman")
OPENING = r"^\s*((The|the)\s+)?$"


def pair_references(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Two rows per pair phrase [sid, country, r_start, r_end, named, subject]: the phrase's span and each
    actor of the pair; `named` when the sentence also names that actor itself; `subject` when the phrase
    opens the sentence."""
    lookback = int(rules.get("pair_reference_sentences", 2))
    where = sentences.select(*KEY, "article_id", "sentence_no")
    phrase = pl.col("text").str.slice(pl.col("r_start"), pl.col("r_end") - pl.col("r_start"))
    refs = (
        hits.filter(pl.col("is_pair_ref"))
        .select(*KEY, r_start="m_start", r_end="m_end")
        .join(sentences.select(*KEY, "article_id", "sentence_no", "text"), on=KEY, how="inner")
        .with_columns(
            states_only=~phrase.str.contains("side"),
            # "Both leaders condemned ...": the pair speaks (monitor.stance_carryover), it is no target
            subject=pl.col("text").str.slice(0, pl.col("r_start")).str.contains(r"^([^,]{0,60},\s+)?$"),
        )
        .drop("text")
    )
    # only articles with a pair phrase: the mentions of the others never meet one
    with_refs = where.join(refs.select("article_id").unique(), on="article_id", how="semi")
    earlier = smentions.join(with_refs, on=KEY, how="inner").select(
        "article_id",
        c_no="sentence_no",
        c_start="r_start",
        country="country",
        state=pl.col("actor_kind") != "organisation",
    )
    candidates = (
        refs.join(earlier, on="article_id", how="inner")
        .filter((pl.col("c_no") < pl.col("sentence_no")) & (pl.col("state") | ~pl.col("states_only")))
        .group_by(*KEY, "r_start", "r_end", "country")
        .agg(
            times=(pl.col("sentence_no") - pl.col("c_no") <= lookback).sum(),
            article_times=pl.len(),
            last_no=pl.col("c_no").max(),
            last_start=pl.col("c_start").max(),
        )
        .with_columns(near=(pl.col("times") > 0).sum().over(*KEY, "r_start"))
    )
    recent = _top_two(candidates.filter((pl.col("times") > 0) & (pl.col("near") >= 2)), "times")
    linked = _linked_pairs(sentences, smentions, refs)
    near_link = (~pl.col("same")) & (pl.col("sentence_no") - pl.col("l_no") <= lookback)
    by_salience = candidates.sort(
        *KEY, "r_start", "article_times", descending=[False, False, True]
    ).with_columns(rank=pl.int_range(pl.len()).over(*KEY, "r_start"))
    counts = by_salience.group_by(*KEY, "r_start").agg(
        second=pl.col("article_times").filter(pl.col("rank") == 1).first(),
        third=pl.col("article_times").filter(pl.col("rank") == 2).first().fill_null(0),
    )
    # the article's dyad: its two most named states, the second far ahead of the third
    dominance = float(rules.get("story_dominance", 1.5))
    dominant = (
        by_salience.filter(pl.col("rank") < 2)
        .join(counts, on=[*KEY, "r_start"])
        .filter((pl.col("second") >= 2) & (pl.col("second") >= dominance * pl.col("third")))
    )
    most_named = by_salience.filter(pl.col("rank") < 2).filter(pl.len().over(*KEY, "r_start") == 2)
    chosen = _first_of(
        [
            linked.filter(pl.col("same")),
            linked.filter(near_link),
            dominant,
            recent,
            linked.filter(~pl.col("same")),
            most_named,
        ]
    )
    # a place ("the U.S. Embassy in Bishkek") does not name its state as a party
    places = rule_alternatives(rules, "location_prepositions")
    lead = pl.col("text").str.slice(0, pl.col("r_start"))
    named = (
        smentions.join(chosen.select(KEY).unique(), on=KEY, how="semi")
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(~lead.str.contains(rf"\b({places})\s+$"))
        .select(*KEY, "country")
        .unique()
        .with_columns(named=pl.lit(True))
    )
    return (
        chosen.join(named, on=[*KEY, "country"], how="left")
        .join(refs.select(*KEY, "r_start", "subject"), on=[*KEY, "r_start"], how="left")
        .select(*KEY, "country", "r_start", "r_end", "subject", named=pl.col("named").fill_null(False))
    )


def _first_of(choices: list[pl.DataFrame]) -> pl.DataFrame:
    """Each phrase's pair from the first choice that has one."""
    picked = [choice.select(*KEY, "country", "r_start", "r_end") for choice in choices]
    out = picked[0]
    for choice in picked[1:]:
        out = pl.concat(
            [out, choice.join(out.select(*KEY, "r_start").unique(), on=[*KEY, "r_start"], how="anti")]
        )
    return out


def _top_two(candidates: pl.DataFrame, count: str) -> pl.DataFrame:
    """The two actors named most (then last) for each pair phrase."""
    return (
        candidates.sort(
            *KEY, "r_start", count, "last_no", "last_start", descending=[False, False, True, True, True]
        )
        .filter(pl.int_range(pl.len()).over(*KEY, "r_start") < 2)
        .select(*KEY, "country", "r_start", "r_end")
    )


def _linked_pairs(sentences: pl.DataFrame, smentions: pl.DataFrame, refs: pl.DataFrame) -> pl.DataFrame:
    """For each pair phrase, the two actors of the last "A and B" before it in its article [sid, country,
    r_start, r_end, same, l_no, sentence_no]; `same` when that is in the phrase's own sentence."""
    articles = sentences.select(*KEY, "article_id", "sentence_no", "text").join(
        refs.select("article_id").unique(), on="article_id", how="semi"
    )
    joined = (
        smentions.join(articles.select(KEY), on=KEY, how="semi")
        .sort(*KEY, "r_start")
        .with_columns(
            b_country=shift_in(pl.col("country"), KEY, -1),
            b_start=shift_in(pl.col("r_start"), KEY, -1),
            b_end=shift_in(pl.col("r_end"), KEY, -1),
        )
        .filter(pl.col("b_country").is_not_null() & (pl.col("b_country") != pl.col("country")))
        .join(articles, on=KEY, how="inner")
        .filter(
            pl.col("text")
            .str.slice(pl.col("r_end"), (pl.col("b_start") - pl.col("r_end")).clip(0))
            .str.contains(PAIR_LINK)
        )
        .select(
            "article_id",
            "b_end",
            l_no="sentence_no",
            a="country",
            b="b_country",
            opening=pl.col("text").str.slice(0, pl.col("r_start")).str.contains(OPENING),
        )
    )
    last = (
        refs.select(*KEY, "article_id", "sentence_no", "r_start", "r_end")
        .join(joined, on="article_id", how="inner")
        .filter(
            (pl.col("l_no") < pl.col("sentence_no"))
            | ((pl.col("l_no") == pl.col("sentence_no")) & (pl.col("b_end") <= pl.col("r_start")))
        )
        .sort(*KEY, "r_start", "l_no", "opening", "b_end")
        .unique([*KEY, "r_start"], keep="last", maintain_order=True)
        .with_columns(same=pl.col("l_no") == pl.col("sentence_no"))
    )
    columns = [*KEY, "r_start", "r_end", "same", "l_no", "sentence_no"]
    return pl.concat([last.select(*columns, country=side) for side in ("a", "b")])


def target_mentions(
    rows: pl.DataFrame, first_mid: int, actor_id: str, kind: str, pair_ref: bool
) -> pl.DataFrame:
    """Rows [KEY, country, r_start, r_end, `actor_id`] as extra target mentions in the shape of the sentence
    mentions, numbered from `first_mid` (after the mentions the text holds)."""
    return rows.select(
        *KEY,
        mid=pl.int_range(pl.len()) + first_mid,
        actor_id=actor_id,
        country="country",
        actor_kind=pl.lit(kind),
        demonym=pl.lit(False),
        r_start="r_start",
        r_end="r_end",
        pair_ref=pl.lit(pair_ref),
    )


def as_mentions(pairs: pl.DataFrame, first_mid: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The pair actors a sentence does not name itself, as target mentions flagged `pair_ref`, and the ids
    [sid, mid] of those whose phrase is the sentence's subject: its speakers, no targets of a speaker."""
    unnamed = pairs.filter(~pl.col("named"))
    mentions = target_mentions(unnamed, first_mid, "country", "state", pair_ref=True)
    return mentions, mentions.filter(unnamed["subject"]).select(*KEY, "mid")


def pair_speakers(
    pairs: pl.DataFrame, sentences: pl.DataFrame, sources: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Sources [sid, source_actor, source_speaker, rule] of a sentence that nobody else speaks and that
    opens with a pair phrase and its verb ("The two sides also supported ASEAN's central role", "In a joint
    statement, the two countries said"): each actor of the pair, as a group subject speaks for its states
    (monitor.stance_group_subjects). A phrase followed by no verb ("The two countries' ties") speaks not."""
    not_verbs = subject_non_verbs(rules)
    verb = pl.col("text").str.slice(pl.col("r_end"), 40).str.extract(rf"^\s+{SUBJECT_ADVERB}([a-z]+)\b", 1)
    return (
        pairs.filter(pl.col("subject"))
        .join(sources.select(KEY).unique(), on=KEY, how="anti")
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(verb.is_not_null() & ~verb.is_in(not_verbs))
        .filter(~pl.col("text").str.slice(pl.col("r_end") - 1, 1).is_in(["'", "’"]))
        .select(
            *KEY,
            source_actor="country",
            source_speaker=pl.lit(None, pl.String),
            rule=pl.lit("pair_subject"),
        )
        .unique(maintain_order=True)
    )


def without_pair_targets(statements: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    """Statements less those of a pair speaker toward its partner ("The two countries had suspended talks on
    the Kuala Lumpur-Singapore High-Speed Rail"): what the pair did together is a mutual fact of the joint
    subject (monitor.stance_relations), not a judgement one side speaks of the other."""
    partners = pairs.select(*KEY, target_actor="country", rule=pl.lit("pair_subject")).unique()
    return statements.join(partners, on=[*KEY, "rule", "target_actor"], how="anti")
