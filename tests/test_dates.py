"""Publication dates: metadata, then dateline, then URL; abstain rather than guess."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import pytest
import yaml

from monitor.date_patterns import PATTERNS_FILE, DateVocabulary
from monitor.dates import OUTPUT_SCHEMA, resolve_published_dates

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "seeds" / "articles"
INGESTED = datetime(2023, 11, 22, 12, 0, tzinfo=UTC)
BODY = "The United States voiced concern over military cooperation between Russia and North Korea.\n"


def _resolve(text="", url=None, published=None, ingested_at=INGESTED, vocab=None) -> dict:
    frame = pl.DataFrame(
        {
            "article_id": ["a"],
            "published": [published],
            "url": [url],
            "text": [text],
            "ingested_at": [ingested_at],
        },
        schema={
            "article_id": pl.String,
            "published": pl.String,
            "url": pl.String,
            "text": pl.String,
            "ingested_at": pl.Datetime("us", "UTC"),
        },
    )
    return resolve_published_dates(frame, vocab).row(0, named=True)


def _sample(stem: str) -> dict:
    path = next(ARTICLES.glob(f"{stem}_*.txt"))
    sidecar = path.with_suffix(".json")
    meta = json.loads(sidecar.read_text()) if sidecar.exists() else {}
    return _resolve(
        path.read_text(encoding="utf-8"),
        meta.get("url"),
        meta.get("published"),
        datetime(2025, 1, 1, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("stem", "expected", "source"),
    [
        ("000", None, None),
        ("001", None, None),
        ("002", date(2023, 11, 21), "url"),
        ("003", date(2023, 11, 11), "dateline"),
        ("004", date(2023, 11, 9), "dateline"),
    ],
)
def test_sample_articles_get_their_expected_date_and_source(stem, expected, source):
    row = _sample(stem)
    assert (row["published_on"], row["date_source"]) == (expected, source)


def test_output_has_one_row_per_article_with_the_contract_types():
    frame = pl.DataFrame(
        {
            "article_id": ["x", "y"],
            "published": [None, "2023-11-21"],
            "url": [None, None],
            "text": ["", None],
            "ingested_at": [INGESTED, INGESTED],
        }
    )
    out = resolve_published_dates(frame)
    assert out.schema == OUTPUT_SCHEMA
    assert out["article_id"].to_list() == ["x", "y"]


def test_metadata_iso_with_offset_keeps_the_publishers_local_day():
    row = _resolve(published="2023-11-21T08:30:00+09:00")
    assert (row["published_on"], row["date_source"]) == (date(2023, 11, 21), "metadata")


def test_metadata_rfc_2822_is_parsed():
    assert _resolve(published="Tue, 21 Nov 2023 08:30:00 +0900")["published_on"] == date(2023, 11, 21)


def test_metadata_in_another_language_falls_back_to_dateparser():
    assert _resolve(published="21 listopada 2023")["published_on"] == date(2023, 11, 21)


def test_metadata_wins_over_a_dateline_and_a_url():
    row = _resolve("November 20, 2023\n" + BODY, "https://x.com/2023/11/19/a/", "2023-11-21")
    assert (row["published_on"], row["date_source"], row["date_evidence"]) == (
        date(2023, 11, 21),
        "metadata",
        "2023-11-21",
    )


def test_relative_metadata_is_ignored_and_the_dateline_used():
    row = _resolve("Posted on November 20, 2023 by admin\n" + BODY, published="2 days ago")
    assert (row["published_on"], row["date_source"]) == (date(2023, 11, 20), "dateline")


def test_dateline_wins_over_the_url():
    row = _resolve("November 21, 2023\n" + BODY, "https://x.com/2023/11/25/a/")
    assert (row["published_on"], row["date_source"]) == (date(2023, 11, 21), "dateline")


def test_published_line_is_preferred_to_updated_line():
    text = "N. Korea slams US\nPublished : Aug. 8, 2023 - 09:05\nUpdated : Aug. 9, 2023 - 10:30\n" + BODY
    assert _resolve(text)["published_on"] == date(2023, 8, 8)


def test_labelled_date_line_counts_below_the_page_furniture():
    text = "".join(f"Menu item {i}\n" for i in range(12)) + "Published: November 21, 2023\n" + BODY
    assert _resolve(text)["published_on"] == date(2023, 11, 21)


def test_wire_dateline_with_a_year_is_used():
    row = _resolve("SEOUL, Nov. 21, 2023 (Yonhap) -- The US reiterated its concerns Monday.\n")
    assert (row["published_on"], row["date_evidence"]) == (
        date(2023, 11, 21),
        "SEOUL, Nov. 21, 2023 (Yonhap) --",
    )


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("Riyadh, February 18, 2025, SPA --", date(2025, 2, 18)),
        ("Taipei, April 2, 2025 (CNA) -", date(2025, 4, 2)),
        ("Kuala Lumpur, 3 March 2024, Bernama --", date(2024, 3, 3)),
    ],
)
def test_title_case_city_dateline_with_an_agency_credit_is_used(dateline, expected):
    text = NAV + "Kingdom hosts talks\n" + dateline + " The kingdom hosted talks on Tuesday.\n"
    row = _resolve(text, ingested_at=datetime(2025, 6, 1, tzinfo=UTC))
    assert (row["published_on"], row["date_evidence"]) == (expected, dateline)


def test_title_case_sentence_opening_with_a_date_and_no_credit_is_not_a_dateline():
    text = (
        NAV
        + "Talks resume\nMoscow, March 3, 2024 - a day the Kremlin will remember - saw new talks.\n"
        + BODY
    )
    assert _resolve(text, ingested_at=LATE)["published_on"] is None


def test_an_event_date_after_on_is_not_a_stamp_without_a_time_before_it():
    assert _resolve(NAV + "Treaty signed\nSigned on 10 November 2023\n" + BODY)["published_on"] is None


def test_wire_dateline_without_a_year_abstains():
    assert (
        _resolve("SEOUL, Nov. 21 (Yonhap) -- The US reiterated its concerns Monday.\n")["published_on"]
        is None
    )


def test_photo_caption_date_at_the_top_is_not_a_dateline():
    text = (
        "Russia-N Korea satellite cooperation troubling: US\n\n"
        "This picture taken on 13 September 2023 and released by KCNA on September 14 shows Kim Jong Un.\n\n"
        "The United States on Wednesday voiced alarm.\n"
    )
    assert _resolve(text)["published_on"] is None


def test_reported_date_inside_a_body_sentence_is_not_a_dateline():
    text = "US Military\n\nIn a report by Yonhap News Agency, in November 20, 2023, the focus is Pyongyang.\n"
    assert _resolve(text)["published_on"] is None


def test_headline_event_date_after_a_preposition_is_not_a_dateline():
    assert _resolve("Summit set for November 30, 2023\n" + BODY)["published_on"] is None


def test_relative_days_and_future_event_windows_abstain():
    text = (
        "US renews concerns over N. Korea\nThe State Department reiterated its concerns Monday.\n"
        "Pyongyang plans the launch between Nov. 22 and Dec. 1, 2023, Japanese media reported.\n"
    )
    assert _resolve(text)["published_on"] is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("09/11/2023", None), ("21/11/2023", date(2023, 11, 21)), ("11/21/2023", date(2023, 11, 21))],
)
def test_numeric_dates_are_used_only_when_day_and_month_cannot_be_swapped(line, expected):
    assert _resolve(line + "\n" + BODY)["published_on"] == expected


def test_dates_after_ingestion_are_rejected_beyond_the_time_zone_lead():
    assert _resolve("December 25, 2023\n" + BODY)["published_on"] is None
    seoul_morning = _resolve(
        published="2023-11-23T08:00:00+09:00", ingested_at=datetime(2023, 11, 22, 23, 30, tzinfo=UTC)
    )
    assert seoul_morning["published_on"] == date(2023, 11, 23)


def test_dates_before_1990_are_rejected():
    assert _resolve("March 3, 1989\n" + BODY, published="1985-05-01")["published_on"] is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://checkersaga.com/2023/11/21/us-raises-alarms/", date(2023, 11, 21)),
        ("https://news.example.com/world/20231121/us-concern", date(2023, 11, 21)),
        ("https://example.com/news/2023-11-21-us-warns-pyongyang", date(2023, 11, 21)),
        ("https://www.ruetir.com/2023/11/russia-north-korea/", None),
        ("https://en.yna.co.kr/view/AEN20231121000351315", None),
        ("https://example.com/2023/02/30/x/", None),
    ],
)
def test_url_gives_a_day_only_when_it_holds_a_full_valid_date(url, expected):
    row = _resolve(BODY, url)
    assert row["published_on"] == expected
    assert row["date_source"] == ("url" if expected else None)


def test_month_names_come_from_the_vocabulary_file(tmp_path):
    spec = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    spec["months"][11].append("noviembre")
    custom = tmp_path / "date_patterns.yaml"
    custom.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    text = "21 noviembre 2023\n" + BODY
    assert _resolve(text)["published_on"] is None
    assert _resolve(text, vocab=DateVocabulary.from_yaml(custom))["published_on"] == date(2023, 11, 21)


def test_devset_has_no_wrong_dates():
    from scripts.eval_dates import DEVSET, evaluate

    scored = evaluate(DEVSET)
    assert scored.height >= 40
    assert scored.filter(pl.col("outcome") == "WRONG DATE").height == 0


NAV = "Home\nWorld\nPolitics\nBusiness\nSports\nOpinion\nVideo\nSearch\n"
LATE = datetime(2025, 1, 5, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("10:35 August 21, 2023", date(2023, 8, 21)),
        ("Fri, April 26, 2024 at 8:41 AM EDT", date(2024, 4, 26)),
        ("23 FEB 2024, 16:40", date(2024, 2, 23)),
        ("26.08.2024", date(2024, 8, 26)),
        ("05:12 AM December 11, 2023", date(2023, 12, 11)),
        ("November 17, 2024 1:12 PM", date(2024, 11, 17)),
        ("22 May 2024, 10:41 a.m. IST", date(2024, 5, 22)),
        ("Tuesday 3 Sep 2024 14.05 BST", date(2024, 9, 3)),
        ("Jul 07, 2023 - 2:14 pm GMT+3", date(2023, 7, 7)),
        ("8:17 pm on 10 November 2023", date(2023, 11, 10)),
    ],
)
def test_bare_date_stamp_in_the_header_counts_below_the_navigation(stamp, expected):
    row = _resolve(NAV + "N. Korea slams drills\n" + stamp + "\n" + BODY + BODY, ingested_at=LATE)
    assert (row["published_on"], row["date_source"], row["date_evidence"]) == (expected, "dateline", stamp)


def test_bbc_date_among_share_widgets_and_byline_is_read():
    text = NAV + "Syria's new leaders meet UN envoy\n17 December 2024\nShare\nSave\nLyse Doucet\n" + BODY
    assert _resolve(text, ingested_at=LATE)["published_on"] == date(2024, 12, 17)


def test_labelled_line_with_the_time_before_the_date_counts_anywhere():
    text = (
        "Leaders pledge aid\n" + BODY + BODY + "By LORNE COOK\nUpdated 3:41 PM GMT+2, June 13, 2024\n" + BODY
    )
    row = _resolve(text, ingested_at=LATE)
    assert (row["published_on"], row["date_evidence"]) == (
        date(2024, 6, 13),
        "Updated 3:41 PM GMT+2, June 13, 2024",
    )


def test_the_page_keeps_its_own_local_day_not_the_utc_day():
    row = _resolve(
        "Biden meets Xi\nNov 15, 2023 11:40 PM EST\n" + BODY,
        ingested_at=datetime(2023, 11, 16, 6, 0, tzinfo=UTC),
    )
    assert row["published_on"] == date(2023, 11, 15)


@pytest.mark.parametrize(
    ("url", "line", "expected"),
    [
        ("https://www.aa.com.tr/en/world/x/3300001", "05.08.2024", date(2024, 8, 5)),
        ("https://news.example.com/world/x", "05.08.2024", None),
        ("https://www.example.de/en/world/x", "05/08/2024", None),
        ("https://news.example.com/world/x", "05/09/24", None),
    ],
)
def test_dotted_day_first_dates_are_trusted_only_on_day_first_country_domains(url, line, expected):
    assert _resolve(line + "\n" + BODY, url, ingested_at=LATE)["published_on"] == expected


def test_a_date_stamp_below_the_body_is_a_related_item_not_the_date():
    text = "Seoul on alert\n" + BODY + BODY + "More stories\nJapan protests\n21 November 2023\n"
    assert _resolve(text)["published_on"] is None


def test_header_stamps_giving_different_days_are_teasers_and_abstain():
    text = NAV + "Most read\nJapan protests\n21 November 2023\nChina urges calm\n19 November 2023\n" + BODY
    assert _resolve(text)["published_on"] is None


@pytest.mark.parametrize(
    "line",
    [
        "Kim Jong Un inspects a launch site in Pyongyang, 13 September 2023 (KCNA)",
        "Until 30 November 2023",
        "10:35 November 21",
        "Updated 2 hours ago",
    ],
)
def test_header_lines_that_are_captions_events_or_year_less_are_not_stamps(line):
    assert _resolve(NAV + "Seoul on alert\n" + line + "\n" + BODY)["published_on"] is None


MENU = "".join(
    f"{item}\n" for item in ["KYODO NEWS", "Home", "Latest", "Japan", "World", "Politics", "Business"]
)


def test_short_date_line_below_a_long_navigation_menu_is_the_pages_date():
    text = (
        MENU
        + "China bans all Japanese seafood as Fukushima water release begins\n"
        + "KYODO NEWS - Aug 24, 2023 - 21:05 | All, Japan, World\n"
        + BODY
    )
    row = _resolve(
        text, "https://english.kyodonews.net/news/2023/08/6c1e4c8a3f9b-china-bans.html", ingested_at=LATE
    )
    assert (row["published_on"], row["date_source"]) == (date(2023, 8, 24), "dateline")


def test_byline_with_a_dotted_date_below_menu_title_and_standfirst_is_the_pages_date():
    text = (
        "Anadolu Ajansı\nTürkiye\nWorld\nPolitics\nEconomy\nEnergy\nSports\nAnalysis\n"
        "Erdogan, Sisi agree to open 'new page' in Turkish-Egyptian relations\n"
        "Turkish president pays first visit to Egypt in more than a decade, leaders discuss Gaza, trade\n"
        "Hamdi Yildiz | 14.02.2024 - Update : 14.02.2024\nCAIRO\n" + BODY
    )
    row = _resolve(text, "https://www.aa.com.tr/en/politics/erdogan-sisi/3137654", ingested_at=LATE)
    assert row["published_on"] == date(2024, 2, 14)


def test_short_lines_below_a_menu_giving_different_days_are_teasers_and_abstain():
    text = (
        MENU
        + "Japan protests\nKYODO NEWS - Nov 21, 2023\nChina urges calm\nKYODO NEWS - Nov 19, 2023\n"
        + BODY
    )
    assert _resolve(text)["published_on"] is None


def test_a_sentence_date_below_a_menu_is_still_an_event_date():
    text = MENU + "Seafood ban\nTalks set for Aug 24, 2023 in Tokyo\n" + BODY
    assert _resolve(text, ingested_at=LATE)["published_on"] is None


DW_PAGE = (
    "DW\nSkip next section Explore DW\nGermany\nWorld\nLive TV\nPolitics\n"
    "Kremlin warns of response to US missile deployment in Germany\n07/11/2024\n"
    "Washington and Berlin have announced that long-range US missiles will be stationed in Germany "
    "from 2026.\n" + BODY + BODY + "dh/rc (AFP, dpa, Reuters)\nMore on this topic\nDate 11.07.2024\n"
)


def test_dotted_date_is_day_first_on_a_registry_outlet_of_a_day_first_country():
    row = _resolve(DW_PAGE, "https://www.dw.com/en/kremlin-warns/a-69634512", ingested_at=LATE)
    assert (row["published_on"], row["date_evidence"]) == (date(2024, 7, 11), "Date 11.07.2024")


def test_slashed_date_stays_ambiguous_on_a_day_first_countrys_outlet():
    text = DW_PAGE.replace("Date 11.07.2024\n", "")
    assert (
        _resolve(text, "https://www.dw.com/en/kremlin-warns/a-69634512", ingested_at=LATE)["published_on"]
        is None
    )


def test_dotted_date_stays_ambiguous_on_an_outlet_of_a_month_first_country():
    row = _resolve(DW_PAGE, "https://www.npr.org/2024/kremlin-warns", ingested_at=LATE)
    assert row["published_on"] is None


def test_a_bylines_on_before_the_date_is_the_pages_date_not_an_event():
    text = (
        "The Astana Times\nNation\nPolitics\n"
        "Kyrgyzstan and Tajikistan sign historic border treaty, ending decades of dispute\n"
        "By Aiman Nakispekova in Politics on 13 March 2025\n"
        "ASTANA – The presidents of Kyrgyzstan and Tajikistan signed a treaty on the state border "
        "on March 13 in Bishkek, settling a dispute over their 980-kilometer frontier.\n" + BODY
    )
    row = _resolve(
        text,
        "https://astanatimes.com/2025/03/kyrgyzstan-and-tajikistan-sign/",
        ingested_at=datetime(2025, 6, 1, tzinfo=UTC),
    )
    assert (row["published_on"], row["date_source"]) == (date(2025, 3, 13), "dateline")


def test_a_sentence_opening_with_by_and_an_on_date_is_still_an_event_date():
    text = MENU + "Treaty signed\nBy the time talks resumed on 13 March 2025 the border was calm\n" + BODY
    assert _resolve(text)["published_on"] is None
