"""The one row shape every stance rule emits (the columns of stance_statements before dates and evidence),
so rules stay interchangeable for matching, de-duplication and the daily table, and a negated cue turns the
same way whichever rule found it."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY

STATEMENT_COLUMNS = [
    *KEY,
    "source_actor",
    "source_speaker",
    "target_actor",
    "polarity",
    "cue",
    "cue_class",
    "negated",
    "mutual",
    "rule",
]


def negation_factor(rules: dict) -> float:
    """What a negated cue's polarity is multiplied by: "did not condemn" is a weak, opposite stance."""
    return float(rules.get("negation_factor", -0.5))


def statement_rows(
    frame: pl.DataFrame,
    *,
    source: str = "source_actor",
    target: str = "target_actor",
    rule: str | pl.Expr,
    mutual: bool,
    factor: float,
    speaker: str | None = "source_speaker",
) -> pl.DataFrame:
    """Statement rows [STATEMENT_COLUMNS] of `frame` (cue, cue_class, polarity, negated and the named source
    and target columns); `speaker` None for a rule whose source is a state, not a person; `rule` a literal
    name or an expression (a column of rule names)."""
    return frame.select(
        *KEY,
        source_actor=source,
        source_speaker=pl.col(speaker) if speaker else pl.lit(None, pl.String),
        target_actor=target,
        polarity=pl.when(pl.col("negated")).then(pl.col("polarity") * factor).otherwise(pl.col("polarity")),
        cue="cue",
        cue_class="cue_class",
        negated="negated",
        mutual=pl.lit(mutual),
        rule=pl.lit(rule) if isinstance(rule, str) else rule,
    )
