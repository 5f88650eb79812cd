"""Stance cues predicated of an act ("the decision by US President Donald Trump to impose an additional
tariff on Indian goods over New Delhi's purchases of Russian oil was 'unjustified'"): they judge the
act's agent, named after "by"/"of", not the actors named inside the act's description."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_voices import non_state_voices

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# "in 1979", "in January 2016", "in the early 1990s": the year (a decade's first)
DAY_MONTH = rf"(?:\d{{1,2}}\s+)?(?:{MONTH}\s+)?(?:\d{{1,2}},?\s+)?"
DATED = rf"(?:the\s+)?(?:(?:early|late|mid)[- ])?{DAY_MONTH}(\d{{4}})s?\b"


def act_agents(
    cues: pl.DataFrame, sentences: pl.DataFrame, smentions: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[sid, agent_end, copula_start]: sentences with a stance cue after a copula whose subject is an
    act with its agent ("the decision by X ... was"): the actors named between the agent's mention and
    the copula describe the act and are no targets of the speaker in that sentence."""
    agent_lead = rf"\b(?i:{rule_alternatives(rules, 'act_nouns')})\s+(by|of)\s+((the|The)\s+)?$"
    copula = rf"\b({rule_alternatives(rules, 'copulas')})\b"
    between = pl.col("text").str.slice(pl.col("r_end"), pl.col("m_start") - pl.col("r_end"))
    agents = (
        smentions.join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .filter(pl.col("text").str.slice(0, pl.col("r_start")).str.contains(agent_lead))
        .select(*KEY, "text", "r_end")
    )
    return (
        cues.filter(pl.col("scope") == "stance")
        .select(*KEY, "m_start")
        .join(agents, on=KEY, how="inner")
        .filter(pl.col("r_end") <= pl.col("m_start"))
        .with_columns(copula_start=pl.col("r_end") + between.str.find(copula))
        .filter(pl.col("copula_start").is_not_null())
        .group_by(KEY)
        .agg(agent_end=pl.col("r_end").min(), copula_start=pl.col("copula_start").min())
    )


def deal_terms(
    cues: pl.DataFrame, sentences: pl.DataFrame, hits: pl.DataFrame, smentions: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[deal_id, term_id, country]: stance cues inside the relative clause after a deal cue ("Japan and
    the U.S. have reached a trade deal under which Washington will impose a 15% tariff on Japanese
    imports"), up to the next clause break, with each actor named before the deal cue (its parties)."""
    gap = int(rules.get("deal_term_gap_words", 4))
    opening = rf"^\s+([A-Za-z0-9%$-]+\s+){{0,{gap}}}?({rule_alternatives(rules, 'deal_term_openings')})\s"
    deals = (
        cues.filter(pl.col("cue_class").is_in([str(c) for c in rules.get("deal_classes", [])]))
        .join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .filter(pl.col("text").str.slice(pl.col("m_end")).str.contains(opening))
        .select(*KEY, deal_id="cue_id", d_end="m_end")
    )
    breaks = (
        deals.join(hits.filter(pl.col("is_clause_break")).select(*KEY, b_start="m_start"), on=KEY)
        .filter(pl.col("b_start") > pl.col("d_end"))
        .group_by("deal_id")
        .agg(clause_end=pl.col("b_start").min())
    )
    return (
        deals.join(breaks, on="deal_id", how="left")
        .join(cues.filter(pl.col("scope") == "stance").select(*KEY, "m_start", term_id="cue_id"), on=KEY)
        .filter(pl.col("m_start") > pl.col("d_end"))
        .filter(pl.col("clause_end").is_null() | (pl.col("m_start") < pl.col("clause_end")))
        .join(smentions.select(*KEY, "country", "r_end"), on=KEY)
        .filter(pl.col("r_end") <= pl.col("d_end"))
        .select("deal_id", "term_id", "country")
        .unique()
    )


def contrast_starts(
    cues: pl.DataFrame, hits: pl.DataFrame, smentions: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[cue_id, contrast_start, clause_actors]: where the contrasting clause ("..., while X accused Y")
    a cue stands in starts, and the actors named in it before the cue; actors named before that clause
    are out of the cue's reach for a source that is not one of the clause's actors ("..., while the
    Russian foreign ministry threatened retaliation" stays Russia's)."""
    breaks = [str(b) for b in rules.get("contrast_breaks", [])]
    starts = (
        cues.select(*KEY, "cue_id", "m_start")
        .join(
            hits.filter(pl.col("is_clause_break") & pl.col("phrase").is_in(breaks)).select(
                *KEY, b_start="m_start"
            ),
            on=KEY,
        )
        .filter(pl.col("b_start") < pl.col("m_start"))
        .group_by(*KEY, "cue_id", "m_start")
        .agg(contrast_start=pl.col("b_start").max())
    )
    return (
        starts.join(smentions.select(*KEY, "country", "r_start"), on=KEY, how="left")
        .with_columns(
            clause_actor=pl.when(
                (pl.col("r_start") >= pl.col("contrast_start")) & (pl.col("r_start") < pl.col("m_start"))
            ).then(pl.col("country"))
        )
        .group_by("cue_id", "contrast_start")
        .agg(clause_actors=pl.col("clause_actor").drop_nulls().unique())
    )


def hypothetical_acts(
    cues: pl.DataFrame, sentences: pl.DataFrame, rules: dict, published: pl.DataFrame | None = None
) -> pl.Series:
    """Ids of directed relation cues naming an act that has not happened: an indefinite act ("a Chinese
    attack on Taiwan") with a modal near it ("could constitute a survival-threatening situation", "how
    Japan would respond to"). Reported remarks about it are no fact between its actors. Also relations
    named as a prospect (prospect_openings), contacts announced for later (future_contact_openings) and events
    dated years before the article (past_events)."""
    window = int(rules.get("hypothetical_window", 60))
    articles = rule_alternatives(rules, "hypothetical_articles")
    modal = rf"\b({rule_alternatives(rules, 'hypothetical_modals')})\b"
    text = pl.col("text")
    lead = text.str.slice(0, pl.col("m_start"))
    indefinite = lead.str.contains(rf"\b(?i:{articles})\s+([\w'’-]+\s+){{0,3}}$")
    before = lead.str.slice((pl.col("m_start") - window).clip(0))
    after = text.str.slice(pl.col("m_end"), window).str.replace(r"[.;].*$", "")
    directed = [str(c) for c in rules.get("directed_relation_classes", [])]
    acts = (
        cues.filter(pl.col("cue_class").is_in(directed))
        .join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .filter(indefinite & (before.str.contains(modal) | after.str.contains(modal)))["cue_id"]
    )
    prospects = opened_relations(cues, sentences, rules, "prospect_openings")
    contacts = cues.filter(pl.col("cue").is_in([str(c) for c in rules.get("future_contact_cues", [])]))
    planned = opened_relations(contacts, sentences, rules, "future_contact_openings")
    return pl.concat([acts, prospects, planned, past_events(cues, sentences, published, rules)]).unique()


def opened_relations(cues: pl.DataFrame, sentences: pl.DataFrame, rules: dict, key: str) -> pl.Series:
    """Ids of relation cues right after a phrase of the rules' `key` list, at most opening_gap_words words
    between ("Ukraine was open to dialogue with Hungary", "would review the possibility of supplying arms to
    Ukraine"): an intent or a prospect, no relation the text reports."""
    gap = int(rules.get("opening_gap_words", 2))
    opening = rf"\b(?i:{rule_alternatives(rules, key)})\s+([\w'’-]+\s+){{0,{gap}}}$"
    return (
        cues.filter(pl.col("scope") == "relation")
        .join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .filter(pl.col("text").str.slice(0, pl.col("m_start")).str.contains(opening))["cue_id"]
    )


def past_events(
    cues: pl.DataFrame, sentences: pl.DataFrame, published: pl.DataFrame | None, rules: dict
) -> pl.Series:
    """Ids of cues of events dated at least past_event_years before the article: every cue of a sentence
    opening with the year ("In 1976, Uruguayan forces dragged a woman from the Venezuelan embassy"), and a
    relation cue or an act of past_act_classes with the year in its clause ("Egypt and Israel signed a peace
    treaty in 1979", "Saudi Arabia cut ties with Iran in January 2016"). History told as background, no
    stance of the day; a judgement dated so is not ("condemned the annexation of Crimea in 2014")."""
    if published is None or published.is_empty():
        return pl.Series("cue_id", [], dtype=pl.UInt32)
    years = int(rules.get("past_event_years", 5))
    opening_year = _opening_year()
    clause_year = (
        pl.col("text").str.slice(pl.col("m_end"), 60).str.extract(rf"^[^,;.]*?\bin {DATED}", 1)
    ).cast(pl.Int32, strict=False)
    limit = pl.col("published_on").dt.year() - years
    acts = [str(c) for c in rules.get("past_act_classes", [])]
    dated_kind = (pl.col("scope") == "relation") | pl.col("cue_class").is_in(acts)
    return (
        cues.join(sentences.select(*KEY, "article_id", "text"), on=KEY, how="inner")
        .join(published.select("article_id", "published_on"), on="article_id", how="inner")
        .filter(
            (opening_year <= limit).fill_null(False) | (dated_kind & (clause_year <= limit)).fill_null(False)
        )["cue_id"]
    )


def unvouched_sentences(sentences: pl.DataFrame, published: pl.DataFrame | None, rules: dict) -> pl.DataFrame:
    """[sid] of sentences that state no stance, whichever rule or model read one there: spoken by a voice
    that is not the state's, or opening with distant history."""
    return pl.concat([non_state_voices(sentences, rules), history_openings(sentences, published, rules)])


def history_openings(sentences: pl.DataFrame, published: pl.DataFrame | None, rules: dict) -> pl.DataFrame:
    """[sid] of sentences opening with a year at least past_event_years before the article ("In 2019 the
    International Court of Justice said ..."): background, no stance of the day, whichever rule or model read
    one there."""
    if published is None or published.is_empty():
        return sentences.select(KEY).clear()
    years = int(rules.get("past_event_years", 5))
    return (
        sentences.select(*KEY, "article_id", "text")
        .join(published.select("article_id", "published_on"), on="article_id", how="inner")
        .filter((_opening_year() <= pl.col("published_on").dt.year() - years).fill_null(False))
        .select(KEY)
    )


def _opening_year() -> pl.Expr:
    """The year a sentence opens with ("In 1976, ...", "In 2019 the court ...")."""
    return pl.col("text").str.extract(rf"^In {DATED}", 1).cast(pl.Int32, strict=False)
