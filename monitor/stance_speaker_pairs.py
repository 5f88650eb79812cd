"""The statements of a sentence's speaker: the source toward each other actor its cues reach, polarity
from the nearest cue it owns (monitor.stance orchestrates the rules)."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_reach import beyond_reach
from monitor.stance_rows import negation_factor, statement_rows


def speaker_statements(
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
    # A pair phrase after a cue is reached only as the object of a judgement addressed to the pair ("praised
    # both governments", "warned the two countries"), not as the setting of a relation ("ties between them").
    addressed = pl.col("cue_class").is_in(
        [str(c) for c in rules.get("pair_reference_object_classes", [])]
    ) & (pl.col("r_start") - pl.col("m_end") <= int(rules.get("pair_reference_object_chars", 0)))
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
        .filter(~(pl.col("pair_ref") & (pl.col("m_start") < pl.col("r_start")) & ~addressed))
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
