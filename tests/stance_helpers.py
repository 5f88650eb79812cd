"""Stance rules run on hand-written sentences: the frames the stance tests build and read."""

from __future__ import annotations

import polars as pl

from monitor.stance import extract_statements
from monitor.stance_devset import build_frames
from monitor.stance_matching import load_cues, load_rules

USA = ["United States", "USA", "USA", "state"]
RUSSIA = ["Russia", "RUS", "RUS", "state"]
NORTH_KOREA = ["North Korea", "PRK", "PRK", "state"]
CHINA = ["China", "CHN", "CHN", "state"]
XI_JINPING = ["Xi Jinping", "xi_jinping", "CHN", "person"]
VLADIMIR_PUTIN = ["Vladimir Putin", "vladimir_putin", "RUS", "person"]
US = ["US", "USA", "USA", "state"]
JAPAN = ["Japan", "JPN", "JPN", "state"]
SOUTH_KOREA = ["South Korea", "KOR", "KOR", "state"]
# the three Sahel juntas leaving ECOWAS: the list a group subject without a name stands for
SAHEL = [
    ["Niger", "NER", "NER", "state"],
    ["Mali", "MLI", "MLI", "state"],
    ["Burkina Faso", "BFA", "BFA", "state"],
    ["Economic Community of West African States", "ECOWAS", "ECOWAS", "organisation"],
    ["French", "FRA", "FRA", "state"],
    RUSSIA,
]
# A sample article's sentence: "threats from North Korea" are countered, not judged by its speakers
DETERRENCE = (
    "Blinken and Park also said they discussed working together to implement what they called an "
    "expanded deterrence strategy to counter threats from North Korea and continue strategic cooperation "
    "with Japan."
)
DETERRENCE_ACTORS = [
    ["Blinken", "antony_blinken", "USA", "person"],
    ["Park", "park_jin", "KOR", "person"],
    NORTH_KOREA,
    JAPAN,
]
SAHEL_OPENING = (
    "The military-led governments of Niger, Mali and Burkina Faso on Sunday announced their immediate "
    "withdrawal from the Economic Community of West African States."
)


def statements(*sentences: str, actors: list, published: pl.DataFrame | None = None) -> pl.DataFrame:
    """The rules' statements alone: the learned pair model (tests/test_stance_learned.py) is measured on the
    development sets, not specified sentence by sentence."""
    sents, mentions = build_frames([{"id": "a1", "sentences": list(sentences), "actors": actors}])
    return extract_statements(sents, mentions, load_cues(), published, rules_alone())


def rules_alone() -> dict:
    """seeds/stance_rules.yaml without the learned model's keys: the model switched off."""
    learned = {"learned_pair_threshold", "learned_mutual_floor"}
    return {k: v for k, v in load_rules().items() if k not in learned}


def _pairs(rows: pl.DataFrame) -> dict[tuple[str, str], float]:
    return {(r["source_actor"], r["target_actor"]): r["polarity"] for r in rows.iter_rows(named=True)}


def stance(frame: pl.DataFrame, sentence_no: int | None = None) -> dict[tuple[str, str], float]:
    """(source, target) -> polarity of the speakers' (non-mutual) statements."""
    rows = frame.filter(~pl.col("mutual"))
    if sentence_no is not None:
        rows = rows.filter(pl.col("sentence_no") == sentence_no)
    return _pairs(rows)


def mutual(frame: pl.DataFrame) -> dict[tuple[str, str], float]:
    """(source, target) -> polarity of the facts reported between two actors."""
    return _pairs(frame.filter(pl.col("mutual")))


def every_pair(frame: pl.DataFrame) -> dict[tuple[str, str], float]:
    return _pairs(frame)
