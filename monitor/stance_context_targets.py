"""Judgements whose target the sentence leaves to the reader.

- Rebuttals: "Beijing rejected the accusations", "Bangladesh's foreign ministry rejected those remarks as
  unfounded", "Cambodia denied laying any new mines, calling the accusations 'baseless'". The accusations
  are those a recent sentence reported against the speaker: the rebuttal answers their one accuser. With
  two accusers in the window, or none, the rebuttal names nobody (a wrong target is worse than a miss).
- Welcomes of the story's agreement: "Washington also hailed the rapprochement", "The UN Secretary-General's
  spokesperson welcomed the ceasefire" after a lead "Thailand and Cambodia agreed to a ceasefire": the
  outcome welcomed is the one the article opened with, and its two parties are the targets.
- Judgements of the story's act of force: "Oman ... denounced the strikes as illegal" after a lead "The
  United States struck three nuclear sites in Iran": the one agent of that act is the target."""

from __future__ import annotations

import polars as pl

from monitor.stance_aid_recipients import aid_recipient_statements
from monitor.stance_clauses import clause_judges
from monitor.stance_event_echoes import event_echo_statements, unnamed
from monitor.stance_event_targets import judgement_statements
from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_rows import negation_factor
from monitor.stance_story_targets import DEFINITE, PREDICATE, story_statements


def context_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    cues: pl.DataFrame,
    sources: pl.DataFrame,
    statements: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """The statements of the three rules, rebuttals first, then echoes of earlier acts
    (monitor.stance_event_echoes), then those of the story's sides
    (monitor.stance_story_targets) where none of them found one. `smentions` carry `located` (a place
    after a location preposition, monitor.stance_cue_hits.located_mentions), which names nobody."""
    args = (sentences, smentions, cues, sources, statements, rules)
    found = pl.concat(
        [
            rebuttal_statements(*args),
            welcomed_outcome_statements(*args),
            lead_act_statements(*args),
            aid_recipient_statements(sentences, smentions, sources, statements, rules),
        ]
    )
    known = pl.concat([statements.select(found.columns), found])
    found = pl.concat([found, event_echo_statements(*args[:4], known, rules)])
    known = pl.concat([statements.select(found.columns), found])
    return pl.concat([found, story_statements(sentences, smentions, cues, sources, known, rules)])


def rebuttal_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    cues: pl.DataFrame,
    sources: pl.DataFrame,
    statements: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """Statements (the columns of event_agent_statements) from a cue of rebuttal_classes followed by
    "the/those/that <words> <rebuttal_noun>", or said of one ("calling the accusations 'baseless'"), with no
    actor but the speaker named after the cue, toward the single
    actor whose negative statement against the same source lies in the previous rebuttal_sentences
    sentences."""
    nouns = rule_alternatives(rules, "rebuttal_nouns")
    classes = [str(c) for c in rules.get("rebuttal_classes", [])]
    lookback = int(rules.get("rebuttal_sentences", 3))
    factor = negation_factor(rules)
    object_np = rf"^\s+(the|those|these|such|that|this)\s+([a-z-]+\s+){{0,2}}?({nouns})\b"
    after = pl.col("text").str.slice(pl.col("m_end"), 80)
    # ... or what the cue is said of: "calling the accusations 'baseless'" (monitor.stance_story_targets)
    before = pl.col("text").str.slice(0, pl.col("m_start"))
    said_of = rf"{DEFINITE}({nouns}){PREDICATE}"
    where = sentences.select(*KEY, "article_id", "sentence_no")
    rebuttals = (
        cues.filter(pl.col("cue_class").is_in(classes))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(after.str.contains(object_np) | before.str.contains(said_of))
        .select(*KEY, "cue", "cue_class", "polarity", "negated", "m_start")
    )
    rebuttals = clause_judges(rebuttals, sources)
    rebuttals = unnamed(rebuttals, smentions)
    accusations = (
        statements.filter(~pl.col("mutual") & (pl.col("polarity") < 0))
        .join(where, on=KEY)
        .select("article_id", a_no="sentence_no", accuser="source_actor", accused="target_actor")
        .unique()
    )
    back = pl.col("sentence_no") - pl.col("a_no")
    return (
        rebuttals.join(where, on=KEY)
        .join(accusations, left_on=["article_id", "source_actor"], right_on=["article_id", "accused"])
        .filter((back > 0) & (back <= lookback) & (pl.col("accuser") != pl.col("source_actor")))
        .filter(pl.col("accuser").n_unique().over(*KEY, "m_start", "source_actor") == 1)
        .sort(*KEY, "source_actor", "m_start")
        .unique([*KEY, "source_actor", "accuser"], keep="first", maintain_order=True)
        .pipe(judgement_statements, "accuser", "rebuttal_accuser", factor)
    )


def welcomed_outcome_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    cues: pl.DataFrame,
    sources: pl.DataFrame,
    statements: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """Statements (the columns of event_agent_statements) from a cue of welcomed_outcome_classes followed by
    "the <words> <welcomed_outcome_nouns>" toward the two parties of the article's lead agreement: its
    first positive mutual fact of welcomed_outcome_fact_classes."""
    classes = [str(c) for c in rules.get("welcomed_outcome_fact_classes", [])]
    facts = statements.filter(
        pl.col("mutual") & (pl.col("polarity") > 0) & pl.col("cue_class").is_in(classes)
    )
    return _lead_event_statements(
        sentences, smentions, cues, sources, facts, "welcomed_outcome", rules, parties=2
    )


def lead_act_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    cues: pl.DataFrame,
    sources: pl.DataFrame,
    statements: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """Statements from a cue of lead_act_classes followed by "the <words> <lead_act_nouns>" ("Oman ...
    denounced the strikes as illegal") toward the one agent of the article's lead act of force: the source
    of its first statement of a directed relation class ("The United States struck three nuclear sites in
    Iran")."""
    classes = [str(c) for c in rules.get("directed_relation_classes", [])]
    facts = statements.filter((pl.col("polarity") < 0) & pl.col("cue_class").is_in(classes))
    return _lead_event_statements(sentences, smentions, cues, sources, facts, "lead_act", rules, parties=1)


def _lead_event_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    cues: pl.DataFrame,
    sources: pl.DataFrame,
    facts: pl.DataFrame,
    kind: str,
    rules: dict,
    parties: int,
) -> pl.DataFrame:
    """Judgements (cue classes `<kind>_classes`, object nouns `<kind>_nouns`) that name no actor but the
    speaker after their cue, of the event the article opened with: the sources of the first sentence of
    `facts` [sid, source_actor], when it stands in the first lead_event_sentences sentences and has exactly
    `parties` sources."""
    nouns = rule_alternatives(rules, f"{kind}_nouns")
    classes = [str(c) for c in rules.get(f"{kind}_classes", [])]
    lead = int(rules.get("lead_event_sentences", 3))
    factor = negation_factor(rules)
    object_np = rf"^\s+(the|this|that)\s+([a-z-]+\s+){{0,2}}?({nouns})\b"
    # ... or what the cue is said of: "The attack was also denounced by Indonesia and Malaysia"
    said_of = rf"(?i:{DEFINITE}({nouns}){PREDICATE})"
    where = sentences.select(*KEY, "article_id", "sentence_no")
    judgements = (
        cues.filter(pl.col("cue_class").is_in(classes))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(
            pl.col("text").str.slice(pl.col("m_end"), 80).str.contains(object_np)
            | pl.col("text").str.slice(0, pl.col("m_start")).str.contains(said_of)
        )
        .select(*KEY, "cue", "cue_class", "polarity", "negated", "m_start")
        .pipe(clause_judges, sources)
    )
    lead_facts = (
        facts.join(where, on=KEY)
        .filter(pl.col("sentence_no") < lead)
        .filter(pl.col("sentence_no") == pl.col("sentence_no").min().over("article_id"))
        .select("article_id", fact_no="sentence_no", party="source_actor")
        .unique()
        .filter(pl.col("party").n_unique().over("article_id") == parties)
    )
    return (
        unnamed(judgements, smentions)
        .join(where, on=KEY)
        .join(lead_facts, on="article_id")
        .filter((pl.col("sentence_no") > pl.col("fact_no")) & (pl.col("party") != pl.col("source_actor")))
        .sort(*KEY, "source_actor", "party", "m_start")
        .unique([*KEY, "source_actor", "party"], keep="first", maintain_order=True)
        .pipe(judgement_statements, "party", kind, factor)
    )
