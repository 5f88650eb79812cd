"""Speakers carried over from earlier sentences: quotes that continue without a speaker, "he said" /
"both leaders" sentences and a bare surname the dictionary does not know ("Lin said", after
"spokesperson Lin Jian said") take the last named speaker of the article; "the ministry said" takes
the last speaking state or institution; "The three countries signed" the states listed before
(monitor.stance_group_subjects)."""

from __future__ import annotations

import polars as pl

from monitor.stance_group_subjects import group_subjects
from monitor.stance_keys import KEY, SPEAKER_KINDS
from monitor.stance_matching import rule_alternatives
from monitor.stance_named_officials import first_verbs
from monitor.stance_runs import carried_in, fill_in, shift_in

ARTICLE = "article_id"  # the rows of an article are contiguous: extract_statements sorts them


def carry_over(
    sentences: pl.DataFrame, smentions: pl.DataFrame, anchors: pl.DataFrame, own: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Quoted sentences without a speaker and "he said" sentences take the last named speaker
    (for "he said", else the last person named), as long as the chain since then is unbroken."""
    # a titled official named by a definite description ("HE the Prime Minister thanked") is a person too
    first_own = (
        own.sort(*KEY, "source_rank")
        .unique(KEY, keep="first", maintain_order=True)
        .with_columns(titled=pl.col("titled").fill_null(False) if "titled" in own.columns else pl.lit(False))
    )
    # so is an official of unknown name the sentence titles before its first verb ("Rwanda's foreign minister,
    # Olivier Nduhungirehe, thanked President Donald Trump"): a "he" after it is that official, not Trump
    titles = rule_alternatives(rules, "speaker_titles")
    titled_subject = (
        sentences.select(*KEY, "text")
        .join(first_verbs(anchors), on=KEY)
        .filter(pl.col("text").str.slice(0, pl.col("a0")).str.contains(rf"\b(?i:{titles})\b"))
        .select(*KEY, titled_subject=pl.lit(True))
    )
    first_own = first_own.join(titled_subject, on=KEY, how="left").with_columns(
        titled=pl.col("titled") | pl.col("titled_subject").fill_null(False)
    )
    last_person = _last_named(sentences, smentions)
    frame = (
        sentences.select(
            *KEY, "article_id", "sentence_no", starts_quote=pl.col("text").str.contains(r"^\s*[\"“‘']")
        )
        .join(
            anchors.group_by(KEY).agg(
                anchor_pronoun=pl.col("a_pronoun").any(),
                anchor_inst=pl.col("a_inst").any(),
                anchor_pair=pl.col("a_pair").any(),
                pair_start=pl.col("a_start").filter(pl.col("a_pair")).min(),
            ),
            on=KEY,
            how="left",
        )
        .join(first_own.select(*KEY, "source_actor", "source_speaker", "titled"), on=KEY, how="left")
        .join(last_person, on=KEY, how="left")
        .join(_bare_surnames(sentences, anchors, rules), on=KEY, how="left")
        .sort("sid")
        .with_columns(
            pronoun=(
                pl.col("anchor_pronoun").fill_null(False)
                | pl.col("bare_surname").fill_null(False)
                | pl.col("untitled").fill_null(False)
            )
            & pl.col("source_actor").is_null(),
            quote=pl.col("starts_quote")
            & pl.col("source_actor").is_null()
            & ~pl.col("anchor_pronoun").fill_null(False),
        )
    )
    speech = pl.col("source_actor").is_not_null() | pl.col("pronoun") | pl.col("quote")
    frame = frame.with_columns(
        prev_actor=carried_in(pl.col("source_actor"), ARTICLE),
        prev_speaker=carried_in(pl.col("source_speaker"), ARTICLE),
        prev_person_actor=carried_in(
            pl.when(pl.col("source_speaker").is_not_null() | pl.col("titled").fill_null(False))
            .then(pl.col("source_actor"))
            .otherwise(pl.col("named_actor")),
            ARTICLE,
        ),
        prev_person=carried_in(pl.coalesce("source_speaker", "named_person"), ARTICLE),
        prev_named_actor=carried_in(pl.col("named_actor"), ARTICLE),
        prev_named=carried_in(pl.col("named_person"), ARTICLE),
        prev_pair_actor=carried_in(
            pl.when(pl.col("named_person").is_not_null()).then(pl.col("other_actor").fill_null("")), ARTICLE
        ),
        prev_pair=carried_in(
            pl.when(pl.col("named_person").is_not_null()).then(pl.col("other_person").fill_null("")), ARTICLE
        ),
        prev_speech_no=carried_in(
            pl.when(speech | pl.col("named_person").is_not_null()).then(pl.col("sentence_no")), ARTICLE
        ),
    )
    gap = pl.col("sentence_no") - pl.col("prev_speech_no")
    quote_n = int(rules.get("quote_carryover_sentences", 2))
    pronoun_n = int(rules.get("pronoun_carryover_sentences", 3))
    # An official of unknown name and state ("Defence Minister X accused", "Wronski said" with no
    # person named before) speaks for the state that spoke last, like "the ministry said"; a "he"
    # after it is that official, not a person named in the official's sentence.
    unknown_official = pl.col("untitled").fill_null(False) | pl.col("bare_surname").fill_null(False)
    official = pl.col("untitled").fill_null(False) | (
        pl.col("bare_surname").fill_null(False) & pl.col("prev_person").is_null()
    )
    institutional = (pl.col("anchor_inst").fill_null(False) | official) & pl.col("prev_actor").is_not_null()
    frame = frame.with_columns(
        prev_person_actor=carried_in(
            pl.when(pl.col("source_speaker").is_not_null() | pl.col("titled").fill_null(False))
            .then(pl.col("source_actor"))
            .when(unknown_official & pl.col("source_actor").is_not_null())
            .then(pl.col("source_actor"))
            .when(pl.col("pronoun") & official)
            .then(pl.col("prev_actor"))
            .otherwise(pl.col("named_actor")),
            ARTICLE,
        )
    )
    pron = frame.filter(
        pl.col("pronoun")
        & ~pl.col("anchor_pair")
        & (pl.col("prev_person_actor").is_not_null() | institutional)
        & (gap <= pronoun_n)
    ).select(
        *KEY,
        source_actor=pl.when(institutional).then("prev_actor").otherwise("prev_person_actor"),
        source_speaker=pl.when(institutional).then("prev_speaker").otherwise("prev_person"),
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
    carried = pl.concat([pron, pair, quoted], how="diagonal").unique(
        [*KEY, "source_actor"], keep="first", maintain_order=True
    )
    spoken = pl.concat([own.select(KEY), carried.select(KEY)])
    return pl.concat([carried, group_subjects(sentences, smentions, spoken, rules)], how="diagonal_relaxed")


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
    changed = pl.col("actor_id") != shift_in(pl.col("actor_id"), ARTICLE)
    named = named.with_columns(
        other_person=fill_in(
            pl.when(pl.col("is_person") & changed).then(shift_in(pl.col("actor_id"), ARTICLE)), ARTICLE
        ),
        other_actor=fill_in(
            pl.when(pl.col("is_person") & changed).then(shift_in(pl.col("country"), ARTICLE)), ARTICLE
        ),
    )
    return named.group_by(KEY).agg(
        named_actor=pl.col("country").last(),
        named_person=pl.col("actor_id").last(),
        other_actor=pl.col("other_actor").last(),
        other_person=pl.col("other_person").last(),
    )


def _bare_surnames(sentences: pl.DataFrame, anchors: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """Sentences whose first verb follows a lone capitalised name, at the start or after a quote or
    comma ("Lin urged", '"...," Erdoğan said'), that a recent sentence wrote next to another name
    ("Lin Jian", "Recep Tayyip Erdoğan"): an official the dictionary does not know, read like "he".
    `untitled`: the verb follows a title without a state and an unknown name ("Defence Minister
    Wladyslaw Kosiniak-Kamysz accused"): a news text names the state of such an official before."""
    lookback = int(rules.get("pronoun_carryover_sentences", 3))
    first = first_verbs(anchors)
    name = r"\p{Lu}\p{Ll}+"
    rows = sentences.select(*KEY, "article_id", "text").with_row_index("row")
    frame = (
        rows.join(first, on=KEY, how="inner")
        .with_columns(lead=pl.col("text").str.slice(0, pl.col("a0")))
        .with_columns(bare=pl.col("lead").str.extract(rf"(?:^|[,\"“”]\s*)({name})\s+$"))
    )
    titles = rule_alternatives(rules, "speaker_titles")
    # Capitalised words may come before the title ("External Affairs Ministry spokesperson"), but no
    # demonym ("Cambodian Defence Minister" names a state the dictionary missed, not the last one).
    untitled = (
        rf"(?:^|[,\"“”]\s*)(?:The\s+)?((?:\p{{Lu}}\p{{L}}*\s+){{0,3}})(?i:{titles})"
        rf"(?:\s+\p{{Lu}}[\p{{L}}'’.-]*){{1,4}}\s+$"
    )
    office = pl.col("lead").str.extract(untitled, 1)
    full_name = pl.concat_str(
        pl.lit(rf"({name}\s+"), pl.col("bare"), pl.lit(r"\b|\b"), pl.col("bare"), pl.lit(rf"\s+{name})")
    )
    # The sentences before, in the article's order (its rows are contiguous: extract_statements sorts
    # them), fetched only for the few sentences with a bare name.
    bare = frame.filter(pl.col("bare").is_not_null())
    for i in range(1, lookback + 1):
        before = rows.select(pl.col("row") + i, before_article="article_id", before_text="text")
        bare = (
            bare.join(before, on="row", how="left")
            .with_columns(
                pl.when(pl.col("before_article") == pl.col("article_id"))
                .then("before_text")
                .alias(f"before_{i}")
            )
            .drop("before_article", "before_text")
        )
    recent = pl.concat_str([f"before_{i}" for i in range(1, lookback + 1)], separator=" ", ignore_nulls=True)
    # polars compiles a pattern per row unless it equals the previous row's: sorted, once per name;
    # and only where the name stands in the recent text at all (a literal search)
    surnames = (
        bare.with_columns(recent=recent)
        .filter(pl.col("recent").str.contains(pl.col("bare"), literal=True))
        .sort("bare")
        .select(*KEY, bare_surname=pl.col("recent").str.contains(full_name))
    )
    return (
        frame.select(*KEY, untitled=office.is_not_null() & ~office.str.contains(r"(an|ese|ish|ch|i)\s"))
        .join(surnames, on=KEY, how="left")
        .with_columns(pl.col("bare_surname").fill_null(False))
    )
