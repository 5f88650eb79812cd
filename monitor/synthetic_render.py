"""Pages of the synthetic corpus: a story dressed in one site's furniture, as .txt (+ sidecar), .html or a
JSONL export record, with the facts the page states (date, outlet, wire) kept as ground truth."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

import numpy as np

from monitor.synthetic import Story, World, day_of

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class Page:
    """One rendered article: the page text lines, its metadata, and what the truth says about it."""

    lines: list[str]
    title: str
    url: str
    outlet_name: str
    published: str  # ISO date the page was published
    time: str
    layout: dict


def date_fields(day: int, time: str, city: str = "", wire: str = "") -> dict:
    d = day_of(day)
    return {
        "year": d.year, "mm": f"{d.month:02d}", "dd": f"{d.day:02d}", "day": d.day,
        "month_name": MONTHS[d.month - 1], "month_abbr": MONTH_ABBR[d.month - 1],
        "weekday": WEEKDAYS[d.weekday()], "hh": time[:2], "mm_": time[3:], "city": city, "wire": wire,
    }  # fmt: skip


def _dateline(template: str, fields: dict) -> str:
    return template.replace("{hh}:{mm}", "{hh}:{mm_}").format(**fields)


def _paragraphs(sentences: list[str], rng: np.random.Generator) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        take = int(rng.integers(1, 3))
        out.append(" ".join(sentences[i : i + take]))
        i += take
    return out


def render_page(
    world: World,
    rng: np.random.Generator,
    story: Story,
    outlet: tuple[str, str, str],
    layout_name: str,
    index: int,
    copy_no: int = 0,
    dated_url: bool = True,
    dated_text: bool = True,
) -> Page:
    """Header, headline, date line, byline, body (with the wire's credit), teasers, footer."""
    layout = world.layouts[layout_name]
    furniture = world.furniture
    time = f"{int(rng.integers(6, 23)):02d}:{int(rng.integers(0, 60)):02d}"
    wire = world.wires[story.wire][1] if story.wire >= 0 else ""
    capitals = {c[0]: c[2] for c in world.countries}
    fields = date_fields(story.day, time, capitals[story.stances[0]["source"]].upper(), wire)
    sentences = story.sentences[:-1] if copy_no % 2 == 1 else list(story.sentences)
    title = " ".join(story.sentences[0].split()[:9]).rstrip(",.")
    body = _paragraphs(sentences, rng)
    dateline_kind = layout["dateline"]
    if wire:
        style = int(rng.integers(0, 3)) if dateline_kind != "wire" else 0
        if style == 0:
            body[0] = _dateline(world.datelines["wire"], fields) + " " + body[0]
        elif style == 1:
            body[-1] += f" ({wire})"
        else:
            body.append(f"— {wire}")
    if dateline_kind == "wire":
        dateline_kind = "long_us"
    author = furniture["authors"][int(rng.integers(0, len(furniture["authors"])))]
    role = furniture["roles"][int(rng.integers(0, len(furniture["roles"])))]
    values = {"author": author, "role": role, "outlet": outlet[1], "year": fields["year"],
              "updated": _dateline(world.datelines["long_us"], fields)}  # fmt: skip
    lines = [*layout["header"], title]
    if dated_text:
        lines.append(_dateline(world.datelines[dateline_kind], fields))
    lines.append(layout["byline"].format(**values))
    lines += ["", *(p for para in body for p in (para, ""))]
    lines += layout["after"]
    teasers = furniture["teaser_headlines"]
    picks = rng.choice(len(teasers), size=layout["teasers"], replace=False)
    lines += [teasers[int(i)] for i in picks]
    lines += [line.format(**values) for line in layout["footer"]]
    section = furniture["sections"][int(rng.integers(0, len(furniture["sections"])))]
    slug = "-".join(title.lower().replace("'", "").split()[:6])
    path = f"{fields['year']}/{fields['mm']}/{fields['dd']}/" if dated_url else ""
    url = f"https://www.{outlet[2]}/{section}/{path}{slug}-{index}"
    published = day_of(story.day).isoformat()
    return Page(lines, title, url, outlet[1], published, time, layout)


def as_text(page: Page) -> str:
    return "\n".join(page.lines)


def as_html(page: Page) -> str:
    """A page with head metadata and semantic blocks, for trafilatura to take apart."""
    esc = html.escape
    header = len(page.layout["header"])
    body_start = page.lines.index("", header)
    tail = len(page.layout["after"]) + page.layout["teasers"] + len(page.layout["footer"])
    paragraphs = [line for line in page.lines[body_start:-tail] if line]
    nav = "".join(f'<li><a href="/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.layout["header"]))
    aside = "".join(f'<li><a href="/more/{i}">{esc(x)}</a></li>' for i, x in enumerate(page.lines[-tail:]))
    top = "".join(f'<p class="meta">{esc(x)}</p>' for x in page.lines[header + 1 : body_start])
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(page.title)} | {esc(page.outlet_name)}</title>"
        f'<meta property="og:site_name" content="{esc(page.outlet_name)}">'
        f'<meta property="og:title" content="{esc(page.title)}">'
        f'<meta property="article:published_time" content="{page.published}T{page.time}:00">'
        f'<link rel="canonical" href="{esc(page.url)}"></head><body>'
        f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{esc(page.title)}</h1>{top}"
        + "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
        + f"</article><aside><ul>{aside}</ul></aside></main><footer></footer></body></html>\n"
    )


def sidecar(page: Page, rng: np.random.Generator) -> dict:
    meta = {"url": page.url}
    if rng.random() < 0.5:
        meta["published"] = f"{page.published}T{page.time}:00"
    if rng.random() < 0.3:
        meta["title"] = page.title
    return meta


def export_record(page: Page, rng: np.random.Generator) -> str:
    record = {"url": page.url, "title": page.title, "text": as_text(page)}
    if rng.random() < 0.7:
        record["published"] = f"{page.published}T{page.time}:00"
    if rng.random() < 0.5:
        record["outlet"] = page.outlet_name
    return json.dumps(record, ensure_ascii=False)
