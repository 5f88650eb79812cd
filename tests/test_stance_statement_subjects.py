""" "The statement also criticised ...": a statement opening a sentence speaks for those who issued it, named
in a recent sentence that names the statement (monitor.stance_statement_subjects)."""

from __future__ import annotations

from stance_helpers import stance, statements

EU = ["European Union", "EU", "EU", "organisation"]
JAPANESE = ["Japanese", "JPN", "JPN", "state"]
# KCNA: the statement a later "The statement also criticised ..." speaks for
DPRK_STATEMENT = (
    'The DPRK issued a press statement on Saturday denouncing the "Freedom Edge" drills of the U.S.'
)
DPRK_ACTORS = [["DPRK", "PRK", "PRK", "state"], ["U.S.", "USA", "USA", "state"], EU]
GULF = [
    ["Saudi Arabia", "SAU", "SAU", "state"],
    ["Iran", "IRN", "IRN", "state"],
    ["Iraq", "IRQ", "IRQ", "state"],
    ["Oman", "OMN", "OMN", "state"],
]


def test_the_statement_speaks_for_the_state_that_issued_it():
    out = statements(
        DPRK_STATEMENT,
        'The statement also criticised the European Union for "blindly following" the sanctions policy.',
        actors=DPRK_ACTORS,
    )
    assert stance(out, 1) == {("PRK", "EU"): -0.7}


def test_a_joint_statement_speaks_for_each_of_its_issuers():
    out = statements(
        "In a joint statement, Saudi Arabia and Iran said they had agreed to resume diplomatic relations.",
        "The statement also expressed appreciation to Iraq and Oman for hosting earlier rounds of talks.",
        actors=GULF,
    )
    assert set(stance(out, 1)) == {("SAU", "IRQ"), ("SAU", "OMN"), ("IRN", "IRQ"), ("IRN", "OMN")}


def test_a_statement_whose_issuers_were_not_named_speaks_for_nobody():
    out = statements(
        "The United States said in a statement that it sanctioned the International Criminal Court.",
        "In a joint statement, 79 countries said the sanctions risked eroding the rule of law.",
        'The statement reaffirmed their "unwavering support" for the court and the European Union.',
        actors=[
            ["United States", "USA", "USA", "state"],
            ["International Criminal Court", "ICC", "ICC", "organisation"],
            EU,
        ],
    )
    assert stance(out, 2) == {}


def test_it_after_the_statement_speaks_for_the_same_issuer():
    out = statements(
        DPRK_STATEMENT,
        'The statement also criticised the European Union for "blindly following" the sanctions policy.',
        'It also denounced the Japanese government for "joining hands" with the European Union.',
        actors=[*DPRK_ACTORS, JAPANESE],
    )
    assert stance(out, 2)[("PRK", "JPN")] < 0


def test_a_state_that_rejected_the_statement_did_not_issue_it():
    out = statements(
        "The Gulf Cooperation Council leaders adopted a declaration on Sunday.",
        "Iran's Foreign Ministry rejected the statement late on Sunday.",
        "The declaration praised Iraq and Oman for their mediation.",
        actors=[*GULF, ["Gulf Cooperation Council", "GCC", "GCC", "organisation"]],
    )
    assert ("IRN", "IRQ") not in stance(out, 2)


def test_the_statement_speaks_for_its_issuer_many_sentences_later():
    out = statements(
        DPRK_STATEMENT,
        "The drills involved an aircraft carrier.",
        "Analysts said the drills were the largest this year.",
        "Officials said more drills were planned.",
        "Ships from three navies took part.",
        'The statement also criticised the European Union for "blindly following" the sanctions policy.',
        actors=DPRK_ACTORS,
    )
    assert stance(out, 5) == {("PRK", "EU"): -0.7}


def test_a_statement_that_spoke_before_passes_its_issuer_on():
    out = statements(
        DPRK_STATEMENT,
        'The statement warned that the U.S. "will have to pay a dear price" for its provocations.',
        "Ships from three navies took part.",
        'The statement also criticised the European Union for "blindly following" the sanctions policy.',
        actors=DPRK_ACTORS,
    )
    assert stance(out, 3) == {("PRK", "EU"): -0.7}
