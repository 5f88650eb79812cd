"""Curated seeds pinned by the phrase families they must cover: stance cues, attribution phrases,
actor aliases, wire-credit phrasing and boilerplate cues, each on realistic text."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from monitor import settings
from monitor.actor_dictionary import load_actor_dictionary
from monitor.mentions import find_mentions
from monitor.outlets import load_outlets
from monitor.stance import extract_statements
from monitor.stance_devset import build_frames
from monitor.stance_matching import load_cues, load_rules
from monitor.text_cleaning import classify_lines
from monitor.wire_credits import detect_wire

STANCE_CASES = {
    "firmly_opposes": (
        ["China firmly opposes the deployment of US missiles in Asia, spokesperson Mao Ning said."],
        [
            ["China", "CHN", "CHN", "state"],
            ["US", "USA", "USA", "state"],
            ["Mao Ning", "mao_ning", "CHN", "person"],
        ],
        ("CHN", "USA", -1),
    ),
    "expelled_diplomats": (
        ["Poland expelled two Russian diplomats on Tuesday, accusing them of spying."],
        [["Poland", "POL", "POL", "state"], ["Russian", "RUS", "RUS", "state"]],
        ("POL", "RUS", -1),
    ),
    "no_faith_in": (
        ["Iran has no faith in Washington's promises, the foreign minister said."],
        [["Iran", "IRN", "IRN", "state"], ["Washington", "USA", "USA", "state"]],
        ("IRN", "USA", -1),
    ),
    "states_pledged_to_deepen_coordination": (
        ["Seoul and Tokyo pledged to deepen coordination on North Korea."],
        [["Seoul", "KOR", "KOR", "state"], ["Tokyo", "JPN", "JPN", "state"]],
        ("JPN", "KOR", 1),
    ),
    "should_be_partners": (
        ["China and the United States should be partners rather than rivals, Xi Jinping said."],
        [
            ["China", "CHN", "CHN", "state"],
            ["United States", "USA", "USA", "state"],
            ["Xi Jinping", "xi_jinping", "CHN", "person"],
        ],
        ("CHN", "USA", 1),
    ),
    "raised_concerns_about_anothers_support": (
        ["Blinken raised concerns about China's support for Russia's defence industry."],
        [
            ["Blinken", "antony_blinken", "USA", "person"],
            ["China", "CHN", "CHN", "state"],
            ["Russia", "RUS", "RUS", "state"],
        ],
        ("USA", "CHN", -1),
    ),
    "regarded_as_a_friend": (
        ["Hungary has always regarded China as a friend, Orban said."],
        [
            ["Hungary", "HUN", "HUN", "state"],
            ["China", "CHN", "CHN", "state"],
            ["Orban", "viktor_orban", "HUN", "person"],
        ],
        ("HUN", "CHN", 1),
    ),
    "should_reflect_on_history": (
        ["Japan should reflect on its history, the Chinese foreign ministry said."],
        [["Japan", "JPN", "JPN", "state"], ["Chinese", "CHN", "CHN", "state"]],
        ("CHN", "JPN", -1),
    ),
    "signed_a_defence_pact": (
        ["The Philippines and Japan signed a defence pact on Monday."],
        [["Philippines", "PHL", "PHL", "state"], ["Japan", "JPN", "JPN", "state"]],
        ("PHL", "JPN", 1),
    ),
    "agreed_to_resume_talks": (
        ["India and China agreed to resume talks on their disputed border."],
        [["India", "IND", "IND", "state"], ["China", "CHN", "CHN", "state"]],
        ("CHN", "IND", 1),
    ),
    "both_leaders_condemned": (
        [
            "Chinese President Xi Jinping hosted Russian President Vladimir Putin in Beijing on Thursday.",
            "Both leaders condemned US military alliances in Asia.",
        ],
        [
            ["Chinese", "CHN", "CHN", "state"],
            ["Xi Jinping", "xi_jinping", "CHN", "person"],
            ["Russian", "RUS", "RUS", "state"],
            ["Vladimir Putin", "vladimir_putin", "RUS", "person"],
            ["US", "USA", "USA", "state"],
        ],
        ("RUS", "USA", -1),
    ),
    "state_media_commentary_quote": (
        [
            "North Korea's official KCNA news agency on Monday lashed out at the joint drills.",
            '"The US and its puppet forces push the peninsula to the brink of war," the commentary said.',
        ],
        [
            ["North Korea", "PRK", "PRK", "state"],
            ["KCNA", "PRK.KCNA", "PRK", "institution"],
            ["US", "USA", "USA", "state"],
        ],
        ("PRK", "USA", -1),
    ),
}


@pytest.mark.parametrize("case", list(STANCE_CASES))
def test_curated_cue_family_gives_the_stance_of_the_last_sentence(case):
    sentences, actors, (source, target, sign) = STANCE_CASES[case]
    frames = build_frames([{"id": case, "sentences": sentences, "actors": actors}])
    out = extract_statements(*frames, load_cues()).filter(pl.col("sentence_no") == len(sentences) - 1)
    pair = out.filter(pl.col("source_actor") == source, pl.col("target_actor") == target)
    assert pair.height > 0, out
    assert (pair["polarity"] * sign > 0).all()


def mentions_of(body: str) -> pl.DataFrame:
    articles = pl.DataFrame({"article_id": ["a"], "body": [body], "published_on": [date(2024, 4, 14)]})
    return find_mentions(articles, load_actor_dictionary())


def test_bare_foreign_office_after_a_pakistani_one_is_not_the_uk():
    body = (
        "Pakistan's Foreign Office on Monday summoned the Afghan envoy.\n\n"
        "The Foreign Office said the Taliban must not allow their soil to be used against Pakistan."
    )
    assert set(mentions_of(body)["country"]) == {"PAK", "AFG"}


def test_uk_foreign_office_is_the_fcdo():
    found = mentions_of("The UK Foreign Office summoned the Chinese ambassador on Tuesday.")
    assert "GBR.FCDO" in set(found["actor_id"])


def test_a_states_mission_to_the_un_speaks_for_the_state_not_the_un():
    found = mentions_of("Iran's mission to the United Nations said on Sunday the matter was concluded.")
    assert set(found["country"]) == {"IRN"}
    assert "IRN.UN_MISSION" in set(found["actor_id"])


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        ("The talks ended without a deal on Tuesday evening. (Reuters, AFP, dpa)", "reuters"),
        ("Reuters | Beijing | Updated: Nov 20, 2023 10:12 IST\nThe talks ended without a deal.", "reuters"),
        ("The talks ended without a deal on Tuesday evening.\nAFP", "afp"),
        ("PTI\nThe talks ended without a deal on Tuesday evening.", "pti"),
    ],
    ids=["credit_list_first", "byline_bar", "credit_line_end", "credit_line_start"],
)
def test_wire_credit_phrasing_credits_the_first_agency(text, wire):
    found = detect_wire(pl.DataFrame({"article_id": ["a"], "text": [text]}), load_outlets())
    assert found["wire"].to_list() == [wire]


def test_an_agency_named_inside_a_sentence_is_no_credit():
    text = "AFP reporters saw the convoy leave the capital on Tuesday."
    found = detect_wire(pl.DataFrame({"article_id": ["a"], "text": [text]}), load_outlets())
    assert found["wire"].to_list() == [None]


PROSE = [
    "The Philippines and Japan on Monday signed a landmark pact allowing troops on each other's soil.",
    "Beijing said the agreement should not target any third party or harm peace and stability in the region.",
    "Tokyo and Manila have both been locked in maritime disputes with China over the past few years.",
    "The pact must still be ratified by the Japanese parliament and the Philippine Senate to take effect.",
]


@pytest.mark.parametrize(
    "junk",
    [
        "China , U.S. , Blinken , Russia",
        "Kishida and Marcos met in Manila in November Image: Ezra Acayan/Getty Images",
        "Marcos and Kishida reviewed an honour guard at the palace. (Reuters: Eloisa Lopez)",
        "Sign up for our Asia newsletter",
        "Get the latest diplomatic news delivered to your inbox every morning.",
        "Join ST's WhatsApp Channel and get the latest news and must-reads.",
        "(Catch all the Business News, Breaking News, Budget 2024 Events and Latest News Updates on",
        "Appeared in the February 3, 2025, print edition as 'Panama to Leave China's Belt and Road'",
    ],
)
def test_furniture_line_between_paragraphs_is_dropped(junk):
    decided = classify("\n\n".join([*PROSE[:2], junk, *PROSE[2:]]))
    assert decided.filter(pl.col("line") == junk)["keep"].to_list() == [False]
    assert decided.filter(pl.col("line").is_in(PROSE))["keep"].all()


@pytest.mark.parametrize(
    "marker",
    [
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Found a mistake? Highlight it and press Ctrl+Enter.",
        "Report it to us.",
        "Comments are closed on this story.",
        "Comments will be moderated. Keep comments relevant to the article.",
        "(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)",
        "Legal Disclaimer:",
        'MENAFN provides the information "as is" without warranty of any kind. We do not accept any',
    ],
)
def test_end_of_article_marker_is_dropped_with_the_prose_like_furniture_after_it(marker):
    teaser = "Japan and China held talks on seafood imports after months of tension over the release."
    decided = classify("\n\n".join([*PROSE, marker, teaser]))
    assert decided.filter(pl.col("line").is_in([marker, teaser]))["keep"].to_list() == [False, False]
    assert decided.filter(pl.col("line").is_in(PROSE))["keep"].all()


def classify(text: str) -> pl.DataFrame:
    return classify_lines(
        pl.DataFrame({"article_id": ["a"], "text": [text], "title": [None], "site": ["news.example"]})
    )


def test_turkey_among_gulf_reactions_is_the_state_without_a_turkish_cue():
    body = (
        "Saudi Arabia on Tuesday condemned an Israeli airstrike on Doha.\n\n"
        "Turkey's foreign ministry called the Israeli strike a violation of international law."
    )
    assert "TUR" in set(mentions_of(body)["country"])


def test_jordan_in_a_list_of_arab_states_is_the_state_without_a_jordanian_cue():
    body = "The UAE, Jordan and Egypt also condemned the Israeli attack in separate statements."
    assert "JOR" in set(mentions_of(body)["country"])


def test_thanksgiving_turkey_is_still_no_state():
    body = "Turkey prices fell this year, shoppers in New Mexico and New Jersey said."
    assert "TUR" not in set(mentions_of(body)["country"])


def test_us_congressman_jim_jordan_is_no_state_in_an_article_on_israel():
    body = "House Judiciary Committee Chairman Jim Jordan said Congress would vote on aid to Israel."
    assert "JOR" not in set(mentions_of(body)["country"])


def test_the_african_unions_peace_and_security_council_is_the_au_not_the_unsc():
    body = (
        "The African Union has suspended Niger from all its activities.\n\n"
        "The AU Peace and Security Council said the suspension would remain in force."
    )
    found = mentions_of(body).filter(pl.col("surface").str.contains("Security Council"))
    assert found["actor_id"].to_list() == ["AU"]


@pytest.mark.parametrize(
    "junk",
    [
        "Associated Press writer Jim Gomez reported from Manila, Philippines.",
        "Associated Press writers Zeke Miller and Aamer Madhani contributed to this report.",
    ],
)
def test_wire_contributor_credit_line_is_dropped(junk):
    decided = classify("\n\n".join([*PROSE, junk]))
    assert decided.filter(pl.col("line") == junk)["keep"].to_list() == [False]
    assert decided.filter(pl.col("line").is_in(PROSE))["keep"].all()


def test_wire_agency_subscriber_service_notice_is_dropped():
    notice = (
        "Anadolu Agency website contains only a portion of the news stories offered to subscribers in the "
        "AA News Broadcasting System (HAS), and in summarized form. "
        "Please contact us for subscription options."
    )
    decided = classify("\n\n".join([*PROSE, notice]))
    assert decided.filter(pl.col("line") == notice)["keep"].to_list() == [False]
    assert decided.filter(pl.col("line").is_in(PROSE))["keep"].all()


def test_a_cue_listed_twice_is_refused_with_its_lines(tmp_path):
    cues = tmp_path / "stance_cues.csv"
    cues.write_text(
        "cue,cue_class,polarity,verb,notes\n"
        "work with,cooperate_intent,0.4,false,\n"
        "condemned,criticise,-0.8,true,\n"
        "Work with,cooperate_intent,0.5,false,\n"
    )
    with pytest.raises(ValueError, match=r"line 2: 'work with', line 4: 'Work with'"):
        load_cues(cues)


def test_a_bare_on_in_a_rule_word_list_is_refused_with_its_key(tmp_path):
    rules = tmp_path / "stance_rules.yaml"
    rules.write_text("it_subject_openings: [On, In, Later]\nclause_breaks: [after, while]\n")
    with pytest.raises(ValueError, match=r"quote the words On/Off/Yes/No in it_subject_openings"):
        load_rules(rules)


def test_every_member_of_a_named_state_group_is_a_country_of_the_registry():
    countries = set(pl.read_csv(settings.SEEDS_DIR / "actors" / "countries.csv")["actor_id"])
    members = {m for group in load_rules()["named_state_groups"].values() for m in group}
    assert members and members <= countries
