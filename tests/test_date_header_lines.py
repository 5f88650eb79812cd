"""The page's own date line among its header lines: menus, stamps, bylines and captions above the body, and
which numeric day/month order a site's stamps are read in."""

from datetime import UTC, date, datetime

import pytest
from date_helpers import BODY, LATE, NAV, resolve


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
        # an English section stamped in its outlet's own language (Corriere, El País, Le Monde)
        ("6 dicembre 2023 | 20:15", date(2023, 12, 6)),
        ("4 février 2024 à 09h10", date(2024, 2, 4)),
        ("17 agosto 2024", date(2024, 8, 17)),
    ],
)
def test_bare_date_stamp_in_the_header_counts_below_the_navigation(stamp, expected):
    row = resolve(NAV + "N. Korea slams drills\n" + stamp + "\n" + BODY + BODY, ingested_at=LATE)
    assert (row["published_on"], row["date_source"], row["date_evidence"]) == (expected, "dateline", stamp)


def test_bbc_date_among_share_widgets_and_byline_is_read():
    text = NAV + "Syria's new leaders meet UN envoy\n17 December 2024\nShare\nSave\nLyse Doucet\n" + BODY
    assert resolve(text, ingested_at=LATE)["published_on"] == date(2024, 12, 17)


def test_labelled_line_with_the_time_before_the_date_counts_anywhere():
    text = (
        "Leaders pledge aid\n" + BODY + BODY + "By LORNE COOK\nUpdated 3:41 PM GMT+2, June 13, 2024\n" + BODY
    )
    row = resolve(text, ingested_at=LATE)
    assert (row["published_on"], row["date_evidence"]) == (
        date(2024, 6, 13),
        "Updated 3:41 PM GMT+2, June 13, 2024",
    )


def test_the_page_keeps_its_own_local_day_not_the_utc_day():
    row = resolve(
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
    assert resolve(line + "\n" + BODY, url, ingested_at=LATE)["published_on"] == expected


def test_a_date_stamp_below_the_body_is_a_related_item_not_the_date():
    text = "Seoul on alert\n" + BODY + BODY + "More stories\nJapan protests\n21 November 2023\n"
    assert resolve(text)["published_on"] is None


def test_header_stamps_giving_different_days_are_teasers_and_abstain():
    text = NAV + "Most read\nJapan protests\n21 November 2023\nChina urges calm\n19 November 2023\n" + BODY
    assert resolve(text)["published_on"] is None


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
    assert resolve(NAV + "Seoul on alert\n" + line + "\n" + BODY)["published_on"] is None


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
    row = resolve(
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
    row = resolve(text, "https://www.aa.com.tr/en/politics/erdogan-sisi/3137654", ingested_at=LATE)
    assert row["published_on"] == date(2024, 2, 14)


def test_a_byline_of_several_authors_and_a_bar_before_the_date_is_the_pages_date():
    """Anadolu's byline: more names than a short date line may carry, no "By", the bar glued to the date."""
    text = (
        "Anadolu Ajansı\nTürkiye\nWorld\nPolitics\nEconomy\nEnergy\nSports\nAnalysis\n"
        "Türkiye, Egypt sign deals on defense, energy\n"
        "Leaders agree to lift bilateral trade to $15 billion\n"
        "Hamdi Yildiz, Mehmet Burak Karacaoğlu  |14.02.2024 - Update : 15.02.2024\nCAIRO\n" + BODY
    )
    row = resolve(text, "https://www.aa.com.tr/en/politics/turkiye-egypt-deals/3137690", ingested_at=LATE)
    assert (row["published_on"], row["date_source"]) == (date(2024, 2, 14), "dateline")


def test_short_lines_below_a_menu_giving_different_days_are_teasers_and_abstain():
    text = (
        MENU
        + "Japan protests\nKYODO NEWS - Nov 21, 2023\nChina urges calm\nKYODO NEWS - Nov 19, 2023\n"
        + BODY
    )
    assert resolve(text)["published_on"] is None


def test_a_sentence_date_below_a_menu_is_still_an_event_date():
    text = MENU + "Seafood ban\nTalks set for Aug 24, 2023 in Tokyo\n" + BODY
    assert resolve(text, ingested_at=LATE)["published_on"] is None


DW_PAGE = (
    "DW\nSkip next section Explore DW\nGermany\nWorld\nLive TV\nPolitics\n"
    "Kremlin warns of response to US missile deployment in Germany\n07/11/2024\n"
    "Washington and Berlin have announced that long-range US missiles will be stationed in Germany "
    "from 2026.\n" + BODY + BODY + "dh/rc (AFP, dpa, Reuters)\nMore on this topic\nDate 11.07.2024\n"
)


def test_dotted_date_is_day_first_on_a_registry_outlet_of_a_day_first_country():
    row = resolve(DW_PAGE, "https://www.dw.com/en/kremlin-warns/a-69634512", ingested_at=LATE)
    assert (row["published_on"], row["date_evidence"]) == (date(2024, 7, 11), "Date 11.07.2024")


def test_slashed_date_stays_ambiguous_on_a_day_first_countrys_outlet():
    text = DW_PAGE.replace("Date 11.07.2024\n", "")
    assert (
        resolve(text, "https://www.dw.com/en/kremlin-warns/a-69634512", ingested_at=LATE)["published_on"]
        is None
    )


def test_dotted_date_stays_ambiguous_on_an_outlet_of_a_month_first_country():
    row = resolve(DW_PAGE, "https://www.npr.org/2024/kremlin-warns", ingested_at=LATE)
    assert row["published_on"] is None


def test_a_bylines_on_before_the_date_is_the_pages_date_not_an_event():
    text = (
        "The Astana Times\nNation\nPolitics\n"
        "Kyrgyzstan and Tajikistan sign historic border treaty, ending decades of dispute\n"
        "By Aiman Nakispekova in Politics on 13 March 2025\n"
        "ASTANA – The presidents of Kyrgyzstan and Tajikistan signed a treaty on the state border "
        "on March 13 in Bishkek, settling a dispute over their 980-kilometer frontier.\n" + BODY
    )
    row = resolve(
        text,
        "https://astanatimes.com/2025/03/kyrgyzstan-and-tajikistan-sign/",
        ingested_at=datetime(2025, 6, 1, tzinfo=UTC),
    )
    assert (row["published_on"], row["date_source"]) == (date(2025, 3, 13), "dateline")


def test_a_sentence_opening_with_by_and_an_on_date_is_still_an_event_date():
    text = MENU + "Treaty signed\nBy the time talks resumed on 13 March 2025 the border was calm\n" + BODY
    assert resolve(text)["published_on"] is None


def test_the_hills_byline_with_a_two_digit_year_is_the_pages_date():
    text = "The Hill\nNews\nPolicy\nUS suspends strategic partnership with Georgia\n"
    row = resolve(text + "by Laura Kelly - 11/30/24 4:18 PM ET\n" + BODY + BODY, ingested_at=LATE)
    assert (row["published_on"], row["date_source"]) == (date(2024, 11, 30), "dateline")


@pytest.mark.parametrize("stamp", ["30.11.24 16:18", "30-11-24 16:18", "11/10/24 4:18 PM ET"])
def test_a_two_digit_year_is_read_only_with_slashes_and_an_unswappable_day(stamp):
    row = resolve(NAV + "N. Korea slams drills\n" + stamp + "\n" + BODY + BODY, ingested_at=LATE)
    assert row["published_on"] is None


def test_a_juche_era_date_line_gives_the_common_era_year_and_month_day():
    text = (
        "Rodong Sinmun\nHome\nPolitics\nJuche 113 (2024) 6.30.\nProvocative drill can never go unpunished\n"
    )
    row = resolve(text + BODY + BODY, ingested_at=LATE)
    assert (row["published_on"], row["date_evidence"]) == (date(2024, 6, 30), "Juche 113 (2024) 6.30.")


KUNA_HEADER = "KUNA\nKuwait News Agency\nHome\nKuwait\nGulf\nArab\nInternational\nEconomic\nSports\n"


@pytest.mark.parametrize("stamp", ["10/09/2023 15:21", "09/10/2023 15:21"])
def test_a_year_less_wire_dateline_tells_which_way_a_numeric_stamp_reads(stamp):
    """KUNA prints a numeric stamp either order could read and a dateline without its year: together they
    give one day."""
    text = (
        KUNA_HEADER
        + "Kuwait hands Iraqi ambassador protest note over Khor Abdullah court ruling\n"
        + f"{stamp}\nKUWAIT, Sept 10 (KUNA) --\n"
        + BODY
    )
    row = resolve(text, "https://www.kuna.net.kw/ArticleDetails.aspx?id=3109214", ingested_at=LATE)
    assert (row["published_on"], row["date_source"]) == (date(2023, 9, 10), "dateline")


def test_a_numeric_stamp_agreeing_with_neither_reading_of_the_dateline_stays_ambiguous():
    text = KUNA_HEADER + "Kuwait hands protest note\n10/09/2023 15:21\nKUWAIT, Sept 11 (KUNA) --\n" + BODY
    assert (
        resolve(text, "https://www.kuna.net.kw/ArticleDetails.aspx?id=3109214", ingested_at=LATE)[
            "published_on"
        ]
        is None
    )


VNA_HEADER = "VietnamPlus\nVietnam News Agency\nPolitics\nBusiness\nSociety\nWorld\n"
VNA_URL = (
    "https://en.vietnamplus.vn/viet-nam-protests-brutal-attack-on-fishermen-in-hoang-sa-waters-post298871.vnp"
)
VNA_LEAD = (
    "Viet Nam has lodged a protest with China over the brutal attack by Chinese law enforcement forces on "
    "a Vietnamese fishing boat and its crew in the waters of the Hoang Sa (Paracel) archipelago, Foreign "
    "Ministry spokeswoman Pham Thu Hang said on {day}.\n"
)


def _vna(lead_day: str) -> dict:
    text = (
        VNA_HEADER
        + "Viet Nam protests brutal attack on fishermen in Hoang Sa waters\n02/10/2024 21:30\nHanoi (VNA) –\n"
        + VNA_LEAD.format(day=lead_day)
        + BODY
    )
    return resolve(text, VNA_URL, ingested_at=LATE)


def test_the_one_day_the_lead_reports_tells_which_way_a_numeric_stamp_reads():
    row = _vna("October 2")
    assert (row["published_on"], row["date_evidence"]) == (date(2024, 10, 2), "02/10/2024 21:30")


def test_a_lead_reporting_two_days_of_two_months_leaves_a_numeric_stamp_ambiguous():
    assert _vna("October 2 after talks on September 30")["published_on"] is None


def test_a_lead_reporting_two_days_of_one_month_tells_the_stamps_month():
    row = _vna("October 2 after talks on October 1")
    assert (row["published_on"], row["date_evidence"]) == (date(2024, 10, 2), "02/10/2024 21:30")


def test_a_lead_day_agreeing_with_neither_reading_leaves_a_numeric_stamp_ambiguous():
    assert _vna("October 3")["published_on"] is None


VNEXPRESS_URL = "https://e.vnexpress.net/news/news/vietnam-us-elevate-ties-to-comprehensive-strategic-partnership-4651093.html"


def _vnexpress(stamp: str) -> dict:
    text = (
        "VnExpress International\nNews\nBusiness\nTravel\nLife\nSports\nWorld\nPerspectives\nNews\n"
        "Vietnam, US elevate ties to comprehensive strategic partnership\nBy Vu Anh\n"
        f"{stamp}\n"
        "Vietnam and the U.S. have upgraded their relationship to a Comprehensive Strategic Partnership, the "
        "highest level in Vietnam's diplomatic ranking, during U.S. President Joe Biden's visit to Hanoi.\n"
        + BODY
    )
    return resolve(text, VNEXPRESS_URL, ingested_at=LATE)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("Monday, 11/9/2023, 4:30 pm (GMT+7)", date(2023, 9, 11)),
        ("Thursday, 11/9/2023, 4:30 pm (GMT+7)", date(2023, 11, 9)),
        ("Mon. 11/9/2023 4:30 pm", date(2023, 9, 11)),
    ],
)
def test_a_weekday_printed_beside_a_numeric_stamp_tells_which_way_it_reads(stamp, expected):
    """11 September 2023 was a Monday, 9 November a Thursday."""
    row = _vnexpress(stamp)
    assert (row["published_on"], row["date_source"]) == (expected, "dateline")


def test_a_weekday_neither_reading_falls_on_leaves_a_numeric_stamp_ambiguous():
    assert _vnexpress("Friday, 11/9/2023, 4:30 pm (GMT+7)")["published_on"] is None


def test_a_weekday_both_readings_fall_on_leaves_a_numeric_stamp_ambiguous():
    """5 September and 9 May 2023 were both Tuesdays."""
    assert _vnexpress("Tuesday, 5/9/2023, 4:30 pm (GMT+7)")["published_on"] is None
