"""Benchmark runs of another checkout: a fresh process with that checkout on PYTHONPATH, figures read from its
last output line, checkouts alternated round by round."""

from __future__ import annotations

import pytest

from scripts.bench_checkouts import alternated, run_with_code

REPORTER = (
    "import json, os, sys\n"
    "print('warming up')\n"
    "print(json.dumps({'pythonpath': os.environ['PYTHONPATH'], 'arguments': sys.argv[1:]}))\n"
)


def test_checkouts_swap_order_every_other_round():
    assert list(alternated(["old", "new"], 3)) == ["old", "new", "new", "old", "old", "new"]


def test_a_run_uses_the_checkouts_code_and_reports_its_last_line_with_the_load(tmp_path):
    script = tmp_path / "report.py"
    script.write_text(REPORTER)
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    figures = run_with_code(str(script), ["run", "--articles", "20"], str(checkout))
    assert figures["pythonpath"] == str(checkout.resolve())
    assert figures["arguments"] == ["run", "--articles", "20"]
    assert "load average" in figures["uptime"]


def test_a_failing_run_stops_with_its_error(tmp_path):
    script = tmp_path / "broken.py"
    script.write_text("raise RuntimeError('no inputs in data/bench/stance_inputs')\n")
    with pytest.raises(SystemExit, match="no inputs in data/bench/stance_inputs"):
        run_with_code(str(script), [], str(tmp_path))
