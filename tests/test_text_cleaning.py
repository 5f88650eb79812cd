"""Boilerplate removal on the shipped sample pages and on realistic page furniture."""

from __future__ import annotations

import polars as pl
import pytest

from monitor.settings import PROJECT_ROOT, SEEDS_DIR
from monitor.text_cleaning import classify_lines, clean_articles

SAMPLES = SEEDS_DIR / "articles"
SAMPLE_LABELS = PROJECT_ROOT / "devset" / "boilerplate" / "seeds"
SCHEMA = {"article_id": pl.String, "text": pl.String, "title": pl.String, "site": pl.String}


def pages(*rows: tuple[str, str | None, str | None, str | None]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=SCHEMA, orient="row")


def sample(stem: str) -> str:
    return next(SAMPLES.glob(f"{stem}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def samples() -> pl.DataFrame:
    return pages(
        *((path.stem, path.read_text(encoding="utf-8"), None, None) for path in sorted(SAMPLES.glob("*.txt")))
    )


@pytest.fixture(scope="module")
def decided(samples: pl.DataFrame) -> pl.DataFrame:
    return classify_lines(samples)


@pytest.fixture(scope="module")
def cleaned(samples: pl.DataFrame) -> pl.DataFrame:
    return clean_articles(samples)


def verdict(decided: pl.DataFrame, line: str) -> dict:
    rows = decided.filter(pl.col("line") == line)
    assert rows.height >= 1, f"no line {line!r}"
    return rows.row(0, named=True)


def body_of(cleaned: pl.DataFrame, stem: str) -> str:
    return cleaned.filter(pl.col("article_id").str.starts_with(stem))["body"].item()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Connect with us", "navigation"),
        ("Hi, what are you looking for?", "navigation"),
        ("1 min read", "navigation"),
        ("Go toTop", "navigation"),
        ("Previous Story", "navigation"),
        ("Next Story", "navigation"),
        ("You May Also Like", "navigation"),
        ("Click to comment", "comment_prompt"),
        ("Leave a Reply", "comment_prompt"),
        ("Your email address will not be published. Required fields are marked *", "comment_prompt"),
        ("Photo: Lowy Institute", "photo_credit"),
        ("(责任编辑:요리)", "editor_tag"),
    ],
)
def test_page_furniture_of_the_samples_is_dropped_with_its_reason(decided, line, reason):
    assert verdict(decided, line) == {**verdict(decided, line), "keep": False, "reason": reason}


def test_read_also_links_are_dropped_wherever_they_stand(decided):
    links = decided.filter(pl.col("line").str.contains("(?i)^(read also|also read)"))
    assert links.height == 3
    assert links["keep"].not_().all()
    assert set(links["reason"]) == {"link_list"}


def test_photo_captions_and_credits_are_dropped(decided):
    captions = decided.filter(
        pl.col("line").str.starts_with("This picture taken on 13 September 2023")
        | pl.col("line").str.ends_with("(Photo: NBC News)")
        | pl.col("line").str.ends_with("Photo/Illustration")
    )
    assert captions.height == 3
    assert set(captions["reason"]) == {"photo_credit"}


def test_teasers_after_you_may_also_like_are_dropped(decided):
    teasers = decided.filter(
        pl.col("line").str.starts_with("A convicted felon")
        | pl.col("line").str.starts_with("News from Springfield")
    )
    assert teasers.height == 2
    assert not teasers["keep"].any()


def test_003_previous_story_and_latest_from_teasers_are_gone(cleaned):
    body = body_of(cleaned, "003")
    for gone in (
        "Macron urges Israel",
        "Saudi Arabia Hosts",
        "Kill and Dump",
        "ASEAN Expands",
        "Chinese dams",
        "Barrow",
    ):
        assert gone not in body
    assert body.endswith("after failed attempts in May and August.")


def test_002_read_also_and_comment_prompts_are_gone(cleaned):
    body = body_of(cleaned, "002")
    for gone in (
        "READ ALSO",
        "Milan Lucic",
        "Click to comment",
        "Leave a Reply",
        "You May Also Like",
        "Springfield",
    ):
        assert gone not in body


def test_001_trailing_headline_lists_and_foreign_fragments_are_gone_but_the_yonhap_line_stays(cleaned):
    body = body_of(cleaned, "001")
    assert body.endswith("raising speculation that it might need more preparation time. (Yonhap)")
    for gone in (
        "Korean Air orders",
        "HiteJinro",
        "Jungkook",
        "[Today",
        "详细",
        "责任编辑",
        "김영진",
        "따발총",
        "Hyundai",
    ):
        assert gone not in body


def test_every_sentence_labelled_article_in_the_samples_is_kept(decided):
    for labels_path in sorted(SAMPLE_LABELS.glob("*.labels")):
        stem = labels_path.name.removesuffix(".labels")
        labels = labels_path.read_text(encoding="utf-8").split("\n")
        article_lines = [no for no, label in enumerate(labels) if label == "keep"]
        kept = decided.filter((pl.col("article_id") == stem) & pl.col("keep"))["line_no"].to_list()
        assert kept == article_lines, stem


def test_short_quoted_lines_inside_the_article_are_kept(decided):
    assert verdict(decided, '"That is our position with respect to any country in the world," he added.')[
        "keep"
    ]
    assert verdict(
        decided, '"We\'re looking to make sure that we, as necessary, can impose costs and consequences."'
    )["keep"]


def test_subheads_inside_the_article_are_kept(decided):
    assert verdict(decided, "Speculations Rise Amidst Delayed North Korean Launch")["keep"]


def test_title_is_the_first_headline_and_is_not_repeated_in_the_body(cleaned):
    row = cleaned.filter(pl.col("article_id").str.starts_with("001")).row(0, named=True)
    assert row["title"] == "US renews concerns over N. Korea"
    assert "US renews concerns" not in row["body"]
    assert row["body"].startswith("The US Department of State reiterated its concerns Monday")


def test_metadata_title_wins_and_its_line_is_removed_from_the_body():
    text = sample("001")
    out = clean_articles(pages(("a", text, "US renews concerns over N. Korea ", None)))
    assert out["title"].item() == "US renews concerns over N. Korea"
    assert not out["body"].item().startswith("US renews")


def test_page_without_a_headline_before_the_text_has_no_title(cleaned):
    assert cleaned.filter(pl.col("article_id").str.starts_with("004"))["title"].item() is None


def test_body_paragraphs_are_separated_by_a_blank_line(cleaned):
    paragraphs = body_of(cleaned, "004").split("\n\n")
    assert len(paragraphs) == 10
    assert paragraphs[0].startswith("SEOUL")


def test_line_counts_count_non_blank_lines_and_exclude_the_title_from_dropped(cleaned):
    row = cleaned.filter(pl.col("article_id").str.starts_with("000")).row(0, named=True)
    assert (row["lines_total"], row["lines_dropped"]) == (14, 1)


def test_lines_repeated_across_many_pages_of_one_site_are_dropped():
    footer = "Subscribe to our newsletter for the latest analysis of the region and beyond."
    stories = [
        "Japan protested against China's new maritime law.\n\nTokyo said it broke international rules.",
        "Poland said on Tuesday it would expel two diplomats.\n\nWarsaw blamed Minsk for a border incident.",
        "Brazil and Argentina agreed to expand trade.\n\nThey will settle more of it in pesos and reais.",
        "Kenya welcomed on Thursday a UN decision.\n\nMore peacekeepers will be sent to Haiti this year.",
    ]
    batch = pages(*((f"p{i}", f"{s}\n\n{footer}", None, "briefing.example") for i, s in enumerate(stories)))
    decided = classify_lines(batch)
    assert set(decided.filter(pl.col("line") == footer)["reason"]) == {"repeated_across_site"}
    assert decided.filter(pl.col("line") != footer)["keep"].all()


def test_a_fragment_in_another_language_is_dropped_from_an_english_article():
    text = "\n".join(
        [
            "France said on Monday it would send air defence systems to Armenia to help guard its borders.",
            "Le ministre a déclaré que la France ne laissera pas tomber l'Arménie face aux menaces.",
            "Azerbaijan called the decision a threat to the peace process in the South Caucasus region.",
        ]
    )
    decided = classify_lines(pages(("fr", text, None, None)))
    assert decided["reason"].to_list() == [None, "foreign_language", None]


def test_an_article_without_text_gets_an_empty_body():
    out = clean_articles(pages(("empty", None, None, None), ("blank", "\n \n", "A title", None)))
    assert out.select("article_id", "body", "lines_total").rows() == [("empty", "", 0), ("blank", "", 0)]


def test_a_headline_printed_twice_is_the_title_and_neither_copy_is_in_the_body():
    headline = "Congo-Kinshasa: DR Congo Accuses Rwanda of Backing M23 Rebels"
    text = "\n".join(
        [
            "Top Headlines",
            headline,
            "Kinshasa —",
            headline,
            "The Democratic Republic of Congo on Tuesday accused Rwanda of supporting the M23 rebel group.",
            "Rwanda denied the accusation and said Congo was collaborating with the FDLR militia.",
        ]
    )
    out = clean_articles(pages(("drc", text, None, None))).row(0, named=True)
    assert out["title"] == headline
    assert out["body"].startswith("The Democratic Republic of Congo")


def test_tags_and_pointers_to_the_original_end_the_article():
    text = "\n".join(
        [
            "The United States called on Rwanda to stop its support for the M23 and withdraw its troops.",
            "The African Union urged both countries to resolve their dispute through dialogue.",
            "Read the original article on Premium Times.",
            "Tagged:",
            "Central Africa, Congo-Kinshasa, Rwanda, East Africa, International Relations",
            "AllAfrica publishes around 400 reports a day from more than 100 news organizations.",
        ]
    )
    decided = classify_lines(pages(("drc", text, None, None)))
    assert decided["keep"].to_list() == [True, True, False, False, False, False]


FOLLOW = (
    "Like Pakistan on Facebook, follow @TribunePakistan on Twitter "
    "to stay informed and join in the conversation."
)
FOOTER_PAGE = (
    "Kenyan police arrive in Haiti to lead UN-backed mission against gangs\n"
    "The first contingent of 400 Kenyan police officers landed in Port-au-Prince on Tuesday, the government "
    "in Nairobi said, opening a multinational mission approved by the UN Security Council.\n"
    "Ruto, who was due to visit the troops later this year, said the mission would stay "
    '"as long as necessary".\n'
    "This is a Premium article available exclusively to our subscribers.\n"
    "Enjoying this article? Click here to subscribe for full access.\n"
    f"{FOLLOW}\n"
    "Related\n"
    "Ruto: Our police will not fail Haiti\n"
    "Court declines to block Haiti deployment\n"
    "Nation Media Group © 2024. All Rights Reserved.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "This is a Premium article available exclusively to our subscribers.",
        "Enjoying this article? Click here to subscribe for full access.",
        FOLLOW,
        "Related",
        "Ruto: Our police will not fail Haiti",
        "Court declines to block Haiti deployment",
        "Nation Media Group © 2024. All Rights Reserved.",
    ],
)
def test_paywall_teasers_follow_invitations_related_headlines_and_named_copyright_lines_are_dropped(line):
    decided = classify_lines(pages(("kenya", FOOTER_PAGE, None, None)))
    assert not verdict(decided, line)["keep"]


def test_the_body_above_a_related_block_is_kept():
    decided = classify_lines(pages(("kenya", FOOTER_PAGE, None, None)))
    assert verdict(decided, FOOTER_PAGE.split("\n")[2])["keep"]


TAGLINE_PAGE = (
    "India expels six Canadian diplomats, withdraws its envoy\n"
    "India on Monday expelled six Canadian diplomats and decided to withdraw its high commissioner from "
    "Ottawa, the Ministry of External Affairs said.\n"
    "Getting the latest updates from Ottawa took days, the spokesperson told reporters.\n"
    "Get Latest India News along with Latest News and Top Headlines from India and around the world.\n"
)


def test_a_sites_latest_news_tagline_under_the_copy_is_dropped():
    decided = classify_lines(pages(("ht", TAGLINE_PAGE, None, None)))
    tagline = (
        "Get Latest India News along with Latest News and Top Headlines from India and around the world."
    )
    assert not verdict(decided, tagline)["keep"]


def test_a_sentence_of_the_copy_opening_with_getting_the_latest_updates_is_kept():
    decided = classify_lines(pages(("ht", TAGLINE_PAGE, None, None)))
    assert verdict(decided, TAGLINE_PAGE.split("\n")[2])["keep"]


def test_a_cue_sieve_relaxes_counters_and_word_boundaries_but_not_classes_or_named_boundaries():
    from monitor.line_signals import _unbounded

    assert _unbounded(r"^\bphoto[^.]{0,60}\b(afp){1,2}$") == r"^photo[^.]{0,}(afp){1,}$"
    assert _unbounded(r"[\b{1,2}]x\b{start}y") is None


def test_every_line_a_cue_group_drops_passes_that_groups_sieve():
    from monitor.line_signals import cue_sieves, cue_table

    lines = pl.Series(
        [
            "Read also: Seoul to host the summit",
            "(Photo: Yonhap)",
            "Reporting by Jane Doe; Editing by John Roe",
            "© 2024 The Korea Herald. All rights reserved.",
            "Your email address will not be published.",
            "Home | World | Asia | Politics",
        ]
    ).str.to_lowercase()
    dropped = set()
    for row in cue_table().rows(named=True):
        hits = lines.filter(lines.str.contains(row["pattern"]))
        assert hits.str.contains(cue_sieves()[row["sieve"]][0]).all(), row["reason"]
        dropped.update(hits)
    assert dropped == set(lines)
