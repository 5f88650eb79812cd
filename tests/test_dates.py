"""Publication dates: metadata, then dateline, then URL; abstain rather than guess."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import pytest
import yaml
from date_helpers import BODY, INGESTED, LATE, NAV, resolve

from monitor.date_patterns import PATTERNS_FILE, DateVocabulary
from monitor.dates import OUTPUT_SCHEMA, resolve_published_dates

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "seeds" / "articles"


def _sample(stem: str) -> dict:
    path = next(ARTICLES.glob(f"{stem}_*.txt"))
    sidecar = path.with_suffix(".json")
    meta = json.loads(sidecar.read_text()) if sidecar.exists() else {}
    return resolve(
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
    row = resolve(published="2023-11-21T08:30:00+09:00")
    assert (row["published_on"], row["date_source"]) == (date(2023, 11, 21), "metadata")


def test_metadata_rfc_2822_is_parsed():
    assert resolve(published="Tue, 21 Nov 2023 08:30:00 +0900")["published_on"] == date(2023, 11, 21)


def test_metadata_in_another_language_falls_back_to_dateparser():
    assert resolve(published="21 listopada 2023")["published_on"] == date(2023, 11, 21)


def test_metadata_wins_over_a_dateline_and_a_url():
    row = resolve("November 20, 2023\n" + BODY, "https://x.com/2023/11/19/a/", "2023-11-21")
    assert (row["published_on"], row["date_source"], row["date_evidence"]) == (
        date(2023, 11, 21),
        "metadata",
        "2023-11-21",
    )


def test_relative_metadata_is_ignored_and_the_dateline_used():
    row = resolve("Posted on November 20, 2023 by admin\n" + BODY, published="2 days ago")
    assert (row["published_on"], row["date_source"]) == (date(2023, 11, 20), "dateline")


def test_dateline_wins_over_the_url():
    row = resolve("November 21, 2023\n" + BODY, "https://x.com/2023/11/25/a/")
    assert (row["published_on"], row["date_source"]) == (date(2023, 11, 21), "dateline")


def test_published_line_is_preferred_to_updated_line():
    text = "N. Korea slams US\nPublished : Aug. 8, 2023 - 09:05\nUpdated : Aug. 9, 2023 - 10:30\n" + BODY
    assert resolve(text)["published_on"] == date(2023, 8, 8)


def test_an_issued_on_line_is_the_publication_date_before_a_modified_line():
    # France 24's header
    header = "Macron says France to withdraw\nIssued on: 24/09/2023 - 21:58\nModified: 25/09/2023 - 08:12\n"
    text = header + BODY
    assert resolve(text)["published_on"] == date(2023, 9, 24)


def test_labelled_date_line_counts_below_the_page_furniture():
    text = "".join(f"Menu item {i}\n" for i in range(12)) + "Published: November 21, 2023\n" + BODY
    assert resolve(text)["published_on"] == date(2023, 11, 21)


def test_wire_dateline_with_a_year_is_used():
    row = resolve("SEOUL, Nov. 21, 2023 (Yonhap) -- The US reiterated its concerns Monday.\n")
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
    row = resolve(text, ingested_at=datetime(2025, 6, 1, tzinfo=UTC))
    assert (row["published_on"], row["date_evidence"]) == (expected, dateline)


def test_title_case_sentence_opening_with_a_date_and_no_credit_is_not_a_dateline():
    text = (
        NAV
        + "Talks resume\nMoscow, March 3, 2024 - a day the Kremlin will remember - saw new talks.\n"
        + BODY
    )
    assert resolve(text, ingested_at=LATE)["published_on"] is None


def test_an_event_date_after_on_is_not_a_stamp_without_a_time_before_it():
    assert resolve(NAV + "Treaty signed\nSigned on 10 November 2023\n" + BODY)["published_on"] is None


def test_wire_dateline_without_a_year_abstains():
    assert (
        resolve("SEOUL, Nov. 21 (Yonhap) -- The US reiterated its concerns Monday.\n")["published_on"] is None
    )


def test_photo_caption_date_at_the_top_is_not_a_dateline():
    text = (
        "Russia-N Korea satellite cooperation troubling: US\n\n"
        "This picture taken on 13 September 2023 and released by KCNA on September 14 shows Kim Jong Un.\n\n"
        "The United States on Wednesday voiced alarm.\n"
    )
    assert resolve(text)["published_on"] is None


def test_reported_date_inside_a_body_sentence_is_not_a_dateline():
    text = "US Military\n\nIn a report by Yonhap News Agency, in November 20, 2023, the focus is Pyongyang.\n"
    assert resolve(text)["published_on"] is None


def test_headline_event_date_after_a_preposition_is_not_a_dateline():
    assert resolve("Summit set for November 30, 2023\n" + BODY)["published_on"] is None


def test_relative_days_and_future_event_windows_abstain():
    text = (
        "US renews concerns over N. Korea\nThe State Department reiterated its concerns Monday.\n"
        "Pyongyang plans the launch between Nov. 22 and Dec. 1, 2023, Japanese media reported.\n"
    )
    assert resolve(text)["published_on"] is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("09/11/2023", None), ("21/11/2023", date(2023, 11, 21)), ("11/21/2023", date(2023, 11, 21))],
)
def test_numeric_dates_are_used_only_when_day_and_month_cannot_be_swapped(line, expected):
    assert resolve(line + "\n" + BODY)["published_on"] == expected


def test_dates_after_ingestion_are_rejected_beyond_the_time_zone_lead():
    assert resolve("December 25, 2023\n" + BODY)["published_on"] is None
    seoul_morning = resolve(
        published="2023-11-23T08:00:00+09:00", ingested_at=datetime(2023, 11, 22, 23, 30, tzinfo=UTC)
    )
    assert seoul_morning["published_on"] == date(2023, 11, 23)


def test_dates_before_1990_are_rejected():
    assert resolve("March 3, 1989\n" + BODY, published="1985-05-01")["published_on"] is None


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
    row = resolve(BODY, url)
    assert row["published_on"] == expected
    assert row["date_source"] == ("url" if expected else None)


def test_month_names_come_from_the_vocabulary_file(tmp_path):
    spec = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    spec["months"][8].append("agustus")  # Indonesian: not in the shipped file
    custom = tmp_path / "date_patterns.yaml"
    custom.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    text = "21 agustus 2023\n" + BODY
    assert resolve(text)["published_on"] is None
    assert resolve(text, vocab=DateVocabulary.from_yaml(custom))["published_on"] == date(2023, 8, 21)


def test_devset_has_no_wrong_dates():
    from scripts.eval_dates import DEVSET, evaluate

    scored = evaluate(DEVSET)
    assert scored.height >= 40
    assert scored.filter(pl.col("outcome") == "WRONG DATE").height == 0


def test_a_utc_stamp_one_day_after_the_urls_day_takes_the_publishers_local_day():
    row = resolve(
        url="https://edition.cnn.com/2025/08/08/politics/trump-armenia-azerbaijan-peace-declaration",
        published="2025-08-09T01:30:00Z",
        ingested_at=datetime(2025, 9, 1, tzinfo=UTC),
    )
    assert (row["published_on"], row["date_source"]) == (date(2025, 8, 8), "metadata")


def test_a_utc_stamp_two_days_from_the_urls_day_keeps_its_own_day():
    row = resolve(
        url="https://example.com/2025/08/06/story",
        published="2025-08-09T01:30:00Z",
        ingested_at=datetime(2025, 9, 1, tzinfo=UTC),
    )
    assert row["published_on"] == date(2025, 8, 9)


def test_a_utc_stamp_one_day_after_the_pages_own_date_line_takes_the_publishers_local_day():
    """NBC's export gives the UTC instant; the page prints the evening before, in New York."""
    text = (
        "NBC News\nPolitics\nWorld\nIran vows retaliation after U.S. strikes on three nuclear sites\n"
        "June 21, 2025, 11:10 PM EDT / Updated June 22, 2025, 9:05 AM EDT\n"
        "By Courtney Kube, Carol E. Lee and Andrea Mitchell\n" + BODY
    )
    row = resolve(
        text,
        "https://www.nbcnews.com/politics/national-security/us-strikes-iran-nuclear-sites-rcna214381",
        "2025-06-22T03:10:00Z",
        datetime(2025, 9, 1, tzinfo=UTC),
    )
    assert (row["published_on"], row["date_source"]) == (date(2025, 6, 21), "metadata")


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("Feb.19.2024 8:15PM", date(2024, 2, 19)),  # Folha's English pages
        ("19.Feb.2024 at 8:05PM", date(2024, 2, 19)),
        ("Juche 113(2024). 6. 30.", date(2024, 6, 30)),  # Rodong Sinmun
        ("2024. 6. 21. 15:16", date(2024, 6, 21)),  # year first, Korean style
    ],
)
def test_dates_run_together_with_dots_are_read(stamp, expected):
    row = resolve(NAV + "N. Korea slams drills\n" + stamp + "\n" + BODY + BODY, ingested_at=LATE)
    assert (row["published_on"], row["date_source"]) == (expected, "dateline")
