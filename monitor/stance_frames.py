"""The frames every stance rule reads: sentences keyed by an integer id, their actor mentions and phrase
hits, and the mentions that name no party (places, documents, brokers)."""

from __future__ import annotations

import polars as pl

from monitor.stance_attribution import sentence_mentions
from monitor.stance_cue_hits import compound_demonyms, find_non_targets, outside_mentions
from monitor.stance_matching import match_phrases, phrase_table
from monitor.stance_mediation import broker_mentions
from monitor.stance_norm_owners import norm_owners


def sentence_frames(
    sentences: pl.DataFrame,
    mentions: pl.DataFrame,
    cues: pl.DataFrame,
    published: pl.DataFrame | None,
    rules: dict,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """(sentences with `sid` and, when `published` has it, the home_country of their copy's author; their
    mentions with offsets within the sentence; the phrase hits outside actor names)."""
    offsets = [pl.col(c).cast(pl.Int64) for c in ("sentence_no", "start", "end")]
    sentences = (
        sentences.with_columns(offsets)
        .sort("article_id", "sentence_no")
        .with_columns(sid=pl.int_range(pl.len()))
    )
    if published is not None and "home_country" in published.columns:
        homes = published.select("article_id", "home_country")
        sentences = sentences.join(homes, on="article_id", how="left", maintain_order="left")
    hits = match_phrases(sentences, phrase_table(cues, rules), int(rules.get("cue_gap_words", 3)))
    smentions = sentence_mentions(sentences, mentions.with_columns(offsets))
    return sentences, smentions, outside_mentions(hits, smentions)


def no_party_mentions(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, rules: dict
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """[sid, mid] of the mentions that are no target of any cue, and of the brokers among them: "in Seoul",
    "Chinese-made", "Japan's territorial waters", "the US-brokered agreement"."""
    brokers = broker_mentions(sentences, smentions, rules)
    every = pl.concat(
        [
            find_non_targets(smentions, hits),
            compound_demonyms(sentences, smentions),
            norm_owners(sentences, smentions, rules),
            brokers,
        ]
    )
    return every, brokers


def document_mentions(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[sid, mid] of the mentions that name a document or own a norm ("the U.N. Charter", "the rules of the
    WTO"): no party even of a judgement whose target another sentence supplies ("condemned the strikes as an
    'irresponsible' violation of international law and the U.N. Charter")."""
    return pl.concat(
        [find_non_targets(smentions, hits, places=False), norm_owners(sentences, smentions, rules)]
    )
