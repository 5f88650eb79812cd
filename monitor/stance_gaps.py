"""What may stand between a speaking subject and its verb (monitor.stance_attribution,
monitor.stance_clause_speakers): titles and unknown names, adverbs and time phrases, an aside set off by
commas."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY, SPEAKER_KINDS
from monitor.stance_matching import rule_alternatives

NAME = r"\p{Lu}[\p{L}'’.-]*"
# An aside set off by commas between a subject and its verb: a relative clause or an apposition ("Iran, which
# had offered to mediate, and Saudi Arabia ... also welcomed", "China, the bloc's largest economy, welcomed").
ASIDE = r",\s+(which|who|the|a|an)\s[^,;:\"“”()]{1,120},"


def verb_gap(rules: dict) -> str:
    """What may stand between the last subject and its verb: a title and the name of an official the
    dictionary does not know ("Norwegian Prime Minister Jonas Gahr Store said"), then adverbs,
    auxiliaries and a time phrase ("on July 8"): no punctuation, a few words, none capitalised but
    the time words of the rules. A relative clause opens the gap: "Egypt, which accuses Ethiopia of"; an
    aside may stand in it ("The French government, which had pushed hardest, welcomed"), and the aide of a
    titled official ("UN Secretary-General's spokesperson welcomed")."""
    titles = rule_alternatives(rules, "speaker_titles")
    times = rule_alternatives(rules, "subject_gap_time_words")
    official = rf"(['’]s)?\s+(?i:{titles})(\s+{NAME}){{1,4}}"
    aide = rf"(\s+(?i:{titles}))?['’]s(\s+[a-z]+){{1,2}}"
    relative = r",\s+(which|who)"
    aside = rf"(\s+[a-z]+){{0,2}}{ASIDE}"
    return rf"^({aide}|{official}|{relative}|{aside})?(\s+([a-z]+|\d{{1,4}}|{times})){{0,4}}\s*$"


def through_asides(
    pairs: pl.DataFrame, text: pl.DataFrame, gap: pl.Expr, hits: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """`pairs` [sid, mid, a_start, ...] (a mention, an anchor after it) that the subject rules may use across
    an aside after the mention. A plain aside is skipped ("The French government, which had pushed hardest,
    welcomed"). One that names an actor or holds a cue tells how the subject stands to others ("Iran, which
    struck the US base in Qatar in June, also condemned", "China, which has close ties with both countries,
    called on"): no state is linked across it to a later anchor."""
    gaps = pairs.filter(pl.col("r_end") <= pl.col("a_start")).join(text, on=KEY).with_columns(gap=gap)
    closed = gaps.filter(pl.col("gap").str.contains(verb_gap(rules)) & pl.col("gap").str.contains(ASIDE))
    aside_len = pl.col("gap").str.extract(rf"^((\s+[a-z]+){{0,2}}?{ASIDE})", 1).str.len_chars()
    spans = closed.select(*KEY, "mid", "a_start", aside_start="r_end", aside_end=pl.col("r_end") + aside_len)
    inner = pl.concat(
        [
            pairs.select(*KEY, at="r_start").unique(),
            hits.filter(pl.col("is_cue")).select(*KEY, at="m_start").unique(),
        ]
    )
    busy = (
        spans.join(inner, on=KEY)
        .filter((pl.col("at") >= pl.col("aside_start")) & (pl.col("at") < pl.col("aside_end")))
        .select(*KEY, "mid", "a_start")
        .unique()
    )
    # a person or institution keeps its apposition, whatever it names (monitor.stance_attribution)
    speakers = pairs.filter(pl.col("actor_kind").is_in(SPEAKER_KINDS)).select(*KEY, "mid").unique()
    busy = busy.join(speakers, on=[*KEY, "mid"], how="anti")
    return pairs.join(busy, on=[*KEY, "mid", "a_start"], how="anti")
