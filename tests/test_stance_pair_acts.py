"""Joint acts of the actors a sentence opens with, whoever reports them (monitor.stance_pair_acts)."""

from __future__ import annotations

import polars as pl
from stance_helpers import CHINA, NORTH_KOREA, every_pair, mutual, statements

from monitor.stance import extract_statements
from monitor.stance_devset import build_frames
from monitor.stance_matching import load_cues

PAKISTANI = ["Pakistani", "PAK", "PAK", "state"]
AFGHAN = ["Afghan", "AFG", "AFG", "state"]


def test_two_states_forces_that_exchanged_fire_are_hostile_to_each_other_though_officials_report_it():
    sentences, mentions = build_frames(
        [
            {
                "id": "a1",
                "sentences": [
                    "Pakistani and Afghan security forces exchanged fire at the Torkham border crossing "
                    "late on Monday night, officials on both sides said."
                ],
                "actors": [PAKISTANI, AFGHAN],
            }
        ]
    )
    # the mention dictionary tags demonyms, which name a subject only with a noun of the state after them
    out = extract_statements(sentences, mentions.with_columns(rule=pl.lit("demonym")), load_cues())
    got = mutual(out)
    assert got[("PAK", "AFG")] < 0 and got[("AFG", "PAK")] < 0


def test_states_listed_before_a_reported_agreement_share_it_beside_the_speaker():
    out = statements(
        "India and China have signed an agreement on patrolling arrangements along the Line of Actual "
        "Control (LAC) in eastern Ladakh, Foreign Secretary Vikram Misri announced on Monday.",
        actors=[
            ["India", "IND", "IND", "state"],
            CHINA,
            ["Vikram Misri", "vikram_misri", "IND", "person"],
        ],
    )
    got = mutual(out)
    assert got[("IND", "CHN")] > 0 and got[("CHN", "IND")] > 0


def test_an_apposition_after_a_state_lists_no_second_party():
    out = statements(
        "China, the North's main ally and trading partner, did not comment directly on Kim's speech.",
        actors=[CHINA, ["North", "PRK", "PRK", "state"]],
    )
    assert ("CHN", "PRK") not in every_pair(out)


def test_a_relation_named_after_a_clause_of_other_words_is_no_joint_act_of_the_opening_list():
    out = statements(
        "China and North Korea, whose leaders have not met since 2019, said on Tuesday that talks were "
        "possible.",
        actors=[CHINA, NORTH_KOREA],
    )
    assert ("CHN", "PRK") not in mutual(out)


def test_states_listed_before_a_welcome_of_a_treaty_are_its_welcomers_not_its_parties():
    out = statements(
        "Australia, New Zealand, Canada and Japan also welcomed the treaty, the Foreign Office said.",
        actors=[
            ["Australia", "AUS", "AUS", "state"],
            ["New Zealand", "NZL", "NZL", "state"],
            ["Canada", "CAN", "CAN", "state"],
            ["Japan", "JPN", "JPN", "state"],
        ],
    )
    assert mutual(out) == {}


def test_states_listed_at_the_opening_of_a_which_clause_share_the_act_they_agreed():
    out = statements(
        "Mohamad also held a bilateral meeting with Wang, during which Malaysia and China agreed to step up "
        "cooperation in trade, the digital economy and the East Coast Rail Link, according to Wisma Putra.",
        actors=[
            ["Wang", "wang_yi", "CHN", "person"],
            ["Malaysia", "MYS", "MYS", "state"],
            CHINA,
            ["Wisma Putra", "MYS.FOREIGN_MINISTRY", "MYS", "institution"],
        ],
    )
    got = mutual(out)
    assert got[("MYS", "CHN")] > 0 and got[("CHN", "MYS")] > 0
