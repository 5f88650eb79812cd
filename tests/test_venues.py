"""A capital that names a venue ("the Vilnius summit", "the G20 summit in New Delhi") is no actor; one that
acts is."""

from datetime import date

import polars as pl
import pytest

from monitor.actors import find_mentions, load_actor_dictionary
from monitor.venues import load_venue_events


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


def _actors(dictionary, body: str) -> list[str]:
    frame = pl.DataFrame(
        {"article_id": ["a"], "body": [body], "published_on": [date(2023, 12, 6)]},
        schema={"article_id": pl.String, "body": pl.String, "published_on": pl.Date},
    )
    return find_mentions(frame, dictionary)["actor_id"].to_list()


@pytest.mark.parametrize(
    "sentence",
    [
        "At last week's Vilnius summit, Türkiye agreed to forward Sweden's membership bid.",
        "Ministers from 20 states attended the Paris conference on Sudan.",
        "The Riyadh meeting on Syria ended with a call to lift sanctions.",
        "The Doha peace talks resumed on Monday.",
        "Türkiye agreed at the NATO summit in Vilnius to forward Sweden's bid.",
        "Meloni told Li Qiang at the G20 summit in New Delhi that Rome was reconsidering.",
    ],
)
def test_a_capital_naming_where_an_event_was_held_is_no_actor(dictionary, sentence):
    actors = _actors(dictionary, sentence)
    assert not {"LTU", "FRA", "SAU", "QAT", "IND"} & set(actors), actors


def test_a_capital_that_acts_still_stands_for_its_state(dictionary):
    assert _actors(dictionary, "Vilnius held talks with Minsk about the border.") == ["LTU", "BLR"]


def test_a_verb_between_the_capital_and_the_event_keeps_the_capital(dictionary):
    assert "QAT" in _actors(dictionary, "Doha hosted talks between the two sides.")


def test_a_country_name_before_an_event_is_still_a_party(dictionary):
    """Only capitals are venues: "the Russia-Africa summit" and "the Japan talks" name parties."""
    assert _actors(dictionary, "Officials prepared the Japan talks and the Russia-Africa summit.") == [
        "JPN",
        "RUS",
    ]


def test_an_event_list_row_without_a_noun_is_refused(tmp_path):
    path = tmp_path / "venue_events.csv"
    path.write_text("event,note\n,a row without its noun\n")
    with pytest.raises(ValueError, match="event noun"):
        load_venue_events(path)
