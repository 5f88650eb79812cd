"""Subjects joined to their verb across what stands between them: an aside opened by an adverb or a
participle, the capitalised name of one of the state's institutions (monitor.stance_gaps), and an official
the dictionary does not know named again by one of the names an earlier sentence gave with the state
(monitor.stance_named_officials)."""

from __future__ import annotations

from stance_helpers import stance, statements

MALI = ["Mali", "MLI", "MLI", "state"]
BURKINA_FASO = ["Burkina Faso", "BFA", "BFA", "state"]
NIGER = ["Niger", "NER", "NER", "state"]
TAIWAN = ["Taiwan", "TWN", "TWN", "state"]
BEIJING = ["Beijing", "CHN", "CHN", "capital"]
CAMBODIA = ["Cambodia", "KHM", "KHM", "state"]
THAI = ["Thai", "THA", "THA", "state"]
CHINESE = ["Chinese", "CHN", "CHN", "state"]
CHINA = ["China", "CHN", "CHN", "state"]
HONDURAN = ["Honduran", "HND", "HND", "state"]
HONDURAS = ["Honduras", "HND", "HND", "state"]
TAIWAN_REGION = ["Taiwan", "TWN", "TWN", "state"]

INTRODUCTION = (
    "Chinese State Councilor and Foreign Minister Qin Gang and Honduran Foreign Minister Eduardo Enrique "
    "Reina signed a joint communique on the establishment of diplomatic relations in Beijing."
)


def test_subjects_described_by_an_aside_opened_by_an_adverb_act_after_it():
    out = statements(
        "Mali and Burkina Faso, also run by military governments, backed Niger's decision.",
        actors=[MALI, BURKINA_FASO, NIGER],
    )
    got = stance(out)
    assert got[("MLI", "NER")] > 0
    assert got[("BFA", "NER")] > 0


def test_a_state_speaks_through_the_capitalised_name_of_its_council():
    out = statements(
        'Taiwan\'s Mainland Affairs Council accused Beijing of using "economic coercion" to intimidate '
        "foreign companies.",
        actors=[TAIWAN, BEIJING],
    )
    assert stance(out)[("TWN", "CHN")] < 0


def test_a_state_speaks_through_the_capitalised_name_of_its_ministry():
    out = statements(
        "Cambodia's Defense Ministry said Thai soldiers had violated an earlier agreement and advanced on "
        "Cambodian territory.",
        actors=[CAMBODIA, THAI],
    )
    assert stance(out)[("KHM", "THA")] < 0


def test_an_official_named_again_by_surname_speaks_for_the_state_that_introduced_him():
    out = statements(
        INTRODUCTION,
        "He said China appreciated the decision.",
        "The ceremony was held at the Diaoyutai State Guesthouse.",
        "The two delegations then had lunch.",
        "Reina said Honduras wanted to open a new chapter of friendship with China.",
        actors=[CHINESE, CHINA, HONDURAN, HONDURAS],
    )
    got = stance(out, 4)
    assert got[("HND", "CHN")] > 0
    assert ("CHN", "CHN") not in got


def test_he_after_an_official_named_by_surname_carries_that_officials_state():
    out = statements(
        INTRODUCTION,
        "Qin said China was ready to work with Honduras.",
        "Reina said the decision was taken freely.",
        '"Taiwan tried to buy our loyalty with empty promises, and we condemn its pressure," he said.',
        actors=[CHINESE, CHINA, HONDURAN, HONDURAS, TAIWAN_REGION],
    )
    got = stance(out, 3)
    assert got[("HND", "TWN")] < 0
    assert ("CHN", "TWN") not in got


def test_an_official_named_again_by_surname_speaks_across_also():
    malaysia = ["Malaysia", "MYS", "MYS", "state"]
    thailand = ["Thailand", "THA", "THA", "state"]
    out = statements(
        "Anwar Ibrahim announced the agreement after hosting Cambodian Prime Minister Hun Manet and "
        "Thailand's acting Prime Minister Phumtham Wechayachai for talks.",
        '"We hope this will be the end of the fighting," Hun Manet said.',
        "Phumtham also thanked Malaysia for hosting the meeting.",
        actors=[CAMBODIA, thailand, malaysia],
    )
    got = stance(out, 2)
    assert list(got) == [("THA", "MYS")]
    assert got[("THA", "MYS")] > 0
