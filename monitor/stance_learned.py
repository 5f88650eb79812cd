"""A learned second opinion on the actor pairs the rules leave silent.

The rules read sentence structure and rarely err, but on text they were not tuned on half the clear stances
sit in sentences no rule fires on. A multinomial logistic model over the words around each pair (trained by
scripts/train_stance_model.py on the labelled development sets; weights in seeds/stance_pair_model.csv, one
row a feature, a curator can read and prune) scores every pair of a sentence that no rule stated, and states
those it holds likely enough (`learned_pair_threshold` in seeds/stance_rules.yaml) with rule `learned_pair`.
It also reads the pairs of cooperation the rules report as fact, the rule that errs most, and drops those it
holds very unlikely to be a stance (`learned_mutual_floor`).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import Stemmer

from monitor.settings import SEEDS_DIR
from monitor.stance_keys import KEY
from monitor.stance_relations import MUTUAL_FACT
from monitor.stance_rows import STATEMENT_COLUMNS

MODEL_PATH = SEEDS_DIR / "stance_pair_model.csv"
BIAS = "(bias)"
RULE = "learned_pair"
WORD = r"[a-z]+(?:'[a-z]+)?"
LEFT_CHARS, RIGHT_CHARS = 40, 30  # how far the words before and after a mention are read
PAIR = [*KEY, "source_actor", "target_actor"]
SOURCE = ["source_actor", "s_start", "s_end", "s_kind", "s_demonym"]
TARGET = ["target_actor", "t_start", "t_end", "t_kind", "t_demonym"]
# the feature families pair_features writes: a model holding others was trained by other code
FEATURE_PREFIXES = (
    *("o:", "g:", "sk:", "tk:", "sd", "td", "sp:", "tp:"),
    *("b:", "sl:", "sl1:", "sr:", "sr1:", "tl:", "tl1:", "tr:", "c:", "cs:", "r:", "rs:", "sv:", "tv:"),
)
# "expelled" and "expels" are one feature: unseen text uses the verbs of the labelled sets in other forms
STEMMER_LANGUAGE = "english"
MODEL_SCHEMA = {"feature": pl.String, "negative": pl.Float64, "positive": pl.Float64}


def load_model(path: Path | str = MODEL_PATH) -> pl.DataFrame:
    """The model's weights: per feature, its log-odds toward a negative and a positive stance against none."""
    model = pl.read_csv(path, schema=MODEL_SCHEMA)
    if model.filter(pl.col("feature") == BIAS).height != 1:
        raise ValueError(f"{path}: the model needs exactly one '{BIAS}' row (the intercepts)")
    return model


def _first_mentions(smentions: pl.DataFrame) -> pl.DataFrame:
    return (
        smentions.sort(*KEY, "r_start")
        .group_by(*KEY, "country", maintain_order=True)
        .agg(
            pl.col("r_start").first(),
            pl.col("r_end").first(),
            pl.col("actor_kind").first(),
            pl.col("demonym").first(),
        )
    )


def candidate_pairs(smentions: pl.DataFrame) -> pl.DataFrame:
    """Every (sentence, source, target) of two actors the sentence names, with their first mentions' offsets
    and kinds."""
    first = _first_mentions(smentions)
    side = ["country", "r_start", "r_end", "actor_kind", "demonym"]
    sources = first.select(*KEY, *(pl.col(c).alias(n) for c, n in zip(side, SOURCE, strict=True)))
    targets = first.select(*KEY, *(pl.col(c).alias(n) for c, n in zip(side, TARGET, strict=True)))
    return (
        sources.join(targets, on=KEY)
        .filter(pl.col("source_actor") != pl.col("target_actor"))
        .sort(PAIR)
        .with_columns(cid=pl.int_range(pl.len()))
    )


def _words(expr: pl.Expr) -> pl.Expr:
    return expr.str.to_lowercase().str.extract_all(WORD)


def _placed_words(frame: pl.DataFrame, prefix: str, words: pl.Expr) -> pl.DataFrame:
    """[cid, prefix, word]: each distinct word of the pair's `words`, with the place it was read from."""
    return (
        frame.select("cid", word=words.list.unique())
        .explode("word")
        .drop_nulls("word")
        .with_columns(prefix=pl.lit(prefix))
    )


def _word_features(placed: pl.DataFrame) -> pl.DataFrame:
    """[cid, feature] of every placed word by its stem: all places in one pass over the distinct words."""
    vocab = placed["word"].unique().sort().to_list()
    # a Stemmer is not thread-safe (it caches): one per batch, not one shared by the stance step's threads
    stems = dict(zip(vocab, Stemmer.Stemmer(STEMMER_LANGUAGE).stemWords(vocab), strict=True))
    return placed.select(
        "cid", feature=pl.col("prefix") + pl.col("word").replace_strict(stems, return_dtype=pl.String)
    ).unique()


def _span(text: pl.Expr, start: pl.Expr, end: pl.Expr) -> pl.Expr:
    return text.str.slice(start, (end - start).clip(0))


def _cue_features(pairs: pl.DataFrame, cue_hits: pl.DataFrame) -> pl.DataFrame:
    """Each cue of the sentence by class, sign and place: before the pair, between the two, after it."""
    cues = cue_hits.filter(pl.col("cue_class").is_not_null()).select(
        *KEY, "m_start", "cue_class", sign=pl.when(pl.col("polarity") < 0).then(pl.lit("-"))
    )
    lo = pl.min_horizontal("s_start", "t_start")
    hi = pl.max_horizontal("s_start", "t_start")
    place = (
        pl.when(pl.col("m_start") < lo)
        .then(pl.lit("pre"))
        .when(pl.col("m_start") < hi)
        .then(pl.lit("mid"))
        .otherwise(pl.lit("post"))
    )
    placed = pairs.select("cid", *KEY, "s_start", "t_start").join(cues, on=KEY).with_columns(place=place)
    sign = pl.col("sign").fill_null("+")
    return pl.concat(
        [
            placed.select("cid", feature=pl.lit("c:") + pl.col("cue_class")),
            placed.select("cid", feature=pl.lit("c:") + pl.col("cue_class") + ":" + pl.col("place")),
            placed.select("cid", feature=pl.lit("cs:") + sign + ":" + pl.col("place")),
        ]
    ).unique()


def _rule_features(pairs: pl.DataFrame, statements: pl.DataFrame) -> pl.DataFrame:
    """What the rules said in the sentence: the pair itself and by which rule, the pair reversed, the source
    toward another, another toward the target, cooperation as fact, or nothing."""
    said = statements.select(*KEY, "source_actor", "target_actor", "mutual", "polarity")
    p = pairs.select("cid", *KEY, "source_actor", "target_actor")
    own = p.join(statements.select(*PAIR, "rule"), on=PAIR).select(
        "cid", feature=pl.lit("rs:") + pl.col("rule")
    )
    reversed_pair = p.join(
        said.select(*KEY, source_actor="target_actor", target_actor="source_actor", sign="polarity"),
        on=PAIR,
    ).select("cid", feature=pl.when(pl.col("sign") < 0).then(pl.lit("r:rev-")).otherwise(pl.lit("r:rev+")))
    same_source = p.join(said.select(*KEY, "source_actor", "polarity"), on=[*KEY, "source_actor"]).select(
        "cid", feature=pl.when(pl.col("polarity") < 0).then(pl.lit("r:src-")).otherwise(pl.lit("r:src+"))
    )
    same_target = p.join(said.select(*KEY, "target_actor", "polarity"), on=[*KEY, "target_actor"]).select(
        "cid", feature=pl.when(pl.col("polarity") < 0).then(pl.lit("r:tgt-")).otherwise(pl.lit("r:tgt+"))
    )
    mutual = p.join(said.filter("mutual").select(*KEY).unique(), on=KEY).select(
        "cid", feature=pl.lit("r:mutual")
    )
    silent = p.join(said.select(*KEY).unique(), on=KEY, how="anti").select("cid", feature=pl.lit("r:none"))
    return pl.concat([own, reversed_pair, same_source, same_target, mutual, silent]).unique()


def _speaker_features(pairs: pl.DataFrame, sources: pl.DataFrame) -> pl.DataFrame:
    """Whether the rules found the source, or the target, speaking or acting in the sentence, and by which
    rule, though they stated nothing of it toward the other: a source they resolved is likely the pair's."""
    said = sources.select(*KEY, actor="source_actor", rule="rule")
    p = pairs.select("cid", *KEY, "source_actor", "target_actor")
    as_source = p.join(said, left_on=[*KEY, "source_actor"], right_on=[*KEY, "actor"])
    as_target = p.join(said, left_on=[*KEY, "target_actor"], right_on=[*KEY, "actor"])
    unresolved = p.join(
        said.select(*KEY, source_actor="actor").unique(), on=[*KEY, "source_actor"], how="anti"
    )
    return pl.concat(
        [
            as_source.select("cid", feature=pl.lit("sv:") + pl.col("rule")),
            as_target.select("cid", feature=pl.lit("tv:") + pl.col("rule")),
            unresolved.select("cid", feature=pl.lit("sv:-")),
        ]
    ).unique()


def pair_features(
    pairs: pl.DataFrame,
    sentences: pl.DataFrame,
    cue_hits: pl.DataFrame,
    statements: pl.DataFrame,
    sources: pl.DataFrame,
) -> pl.DataFrame:
    """[cid, feature]: the words between the pair and around each side, the mentions' kinds and places, the
    cues and what the rules said, as binary features."""
    text = pl.col("text")
    framed = pairs.join(sentences.select(*KEY, "text"), on=KEY)
    forward = pl.col("s_start") < pl.col("t_start")
    between = pl.when(forward).then(_span(text, pl.col("s_end"), pl.col("t_start")))
    between = between.otherwise(_span(text, pl.col("t_end"), pl.col("s_start")))
    between_words = _words(between)
    gap = between_words.list.len()
    s_left = _span(text, (pl.col("s_start") - LEFT_CHARS).clip(0), pl.col("s_start"))
    t_left = _span(text, (pl.col("t_start") - LEFT_CHARS).clip(0), pl.col("t_start"))
    single = framed.select(
        "cid",
        order=pl.lit("o:") + pl.when(forward).then(pl.lit("st")).otherwise(pl.lit("ts")),
        gap=pl.lit("g:") + gap.clip(0, 12).cast(pl.String),
        s_kind=pl.lit("sk:") + pl.col("s_kind"),
        t_kind=pl.lit("tk:") + pl.col("t_kind"),
        s_dem=pl.when(pl.col("s_demonym")).then(pl.lit("sd")),
        t_dem=pl.when(pl.col("t_demonym")).then(pl.lit("td")),
        s_at=pl.lit("sp:") + (pl.col("s_start") // 20).clip(0, 5).cast(pl.String),
        t_at=pl.lit("tp:") + (pl.col("t_start") // 20).clip(0, 5).cast(pl.String),
    )
    s_right = _words(text.str.slice(pl.col("s_end"), RIGHT_CHARS))
    t_right = _words(text.str.slice(pl.col("t_end"), RIGHT_CHARS))
    placed = pl.concat(
        [
            _placed_words(
                framed, "b:", pl.concat_list(between_words.list.head(6), between_words.list.tail(6))
            ),
            _placed_words(framed, "sl:", _words(s_left).list.tail(3)),
            _placed_words(framed, "sl1:", _words(s_left).list.tail(1)),
            _placed_words(framed, "sr:", s_right.list.head(2)),
            _placed_words(framed, "sr1:", s_right.list.head(1)),
            _placed_words(framed, "tl:", _words(t_left).list.tail(3)),
            _placed_words(framed, "tl1:", _words(t_left).list.tail(1)),
            _placed_words(framed, "tr:", t_right.list.head(2)),
        ]
    )
    return pl.concat(
        [
            single.unpivot(index="cid", value_name="feature").drop_nulls("feature").select("cid", "feature"),
            _word_features(placed),
            _cue_features(pairs, cue_hits),
            _rule_features(pairs, statements),
            _speaker_features(pairs, sources),
        ],
        how="vertical_relaxed",
    )


def pair_scores(features: pl.DataFrame, pairs: pl.DataFrame, model: pl.DataFrame) -> pl.DataFrame:
    """[cid, p_negative, p_positive]: the softmax over none, negative and positive of each pair."""
    bias = model.filter(pl.col("feature") == BIAS)
    # summed in sorted order: a group's row order varies with threads, and float sums with their order
    weights = features.join(model, on="feature").group_by("cid")
    sums = weights.agg(pl.col("negative").sort().sum(), pl.col("positive").sort().sum())
    z = (
        pairs.select("cid")
        .join(sums, on="cid", how="left")
        .select(
            "cid",
            negative=pl.col("negative").fill_null(0.0) + bias["negative"][0],
            positive=pl.col("positive").fill_null(0.0) + bias["positive"][0],
        )
    )
    top = pl.max_horizontal(pl.lit(0.0), "negative", "positive")
    e_none, e_neg, e_pos = (-top).exp(), (pl.col("negative") - top).exp(), (pl.col("positive") - top).exp()
    total = e_none + e_neg + e_pos
    return z.select("cid", p_negative=e_neg / total, p_positive=e_pos / total)


def with_model_opinion(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    cue_hits: pl.DataFrame,
    statements: pl.DataFrame,
    sources: pl.DataFrame,
    model: pl.DataFrame,
    threshold: float,
    mutual_floor: float | None = None,
) -> pl.DataFrame:
    """The rules' statements with the model's second opinion: a pair the rules left silent that it holds a
    stance with probability >= threshold is stated (polarity P(positive) - P(negative)), and a cooperation
    the rules read as mutual fact (rule `mutual_fact`) that it holds a stance with probability < mutual_floor
    is dropped. Most such facts are background ("where he attended the G20 summit", "Britain, France and
    Germany do not [recognise a state]"): on the labelled sets, dropping 601 of them cost 27 labelled stances
    and removed 14 labelled traps."""
    candidates = candidate_pairs(smentions)
    mutual_facts = statements.filter(pl.col("rule") == MUTUAL_FACT).select(PAIR).unique()
    silent = candidates.join(statements.select(PAIR).unique(), on=PAIR, how="anti")
    judged = silent if mutual_floor is None else pl.concat([silent, candidates.join(mutual_facts, on=PAIR)])
    features = pair_features(judged, sentences, cue_hits, statements, sources)
    scored = judged.join(pair_scores(features, judged, model), on="cid").with_columns(
        p_stance=pl.col("p_negative") + pl.col("p_positive")
    )
    learned = (
        scored.join(silent.select("cid"), on="cid")
        .filter(pl.col("p_stance") >= threshold)
        .select(
            *KEY,
            "source_actor",
            source_speaker=pl.lit(None, pl.String),
            target_actor="target_actor",
            polarity=pl.col("p_positive") - pl.col("p_negative"),
            cue=pl.lit("(learned)"),
            cue_class=pl.lit("learned"),
            negated=pl.lit(False),
            mutual=pl.lit(False),
            rule=pl.lit(RULE),
        )
        .select(STATEMENT_COLUMNS)
    )
    if mutual_floor is not None:
        unlikely = scored.filter(pl.col("p_stance") < mutual_floor).select(PAIR, rule=pl.lit(MUTUAL_FACT))
        statements = statements.join(unlikely, on=[*PAIR, "rule"], how="anti")
    return pl.concat([statements, learned])
