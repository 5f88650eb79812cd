"""Outlet registry and publisher resolution (URL > sidecar name > text self-signature); wire credits are in
test_wire_credits.py."""

from pathlib import Path

import polars as pl
import pytest
from outlet_helpers import articles, sample_articles

from monitor.outlet_signatures import _occurrences, load_text_patterns
from monitor.outlets import load_outlets, registered_domain, resolve_outlets, unknown_outlet_domains
from monitor.wire_credits import detect_wire

HEADER = "outlet_id,name,country,kind,domains,signatures,is_wire\n"
YONHAP_DATELINE = (
    "SEOUL, Nov. 21 (Yonhap) -- North Korea said Tuesday its ties with Russia will remain strong despite "
    "US warnings against arms transfers between the two countries."
)


@pytest.fixture(scope="module")
def outlets() -> pl.DataFrame:
    return load_outlets()


@pytest.fixture(scope="module")
def samples() -> pl.DataFrame:
    return sample_articles()


def _resolved(outlets: pl.DataFrame, **row) -> tuple[str | None, str | None]:
    out = resolve_outlets(articles(row), outlets).row(0, named=True)
    return out["outlet_id"], out["outlet_method"]


def _wire(outlets: pl.DataFrame, text: str) -> tuple[str | None, str | None]:
    out = detect_wire(articles({"text": text}).select("article_id", "text"), outlets).row(0, named=True)
    return out["wire"], out["wire_evidence"]


def _registry(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "outlets.csv"
    path.write_text(HEADER + "".join(line + "\n" for line in lines))
    return path


# --- the shipped registry -------------------------------------------------------------------------------


def test_shipped_registry_is_valid_and_broad(outlets):
    assert outlets.height >= 90
    assert outlets["country"].n_unique() >= 25
    assert outlets.schema["domains"] == pl.List(pl.String)
    assert outlets.schema["is_wire"] == pl.Boolean


@pytest.mark.parametrize(
    ("outlet_id", "domain", "is_wire"),
    [
        ("prothom_alo", "prothomalo.com", False),
        ("checkersaga", "checkersaga.com", False),
        ("india_daily_digital", "indiadailydigital.com", False),
        ("ruetir", "ruetir.com", False),
        ("korea_herald", "koreaherald.com", False),
        ("afp", "afp.com", True),
        ("yonhap", "yna.co.kr", True),
        ("asian_lite_news", "asianlite.com", True),
        ("reuters", "reuters.com", True),
    ],
)
def test_registry_holds_the_sample_publishers_and_credited_agencies(outlets, outlet_id, domain, is_wire):
    row = outlets.filter(pl.col("outlet_id") == outlet_id).row(0, named=True)
    assert domain in row["domains"]
    assert row["is_wire"] is is_wire


# --- publishers of the samples --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article_id", "outlet_id"),
    [("000", "prothom_alo"), ("002", "checkersaga"), ("003", "india_daily_digital"), ("004", "ruetir")],
)
def test_sample_publisher_comes_from_its_sidecar_url(outlets, samples, article_id, outlet_id):
    out = resolve_outlets(samples, outlets).filter(pl.col("article_id") == article_id).row(0, named=True)
    assert (out["outlet_id"], out["outlet_method"]) == (outlet_id, "url_domain")


def test_sample_001_has_no_publisher_because_its_text_carries_no_self_signature(outlets, samples):
    # Its tail is a Chinese portal's related-headline list ("(责任编辑:요리)", "[详细]") that happens to
    # include a "[Herald Interview]" headline, and it mentions "The Telegraph, a British daily": neither
    # is the page signing itself, so the publisher stays unknown for the gate to quarantine.
    out = resolve_outlets(samples, outlets).filter(pl.col("article_id") == "001").row(0, named=True)
    assert (out["outlet_id"], out["outlet_method"]) == (None, None)


def test_copyright_footer_names_the_publisher_when_there_is_no_url(outlets, samples):
    text = samples.filter(pl.col("article_id") == "001")["text"][0]
    footer = "\nCopyright © 2023 The Korea Herald. All rights reserved.\n"
    assert _resolved(outlets, text=text + footer) == ("korea_herald", "text_signature")


def test_staff_email_names_the_publisher(outlets):
    text = "North Korea fired a ballistic missile on Monday, Seoul said.\nBy Kim Arin (arin@heraldcorp.com)"
    assert _resolved(outlets, text=text) == ("korea_herald", "text_signature")


def test_last_self_signature_wins_because_footers_close_the_page(outlets):
    text = "© 2023 The Japan Times, republished in part.\nStory text.\n© 2024 The Korea Herald"
    assert _resolved(outlets, text=text) == ("korea_herald", "text_signature")


# --- URL domains ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "outlet_id"),
    [
        ("https://english.kyodonews.net/news/2023/11/a1b2c3-north-korea.html", "kyodo"),
        ("HTTPS://WWW.KoreaHerald.com:443/view.php?ud=20231121000600", "korea_herald"),
        ("en.yna.co.kr/view/AEN20231121000351315", "yonhap"),
        ("https://timesofindia.indiatimes.com/world/articleshow/105371034.cms", "times_of_india"),
        ("https://economictimes.indiatimes.com/news/defence/articleshow/105372311.cms", "economic_times"),
    ],
)
def test_subdomains_and_url_spellings_resolve_to_the_registered_outlet(outlets, url, outlet_id):
    assert _resolved(outlets, url=url) == (outlet_id, "url_domain")


def test_unknown_domain_leaves_publisher_null_even_with_a_sidecar_name_and_signature(outlets):
    row = {
        "url": "https://www.northkoreadaily-example.net/2023/11/21/launch",
        "outlet": "The Korea Herald",
        "text": "Seoul voiced concern.\n© 2023 The Korea Herald",
    }
    assert _resolved(outlets, **row) == (None, None)


def test_url_outranks_sidecar_name(outlets):
    assert _resolved(outlets, url="https://www.reuters.com/world/asia-pacific/x", outlet="Yahoo News") == (
        "reuters",
        "url_domain",
    )


# --- sidecar names --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["The Korea Herald", "korea herald", "KOREA-HERALD", "korea_herald"])
def test_sidecar_name_matches_ignoring_case_punctuation_and_leading_the(outlets, name):
    assert _resolved(outlets, outlet=name, text=YONHAP_DATELINE) == ("korea_herald", "sidecar_name")


def test_sidecar_site_name_given_as_a_domain_matches(outlets):
    assert _resolved(outlets, outlet="koreaherald.com") == ("korea_herald", "sidecar_name")


def test_unknown_sidecar_name_without_signature_leaves_publisher_null(outlets):
    assert _resolved(outlets, outlet="Pyongyang Evening Gazette", text=YONHAP_DATELINE) == (None, None)


# --- wire credits are not publishers --------------------------------------------------------------------


def test_agency_credit_in_text_is_not_the_publisher(outlets):
    assert _resolved(outlets, text=YONHAP_DATELINE) == (None, None)
    assert _wire(outlets, YONHAP_DATELINE) == ("yonhap", "(Yonhap)")


def test_agency_page_is_published_by_the_agency_when_its_url_says_so(outlets):
    url = "https://en.yna.co.kr/view/AEN20231121000351315"
    assert _resolved(outlets, url=url, text=YONHAP_DATELINE) == ("yonhap", "url_domain")


def test_agency_copyright_line_is_a_credit_not_a_publisher(outlets):
    text = "Washington voiced alarm on Wednesday.\nCopyright © 2023 AFP. All rights reserved."
    assert _resolved(outlets, text=text) == (None, None)
    assert _wire(outlets, text)[0] == "afp"


# --- domains for curators -------------------------------------------------------------------------------


def test_registered_domain_strips_subdomains_and_returns_null_without_a_public_suffix():
    urls = pl.Series(
        [
            "https://en.prothomalo.com/international/x",
            "www.ruetir.com/2023",
            "localhost:8080/a",
            None,
            "http://news.bbc.co.uk/1/hi",
        ]
    )
    assert registered_domain(urls).to_list() == ["prothomalo.com", "ruetir.com", None, None, "bbc.co.uk"]


def test_unknown_domains_are_listed_with_article_counts_busiest_first(outlets, samples):
    articles = pl.DataFrame(
        {
            "article_id": ["a", "b", "c", "d", "e"],
            "url": [
                "https://www.nknewsdesk-example.org/1",
                "https://m.nknewsdesk-example.org/2",
                "https://blog.unknown-example.co.uk/3",
                "https://en.prothomalo.com/4",
                None,
            ],
        }
    )
    out = unknown_outlet_domains(articles, outlets)
    assert out.rows() == [("nknewsdesk-example.org", 2), ("unknown-example.co.uk", 1)]
    assert unknown_outlet_domains(samples.select("article_id", "url"), outlets).height == 0


# --- registry validation --------------------------------------------------------------------------------

GOOD = "reuters,Reuters,GBR,wire,reuters.com,Reuters,true"


def test_duplicate_outlet_id_is_rejected_naming_the_rows(tmp_path):
    path = _registry(tmp_path, GOOD, "reuters,Reuters UK,GBR,wire,reuters.co.uk,Reuters UK,true")
    with pytest.raises(ValueError, match=r"lines \[2, 3\].*outlet_id 'reuters'"):
        load_outlets(path)


def test_domain_claimed_by_two_outlets_is_rejected(tmp_path):
    path = _registry(tmp_path, GOOD, "thomson,Thomson News,USA,wire,reuters.com,Thomson News,true")
    with pytest.raises(ValueError, match=r"\['reuters', 'thomson'\].*domain 'reuters.com'"):
        load_outlets(path)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("korea_herald,The Korea Herald,KR,newspaper,koreaherald.com,Korea Herald,false", "alpha-3"),
        ("korea_herald,The Korea Herald,KOR,tabloid,koreaherald.com,Korea Herald,false", "kind 'tabloid'"),
        ("korea_herald,The Korea Herald,KOR,newspaper,https://koreaherald.com,Korea Herald,false", "bare"),
        ("korea_herald,The Korea Herald,KOR,newspaper,koreaherald.com,Korea Herald,yes", "is_wire 'yes'"),
        ("Korea Herald,The Korea Herald,KOR,newspaper,koreaherald.com,Korea Herald,false", "slug"),
        ("korea_herald,The Korea Herald,KOR,newspaper,,Korea Herald,false", "no domains"),
    ],
)
def test_malformed_row_is_rejected_with_its_line_and_id(tmp_path, line, problem):
    with pytest.raises(ValueError, match=rf"line 3 \(outlet_id=.*\): .*{problem}"):
        load_outlets(_registry(tmp_path, GOOD, line))


def test_missing_column_is_rejected(tmp_path):
    path = tmp_path / "outlets.csv"
    path.write_text(
        "outlet_id,name,country,kind,domains,is_wire\nreuters,Reuters,GBR,wire,reuters.com,true\n"
    )
    with pytest.raises(ValueError, match="signatures"):
        load_outlets(path)


def test_bad_text_pattern_regex_is_rejected_naming_the_pattern(tmp_path):
    path = tmp_path / "patterns.csv"
    path.write_text("pattern_id,role,before,after\nbroken,credit,(?i)according to (unclosed$,\n")
    with pytest.raises(ValueError, match=r"line 2 \(broken\): bad before regex"):
        load_text_patterns(path)


def test_unknown_text_pattern_scope_is_rejected_naming_the_pattern(tmp_path):
    path = tmp_path / "patterns.csv"
    path.write_text("pattern_id,role,before,after,scope\nbyline,credit,\\|$,,header\n")
    with pytest.raises(ValueError, match=r"line 2 \(byline\): scope not in"):
        load_text_patterns(path)


def test_outlet_names_starting_at_one_place_and_a_name_closing_the_text_are_all_found():
    needles = pl.DataFrame(
        {
            "outlet_id": ["yonhap", "yonhap", "yonhap"],
            "is_wire": [True, True, True],
            "needle": ["Yonhap News Agency", "Yonhap", "YONHAP"],
        }
    )
    texts = pl.DataFrame(
        {"article_id": ["a"], "text": ["SÉOUL (Yonhap News Agency) -- Talks resumed. YONHAP"]}
    )
    found = _occurrences(texts, needles).sort("position", "needle")
    assert found.select("needle", "position").rows() == [
        ("Yonhap", 8),
        ("Yonhap News Agency", 8),
        ("YONHAP", 46),
    ]
