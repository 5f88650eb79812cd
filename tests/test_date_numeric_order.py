"""Which way an all-numeric stamp reads (04/02/2025: 4 February or 2 April?), where the page settles it: a
time zone of day-first countries beside it, a year-less wire dateline, the date or month in its URL."""

from datetime import UTC, date, datetime

import pytest
from date_helpers import resolve

INGESTED = datetime(2025, 12, 1, tzinfo=UTC)

DEVDISCOURSE_PAGE = (
    "Devdiscourse\nNews\nPolitics\nBusiness\nHealth\nTechnology\n"
    "Maldives suspends three deputy ministers over remarks on PM Modi; India raises concern with Male\n"
    "Devdiscourse News Desk | New Delhi | Updated: {stamp} | Created: {stamp}\n"
    "Representative Image. Image Credit: ANI\n"
    "The Maldivian government on Sunday suspended three deputy ministers over derogatory social media posts "
    "about Prime Minister Narendra Modi, as India strongly raised the matter with Male.\n"
)
DEVDISCOURSE_URL = (
    "https://www.devdiscourse.com/article/politics/2765431-maldives-suspends-three-deputy-ministers"
)


def test_a_time_in_a_zone_of_day_first_countries_tells_which_way_a_numeric_stamp_reads():
    """IST is India's, Ireland's or Israel's time: all three write 07-01-2024 for 7 January."""
    text = DEVDISCOURSE_PAGE.format(stamp="07-01-2024 21:14 IST")
    row = resolve(text, DEVDISCOURSE_URL, ingested_at=INGESTED)
    assert (row["published_on"], row["date_source"]) == (date(2024, 1, 7), "dateline")


FOCUS_TAIWAN_HEADER = (
    "Focus Taiwan\nCNA English News\nPolitics\nCross-Strait\nBusiness\nSociety\n"
    "Taiwan condemns China's 'Strait Thunder' drills as U.S., Japan voice concern\n04/02/2025 10:35 PM\n"
)
FOCUS_TAIWAN_LEAD = (
    "{dateline}Taiwan's government on Wednesday condemned China's second day of large-scale military "
    "exercises around the country, calling the drills a blatant provocation that threatened peace in the "
    "Taiwan Strait.\n"
)


def test_a_title_case_year_less_dateline_credited_in_brackets_tells_which_way_a_numeric_stamp_reads():
    text = FOCUS_TAIWAN_HEADER + FOCUS_TAIWAN_LEAD.format(dateline="Taipei, April 2 (CNA) ")
    row = resolve(text, "https://focustaiwan.tw/cross-strait/taiwan-condemns-drills", ingested_at=INGESTED)
    assert (row["published_on"], row["date_source"]) == (date(2025, 4, 2), "dateline")


@pytest.mark.parametrize(
    "url",
    [
        "https://focustaiwan.tw/cross-strait/202504020019",
        "https://focustaiwan.tw/2025/04/taiwan-condemns-china-strait-thunder-drills",
    ],
)
def test_the_month_in_the_url_tells_which_way_a_numeric_stamp_reads(url):
    """CNA's URL ends in the day's date and the item's serial number (202504020019: item 19 of 2 April)."""
    text = FOCUS_TAIWAN_HEADER + FOCUS_TAIWAN_LEAD.format(dateline="")
    row = resolve(text, url, ingested_at=INGESTED)
    assert (row["published_on"], row["date_source"]) == (date(2025, 4, 2), "dateline")


# as monitor.html_pages gives it: the stamp of the page's meta line first, the headline below it
NATIONAL_PAGE = (
    "03/10/2023 | 17:40{zone}\n"
    "Saudi Arabia and Iran agree to restore diplomatic relations in China-brokered deal\n"
    "Saudi Arabia and Iran on Friday agreed to restore diplomatic relations and reopen their embassies "
    "within two months, in a deal brokered by China that ends a seven-year rift between the two regional "
    "powers.\n"
    "The agreement was announced in a trilateral statement after talks held in Beijing from {days} between "
    "Saudi national security adviser Musaed Al Aiban and Ali Shamkhani of Iran's Supreme National Security "
    "Council.\n"
)
NATIONAL_URL = "https://www.thenationalnews.com/gulf-news/saudi-arabia/saudi-arabia-and-iran-agree-1.1204211"


def test_the_one_month_the_lead_names_tells_which_way_a_numeric_stamp_reads():
    page = NATIONAL_PAGE.format(zone="", days="March 6 to 10")
    row = resolve(page, NATIONAL_URL, ingested_at=INGESTED)
    assert (row["published_on"], row["date_source"]) == (date(2023, 3, 10), "dateline")


def test_a_lead_month_agreeing_with_the_zones_day_first_reading_keeps_it():
    page = NATIONAL_PAGE.format(zone=" GST", days="3 to 10 October")
    assert resolve(page, NATIONAL_URL, ingested_at=INGESTED)["published_on"] == date(2023, 10, 3)


def test_a_lead_month_against_the_zones_day_first_reading_leaves_the_stamp_unread():
    """GST is the Gulf's (day first), but the talks "from March 6 to 10" say 03/10/2023 is 10 March: the
    page contradicts the zone's habit, and a wrong date is worse than none."""
    page = NATIONAL_PAGE.format(zone=" GST", days="March 6 to 10")
    assert resolve(page, NATIONAL_URL, ingested_at=INGESTED)["published_on"] is None
