"""How far after itself a cue reaches. A cue that has found its object stops at a clause break
("demanded an explanation from Moscow after a missile fired at western Ukraine": Ukraine is where
the missile fell, not whom Poland judged), and a charge stops at its "of"/"for" ("accused Washington
of seeking to drag Japan and South Korea into a bloc": Japan and South Korea are bystanders of the
charge). Relations named inside an accusation are the accuser's claim, not a reported fact."""

from __future__ import annotations

import polars as pl

from monitor.stance_keys import KEY
from monitor.stance_matching import rule_alternatives


def beyond_reach() -> pl.Expr:
    """A target after the cue, past its clause break, or past its charge marker and not governed
    by a preposition; or a cue in a relative clause with an actor of its own that is not the source
    (relative_clauses); or a target before the actor a cue is said of (own_subjects)."""
    after = pl.col("r_start") >= pl.col("m_end")
    past_break = (pl.col("r_start") >= pl.col("reach_end")).fill_null(False)
    past_charge = (pl.col("r_start") >= pl.col("charge_end")).fill_null(False) & ~pl.col("governed")
    relative = (
        pl.col("relative_pronoun")
        | (pl.col("relative_actors").list.len() > 0)
        & ~pl.col("relative_actors").list.contains(pl.col("source_actor"))
    ).fill_null(False)
    before_subject = (pl.col("r_end") <= pl.col("back_start")).fill_null(False)
    return (after & (past_break | past_charge)) | relative | before_subject


def reach_limits(
    cues: pl.DataFrame, smentions: pl.DataFrame, hits: pl.DataFrame, sentences: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[cue_id, reach_end, charge_end]: the first clause break after the cue, and the first charge
    marker after a cue of the rules' charge_classes, each with at least one actor between the cue
    and it; a demand also ends at the "to" of what it asks (demand_ends)."""
    charge_classes = [str(c) for c in rules.get("charge_classes", [])]
    breaks = hits.filter(pl.col("is_clause_break") | pl.col("is_charge_marker")).select(
        *KEY, b_start="m_start", charge=pl.col("is_charge_marker") & ~pl.col("is_clause_break")
    )
    objects = smentions.select(*KEY, "r_start", "r_end")
    candidates = (
        cues.select(*KEY, "cue_id", "m_end", charged=pl.col("cue_class").is_in(charge_classes))
        .join(breaks, on=KEY, how="inner")
        .filter((pl.col("b_start") >= pl.col("m_end")) & (~pl.col("charge") | pl.col("charged")))
    )
    with_object = (
        candidates.join(objects, on=KEY, how="inner")
        .filter((pl.col("r_start") >= pl.col("m_end")) & (pl.col("r_end") <= pl.col("b_start")))
        .select("cue_id", "b_start", "charge")
        .unique()
    )
    limits = with_object.group_by("cue_id").agg(
        reach_end=pl.col("b_start").filter(~pl.col("charge")).min(),
        charge_end=pl.col("b_start").filter(pl.col("charge")).min(),
    )
    demands = demand_ends(cues, sentences, rules)
    return (
        limits.join(demands, on="cue_id", how="full", coalesce=True)
        .join(relative_clauses(cues, smentions, sentences, rules), on="cue_id", how="full", coalesce=True)
        .join(pact_ends(cues, smentions, rules), on="cue_id", how="full", coalesce=True)
        .join(next_predicates(cues, smentions, sentences), on="cue_id", how="full", coalesce=True)
        .join(own_subjects(cues, smentions, sentences), on="cue_id", how="full", coalesce=True)
        .join(that_clauses(cues, smentions, sentences), on="cue_id", how="full", coalesce=True)
        .join(bound_objects(cues, smentions, sentences, rules), on="cue_id", how="full", coalesce=True)
        .with_columns(
            reach_end=pl.min_horizontal(
                "reach_end", "demand_end", "relative_end", "pact_end", "predicate_end"
            ),
            back_start=pl.max_horizontal("back_start", "clause_back", "bound_back"),
        )
        .drop("demand_end", "relative_end", "pact_end", "predicate_end", "clause_back", "bound_back")
    )


def own_subjects(cues: pl.DataFrame, smentions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """[cue_id, back_start]: a demand with its modal ("should refrain") right after an actor ("Miller
    restated the firm position that Russia should refrain from supplying technology") is addressed to that
    actor, its subject; it reaches no actor named before it ("when questioned about South Korean President
    Yoon Suk Yeol's remarks")."""
    gap = pl.col("text").str.slice(pl.col("r_end"), pl.col("m_start") - pl.col("r_end"))
    subjects = (
        cues.filter(pl.col("phrase").str.contains(r"^(should|must|ought to)\b"))
        .select(*KEY, "m_start")
        .join(smentions.select(*KEY, "r_start", "r_end"), on=KEY)
        .filter(pl.col("r_end").is_between(pl.col("m_start") - 2, pl.col("m_start")))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(gap.str.contains(r"^\s*$"))
        .select(*KEY, d_start="m_start", subject_start="r_start")
    )
    # the cues of what is demanded ("refrain from supplying technology") are said of the subject too
    return (
        cues.select(*KEY, "cue_id", "m_start")
        .join(subjects, on=KEY)
        .filter(pl.col("m_start") >= pl.col("d_start"))
        .group_by("cue_id")
        .agg(back_start=pl.col("subject_start").max())
    )


def bound_objects(
    cues: pl.DataFrame, smentions: pl.DataFrame, sentences: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[cue_id, bound_back]: a cue whose object is an actor right after one of the rules'
    bound_object_prepositions ("in solidarity with Mexico") judges that actor and reaches none named before
    it ("breaking relations with Ecuador in solidarity with Mexico": no solidarity with Ecuador)."""
    words = rule_alternatives(rules, "bound_object_prepositions")
    gap = pl.col("text").str.slice(pl.col("m_end"), pl.col("r_start") - pl.col("m_end"))
    return (
        cues.select(*KEY, "cue_id", "m_start", "m_end")
        .join(smentions.select(*KEY, "r_start"), on=KEY)
        .filter(pl.col("r_start") >= pl.col("m_end"))
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(gap.str.contains(rf"^\s+(?i:{words})\s+(the\s+)?$"))
        .group_by("cue_id")
        .agg(bound_back=pl.col("m_start").first())
    )


def that_clauses(cues: pl.DataFrame, smentions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """[cue_id, clause_back]: a cue that opens a clause naming an actor ("said the decision was Honduras'
    sovereign right but warned that Beijing's promises often go unfulfilled") judges what the clause says,
    not an actor named before the cue."""
    opens = pl.col("text").str.slice(pl.col("m_end"), 8).str.contains(r"^\s+that\s")
    clauses = (
        cues.filter(pl.col("is_verb"))
        .select(*KEY, "cue_id", "m_start", "m_end")
        .join(sentences.select(*KEY, "text"), on=KEY)
        .filter(opens)
    )
    return (
        clauses.join(smentions.select(*KEY, "r_start"), on=KEY)
        .filter(pl.col("r_start") >= pl.col("m_end"))
        .group_by("cue_id")
        .agg(clause_back=pl.col("m_start").first())
    )


def next_predicates(cues: pl.DataFrame, smentions: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """[cue_id, predicate_end]: a stance cue that has found an actor reaches no further than a relation cue
    after "and" with an object of its own ("to counter threats from North Korea and continue strategic
    cooperation with Japan": Japan is the cooperation's, not the threats')."""
    text = sentences.select(*KEY, "text")
    relations = (
        cues.filter(pl.col("scope") == "relation")
        .select(*KEY, p_start="m_start", p_end="m_end")
        .join(text, on=KEY)
        .filter(pl.col("text").str.slice(pl.col("p_end"), 16).str.contains(r"^\s+(with|to)\s"))
        .drop("text")
    )
    between = pl.col("text").str.slice(pl.col("r_end"), pl.col("p_start") - pl.col("r_end"))
    return (
        cues.filter(pl.col("scope") == "stance")
        .select(*KEY, "cue_id", "m_end")
        .join(relations, on=KEY)
        .filter(pl.col("p_start") > pl.col("m_end"))
        .join(smentions.select(*KEY, "r_start", "r_end"), on=KEY)
        .filter((pl.col("r_start") >= pl.col("m_end")) & (pl.col("r_end") <= pl.col("p_start")))
        .join(text, on=KEY)
        .filter(between.str.contains(r"^\s+and\s+(\w+\s+){1,2}$"))
        .group_by("cue_id")
        .agg(predicate_end=pl.col("p_start").min())
    )


def pact_ends(cues: pl.DataFrame, smentions: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[cue_id, pact_end]: a stance cue whose object is a relation named as an actor ("criticise the AUKUS
    submarine pact between Australia, the United States and Britain") judges that actor; its reach ends
    where the relation's own parties are listed."""
    name_gap = int(rules.get("pact_name_gap", 24))
    pacts = cues.filter(pl.col("named_parties")).select(*KEY, "parties_start", p_start="m_start")
    return (
        cues.filter(pl.col("scope") == "stance")
        .select(*KEY, "cue_id", "m_end")
        .join(pacts, on=KEY)
        .filter(pl.col("p_start") > pl.col("m_end"))
        .join(smentions.select(*KEY, "r_start", "r_end"), on=KEY)
        .filter(
            (pl.col("r_start") >= pl.col("m_end"))
            & (pl.col("r_end") <= pl.col("p_start"))
            & (pl.col("p_start") - pl.col("r_end") <= name_gap)
        )
        .group_by("cue_id")
        .agg(pact_end=pl.col("parties_start").min())
    )


def relative_clauses(
    cues: pl.DataFrame, smentions: pl.DataFrame, sentences: pl.DataFrame, rules: dict
) -> pl.DataFrame:
    """[cue_id, relative_actors, relative_end]: cues inside a relative clause (", which Israel denies",
    "Egypt, which accuses Ethiopia of endangering its water supply, seized the moment to deepen ties with
    Mogadishu"), the actors the clause names before the cue, and where the clause ends. The cue reaches
    nothing past that end; a clause with an actor of its own ("the ICJ case, which Israel denies") speaks
    for that actor, one with a pronoun subject ("four companies, three of them Chinese, that it accused
    of supplying components") for none of the sentence's sources (whom the pronoun stands for is not
    resolved here), one without a subject of its own ("China, which
    signed a security deal with Solomon Islands") for the sentence's subject."""
    openings = rule_alternatives(rules, "relative_openings")
    clause = pl.col("text").str.slice(0, pl.col("m_start")).str.extract(rf",\s+((?:{openings})\b[^,;:()—]*)$")
    pronouns = rule_alternatives(rules, "relative_subject_pronouns")
    inside = clause.str.len_chars()
    clauses = (
        cues.select(*KEY, "cue_id", "m_start")
        .join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .with_columns(
            clause_start=pl.col("m_start") - inside,
            relative_pronoun=clause.str.contains(rf"^\w+\s+({pronouns})\b"),
            relative_end=pl.col("m_start") + pl.col("text").str.slice(pl.col("m_start")).str.find(r"[,;:(—]"),
        )
        .filter(pl.col("clause_start").is_not_null())
    )
    return (
        clauses.join(smentions.select(*KEY, "country", "r_start"), on=KEY, how="left")
        .with_columns(
            actor=pl.when(
                pl.col("r_start").is_between(pl.col("clause_start"), pl.col("m_start"), closed="left")
            ).then(pl.col("country"))
        )
        .group_by("cue_id", "relative_end", "relative_pronoun")
        .agg(relative_actors=pl.col("actor").drop_nulls().unique())
    )


def demand_ends(cues: pl.DataFrame, sentences: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[cue_id, demand_end]: a demand reaches up to the "to" of what it asks ("urged India to co-operate
    with Canada's investigation" asks nothing of Canada; "urged its citizens to avoid traveling to Japan"
    asks nothing of Japan)."""
    classes = [str(c) for c in rules.get("demand_classes", [])]
    to = pl.col("text").str.slice(pl.col("m_end")).str.find(r"\sto\s")
    return (
        cues.filter(pl.col("cue_class").is_in(classes))
        .select(*KEY, "cue_id", "m_end")
        .join(sentences.select(*KEY, "text"), on=KEY, how="inner")
        .select("cue_id", demand_end=pl.col("m_end") + to)
        .filter(pl.col("demand_end").is_not_null())
    )


def governed(smentions: pl.DataFrame, sentences: pl.DataFrame, rules: dict) -> pl.DataFrame:
    """[sid, mid, governed]: the mention follows a preposition of the rules' charge_reachable_after
    ("an outpost of NATO", "components for Pakistan's programme"): part of what the charge is
    about, unlike the direct object of the charged action ("to drag Japan", "attacking Ukraine")."""
    words = "|".join(str(w) for w in rules.get("charge_reachable_after", [])) or "$^"
    before = pl.col("text").str.slice(0, pl.col("r_start"))
    return smentions.join(sentences.select(*KEY, "text"), on=KEY, how="inner").select(
        *KEY, "mid", governed=before.str.contains(rf"(?i)\b({words})\s+(the\s+)?$")
    )


def alleged(cues: pl.DataFrame, breaks: pl.DataFrame, rules: dict) -> pl.Series:
    """Ids of relation cues after a cue of the rules' allegation_classes, in its clause (up to the next of
    the clause `breaks` hits) ("accused Washington of using its allies to contain China", "urged India to
    co-operate with"): not reported as fact. A later clause ("..., days after Seoul's spy agency said
    Pyongyang had begun dispatching soldiers") reports again."""
    classes = [str(c) for c in rules.get("allegation_classes", [])]
    claims = cues.filter(pl.col("cue_class").is_in(classes)).select(*KEY, a_end="m_end")
    ends = (
        claims.join(breaks.select(*KEY, b_start="m_start"), on=KEY, how="inner")
        .filter(pl.col("b_start") >= pl.col("a_end"))
        .group_by(*KEY, "a_end")
        .agg(clause_end=pl.col("b_start").min())
    )
    claimed = (
        cues.filter(pl.col("scope") == "relation")
        .join(claims.join(ends, on=[*KEY, "a_end"], how="left"), on=KEY, how="inner")
        .filter(pl.col("m_start") >= pl.col("a_end"))
        .filter(pl.col("clause_end").is_null() | (pl.col("m_start") < pl.col("clause_end")))["cue_id"]
    )
    return claimed.unique()
