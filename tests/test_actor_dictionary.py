"""The actor dictionary built from seeds/actors/: coverage, consistency and the dated facts it holds."""

from datetime import date
from pathlib import Path

import polars as pl
import pycountry
import pytest

from monitor.actor_dictionary import ACTORS_DIR, load_actor_dictionary
from scripts.build_country_actors import build


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


def _role(dictionary, person_id: str, role: str) -> list[tuple]:
    rows = dictionary.roles.filter((pl.col("person_id") == person_id) & (pl.col("role") == role))
    return rows.select("actor_id", "start", "end").rows()


def test_countries_csv_is_what_the_build_script_generates():
    on_disk = pl.read_csv(ACTORS_DIR / "countries.csv", infer_schema_length=0)
    assert build(Path(ACTORS_DIR)).cast(pl.String).equals(on_disk)


def test_every_un_member_observer_and_named_non_member_is_a_state(dictionary):
    states = dictionary.actors.filter(pl.col("kind") == "state")
    status = pl.read_csv(ACTORS_DIR / "countries.csv").group_by("status").len()
    assert dict(status.rows())["un_member"] == 193
    assert {"PSE", "VAT", "TWN", "XKX", "ESH", "XNC", "XAB", "XSO"} <= set(states["actor_id"])
    assert states.filter(pl.col("actor_id") != pl.col("country")).is_empty()


def test_dependent_territories_are_not_states(dictionary):
    assert not {"PRI", "GUM", "HKG", "GRL"} & set(dictionary.actors["actor_id"])


def test_organisation_ids_never_collide_with_iso_codes(dictionary):
    orgs = set(dictionary.actors.filter(pl.col("kind") == "organisation")["actor_id"])
    iso = {c.alpha_3 for c in pycountry.countries}
    assert {
        "UN",
        "UNSC",
        "UNGA",
        "IAEA",
        "NATO",
        "EU",
        "EC",
        "ASEAN",
        "AU",
        "G7",
        "G20",
        "WHO",
        "ICC",
    } <= orgs
    assert not orgs & iso


def test_every_alias_points_to_a_known_actor_or_template(dictionary):
    targets = dictionary.aliases.filter(pl.col("rule") != "block").filter(
        ~pl.col("actor_id").str.starts_with("*")
    )
    assert targets.join(dictionary.actors, on="actor_id", how="anti").is_empty()


def test_institution_templates_expand_for_every_state(dictionary):
    fm = dictionary.actors.filter(pl.col("actor_id") == "PRK.FOREIGN_MINISTRY")
    assert fm.select("kind", "country", "role").row(0) == ("institution", "PRK", "foreign ministry")


def test_curated_alias_overrides_the_generated_country_name(dictionary):
    georgia = dictionary.aliases.filter(pl.col("alias") == "Georgia")
    assert georgia.height == 1
    assert "Tbilisi" in georgia["requires"][0]


def test_short_all_caps_aliases_are_case_sensitive(dictionary):
    short_caps = dictionary.aliases.filter(
        (pl.col("alias").str.len_chars() <= 4) & (pl.col("alias") == pl.col("alias").str.to_uppercase())
    )
    assert {"US", "UK", "UN", "EU", "ROK"} <= set(short_caps["alias"])
    assert short_caps["case_sensitive"].all()


def test_roles_have_dates_in_order_and_known_countries(dictionary):
    roles = dictionary.roles
    assert roles.filter(pl.col("end").is_not_null() & (pl.col("end") < pl.col("start"))).is_empty()
    assert roles.join(dictionary.actors, on="actor_id", how="anti").is_empty()


def test_people_cover_at_least_25_states(dictionary):
    states = set(dictionary.actors.filter(pl.col("kind") == "state")["actor_id"])
    assert len(set(dictionary.roles["actor_id"]) & states) >= 25


def test_blinken_was_secretary_of_state_from_january_2021_to_january_2025(dictionary):
    assert _role(dictionary, "antony_blinken", "foreign minister") == [
        ("USA", date(2021, 1, 26), date(2025, 1, 20))
    ]


def test_park_jin_was_south_korean_foreign_minister(dictionary):
    assert _role(dictionary, "park_jin", "foreign minister") == [
        ("KOR", date(2022, 5, 12), date(2023, 12, 19))
    ]


def test_trump_holds_two_separate_presidential_terms(dictionary):
    terms = _role(dictionary, "donald_trump", "head of state")
    assert sorted(terms) == [("USA", date(2017, 1, 20), date(2021, 1, 20)), ("USA", date(2025, 1, 20), None)]


def test_person_aliases_include_spelling_variants(dictionary):
    kim = dictionary.aliases.filter(pl.col("actor_id") == "kim_jong_un")
    assert {"Kim Jong Un", "Kim Jong-un"} <= set(kim["alias"])
