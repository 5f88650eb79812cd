"""What cleaning keeps of the article itself: sentences of shapes that page furniture also takes (versions of
one story, non-Latin text, leads dense with names, quotes ending inside their quote marks)."""

from __future__ import annotations

import polars as pl
from test_text_cleaning import pages

from monitor.settings import PROJECT_ROOT
from monitor.text_cleaning import classify_lines, clean_articles


def test_versions_of_one_story_from_one_site_keep_their_sentences():
    story = "\n\n".join(
        [
            "Japan protested on Monday against China's maritime law, saying it broke international rules.",
            "Tokyo said the law could lead to the use of force against Japanese vessels in disputed waters.",
        ]
    )
    batch = pages(
        *(
            (
                f"v{i}",
                f"{story}\n\nUpdate {i}: the ministry said more talks were planned.",
                None,
                "wire.example",
            )
            for i in range(4)
        )
    )
    assert clean_articles(batch)["body"].str.contains("Tokyo said the law").all()


def test_a_korean_article_keeps_its_korean_text():
    text = (
        "북한 외무성은 미국의 경고를 일축하며 러시아와의 관계가 계속 강화될 것이라고 밝혔다.\n\n"
        "대변인은 미국이 새로운 현실에 익숙해져야 한다고 말했다."
    )
    out = clean_articles(pages(("ko", text, None, None)))
    assert out["body"].item() == text


def test_a_lead_dense_with_names_right_before_the_article_is_kept():
    """Anadolu's lead has few function words ("... met Qatari Prime Minister and Foreign Minister Sheikh
    Mohammed bin Abdulrahman Al Thani in Doha ..."), but it is the sentence that opens the article."""
    page = (PROJECT_ROOT / "devset" / "heldout" / "pages" / "aa_fidan_qatar.txt").read_text(encoding="utf-8")
    article = pl.DataFrame({"article_id": ["aa"], "text": [page], "title": [None], "site": ["aa.com.tr"]})
    lines = classify_lines(article)
    lead = lines.filter(pl.col("line").str.starts_with("Turkish Foreign Minister Hakan Fidan met"))
    dateline = lines.filter(pl.col("line") == "ANKARA")
    assert lead["keep"].to_list() == [True]
    assert dateline["keep"].to_list() == [False]


PHILSTAR = (
    PROJECT_ROOT / "devset" / "blind22" / "pages" / "philstar_ph_protests_china_water_cannon_ayungin.txt"
)


def test_sentences_ending_in_a_quoted_full_stop_are_prose_even_three_in_a_row():
    """Philstar's body has three quotes in a row, each ending in a full stop inside the quote ('law."'):
    sentences, not a run of headlines."""
    text = PHILSTAR.read_text(encoding="utf-8")
    quoted = [line for line in text.split("\n") if line.endswith('."') and len(line) < 200]
    assert len(quoted) >= 3
    body = clean_articles(pages(("philstar", text, None, "philstar.com"))).row(0, named=True)["body"]
    assert set(quoted) <= set(body.split("\n"))
