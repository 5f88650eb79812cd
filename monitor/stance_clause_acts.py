"""Acts whose agent opens a clause inside the sentence: a relative clause said of it ("The US, which has
imposed a 100 per cent tariff on Chinese EVs, welcomed ...") or a subordinate clause ("..., after Venezuela
expelled Argentina's diplomats"). The act is a fact of that agent toward the actors after it in the clause,
whoever the sentence's speaker is; the speaker's own stance is left to the other rules."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_rows import negation_factor, statement_rows
from monitor.stance_subjects import CLAUSE_LEAD


def clause_acts(
    sentences: pl.DataFrame, smentions: pl.DataFrame, cues: pl.DataFrame, excluded: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Statements [STATEMENT_COLUMNS] of cues of the rules' clause_act_classes whose agent is the actor
    right before them: after ", which"/", who" (relative_openings) or a subordinate opening (after, when,
    ...), with at most clause_act_gap_words lower-case words between ("which has imposed", "expelled").
    Targets: the actors after the cue up to the clause's end (the next comma or semicolon), at most
    relation_window_after characters on; `excluded` [sid, mid] (places, documents) are none."""
    classes = [str(c) for c in rules.get("clause_act_classes", [])]
    words = int(rules.get("clause_act_gap_words", 3))
    reach = int(rules.get("relation_window_after", 60))
    relative = rf"^,\s+({rule_alternatives(rules, 'relative_openings')})\s+"
    verbs = rf"([a-z][a-z'’-]*\s+){{0,{words}}}$"
    # "Canada, which had imposed restrictions ..., said it would lift some of them": a past state of affairs
    background = rf"\b({rule_alternatives(rules, 'clause_act_backgrounds')})\b"
    text = sentences.select(*KEY, "text")
    between = pl.col("text").str.slice(pl.col("r_end"), pl.col("m_start") - pl.col("r_end"))
    lead = pl.col("text").str.slice(0, pl.col("r_start"))
    acts = cues.filter(pl.col("cue_class").is_in(classes) & (pl.col("scope") == "stance")).select(
        *KEY, "cue_id", "m_start", "m_end", "cue", "cue_class", "polarity", "negated"
    )
    agents = (
        acts.join(smentions.select(*KEY, "country", "r_start", "r_end"), on=KEY)
        .filter(pl.col("r_end") <= pl.col("m_start"))
        .join(text, on=KEY)
        .filter(
            between.str.contains(relative + verbs)
            | (lead.str.contains(CLAUSE_LEAD) & between.str.contains(rf"^\s+{verbs}"))
        )
        .filter(~between.str.contains(background))
        .select("cue_id", source_actor="country")
        .unique()
    )
    clause_end = pl.col("text").str.slice(pl.col("m_end")).str.find(r"[,;]")
    targets = (
        acts.join(text, on=KEY)
        .with_columns(
            c_end=(pl.col("m_end") + clause_end.cast(pl.Int64)).fill_null(pl.col("text").str.len_chars())
        )
        .join(
            smentions.join(excluded, on=[*KEY, "mid"], how="anti").select(
                *KEY, "country", "r_start", "r_end"
            ),
            on=KEY,
        )
        .filter(
            (pl.col("r_start") >= pl.col("m_start"))
            & (pl.col("r_end") <= pl.col("c_end"))
            & (pl.col("r_end") <= pl.col("m_end") + reach)
        )
        .select("cue_id", target_actor="country")
        .unique()
    )
    return (
        agents.join(targets, on="cue_id")
        .filter(pl.col("source_actor") != pl.col("target_actor"))
        .join(acts, on="cue_id")
        .unique([*KEY, "source_actor", "target_actor"], keep="first")
        .pipe(statement_rows, rule="clause_act", mutual=True, factor=negation_factor(rules), speaker=None)
    )


def spare_clause_agents(statements: pl.DataFrame) -> pl.DataFrame:
    """Statements less a speaker's judgement of an act's agent by the act's own cue ("Canada imposed a surtax
    ..., aligning its policy with the United States, which quadrupled its tariff on Chinese EVs" is no
    Canadian stance on the United States): the clause acts (rule clause_act) name who did it."""
    agents = statements.filter(pl.col("rule") == "clause_act").select(
        *KEY, "cue", target_actor="source_actor"
    )
    spoken = statements.filter(~pl.col("mutual")).join(
        agents.unique(), on=[*KEY, "cue", "target_actor"], how="semi"
    )
    return statements.join(spoken, on=statements.columns, how="anti", nulls_equal=True)
