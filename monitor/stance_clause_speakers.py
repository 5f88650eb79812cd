"""A second speaker in a coordinated clause: "Panama said it was suspending relations with Venezuela, and
Peru said it was recalling its ambassador from Caracas"; "..., while Seoul said it would drop its complaint
against Japan"; "..., and Egypt and Jordan said they stood with the Lebanese people" (a list speaks together);
"Jordan and Egypt denounced the strike, with Egypt's Foreign Ministry warning that ..." (a participle);
"Erdogan received Zelenskyy in Ankara, where Ukraine thanked Turkey" (a place's clause). The second clause
is its speaker's, from its opening on; the first speaker's ends there."""

from __future__ import annotations

import polars as pl

from monitor.stance_gaps import PARTICIPLE, verb_gap
from monitor.stance_keys import KEY, SPEAKER_KINDS
from monitor.stance_matching import rule_alternatives

# The clause opening before the speaker's noun phrase: capitalised words, "the", a possessive
# ("European Commission President Ursula von der Leyen", "Egypt's foreign ministry").
OPENING = r"(,\s+(and|but|while|whereas|yet|with|where)|;)\s+"
NOUN_PHRASE = r"((the|The)\s+)?(\p{Lu}[\p{L}'’.-]*\s+|['’]s\s+|[a-z]+\s+){0,5}$"
# names listed before the speaker's ("Argentina, Chile, Uruguay, Bolivia and Venezuela also criticized")
SEPARATOR = r"(,\s+and\s+|,\s+|\s+and\s+)"
LISTED = rf"((\p{{Lu}}[\p{{L}}'’.-]*\s+)*\p{{Lu}}[\p{{L}}'’.-]*{SEPARATOR})*"
# what stands between a listed name and the next: a separator, or other listed names
LIST_GAP = rf"^{SEPARATOR}({LISTED})$"
LEAD_CHARS = 120


def clause_speakers(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, sources: pl.DataFrame, rules: dict
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`sources` [sid, source_actor, source_speaker, rule, until] with the speakers of coordinated clauses
    whose subject is followed by a speech verb or verb cue added (from_start: where the clause opens; the
    speaker's cues and targets come after it) and the earlier speakers' `until` cut there; and the
    mention ids that speak [sid, mid]."""
    verbs = hits.filter(pl.col("is_verb")).select(*KEY, v_start="m_start")
    # the opening stands within LEAD_CHARS before the mention: a bounded slice keeps the regex cheap
    lead = pl.col("text").str.slice(
        (pl.col("r_start") - LEAD_CHARS).clip(0), pl.col("r_start").clip(upper_bound=LEAD_CHARS)
    )
    gap = pl.col("text").str.slice(pl.col("r_end"), (pl.col("v_start") - pl.col("r_end")).clip(0))
    tail = lead.str.extract(f"({OPENING}{LISTED}{NOUN_PHRASE})", 1)
    earlier = sources.select(*KEY, "source_actor").unique()
    # only sentences with a speaker already and a clause opening: a cheap filter before the mention join
    candidates = (
        sentences.select(*KEY, "text")
        .join(earlier.select(KEY).unique(), on=KEY, how="semi")
        .filter(pl.col("text").str.contains(OPENING))
    )
    # "the U.S. Embassy in Bishkek congratulated": a place is no speaker
    places = rule_alternatives(rules, "location_prepositions")
    heads = (
        smentions.join(candidates, on=KEY, how="inner")
        .with_columns(from_start=pl.col("r_start") - tail.str.len_chars())
        .filter(pl.col("from_start").is_not_null() & (pl.col("from_start") > 0))
        .filter(~lead.str.contains(rf"\b({places})\s+$"))
    )
    # ", with Egypt's Foreign Ministry warning that": an absolute clause's speaker acts in a participle
    after = pl.col("text").str.slice(pl.col("r_end"), 60)
    participles = heads.filter(tail.str.contains(r"^,\s+with\s")).with_columns(
        v_start=pl.col("r_end") + after.str.find(rf"\b{PARTICIPLE}").cast(pl.Int64)
    )
    found = (
        pl.concat(
            [heads.join(verbs, on=KEY, how="inner"), participles.filter(pl.col("v_start").is_not_null())],
            how="diagonal_relaxed",
        )
        .filter(pl.col("v_start") >= pl.col("r_end"))
        .filter(pl.col("v_start") == pl.col("v_start").min().over(KEY, "mid"))
        .filter(gap.str.contains(verb_gap(rules)) & ~gap.str.contains(r"[,;]"))
    )
    speaker = pl.col("actor_kind").is_in(SPEAKER_KINDS)
    first = found.sort(*KEY, "r_start").join(
        earlier, left_on=[*KEY, "country"], right_on=[*KEY, "source_actor"], how="anti"
    )
    # the names listed before the speaker's, from the same clause opening, speak with it
    between = pl.col("text").str.slice(pl.col("r_end"), pl.col("s_start") - pl.col("r_end"))
    listed = (
        heads.join(first.select(*KEY, "from_start", "v_start", s_start="r_start"), on=[*KEY, "from_start"])
        .filter(pl.col("r_start") < pl.col("s_start"))
        .filter(between.str.contains(LIST_GAP))
    )
    # a speaker of the first clause may open one of its own: it ends the others' reach all the same
    clause = (
        pl.concat([found, listed.drop("s_start")], how="diagonal_relaxed")
        .sort(*KEY, "r_start")
        .unique([*KEY, "country"], keep="first", maintain_order=True)
    )
    chosen = clause.join(earlier, left_on=[*KEY, "country"], right_on=[*KEY, "source_actor"], how="anti")
    new = chosen.select(
        *KEY,
        source_actor="country",
        source_speaker=pl.when(speaker).then(pl.col("actor_id")),
        rule=pl.lit("clause_speaker"),
        from_start="from_start",
    )
    limits = (
        clause.select(*KEY, clause_actor="country", clause_start="from_start")
        .join(earlier, on=KEY, how="inner")
        .filter(pl.col("clause_actor") != pl.col("source_actor"))
        .group_by(*KEY, "source_actor")
        .agg(pl.col("clause_start").min())
    )
    limited = (
        sources.join(limits, on=[*KEY, "source_actor"], how="left")
        .with_columns(until=pl.min_horizontal("until", "clause_start"), from_start=pl.lit(None, pl.Int64))
        .drop("clause_start")
    )
    # the speaker's own names up to its verb ("the U.S. Embassy in Bishkek") are no targets of anyone
    subject = clause.select(*KEY, "country", "from_start", "v_start")
    mids = pl.concat(
        [
            found.join(clause.select(*KEY, "from_start"), on=[*KEY, "from_start"]).select(*KEY, "mid"),
            smentions.join(subject, on=[*KEY, "country"])
            .filter((pl.col("r_start") >= pl.col("from_start")) & (pl.col("r_end") <= pl.col("v_start")))
            .select(*KEY, "mid"),
        ]
    ).unique()
    return pl.concat([limited, new], how="diagonal_relaxed"), mids
