"""Names that look like actors but are not: phrases that block the state inside them (a sea, a peninsula, a
treaty named after a capital) and newspaper titles built from a place (monitor.mastheads)."""

import polars as pl
import pytest

from monitor.mastheads import load_mastheads


def _pairs(frame: pl.DataFrame) -> list[tuple[str, str]]:
    return frame.select("surface", "actor_id").rows()


def test_blocked_phrase_hides_the_demonym_inside_it(mentions):
    assert mentions("Tension on the Korean peninsula rose.").is_empty()


def test_a_sea_named_after_a_state_is_no_mention_of_it(mentions):
    assert mentions("Patrols in the South China Sea and the East China Sea grew.").is_empty()


def test_the_iranian_news_agency_is_no_mention_of_iran(mentions):
    text = "Tehran said so, the Islamic Republic News Agency reported."
    assert _pairs(mentions(text)) == [("Tehran", "IRN")]


def test_an_amount_in_us_dollars_is_no_mention_of_the_united_states(mentions):
    text = "China agreed to provide around 2.1 billion US dollars in investment, loans and grants."
    assert _pairs(mentions(text)) == [("China", "CHN")]


def test_a_treaty_named_after_a_capital_is_no_mention_of_its_state(mentions):
    text = '"Cambodia has violated the Ottawa Convention and Thailand\'s sovereignty," the ministry said.'
    assert _pairs(mentions(text)) == [("Cambodia", "KHM"), ("Thailand", "THA")]


def test_a_place_in_a_newspaper_title_is_no_actor(mentions):
    """The samples' own sentence (002): the paper is "The North Korea Times"; the US and the DPRK act."""
    sentence = (
        "According to the news reported by The North Korea Times, US Department of State emphasized as "
        "North Korea prepares for its space rocket launch."
    )
    assert _pairs(mentions(sentence)) == [
        ("US Department of State", "USA.STATE_DEPT"),
        ("North Korea", "PRK"),
    ]


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        ("The Bangkok Post reported that Thailand protested.", ["THA"]),
        ("The Times of India said India and China agreed.", ["IND", "CHN"]),
        ("China Daily wrote that Japan's move was welcome.", ["JPN"]),
    ],
)
def test_a_masthead_word_after_a_place_or_times_of_before_it_makes_a_title(mentions, sentence, actors):
    assert mentions(sentence)["actor_id"].to_list() == actors


def test_a_masthead_word_in_lower_case_is_no_title(mentions):
    """Only a capitalised masthead word makes a title: "China daily imports", "Russia post-war" are states."""
    assert mentions("China daily imports of oil rose.")["actor_id"].to_list() == ["CHN"]
    assert mentions("The talks shaped Russia post-war.")["actor_id"].to_list() == ["RUS"]


def test_a_state_news_agency_still_speaks_for_its_state(mentions):
    assert mentions("KCNA said Pyongyang would respond.")["actor_id"].to_list() == ["PRK.KCNA", "PRK"]


def test_a_masthead_list_with_an_unknown_position_is_refused(tmp_path):
    path = tmp_path / "mastheads.csv"
    path.write_text("masthead,position,note\nTimes,inside,\n")
    with pytest.raises(ValueError, match="position"):
        load_mastheads(path)
