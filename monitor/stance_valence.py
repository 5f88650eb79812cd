"""Stance from the valence of a judgement no cue lists ("Egypt said Israel's operation was undermining the
mediators' efforts", "Australia is proud to be Nauru's security partner"): when a sentence has one resolved
source and names at most two actors, and no statement already joins the source and the other actor, the
summed valence of the words near the target (the VADER lexicon, with news-domain overrides from
seeds/stance_rules.yaml) gives a statement of its own rule, weaker than any cue's."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_rows import negation_factor, statement_rows

RULE = "valence"
# runs of letters and of anything else partition the text: offsets come from cumulative lengths
RUNS = r"[A-Za-z]+|[^A-Za-z]+"


@cache
def _vader_lexicon() -> pl.DataFrame:
    """word -> mean human rating (-4..4) of the lexicon packaged with vaderSentiment."""
    text = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    return (
        pl.DataFrame({"line": text.splitlines()})
        .select(pl.col("line").str.split("\t").list.slice(0, 2).list.to_struct(fields=["word", "valence"]))
        .unnest("line")
        .filter(pl.col("word").str.contains(r"^[a-z]{2,}$"))
        .select("word", valence=pl.col("valence").cast(pl.Float64))
        .unique("word")
    )


def lexicon(rules: dict) -> pl.DataFrame:
    """The VADER lexicon with the domain overrides of the rules (a value replaces the word's, 0 drops it)."""
    overrides = pl.DataFrame(
        {
            "word": [str(w).lower() for w in rules.get("valence_overrides", {})],
            "valence": [float(v) for v in rules.get("valence_overrides", {}).values()],
        },
        schema={"word": pl.String, "valence": pl.Float64},
    )
    return pl.concat([overrides, _vader_lexicon().join(overrides, on="word", how="anti")]).filter(
        pl.col("valence") != 0
    )


def _tokens(sentences: pl.DataFrame) -> pl.DataFrame:
    """Lower-cased words of the sentences with their offsets [sid, t_no, t_start, t_end, word]."""
    runs = (
        sentences.select(*KEY, run=pl.col("text").str.extract_all(RUNS))
        .explode("run")
        .drop_nulls("run")
        .with_columns(t_end=pl.col("run").str.len_chars().cum_sum().over(KEY))
        .with_columns(t_start=pl.col("t_end") - pl.col("run").str.len_chars())
        .filter(pl.col("run").str.contains(r"^[A-Za-z]"))
    )
    return runs.select(
        *KEY,
        pl.int_range(pl.len()).over(KEY).alias("t_no"),
        "t_start",
        "t_end",
        word=pl.col("run").str.to_lowercase(),
    )


def valence_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    sources: pl.DataFrame,
    excluded: pl.DataFrame,
    statements: pl.DataFrame,
    rules: dict,
    unsaid: pl.DataFrame,
) -> pl.DataFrame:
    """Statements [STATEMENT_COLUMNS] of rule `valence` for the source -> another actor of a sentence that no
    other rule joined, signed by the valence of the words near the target, outside the actors' names and the
    `unsaid` cue spans [sid, m_start, m_end] the rules found to state nothing ("cut ties with Iran in January
    2016" is history, its "cut" no judgement)."""
    allowed = [str(r) for r in rules.get("valence_source_rules", [])]
    actors = smentions.group_by(KEY).agg(n_actors=pl.col("country").n_unique())
    # with two speakers in a sentence ("Both leaders rejected ..."), whose judgement the words carry is unsure
    speakers = sources.filter(pl.col("rule").is_in(allowed)).filter(
        pl.col("source_actor").n_unique().over(KEY) == 1
    )
    pairs = (
        speakers.join(actors.filter(pl.col("n_actors") <= int(rules.get("valence_max_actors", 2))), on=KEY)
        .join(smentions.join(excluded, on=[*KEY, "mid"], how="anti"), on=KEY)
        .filter(pl.col("country") != pl.col("source_actor"))
        .select(*KEY, "source_actor", "source_speaker", target_actor="country")
        .sort(*KEY, "source_actor", "target_actor", "source_speaker", nulls_last=True)
        .unique([*KEY, "source_actor", "target_actor"], keep="first", maintain_order=True)
    )
    joined = pl.concat(
        [
            statements.select(*KEY, a="source_actor", b="target_actor"),
            statements.select(*KEY, a="target_actor", b="source_actor"),
        ]
    )
    pairs = pairs.join(
        joined, left_on=[*KEY, "source_actor", "target_actor"], right_on=[*KEY, "a", "b"], how="anti"
    )
    candidates = sentences.join(pairs.select(KEY).unique(), on=KEY, how="semi")
    tokens = _tokens(candidates)
    spans = tokens.join(smentions.select(*KEY, "country", "r_start", "r_end"), on=KEY).filter(
        (pl.col("t_start") >= pl.col("r_start")) & (pl.col("t_end") <= pl.col("r_end"))
    )
    negators = [str(w) for w in rules.get("valence_negators", [])]
    window = int(rules.get("valence_negation_words", 3))

    def negator_before(first: int, last: int) -> pl.Expr:
        shifted = [pl.col("word").shift(k).over(KEY).is_in(negators) for k in range(first, last + 1)]
        return pl.any_horizontal(shifted).fill_null(False) if shifted else pl.lit(False)

    # a negator just out of reach may or may not govern the word ("will never do anything that undermines")
    doubt = negator_before(window + 1, int(rules.get("valence_doubt_words", 5)))
    inside_unsaid = tokens.join(unsaid, on=KEY).filter(
        (pl.col("t_start") >= pl.col("m_start")) & (pl.col("t_end") <= pl.col("m_end"))
    )
    rated = (
        tokens.with_columns(negated=negator_before(1, window), doubt=doubt)
        .filter((pl.col("negated") | ~pl.col("doubt")) & ~pl.col("word").is_in(negators))
        .join(spans, on=[*KEY, "t_no"], how="anti")
        .join(inside_unsaid, on=[*KEY, "t_no"], how="anti")
        .join(lexicon(rules), on="word")
        .with_columns(
            valence=pl.when(pl.col("negated"))
            .then(pl.col("valence") * negation_factor(rules))
            .otherwise(pl.col("valence"))
        )
    )
    # only words near a name of the target judge it
    reach = int(rules.get("valence_window_words", 10))
    near = (
        rated.join(spans.select(*KEY, target_actor="country", m_no="t_no"), on=KEY)
        .filter((pl.col("t_no") - pl.col("m_no")).abs() <= reach)
        .unique([*KEY, "target_actor", "t_no"])
    )
    # what a source asks of the target ("expects China to operate in a safe manner") rates the act it wants
    demands = [str(w) for w in rules.get("valence_demand_words", [])]
    asked = (
        tokens.filter(pl.col("word").is_in(demands))
        .join(spans.select(*KEY, target_actor="country", m_no="t_no"), on=KEY)
        .filter(
            pl.col("t_no").is_between(
                pl.col("m_no") - int(rules.get("valence_demand_reach", 3)), pl.col("m_no") - 1
            )
        )
        .select(*KEY, "target_actor")
        .unique()
    )
    scored = (
        near.join(asked, on=[*KEY, "target_actor"], how="anti")
        .group_by(*KEY, "target_actor")
        .agg(
            total=pl.col("valence").sum(),
            cue=pl.col("word").sort_by(pl.col("valence").abs(), "word", descending=[True, False]).first(),
        )
    )
    alpha = float(rules.get("valence_alpha", 15))
    weight = float(rules.get("valence_weight", 0.4))
    threshold = float(rules.get("valence_threshold", 0.3))
    compound = pl.col("total") / (pl.col("total") ** 2 + alpha).sqrt()
    found = (
        pairs.join(scored, on=[*KEY, "target_actor"])
        .with_columns(compound=compound)
        .filter(pl.col("compound").abs() >= threshold)
        .with_columns(polarity=pl.col("compound") * weight, cue_class=pl.lit(RULE), negated=pl.lit(False))
    )
    # negation is already in each word's valence: statement_rows must not turn the sum again
    return statement_rows(found, rule=RULE, mutual=False, factor=negation_factor(rules))
