"""The synthetic benchmark corpus: deterministic, in every input format, with truthful ground truth."""

import csv
import hashlib
import json
from datetime import date

import polars as pl
import pytest

from monitor import synthetic
from monitor.synthetic_corpus import BAD_KINDS, generate_corpus


def _corpus_digest(landing) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in landing.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(landing)).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    counts = generate_corpus(root / "landing", root / "truth", 600, seed=7)
    articles = pl.read_parquet(root / "truth" / "b0_articles.parquet")
    bad = pl.read_parquet(root / "truth" / "b0_bad.parquet")
    return root, counts, articles, bad


def test_same_seed_writes_the_same_bytes(corpus, tmp_path):
    root, *_ = corpus
    generate_corpus(tmp_path / "landing", tmp_path / "truth", 600, seed=7)
    assert _corpus_digest(tmp_path / "landing") == _corpus_digest(root / "landing")


def test_every_input_format_is_written(corpus):
    _, _, articles, _ = corpus
    assert set(articles["input_kind"]) == {"txt", "html", "jsonl"}


def test_jsonl_truth_paths_name_real_records(corpus):
    root, _, articles, _ = corpus
    path, line = articles.filter(pl.col("input_kind") == "jsonl")["path"][0].split("#")
    record = json.loads((root / "landing" / path).read_text(encoding="utf-8").splitlines()[int(line) - 1])
    assert record["url"].startswith("https://www.")


def test_urls_are_on_the_truth_outlets_domain(corpus):
    root, _, articles, _ = corpus
    domains = {}
    with open(synthetic.settings.SEEDS_DIR / "outlets.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            domains[row["outlet_id"]] = row["domains"].split(";")[0]
    pages = articles.filter(pl.col("input_kind") == "txt").iter_rows(named=True)
    with_sidecar = [(r, root / "landing" / r["path"].replace(".txt", ".json")) for r in pages]
    checked = [(r, json.loads(p.read_text())["url"]) for r, p in with_sidecar if p.exists()]
    assert len(checked) > 100
    assert all(domains[row["outlet_id"]] in url for row, url in checked)


def test_every_stance_cue_class_is_used_with_its_sign(corpus):
    _, _, articles, _ = corpus
    with open(synthetic.settings.SEEDS_DIR / "stance_cues.csv", encoding="utf-8") as handle:
        classes = {row["cue_class"] for row in csv.DictReader(handle)}
    stances = articles.select(pl.col("stances").explode().struct.unnest())
    assert classes <= set(stances["cue_class"])
    assert set(stances.filter(pl.col("cue_class") == "express_concern")["sign"]) == {-1}
    assert set(stances.filter(pl.col("cue_class") == "praise")["sign"]) == {1}


def test_about_fifteen_percent_are_syndicated_copies(corpus):
    _, _, articles, _ = corpus
    share = articles.select((pl.len().over("story_group") > 1).mean()).item()
    assert 0.08 < share < 0.25


def test_bad_files_cover_every_quarantine_kind_with_its_rule(corpus):
    root, _, _, bad = corpus
    assert bad.height == 12
    assert set(bad["kind"]) == set(BAD_KINDS)
    assert dict(zip(bad["kind"], bad["rule"], strict=True))["unsupported"].endswith("(input_kind)")
    assert (root / "landing" / bad.filter(pl.col("kind") == "empty")["path"][0]).stat().st_size == 0


def test_officials_speak_only_while_in_office():
    world = synthetic.load_world()

    def speakers(day: date) -> set[str]:
        return {surface for surface, _ in world.people_by_day[(day - synthetic.FIRST_DAY).days]}

    assert "Foreign Minister Yoko Kamikawa" in speakers(date(2024, 9, 30))
    assert "Foreign Minister Yoko Kamikawa" not in speakers(date(2024, 10, 2))
    assert "Foreign Minister Takeshi Iwaya" in speakers(date(2024, 10, 2))
