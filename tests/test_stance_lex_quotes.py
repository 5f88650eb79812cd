"""Gapped cues read through quote marks inside the cue phrase ('expressed "great concern"'), while
other punctuation still ends the gap."""

from __future__ import annotations

import polars as pl

from monitor.stance_matching import load_cues, load_rules, match_phrases, phrase_table


def _cue_phrases(text: str) -> list[str]:
    sentences = pl.DataFrame({"article_id": ["a1"], "sentence_no": [0], "text": [text]})
    hits = match_phrases(sentences, phrase_table(load_cues(), load_rules()))
    return hits.filter(pl.col("is_cue"))["phrase"].to_list()


def test_a_double_quoted_object_keeps_the_gapped_cue_whole():
    text = 'Japan expressed "great concern" about the boarding of the Philippine boats.'
    assert "expressed ... concern" in _cue_phrases(text)


def test_curly_single_quotes_keep_the_gapped_cue_whole():
    text = "The ministry expressed its ‘deep concern’ over the recent activities of the border force."
    assert "expressed ... concern" in _cue_phrases(text)


def test_a_comma_inside_the_gap_still_breaks_the_gapped_cue():
    text = "Japan expressed, in a note to the embassy, concern for the crew."
    assert _cue_phrases(text) == ["concern"]
