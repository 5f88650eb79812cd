"""cleaned_articles: what passes the gate, what is quarantined and why, and what blocks downstream."""

from __future__ import annotations

import json

import dagster as dg
import duckdb

from monitor import incremental

KOREA_HERALD = {"url": "https://www.koreaherald.com/view.php?ud=20231121000650", "published": "2023-11-21"}


def cleaned(pipeline) -> dict[str, tuple]:
    rows = pipeline.query(
        """SELECT r.paths[1], c.published_on::VARCHAR, c.date_source, c.outlet_id, c.wire, c.story_id
           FROM cleaned_articles c JOIN raw_articles r USING (article_id)"""
    )
    return {path.rsplit("/", 1)[1][:3]: rest for path, *rest in rows}


def quarantine_reasons(pipeline) -> dict[str, set[str]]:
    rows = pipeline.query(
        """SELECT r.paths[1], q.rule FROM quarantine q JOIN raw_articles r ON r.article_id = q.item_id
           WHERE q.step = 'cleaned_articles'"""
    )
    reasons: dict[str, set[str]] = {}
    for path, rule in rows:
        reasons.setdefault(path.rsplit("/", 1)[1][:3], set()).add(rule)
    return reasons


def test_samples_with_a_trustworthy_date_and_known_publisher_are_cleaned(sample_pipeline):
    assert sample_pipeline.materialize().success
    rows = cleaned(sample_pipeline)
    assert {k: v[:4] for k, v in rows.items()} == {
        "002": ["2023-11-21", "url", "checkersaga", "yonhap"],
        "003": ["2023-11-11", "dateline", "india_daily_digital", "asian_lite_news"],
        "004": ["2023-11-09", "dateline", "ruetir", "reuters"],
    }


def test_samples_without_a_publication_date_are_quarantined_for_it(sample_pipeline):
    sample_pipeline.materialize()
    reasons = quarantine_reasons(sample_pipeline)
    assert "expect_column_values_to_not_be_null(published_on)" in reasons["000"]
    assert reasons["001"] == {
        "expect_column_values_to_not_be_null(published_on)",
        "expect_column_values_to_not_be_null(outlet_id)",
    }


def test_every_raw_article_is_cleaned_or_quarantined(sample_pipeline, sample_text):
    sample_pipeline.write(
        "fr.txt",
        "Le ministre a déclaré que la coopération restait forte. " * 20,
        sidecar={"url": "https://www.lemonde.fr/2023/11/21/a.html"},
    )
    sample_pipeline.materialize()
    [(missing,)] = sample_pipeline.query(
        """SELECT count(*) FROM raw_articles WHERE article_id NOT IN (SELECT article_id FROM cleaned_articles)
           AND article_id NOT IN (SELECT item_id FROM quarantine WHERE step = 'cleaned_articles')"""
    )
    assert missing == 0


def test_a_french_article_is_quarantined_with_its_language(pipeline, sample_text):
    pipeline.write(
        "fr.txt",
        "Le ministre des Affaires étrangères a déclaré que la coopération avec la Russie "
        "restait forte malgré les avertissements des États-Unis. " * 6,
        sidecar={"url": "https://www.lemonde.fr/international/article/2023/11/21/a_1.html"},
    )
    pipeline.write("en.txt", sample_text["004"], sidecar=KOREA_HERALD)
    pipeline.materialize()
    [(observed,)] = pipeline.query(
        "SELECT observed_value FROM quarantine WHERE step = 'cleaned_articles' AND rule LIKE '%(language)'"
    )
    assert observed == "fr"


def test_an_unknown_publisher_is_quarantined_and_listed_for_curators(pipeline, sample_text):
    pipeline.write(
        "a.txt", sample_text["004"], sidecar={"url": "https://www.unknown-daily.example.org/2023/11/09/x"}
    )
    pipeline.write("b.txt", sample_text["003"], sidecar=KOREA_HERALD)
    result = pipeline.materialize()
    assert pipeline.query("SELECT rule FROM quarantine WHERE step = 'cleaned_articles'") == [
        ("expect_column_values_to_not_be_null(outlet_id)",)
    ]
    metadata = result.asset_materializations_for_node("cleaned_articles")[0].metadata
    assert metadata["unknown_outlet_hosts"].value == {"www.unknown-daily.example.org": 1}


def test_a_date_after_ingestion_is_not_a_publication_date(pipeline, sample_text):
    future = sample_text["004"].replace(" date 2023-11-09", " date 2099-11-09")
    pipeline.write("a.txt", future, sidecar={"url": "https://www.ruetir.com/news/russia-north-korea"})
    pipeline.write("b.txt", sample_text["003"], sidecar=KOREA_HERALD)
    pipeline.materialize()
    assert "a.t" not in cleaned(pipeline)
    assert pipeline.query("SELECT count(*) FROM cleaned_articles") == [(1,)]


def test_syndicated_copies_of_one_wire_story_share_a_story_id(pipeline, sample_text):
    body = sample_text["001"].split("(Yonhap)")[0] + "(Yonhap)"
    pipeline.write("a.txt", body, sidecar=KOREA_HERALD)
    pipeline.write(
        "b.txt",
        "Connect with us\n\nNorth Korea\n\n" + body + "\n\nClick to comment",
        sidecar={"url": "https://www.yna.co.kr/view/AEN20231121000651315", "published": "2023-11-21"},
    )
    pipeline.write("c.txt", sample_text["004"], sidecar=KOREA_HERALD)
    pipeline.materialize()
    rows = cleaned(pipeline)
    assert rows["a.t"][4] == rows["b.t"][4] != rows["c.t"][4]


def test_a_second_run_processes_nothing_new(sample_pipeline):
    sample_pipeline.materialize()
    before = sample_pipeline.query("SELECT * EXCLUDE (run_id) FROM cleaned_articles ORDER BY article_id")
    result = sample_pipeline.materialize()
    assert result.asset_materializations_for_node("cleaned_articles")[0].metadata["processed"].value == 0
    after = sample_pipeline.query("SELECT * EXCLUDE (run_id) FROM cleaned_articles ORDER BY article_id")
    assert after == before


def test_changed_rules_or_a_rebuilt_upstream_step_trigger_a_full_rebuild(tmp_path):
    with duckdb.connect(str(tmp_path / "state.duckdb")) as conn:
        assert incremental.needs_rebuild(conn, "cleaned_articles", "v1", ["raw_articles"])
        incremental.record(conn, "cleaned_articles", "v1", ["raw_articles"], rebuilt=True)
        assert not incremental.needs_rebuild(conn, "cleaned_articles", "v1", ["raw_articles"])
        assert incremental.needs_rebuild(conn, "cleaned_articles", "v2", ["raw_articles"])
        incremental.record(conn, "raw_articles", "r1", [], rebuilt=True)
        assert incremental.needs_rebuild(conn, "cleaned_articles", "v1", ["raw_articles"])


def test_too_many_quarantined_articles_fail_the_blocking_check_and_stop_downstream(pipeline, sample_text):
    @dg.asset(deps=["cleaned_articles"])
    def next_layer_probe() -> None:
        """Stands for entity_mentions: it must not run when the cleaned gate fails."""

    pipeline.write_mostly_undated(sample_text, good_sidecar=KOREA_HERALD)
    result = pipeline.materialize(extra_assets=[next_layer_probe])
    gate = next(
        e for e in result.get_asset_check_evaluations() if e.check_name == "cleaned_articles_table_gate"
    )
    assert not gate.passed
    assert json.dumps(gate.metadata["failed_expectations"].value) == (
        '["expect_column_max_to_be_between(quarantined_share)"]'
    )
    assert result.asset_materializations_for_node("next_layer_probe") == []
