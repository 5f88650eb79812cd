"""Who speaks in a sentence: the subject of a speech verb or a speaker named after it; speakers of
earlier sentences are carried over (monitor.stance_carryover), and a possessive names the holder
of a stance when nobody else speaks (monitor.stance_holders)."""

from __future__ import annotations

import polars as pl

from monitor.stance_carryover import carry_over
from monitor.stance_definite import definite_antecedents, definite_pattern
from monitor.stance_gaps import ASIDE, NAME, PARTICIPLE, host_mentions, through_asides, verb_gap
from monitor.stance_holders import possessive_holders
from monitor.stance_it_subjects import it_subjects
from monitor.stance_keys import ADJECTIVE_DEMONYM, KEY, SPEAKER_KINDS
from monitor.stance_matching import rule_alternatives
from monitor.stance_named_officials import named_officials
from monitor.stance_quotes import quote_run_speakers
from monitor.stance_runs import carried_in, cum_sum_in, shift_in
from monitor.stance_statement_subjects import statement_subjects
from monitor.stance_subjects import acting_claims, sentence_subjects

# "they agreed" after a meeting, like "both leaders": the two persons named last
PAIR_PRONOUN = r"^(both|the two|they)\b"
# "..., Sweden and said": the mention ends an object and "and" joins a second verb of an earlier subject.
CONJOINED = r"\s(and|but|or|then)\s"


def sentence_mentions(sentences: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """Actor mentions (state or organisation known) with offsets relative to their sentence and an
    integer mention id `mid`."""
    demonym = pl.col("rule") == "demonym" if "rule" in mentions.columns else pl.lit(False)
    return (
        mentions.filter(pl.col("country").is_not_null())
        .with_columns(demonym=demonym.fill_null(False))
        .join(
            sentences.select("article_id", "sentence_no", "sid", s_start="start"),
            on=["article_id", "sentence_no"],
        )
        .select(
            *KEY,
            mid=pl.int_range(pl.len()),
            actor_id="actor_id",
            country="country",
            actor_kind="actor_kind",
            demonym="demonym",
            r_start=(pl.col("start") - pl.col("s_start")).cast(pl.Int64),
            r_end=(pl.col("end") - pl.col("s_start")).cast(pl.Int64),
        )
    )


def _anchors(hits: pl.DataFrame, sentences: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """Speech verbs, verb cues, pronoun + verb and 'according to' phrases of each sentence. Any verb cue right
    after a subject pronoun ("He praised", "he also raised") reads like "he said", not only those listed."""
    pronouns = rule_alternatives(rules, "subject_pronouns")
    lead = pl.col("text").str.slice(0, pl.col("m_start"))
    pronoun_verb = pl.col("is_verb") & lead.str.contains(
        rf"(^|[\s,;\"“”])(?i:{pronouns})(\s+[a-z]+){{0,2}}\s+$"
    )
    definite_verb = pl.col("is_verb") & lead.str.contains(definite_pattern(rules))
    return (
        hits.filter(pl.col("is_verb") | pl.col("is_pronoun") | pl.col("is_speaker_after"))
        .join(sentences.select(*KEY, "text"), on=KEY, how="left")
        .select(
            *KEY,
            a_start="m_start",
            a_end="m_end",
            a_pronoun=pl.col("is_pronoun") | pronoun_verb | definite_verb,
            a_after="is_speaker_after",
            a_pair=pl.col("is_pronoun") & pl.col("phrase").str.contains(PAIR_PRONOUN),
            a_inst=(pl.col("is_pronoun") & pl.col("is_inst_pronoun")) | definite_verb,
        )
    )


def _subject_chunk(cands: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """The speaking subject before the chosen verb.

    - A person/institution joined to the verb without a comma speaks ("State Department spokesman
      Matthew Miller told", "..., Miller restated"): the first person of that run, else its first
      institution; the run is the subject.
    - Else a person/institution in apposition speaks, everything from it to the verb describing it
      ("Anatoly Antonov, Russia's ambassador to the United States, slammed").
    - Else the list of states right before the verb are co-subjects ("The US, South Korea and Japan
      condemned")."""
    speaker = pl.col("actor_kind").is_in(SPEAKER_KINDS)
    person = pl.col("actor_kind") == "person"
    next_mention = shift_in(pl.col("r_start"), KEY, -1)
    between = pl.col("text").str.slice(
        pl.col("r_end"), (pl.coalesce("next_mention", "a_start") - pl.col("r_end")).clip(0)
    )
    # Between two listed states: a separator, maybe with names the dictionary does not know
    # ("The UAE, Jordan and Egypt condemned": Jordan unresolved still keeps the list together).
    unknown = rf"({NAME}\s*)*"
    separator = r"[\s,;]*(and|or|as well as)?\s*"
    list_gap = rf"^({ASIDE})?({separator}(the\s+)?{unknown})*{separator}(the)?[\s,;]*$"

    def tail(flag: str) -> pl.Expr:
        """True where the flag holds here and for every later candidate of the sentence."""
        return cum_sum_in((~pl.col(flag)).cast(pl.Int32), KEY, reverse=True) == 0

    def first(cond: pl.Expr) -> pl.Expr:
        return pl.when(cond).then(pl.col("r_start")).min().over(KEY)

    marked = (
        cands.sort(*KEY, "r_start")
        .with_columns(next_mention=next_mention)
        .with_columns(between=between)
        .with_columns(
            no_break=~pl.col("between").str.contains(r"[,;:\"“”]"),
            sep_ok=pl.when(pl.col("next_mention").is_null())
            .then(
                pl.col("between").str.contains(verb_gap(rules)) & ~pl.col("between").str.contains(CONJOINED)
            )
            .otherwise(pl.col("between").str.contains(list_gap)),
            prev_speaker_end=carried_in(pl.when(speaker).then(pl.col("r_end")), KEY),
        )
        .with_columns(
            run=tail("no_break"),
            in_list=tail("sep_ok"),
            joined=speaker
            & pl.col("text")
            .str.slice(pl.col("prev_speaker_end"), (pl.col("r_start") - pl.col("prev_speaker_end")).clip(0))
            .str.contains(r"^\s*(and|as well as|&)\s"),
        )
        .with_columns(
            run_person=first(pl.col("run") & person),
            run_speaker=first(pl.col("run") & speaker),
            first_person=first(person),
            first_speaker=first(speaker),
        )
    )
    in_run = pl.col("run_speaker").is_not_null()
    apposition = pl.col("first_speaker").is_not_null()
    lead_start = (
        pl.when(in_run)
        .then(pl.coalesce("run_person", "run_speaker"))
        .otherwise(pl.coalesce("first_person", "first_speaker"))
    )
    after_lead = pl.col("r_start") > lead_start
    unjoined = cum_sum_in((speaker & ~pl.col("joined") & after_lead).cast(pl.Int32), KEY)
    partner = after_lead & pl.col("joined") & (unjoined == 0)
    chunk = (
        marked.with_columns(partner=partner)
        .filter(
            pl.when(in_run)
            .then(pl.col("run"))
            .when(apposition)
            .then(pl.col("r_start") >= pl.col("first_speaker"))
            .otherwise(pl.col("in_list"))
        )
        .with_columns(
            is_source=pl.when(in_run | apposition)
            .then((pl.col("r_start") == lead_start) | pl.col("partner"))
            .otherwise(True),
            co_subject=~in_run & ~apposition,
        )
    )
    joint = pl.col("country").filter(pl.col("is_source")).n_unique().over(KEY) > 1
    return chunk.with_columns(
        joint=joint,
        co_subject=pl.col("co_subject") | (joint & pl.col("is_source")),
    )


def _as_sources(chunk: pl.DataFrame, rule_state: str, rule_speaker: str) -> pl.DataFrame:
    speaker = pl.col("actor_kind").is_in(SPEAKER_KINDS)
    return (
        chunk.filter(pl.col("is_source"))
        .sort(*KEY, "r_start")
        .unique([*KEY, "country"], keep="first", maintain_order=True)
        .select(
            *KEY,
            source_actor="country",
            source_speaker=pl.when(speaker).then(pl.col("actor_id")),
            source_rank="r_start",
            rule=pl.when(speaker).then(pl.lit(rule_speaker)).otherwise(pl.lit(rule_state)),
        )
    )


def resolve_sources(
    sentences: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, rules: dict
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Sources per sentence [sid, source_actor, source_speaker, rule], joint subjects [sid, country,
    a_start] (two or more states named as the subject of the verb at a_start, or "both leaders"), and the
    mention ids that speak (never targets; co_subject marks states listed together as the subject,
    "Australia and the Philippines agreed", who may still be parties of a mutual fact; joint marks
    subjects of two or more states, parties of the relation cues after their verb `a_start`), and the
    claims of subjects a sentence opens with (monitor.stance_subjects)."""
    anchors = _anchors(hits, sentences, rules)
    text = sentences.select(*KEY, "text")
    pairs = smentions.join(anchors, on=KEY, how="inner")
    gap = pl.col("text").str.slice(pl.col("r_end"), (pl.col("a_start") - pl.col("r_end")).clip(0))
    before = (
        through_asides(pairs, text, gap, hits, rules)
        .join(host_mentions(pairs, text, rules), on=[*KEY, "mid", "a_start"], how="anti")
        .filter(pl.col("r_end") <= pl.col("a_start"))
        .filter(pl.col("a_start") == pl.col("a_start").min().over("mid"))
        .join(text, on=KEY, how="left")
    )
    surface = pl.col("text").str.slice(pl.col("r_start"), pl.col("r_end") - pl.col("r_start"))
    demonym = (pl.col("actor_kind") == "state") & (
        pl.col("demonym") | surface.str.contains(ADJECTIVE_DEMONYM)
    )
    nouns = rule_alternatives(rules, "subject_nouns")
    adjective = (
        demonym
        & pl.col("text").str.slice(pl.col("r_end"), 2).str.contains(r"^\s[a-z]")
        & ~(gap.str.contains(r"^(\s+[a-z]+){1,2}\s*$") & ~gap.str.contains(r"\b(and|or)\b"))
        & ~gap.str.contains(rf"^\s+({nouns})\b")
    )
    attached = before.filter(
        ~pl.col("a_pronoun") & ~pl.col("a_after") & ~gap.str.contains(r"[\"“”]") & ~adjective
    )
    first_pronoun = anchors.filter(pl.col("a_pronoun")).group_by(KEY).agg(p_start=pl.col("a_start").min())
    attached = (
        attached.join(first_pronoun, on=KEY, how="left")
        .filter(pl.col("p_start").is_null() | (pl.col("a_start") < pl.col("p_start")))
        .filter(pl.col("a_start") == pl.col("a_start").min().over(KEY))
    )
    chunk = _subject_chunk(attached, rules)
    named = _as_sources(chunk, "speech_verb_subject", "institution_state")

    window = int(rules.get("inverted_speaker_window", 40))
    after_chars = str(rules.get("inverted_after_chars", ',"”'))
    lead = pl.col("text").str.slice(0, pl.col("a_start")).str.strip_chars_end().str.slice(-1)
    follows = (
        pairs.join(named.select(KEY).unique(), on=KEY, how="anti")
        .filter(
            (pl.col("r_start") >= pl.col("a_end"))
            & (pl.col("r_start") <= pl.col("a_end") + window)
            & (pl.col("a_after") | (~pl.col("a_pronoun") & pl.col("actor_kind").is_in(SPEAKER_KINDS)))
        )
        .join(text, on=KEY, how="left")
        .filter(pl.col("a_after") | lead.is_in(list(after_chars)))
        .filter(pl.col("a_start") == pl.col("a_start").min().over(KEY))
        .filter(pl.col("r_start") == pl.col("r_start").min().over(KEY))
        .with_columns(is_source=pl.lit(True))
    )
    inverted = _as_sources(follows, "speech_verb_inverted", "speech_verb_inverted")
    own = pl.concat([named, inverted])
    definite, described = definite_antecedents(sentences, smentions, hits, own, rules)
    titled = definite.filter(pl.col("titled")).with_columns(source_rank=pl.lit(0, pl.Int64))
    officials = named_officials(sentences, smentions, anchors, own, rules)
    titled = pl.concat([titled, officials.with_columns(titled=pl.lit(True))], how="diagonal_relaxed")
    carried = carry_over(
        sentences, smentions, anchors, pl.concat([own, titled], how="diagonal_relaxed"), rules
    )
    own = pl.concat([own, officials])
    carried = pl.concat([carried.join(described, on=KEY, how="anti"), definite], how="diagonal_relaxed")
    carried = quote_run_speakers(sentences, own, carried, rules)
    # "..., accusing the bloc of": a participle after a comma belongs to the main subject, not to the
    # actor before the comma (that actor stays a target).
    participle = gap.str.contains(",") & pl.col("text").str.slice(pl.col("a_start"), 24).str.contains(
        f"^{PARTICIPLE}"
    )
    speaking = before.filter(
        ~pl.col("a_pronoun")
        & (pl.col("a_start") - pl.col("r_end") <= 2)
        & ~gap.str.contains(r"[\"“”]")
        & ~participle
    )
    subject_ids = (
        pl.concat(
            [
                chunk.select(
                    *KEY, "mid", "co_subject", "a_start", joint=pl.col("joint") & pl.col("co_subject")
                ),
                follows.select(*KEY, "mid", co_subject=pl.lit(False), a_start="a_start", joint=pl.lit(False)),
                speaking.select(
                    *KEY, "mid", co_subject=pl.lit(False), a_start="a_start", joint=pl.lit(False)
                ),
            ]
        )
        .group_by(*KEY, "mid")
        .agg(pl.col("co_subject").any(), pl.col("joint").any(), pl.col("a_start").min())
    )
    sources = pl.concat([own, carried.select(own.columns)]).drop("source_rank")
    subjects, subject_mids, claims = sentence_subjects(sentences, smentions, sources, rules)
    sources = pl.concat([sources, subjects])
    # a statement's issuers first: "It also denounced ..." may follow "The statement also criticised ..."
    sources = pl.concat([sources, statement_subjects(sentences, sources, rules)])
    sources = pl.concat([sources, it_subjects(sentences, smentions, sources, rules)])
    subject_ids = pl.concat([subject_ids, subject_mids], how="diagonal_relaxed")
    holders = possessive_holders(sentences, smentions, hits, sources, rules)
    sources = pl.concat([sources, holders.drop("mid")])
    subject_ids = pl.concat(
        [
            subject_ids,
            holders.select(
                *KEY, "mid", co_subject=pl.lit(False), joint=pl.lit(False), a_start=pl.lit(None, pl.Int64)
            ),
        ],
        how="diagonal_relaxed",
    ).with_columns(pl.col("described").fill_null(False))
    joint = pl.concat(
        [
            subject_ids.filter(pl.col("joint"))
            .join(smentions.select(*KEY, "mid", "country"), on=[*KEY, "mid"])
            .select(*KEY, "country", "a_start"),
            carried.filter(pl.col("a_start").is_not_null()).select(
                *KEY, country="source_actor", a_start="a_start"
            ),
        ]
    ).unique()
    claims = pl.concat([claims, acting_claims(chunk, hits)], how="vertical_relaxed").unique(
        [*KEY, "country", "a_start"]
    )
    return sources, subject_ids, joint, claims
