"""The learned pair model: which pairs it may speak for, how its weights decide, and that it never
overrides the rules (monitor.stance_learned). Models here are written by hand so each test shows the one
weight it relies on; the shipped model is checked for being one this code can read."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from stance_helpers import JAPAN, SOUTH_KOREA, rules_alone

from monitor.stance import extract_statements, rule_stage
from monitor.stance_devset import build_frames
from monitor.stance_learned import (
    BIAS,
    FEATURE_PREFIXES,
    MODEL_SCHEMA,
    RULE,
    candidate_pairs,
    load_model,
    pair_features,
)
from monitor.stance_matching import load_cues, load_rules
from monitor.stance_relations import MUTUAL_FACT

IRAQ = ["Baghdad", "IRQ", "IRQ", "state"]
SWEDEN = ["Sweden", "SWE", "SWE", "state"]
KOREA_JAPAN = [SOUTH_KOREA, JAPAN, ["Japanese", "JPN", "JPN", "state"]]
WITHDREW = "Baghdad also withdrew its charge d'affaires from Sweden."
WITHDRAWS = "Baghdad also withdraws its charge d'affaires from Sweden."
WITHDRAWING = "Baghdad is also withdrawing its charge d'affaires from Sweden."
PROTEST = "South Korea on Friday lodged a strong protest with Japan over its renewed claim to the islets."
G20_VISIT = "Biden flew to Vietnam from New Delhi, where he attended the G20 summit."
BIDEN_G20 = [
    ["Biden", "joe_biden", "USA", "person"],
    ["Vietnam", "VNM", "VNM", "state"],
    ["New Delhi", "IND", "IND", "state"],
    ["G20", "G20", "G20", "organisation"],
]
NO_STANCE = -20.0  # a bias this low leaves every pair without a stance unless a feature lifts it


def model(bias: tuple[float, float], **weights: tuple[float, float]) -> pl.DataFrame:
    rows = [(BIAS, *bias), *((feature, *w) for feature, w in weights.items())]
    return pl.DataFrame(rows, schema=MODEL_SCHEMA, orient="row")


def run(
    sentences: list[str],
    actors: list,
    weights: pl.DataFrame,
    threshold: float | None = 0.6,
    mutual_floor: float | None = None,
    published: pl.DataFrame | None = None,
):
    rules = rules_alone()
    if threshold is not None:
        rules["learned_pair_threshold"] = threshold
    if mutual_floor is not None:
        rules["learned_mutual_floor"] = mutual_floor
    frames = build_frames([{"id": "a1", "sentences": sentences, "actors": actors}])
    return extract_statements(*frames, load_cues(), published, rules=rules, model=weights)


def learned(statements: pl.DataFrame) -> dict[tuple[str, str], float]:
    rows = statements.filter(pl.col("rule") == RULE)
    return {(r["source_actor"], r["target_actor"]): r["polarity"] for r in rows.iter_rows(named=True)}


def test_a_silent_pair_is_stated_when_its_words_make_a_stance_likely():
    """The rules state nothing here (blind12, Anadolu); one weight on the word after Baghdad decides."""
    weights = model((NO_STANCE, NO_STANCE), **{"sr1:also": (30.0, 0.0)})  # the word after the source
    stated = learned(run([WITHDREW], [IRAQ, SWEDEN], weights))
    assert list(stated) == [("IRQ", "SWE")]
    assert stated["IRQ", "SWE"] < -0.9


def test_words_weigh_by_their_stem_so_other_forms_of_a_verb_count_the_same():
    """The words between two actors are the same both ways, so both directions are stated."""
    stem, inflected = (
        model((NO_STANCE, NO_STANCE), **{w: (30.0, 0.0)}) for w in ("b:withdraw", "b:withdraws")
    )
    for sentence in (WITHDRAWS, WITHDRAWING):
        assert set(learned(run([sentence], [IRAQ, SWEDEN], stem))) == {("IRQ", "SWE"), ("SWE", "IRQ")}
        assert learned(run([sentence], [IRAQ, SWEDEN], inflected)) == {}


def test_the_actors_the_rules_resolved_as_speakers_are_marked_on_their_pairs():
    """The rules find South Korea speaking in PROTEST (speech_verb_subject) and Japan nowhere as a source."""
    frames = build_frames([{"id": "a1", "sentences": [PROTEST], "actors": KOREA_JAPAN}])
    sentences, smentions, hits, statements, sources = rule_stage(*frames, load_cues(), None, load_rules())
    pairs = candidate_pairs(smentions)
    features = pair_features(pairs, sentences, hits, statements, sources).join(pairs, on="cid")
    of = {
        (src, tgt): set(group["feature"])
        for (src, tgt), group in features.filter(pl.col("feature").str.contains("^[st]v:")).group_by(
            "source_actor", "target_actor"
        )
    }
    assert of == {
        ("KOR", "JPN"): {"sv:speech_verb_subject"},
        ("JPN", "KOR"): {"sv:-", "tv:speech_verb_subject"},
    }


def test_a_sentence_opening_with_a_year_long_before_the_article_is_history_to_the_model_too():
    """The rules read nothing in history ("In 2019 the International Court of Justice said ..."); the model
    may not either."""
    weights = model((NO_STANCE, NO_STANCE), **{"sr1:also": (30.0, 0.0)})
    sentence = f"In 2019 {WITHDREW}"
    assert learned(run([sentence], [IRAQ, SWEDEN], weights, published=on_day(date(2025, 6, 2)))) == {}
    assert list(learned(run([sentence], [IRAQ, SWEDEN], weights, published=on_day(date(2020, 6, 2))))) == [
        ("IRQ", "SWE")
    ]


def on_day(day: date) -> pl.DataFrame:
    return pl.DataFrame({"article_id": ["a1"], "published_on": [day]})


def test_a_pair_below_the_threshold_is_not_stated():
    weights = model((NO_STANCE, NO_STANCE), **{"sr1:also": (20.0, 0.0)})  # P(negative) = 0.5
    assert learned(run([WITHDREW], [IRAQ, SWEDEN], weights, threshold=0.6)) == {}
    assert list(learned(run([WITHDREW], [IRAQ, SWEDEN], weights, threshold=0.4))) == [("IRQ", "SWE")]


def test_the_polarity_is_the_positive_probability_less_the_negative():
    weights = model((NO_STANCE, NO_STANCE), **{"sr1:also": (20.0, 21.0)})
    polarity = learned(run([WITHDREW], [IRAQ, SWEDEN], weights))["IRQ", "SWE"]
    e = 2.718281828459045  # logits: none 0, negative 0, positive 1
    assert polarity == pytest.approx((e - 1) / (2 + e), abs=1e-6)


def test_a_pair_the_rules_stated_keeps_the_rules_statement():
    every_pair = model((30.0, 0.0))
    statements = run([PROTEST], KOREA_JAPAN, every_pair).filter(~pl.col("mutual"))
    assert statements.filter(pl.col("source_actor") == "KOR")["rule"].to_list() == ["speech_verb_subject"]
    assert learned(statements) == {("JPN", "KOR"): pytest.approx(-1.0, abs=1e-6)}


def mutual_facts(statements: pl.DataFrame) -> set[tuple[str, str]]:
    rows = statements.filter(pl.col("rule") == MUTUAL_FACT)
    return set(zip(rows["source_actor"], rows["target_actor"], strict=True))


def test_a_mutual_fact_the_model_holds_unlikely_is_dropped():
    """Background the rules read as cooperation (blind, a G20 summit Biden attended): no stance of the US
    toward the G20."""
    assert mutual_facts(run([G20_VISIT], BIDEN_G20, model((30.0, 0.0)), mutual_floor=0.05)) == {
        ("USA", "G20"),
        ("G20", "USA"),
    }
    assert (
        mutual_facts(run([G20_VISIT], BIDEN_G20, model((NO_STANCE, NO_STANCE)), mutual_floor=0.05)) == set()
    )


def test_the_rule_that_stated_a_pair_weighs_in_its_score():
    """The same pairs, judged by one weight on rs:mutual_fact: what keeps a fact at run time is what the
    model learned of the rule's statements in training."""
    trusted = model((NO_STANCE, NO_STANCE), **{"rs:mutual_fact": (0.0, 25.0)})
    assert mutual_facts(run([G20_VISIT], BIDEN_G20, trusted, mutual_floor=0.05)) == {
        ("USA", "G20"),
        ("G20", "USA"),
    }


def test_without_a_mutual_floor_every_mutual_fact_is_kept():
    assert mutual_facts(run([G20_VISIT], BIDEN_G20, model((NO_STANCE, NO_STANCE)))) == {
        ("USA", "G20"),
        ("G20", "USA"),
    }


def test_the_mutual_floor_drops_no_statement_of_another_rule():
    statements = run([PROTEST], KOREA_JAPAN, model((NO_STANCE, NO_STANCE)), mutual_floor=0.05)
    assert statements.filter(pl.col("source_actor") == "KOR")["rule"].to_list() == ["speech_verb_subject"]


def test_without_a_threshold_the_model_states_nothing():
    assert learned(run([WITHDREW], [IRAQ, SWEDEN], model((30.0, 0.0)), threshold=None)) == {}


def test_a_model_without_its_bias_row_is_refused(tmp_path):
    path = tmp_path / "model.csv"
    model((0.0, 0.0), **{"b:withdrew": (1.0, 0.0)}).filter(pl.col("feature") != BIAS).write_csv(path)
    with pytest.raises(ValueError, match="bias"):
        load_model(path)


def test_pair_features_write_only_the_declared_families():
    frames = build_frames(
        [{"id": "a1", "sentences": [PROTEST, WITHDREW], "actors": [*KOREA_JAPAN, IRAQ, SWEDEN]}]
    )
    sentences, smentions, hits, statements, sources = rule_stage(*frames, load_cues(), None, load_rules())
    pairs = candidate_pairs(smentions)
    families = pair_features(pairs, sentences, hits, statements, sources)["feature"].str.extract(
        r"^([a-z0-9]+:?)"
    )
    assert families.n_unique() >= 10 and set(families.unique()) <= set(FEATURE_PREFIXES)


def test_the_shipped_model_reads_only_features_this_code_writes():
    shipped = load_model()
    families = shipped.filter(pl.col("feature") != BIAS)["feature"].str.extract(r"^([a-z0-9]+:?)")
    assert shipped.height > 1000
    assert set(families.unique()) <= set(FEATURE_PREFIXES)
    assert shipped.select(pl.all().exclude("feature").is_finite().all()).row(0) == (True, True)
