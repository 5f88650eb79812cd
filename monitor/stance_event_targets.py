"""Judgements of an act named without its agent: "Both leaders condemned the launch", "Sweden welcomed the
vote", "NATO also welcomed the ratification". The act is the one a recent sentence reported of the actor
it opened with ("North Korea fired a ballistic missile ...", "The Turkish Parliament approved ..."): the
judgement is of that actor."""

from __future__ import annotations

import polars as pl

from monitor.stance_clauses import clause_judges
from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_rows import negation_factor, statement_rows


def event_agent_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    cues: pl.DataFrame,
    sources: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """Statements [sid, source_actor, source_speaker, target_actor, polarity, cue, cue_class, negated,
    mutual, rule] from a stance cue of the rules' event_judgement_classes followed by "the <act>"
    (event_nouns, act_nouns) that names no actor, toward its agent: the holder of the same noun ("North
    Korea's launch") or, for court_act_nouns, a court of court_actors named in the previous
    event_holder_sentences sentences, else the subject the last of the previous event_agent_sentences
    sentences opened with (rule sentence_subject)."""
    nouns = "|".join(
        alt for alt in (rule_alternatives(rules, "event_nouns"), rule_alternatives(rules, "act_nouns")) if alt
    )
    classes = [str(c) for c in rules.get("event_judgement_classes", [])]
    lookback = int(rules.get("event_agent_sentences", 2))
    holder_lookback = int(rules.get("event_holder_sentences", 5))
    factor = negation_factor(rules)
    object_np = rf"^\s+(the|this|that)\s+([a-z-]+\s+){{0,2}}?({nouns})\b"
    after = pl.col("text").str.slice(pl.col("m_end"), 80)
    events = (
        cues.filter(pl.col("cue_class").is_in(classes))
        .join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .with_columns(np_len=after.str.extract(f"({object_np})", 1).str.len_chars())
        .filter(pl.col("np_len").is_not_null())
        .select(
            *KEY,
            "cue",
            "cue_class",
            "polarity",
            "negated",
            "m_start",
            np_end=pl.col("m_end") + pl.col("np_len"),
            noun=after.str.extract(object_np, 3),
        )
    )
    # The object names no actor of its own ("condemned the Israeli advance" judges Israel already).
    named = events.join(smentions.select(*KEY, "r_start"), on=KEY).filter(
        (pl.col("r_start") >= pl.col("m_start")) & (pl.col("r_start") < pl.col("np_end"))
    )
    events = events.join(named.select(*KEY, "m_start").unique(), on=[*KEY, "m_start"], how="anti")
    where = sentences.select(*KEY, "article_id", "sentence_no")
    events = events.join(where, on=KEY)
    subjects = (
        sources.filter(pl.col("rule") == "sentence_subject")
        .join(where, on=KEY)
        .select("article_id", a_no="sentence_no", agent="source_actor", own=pl.lit(False))
    )
    # an actor that judged "the <act>" itself is no agent of it ("Russia condemned the strike. Moscow also
    # requested a meeting. Iraq also condemned the attack.")
    judges = clause_judges(events, sources).select("article_id", j_no="sentence_no", agent="source_actor")
    # "North Korea's launch of a military reconnaissance satellite", "the Turkish vote" name the agent of
    # "the launch", "the vote" (a possessive, or an actor right before the noun).
    holder_np = pl.concat_str(pl.lit(r"^(['’]s\s+([a-z-]+\s+){0,2}?|\s+)"), "noun", pl.lit(r"\b"))
    recent = (
        events.select("article_id", "noun", e_no="sentence_no")
        .join(where, on="article_id")
        .filter(pl.col("sentence_no").is_between(pl.col("e_no") - holder_lookback, pl.col("e_no") - 1))
        .select(*KEY, "noun")
        .unique()
    )
    holders = (
        smentions.join(recent, on=KEY)
        .join(sentences.select(*KEY, "article_id", "sentence_no", "text"), on=KEY)
        .sort("noun")
        .filter(pl.col("text").str.slice(pl.col("r_end"), 40).str.contains(holder_np))
        .select("article_id", "noun", a_no="sentence_no", agent="country", own=pl.lit(True))
    )

    # "the ruling" of a court named in the window ("The court said it manifestly lacked jurisdiction")
    court_nouns = [str(n) for n in rules.get("court_act_nouns", [])]
    courts = (
        smentions.filter(pl.col("country").is_in([str(c) for c in rules.get("court_actors", [])]))
        .join(where, on=KEY)
        .select("article_id", a_no="sentence_no", agent="country", own=pl.lit(True))
        .unique()
    )

    def earlier(sentences_back: int) -> pl.Expr:
        back = pl.col("sentence_no") - pl.col("a_no")
        return (back > 0) & (back <= sentences_back)

    subject_agents = events.join(subjects, on="article_id").filter(earlier(lookback))
    judged = (
        subject_agents.join(judges, on=["article_id", "agent"])
        .filter(pl.col("j_no").is_between(pl.col("a_no") - 1, "sentence_no"))
        .select(*KEY, "m_start", "agent")
        .unique()
    )

    agents = (
        pl.concat(
            [
                events.join(holders, on=["article_id", "noun"]).filter(earlier(holder_lookback)),
                events.filter(pl.col("noun").is_in(court_nouns))
                .join(courts, on="article_id")
                .filter(earlier(holder_lookback)),
                subject_agents.join(judged, on=[*KEY, "m_start", "agent"], how="anti"),
            ],
            how="diagonal_relaxed",
        )
        .filter(pl.col("own") == pl.col("own").max().over(*KEY, "m_start"))
        .filter(pl.col("a_no") == pl.col("a_no").max().over(*KEY, "m_start"))
    )
    return (
        clause_judges(agents, sources)
        .filter(pl.col("source_actor") != pl.col("agent"))
        .sort(*KEY, "source_actor", "agent", "m_start")
        .unique([*KEY, "source_actor", "agent"], keep="first", maintain_order=True)
        .pipe(judgement_statements, "agent", "event_agent", factor)
    )


def judgement_statements(frame: pl.DataFrame, target: str, rule: str, factor: float) -> pl.DataFrame:
    """Statement rows of a judgement whose target another sentence supplied (column `target`)."""
    return statement_rows(frame, target=target, rule=rule, mutual=False, factor=factor)
