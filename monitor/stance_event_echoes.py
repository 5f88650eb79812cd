"""Judgements of an act the article reported earlier in other words: "Scholz said he 'sharply condemned' the
execution" after "Iran's judiciary announced ... that Sharmahd had been executed", "Lammy called the veto 'a
disgrace'" after "Russia vetoed a British-drafted resolution", "Biden welcomed the deal" after "Britain will
hand sovereignty ... to Mauritius ..., in a deal that ...".

The judged noun names its act by a stem (event_echo_stems: execution -> execut); the act is the nearest
earlier sentence, within event_echo_sentences, whose statement has a cue with that stem (its sources are
the agents: one for "vetoed", both parties of a mutual "deal"), or that uses the stem as a past verb
("executed") or introduces it with an indefinite article ("signed an executive order"), its speakers
or opening subject the agents. A sentence that names an actor besides its
speaker after the cue, or already carries a statement of the speaker, is left to the other rules; more
than two agents judge nobody."""

from __future__ import annotations

import re

import polars as pl

from monitor.stance_clauses import clause_judges
from monitor.stance_event_targets import judgement_statements
from monitor.stance_holders import judging_voices
from monitor.stance_keys import KEY
from monitor.stance_rows import negation_factor
from monitor.stance_story_targets import DEFINITE, OBJECT, PREDICATE


def unnamed(judgements: pl.DataFrame, smentions: pl.DataFrame) -> pl.DataFrame:
    """Judgements [sid, m_start, source_actor, ...] after whose cue the sentence names no actor but its
    speakers: "rejected the claims by China", "welcomed the deal with Japan" name their target (or another
    party), so the ordinary rules judge the sentence; "was also denounced by Indonesia and Malaysia" names
    its two judges. A place (`located` mentions: "through its embassy in Manila") names nobody."""
    judges = judgements.select(*KEY, "m_start", country="source_actor").unique()
    named = (
        judgements.select(*KEY, "m_start")
        .unique()
        .join(smentions.filter(~pl.col("located")).select(*KEY, "r_start", "country"), on=KEY)
        .filter(pl.col("r_start") >= pl.col("m_start"))
        .join(judges, on=[*KEY, "m_start", "country"], how="anti")
    )
    return judgements.join(named.select(*KEY, "m_start").unique(), on=[*KEY, "m_start"], how="anti")


def event_echo_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    cues: pl.DataFrame,
    sources: pl.DataFrame,
    statements: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """Statements (the columns of event_agent_statements) from a cue of event_judgement_classes whose object,
    or what it is said of, is "the <event_echo_stems noun>", toward the agents of the act (see the module),
    rule event_echo. `statements` are those the other rules found."""
    stems = {str(noun): str(stem) for noun, stem in (rules.get("event_echo_stems") or {}).items()}
    nouns = "|".join(re.escape(noun) for noun in sorted(stems, key=len, reverse=True)) or "$^"
    classes = [str(c) for c in rules.get("event_judgement_classes", [])]
    window = int(rules.get("event_echo_sentences", 15))
    max_agents = int(rules.get("event_echo_listed_agents", 2))
    where = sentences.select(*KEY, "article_id", "sentence_no")
    after = pl.col("text").str.slice(pl.col("m_end"), 80).str.to_lowercase()
    before = pl.col("text").str.slice(0, pl.col("m_start")).str.to_lowercase()
    voices = judging_voices(sources)
    speakers = voices.select(*KEY, "source_actor", "source_speaker").unique()
    judgements = (
        cues.filter(pl.col("cue_class").is_in(classes))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .with_columns(
            noun=pl.coalesce(
                after.str.extract(rf"{OBJECT}({nouns})\b", 5),
                before.str.extract(rf"{DEFINITE}({nouns}){PREDICATE}", 3),
            )
        )
        .filter(pl.col("noun").is_not_null())
        .with_columns(stem=pl.col("noun").replace_strict(stems, default=None, return_dtype=pl.String))
        .select(*KEY, "cue", "cue_class", "polarity", "negated", "m_start", "stem")
        .pipe(clause_judges, voices)
        .join(statements.select(*KEY, "source_actor").unique(), on=[*KEY, "source_actor"], how="anti")
        .pipe(unnamed, smentions)
        .join(where, on=KEY)
    )
    # the act: a statement whose cue has the stem ("vetoed", "deal") ...
    # ... and of a pact ("deal", "agree"), its other party too
    pacts = [str(stem) for stem in rules.get("event_echo_pact_stems", [])]
    acted = statements.filter(pl.col("cue").is_not_null()).join(where, on=KEY)
    acted = pl.concat(
        [
            acted.select("article_id", "sentence_no", "cue", agent="source_actor", party=pl.lit(False)),
            acted.select("article_id", "sentence_no", "cue", agent="target_actor", party=pl.lit(True)),
        ]
    ).select("article_id", "agent", "party", a_no="sentence_no", act=pl.col("cue").str.to_lowercase())
    by_cue = (
        judgements.join(acted, on="article_id")
        .filter(pl.col("act").str.contains(pl.concat_str(pl.lit(r"\b"), "stem")))
        .filter(~pl.col("party") | pl.col("stem").is_in(pacts))
        .drop("party")
    )
    # ... or a sentence using the stem as a past verb ("had been executed"), of its speakers or subject
    subjects = speakers.join(sentences.select(*KEY, "article_id", "sentence_no", "text"), on=KEY).select(
        "article_id", a_no="sentence_no", agent="source_actor", act=pl.col("text").str.to_lowercase()
    )
    # ... or one introducing the act with an indefinite article ("has signed an executive order"), of its
    # speakers: "the order" refers back to it
    past_verb = pl.concat_str(pl.lit(r"\b"), "stem", pl.lit(r"[a-z]*ed\b"))
    introduced = pl.concat_str(pl.lit(r"\b(a|an)\s+([a-z-]+\s+){0,2}?"), "stem")
    by_verb = judgements.join(subjects, on="article_id").filter(
        pl.col("act").str.contains(past_verb) | pl.col("act").str.contains(introduced)
    )
    # ... of the actor whose verb introduces it, where one does: "Pakistan recalled its ambassador ..., a day
    # after Iran carried out a strike" was Iran's strike
    doers = _introducers(judgements.select("article_id", "stem").unique(), sentences, smentions, introduced)
    by_verb = pl.concat(
        [
            by_verb.join(
                doers.select("article_id", "a_no", "stem").unique(),
                on=["article_id", "a_no", "stem"],
                how="anti",
            ),
            judgements.join(doers, on=["article_id", "stem"]),
        ],
        how="diagonal",
    )
    back = pl.col("sentence_no") - pl.col("a_no")
    judgement = [*KEY, "m_start", "source_actor"]
    return (
        pl.concat(
            [by_cue.with_columns(listed=pl.lit(True)), by_verb.with_columns(listed=pl.lit(False))],
            how="diagonal",
        )
        .filter((back > 0) & (back <= window))
        .filter(pl.col("a_no") == pl.col("a_no").max().over(judgement))
        .filter(pl.col("agent") != pl.col("source_actor"))
        # the agents of an act its own statements list ("The UK, Canada, Australia, New Zealand and Norway
        # imposed sanctions") may be many; a sentence read for the stem as a verb names at most two
        .filter(
            pl.col("agent").n_unique().over(judgement)
            <= pl.when(pl.col("listed").all().over(judgement)).then(max_agents).otherwise(2)
        )
        .sort(*KEY, "source_actor", "agent", "m_start")
        .unique([*KEY, "source_actor", "agent"], keep="first", maintain_order=True)
        .pipe(judgement_statements, "agent", "event_echo", negation_factor(rules))
    )


def _introducers(
    stems: pl.DataFrame, sentences: pl.DataFrame, smentions: pl.DataFrame, introduced: pl.Expr
) -> pl.DataFrame:
    """[article_id, stem, agent, a_no, act]: the actor named right before the verb (one to three lower-case
    words) that introduces an act of the stem with an indefinite article ("Iran carried out a strike"), with
    the number and lower-cased text of its sentence."""
    lowered = pl.col("text").str.to_lowercase()
    found = (
        stems.join(sentences.select(*KEY, "article_id", "sentence_no", "text"), on="article_id")
        .with_columns(at=lowered.str.find(introduced))
        .filter(pl.col("at").is_not_null())
        .join(smentions.select(*KEY, "country", "r_end"), on=KEY)
        .filter(pl.col("r_end") <= pl.col("at"))
        .filter(
            pl.col("text")
            .str.slice(pl.col("r_end"), pl.col("at") - pl.col("r_end"))
            .str.contains(r"^\s+([a-z]+\s+){1,3}$")
        )
    )
    return found.select("article_id", "stem", agent="country", a_no="sentence_no", act=lowered)
