"""Near-duplicate stories: one wire story republished with other furniture shares a story id."""

from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import polars as pl
from datasketch import MinHash

from assets import clean
from monitor import schema
from monitor.dedup import MAX_STORED_STORIES, assign_story_ids, band_keys, lsh_shape
from monitor.minhash import minhash_signatures, shingle_hashes
from monitor.warehouse import insert_frame

ARTICLES = Path(__file__).resolve().parent.parent / "seeds" / "articles"


def _sample(stem: str) -> str:
    return next(ARTICLES.glob(f"{stem}_*.txt")).read_text(encoding="utf-8")


YONHAP = "\n".join(_sample("001").splitlines()[1:11]).replace(" (Yonhap)", "")
KOREA_HERALD_PAGE = (
    "US renews concerns over N. Korea\nPublished : Nov. 21, 2023 - 09:12\n"
    + YONHAP
    + " (Yonhap)\nKorean Air orders 20 Airbus A321neo aircraft\nJungkook holds live stage event for fans\n"
)
AGGREGATOR_PAGE = (
    "Home > World > Asia\nShare on Facebook Share on X\nSEOUL, Nov. 21 (Yonhap) -- "
    + YONHAP.replace("reiterated its concerns Monday", "on Monday reiterated its concerns")
    .replace("Japanese media reported", "Japanese media outlets reported")
    .replace("planed", "planned")
    + "\nREAD ALSO: Milan Lucic is scheduled to appear in court\nLeave a comment\n"
)
AFP_SAME_TOPIC = _sample("000")
LONG_PARAGRAPHS = [p for p in _sample("004").split("\n") if len(p.split()) > 12]
FULL_REPORT = " ".join(LONG_PARAGRAPHS)
# two paragraphs cut: Jaccard estimate 0.62, yet only one of the 25 band keys in common with FULL_REPORT
ABRIDGED_REPORT = " ".join(p for i, p in enumerate(LONG_PARAGRAPHS) if i not in (3, 8))


def _signed(bodies: dict[str, str], published: dict[str, date] | None = None) -> pl.DataFrame:
    frame = pl.DataFrame({"article_id": list(bodies), "body": list(bodies.values())})
    signed = minhash_signatures(frame)
    dates = published or {}
    return signed.with_columns(
        pl.col("article_id").replace_strict(dates, default=None, return_dtype=pl.Date).alias("published_on")
    )


def _stories(out: pl.DataFrame) -> dict[str, str]:
    return dict(out.select("article_id", "story_id").iter_rows())


def test_signature_equals_datasketch_update_batch_over_the_same_shingles():
    frame = pl.DataFrame({"article_id": ["kh"], "body": [KOREA_HERALD_PAGE]})
    expected = MinHash(num_perm=128, hashfunc=int)
    expected.update_batch(shingle_hashes(frame)["shingle"].to_list())
    signature = minhash_signatures(frame)["signature"][0].to_numpy()
    assert np.array_equal(signature, expected.hashvalues.astype(np.uint64))


def test_case_and_punctuation_do_not_change_the_signature():
    out = minhash_signatures(
        pl.DataFrame({"article_id": ["a", "b"], "body": [YONHAP, YONHAP.upper().replace(",", " ;")]})
    )
    assert out["signature"][0].to_list() == out["signature"][1].to_list()


def test_empty_body_has_no_signature_and_stays_a_story_of_its_own():
    signed = _signed({"empty1": "", "empty2": "   ", "kh": KOREA_HERALD_PAGE})
    assert signed.filter(pl.col("article_id").str.starts_with("empty"))["signature"].null_count() == 2
    assert _stories(assign_story_ids(signed)) == {"empty1": "empty1", "empty2": "empty2", "kh": "kh"}


def test_band_keys_give_one_key_per_lsh_band_and_equal_bodies_share_them_all():
    keys = band_keys(_signed({"a": YONHAP, "b": YONHAP}))
    bands, _ = lsh_shape(0.5, 128)
    assert keys.group_by("article_id").len()["len"].to_list() == [bands, bands]
    shared = keys.group_by("band", "key").agg(pl.col("article_id").n_unique().alias("n"))
    assert shared["n"].to_list() == [2] * bands


def test_same_wire_story_in_two_outlets_pages_shares_a_story_id():
    signed = _signed(
        {"koreaherald": KOREA_HERALD_PAGE, "aggregator": AGGREGATOR_PAGE},
        {"koreaherald": date(2023, 11, 21), "aggregator": date(2023, 11, 21)},
    )
    out = assign_story_ids(signed)
    assert set(out["story_id"]) == {"aggregator"}
    assert (out["duplicate_similarity"] >= 0.5).all()


def test_canonical_article_is_the_earliest_published_one():
    signed = _signed(
        {"aggregator": AGGREGATOR_PAGE, "koreaherald": KOREA_HERALD_PAGE},
        {"koreaherald": date(2023, 11, 21), "aggregator": date(2023, 11, 22)},
    )
    out = assign_story_ids(signed)
    assert set(out["canonical_article_id"]) == {"koreaherald"}
    assert set(out["story_id"]) == {"koreaherald"}


def test_different_stories_on_the_same_topic_stay_apart():
    out = assign_story_ids(_signed({"yonhap": KOREA_HERALD_PAGE, "afp": AFP_SAME_TOPIC}))
    assert _stories(out) == {"yonhap": "yonhap", "afp": "afp"}
    assert out["duplicate_similarity"].null_count() == 2


def test_story_ids_do_not_depend_on_row_order():
    signed = _signed(
        {"kh": KOREA_HERALD_PAGE, "agg": AGGREGATOR_PAGE, "afp": AFP_SAME_TOPIC, "asianlite": _sample("003")}
    )
    forward = assign_story_ids(signed).sort("article_id")
    backward = assign_story_ids(signed.reverse()).sort("article_id")
    assert forward.equals(backward)


def test_copies_of_copies_join_one_story_transitively():
    paragraphs = [p for p in (_sample("003") + _sample("000")).split("\n") if len(p.split()) > 25][:6]
    first, middle, last = (" ".join(paragraphs[i : i + 4]) for i in (0, 1, 2))
    assert _stories(assign_story_ids(_signed({"first": first, "last": last}))) == {
        "first": "first",
        "last": "last",
    }
    out = assign_story_ids(_signed({"first": first, "middle": middle, "last": last}))
    assert set(out["story_id"]) == {"first"}


def test_second_batch_joins_the_stored_story_and_keeps_its_id():
    day_one = assign_story_ids(
        _signed({"koreaherald": KOREA_HERALD_PAGE}, {"koreaherald": date(2023, 11, 21)})
    )
    stored = day_one.join(_signed({"koreaherald": KOREA_HERALD_PAGE}), on="article_id")
    day_two = _signed(
        {"aggregator": AGGREGATOR_PAGE, "afp": AFP_SAME_TOPIC}, {"aggregator": date(2023, 11, 20)}
    )
    out = assign_story_ids(day_two, stored.select("article_id", "story_id", "signature"))
    assert _stories(out) == {"aggregator": "koreaherald", "afp": "afp"}


def test_rerunning_a_stored_batch_gives_the_same_ids():
    signed = _signed({"kh": KOREA_HERALD_PAGE, "agg": AGGREGATOR_PAGE, "afp": AFP_SAME_TOPIC})
    first = assign_story_ids(signed)
    stored = first.join(signed, on="article_id").select("article_id", "story_id", "signature")
    assert assign_story_ids(signed, stored).sort("article_id").equals(first.sort("article_id"))


def test_a_stricter_threshold_separates_edited_copies():
    signed = _signed({"kh": KOREA_HERALD_PAGE, "agg": AGGREGATOR_PAGE})
    similarity = assign_story_ids(signed)["duplicate_similarity"][0]
    strict = assign_story_ids(signed, threshold=min(1.0, similarity + 0.05))
    assert _stories(strict) == {"kh": "kh", "agg": "agg"}


def _archive(conn, stored: pl.DataFrame) -> None:
    schema.ensure_tables(conn)
    insert_frame(conn, "story_signatures", stored.select("article_id", "story_id", "signature"))
    insert_frame(conn, "story_bands", band_keys(stored))


def test_a_pair_sharing_only_one_band_key_is_not_compared_even_when_similar():
    signed = _signed({"full": FULL_REPORT, "abridged": ABRIDGED_REPORT})
    assert _stories(assign_story_ids(signed)) == {"full": "full", "abridged": "abridged"}
    assert set(assign_story_ids(signed, min_shared_bands=1)["story_id"]) == {"abridged"}


def test_stored_article_sharing_only_one_band_key_is_not_fetched(tmp_path):
    stored = _signed({"full": FULL_REPORT}).with_columns(story_id=pl.lit("full"))
    with duckdb.connect(str(tmp_path / "stories.duckdb")) as conn:
        _archive(conn, stored)
        fetched, _ = clean.stored_candidates(conn, band_keys(_signed({"abridged": ABRIDGED_REPORT})))
    assert fetched.height == 0


def test_an_edited_wire_copy_joins_its_stored_story_through_the_stored_candidates(tmp_path):
    stored = _signed({"koreaherald": KOREA_HERALD_PAGE}).with_columns(story_id=pl.lit("koreaherald"))
    batch = pl.DataFrame(
        {
            "article_id": ["aggregator", "afp"],
            "body": [AGGREGATOR_PAGE, AFP_SAME_TOPIC],
            "published_on": [date(2023, 11, 22), date(2023, 11, 22)],
        }
    )
    with duckdb.connect(str(tmp_path / "stories.duckdb")) as conn:
        _archive(conn, stored)
        out = clean.assign_stories(conn, batch)
    assert _stories(out) == {"aggregator": "koreaherald", "afp": "afp"}


def test_a_crowded_archive_fetches_at_most_max_stored_stories_one_article_each_and_gives_the_same_ids(
    tmp_path,
):
    copies = _signed({f"copy{i:02d}": KOREA_HERALD_PAGE for i in range(30)})
    stored = copies.with_columns(story_id=pl.format("story{}", pl.col("article_id").str.slice(4)))
    stored = pl.concat([stored, stored.head(5).with_columns(pl.col("article_id") + "_again")])
    new = _signed({"aggregator": AGGREGATOR_PAGE, "koreaherald": KOREA_HERALD_PAGE})
    with duckdb.connect(str(tmp_path / "stories.duckdb")) as conn:
        _archive(conn, stored)
        chosen, crowded = clean.stored_candidates(conn, band_keys(new))
    assert chosen["story_id"].n_unique() == chosen.height == MAX_STORED_STORIES
    assert assign_story_ids(new, chosen, crowded=crowded).equals(assign_story_ids(new, stored))
