"""Sentence-level stance statements: who (source state/organisation) judges whom (target), how
(polarity from the cue nearest the target), with negation, and fact-reported cooperation as
mutual statements."""

from __future__ import annotations

import polars as pl

from monitor.stance_acts import act_parties, possessive_acts
from monitor.stance_aside_subjects import outside_asides
from monitor.stance_attribution import resolve_sources, sentence_mentions
from monitor.stance_clause_acts import clause_acts, spare_clause_agents
from monitor.stance_clause_speakers import clause_speakers
from monitor.stance_clauses import second_subject_limits
from monitor.stance_co_speakers import co_speakers
from monitor.stance_context_targets import context_statements
from monitor.stance_cue_hits import (
    annotate_cues,
    compound_demonyms,
    find_non_targets,
    outside_mentions,
    passive_agents,
)
from monitor.stance_definite_targets import definite_targets
from monitor.stance_event_targets import event_agent_statements
from monitor.stance_keys import KEY
from monitor.stance_matching import load_rules, match_phrases, phrase_table
from monitor.stance_pair_acts import pair_acts
from monitor.stance_pair_reference import as_mentions, pair_references
from monitor.stance_predicates import act_agents, contrast_starts, deal_terms, hypothetical_acts
from monitor.stance_reach import alleged, beyond_reach, governed, reach_limits
from monitor.stance_relations import (
    joint_parties,
    mutual_statements,
    relation_objects,
    relation_parties,
    subject_parties,
    with_joint,
)
from monitor.stance_rows import negation_factor, statement_rows
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


def _speaker_statements(
    sources, excluded, smentions, cues, parties, reach, agents, terms, rules
) -> pl.DataFrame:
    """Source -> each other actor in the sentence, polarity from the nearest cue the source owns
    that reaches it (a third party's transfer counts only when the sentence has no stance cue for
    the target; a relation claimed by a joint subject reaches only its parties; `reach` [cue_id,
    reach_end] ends a cue's reach after it). At equal distance the cue before the target wins: a
    verb governs the object after it ("stands with the Philippines and condemned China's")."""
    # Actors inside the description of an act the speaker judges are no targets (monitor.stance_predicates).
    inside_act = (pl.col("r_start") >= pl.col("agent_end")) & (pl.col("r_end") <= pl.col("copula_start"))
    targets = (
        sources.join(smentions, on=KEY, how="inner")
        .join(excluded, on=[*KEY, "mid"], how="anti")
        .filter(pl.col("country") != pl.col("source_actor"))
        .join(agents, on=KEY, how="left")
        .filter(~inside_act.fill_null(False))
    )
    # Of a directed relation (an attack) the speaker owns only what it does itself: the victim, a
    # reporter of the attack and the victim's neighbours judge nobody by it; and the victim of an attack by
    # an actor named before it takes no stance of another speaker ("Jordan condemned the Israeli incursion,
    # saying it would undermine Syria's stability"). With nobody but the speaker named before the attack,
    # the speaker may be denying its own ("Russia denied reports that it had shelled a village near
    # Ukraine") and keeps its stance.
    directed = [str(c) for c in rules.get("directed_relation_classes", [])]
    directed_ids = cues.filter(pl.col("cue_class").is_in(directed)).select("cue_id")
    is_party = (
        parties.join(sources.select(*KEY, "source_actor").unique(), on=KEY, how="inner")
        .filter(pl.col("party") == pl.col("source_actor"))
        .join(directed_ids.with_columns(directed=pl.lit(True)), on="cue_id", how="left")
        .filter(pl.col("before") | pl.col("directed").is_null())
        .select("cue_id", "source_actor", own=pl.lit(True))
        .unique()
    )
    target_party = parties.select("cue_id", country="party", target_party=pl.lit(True)).unique()
    # A term of a deal ("a deal under which X will impose a tariff on Y") is no stance between its parties.
    deal_parties = terms.join(parties.select(deal_id="cue_id", party="party"), on="deal_id")
    terms = pl.concat(
        [
            terms.select(cue_id="term_id", country="country"),
            deal_parties.select(cue_id="term_id", country="party"),
        ]
    ).unique()
    attackers = (
        cues.filter(pl.col("cue_class").is_in(directed))
        .select(*KEY, "cue_id", "m_start")
        .join(smentions.select(*KEY, "country", "r_end"), on=KEY)
        .filter(pl.col("r_end") <= pl.col("m_start"))
        .select("cue_id", attacker="country")
        .unique()
    )
    spared = (
        parties.filter(~pl.col("before"))
        .join(directed_ids, on="cue_id")
        .join(attackers, on="cue_id")
        .join(sources.select(*KEY, "source_actor").unique(), on=KEY, how="inner")
        .filter(pl.col("attacker") != pl.col("source_actor"))
        .join(is_party, on=["cue_id", "source_actor"], how="anti")
        .select(*KEY, "source_actor", country="party")
        .unique()
    )
    factor = negation_factor(rules)
    pairs = (
        targets.join(spared, on=[*KEY, "source_actor", "country"], how="anti")
        .join(cues, on=KEY, how="inner")
        .join(reach, on="cue_id", how="left")
        .filter(~beyond_reach())
        .filter(pl.col("until").is_null() | (pl.col("m_start") < pl.col("until")))
        .filter(
            pl.col("from_start").is_null() | (pl.min_horizontal("m_start", "r_start") >= pl.col("from_start"))
        )
        .join(terms, on=["cue_id", "country"], how="anti")
        .filter(
            ~(
                (pl.col("r_end") <= pl.col("contrast_start"))
                & ~pl.col("clause_actors").list.contains(pl.col("source_actor"))
            ).fill_null(False)
        )
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
        .filter(~(pl.col("pair_ref") & (pl.col("m_start") < pl.col("r_start"))))
        .with_columns(
            distance=pl.max_horizontal(
                pl.col("m_start") - pl.col("r_end"), pl.col("r_start") - pl.col("m_end"), pl.lit(0)
            ),
            strength=pl.col("polarity").abs(),
            backward=pl.col("m_start") > pl.col("r_start"),
        )
        .sort(
            *KEY,
            "source_actor",
            "country",
            "fallback",
            "distance",
            "backward",
            "strength",
            "m_start",
            descending=[*(False for _ in KEY), False, False, False, False, False, True, False],
        )
        .unique([*KEY, "source_actor", "country"], keep="first", maintain_order=True)
    )
    return statement_rows(pairs, target="country", rule=pl.col("rule"), mutual=False, factor=factor)


RANK_LAST = 1_000


def _ranked(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """The rules' statements with the rank of the rule that made each: of one pair in one sentence the
    earliest rule's statement is kept, then the strongest, then by cue, so the choice never rests on
    the row order joins or batch sizes happen to leave."""
    return pl.concat([frame.with_columns(rule_rank=pl.lit(rank)) for rank, frame in enumerate(frames)])


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
    hits = match_phrases(sentences, phrase_table(cues, rules), int(rules.get("cue_gap_words", 3)))
    smentions = sentence_mentions(sentences, mentions)
    hits = outside_mentions(hits, smentions)
    pairs = pair_references(sentences, smentions, hits, rules)
    sources, subject_ids, joint_subjects, claims = resolve_sources(sentences, smentions, hits, rules)
    # An opening subject owns no cue of a later clause with its own subject (monitor.stance_clauses).
    limits = second_subject_limits(sentences, smentions, rules).rename({"country": "source_actor"})
    sources = sources.join(limits, on=[*KEY, "source_actor"], how="left").with_columns(
        until=pl.when(pl.col("rule").is_in(["sentence_subject", "list_subject"])).then(pl.col("until"))
    )
    sources, clause_mids = clause_speakers(sentences, smentions, hits, sources, rules)
    cue_hits = annotate_cues(hits, smentions, rules, sentences)
    non_targets = pl.concat([find_non_targets(smentions, hits), compound_demonyms(sentences, smentions)])
    excluded = pl.concat(
        [
            subject_ids.select(*KEY, "mid"),
            non_targets,
            co_speakers(sentences, smentions, hits, rules),
            clause_mids,
        ]
    )
    # actors an aside names about the subject are no targets, but parties of the facts in it
    acting = subject_ids.filter(~pl.col("described"))
    not_parties = pl.concat([acting.filter(~pl.col("co_subject")).select(*KEY, "mid"), non_targets])
    speakers = acting.select(*KEY, "mid")
    targets = pl.concat(
        [
            smentions.with_columns(pair_ref=pl.lit(False)),
            as_mentions(pairs, smentions.height),
            definite_targets(sentences, smentions, rules, smentions.height + pairs.height),
        ],
        how="vertical_relaxed",
    )
    joint_subjects = pl.concat(
        [joint_subjects, pairs.select(*KEY, "country", a_start="r_start")], how="vertical_relaxed"
    )
    joint = joint_parties(cue_hits, joint_subjects, hits)
    # the object of a relation the joint subjects claim is a party too ("their ties with Taipei")
    objects = relation_objects(cue_hits, smentions, sentences).join(
        joint.select("cue_id"), on="cue_id", how="semi"
    )
    joint = pl.concat([joint, objects.join(joint, on=["cue_id", "party"], how="anti")])
    lone = subject_parties(cue_hits, claims.filter(~pl.col("several")).drop("several"), hits)
    claimed = pl.concat([joint["cue_id"], lone["cue_id"]]).implode()
    by_agents = passive_agents(sentences, smentions)
    cue_hits = cue_hits.with_columns(claimed=pl.col("cue_id").is_in(claimed))
    parties = pl.concat(
        [with_joint(relation_parties(cue_hits, smentions, non_targets, speakers, by_agents), joint), lone]
    )
    parties = outside_asides(parties, subject_ids, smentions, cue_hits)
    facts = with_joint(relation_parties(cue_hits, smentions, not_parties, speakers, by_agents), joint)
    facts = pl.concat([facts, lone, act_parties(cue_hits, smentions, hits, sentences, not_parties, rules)])
    facts = outside_asides(facts, subject_ids, smentions, cue_hits)
    reach = reach_limits(cue_hits, smentions, hits, sentences, rules).join(
        contrast_starts(cue_hits, hits, smentions, rules), on="cue_id", how="full", coalesce=True
    )
    agents = act_agents(cue_hits, sentences, smentions, rules)
    targets = targets.join(governed(smentions, sentences, rules), on=[*KEY, "mid"], how="left").with_columns(
        governed=pl.col("governed").fill_null(False)
    )
    # an act that has not happened is no fact and no stance of its own agent (monitor.stance_predicates)
    hypothetical = hypothetical_acts(cue_hits, sentences, rules, published)
    unreported = pl.concat([alleged(cue_hits, hits.filter(pl.col("is_clause_break")), rules), hypothetical])
    reported = cue_hits.filter(~pl.col("cue_id").is_in(unreported.implode()))
    statements = _ranked(
        [
            _speaker_statements(
                sources,
                excluded,
                targets,
                cue_hits.filter(~pl.col("cue_id").is_in(hypothetical.implode())),
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
    statements = spare_clause_agents(statements)
    rebuttals = context_statements(sentences, smentions, cue_hits, sources, statements, rules)
    statements = pl.concat([statements, rebuttals.with_columns(rule_rank=pl.lit(RANK_LAST))])
    valence = valence_statements(sentences, smentions, sources, excluded, statements, rules)
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
