"""The training script of the learned pair model: it trains on the real chain's output for labelled sets,
scores each set by a model trained on the others, and never reads a held-out set."""

from __future__ import annotations

import re

import polars as pl
import pytest

from monitor.stance_learned import BIAS, FEATURE_PREFIXES, load_model
from scripts.accuracy import main as accuracy
from scripts.train_stance_model import ROOT, main

SETS = ("blind", "blind2")


@pytest.fixture(scope="module")
def kept(tmp_path_factory):
    """The two sets run through the real chain once, their databases kept as accuracy.py --keep keeps them."""
    root = tmp_path_factory.mktemp("kept")
    for name in SETS:
        assert accuracy(["--heldout", str(ROOT / "devset" / name), "--keep", str(root / name)]) == 0
    return root


def test_training_writes_a_model_the_pipeline_reads(kept, tmp_path):
    out = tmp_path / "model.csv"

    assert main(["--sets", ",".join(SETS), "--kept", str(kept), "--out", str(out)]) == 0

    model = load_model(out)
    families = model.filter(pl.col("feature") != BIAS)["feature"].str.extract(r"^([a-z0-9]+:?)")
    assert model.height > 100
    assert set(families.unique()) <= set(FEATURE_PREFIXES)
    assert model.filter(pl.col("feature").str.starts_with("rs:")).height > 0  # the rule that stated a pair


def test_cross_validation_scores_each_set_by_a_model_of_the_others_and_writes_nothing(kept, tmp_path, capsys):
    out = tmp_path / "model.csv"

    assert main(["--sets", ",".join(SETS), "--kept", str(kept), "--cv", "--out", str(out)]) == 0

    printed = capsys.readouterr().out
    assert not out.exists()
    assert [line.split()[0] for line in printed.splitlines() if line.startswith("blind")] == list(SETS)
    assert "threshold rules only: found" in printed
    assert "threshold        0.6: found" in printed


def test_a_held_out_set_named_for_training_is_refused():
    with pytest.raises(SystemExit, match="held-out sets named for training"):
        main(["--sets", "blind", "--hold-out", "blind"])


def test_cross_validation_drops_the_mutual_facts_below_the_floor(kept, capsys):
    dropped = {}
    for floor in ("0", "1"):
        assert main(["--sets", ",".join(SETS), "--kept", str(kept), "--cv", "--mutual-floor", floor]) == 0
        dropped[floor] = int(re.search(r"the others drop (\d+)", capsys.readouterr().out).group(1))

    assert dropped["0"] == 0
    assert dropped["1"] > 0
