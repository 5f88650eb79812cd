"""Wire credits: the agency whose copy an article carries (Yonhap, AFP, Reuters...), read from the text."""

import polars as pl
import pytest
from outlet_helpers import articles, sample_articles

from monitor.outlets import load_outlets
from monitor.wire_credits import detect_wire


@pytest.fixture(scope="module")
def outlets() -> pl.DataFrame:
    return load_outlets()


@pytest.fixture(scope="module")
def samples() -> pl.DataFrame:
    return sample_articles()


def _wire(outlets: pl.DataFrame, text: str) -> tuple[str | None, str | None]:
    out = detect_wire(articles({"text": text}).select("article_id", "text"), outlets).row(0, named=True)
    return out["wire"], out["wire_evidence"]


# --- wire detection on the samples ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article_id", "wire", "evidence"),
    [
        # Prothom Alo ran this without any agency credit: the KCNA in its photo caption is a source
        # glossed by its acronym ("Korean Central News Agency (KCNA) on September 14"), not a credit.
        ("000", None, None),
        ("001", "yonhap", "(Yonhap)"),
        ("002", "yonhap", "featured by Yonhap News Agency"),
        ("003", "asian_lite_news", "reports Asian Lite News"),
        ("004", "reuters", "quoted by Reuters"),
    ],
)
def test_sample_wire_is_the_first_agency_the_text_credits(outlets, samples, article_id, wire, evidence):
    out = detect_wire(samples, outlets).filter(pl.col("article_id") == article_id).row(0, named=True)
    assert (out["wire"], out["wire_evidence"]) == (wire, evidence)


@pytest.mark.parametrize(
    ("text", "wire", "evidence"),
    [
        ("MOSCOW, November 20. /TASS/. Russia and North Korea signed a protocol.", "tass", "/TASS/"),
        ("NEW DELHI (AP) — India and the US held talks on Friday.", "ap", "(AP)"),
        ("The minister spoke in New Delhi.\n(With inputs from PTI)", "pti", "inputs from PTI"),
        ("Ties will remain strong, reports Yonhap News Agency.", "yonhap", "reports Yonhap News Agency"),
        ("Seoul condemned the launch, an official told AFP on Tuesday.", "afp", "told AFP"),
        ("Tokyo lodged a protest.\n— Reuters\n", "reuters", "— Reuters"),
        ("The statement, sent via Reuters, rejected the claim.", "reuters", "via Reuters"),
        ("Damascus, SANA- The Arab League on Sunday restored Syria's seat.", "sana", "Damascus, SANA"),
    ],
)
def test_credit_phrasings_name_the_agency(outlets, text, wire, evidence):
    assert _wire(outlets, text) == (wire, evidence)


def test_a_sign_off_followed_only_by_the_reporters_address_still_credits_the_agency(outlets):
    text = "Seoul summoned the Russian ambassador on Monday, the ministry said. (Yonhap)\nshj@yna.co.kr"
    assert _wire(outlets, text) == ("yonhap", "(Yonhap)")


def test_several_credits_pick_the_first_in_the_text(outlets):
    text = "Moscow denied it, an official told Reuters. Pyongyang was silent. (AFP)\nMore below."
    assert _wire(outlets, text) == ("reuters", "told Reuters")


@pytest.mark.parametrize(
    "text",
    [
        "Crown Prince Mohammed bin Salman spoke with Qatar's Emir, according to the Saudi Press Agency.",
        "Kyodo News reported that Tokyo lodged a protest with Pyongyang.",
        "The kingdom stood in full solidarity with Qatar, Saudi Press Agency reported.",
        "In a statement carried by the Emirates News Agency (WAM), the ministry rejected the decision.",
        # VOA's caption: the agency sent the photo, not the copy
        "Erdogan and Abiy in Ankara, Dec. 11. (Turkish Presidency via AP)\nEthiopia and Somalia agreed.",
        # the Korea Herald's own story under a Yonhap photo: the caption's credit, with the copy below it
        "Russian Ambassador to South Korea Georgy Zinoviev enters the Foreign Ministry building in Seoul on "
        "Monday. (Yonhap)\nSouth Korea on Monday summoned the Russian ambassador in Seoul and demanded the "
        "immediate withdrawal of North Korean troops sent to Russia.",
        # Arab News: the cleaned copy keeps a blank line between the caption and the lead
        "Smoke rises after an Israeli strike in the Qatari capital Doha on Sept. 9, 2025. (AFP)\n\n"
        "Saudi Arabia on Tuesday condemned in the strongest terms the Israeli strike on Doha.",
        # The Washington Post: a caption credited to two agencies, the paper's own copy below it
        "South Korean National Intelligence Service officials brief lawmakers in Seoul. (Yonhap/AP)\n"
        "SEOUL — South Korea summoned the Russian ambassador on Monday and demanded the immediate withdrawal "
        "of North Korean troops.",
    ],
)
def test_a_source_cited_for_a_fact_is_not_a_wire_credit(outlets, text):
    assert _wire(outlets, text) == (None, None)


def _page_wire(outlets, body: str, page: str) -> tuple[str | None, str | None]:
    frame = pl.DataFrame({"article_id": ["a"], "text": [body], "page": [page]})
    out = detect_wire(frame, outlets).row(0, named=True)
    return out["wire"], out["wire_evidence"]


NDTV_BODY = "New Delhi: India on Tuesday lodged a strong protest with China over the so-called standard map."


def test_byline_credit_between_bars_in_the_page_header_names_the_agency(outlets):
    page = (
        "NDTV\nIndia News\nIndia Lodges Strong Protest With China\n"
        "India News | Press Trust of India | Updated: August 29, 2023 10:41 pm IST\n" + NDTV_BODY
    )
    assert _page_wire(outlets, NDTV_BODY, page) == ("pti", "| Press Trust of India")


def test_agency_line_above_the_date_in_the_page_header_names_the_agency(outlets):
    page = "Gulf News\nWorld\nPoland demands explanation\nAFP\nPublished: March 24, 2024 15:40\n" + NDTV_BODY
    assert _page_wire(outlets, NDTV_BODY, page) == ("afp", "AFP")


def test_a_photo_caption_credited_to_agencies_by_a_slash_is_no_credit_of_the_copy(outlets):
    body = "SEOUL — South Korea summoned the Russian ambassador on Monday."
    page = (
        "The Washington Post\nWorld\nSouth Korea summons Russian envoy\nBy Michelle Ye Hee Lee\n"
        "South Korean National Intelligence Service officials brief lawmakers in Seoul. (Yonhap/AP)\n" + body
    )
    assert _page_wire(outlets, body, page) == (None, None)


def test_outlet_with_agency_byline_names_the_agency(outlets):
    page = "DAILY SABAH\nErdoğan says Sweden must act\nDAILY SABAH WITH AA\nISTANBUL\n" + NDTV_BODY
    assert _page_wire(outlets, NDTV_BODY, page) == ("anadolu", "DAILY SABAH WITH AA")


@pytest.mark.parametrize(
    ("byline", "wire"),
    [
        ("By JERUSALEM POST STAFF, REUTERS", "reuters"),
        ("By Bernama\nDecember 20, 2023 @ 7:11pm", "bernama"),
        ("By Ana Lima and Reuters", "reuters"),
        ("By Ana Lima & AFP", "afp"),
    ],
)
def test_an_agency_alone_or_last_in_the_byline_names_the_agency(outlets, byline, wire):
    frame = pl.DataFrame({"article_id": ["a"], "text": [NDTV_BODY], "byline": [byline], "page": [NDTV_BODY]})
    assert detect_wire(frame, outlets)["wire"].to_list() == [wire]


def test_an_agency_named_inside_a_byline_is_not_the_copys_wire(outlets):
    byline = "By Reuters correspondent Jane Doe, Tokyo"
    frame = pl.DataFrame({"article_id": ["a"], "text": [NDTV_BODY], "byline": [byline], "page": [NDTV_BODY]})
    assert detect_wire(frame, outlets)["wire"].to_list() == [None]


def test_agency_credit_list_in_the_page_footer_names_the_first_agency(outlets):
    page = NDTV_BODY + "\ndh/rc (AFP, dpa, Reuters)\nSend us your feedback"
    assert _page_wire(outlets, NDTV_BODY, page)[0] == "afp"


def test_agency_copyright_footer_with_a_year_names_the_agency(outlets):
    page = "KYODO NEWS\nHome\n" + NDTV_BODY + "\nRelated coverage:\n© 2023 KYODO NEWS ALL RIGHTS RESERVED"
    assert _page_wire(outlets, NDTV_BODY, page)[0] == "kyodo"


def test_an_agency_named_in_its_own_language_on_a_line_of_its_own_names_the_agency(outlets):
    """Anadolu heads its English pages with its Turkish name (seeds/outlets.csv lists both)."""
    body = "Turkish Foreign Minister Hakan Fidan met Qatari Prime Minister in Doha on Sunday."
    page = "Anadolu Ajansı\nTürkiye\nWorld\n" + body + "\nPhoto: Aytac Unal - Anadolu Agency\n"
    assert _page_wire(outlets, body, page) == ("anadolu", "Anadolu Ajansı")


def test_a_wire_dateline_on_a_line_of_its_own_above_the_copy_names_the_agency(outlets):
    """Antara sets "Jakarta (ANTARA) -" apart from the first paragraph; cleaning keeps only the copy."""
    body = "Indonesia and Malaysia on Monday agreed to speed up talks on their maritime boundary."
    page = "ANTARA News\nIndonesia, Malaysia to speed up border talks\nMonday, 8 July 2024 16:20 WIB\n"
    assert _page_wire(outlets, body, page + "Jakarta (ANTARA) -\n" + body) == ("antara", "Jakarta (ANTARA)")


def test_photo_credit_in_the_page_header_is_not_the_copys_wire(outlets):
    page = "DW\nBaerbock warns China\nImage: Soeren Stache/dpa/picture alliance\nSoldiers at a port (AFP)\n"
    assert _page_wire(outlets, NDTV_BODY, page + NDTV_BODY) == (None, None)


def test_a_credit_in_the_copy_wins_over_the_page_byline(outlets):
    body = "SEOUL, Nov. 21 (Yonhap) -- North Korea said Tuesday its ties with Russia will remain strong."
    assert _page_wire(outlets, body, "AFP\n" + body) == ("yonhap", "(Yonhap)")


def test_acronym_gloss_after_the_full_name_is_not_a_credit(outlets):
    text = "The Korean Central News Agency (KCNA) on Thursday published photos of the launch."
    assert _wire(outlets, text) == (None, None)


def test_agency_name_inside_a_longer_word_is_not_a_credit(outlets):
    text = "Leaders met at the summit, according to APEC officials and JAPAN's foreign ministry."
    assert _wire(outlets, text) == (None, None)


def test_plain_mention_of_an_agency_is_not_a_credit(outlets):
    text = "Reuters and Yonhap journalists were barred from the briefing in Pyongyang."
    assert _wire(outlets, text) == (None, None)


def test_missing_text_gives_a_null_wire_row(outlets):
    out = detect_wire(articles({"text": None}).select("article_id", "text"), outlets)
    assert out.rows() == [("a0", None, None)]


def test_agency_name_in_capitals_on_its_own_line_above_the_date_names_the_agency(outlets):
    page = (
        "The Japan Times\nNEWS\nJapan and South Korea agree to end trade curbs\nKYODO\nMar 16, 2023\n"
        + NDTV_BODY
    )
    assert _page_wire(outlets, NDTV_BODY, page) == ("kyodo", "KYODO")


def test_a_registry_without_wire_agencies_credits_no_wire(outlets):
    dateline = "SEOUL, Nov. 21 (Yonhap) -- North Korea said Tuesday its ties with Russia will remain strong."
    copy = pl.DataFrame({"article_id": ["a"], "text": [dateline], "page": [f"KYODO\n{dateline}"]})
    newspapers = outlets.filter(~pl.col("is_wire"))
    assert detect_wire(copy, newspapers).select("wire", "wire_evidence").row(0) == (None, None)
    assert detect_wire(copy, outlets)["wire"][0] == "yonhap"


def test_an_agency_copyright_before_a_photographers_name_is_a_photo_credit(outlets):
    """RT's captions end in the photo's credit; the copy below is RT's own."""
    text = (
        "Finland's President Sauli Niinisto and NATO Secretary General Jens Stoltenberg at the alliance's "
        "headquarters in Brussels. © AFP / Kenzo Tribouillard\n"
        'Moscow will be forced to take "countermeasures" after Finland became NATO\'s 31st member on Tuesday.'
    )
    assert _wire(outlets, text) == (None, None)


def test_a_publishers_own_name_in_its_byline_is_no_wire_credit(outlets):
    """Asian Lite News syndicates its copy (a wire elsewhere), but on its own page it is the publisher."""
    body = "LONDON: Britain and India signed a free trade agreement at Chequers on Thursday."
    page = "Asian Lite News\nWorld\nUK, India sign free trade agreement\nBy Asian Lite News\nJuly 24, 2025\n"
    frame = pl.DataFrame(
        {"article_id": ["a"], "text": [body], "page": [page + body], "outlet_id": ["asian_lite_news"]}
    )
    assert detect_wire(frame, outlets).select("wire", "wire_evidence").row(0) == (None, None)


def test_a_datelines_credit_followed_by_the_lead_without_a_dash_names_the_agency(outlets):
    """CNA runs its lead on after the credit: "Taipei, April 2 (CNA) Taiwan's government ..."."""
    text = (
        "Taipei, April 2 (CNA) Taiwan's government on Wednesday condemned a second day of large-scale "
        "Chinese military exercises around the island."
    )
    assert _wire(outlets, text) == ("cna_taiwan", "Taipei, April 2 (CNA)")


def test_an_agency_name_that_is_a_menu_section_is_no_credit(outlets):
    """MENAFN's menu has a MENA section (Middle East and North Africa); Egypt's agency is also MENA."""
    body = "Riyadh: US President Donald Trump met Syrian President Ahmed Al-Sharaa in Riyadh on Wednesday."
    page = "MENAFN\nHome\nNews\nBusiness\nMarkets\nPress Releases\nMENA\nTrump Meets Syria's Al-Sharaa\n"
    assert _page_wire(outlets, body, page + body) == (None, None)
