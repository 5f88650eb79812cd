"""The held-out accuracy script: labels resolve against their pages; a subset run prints every figure."""

import shutil

import pytest

from scripts.accuracy import HELDOUT, load_labels, main, quarantine_reason

SUBSET = ("reuters_blinken_china", "thestar_blinken_china", "dawn_fo_us_sanctions")


def test_every_label_line_entry_matches_a_line_of_its_page():
    labels = load_labels(HELDOUT)

    assert len(labels) >= 30
    assert all(any(cls == "article" for _, cls in lab["lines"]) for lab in labels)


def test_html_page_lines_are_its_text_blocks_without_the_head():
    (reuters,) = load_labels(HELDOUT, {"reuters_blinken_china"})
    lines = dict(reuters["lines"])

    assert lines["Blinken warns China over support for Russia's war machine"] == "title"
    assert lines["Read Next"] == "junk"
    assert not any(line.endswith("| Reuters") for line in lines)


def test_a_label_entry_matching_no_line_is_refused(tmp_path):
    shutil.copytree(HELDOUT / "pages", tmp_path / "pages")
    (tmp_path / "labels.yaml").write_text(
        "articles:\n  - key: x\n    file: pages/dawn_fo_us_sanctions.txt\n    date: 2024-04-20\n"
        "    outlet: dawn\n    wire: null\n    junk: [Share this story on Mastodon]\n    actors: [PAK]\n"
    )

    with pytest.raises(SystemExit, match="matches no line"):
        load_labels(tmp_path)


def test_a_page_failing_several_rules_is_scored_by_the_labelled_one():
    rules = (
        "cleaned_articles:expect_column_values_to_not_be_null(published_on):no trustworthy publication date "
        "cleaned_articles:expect_column_values_to_be_in_set(language):not english"
    )

    assert quarantine_reason(rules, "language") == "language"
    assert quarantine_reason(rules, "outlet") == "date"
    assert quarantine_reason("gate:something_else", None) == "other"


def test_run_on_three_articles_prints_every_figure_beside_its_target(capsys):
    assert main(["--keys", ",".join(SUBSET)]) == 0

    out = capsys.readouterr().out
    assert "held-out accuracy: 3 articles" in out
    for figure, target in [
        ("date: right / wrong / abstained", "0 wrong"),
        ("outlet right (URL known)", "all"),
        ("junk lines removed", ">= 0.95"),
        ("article sentences kept", ">= 0.99"),
        ("actor recall macro / micro", ">= 0.95"),
        ("actor precision macro / micro", ">= 0.95"),
        ("stance sign right (found)", ">= 0.90"),
        ("clear stances found", ">= 0.75"),
        ("syndicated groups on one story id", "all, 0 merges"),
    ]:
        row = next(line for line in out.splitlines() if line.startswith(figure))
        assert target in row
    assert "== quarantine reasons ==" in out
