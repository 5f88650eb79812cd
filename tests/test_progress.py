"""A long step tells the person watching the run how far it is and how long it may take."""

from __future__ import annotations

from monitor.progress import BatchProgress


class FakeClock:
    """Seconds that the test moves on by hand, so that intervals are exact."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_batch_finished_within_the_interval_is_not_logged():
    lines, clock = [], FakeClock()
    progress = BatchProgress(lines.append, "cleaned_articles", 100_000, clock=clock)
    clock.now = 4.0
    progress.advance(20_000)
    assert lines == []


def test_a_batch_finished_after_the_interval_logs_counts_share_and_time_left():
    lines, clock = [], FakeClock()
    progress = BatchProgress(lines.append, "cleaned_articles", 100_000, clock=clock)
    clock.now = 30.0
    progress.advance(20_000)
    assert lines == ["cleaned_articles: 20,000 of 100,000 articles (20%) in 30 s, about 2 min 00 s left"]


def test_the_last_batch_is_always_logged_without_time_left():
    lines, clock = [], FakeClock()
    progress = BatchProgress(lines.append, "raw_articles", 2_500, unit="changed files", clock=clock)
    clock.now = 1.0
    progress.advance(2_000)
    clock.now = 2.0
    progress.advance(500)
    assert lines == ["raw_articles: 2,500 of 2,500 changed files (100%) in 2 s"]


def test_a_run_of_the_samples_logs_each_step_finishing_in_the_dagster_event_log(sample_pipeline):
    result = sample_pipeline.materialize()
    messages = [entry.user_message for entry in sample_pipeline.instance.all_logs(result.run_id)]
    for line in (
        "raw_articles: 9 of 9 changed files (100%)",
        "cleaned_articles: 5 of 5 articles (100%)",
        "entity_mentions: 3 of 3 articles (100%)",
        "stance_statements: 3 of 3 articles (100%)",
        "article_search_index: 3 of 3 articles (100%)",
    ):
        assert any(line in message for message in messages), line
