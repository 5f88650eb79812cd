"""entity_mentions through Dagster, and what its gate does with mentions that do not hold up."""

from __future__ import annotations

import datetime as dt

import dagster as dg
import polars as pl
import pytest
from conftest import Pipeline

from assets.mentions import mention_candidates
from monitor import asset_checks, gates
from monitor.actor_dictionary import load_actor_dictionary


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary()


@pytest.fixture
def candidates(sample_text, dictionary) -> pl.DataFrame:
    articles = pl.DataFrame(
        {"article_id": ["004"], "body": [sample_text["004"]], "published_on": [dt.date(2023, 11, 9)]}
    )
    return mention_candidates(articles, dictionary)[1]


def test_sample_mentions_resolve_states_and_dated_roles(sample_pipeline):
    assert sample_pipeline.materialize().success
    rows = set(
        sample_pipeline.query(
            """SELECT m.surface, m.actor_id, m.country, m.role FROM entity_mentions m
           JOIN raw_articles r USING (article_id) WHERE r.paths[1] LIKE '%004_%'"""
        )
    )
    assert ("Antony Blinken", "antony_blinken", "USA", "foreign minister") in rows
    assert ("Park Jin", "park_jin", "KOR", "foreign minister") in rows
    assert {("North Korea", "PRK"), ("Russia", "RUS"), ("South Korea", "KOR")} <= {
        (s, c) for s, _, c, _ in rows
    }


def test_mentions_computed_a_batch_ahead_equal_those_of_one_batch(sample_pipeline, monkeypatch, tmp_path):
    stored = """SELECT mention_id, sentence_no, surface, actor_id, role, rule FROM entity_mentions
                UNION ALL
                SELECT article_id, sentence_no, text, NULL, NULL, NULL FROM sentences ORDER BY ALL"""
    sample_pipeline.materialize()
    one_batch = sample_pipeline.query(stored)
    monkeypatch.setattr("assets.mentions.ARTICLES_PER_BATCH", 1)
    by_one = Pipeline(
        sample_pipeline.landing, tmp_path / "by_one" / "m.duckdb", dg.DagsterInstance.ephemeral()
    )
    assert by_one.materialize().success
    assert by_one.query(stored) == one_batch
    assert len({row[0].split(":")[0] for row in one_batch if row[3]}) == 3


def test_every_stored_span_reads_back_its_surface_text_in_sql(sample_pipeline):
    sample_pipeline.materialize()
    [(bad, total)] = sample_pipeline.query(
        """SELECT count(*) FILTER (WHERE substring(c.body, m.start + 1, m."end" - m.start) <> m.surface),
                  count(*)
           FROM entity_mentions m JOIN cleaned_articles c USING (article_id)"""
    )
    assert total > 50 and bad == 0


def test_an_unknown_official_becomes_a_candidate_for_curators(pipeline, sample_text):
    text = sample_text["004"].replace(
        "Blinken’s two-day visit",
        "Foreign Minister Zorbanu Kestrel said the talks were useful. Blinken’s two-day visit",
    )
    pipeline.write("a.txt", text, sidecar={"url": "https://www.koreaherald.com/view.php?ud=1"})
    assert pipeline.materialize().success
    candidates = {c for (c,) in pipeline.query("SELECT candidate FROM unresolved_candidates")}
    assert "Zorbanu Kestrel" in candidates


def test_a_later_run_adds_its_articles_to_the_candidate_counts_without_rescanning(pipeline, sample_text):
    said = "Foreign Minister Zorbanu Kestrel said the talks were useful. Blinken’s two-day visit"
    text = sample_text["004"].replace("Blinken’s two-day visit", said)
    pipeline.write("a.txt", text, sidecar={"url": "https://www.koreaherald.com/view.php?ud=1"})
    assert pipeline.materialize().success
    pipeline.write("b.txt", text + "\nUpdated.", sidecar={"url": "https://www.koreaherald.com/view.php?ud=2"})
    result = pipeline.materialize()
    [event] = result.asset_materializations_for_node("unresolved_candidates")
    assert event.metadata["articles_scanned"].value == 1
    assert pipeline.query(
        "SELECT cue, article_count FROM unresolved_candidates WHERE candidate = 'Zorbanu Kestrel' ORDER BY 1"
    ) == [("Foreign Minister", 2), ("said", 2)]


def test_a_mention_outside_its_persons_term_is_quarantined(candidates, dictionary):
    blinken = pl.col("actor_id") == "antony_blinken"
    shifted = candidates.with_columns(
        published_on=pl.when(blinken).then(dt.date(2019, 6, 1)).otherwise(pl.col("published_on"))
    )
    gate = gates.validate_rows(
        "entity_mentions", shifted, "mention_id", {"known_actor_ids": dictionary.actors["actor_id"].to_list()}
    )
    rules = set(gate.quarantine["rule"])
    assert rules == {"expect_column_pair_values_a_to_be_greater_than_b(published_on,role_start)"}
    assert gate.quarantine.height == candidates.filter(blinken).height


def test_an_actor_missing_from_the_dictionary_is_quarantined(candidates, dictionary):
    known = [a for a in dictionary.actors["actor_id"].to_list() if a != "RUS"]
    gate = gates.validate_rows("entity_mentions", candidates, "mention_id", {"known_actor_ids": known})
    assert set(gate.quarantine["observed_value"]) == {"RUS"}


def test_a_span_that_misses_its_surface_is_quarantined(candidates, dictionary):
    first = candidates["mention_id"][0]
    broken = candidates.with_columns(
        start=pl.when(pl.col("mention_id") == first).then(pl.col("start") + 1).otherwise(pl.col("start"))
    ).with_columns(
        body_slice=pl.when(pl.col("mention_id") == first).then(pl.lit("xx")).otherwise("body_slice")
    )
    gate = gates.validate_rows(
        "entity_mentions", broken, "mention_id", {"known_actor_ids": dictionary.actors["actor_id"].to_list()}
    )
    assert gate.quarantine["item_id"].to_list() == [first]


def test_many_quarantined_mentions_fail_the_blocking_table_gate(candidates, dictionary):
    known = [a for a in dictionary.actors["actor_id"].to_list() if a != "PRK"]
    gate = gates.validate_rows("entity_mentions", candidates, "mention_id", {"known_actor_ids": known})
    share = gate.quarantine.height / candidates.height
    verdict = gates.validate_table(gate, {"quarantined_share": share})
    [_, table_check] = asset_checks.check_results(verdict)
    assert share > 0.05
    assert not table_check.passed and table_check.severity.value == "ERROR"
