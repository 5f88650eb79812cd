"""A seeded synthetic news corpus with its ground truth, to measure the chain's speed and accuracy at scale.

The world (countries, capitals, officials with dated roles, outlets, wires, stance cues) comes from the
same seeds/ tables the pipeline reads; site furniture and sentences from seeds/synthetic/. This module
plans the articles (who says what about whom, where and when); monitor.synthetic_render writes them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import yaml

from monitor import settings

SYNTHETIC_DIR = settings.SEEDS_DIR / "synthetic"
FIRST_DAY = date(2023, 11, 1)
DAYS = 1096
FORMAT_SHARES = {"txt": 0.6, "html": 0.15, "jsonl": 0.25}
ROLE_TITLES = {
    "foreign minister": "Foreign Minister",
    "head of government": "Prime Minister",
    "defence minister": "Defence Minister",
    "foreign ministry spokesperson": "Foreign Ministry spokesperson",
}


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass
class World:
    """Everything an article can be made of, loaded once from seeds/."""

    countries: list[tuple[str, str, str]]  # actor_id, name, capital
    people_by_day: list[list[tuple[str, str]]]  # per day since FIRST_DAY: (surface, country)
    outlets: list[tuple[str, str, str]]  # outlet_id, printed name, domain
    wires: list[tuple[str, str]]  # outlet_id, credit
    layouts: dict
    datelines: dict
    furniture: dict
    stance: list[tuple[str, str, str, int]]  # cue_class, cue, template, expected sign
    background: list[str]
    slots: dict[str, list[str]]
    relative_dates: list[str]
    foreign: list[str]


def _stance_templates(spec: dict, cues: list[dict]) -> list[tuple[str, str, str, int]]:
    polarity = {row["cue"]: float(row["polarity"]) for row in cues}
    templates = []
    for key, entries in spec.items():
        for entry in entries:
            sign = 1 if polarity[entry["cue"]] > 0 else -1
            sign = -sign if entry.get("negated") else sign
            templates.append((entry.get("class", key), entry["cue"], entry["text"], sign))
    missing = {row["cue_class"] for row in cues} - {t[0] for t in templates}
    if missing:
        raise ValueError(f"seeds/synthetic/sentences.yaml has no stance template for {sorted(missing)}")
    return templates


def _people_by_day(people: list[dict], countries: set[str]) -> list[list[tuple[str, str]]]:
    days: list[list[tuple[str, str]]] = [[] for _ in range(DAYS)]
    for person in people:
        title = ROLE_TITLES.get(person["role"])
        if title is None or person["country"] not in countries:
            continue
        start = max((date.fromisoformat(person["start"]) - FIRST_DAY).days, 0)
        end = (date.fromisoformat(person["end"]) - FIRST_DAY).days if person["end"] else DAYS
        for day in range(start, min(end, DAYS)):
            days[day].append((f"{title} {person['name']}", person["country"]))
    return days


def load_world(seeds_dir: Path = settings.SEEDS_DIR) -> World:
    actors = seeds_dir / "actors"
    capitals = {r["actor_id"]: r["alias"] for r in _rows(actors / "aliases.csv") if r["rule"] == "capital"}
    countries = [
        (r["actor_id"], r["common_name"] or r["name"], capitals[r["actor_id"]])
        for r in _rows(actors / "countries.csv")
        if r["actor_id"] in capitals
    ]
    outlets = _rows(seeds_dir / "outlets.csv")
    layouts = yaml.safe_load((seeds_dir / "synthetic" / "layouts.yaml").read_text(encoding="utf-8"))
    sentences = yaml.safe_load((seeds_dir / "synthetic" / "sentences.yaml").read_text(encoding="utf-8"))
    return World(
        countries=countries,
        people_by_day=_people_by_day(_rows(actors / "people.csv"), {c[0] for c in countries}),
        outlets=[
            (o["outlet_id"], o["signatures"].split(";")[0] or o["name"], o["domains"].split(";")[0])
            for o in outlets
            if o["is_wire"] != "true" and o["domains"]
        ],
        wires=[(o["outlet_id"], o["signatures"].split(";")[0]) for o in outlets if o["is_wire"] == "true"],
        layouts=layouts["layouts"],
        datelines=layouts["datelines"],
        furniture={k: layouts[k] for k in ("roles", "authors", "sections", "teaser_headlines")},
        stance=_stance_templates(sentences["stance"], _rows(seeds_dir / "stance_cues.csv")),
        background=sentences["background"],
        slots=sentences["slots"],
        relative_dates=sentences["relative_dates"],
        foreign=sentences["foreign"],
    )


@dataclass
class Story:
    """One story's body (shared by its syndicated copies) and what it asserts."""

    day: int
    wire: int  # index into World.wires, -1 for an outlet's own story
    sentences: list[str]
    stances: list[dict]


def _speaker(world: World, rng: np.random.Generator, day: int, country: int) -> tuple[str, str]:
    actor_id, name, capital = world.countries[country]
    officials = [p for p in world.people_by_day[day] if p[1] == actor_id]
    form = rng.integers(0, 3)
    if form == 2 and officials:
        return officials[rng.integers(0, len(officials))][0], actor_id
    return (capital if form == 1 else name), actor_id


def plan_story(world: World, rng: np.random.Generator, day: int, wire: int) -> Story:
    """2-4 stance sentences between distinct countries among 6-12 background sentences."""
    stances, sentences = [], []
    for _ in range(rng.integers(2, 5)):
        source, target = rng.choice(len(world.countries), size=2, replace=False)
        cue_class, cue, template, sign = world.stance[rng.integers(0, len(world.stance))]
        surface, source_id = _speaker(world, rng, day, source)
        text = template.format(S=surface, T=world.countries[target][1], cue=cue)
        sentences.append(text[0].upper() + text[1:])
        stances.append(
            {"source": source_id, "target": world.countries[target][0], "sign": sign, "cue_class": cue_class}
        )
    for _ in range(rng.integers(16, 27)):
        position = rng.integers(1, len(sentences) + 1)
        sentences.insert(
            position, _background(world, rng, world.countries[rng.integers(0, len(world.countries))][1])
        )
    sentences.append(_background(world, rng, "the region"))
    return Story(day=day, wire=wire, sentences=sentences, stances=stances)


def _background(world: World, rng: np.random.Generator, country: str) -> str:
    line = world.background[rng.integers(0, len(world.background))]
    values = {slot: words[rng.integers(0, len(words))] for slot, words in world.slots.items()}
    line = line.format(A=country, **values)
    return line[0].upper() + line[1:]


def day_of(index: int) -> date:
    return FIRST_DAY + timedelta(days=int(index))
