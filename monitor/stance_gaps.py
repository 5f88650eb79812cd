"""What may stand between a speaking subject and its verb (monitor.stance_attribution,
monitor.stance_clause_speakers): titles and unknown names, adverbs and time phrases, an aside set off by
commas."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY, SPEAKER_KINDS
from monitor.stance_matching import rule_alternatives

NAME = r"\p{Lu}[\p{L}'’.-]*"
# A present participle ("warning", "accusing", "denouncing"): a verb of a clause without a finite verb.
PARTICIPLE = r"\p{Ll}+ing\b"
# An aside set off by commas between a subject and its verb: a relative clause or an apposition ("Iran, which
# had offered to mediate, and Saudi Arabia ... also welcomed", "China, the bloc's largest economy, welcomed",
# "The United Arab Emirates, one of the first signatories of the accords in 2020, congratulated").
ASIDE_OPENERS = (
    r"which|who|whose|the|a|an|one|its|another|also|both|all|itself|long|once|now|"
    r"(\w+(ed|en|wn)|run|led|held|hit)\s+by"
)
ASIDE = rf",\s+({ASIDE_OPENERS})\s[^,;:\"“”()]{{1,120}},"


def verb_gap(rules: dict) -> str:
    """What may stand between the last subject and its verb: a title and the name of an official the
    dictionary does not know ("Norwegian Prime Minister Jonas Gahr Store said"), then adverbs,
    auxiliaries and a time phrase ("on July 8"): no punctuation, a few words, none capitalised but
    the time words of the rules; the title may name its post ("U.S. Ambassador to Japan George Glass said")
    or set the name off by commas ("The Mauritian prime minister, Navin Ramgoolam, said"). A relative
    clause opens the gap: "Egypt, which accuses Ethiopia of", also after an acronym in brackets ("The Economic
    Community of West African States (ECOWAS), which imposed sanctions on"); an
    aside may stand in it ("The French government, which had pushed hardest, welcomed"), or an adverbial
    ("Beijing, for its part, blamed"), and the aide of a
    titled official ("UN Secretary-General's spokesperson welcomed")."""
    titles = rule_alternatives(rules, "speaker_titles")
    times = rule_alternatives(rules, "subject_gap_time_words")
    # "Ambassador to Japan George Glass", "prime minister, Navin Ramgoolam,", "Sudan's Justice Minister Muawia
    # Osman" (up to two capitalised words before the title)
    named = rf"((\s+{NAME}){{1,5}}|,(\s+{NAME}){{1,4}},)"
    official = rf"(['’]s)?(\s+\p{{Lu}}\p{{Ll}}+){{0,2}}\s+(?i:{titles})(\s+to(\s+the)?)?{named}"
    aide = rf"(\s+(?i:{titles}))?['’]s(\s+[a-z]+){{1,2}}"
    relative = r"\)?,\s+(which|who)"
    # "Taiwan's Mainland Affairs Council (MAC) thanked", not "the UN Mission in Afghanistan (UNAMA) expressed"
    acronym = r"\s+\([\p{Lu}.]{2,8}\)"
    aside = rf"(\s+[a-z]+){{0,2}}{ASIDE}"
    adverbial = rf",\s+(?i:{rule_alternatives(rules, 'subject_gap_adverbials')}),"
    institution = institution_name(rules)
    opening = rf"({aide}|{official}|{relative}|{aside}|{adverbial}|{institution}({acronym})?)"
    return rf"^{opening}?(\s+([a-z]+|\d{{1,4}}|{times})){{0,4}}\s*$"


def institution_name(rules: dict) -> str:
    """The capitalised name of one of a state's institutions, between the state and its verb: "Taiwan's
    Mainland Affairs Council accused", "Cambodia's Defense Ministry said", "The Thai Army said", "The
    Philippine Department of Migrant Workers said", "the U.S. Embassy in Bishkek congratulated": its head
    noun is one of institution_heads."""
    heads = rule_alternatives(rules, "institution_heads")
    word = r"\s+\p{Lu}[\p{L}-]*"
    return rf"(['’]s)?({word}){{0,3}}\s+(?:{heads})(\s+(of|for|on|in)(\s+the)?({word}|\s+and){{1,5}})?"


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


def host_mentions(pairs: pl.DataFrame, text: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[sid, mid, a_start] of states named as the post of an envoy ("U.S. Ambassador to Japan George Glass
    said"): the host of the envoy, never the subject of the verb; and of places right before a participle
    ("rallies in Seoul denouncing Japan"): where the act was, not who did it."""
    hosts = rule_alternatives(rules, "host_titles")
    places = rule_alternatives(rules, "location_prepositions")
    lead = pl.col("text").str.slice(0, pl.col("r_start"))
    participle = pl.col("text").str.slice(pl.col("a_start"), 30).str.contains(f"^{PARTICIPLE}")
    return (
        pairs.select(*KEY, "mid", "r_start", "a_start")
        .join(text, on=KEY)
        .filter(
            lead.str.contains(rf"(?i:{hosts})\s+to\s+(the\s+)?$")
            | (lead.str.contains(rf"\b(?i:{places})\s+$") & participle)
        )
        .select(*KEY, "mid", "a_start")
        .unique()
    )
