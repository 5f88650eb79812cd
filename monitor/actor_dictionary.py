"""The actor dictionary: states, organisations, institutions and people, loaded from seeds/actors/.

Everything here is reference data a curator edits (see seeds/actors/README.md); this module only
assembles it into three frames and derives the match keys used by monitor.mentions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from monitor.mastheads import load_mastheads
from monitor.venues import load_venue_events

ACTORS_DIR = Path(__file__).resolve().parent.parent / "seeds" / "actors"
TEMPLATE = "*"


def match_key_expr(text: pl.Expr) -> pl.Expr:
    """Text as it is matched: every character that is not an ASCII letter or digit becomes a space, padded
    with one space each side, so a literal match of a key is also a word-bounded match. One output byte per
    input code point, so byte offsets in the key are character offsets in the text."""
    ascii_only = text.str.replace_all(r"[^\x00-\x7F]", " ").str.replace_all(r"[^A-Za-z0-9 ]", " ")
    return pl.concat_str(pl.lit(" "), ascii_only, pl.lit(" "))


@dataclass(frozen=True)
class ActorDictionary:
    """actors[actor_id, name, kind, country]; aliases[alias, actor_id, rule, case_sensitive, requires,
    fallback, key]; roles[person_id, actor_id, role, start, end]; title_cues[cue, cue_class];
    candidate_stopwords[word] (capitalised words that start no name, for unresolved candidates); mastheads
    [masthead, position] (newspaper titles a place name in them does not make an actor); venue_events[event]
    (nouns after which a capital names a venue: monitor.venues)."""

    actors: pl.DataFrame
    aliases: pl.DataFrame
    roles: pl.DataFrame
    title_cues: pl.DataFrame
    candidate_stopwords: pl.DataFrame
    mastheads: pl.DataFrame  # [masthead, position]: monitor.mastheads
    venue_events: pl.DataFrame  # [event]: monitor.venues


def _read(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, infer_schema_length=0)


def _states(actors_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    countries = _read(actors_dir / "countries.csv")
    actors = countries.select(
        "actor_id", "name", pl.lit("state").alias("kind"), pl.col("actor_id").alias("country")
    )
    names = (
        countries.unpivot(
            on=["name", "iso_name", "official_name", "common_name"], index="actor_id", value_name="alias"
        )
        .drop_nulls("alias")
        .with_columns(pl.col("alias").str.strip_prefix("the "))
        .filter(~pl.col("alias").str.contains(r"[,(]"))
        .select(
            "alias",
            "actor_id",
            pl.lit("alias").alias("rule"),
            (pl.col("alias").str.len_chars() < 12).alias("case_sensitive"),
        )
    )
    return actors, names


def _institutions(actors_dir: Path, state_ids: pl.Series) -> pl.DataFrame:
    """Fixed institutions plus '*' templates expanded for every state (e.g. PRK.FOREIGN_MINISTRY)."""
    table = _read(actors_dir / "institutions.csv")
    fixed = table.filter(pl.col("country") != TEMPLATE)
    expanded = (
        table.filter(pl.col("country") == TEMPLATE)
        .join(pl.DataFrame({"state": state_ids}), how="cross")
        .select(
            pl.col("actor_id").str.replace(TEMPLATE, pl.col("state"), literal=True),
            pl.concat_str(pl.col("name"), pl.lit(" of "), pl.col("state")).alias("name"),
            pl.col("state").alias("country"),
            "role",
        )
    )
    return pl.concat([fixed, expanded]).unique("actor_id", keep="first", maintain_order=True)


def _people(actors_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    people = _read(actors_dir / "people.csv").with_columns(
        pl.col("start").str.to_date(), pl.col("end").str.to_date(), (pl.col("surname_alone") == "true")
    )
    roles = people.select("person_id", pl.col("country").alias("actor_id"), "role", "start", "end")
    latest = people.sort("start").unique("person_id", keep="last", maintain_order=True)
    actors = latest.select(
        pl.col("person_id").alias("actor_id"), "name", pl.lit("person").alias("kind"), "country"
    )
    full = (
        people.select(
            "person_id",
            pl.concat_list(pl.col("name"), pl.col("aliases").fill_null("").str.split(";")).alias("alias"),
        )
        .explode("alias")
        .filter(pl.col("alias").str.len_chars() > 0)
        .select("alias", pl.col("person_id").alias("actor_id"), pl.lit("person_full").alias("rule"))
    )
    # ';' separates spellings of one surname ("Erdogan;Erdoğan"): match keys drop diacritics, not fold them
    surnames = (
        people.drop_nulls("surname").with_columns(pl.col("surname").str.split(";")).explode("surname")
    ).select(
        pl.col("surname").alias("alias"),
        pl.col("person_id").alias("actor_id"),
        pl.when(pl.col("surname_alone"))
        .then(pl.lit("person_surname_alone"))
        .otherwise(pl.lit("person_surname"))
        .alias("rule"),
    )
    aliases = pl.concat([full, surnames]).with_columns(pl.lit(True).alias("case_sensitive"))
    return actors, aliases, roles


def load_actor_dictionary(seeds_dir: Path | str = ACTORS_DIR) -> ActorDictionary:
    """Read seeds/actors/*.csv into an ActorDictionary. Curated aliases override generated ones
    (country names from pycountry, organisation and institution names) for the same alias text."""
    actors_dir = Path(seeds_dir)
    states, state_names = _states(actors_dir)
    orgs = _read(actors_dir / "organisations.csv")
    institutions = _institutions(actors_dir, states["actor_id"])
    people, person_aliases, roles = _people(actors_dir)

    actors = pl.concat(
        [
            states,
            orgs.select(
                "actor_id", "name", pl.lit("organisation").alias("kind"), pl.col("actor_id").alias("country")
            ),
            institutions.select("actor_id", "name", pl.lit("institution").alias("kind"), "country"),
            people,
        ]
    ).join(institutions.select("actor_id", "role"), on="actor_id", how="left")

    curated = _read(actors_dir / "aliases.csv").with_columns(pl.col("case_sensitive") == "true")
    generated = pl.concat(
        [
            state_names,
            orgs.select(
                pl.col("name").alias("alias"),
                "actor_id",
                pl.lit("alias").alias("rule"),
                pl.lit(True).alias("case_sensitive"),
            ),
            institutions.filter(~pl.col("actor_id").str.starts_with(TEMPLATE)).select(
                pl.col("name").alias("alias"),
                "actor_id",
                pl.lit("institution").alias("rule"),
                pl.lit(True).alias("case_sensitive"),
            ),
        ]
    ).join(curated.select("alias"), on="alias", how="anti")
    aliases = (
        pl.concat([curated, generated, person_aliases], how="diagonal")
        .unique(["alias", "actor_id", "rule"], keep="first", maintain_order=True)
        .with_columns(
            match_key_expr(pl.col("alias")).alias("key"),
        )
        .with_columns(
            pl.when(pl.col("case_sensitive")).then(pl.col("key")).otherwise(pl.col("key").str.to_lowercase())
        )
        .unique(["key", "actor_id", "rule"], keep="first", maintain_order=True)
    )
    title_cues = _read(actors_dir / "title_cues.csv")
    return ActorDictionary(
        actors=actors,
        aliases=aliases,
        roles=roles,
        title_cues=title_cues,
        candidate_stopwords=_read(actors_dir / "candidate_stopwords.csv"),
        mastheads=load_mastheads(actors_dir / "mastheads.csv"),
        venue_events=load_venue_events(actors_dir / "venue_events.csv"),
    )
