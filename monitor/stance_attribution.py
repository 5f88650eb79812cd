"""Who speaks in a sentence: the subject of a speech verb, a speaker named after it, or the speaker
carried over from earlier sentences (quotes that continue, "he said")."""

from __future__ import annotations

import polars as pl

SPEAKER_KINDS = ("person", "institution")
KEY = ["sid"]  # integer sentence id given by extract_statements: fast joins and windows
PAIR_PRONOUN = r"^(both|the two)\b"
# Between the last subject and its verb only adverbs, auxiliaries and a time phrase ("on Monday"):
# no punctuation, a few words, none capitalised but a weekday.
VERB_GAP = r"^(['’]s(\s+[a-z]+){1,2})?(\s+([a-z]+|[A-Z][a-z]+day)){0,4}\s*$"
# A demonym used as an adjective of a common noun ("Ukrainian security") is no actor that acts.
ADJECTIVE_DEMONYM = r"(ian|ean|ese|ish|ch)$"


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


def _anchors(hits: pl.DataFrame) -> pl.DataFrame:
    """Speech verbs, verb cues, pronoun + verb and 'according to' phrases of each sentence."""
    return hits.filter(pl.col("is_verb") | pl.col("is_pronoun") | pl.col("is_speaker_after")).select(
        *KEY,
        a_start="m_start",
        a_end="m_end",
        a_pronoun="is_pronoun",
        a_after="is_speaker_after",
        a_pair=pl.col("is_pronoun") & pl.col("phrase").str.contains(PAIR_PRONOUN),
    )


def _subject_chunk(cands: pl.DataFrame) -> pl.DataFrame:
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
    next_mention = pl.col("r_start").shift(-1).over(KEY)
    between = pl.col("text").str.slice(
        pl.col("r_end"), (pl.coalesce("next_mention", "a_start") - pl.col("r_end")).clip(0)
    )
    list_gap = r"^[\s,;]*(and|or|as well as)?\s*(the)?[\s,;]*$"

    def tail(flag: str) -> pl.Expr:
        """True where the flag holds here and for every later candidate of the sentence."""
        return (~pl.col(flag)).cast(pl.Int32).cum_sum(reverse=True).over(KEY) == 0

    def first(cond: pl.Expr) -> pl.Expr:
        return pl.when(cond).then(pl.col("r_start")).min().over(KEY)

    marked = (
        cands.sort(*KEY, "r_start")
        .with_columns(next_mention=next_mention)
        .with_columns(between=between)
        .with_columns(
            no_break=~pl.col("between").str.contains(r"[,;:\"“”]"),
            sep_ok=pl.when(pl.col("next_mention").is_null())
            .then(pl.col("between").str.contains(VERB_GAP))
            .otherwise(pl.col("between").str.contains(list_gap)),
            prev_speaker_end=pl.when(speaker).then(pl.col("r_end")).shift(1).forward_fill().over(KEY),
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
    unjoined = (speaker & ~pl.col("joined") & after_lead).cast(pl.Int32).cum_sum().over(KEY)
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
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sources per sentence [sid, source_actor, source_speaker, rule], joint subjects [sid, country,
    a_start] (two or more states named as the subject of the verb at a_start, or "both leaders"), and the
    mention ids that speak (never targets; co_subject marks states listed together as the subject,
    "Australia and the Philippines agreed", who may still be parties of a mutual fact; joint marks
    subjects of two or more states, parties of the relation cues after their verb `a_start`)."""
    anchors = _anchors(hits)
    text = sentences.select(*KEY, "text")
    pairs = smentions.join(anchors, on=KEY, how="inner")
    gap = pl.col("text").str.slice(pl.col("r_end"), (pl.col("a_start") - pl.col("r_end")).clip(0))
    before = (
        pairs.filter(pl.col("r_end") <= pl.col("a_start"))
        .filter(pl.col("a_start") == pl.col("a_start").min().over("mid"))
        .join(text, on=KEY, how="left")
    )
    surface = pl.col("text").str.slice(pl.col("r_start"), pl.col("r_end") - pl.col("r_start"))
    demonym = (pl.col("actor_kind") == "state") & (
        pl.col("demonym") | surface.str.contains(ADJECTIVE_DEMONYM)
    )
    adjective = (
        demonym
        & pl.col("text").str.slice(pl.col("r_end"), 2).str.contains(r"^\s[a-z]")
        & ~(gap.str.contains(r"^(\s+[a-z]+){1,2}\s*$") & ~gap.str.contains(r"\b(and|or)\b"))
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
    chunk = _subject_chunk(attached)
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
    carried = _carry_over(sentences, smentions, anchors, own, rules)
    speaking = before.filter(
        ~pl.col("a_pronoun") & (pl.col("a_start") - pl.col("r_end") <= 2) & ~gap.str.contains(r"[\"“”]")
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
    return sources, subject_ids, joint


def _carry_over(
    sentences: pl.DataFrame, smentions: pl.DataFrame, anchors: pl.DataFrame, own: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Quoted sentences without a speaker and "he said" sentences take the last named speaker
    (for "he said", else the last person named), as long as the chain since then is unbroken."""
    first_own = own.sort(*KEY, "source_rank").unique(KEY, keep="first", maintain_order=True)
    last_person = _last_named(sentences, smentions)
    frame = (
        sentences.select(
            *KEY, "article_id", "sentence_no", starts_quote=pl.col("text").str.contains(r"^\s*[\"“‘']")
        )
        .join(
            anchors.group_by(KEY).agg(
                anchor_pronoun=pl.col("a_pronoun").any(),
                anchor_pair=pl.col("a_pair").any(),
                pair_start=pl.col("a_start").filter(pl.col("a_pair")).min(),
            ),
            on=KEY,
            how="left",
        )
        .join(first_own.select(*KEY, "source_actor", "source_speaker"), on=KEY, how="left")
        .join(last_person, on=KEY, how="left")
        .sort("sid")
        .with_columns(
            pronoun=pl.col("anchor_pronoun").fill_null(False) & pl.col("source_actor").is_null(),
            quote=pl.col("starts_quote")
            & pl.col("source_actor").is_null()
            & ~pl.col("anchor_pronoun").fill_null(False),
        )
    )
    by_article = pl.col("article_id")
    speech = pl.col("source_actor").is_not_null() | pl.col("pronoun") | pl.col("quote")
    frame = frame.with_columns(
        prev_actor=pl.col("source_actor").shift(1).forward_fill().over(by_article),
        prev_speaker=pl.col("source_speaker").shift(1).forward_fill().over(by_article),
        prev_person_actor=pl.when(pl.col("source_speaker").is_not_null())
        .then(pl.col("source_actor"))
        .otherwise(pl.col("named_actor"))
        .shift(1)
        .forward_fill()
        .over(by_article),
        prev_person=pl.coalesce("source_speaker", "named_person").shift(1).forward_fill().over(by_article),
        prev_named_actor=pl.col("named_actor").shift(1).forward_fill().over(by_article),
        prev_named=pl.col("named_person").shift(1).forward_fill().over(by_article),
        prev_pair_actor=pl.when(pl.col("named_person").is_not_null())
        .then(pl.col("other_actor").fill_null(""))
        .shift(1)
        .forward_fill()
        .over(by_article),
        prev_pair=pl.when(pl.col("named_person").is_not_null())
        .then(pl.col("other_person").fill_null(""))
        .shift(1)
        .forward_fill()
        .over(by_article),
        prev_speech_no=pl.when(speech | pl.col("named_person").is_not_null())
        .then(pl.col("sentence_no"))
        .shift(1)
        .forward_fill()
        .over(by_article),
    )
    gap = pl.col("sentence_no") - pl.col("prev_speech_no")
    quote_n = int(rules.get("quote_carryover_sentences", 2))
    pronoun_n = int(rules.get("pronoun_carryover_sentences", 3))
    pron = frame.filter(
        pl.col("pronoun") & ~pl.col("anchor_pair") & pl.col("prev_person").is_not_null() & (gap <= pronoun_n)
    ).select(
        *KEY,
        source_actor="prev_person_actor",
        source_speaker="prev_person",
        source_rank=pl.lit(0, pl.Int64),
        rule=pl.lit("pronoun_carryover"),
    )
    pairs = frame.filter(
        pl.col("pronoun") & pl.col("anchor_pair") & (pl.col("prev_pair") != "") & (gap <= pronoun_n)
    )
    pair = pl.concat(
        [
            pairs.select(
                *KEY,
                source_actor=actor,
                source_speaker=person,
                source_rank=pl.lit(rank, pl.Int64),
                a_start="pair_start",
            )
            for rank, (actor, person) in enumerate(
                [("prev_named_actor", "prev_named"), ("prev_pair_actor", "prev_pair")]
            )
        ]
    ).with_columns(rule=pl.lit("pronoun_carryover"))
    quoted = frame.filter(pl.col("quote") & pl.col("prev_actor").is_not_null() & (gap <= quote_n)).select(
        *KEY,
        source_actor="prev_actor",
        source_speaker="prev_speaker",
        source_rank=pl.lit(0, pl.Int64),
        rule=pl.lit("quote_speaker"),
    )
    return pl.concat([pron, pair, quoted], how="diagonal").unique(
        [*KEY, "source_actor"], keep="first", maintain_order=True
    )


def _last_named(sentences: pl.DataFrame, smentions: pl.DataFrame) -> pl.DataFrame:
    """Per sentence naming a speaker: the last person named (else the last institution, for "it
    said") and the person named before that one, maybe in an earlier sentence ("both leaders")."""
    named = (
        smentions.filter(pl.col("actor_kind").is_in(SPEAKER_KINDS))
        .with_columns(is_person=pl.col("actor_kind") == "person")
        .filter(pl.col("is_person") | ~pl.col("is_person").any().over(KEY))
        .join(sentences.select(*KEY, "article_id"), on=KEY)
        .sort(*KEY, "r_start")
    )
    by_article = pl.col("article_id")
    changed = pl.col("actor_id") != pl.col("actor_id").shift(1).over(by_article)
    named = named.with_columns(
        other_person=pl.when(pl.col("is_person") & changed)
        .then(pl.col("actor_id").shift(1).over(by_article))
        .forward_fill()
        .over(by_article),
        other_actor=pl.when(pl.col("is_person") & changed)
        .then(pl.col("country").shift(1).over(by_article))
        .forward_fill()
        .over(by_article),
    )
    return named.group_by(KEY).agg(
        named_actor=pl.col("country").last(),
        named_person=pl.col("actor_id").last(),
        other_actor=pl.col("other_actor").last(),
        other_person=pl.col("other_person").last(),
    )
