"""Aid whose recipient the sentence does not name goes to the state the article is about, the one it names
most by far (monitor.stance_aid_recipients)."""

from __future__ import annotations

from stance_helpers import stance, statements

MYANMAR = ["Myanmar", "MMR", "MMR", "state"]
HELPERS = [
    MYANMAR,
    ["Malaysia", "MYS", "MYS", "state"],
    ["Singapore", "SGP", "SGP", "state"],
    ["Vietnam", "VNM", "VNM", "state"],
    ["Britain", "GBR", "GBR", "state"],
    ["Thailand", "THA", "THA", "state"],
]
QUAKE = (
    "A magnitude 7.7 earthquake struck central Myanmar on Friday, killing more than 1,600 people.",
    "Myanmar's military government made a rare appeal for international help.",
    "Rescue work in Myanmar was hampered by damaged roads.",
)


def test_rescue_teams_sent_with_no_recipient_go_to_the_state_the_article_is_about():
    out = statements(*QUAKE, "Malaysia, Singapore and Vietnam sent search and rescue teams.", actors=HELPERS)
    assert stance(out, 3) == {("MYS", "MMR"): 0.5, ("SGP", "MMR"): 0.5, ("VNM", "MMR"): 0.5}


def test_money_pledged_with_no_recipient_goes_to_the_state_the_article_is_about():
    out = statements(*QUAKE, "Britain pledged up to £10 million.", actors=HELPERS)
    assert stance(out, 3) == {("GBR", "MMR"): 0.5}


def test_aid_in_an_article_about_two_states_alike_has_no_recipient():
    out = statements(
        "A magnitude 7.7 earthquake struck Myanmar and Thailand on Friday.",
        "Buildings collapsed in Myanmar and in Thailand.",
        "Britain pledged 10 million dollars.",
        actors=HELPERS,
    )
    assert stance(out, 2) == {}
