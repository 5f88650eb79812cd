"""Names after ", as has" / ", as did" do what the subject did: they speak beside it and are no targets of
its cues (monitor.stance_echo_subjects)."""

from __future__ import annotations

from stance_helpers import stance, statements

SOUTH_AFRICA = ["Pretoria", "ZAF", "ZAF", "state"]
BACKERS = [
    ["Malaysia", "MYS", "MYS", "state"],
    ["Türkiye", "TUR", "TUR", "state"],
    ["Organisation of Islamic Cooperation", "OIC", "OIC", "organisation"],
    SOUTH_AFRICA,
]
BACKED = (
    "Malaysia and Türkiye have publicly backed the case, as has the 57-member Organisation of Islamic "
    "Cooperation."
)


def test_an_organisation_after_as_has_is_no_target_of_the_backing():
    out = statements(BACKED, actors=BACKERS)
    assert ("MYS", "OIC") not in stance(out) and ("TUR", "OIC") not in stance(out)


def test_a_state_after_as_did_judges_what_the_subject_judges():
    out = statements(
        "Japan condemned Pretoria, as did Malaysia's foreign minister.",
        actors=[["Japan", "JPN", "JPN", "state"], SOUTH_AFRICA, BACKERS[0]],
    )
    assert stance(out) == {("JPN", "ZAF"): -0.9, ("MYS", "ZAF"): -0.9}
