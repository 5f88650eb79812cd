"""Mentions read from seeds/actors: a named UN agency is not the UN itself, an ethnic group is not its
kin state, a state's defence and security council speaks for it, India's border force is India, and the
Taliban are Afghanistan but the Pakistani Taliban movement is not."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from monitor.actors import find_mentions, load_actor_dictionary


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


def _actors(text: str, dictionary) -> list[tuple[str, str]]:
    articles = pl.DataFrame({"article_id": ["a1"], "body": [text], "published_on": [date(2025, 5, 7)]})
    return [(r["surface"], r["actor_id"]) for r in find_mentions(articles, dictionary).iter_rows(named=True)]


def test_the_un_migration_agency_is_not_the_un(dictionary):
    text = "More than 800,000 Afghans have returned home, according to the UN migration agency."
    assert ("UN", "UN") not in _actors(text, dictionary)


def test_the_un_health_agency_is_the_who(dictionary):
    text = "The UN health agency said three hospitals in the city had stopped working."
    assert ("UN health agency", "WHO") in _actors(text, dictionary)


def test_an_ethnic_chinese_party_in_malaysia_is_not_china(dictionary):
    text = "The Malaysian Chinese Association said the decision should be explained to investors."
    assert all(actor != "CHN" for _, actor in _actors(text, dictionary))


def test_a_states_defence_and_security_council_speaks_for_it(dictionary):
    text = "Sudan's Defence and Security Council announced on Tuesday that it had cut ties with the UAE."
    assert ("Defence and Security Council", "SDN.NSC") in _actors(text, dictionary)


def test_the_bsf_is_indias_border_force(dictionary):
    text = "We have expressed our deep concern over the recent activities of the BSF, the official said."
    assert ("BSF", "IND.BSF") in _actors(text, dictionary)


def test_the_taliban_speak_for_afghanistan(dictionary):
    text = "The Taliban's interior ministry accused Pakistani forces of unprovoked firing."
    assert ("Taliban", "AFG") in _actors(text, dictionary)


def test_the_pakistani_taliban_movement_is_not_afghanistan(dictionary):
    text = "Pakistan accuses Kabul of sheltering militants of the banned Tehreek-e-Taliban Pakistan (TTP)."
    assert ("Taliban", "AFG") not in _actors(text, dictionary)
