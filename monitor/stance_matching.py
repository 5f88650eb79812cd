"""Stance phrase tables from seeds/ and their whole-word matches in sentences (Aho-Corasick)."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import yaml

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CUES_PATH = SEEDS / "stance_cues.csv"
RULES_PATH = SEEDS / "stance_rules.yaml"
# In a cue, stands for a few words ("voiced ... concern" matches "voiced serious concern").
GAP = "..."

ROLE_KEYS = {
    "is_verb": "speech_verbs",
    "is_pronoun": "pronoun_speech",
    "is_speaker_after": "speaker_after",
    "is_negator": "negators",
    "is_self_ref": "self_reference",
    "is_forward_only": "forward_only",
    "is_document": "non_target_followers",
    "is_place_prep": "location_prepositions",
    "is_pair_ref": "pair_references",
    "is_inst_pronoun": "institution_speech",
    "is_clause_break": "clause_breaks",
    "is_charge_marker": "charge_markers",
    "is_strain": "relation_strain_words",
    "is_inert": "inert_phrases",
    "is_party_opening": "named_party_openings",
    "is_topic": "topic_openings",
    "is_relation_ender": "relation_enders",
}

PHRASE_SCHEMA = {
    "phrase": pl.String,
    "cue": pl.String,
    "cue_class": pl.String,
    "polarity": pl.Float64,
    "scope": pl.String,
    "is_cue": pl.Boolean,
    "is_verb": pl.Boolean,
    **{role: pl.Boolean for role in ROLE_KEYS if role != "is_verb"},
}


def load_cues(path: Path | str = CUES_PATH) -> pl.DataFrame:
    """The curated cue table: cue, cue_class, polarity, verb, notes. A cue listed twice would count each of
    its hits twice, so it is refused with the rows to merge."""
    cues = pl.read_csv(
        path,
        schema_overrides={
            "cue": pl.String,
            "cue_class": pl.String,
            "polarity": pl.Float64,
            "verb": pl.Boolean,
        },
    )
    key = pl.col("cue").str.strip_chars().str.to_lowercase()
    twice = cues.with_row_index("line", offset=2).filter(key.is_duplicated())
    if twice.height:
        rows = ", ".join(f"line {line}: {cue!r}" for line, cue in twice.select("line", "cue").iter_rows())
        raise ValueError(f"{path}: cues listed more than once ({rows}); keep one row per cue")
    return cues


def rule_alternatives(rules: dict, key: str) -> str:
    """The words of a rules list as one regex alternation (literal, escaped); one that never matches when
    the list is empty or absent."""
    return "|".join(re.escape(str(word)) for word in rules.get(key, [])) or "$^"


def subject_non_verbs(rules: dict) -> list[str]:
    """not_a_verb less the speech verbs: after a group or pair opening a sentence "said" is its verb (after a
    named subject not_a_verb keeps "said" for the speech rules)."""
    speech = {str(word) for word in rules.get("speech_verbs", [])}
    return [str(word) for word in rules.get("not_a_verb", []) if str(word) not in speech]


def load_rules(path: Path | str = RULES_PATH) -> dict:
    """Phrase classes and windows (speech verbs, negators, scopes) a curator edits. YAML reads a bare On, Off,
    Yes or No in a list as a boolean, so a word list holding one is refused rather than never matched."""
    rules = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    booleans = [
        key
        for key, value in rules.items()
        if isinstance(value, list) and any(v is True or v is False for v in value)
    ]
    if booleans:
        raise ValueError(
            f"{path}: quote the words On/Off/Yes/No in {', '.join(booleans)} (YAML reads them as booleans)"
        )
    return rules


# A letter outside ASCII stays part of its word ("Noël" is no "no", "Erdoğan" no "an").
FOREIGN_LETTER = r"[\p{L}&&[^A-Za-z]]"


QUOTE = '"'


def quote_marked(expr: pl.Expr) -> pl.Expr:
    """Lower-case ASCII with other letters an "x", quote marks a '"' and every other character a space,
    padded: same length + 2, so that byte offsets equal character offsets and ' cue ' patterns only hit whole
    words. Quote marks stay so a gapped cue can read through them ('expressed "great concern"') while other
    punctuation still ends its gap. A quote mark is any double quote, or a single one not inside a word
    ("Zelensky's" keeps its apostrophe)."""
    # a space stays a space: leaving it out of the class spares most of the replacements
    marked = (
        expr.str.replace_all(r"[\"“”„«»]", QUOTE, literal=False)
        .str.replace_all(r"(^|[^\p{L}])['‘’]", f"${{1}}{QUOTE}")
        .str.replace_all(r"['‘’]([^\p{L}]|$)", f"{QUOTE}${{1}}")
    )
    ascii_only = marked.str.replace_all(FOREIGN_LETTER, "x").str.replace_all(r'[^A-Za-z0-9 "]', " ")
    return pl.lit(" ") + ascii_only.str.to_lowercase() + pl.lit(" ")


def unquoted(marked: pl.Expr) -> pl.Expr:
    """quote_marked text with its quote marks spaces too: what plain cues are matched in."""
    return marked.str.replace_all(QUOTE, " ", literal=True)


def _norm_phrase(expr: pl.Expr) -> pl.Expr:
    """Normalised like the text; a gapped cue keeps its GAP marker between the normalised parts."""
    part = pl.element().str.replace_all(r"[^A-Za-z0-9]+", " ").str.strip_chars().str.to_lowercase()
    return expr.str.split(GAP).list.eval(part).list.join(f" {GAP} ").str.strip_chars()


def phrase_table(cues: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """One row per distinct normalised phrase with its roles (cue, speech verb, negator, ...)."""
    scopes = pl.DataFrame(
        {"cue_class": list(rules["class_scope"]), "scope": list(rules["class_scope"].values())}
    )
    cue_rows = (
        cues.select(
            phrase=_norm_phrase(pl.col("cue")),
            cue=pl.col("cue"),
            cue_class=pl.col("cue_class"),
            polarity=pl.col("polarity").clip(-1.0, 1.0),
            is_verb=pl.col("verb").fill_null(False),
        )
        .join(scopes, on="cue_class", how="left")
        .with_columns(scope=pl.col("scope").fill_null("stance"), is_cue=pl.lit(True))
        .unique("phrase", keep="first", maintain_order=True)
    )
    role_lists = {role: rules.get(key, []) for role, key in ROLE_KEYS.items()}
    # a topic named ("the norms of international relations") holds a cue word without being the cue
    role_lists["is_inert"] = [*role_lists["is_inert"], *rules.get("inert_topic_phrases", [])]
    roles = pl.concat(
        [
            pl.DataFrame(
                {"phrase": [str(p) for p in phrases], "role": role},
                schema={"phrase": pl.String, "role": pl.String},
            )
            for role, phrases in role_lists.items()
        ]
    ).with_columns(phrase=_norm_phrase(pl.col("phrase")), flag=pl.lit(True))
    role_wide = roles.unique(["phrase", "role"]).pivot("role", index="phrase", values="flag")
    for role in role_lists:
        if role not in role_wide.columns:
            role_wide = role_wide.with_columns(pl.lit(None, pl.Boolean).alias(role))
    table = cue_rows.join(role_wide, on="phrase", how="full", coalesce=True, suffix="_role")
    return (
        table.select(
            pl.col("phrase"),
            pl.col("cue"),
            pl.col("cue_class"),
            pl.col("polarity"),
            pl.col("scope"),
            pl.col("is_cue").fill_null(False),
            (pl.col("is_verb").fill_null(False) | pl.col("is_verb_role").fill_null(False)).alias("is_verb"),
            *[pl.col(role).fill_null(False) for role in ROLE_KEYS if role != "is_verb"],
        )
        .filter(pl.col("phrase") != "")
        .cast(PHRASE_SCHEMA)
    )


HIT_SCHEMA = {"article_id": pl.String, "sentence_no": pl.Int64, "sid": pl.Int64, "phrase": pl.String}


def _no_hits() -> pl.DataFrame:
    return pl.DataFrame(schema={**HIT_SCHEMA, "m_start": pl.Int64, "m_end": pl.Int64})


def _gapped_pattern(phrase: str, gap_words: int) -> str:
    """The regular expression of a gapped cue over `quote_marked` text: its words and the gap's words
    apart by one space with quote marks either side ('expressed "great concern"')."""
    sep = f"{QUOTE}* {QUOTE}*"
    parts = [sep.join(re.escape(w) for w in p.split()) for p in phrase.split(GAP)]
    return f" {QUOTE}*" + f"(?:{sep}[a-z0-9]+){{0,{gap_words}}}{sep}".join(parts) + f"{QUOTE}* "


def _gapped_hits(norm: pl.DataFrame, phrases: pl.DataFrame, gap_words: int) -> pl.DataFrame:
    """First match per sentence of each gapped cue, the gap a few words with no punctuation but quote
    marks between them (normalised punctuation leaves two spaces; `qnorm` keeps quotes) and no negator
    ("expressed no concern" is no "expressed ... concern": the plain cue and its negation read it)."""
    gapped = phrases.filter(pl.col("phrase").str.contains(GAP, literal=True))["phrase"].to_list()
    negators = phrases.filter(pl.col("is_negator"))["phrase"].to_list()
    blocked = "|".join(re.escape(n) for n in negators) or "$^"
    # A match holds its first words as a literal: one Aho-Corasick pass finds the sentences each
    # pattern can match, so the regular expressions run on those only, not on every sentence.
    heads = [f" {phrase.split(GAP)[0].strip()} " for phrase in gapped]
    if not heads:
        return _no_hits()
    by_head = (
        norm.with_columns(head=pl.col("norm").str.extract_many(sorted(set(heads)), overlapping=True))
        .explode("head")
        .drop_nulls("head")
        .unique(["sid", "head"])
        .sort("sid")
        .partition_by("head", as_dict=True, include_key=False)
    )
    frames = []
    for phrase, head in zip(gapped, heads, strict=True):
        pattern = _gapped_pattern(phrase, gap_words)
        frames.append(
            by_head.get((head,), norm.clear())
            .filter(pl.col("qnorm").str.contains(pattern))
            .select(
                "article_id",
                "sentence_no",
                "sid",
                phrase=pl.lit(phrase),
                m_start=pl.col("qnorm").str.find(pattern).cast(pl.Int64),
                matched=pl.col("qnorm").str.extract(f"({pattern})"),
            )
            .filter(
                ~pl.col("matched").str.replace_all(QUOTE, " ", literal=True).str.contains(f" ({blocked}) ")
            )
            .select(
                "article_id",
                "sentence_no",
                "sid",
                "phrase",
                "m_start",
                m_end=pl.col("m_start") + pl.col("matched").str.len_bytes().cast(pl.Int64) - 2,
            )
        )
    return pl.concat([_no_hits(), *(f.cast(HIT_SCHEMA) for f in frames)], how="vertical_relaxed")


def match_phrases(sentences: pl.DataFrame, phrases: pl.DataFrame, gap_words: int = 3) -> pl.DataFrame:
    """Whole-word phrase hits per sentence, offsets relative to the sentence start; a hit inside a
    longer hit is dropped ('not' inside 'will not hesitate', 'sanctions' inside 'impose sanctions')."""
    plain = phrases.filter(~pl.col("phrase").str.contains(GAP, literal=True))
    patterns = (" " + plain["phrase"] + " ").to_list()
    if "sid" not in sentences.columns:
        sentences = sentences.with_columns(sid=pl.int_range(pl.len()))
    norm = sentences.select(
        "article_id", "sentence_no", "sid", qnorm=quote_marked(pl.col("text"))
    ).with_columns(norm=unquoted(pl.col("qnorm")))
    found = (
        norm.select(
            "article_id",
            "sentence_no",
            "sid",
            phrase=pl.col("norm").str.extract_many(patterns, overlapping=True),
            m_start=pl.col("norm").str.find_many(patterns, overlapping=True),
        )
        .explode("phrase", "m_start")
        .drop_nulls("phrase")
        .with_columns(phrase=pl.col("phrase").str.strip_chars(), m_start=pl.col("m_start").cast(pl.Int64))
        .with_columns(m_end=pl.col("m_start") + pl.col("phrase").str.len_bytes().cast(pl.Int64))
    )
    hits = pl.concat(
        [found.cast({"sid": pl.Int64, "sentence_no": pl.Int64}), _gapped_hits(norm, phrases, gap_words)],
        how="vertical_relaxed",
    ).sort(
        "sid",
        "m_start",
        "m_end",
        pl.col("phrase").str.contains("...", literal=True),
        "phrase",
        descending=[False, False, True, False, False],
    )
    # The furthest end of the sentence's earlier hits, as one running maximum over the sorted rows (a
    # window per sentence costs ten times more): sid * span + m_end grows from sentence to sentence.
    span = (hits["m_end"].max() or 0) + 1
    offset = pl.col("sid") * span
    running = (offset + pl.col("m_end")).cum_max().shift(1) - offset
    covered = pl.when(pl.col("sid").shift(1) == pl.col("sid")).then(running)
    return hits.filter(covered.is_null() | (pl.col("m_end") > covered)).join(phrases, on="phrase", how="left")
