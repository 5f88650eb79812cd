"""Judgements whose target is the other side of the story: "The UAE rejected the decision." in an article
that opened with Sudan cutting ties with the UAE, "Brussels also suspended EUR 30 million in military
assistance" in one that opened with Georgia and the EU, "Tokyo had 'grave concerns' about the pact" after a
lead treaty between Russia and North Korea.

The story is the lead dyad: the first actor of the article's first sentence that names two, and the first
other actor not listed with it. It counts only when a statement of the lead links the two (its sign is the
story's tone, its source the agent of the story's act unless the lead names the act's holder: "the Israeli
occupation's attack"), when they are by far the article's two most named actors, or when the first is the
actor the article names most and the second one of the three named most. A side that judges with the story's
tone, or judges "the <act>" / "the <pact>", judges the other side; a third party judging "the <act>" judges
the agent, "the <pact>" both sides. The sentence must name no actor but its speakers, carry no statement of
them already, and no cues of both signs: a wrong target is worse than a miss. A place counts ("deeply
regretted the decision", said the Chinese Embassy in Panama, of Panama's decision), unlike in
monitor.stance_event_echoes.unnamed: a story's sides are broad, and the place is often the side judged."""

from __future__ import annotations

import polars as pl

from monitor.stance_clauses import clause_judges
from monitor.stance_event_targets import judgement_statements
from monitor.stance_holders import judging_voices
from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives
from monitor.stance_rows import negation_factor
from monitor.stance_runs import shift_in
from monitor.stance_salience import naming_counts

LIST_GAP = r"^\s*(,|and|&|,\s*and)\s*(the\s+)?$"
QUOTE_OPEN, QUOTE_CLOSE = "[\"“‘']?", "[\"”’']?"
# "the decision", "that 'historic' decision", "the serious escalation": a determiner and up to two words
DEFINITE = rf"\b(the|this|that|these|those)\s+({QUOTE_OPEN}[a-z-]+{QUOTE_CLOSE}\s+){{0,2}}?{QUOTE_OPEN}"
# the noun phrase as the cue's object ("rejected the decision", "concerns about the pact")
OBJECT = rf"^{QUOTE_CLOSE}\s+((over|about|at|of|on|to|against)\s+)?{DEFINITE}"
# ... or as what the cue is said of ("called the ban 'extremely regrettable'", "the deal was 'an important")
# (a closing quote may end the noun: 'the "cowardly crime" would not go unanswered')
COPULA = r"(as|was|were|is|are|had been|has been|have been)"
PREDICATE = rf"{QUOTE_CLOSE}\s+{COPULA}?\s*{QUOTE_OPEN}\s*([a-z-]+\s+){{0,3}}$"


def _sign(polarity: str = "polarity") -> pl.Expr:
    return pl.when(pl.col("negated")).then(-pl.col(polarity)).otherwise(pl.col(polarity)).sign()


def _side_holder(holders: str) -> pl.Expr:
    """The lead names one holder of its act, and it is a side of the story."""
    one = pl.col(holders).list.first()
    return (pl.col(holders).list.len() == 1) & ((one == pl.col("first")) | (one == pl.col("second")))


def _lead_pairs(sentences: pl.DataFrame, smentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[article_id, lead_sid, lead_no, first, second] of the first of the article's first
    story_lead_sentences sentences that names two actors: its first actor, and the first other one not listed
    right after another ("Mali, Burkina Faso and Niger ... from Algeria": Algeria), else the only other one
    ("America and China")."""
    lead = int(rules.get("story_lead_sentences", 3))
    where = sentences.select(*KEY, "article_id", "sentence_no", "text")
    gap = pl.col("text").str.slice(pl.col("prev_end"), (pl.col("r_start") - pl.col("prev_end")).clip(0))
    named = (
        smentions.select(*KEY, "country", "r_start", "r_end")
        .join(where, on=KEY)
        .filter(pl.col("sentence_no") < lead)
        .sort(*KEY, "r_start")
        .with_columns(prev_end=shift_in(pl.col("r_end"), KEY), prev=shift_in(pl.col("country"), KEY))
        .with_columns(
            listed=gap.str.contains(LIST_GAP).fill_null(False) & (pl.col("prev") != pl.col("country")),
            actors=pl.col("country").n_unique().over(KEY),
        )
        .filter(pl.col("actors") >= 2)
        .filter(pl.col("sentence_no") == pl.col("sentence_no").min().over("article_id"))
        .with_columns(first=pl.col("country").first().over(KEY))
    )
    others = named.filter(pl.col("country") != pl.col("first"))
    unlisted = others.filter(~pl.col("listed")).group_by("article_id").agg(second=pl.col("country").first())
    only = others.filter(pl.col("actors") == 2).group_by("article_id").agg(second=pl.col("country").first())
    second = pl.concat([unlisted, only.join(unlisted, on="article_id", how="anti")])

    # "an Israeli airstrike", "the Israeli occupation's attack", "Japan's discharge", "China's second day of
    # large-scale military exercises" (lowercase words, no punctuation): the lead names the act's agent
    def holds(nouns: str, words: int) -> pl.Expr:
        after = pl.col("text").str.slice(pl.col("r_end"), 80)
        return after.str.contains(rf"^(\s+[a-z]+)?(['’]s)?\s+([a-z-]+\s+){{0,{words}}}?({nouns})\b")

    return (
        named.group_by("article_id")
        .agg(
            lead_sid=pl.col("sid").first(),
            lead_no=pl.col("sentence_no").first(),
            first=pl.col("first").first(),
            force_holders=pl.col("country")
            .filter(holds(rule_alternatives(rules, "lead_act_nouns"), 2))
            .unique(),
            act_holders=pl.col("country")
            .filter(holds(rule_alternatives(rules, "story_act_nouns"), 5))
            .unique(),
        )
        .join(second, on="article_id")
    )


def lead_dyads(
    sentences: pl.DataFrame, smentions: pl.DataFrame, statements: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[article_id, lead_no, first, second, tone, agent] of the articles whose lead pair is the story (see the
    module); tone -1/1 from the lead's statements between the two (null without one), agent the one source of
    its directed statements between them, the first side without one, null with two ("Israel struck Iranian
    nuclear sites, and Iran attacked Israeli cities"); but an actor the lead names as the holder of its act
    of force is its agent ("Kuwait condemned the Israeli occupation's attack", "Iran vowed a harsh response
    after an Israeli airstrike": Israel), and in a story of hostile tone the holder of any act the story
    names ("North Korea denounced Japan's discharge of contaminated water": Japan)."""
    pairs = _lead_pairs(sentences, smentions, rules)
    linking = (
        statements.join(pairs, left_on="sid", right_on="lead_sid")
        .filter(
            ((pl.col("source_actor") == pl.col("first")) & (pl.col("target_actor") == pl.col("second")))
            | ((pl.col("source_actor") == pl.col("second")) & (pl.col("target_actor") == pl.col("first")))
        )
        .group_by("article_id")
        .agg(
            tone=pl.when((pl.col("polarity") < 0).any()).then(-1).otherwise(1),
            agents=pl.col("source_actor").filter(~pl.col("mutual")).unique(),
        )
    )
    # the second named story_dominance times as often as the third: a mediator named as often is no side
    dominance = float(rules.get("story_dominance", 1.5))
    dominant = (
        naming_counts(sentences, smentions)
        .group_by("article_id", maintain_order=True)
        .agg(
            top=pl.col("country").head(2),
            n1=pl.col("n").get(0),
            n2=pl.col("n").get(1, null_on_oob=True),
            n3=pl.col("n").get(2, null_on_oob=True),
            n4=pl.col("n").get(3, null_on_oob=True),
            counts=pl.struct(second="country", n_second="n"),
        )
    )
    named_most = (
        pl.col("top").list.contains(pl.col("first"))
        & pl.col("top").list.contains(pl.col("second"))
        & (pl.col("n2") >= dominance * pl.col("n3").fill_null(0))
    )
    # or the lead opens with the actor the article names most, and the other side is one of the three named
    # most ("Indonesia has become a full member of the BRICS group", named 19 and 8 times, Russia 7)
    led = (
        (pl.col("top").list.first() == pl.col("first"))
        & (pl.col("n1") > pl.col("n2").fill_null(0))
        & (pl.col("n_second") >= pl.col("n3").fill_null(0))
        & (pl.col("n_second") > pl.col("n4").fill_null(0))
    )
    seconds = dominant.select("article_id", "counts").explode("counts").unnest("counts")
    return (
        pairs.join(linking, on="article_id", how="left")
        .join(dominant.drop("counts"), on="article_id", how="left")
        .join(seconds, on=["article_id", "second"], how="left")
        .filter(pl.col("tone").is_not_null() | named_most.fill_null(False) | led.fill_null(False))
        .select(
            "article_id",
            "lead_no",
            "first",
            "second",
            "tone",
            agent=pl.when(_side_holder("force_holders"))
            .then(pl.col("force_holders").list.first())
            .when(_side_holder("act_holders") & (pl.col("tone") == -1))
            .then(pl.col("act_holders").list.first())
            .when(pl.col("agents").list.len() == 1)
            .then(pl.col("agents").list.first())
            .when(pl.col("agents").list.len().fill_null(0) == 0)
            .then(pl.col("first")),
        )
    )


def story_statements(
    sentences: pl.DataFrame,
    smentions: pl.DataFrame,
    cues: pl.DataFrame,
    sources: pl.DataFrame,
    statements: pl.DataFrame,
    rules: dict,
) -> pl.DataFrame:
    """Statements (the columns of event_agent_statements) of story_judgement_classes cues after the lead
    toward the sides of the lead dyad (see the module), rule story_target. `statements` are those the other
    rules found."""
    classes = [str(c) for c in rules.get("story_judgement_classes", [])]
    neutral = [str(c) for c in rules.get("story_sign_neutral_classes", [])]
    acts, pacts, forces = (
        rule_alternatives(rules, "story_act_nouns"),
        rule_alternatives(rules, "story_relation_nouns"),
        rule_alternatives(rules, "lead_act_nouns"),
    )
    voices = judging_voices(sources)
    speakers = voices.select(*KEY, "source_actor", "source_speaker").unique()
    strangers = smentions.select(*KEY, source_actor="country").join(
        speakers, on=[*KEY, "source_actor"], how="anti"
    )
    # cues of both signs, story nouns aside ("the remarks were 'unacceptable' and ... committed to dialogue")
    mixed = (
        cues.filter(pl.col("polarity").is_not_null() & ~pl.col("cue").str.contains(rf"^({acts}|{pacts})$"))
        .filter(~pl.col("cue_class").is_in(neutral))
        .group_by(KEY)
        .agg(signs=_sign().n_unique())
        .filter(pl.col("signs") > 1)
    )
    after = pl.col("text").str.slice(pl.col("m_end"), 80)
    before = pl.col("text").str.slice(0, pl.col("m_start"))

    def names(nouns: str) -> pl.Expr:
        return after.str.contains(rf"{OBJECT}({nouns})\b") | before.str.contains(
            rf"{DEFINITE}({nouns}){PREDICATE}"
        )

    # a rebuttal ("rejected those remarks") answers its accuser or nobody (monitor.stance_context_targets)
    rebuttals = (
        cues.filter(pl.col("cue_class").is_in([str(c) for c in rules.get("rebuttal_classes", [])]))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(names(rule_alternatives(rules, "rebuttal_nouns")))
        .select(KEY)
    )
    judgements = (
        cues.filter(pl.col("cue_class").is_in(classes))
        .join(rebuttals, on=KEY, how="anti")
        .join(mixed, on=KEY, how="anti")
        .pipe(clause_judges, voices)
        .join(strangers.select(KEY).unique(), on=KEY, how="anti")
        .join(statements.select(*KEY, "source_actor").unique(), on=[*KEY, "source_actor"], how="anti")
        .join(sentences.select(*KEY, "article_id", "sentence_no", "text"), on=KEY)
        .with_columns(act=names(acts), pact=names(pacts), force=names(forces))
        .join(lead_dyads(sentences, smentions, statements, rules), on="article_id")
        .filter(pl.col("sentence_no") > pl.col("lead_no"))
    )
    side = (pl.col("source_actor") == pl.col("first")) | (pl.col("source_actor") == pl.col("second"))
    other = (
        pl.when(pl.col("source_actor") == pl.col("first")).then(pl.col("second")).otherwise(pl.col("first"))
    )
    in_tone = (_sign() == pl.col("tone")) | (pl.col("tone").is_null() & (pl.col("act") | pl.col("pact")))
    pact_only = ~side & pl.col("pact") & ~pl.col("act")
    targets = pl.concat(
        [
            judgements.filter(side & in_tone).with_columns(target=other),
            # "the attack" is no act of a story of friendly tone (a pact signed): it names another
            judgements.filter(~side & pl.col("act") & pl.col("agent").is_not_null())
            .filter(~(pl.col("force") & (pl.col("tone") == 1)).fill_null(False))
            .with_columns(target=pl.col("agent")),
            judgements.filter(pact_only).with_columns(target=pl.col("first")),
            judgements.filter(pact_only).with_columns(target=pl.col("second")),
        ]
    )
    return (
        targets.sort(*KEY, "source_actor", "target", "m_start")
        .unique([*KEY, "source_actor", "target"], keep="first", maintain_order=True)
        .pipe(judgement_statements, "target", "story_target", negation_factor(rules))
    )
