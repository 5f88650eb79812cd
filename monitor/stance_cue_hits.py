"""Cue hits of each sentence with what changes their reading: a negator before them, a
self-reference ("its ties with") that makes the speaker a party, the window a relation cue's parties
are looked for in, and mentions that name a document or a place rather than an actor."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import ADJECTIVE_DEMONYM, KEY
from monitor.stance_predicates import opened_relations
from monitor.stance_relations import joint_objects


def annotate_cues(
    hits: pl.DataFrame, smentions: pl.DataFrame, rules: dict, sentences: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Cue hits with negation and, for relation cues, the window their parties are looked for in:
    bounded by the neighbouring stance cues so 'alarm at cooperation between A and B' keeps the
    alarm's subject out. A relation its verb ends ("broken off diplomatic relations") is read as
    reducing relations (ended_relations)."""
    neg_window = int(rules.get("negation_window", 24))
    cues = hits.filter(pl.col("is_cue")).sort(*KEY, "m_start").with_row_index("cue_id")
    if sentences is not None:
        cues = joint_objects(ended_relations(cues, hits, sentences, rules), smentions, sentences)
        # "Ukraine was open to dialogue with Hungary": an intent of the party named before it, one way
        intents = opened_relations(cues, sentences, rules, "intent_openings")
        cues = cues.with_columns(intent=pl.col("cue_id").is_in(intents.implode()))
    else:
        cues = cues.with_columns(
            joint_after=pl.lit(False), intent=pl.lit(False), neg_start=pl.lit(None, pl.Int64)
        )
    negators = hits.filter(pl.col("is_negator")).select(*KEY, n_start="m_start", n_end="m_end")
    # a negator is read before the verb that ends a relation ("no attempt to undermine ... cooperation")
    near = (
        cues.select(*KEY, "cue_id", m_start=pl.coalesce("neg_start", "m_start"))
        .join(negators, on=KEY, how="inner")
        .filter((pl.col("n_end") <= pl.col("m_start")) & (pl.col("m_start") - pl.col("n_end") <= neg_window))
    )
    if sentences is not None:
        # a comma ends the negated predicate: "will not back down, accuses Trump of" accuses; so does "and"
        # opening a predicate of its own: "would not change its course and accused the United States"
        gap = pl.col("text").str.slice(pl.col("n_end"), pl.col("m_start") - pl.col("n_end"))
        near = (
            near.join(sentences.select(*KEY, "text"), on=KEY, how="inner")
            .filter(gap.str.contains(r"[,;]|^\s+\S+\s+\S+.*\sand\s+$").not_())
            .drop("text")
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
        & (_previous(pl.col("cue_class")) == "transfer")
        & (pl.col("m_start") - _previous(pl.col("m_end")) <= absorb)
    )
    third = rules.get("third_party_polarity") or {}
    stance = pl.col("scope") == "stance"
    # The agent of a directed relation (an attack) is named in its own clause: "cut ties with Iran
    # after protesters attacked" leaves Iran out of the attack.
    directed = [str(c) for c in rules.get("directed_relation_classes", [])]
    clause_start = (
        cues.filter(pl.col("cue_class").is_in(directed))
        .select(*KEY, "cue_id", "m_start")
        .join(hits.filter(pl.col("is_clause_break")).select(*KEY, b_end="m_end"), on=KEY, how="inner")
        .filter(pl.col("b_end") <= pl.col("m_start"))
        .group_by("cue_id")
        .agg(clause_start=pl.col("b_end").max())
    )
    strained = strained_relations(cues, hits, directed, rules)

    # "the trilateral security cooperation between Seoul, Tokyo and Washington" names its own parties
    named = (
        cues.select(*KEY, "cue_id", "m_end")
        .join(hits.filter(pl.col("is_party_opening")).select(*KEY, o_start="m_start", o_end="m_end"), on=KEY)
        .filter((pl.col("o_start") - pl.col("m_end")).is_between(0, 2))
        .join(smentions.select(*KEY, "r_start"), on=KEY)
        .filter((pl.col("r_start") - pl.col("o_end")).is_between(0, 6))
        .group_by("cue_id")
        .agg(parties_start=pl.col("o_start").min())
    )
    strain_polarity = float(rules.get("relation_strain_polarity", -0.4))
    return (
        cues.join(negated, on="cue_id", how="left")
        .join(selfref, on="cue_id", how="left")
        .join(clause_start, on="cue_id", how="left")
        .join(named, on="cue_id", how="left")
        .with_columns(
            strained=pl.col("cue_id").is_in(strained.implode()),
            named_parties=pl.col("parties_start").is_not_null(),
        )
        .with_columns(
            polarity=pl.when(pl.col("strained")).then(pl.lit(strain_polarity)).otherwise(pl.col("polarity")),
            scope=pl.when(absorbed).then(pl.lit("relation")).otherwise(pl.col("scope")),
            third_party_polarity=pl.col("cue_class").replace_strict(
                list(third), [float(v) for v in third.values()], default=None, return_dtype=pl.Float64
            ),
        )
        .with_columns(
            negated=pl.col("negated").fill_null(False),
            self_ref=pl.col("self_ref").fill_null(False),
            prev_stance_end=_nearest(pl.col("m_end"), stance, 1),
            next_stance_start=_nearest(pl.col("m_start"), stance, -1),
        )
        .with_columns(
            w_lo=pl.max_horizontal(
                pl.col("m_start") - int(rules.get("relation_window_before", 40)),
                pl.col("prev_stance_end"),
                pl.col("clause_start"),
            ),
            w_hi=pl.min_horizontal(
                pl.col("m_end") + int(rules.get("relation_window_after", 80)), pl.col("next_stance_start")
            ),
        )
    )


def ended_relations(
    cues: pl.DataFrame, hits: pl.DataFrame, sentences: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Cues with the relations a verb right before them ends, blocks or endangers ("Mexico has broken off
    diplomatic relations with Ecuador", "We are ending our military cooperation with", "could threaten its
    peace treaty with Israel") made stance cues of reduced relations: the verb governs the noun, so the
    relation is neither cooperation nor a reported fact of it. `neg_start`: where the verb starts, for
    the negation read before it."""
    classes = [str(c) for c in rules.get("relation_end_classes", [])]
    gap = int(rules.get("relation_end_gap_words", 2))
    polarity = float(rules.get("relation_end_polarity", -0.7))
    between = pl.col("text").str.slice(pl.col("e_end"), pl.col("m_start") - pl.col("e_end"))
    ended = (
        cues.filter(pl.col("cue_class").is_in(classes))
        .select(*KEY, "cue_id", "m_start")
        .join(
            hits.filter(pl.col("is_relation_ender")).select(*KEY, "phrase", e_start="m_start", e_end="m_end"),
            on=KEY,
        )
        .filter(pl.col("e_end") <= pl.col("m_start"))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(between.str.contains(rf"^\s+([\w'’-]+\s+){{0,{gap}}}$"))
        .group_by("cue_id")
        .agg(ender=pl.col("phrase").last(), neg_start=pl.col("e_start").last())
    )
    return (
        cues.join(ended, on="cue_id", how="left")
        .with_columns(
            cue=pl.when(pl.col("ender").is_not_null())
            .then(pl.concat_str("ender", pl.lit(" ... "), "cue"))
            .otherwise(pl.col("cue")),
            cue_class=pl.when(pl.col("ender").is_not_null())
            .then(pl.lit("reduce_relations"))
            .otherwise(pl.col("cue_class")),
            scope=pl.when(pl.col("ender").is_not_null()).then(pl.lit("stance")).otherwise(pl.col("scope")),
            polarity=pl.when(pl.col("ender").is_not_null())
            .then(pl.lit(polarity))
            .otherwise(pl.col("polarity")),
        )
        .drop("ender")
    )


def strained_relations(cues: pl.DataFrame, hits: pl.DataFrame, directed: list[str], rules: dict) -> pl.Series:
    """Ids of relation cues the text describes as strained: a strain word right before them ("strained
    ties") or after them in their clause ("Relations between Islamabad and Tehran have long been
    uneasy"). No cooperation: a party speaking of them is hostile, and the text reports no fact of
    which side is (monitor.stance_relations)."""
    before = int(rules.get("relation_strain_before", 16))
    after = int(rules.get("relation_strain_after", 60))
    relations = cues.filter((pl.col("scope") == "relation") & ~pl.col("cue_class").is_in(directed))
    near = (
        relations.select(*KEY, "cue_id", "m_start", "m_end")
        .join(hits.filter(pl.col("is_strain")).select(*KEY, t_start="m_start", t_end="m_end"), on=KEY)
        .filter(
            pl.col("t_start").is_between(pl.col("m_end"), pl.col("m_end") + after)
            | pl.col("t_end").is_between(pl.col("m_start") - before, pl.col("m_start"))
        )
    )
    broken = near.join(hits.filter(pl.col("is_clause_break")).select(*KEY, b_start="m_start"), on=KEY).filter(
        pl.col("b_start").is_between(pl.col("m_end"), pl.col("t_start"))
    )
    return near.join(broken.select("cue_id", "t_start"), on=["cue_id", "t_start"], how="anti")[
        "cue_id"
    ].unique()


def _previous(value: pl.Expr) -> pl.Expr:
    """`value` of the row before in the same sentence. The cues are sorted by sentence: one shift over
    the frame costs far less than a window per sentence."""
    sid = pl.col(KEY[0])
    return pl.when(sid.shift(1) == sid).then(value.shift(1))


def _nearest(value: pl.Expr, where: pl.Expr, step: int) -> pl.Expr:
    """`value` of the nearest row before (step 1) or after (step -1) in the same sentence where `where`
    holds (rows sorted by sentence, like _previous)."""

    def fill(expr: pl.Expr) -> pl.Expr:
        shifted = expr.shift(step)
        return shifted.forward_fill() if step > 0 else shifted.backward_fill()

    sid = pl.col(KEY[0])
    return pl.when(fill(pl.when(where).then(sid)) == sid).then(fill(pl.when(where).then(value)))


def find_non_targets(smentions: pl.DataFrame, hits: pl.DataFrame, places: bool = True) -> pl.DataFrame:
    """Mentions naming a document, a place or a topic rather than an actor ("UNSC resolutions", "in
    Seoul", "remarks on Taiwan"); only documents with `places` False."""
    documents = _beside(smentions, hits.filter(pl.col("is_document")), before=True)
    if not places:
        return documents
    place = hits.filter(pl.col("is_place_prep") | pl.col("is_topic"))
    return pl.concat([documents, _beside(smentions, place, before=False)]).unique()


def located_mentions(smentions: pl.DataFrame, hits: pl.DataFrame) -> pl.DataFrame:
    """[sid, mid] of the mentions right after a location preposition: "through its embassy in Manila",
    "during a visit to Tokyo" say where, not who."""
    return _beside(smentions, hits.filter(pl.col("is_place_prep")), before=False)


def _beside(smentions: pl.DataFrame, words: pl.DataFrame, before: bool) -> pl.DataFrame:
    """[sid, mid] of the mentions right before (`before`) or right after one of `words` (hits)."""
    gap = pl.col("m_start") - pl.col("r_end") if before else pl.col("r_start") - pl.col("m_end")
    return (
        smentions.select(*KEY, "mid", "r_start", "r_end")
        .join(words.select(*KEY, "m_start", "m_end"), on=KEY, how="inner")
        .filter(gap.is_between(0, 2))
        .select(*KEY, "mid")
        .unique()
    )


def outside_mentions(hits: pl.DataFrame, smentions: pl.DataFrame) -> pl.DataFrame:
    """Phrase hits less those inside an actor's name: "states" in "United States" is no speech verb,
    "relations" in "Department of International Relations and Cooperation" no cue."""
    inside = (
        hits.select(*KEY, "m_start", "m_end")
        .join(smentions.select(*KEY, "r_start", "r_end"), on=KEY, how="inner")
        .filter((pl.col("m_start") >= pl.col("r_start")) & (pl.col("m_end") <= pl.col("r_end")))
        .select(*KEY, "m_start", "m_end")
        .unique()
    )
    return hits.join(inside, on=[*KEY, "m_start", "m_end"], how="anti")


def compound_demonyms(sentences: pl.DataFrame, smentions: pl.DataFrame) -> pl.DataFrame:
    """Demonyms hyphened to another demonym or to "anti"/"pro" ("a French-Algerian writer", "anti-Chinese
    hysteria"): a person's origins or an attitude, not a state to judge. A pair of states ("the US-Saudi
    relationship") stays."""
    text = pl.col("text")
    origin = r"\p{Lu}\p{L}*(ian|ean|ese|ish|ch)"
    after = text.str.slice(pl.col("r_end"), 24)
    before = text.str.slice((pl.col("r_start") - 24).clip(0), pl.col("r_start").clip(upper_bound=24))
    surface = text.str.slice(pl.col("r_start"), pl.col("r_end") - pl.col("r_start"))
    return (
        smentions.join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .filter(pl.col("demonym") | surface.str.contains(ADJECTIVE_DEMONYM))
        .filter(after.str.contains(rf"^-{origin}\b") | before.str.contains(rf"(\b{origin}|\b(anti|pro))-$"))
        .select(*KEY, "mid")
        .unique()
    )


def passive_agents(sentences: pl.DataFrame, smentions: pl.DataFrame) -> pl.DataFrame:
    """[sid, mid]: mentions right after "by" ("the first confirmed intrusion by a Chinese military
    aircraft"): the agent of the act before them, though named after it."""
    lead = pl.col("text").str.slice((pl.col("r_start") - 12).clip(0), pl.col("r_start").clip(upper_bound=12))
    return (
        smentions.join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .filter(lead.str.contains(r"(^|\W)by\s+((a|an|the)\s+)?$"))
        .select(*KEY, "mid")
    )
