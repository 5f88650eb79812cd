"""Language identification of cleaned bodies."""

from __future__ import annotations

import polars as pl
import pytest

from monitor.language import detect_language
from monitor.settings import SEEDS_DIR
from monitor.text_cleaning import clean_articles

KOREAN = (
    "북한 외무성 대변인은 토요일 담화를 통해 러시아와의 관계가 미국의 경고에도 불구하고 "
    "계속 강화될 것이라고 밝혔다. 대변인은 미국이 새로운 현실에 익숙해져야 한다고 말했다."
)
FRENCH = (
    "Le ministère des Affaires étrangères a déclaré lundi que la France condamnait fermement "
    "les essais de missiles de la Corée du Nord et appelait Pyongyang à respecter les résolutions du Conseil."
)
RUSSIAN = "Министр иностранных дел России заявил, что Москва не примет новых санкций и ответит на них."
CHINESE = "中国外交部发言人表示，中方坚决反对美国对中国企业实施单边制裁，并将采取必要措施维护自身权益。"
ENGLISH = (
    "The United States on Wednesday voiced alarm at new military cooperation between Russia and North "
    "Korea after the two countries' leaders met."
)


def languages(**bodies: str | None) -> dict[str, str | None]:
    frame = pl.DataFrame(
        {"article_id": list(bodies), "body": list(bodies.values())},
        schema={"article_id": pl.String, "body": pl.String},
    )
    return dict(detect_language(frame).select("article_id", "language").iter_rows())


def test_the_cleaned_samples_are_all_english():
    paths = sorted((SEEDS_DIR / "articles").glob("*.txt"))
    articles = pl.DataFrame(
        {"article_id": [p.stem for p in paths], "text": [p.read_text(encoding="utf-8") for p in paths]}
    ).with_columns(pl.lit(None, dtype=pl.String).alias("title"), pl.lit(None, dtype=pl.String).alias("site"))
    detected = detect_language(clean_articles(articles).select("article_id", "body"))
    assert detected["language"].to_list() == ["en"] * len(paths)
    assert detected["english_score"].min() > 0.3


@pytest.mark.parametrize(
    ("body", "language"), [(KOREAN, "ko"), (CHINESE, "zh"), (FRENCH, "fr"), (RUSSIAN, "ru")]
)
def test_a_paragraph_in_another_language_is_named_and_is_not_english(body, language):
    assert languages(doc=body) == {"doc": language}


def test_english_score_is_the_share_of_english_function_words():
    scores = dict(
        detect_language(pl.DataFrame({"article_id": ["en", "ko"], "body": [ENGLISH, KOREAN]}))
        .select("article_id", "english_score")
        .iter_rows()
    )
    assert scores["ko"] == 0.0
    assert 0.3 < scores["en"] < 0.6


def test_english_with_a_korean_fragment_stays_english():
    assert languages(doc=f"{ENGLISH}\n\n{ENGLISH}\n\n(책임편집: 요리)") == {"doc": "en"}


def test_an_empty_or_missing_body_has_no_language():
    assert languages(empty="", missing=None, digits="2023 11 21") == {
        "empty": None,
        "missing": None,
        "digits": None,
    }
