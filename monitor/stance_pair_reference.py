""" "The two countries", "both sides": the pair an article is talking about, so that "Xi said the two
countries should be partners" reaches the other country of the talks. The pair is the last "A and B"
named before the phrase in its sentence ("Ireland and Norway ..., after the two countries"), else
the two actors named most (then last) in the few sentences before."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_runs import shift_in


def pair_references(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Two rows per pair phrase [sid, country, r_start, r_end, named]: the phrase's span and each
    actor of the pair; `named` when the sentence also names that actor itself."""
    lookback = int(rules.get("pair_reference_sentences", 2))
    where = sentences.select(*KEY, "article_id", "sentence_no")
    refs = (
        hits.filter(pl.col("is_pair_ref"))
        .select(*KEY, r_start="m_start", r_end="m_end")
        .join(where, on=KEY, how="inner")
    )
    # only articles with a pair phrase: the mentions of the others never meet one
    with_refs = where.join(refs.select("article_id").unique(), on="article_id", how="semi")
    earlier = smentions.join(with_refs, on=KEY, how="inner").select(
        "article_id", c_sid="sid", c_no="sentence_no", c_start="r_start", c_end="r_end", country="country"
    )
    in_window = (
        (pl.col("c_no") < pl.col("sentence_no")) & (pl.col("sentence_no") - pl.col("c_no") <= lookback)
    ) | ((pl.col("c_sid") == pl.col("sid")) & (pl.col("c_end") <= pl.col("r_start")))
    ranked = (
        refs.join(earlier, on="article_id", how="inner")
        .filter(in_window)
        .group_by(*KEY, "r_start", "r_end", "country")
        .agg(times=pl.len(), last_no=pl.col("c_no").max(), last_start=pl.col("c_start").max())
        .sort(*KEY, "r_start", "times", "last_no", "last_start", descending=[False, False, True, True, True])
        .filter(pl.int_range(pl.len()).over(*KEY, "r_start") < 2)
        .select(*KEY, "country", "r_start", "r_end")
    )
    listed = _listed_pairs(sentences, smentions, refs)
    chosen = pl.concat(
        [listed, ranked.join(listed.select(*KEY, "r_start").unique(), on=[*KEY, "r_start"], how="anti")]
    )
    named = smentions.select(*KEY, "country").unique().with_columns(named=pl.lit(True))
    return (
        chosen.select(*KEY, "country", "r_start", "r_end")
        .join(named, on=[*KEY, "country"], how="left")
        .select(*KEY, "country", "r_start", "r_end", named=pl.col("named").fill_null(False))
    )


def _listed_pairs(sentences: pl.DataFrame, smentions: pl.DataFrame, refs: pl.DataFrame) -> pl.DataFrame:
    """For each pair phrase, the two actors of the last "A and B" of its sentence before it."""
    text = sentences.select(*KEY, "text")
    joined = (
        smentions.join(refs.select(KEY).unique(), on=KEY, how="semi")
        .sort(*KEY, "r_start")
        .with_columns(
            b_country=shift_in(pl.col("country"), KEY, -1),
            b_start=shift_in(pl.col("r_start"), KEY, -1),
            b_end=shift_in(pl.col("r_end"), KEY, -1),
        )
        .filter(pl.col("b_country").is_not_null() & (pl.col("b_country") != pl.col("country")))
        .join(text, on=KEY, how="inner")
        .filter(
            pl.col("text")
            .str.slice(pl.col("r_end"), (pl.col("b_start") - pl.col("r_end")).clip(0))
            .str.contains(r"^\s+(and|&)\s+(the\s+)?$")
        )
        .select(*KEY, a="country", b="b_country", b_end="b_end")
    )
    last = (
        refs.select(*KEY, "r_start", "r_end")
        .join(joined, on=KEY, how="inner")
        .filter(pl.col("b_end") <= pl.col("r_start"))
        .sort(*KEY, "r_start", "b_end")
        .unique([*KEY, "r_start"], keep="last", maintain_order=True)
    )
    return pl.concat([last.select(*KEY, "r_start", "r_end", country=side) for side in ("a", "b")]).select(
        *KEY, "country", "r_start", "r_end"
    )


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


def as_mentions(pairs: pl.DataFrame, first_mid: int) -> pl.DataFrame:
    """The pair actors a sentence does not name itself, as target mentions flagged `pair_ref`."""
    return target_mentions(pairs.filter(~pl.col("named")), first_mid, "country", "state", pair_ref=True)
