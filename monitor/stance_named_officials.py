"""Officials the dictionary does not know, named again by one of their names: "Honduran Foreign Minister
Eduardo Enrique Reina" introduces Reina as Honduras's, so a later "Reina said" speaks for Honduras ("Chinese
... Foreign Minister Qin Gang": "Qin said" for China), and a "he said" after it carries Honduras, not the
state of the last speaker the dictionary knew."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives

NAME = r"\p{Lu}[\p{L}'’-]+"


def introductions(sentences: pl.DataFrame, smentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[article_id, sentence_no, name, country]: each word of a name of two to four words written right after
    a state (demonym or possessive) and a title ("Mauritian counterpart Pravind Jugnauth"); a word that
    two states introduce is left out."""
    titles = "|".join(
        alt
        for alt in (
            rule_alternatives(rules, "speaker_titles"),
            rule_alternatives(rules, "introduction_titles"),
        )
    )
    after = pl.col("text").str.slice(pl.col("r_end"))
    named = rf"^(?:['’]s)?[\p{{L}}\s-]{{0,40}}?\b(?i:{titles})\s+({NAME}(?:\s+{NAME}){{1,3}})\b"
    return (
        smentions.filter(pl.col("actor_kind") == "state")
        .join(sentences.select(*KEY, "article_id", "sentence_no", "text"), on=KEY)
        .with_columns(name=after.str.extract(named, 1).str.split(" "))
        .filter(pl.col("name").is_not_null())
        .explode("name")
        .filter(pl.col("name").str.len_chars() >= 3)
        .group_by("article_id", "name")
        .agg(pl.col("sentence_no").min(), pl.col("country").unique())
        .filter(pl.col("country").list.len() == 1)
        .select("article_id", "sentence_no", "name", country=pl.col("country").list.first())
    )


def first_verbs(anchors: pl.DataFrame) -> pl.DataFrame:
    """[sid, a0]: where each sentence's first verb anchor with its speaker before it begins; the text before
    it is where the sentence names its speaker."""
    return (
        anchors.filter(~pl.col("a_pronoun") & ~pl.col("a_after"))
        .group_by(KEY)
        .agg(a0=pl.col("a_start").min())
    )


def named_officials(
    sentences: pl.DataFrame, smentions: pl.DataFrame, anchors: pl.DataFrame, own: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """Sources [sid, source_actor, source_speaker, source_rank, rule] of sentences with no speaker of their
    own whose first verb follows a lone name an earlier sentence introduced ("Reina said", '"...," Napat
    said', "Mr Jugnauth said", "Phumtham also thanked")."""
    first = first_verbs(anchors)
    honorific = r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
    adverb = r"(?:(?:also|then|later)\s+)?"
    lead = pl.col("text").str.slice(0, pl.col("a0"))
    return (
        sentences.select(*KEY, "article_id", "sentence_no", "text")
        .join(own.select(KEY).unique(), on=KEY, how="anti")
        .join(first, on=KEY)
        .with_columns(name=lead.str.extract(rf"(?:^|[,\"“”]\s*){honorific}({NAME})\s+{adverb}$", 1))
        .filter(pl.col("name").is_not_null())
        .join(introductions(sentences, smentions, rules), on=["article_id", "name"], suffix="_intro")
        .filter(pl.col("sentence_no_intro") < pl.col("sentence_no"))
        .select(
            *KEY,
            source_actor="country",
            source_speaker=pl.lit(None, pl.String),
            source_rank=pl.col("a0").cast(pl.Int64),
            rule=pl.lit("named_official"),
        )
    )
