"""Sentence-level stance statements: who (source state/organisation) judges whom (target), how
(polarity from the cue nearest the target), with negation, and fact-reported cooperation as
mutual statements."""

from __future__ import annotations

import polars as pl

from monitor.stance_attribution import KEY, resolve_sources, sentence_mentions
from monitor.stance_matching import load_rules, match_phrases, phrase_table

STATEMENT_SCHEMA = {
    "statement_id": pl.String,
    "article_id": pl.String,
    "sentence_no": pl.Int64,
    "evidence_start": pl.Int64,
    "evidence_end": pl.Int64,
    "source_actor": pl.String,
    "source_speaker": pl.String,
    "target_actor": pl.String,
    "polarity": pl.Float64,
    "cue": pl.String,
    "cue_class": pl.String,
    "negated": pl.Boolean,
    "mutual": pl.Boolean,
    "rule": pl.String,
    "published_on": pl.Date,
}


def _cue_hits(hits: pl.DataFrame, smentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """Cue hits with negation and, for relation cues, the window their parties are looked for in:
    bounded by the neighbouring stance cues so 'alarm at cooperation between A and B' keeps the
    alarm's subject out."""
    neg_window = int(rules.get("negation_window", 24))
    cues = hits.filter(pl.col("is_cue")).sort(*KEY, "m_start").with_row_index("cue_id")
    negators = hits.filter(pl.col("is_negator")).select(*KEY, n_start="m_start", n_end="m_end")
    near = (
        cues.select(*KEY, "cue_id", "m_start")
        .join(negators, on=KEY, how="inner")
        .filter((pl.col("n_end") <= pl.col("m_start")) & (pl.col("m_start") - pl.col("n_end") <= neg_window))
    )
    blocked = (
        near.join(smentions.select(*KEY, "r_start", "r_end"), on=KEY, how="inner")
        .filter((pl.col("r_start") >= pl.col("n_end")) & (pl.col("r_end") <= pl.col("m_start")))
        .select("cue_id", "n_end")
        .unique()
    )
    negated = (
        near.join(blocked, on=["cue_id", "n_end"], how="anti")
        .select("cue_id")
        .unique()
        .with_columns(negated=pl.lit(True))
    )
    self_window = int(rules.get("self_reference_window", 16))
    selfref = (
        cues.select(*KEY, "cue_id", "m_start")
        .join(hits.filter(pl.col("is_self_ref")).select(*KEY, s_end="m_end"), on=KEY, how="inner")
        .filter((pl.col("s_end") <= pl.col("m_start")) & (pl.col("m_start") - pl.col("s_end") <= self_window))
        .select("cue_id")
        .unique()
        .with_columns(self_ref=pl.lit(True))
    )
    absorb = int(rules.get("absorb_after_transfer_window", 24))
    absorbed = (
        (pl.col("scope") == "stance")
        & (pl.col("cue_class").shift(1).over(KEY) == "transfer")
        & (pl.col("m_start") - pl.col("m_end").shift(1).over(KEY) <= absorb)
    )
    third = rules.get("third_party_polarity") or {}
    stance = pl.col("scope") == "stance"
    return (
        cues.join(negated, on="cue_id", how="left")
        .join(selfref, on="cue_id", how="left")
        .with_columns(
            scope=pl.when(absorbed).then(pl.lit("relation")).otherwise(pl.col("scope")),
            third_party_polarity=pl.col("cue_class").replace_strict(
                list(third), [float(v) for v in third.values()], default=None, return_dtype=pl.Float64
            ),
        )
        .with_columns(
            negated=pl.col("negated").fill_null(False),
            self_ref=pl.col("self_ref").fill_null(False),
            prev_stance_end=pl.when(stance).then(pl.col("m_end")).shift(1).forward_fill().over(KEY),
            next_stance_start=pl.when(stance).then(pl.col("m_start")).shift(-1).backward_fill().over(KEY),
        )
        .with_columns(
            w_lo=pl.max_horizontal(
                pl.col("m_start") - int(rules.get("relation_window_before", 40)), pl.col("prev_stance_end")
            ),
            w_hi=pl.min_horizontal(
                pl.col("m_end") + int(rules.get("relation_window_after", 80)), pl.col("next_stance_start")
            ),
        )
    )


def _relation_parties(
    cues: pl.DataFrame, smentions: pl.DataFrame, excluded: pl.DataFrame, late_subjects: pl.DataFrame
) -> pl.DataFrame:
    """States/organisations mentioned inside each relation cue's window, less `excluded` mentions
    and the speaking subject when it comes after the cue ('... cooperation with Russia, Miller said')."""
    candidates = smentions.join(excluded, on=[*KEY, "mid"], how="anti").join(
        late_subjects.select(*KEY, "mid", late=pl.lit(True)), on=[*KEY, "mid"], how="left"
    )
    return (
        cues.filter(pl.col("scope") == "relation")
        .select(*KEY, "cue_id", "m_start", "w_lo", "w_hi")
        .join(candidates.select(*KEY, "country", "r_start", "r_end", "late"), on=KEY, how="inner")
        .filter((pl.col("r_start") >= pl.col("w_lo")) & (pl.col("r_end") <= pl.col("w_hi")))
        .filter(pl.col("late").is_null() | (pl.col("r_end") <= pl.col("m_start")))
        .select(*KEY, "cue_id", party="country")
        .unique()
    )


def _joint_parties(cues: pl.DataFrame, joint: pl.DataFrame) -> pl.DataFrame:
    """States named together as the subject ("The Philippines and Japan on Monday signed a pact",
    "both leaders pledged") are the parties of the relation cues from their verb on, however far
    they stand, up to a stance cue; those cues take no other parties from their window (what
    follows is a topic or a place)."""
    return (
        cues.filter(pl.col("scope") == "relation")
        .select(*KEY, "cue_id", "m_start", "prev_stance_end")
        .join(joint, on=KEY, how="inner")
        .filter(
            (pl.col("m_start") >= pl.col("a_start"))
            & (pl.col("prev_stance_end").is_null() | (pl.col("prev_stance_end") <= pl.col("a_start")))
        )
        .select(*KEY, "cue_id", party="country")
        .unique()
    )


def _with_joint(parties: pl.DataFrame, joint: pl.DataFrame) -> pl.DataFrame:
    return pl.concat([parties.join(joint.select("cue_id").unique(), on="cue_id", how="anti"), joint])


def _non_targets(smentions: pl.DataFrame, hits: pl.DataFrame) -> pl.DataFrame:
    """Mentions naming a document or a place rather than an actor ("UNSC resolutions", "in Seoul")."""
    words = hits.filter(pl.col("is_document") | pl.col("is_place_prep")).select(
        *KEY, "m_start", "m_end", "is_document", "is_place_prep"
    )
    return (
        smentions.select(*KEY, "mid", "r_start", "r_end")
        .join(words, on=KEY, how="inner")
        .filter(
            (pl.col("is_document") & (pl.col("m_start") - pl.col("r_end")).is_between(0, 2))
            | (pl.col("is_place_prep") & (pl.col("r_start") - pl.col("m_end")).is_between(0, 2))
        )
        .select(*KEY, "mid")
        .unique()
    )


def _speaker_statements(sources, excluded, smentions, cues, parties, rules) -> pl.DataFrame:
    """Source -> each other actor in the sentence, polarity from the nearest cue the source owns
    (a third party's transfer counts only when the sentence has no stance cue for the target; a
    relation claimed by a joint subject reaches only its parties)."""
    targets = (
        sources.join(smentions, on=KEY, how="inner")
        .join(excluded, on=[*KEY, "mid"], how="anti")
        .filter(pl.col("country") != pl.col("source_actor"))
    )
    is_party = (
        parties.join(sources.select(*KEY, "source_actor").unique(), on=KEY, how="inner")
        .filter(pl.col("party") == pl.col("source_actor"))
        .select("cue_id", "source_actor", own=pl.lit(True))
        .unique()
    )
    target_party = parties.select("cue_id", country="party", target_party=pl.lit(True)).unique()
    factor = float(rules.get("negation_factor", -0.5))
    pairs = (
        targets.join(cues, on=KEY, how="inner")
        .join(is_party, on=["cue_id", "source_actor"], how="left")
        .join(target_party, on=["cue_id", "country"], how="left")
        .filter(~pl.col("claimed") | pl.col("target_party").fill_null(False))
        .with_columns(
            party=pl.col("self_ref") | pl.col("own").fill_null(False),
            fallback=(pl.col("scope") == "relation") & ~pl.col("self_ref") & pl.col("own").is_null(),
        )
        .with_columns(
            polarity=pl.when(pl.col("fallback"))
            .then(pl.col("third_party_polarity"))
            .otherwise(pl.col("polarity"))
        )
        .filter((pl.col("scope") == "stance") | pl.col("party") | pl.col("polarity").is_not_null())
        .filter(~(pl.col("is_forward_only") & (pl.col("r_start") < pl.col("m_start"))))
        .with_columns(
            distance=pl.max_horizontal(
                pl.col("m_start") - pl.col("r_end"), pl.col("r_start") - pl.col("m_end"), pl.lit(0)
            ),
            strength=pl.col("polarity").abs(),
        )
        .sort(
            *KEY,
            "source_actor",
            "country",
            "fallback",
            "distance",
            "strength",
            "m_start",
            descending=[*(False for _ in KEY), False, False, False, False, True, False],
        )
        .unique([*KEY, "source_actor", "country"], keep="first", maintain_order=True)
    )
    return pairs.select(
        *KEY,
        "source_actor",
        "source_speaker",
        target_actor="country",
        polarity=pl.when(pl.col("negated")).then(pl.col("polarity") * factor).otherwise(pl.col("polarity")),
        cue="cue",
        cue_class="cue_class",
        negated="negated",
        mutual=pl.lit(False),
        rule="rule",
    )


def _mutual_statements(cues: pl.DataFrame, parties: pl.DataFrame) -> pl.DataFrame:
    """Cooperation reported as fact between two actors: both directions, mutual=true."""
    facts = cues.filter((pl.col("scope") == "relation") & ~pl.col("negated")).join(
        parties.drop(KEY), on="cue_id"
    )
    return (
        facts.join(facts.select("cue_id", other="party"), on="cue_id")
        .filter(pl.col("party") != pl.col("other"))
        .sort(
            *KEY,
            "party",
            "other",
            "polarity",
            "m_start",
            descending=[*(False for _ in KEY), False, False, True, False],
        )
        .unique([*KEY, "party", "other"], keep="first", maintain_order=True)
        .select(
            *KEY,
            source_actor="party",
            source_speaker=pl.lit(None, pl.String),
            target_actor="other",
            polarity="polarity",
            cue="cue",
            cue_class="cue_class",
            negated="negated",
            mutual=pl.lit(True),
            rule=pl.lit("mutual_fact"),
        )
    )


def extract_statements(
    sentences: pl.DataFrame,
    mentions: pl.DataFrame,
    cues: pl.DataFrame,
    published: pl.DataFrame | None = None,
    rules: dict | None = None,
) -> pl.DataFrame:
    """sentences + entity_mentions (CONTRACTS.md) + the cue table -> stance_statements, one row per
    (sentence, source, target, mutual). Also carries published_on from `published` [article_id,
    published_on] so the daily table and SQL users can group by day without another join."""
    rules = rules if rules is not None else load_rules()
    offsets = [pl.col(c).cast(pl.Int64) for c in ("sentence_no", "start", "end")]
    sentences = (
        sentences.with_columns(offsets)
        .sort("article_id", "sentence_no")
        .with_columns(sid=pl.int_range(pl.len()))
    )
    mentions = mentions.with_columns(offsets)
    hits = match_phrases(sentences, phrase_table(cues, rules))
    smentions = sentence_mentions(sentences, mentions)
    sources, subject_ids, joint_subjects = resolve_sources(sentences, smentions, hits, rules)
    cue_hits = _cue_hits(hits, smentions, rules)
    non_targets = _non_targets(smentions, hits)
    excluded = pl.concat([subject_ids.select(*KEY, "mid"), non_targets])
    not_parties = pl.concat([subject_ids.filter(~pl.col("co_subject")).select(*KEY, "mid"), non_targets])
    speakers = subject_ids.select(*KEY, "mid")
    joint = _joint_parties(cue_hits, joint_subjects)
    cue_hits = cue_hits.with_columns(claimed=pl.col("cue_id").is_in(joint["cue_id"].implode()))
    parties = _with_joint(_relation_parties(cue_hits, smentions, non_targets, speakers), joint)
    facts = _with_joint(_relation_parties(cue_hits, smentions, not_parties, speakers), joint)
    statements = pl.concat(
        [
            _speaker_statements(sources, excluded, smentions, cue_hits, parties, rules),
            _mutual_statements(cue_hits, facts),
        ]
    )
    if published is None:
        published = pl.DataFrame(schema={"article_id": pl.String, "published_on": pl.Date})
    return (
        statements.join(
            sentences.select(*KEY, "article_id", "sentence_no", evidence_start="start", evidence_end="end"),
            on=KEY,
            how="left",
        )
        .join(published.select("article_id", "published_on"), on="article_id", how="left")
        .with_columns(
            statement_id=pl.concat_str(
                "article_id",
                "sentence_no",
                "source_actor",
                "target_actor",
                pl.when(pl.col("mutual")).then(pl.lit("m")).otherwise(pl.lit("s")),
                separator=":",
            ),
            polarity=pl.col("polarity").clip(-1.0, 1.0),
        )
        .select(list(STATEMENT_SCHEMA))
        .cast(STATEMENT_SCHEMA)
        .sort("article_id", "sentence_no", "mutual", "source_actor", "target_actor")
    )
