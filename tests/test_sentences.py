"""Sentence splitting: spans into the body, abbreviations, quotes and paragraph breaks."""

from pathlib import Path

import polars as pl
import pytest

from monitor.sentences import split_sentences

ARTICLES = Path(__file__).resolve().parent.parent / "seeds" / "articles"


def _split(*bodies: str) -> pl.DataFrame:
    frame = pl.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))], "body": list(bodies)})
    return split_sentences(frame)


def _texts(body: str) -> list[str]:
    return _split(body)["text"].to_list()


def test_output_has_the_contract_columns_and_types():
    out = _split("The US voiced alarm. Russia denied it.")
    assert out.schema == pl.Schema(
        {
            "article_id": pl.String,
            "sentence_no": pl.Int32,
            "start": pl.Int64,
            "end": pl.Int64,
            "text": pl.String,
        }
    )


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_spans_slice_the_body_back_to_the_text_for_every_sample(path):
    body = path.read_text(encoding="utf-8")
    out = split_sentences(pl.DataFrame({"article_id": [path.stem], "body": [body]}))
    assert out.height > 3
    assert all(body[s:e] == t for s, e, t in out.select("start", "end", "text").iter_rows())
    assert out["sentence_no"].to_list() == list(range(out.height))


def test_spans_are_code_point_offsets_after_non_ascii_text():
    body = "김영진 환영. Pyongyang’s launch plan comes amid speculation."
    out = _split(body)
    start, end = out.row(1)[2:4]
    assert body[start:end] == "Pyongyang’s launch plan comes amid speculation."


def test_terminal_punctuation_before_a_capital_ends_a_sentence():
    assert _texts(
        "The United States voiced alarm. Miller said sanctions were possible! Why now? Nobody knew."
    ) == [
        "The United States voiced alarm.",
        "Miller said sanctions were possible!",
        "Why now?",
        "Nobody knew.",
    ]


def test_month_abbreviation_does_not_end_a_sentence():
    body = "Pyongyang plans the launch between Nov. 22 and Dec. 1, Japanese media reported."
    assert _texts(body) == [body]


def test_title_abbreviation_does_not_end_a_sentence():
    body = "Exploring the quirky world of Mr. Toilet House drew Dr. Lee to Suwon."
    assert _texts(body) == [body]


def test_dotted_acronym_inside_a_sentence_does_not_end_it():
    body = "The U.S. Department of State reiterated its concerns Monday."
    assert _texts(body) == [body]


def test_single_initial_does_not_end_a_sentence():
    body = "German envoy calls for enhanced security cooperation with S. Korea and warns N. Korea."
    assert _texts(body) == [body]


def test_dotted_acronym_before_a_sentence_opener_ends_the_sentence():
    assert _texts("Sanctions were imposed by the U.S. The Kremlin called them illegal.") == [
        "Sanctions were imposed by the U.S.",
        "The Kremlin called them illegal.",
    ]


def test_closing_quote_after_the_period_belongs_to_the_sentence():
    body = '"It\'s time for Washington to throw away its sanctions baton." Antonov posted it on Telegram.'
    assert _texts(body) == [
        '"It\'s time for Washington to throw away its sanctions baton."',
        "Antonov posted it on Telegram.",
    ]


def test_comma_inside_a_quote_followed_by_attribution_is_one_sentence():
    body = '"The USA has no right to teach us how to live," he said in comments posted on Telegram.'
    assert _texts(body) == [body]


def test_paragraph_break_always_ends_a_sentence():
    assert _texts("Russia-N Korea satellite cooperation troubling: US\n\nThe United States voiced alarm") == [
        "Russia-N Korea satellite cooperation troubling: US",
        "The United States voiced alarm",
    ]


def test_line_break_after_a_headline_ends_it():
    assert _texts(
        "US renews concerns over N. Korea\nThe US Department of State reiterated its concerns."
    ) == [
        "US renews concerns over N. Korea",
        "The US Department of State reiterated its concerns.",
    ]


def test_hard_wrapped_line_inside_a_sentence_is_not_a_boundary():
    body = "The cooperation is quite troubling and would\npotentially be in violation of resolutions."
    assert _texts(body) == [body]


def test_decimal_numbers_do_not_split():
    body = "Exports grew 3.5 percent in the quarter."
    assert _texts(body) == [body]


def test_sentence_numbers_restart_for_each_article():
    out = _split("One. Two.", "Three. Four. Five.")
    assert out.filter(pl.col("article_id") == "a1")["sentence_no"].to_list() == [0, 1, 2]


def test_empty_and_null_bodies_yield_no_sentences():
    frame = pl.DataFrame(
        {"article_id": ["a", "b"], "body": ["", None]}, schema={"article_id": pl.String, "body": pl.String}
    )
    assert split_sentences(frame).height == 0
