"""A date an HTML page prints only in a date element of its own (no meta tag, no <time datetime>)."""

from __future__ import annotations

import datetime as dt

from monitor import html_pages

STORY = """<p>SINGAPORE: Singapore and Indonesia on Tuesday signed an agreement on flight information regions,
ending a dispute over the management of airspace above the Riau Islands that had lasted more than two
decades.</p>
<p>The agreement was signed by the two countries' transport ministers and witnessed by the leaders of both
countries at their annual retreat on Bintan island.</p>
<p>"This shows what can be achieved when neighbours work together in good faith," the Singapore Prime
Minister told a joint press conference, adding that both sides would now move to ratify it.</p>"""


def page(stamp_block: str, head: str = "") -> str:
    """A page whose stamp sits in its header, which the main text leaves out."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Singapore, Indonesia sign airspace agreement - Example News</title>{head}</head>
<body><header>{stamp_block}<nav><a href="#">World</a> <a href="#">Asia</a></nav></header><main>
<h1>Singapore, Indonesia sign airspace agreement</h1>
<div class="text-long">{STORY}</div></main>
<footer><p>Share WhatsApp Telegram Facebook</p></footer></body></html>"""


STAMPED_PAGE = page('<div class="article-publish">25 Jan 2022 04:18PM (Updated: 25 Jan 2022 09:40PM)</div>')


def test_a_stamp_printed_only_in_a_date_element_becomes_the_texts_first_line():
    text, fields = html_pages.page_fields(STAMPED_PAGE)
    assert fields["published"] is None
    assert text.splitlines()[0] == "25 Jan 2022 04:18PM (Updated: 25 Jan 2022 09:40PM)"


def test_a_stamp_printed_in_the_pages_meta_line_becomes_the_texts_first_line():
    """VnExpress prints its byline and its stamp in two p.meta lines under the headline."""
    vnexpress = page('<p class="meta">By Viet Anh</p><p class="meta">September 10, 2023 | 09:47 pm GMT+7</p>')
    assert html_pages.page_fields(vnexpress)[0].splitlines()[0] == "September 10, 2023 | 09:47 pm GMT+7"


def test_an_element_whose_class_only_contains_date_and_has_no_year_adds_nothing():
    candidates = page('<ul class="candidate-list"><li>Joko Widodo</li><li>Lee Hsien Loong</li></ul>')
    text, _ = html_pages.page_fields(candidates)
    assert not text.startswith("Joko Widodo")
    assert "Lee Hsien Loong" not in text.splitlines()[0]


def test_a_page_whose_metadata_gives_the_date_keeps_its_main_text_as_it_was():
    dated = page(
        '<div class="article-publish">25 Jan 2022 04:18PM</div>',
        head='<meta property="article:published_time" content="2022-01-25T16:18:00+08:00">',
    )
    text, fields = html_pages.page_fields(dated)
    assert fields["published"].startswith("2022-01-25")
    assert "04:18PM" not in text


def test_a_utc_publication_instant_is_kept_whole_not_cut_to_its_utc_day():
    """CNN's 8:14 PM EST on February 2: monitor.dates reads the publisher's day beside the instant."""
    cnn = page(
        '<p class="meta">Updated 8:14 PM EST, Sun February 2, 2025</p>',
        head='<meta property="article:published_time" content="2025-02-03T01:14:00.000Z">',
    )
    assert html_pages.page_fields(cnn)[1]["published"] == "2025-02-03T01:14:00.000Z"


def test_the_printed_stamp_dates_the_article_through_the_pipeline(pipeline):
    pipeline.write(
        "airspace.html", STAMPED_PAGE, sidecar={"url": "https://www.channelnewsasia.com/asia/fir-4844"}
    )
    pipeline.materialize(selection=["raw_articles", "outlets", "cleaned_articles"])
    assert pipeline.query("SELECT published_on, date_source FROM cleaned_articles") == [
        (dt.date(2022, 1, 25), "dateline")
    ]
