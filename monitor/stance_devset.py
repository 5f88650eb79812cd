"""Labelled stance sentences (devset/stance/) as sentences + entity_mentions frames, and scoring.

Built by hand so the stance rules can be evaluated without the sentence splitter and the actor
dictionary; small data, so plain Python is fine here."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import polars as pl

from monitor.actors import find_mentions, load_actor_dictionary
from monitor.mentions import MENTION_SCHEMA
from monitor.sentences import split_sentences
from monitor.text_cleaning import clean_articles

DEVSET = Path(__file__).resolve().parent.parent / "devset" / "stance" / "sentences.jsonl"

SENTENCE_SCHEMA = {
    "article_id": pl.String,
    "sentence_no": pl.Int64,
    "start": pl.Int64,
    "end": pl.Int64,
    "text": pl.String,
}


def load_devset(path: Path | str = DEVSET) -> list[dict]:
    """One dict per item: id, sentences (context first, judged sentence last), actors, expected."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def build_frames(docs: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sentences joined by one space into a body; every whole-word occurrence of an actor surface
    becomes a mention. Doc: {"id", "sentences": [...], "actors": [[surface, actor_id, country, kind]]}."""
    sent_rows, mention_rows = [], []
    for doc in docs:
        offset = 0
        for no, text in enumerate(doc["sentences"]):
            sent_rows.append((doc["id"], no, offset, offset + len(text), text))
            for surface, actor_id, country, kind in doc["actors"]:
                for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                    start = offset + m.start()
                    mention_rows.append(
                        (
                            f"{doc['id']}:{start}",
                            doc["id"],
                            no,
                            start,
                            start + len(surface),
                            surface,
                            actor_id,
                            country,
                            kind,
                            None,
                            "devset",
                        )
                    )
            offset += len(text) + 1
    sentences = pl.DataFrame(sent_rows, schema=SENTENCE_SCHEMA, orient="row")
    mentions = pl.DataFrame(mention_rows, schema=MENTION_SCHEMA, orient="row").sort("article_id", "start")
    return sentences, mentions


def score(docs: list[dict], statements: pl.DataFrame) -> dict:
    """Recall of expected (source, target, sign) among the statements of each judged (last) sentence
    (a speaker's statement first, else a mutual fact), sign accuracy on the found ones, and speaker
    statements nobody expected."""
    last = pl.DataFrame(
        {"article_id": [d["id"] for d in docs], "sentence_no": [len(d["sentences"]) - 1 for d in docs]},
        schema={"article_id": pl.String, "sentence_no": pl.Int64},
    )
    judged = statements.join(last, on=["article_id", "sentence_no"]).sort("mutual")
    found = judged.unique(["article_id", "source_actor", "target_actor"], keep="first", maintain_order=True)
    expected = pl.DataFrame(
        [(d["id"], s, t, int(sign)) for d in docs for s, t, sign in d["expected"]],
        schema={
            "article_id": pl.String,
            "source_actor": pl.String,
            "target_actor": pl.String,
            "sign": pl.Int64,
        },
        orient="row",
    )
    keys = ["article_id", "source_actor", "target_actor"]
    matched = expected.join(found, on=keys, how="left")
    hit = matched.filter(pl.col("polarity").is_not_null())
    correct = hit.filter(pl.col("polarity").sign().cast(pl.Int64) == pl.col("sign"))
    extra = found.filter(~pl.col("mutual")).join(expected, on=keys, how="anti")
    return {
        "expected": expected.height,
        "found": hit.height,
        "sign_correct": correct.height,
        "recall": hit.height / max(expected.height, 1),
        "sign_accuracy": correct.height / max(hit.height, 1),
        "unexpected": extra.height,
        "misses": matched.filter(pl.col("polarity").is_null()).select(*keys, "sign"),
        "wrong_sign": hit.filter(pl.col("polarity").sign().cast(pl.Int64) != pl.col("sign")).select(
            keys, "sign", "polarity", "cue"
        ),
        "extra": extra.select(*keys, "polarity", "cue", "rule"),
    }


def page_frames(paths: list[Path], published_on: date) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sentences and mentions of whole article files through the pipeline's own cleaning, sentence
    splitting and actor matching (article_id: the file's stem)."""
    raw = pl.DataFrame(
        {
            "article_id": [path.stem for path in paths],
            "text": [path.read_text(encoding="utf-8") for path in paths],
            "title": [None] * len(paths),
            "site": [None] * len(paths),
        },
        schema={"article_id": pl.String, "text": pl.String, "title": pl.String, "site": pl.String},
    )
    articles = clean_articles(raw).with_columns(published_on=pl.lit(published_on))
    sentences = split_sentences(articles.select("article_id", "body"))
    mentions = find_mentions(articles.select("article_id", "body", "published_on"), load_actor_dictionary())
    return sentences, mentions
