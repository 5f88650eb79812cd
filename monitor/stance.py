"""Sentence-level stance statements: who (source state/organisation) judges whom (target), how
(polarity from the cue nearest the target), with negation, and fact-reported cooperation as
mutual statements."""

from __future__ import annotations

import polars as pl

from monitor.stance_acts import act_parties, possessive_acts
from monitor.stance_aside_subjects import aside_named, outside_asides
from monitor.stance_attribution import resolve_sources
from monitor.stance_clause_acts import clause_acts, spare_clause_agents
from monitor.stance_clause_speakers import clause_speakers
from monitor.stance_clauses import second_subject_limits
from monitor.stance_co_speakers import co_speakers
from monitor.stance_context_targets import context_statements
from monitor.stance_cue_hits import annotate_cues, located_mentions, passive_agents
from monitor.stance_definite_targets import definite_targets
from monitor.stance_denials import denied_clauses, denied_cues, denied_mentions
from monitor.stance_echo_subjects import echo_subjects
from monitor.stance_event_targets import event_agent_statements
from monitor.stance_frames import document_mentions, no_party_mentions, sentence_frames
from monitor.stance_group_targets import group_targets
from monitor.stance_keys import KEY
from monitor.stance_learned import load_model, with_model_opinion
from monitor.stance_matching import load_rules
from monitor.stance_mediation import mediated_mentions
from monitor.stance_pair_acts import pair_acts
from monitor.stance_pair_reference import as_mentions, pair_references, pair_speakers, without_pair_targets
from monitor.stance_passives import passive_judgements, without_reversals
from monitor.stance_predicates import (
    act_agents,
    contrast_starts,
    deal_terms,
    hypothetical_acts,
    unvouched_sentences,
)
from monitor.stance_reach import alleged, governed, reach_limits
from monitor.stance_relations import (
    joint_parties,
    listed_runs,
    mutual_statements,
    relation_objects,
    relation_parties,
    subject_parties,
    with_joint,
)
from monitor.stance_relative_objects import relative_judgements, relative_object_statements
from monitor.stance_requests import asked_only
from monitor.stance_similar import similar_statements
from monitor.stance_speaker_pairs import speaker_statements
from monitor.stance_valence import valence_statements

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


RANK_LAST = 1_000


def _ranked(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """The rules' statements with the rank of the rule that made each: of one pair in one sentence the
    earliest rule's statement is kept, then the strongest, then by cue, so the choice never rests on
    the row order joins or batch sizes happen to leave."""
    return pl.concat([frame.with_columns(rule_rank=pl.lit(rank)) for rank, frame in enumerate(frames)])


def rule_stage(
    sentences: pl.DataFrame,
    mentions: pl.DataFrame,
    cues: pl.DataFrame,
    published: pl.DataFrame | None,
    rules: dict,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """What the rules state, with what the learned model reads beside it: (sentences with their integer id
    `sid`, the sentences' actor mentions, the phrase hits, the rules' statements keyed by sid, and the
    speakers and subjects they resolved [sid, source_actor, rule], toward a target or not)."""
    sentences, smentions, hits = sentence_frames(sentences, mentions, cues, published, rules)
    pairs = pair_references(sentences, smentions, hits, rules)
    pair_mentions, pair_subjects = as_mentions(pairs, smentions.height)
    sources, subject_ids, joint_subjects, claims = resolve_sources(sentences, smentions, hits, rules)
    sources = pl.concat([sources, pair_speakers(pairs, sentences, sources, rules)])
    # An opening subject owns no cue of a later clause with its own subject (monitor.stance_clauses).
    limits = second_subject_limits(sentences, smentions, rules).rename({"country": "source_actor"})
    sources = sources.join(limits, on=[*KEY, "source_actor"], how="left").with_columns(
        until=pl.when(pl.col("rule").is_in(["sentence_subject", "list_subject"])).then(pl.col("until"))
    )
    sources, clause_mids = clause_speakers(sentences, smentions, hits, sources, rules)
    sources, echo_mids = echo_subjects(sentences, smentions, hits, sources, rules)
    cue_hits = annotate_cues(hits, smentions, rules, sentences)
    non_targets, brokers = no_party_mentions(sentences, smentions, hits, rules)
    denials = denied_clauses(hits, sentences, rules)
    excluded = pl.concat(
        [
            subject_ids.select(*KEY, "mid"),
            denied_mentions(smentions, denials),
            mediated_mentions(cue_hits, smentions, sentences, rules),
            non_targets,
            co_speakers(sentences, smentions, hits, rules),
            clause_mids,
            echo_mids,
            pair_subjects,
        ]
    )
    # actors an aside names about the subject are no targets, but parties of the facts in it
    acting = subject_ids.filter(~pl.col("described"))
    not_parties = pl.concat([acting.filter(~pl.col("co_subject")).select(*KEY, "mid"), non_targets])
    speakers = acting.select(*KEY, "mid")
    targets = pl.concat(
        [
            smentions.with_columns(pair_ref=pl.lit(False)),
            pair_mentions,
            definites := definite_targets(sentences, smentions, rules, smentions.height + pairs.height),
            group_targets(sentences, smentions, rules, smentions.height + pairs.height + definites.height),
        ],
        how="vertical_relaxed",
    )
    joint_subjects = pl.concat(
        [joint_subjects, pairs.select(*KEY, "country", a_start="r_start")], how="vertical_relaxed"
    )
    joint = joint_parties(cue_hits, joint_subjects, hits)
    # the object of a relation the joint subjects claim is a party too ("their ties with Taipei")
    objects = relation_objects(
        cue_hits, smentions.join(brokers, on=[*KEY, "mid"], how="anti"), sentences
    ).join(joint.select("cue_id"), on="cue_id", how="semi")
    joint = pl.concat([joint, objects.join(joint, on=["cue_id", "party"], how="anti")], how="diagonal")
    lone = subject_parties(cue_hits, claims.filter(~pl.col("several")).drop("several"), hits)
    claimed = pl.concat([joint["cue_id"], lone["cue_id"]]).implode()
    by_agents = passive_agents(sentences, smentions)
    listed = listed_runs(cue_hits, smentions, sentences)
    cue_hits = cue_hits.with_columns(claimed=pl.col("cue_id").is_in(claimed))
    parties = pl.concat(
        [
            with_joint(relation_parties(cue_hits, listed, non_targets, speakers, by_agents), joint),
            lone,
        ],
        how="diagonal",
    )
    parties = outside_asides(parties, subject_ids, smentions, cue_hits)
    facts = with_joint(relation_parties(cue_hits, listed, not_parties, speakers, by_agents), joint)
    facts = pl.concat(
        [facts, lone, act_parties(cue_hits, smentions, hits, sentences, not_parties, rules)], how="diagonal"
    )
    facts = outside_asides(facts, subject_ids, smentions, cue_hits)
    reach = reach_limits(cue_hits, smentions, hits, sentences, rules).join(
        contrast_starts(cue_hits, hits, smentions, rules), on="cue_id", how="full", coalesce=True
    )
    agents = act_agents(cue_hits, sentences, smentions, rules)
    targets = targets.join(governed(smentions, sentences, rules), on=[*KEY, "mid"], how="left").with_columns(
        governed=pl.col("governed").fill_null(False)
    )
    # cues that are no stance of the sentence's speaker: an act that has not happened
    # (monitor.stance_predicates), one that is denied (monitor.stance_denials), a judgement in a relative
    # clause with subjects of its own (monitor.stance_relative_objects: theirs)
    relatives = relative_object_statements(
        cue_hits,
        relative_judgements(cue_hits, smentions, sentences, rules),
        smentions,
        sentences,
        sources,
        rules,
    )
    unspoken = pl.concat(
        [
            hypothetical_acts(cue_hits, sentences, rules, published),
            denied_cues(cue_hits, denials),
            relatives["cue_id"],
        ]
    )
    unreported = pl.concat([alleged(cue_hits, hits.filter(pl.col("is_clause_break")), rules), unspoken])
    reported = cue_hits.filter(~pl.col("cue_id").is_in(unreported.implode()))
    spoken = cue_hits.filter(~pl.col("cue_id").is_in(unspoken.implode()))
    passives, passive_voices = passive_judgements(sentences, smentions, spoken, rules)
    statements = _ranked(
        [
            passives,
            relatives.drop("cue_id"),
            speaker_statements(
                sources,
                excluded,
                targets,
                spoken,
                parties,
                reach,
                agents,
                deal_terms(cue_hits, sentences, hits, smentions, rules),
                rules,
            ),
            mutual_statements(reported, facts, [str(c) for c in rules.get("directed_relation_classes", [])]),
            event_agent_statements(sentences, smentions, cue_hits, sources, rules),
            possessive_acts(sentences, smentions, reported, non_targets, rules),
            pair_acts(sentences, smentions, reported, rules),
            clause_acts(sentences, smentions, reported, non_targets, rules),
        ]
    )
    statements = without_reversals(spare_clause_agents(statements), passives)
    statements = without_pair_targets(statements, pairs)
    statements = asked_only(statements, cue_hits, smentions, rules)
    voiced = pl.concat([sources, passive_voices], how="diagonal_relaxed")
    # an actor an aside names about the subject is no party of its judgement, nor is a document's owner
    named = (
        smentions.join(aside_named(subject_ids, smentions), on=[*KEY, "mid"], how="anti")
        .join(document_mentions(sentences, smentions, hits, rules), on=[*KEY, "mid"], how="anti")
        .join(located_mentions(smentions, hits).with_columns(located=True), on=[*KEY, "mid"], how="left")
        .with_columns(pl.col("located").fill_null(False))
    )
    rebuttals = context_statements(sentences, named, cue_hits, voiced, statements, rules)
    known = pl.concat([statements.drop("rule_rank"), rebuttals])
    similar = similar_statements(sentences, smentions, known, rules)
    statements = pl.concat(
        [statements, pl.concat([rebuttals, similar]).with_columns(rule_rank=pl.lit(RANK_LAST))]
    )
    unsaid = cue_hits.filter(pl.col("cue_id").is_in(unspoken.implode())).select(*KEY, "m_start", "m_end")
    valence = valence_statements(sentences, smentions, sources, excluded, statements, rules, unsaid)
    pair = [*KEY, "source_actor", "target_actor", "mutual"]
    statements = (
        pl.concat([statements, valence.with_columns(rule_rank=pl.lit(RANK_LAST + 1))])
        .sort(
            *pair,
            "rule_rank",
            pl.col("polarity").abs(),
            "cue",
            descending=[*(False for _ in pair), False, True, False],
        )
        .unique(pair, keep="first", maintain_order=True)
        .drop("rule_rank")
    )
    return sentences, smentions, hits, statements, sources.select(*KEY, "source_actor", "rule").unique()


def extract_statements(
    sentences: pl.DataFrame,
    mentions: pl.DataFrame,
    cues: pl.DataFrame,
    published: pl.DataFrame | None = None,
    rules: dict | None = None,
    model: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """sentences + entity_mentions (CONTRACTS.md) + the cue table -> stance_statements, one row per
    (sentence, source, target, mutual): the rules' statements, then the learned model's
    (monitor.stance_learned) for the pairs the rules left silent, less the mutual facts it finds unlikely.
    Also carries published_on from `published` [article_id, published_on] so the daily table and SQL users
    can group by day without another join; an optional home_country column there (the country of the copy's
    author, assets.stance) lets a bare "Foreign Office" speak for it (monitor.stance_definite)."""
    rules = rules if rules is not None else load_rules()
    sentences, smentions, hits, statements, sources = rule_stage(sentences, mentions, cues, published, rules)
    threshold = rules.get("learned_pair_threshold")
    if threshold is not None:
        model = model if model is not None else load_model()
        floor = rules.get("learned_mutual_floor")
        statements = with_model_opinion(
            sentences,
            smentions,
            hits,
            statements,
            sources,
            model,
            float(threshold),
            None if floor is None else float(floor),
        )
    statements = statements.join(unvouched_sentences(sentences, published, rules), on=KEY, how="anti")
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
