"""Generate seeds/actors/countries.csv (every state actor) from pycountry plus country_status.csv.

pycountry (ISO 3166-1) is the base; country_status.csv says which ISO entries are not UN members
(observers, partly recognised states, territories to leave out), adds states ISO lacks (Kosovo and
other X-codes) and overrides display names. Run it after editing country_status.csv or upgrading pycountry.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import polars as pl
import pycountry

ACTORS_DIR = Path(__file__).resolve().parent.parent / "seeds" / "actors"
UN_MEMBERS = 193


def build(actors_dir: Path) -> pl.DataFrame:
    iso = pl.DataFrame(
        [
            {
                "actor_id": c.alpha_3,
                "iso_name": c.name,
                "official_name": getattr(c, "official_name", None),
                "common_name": getattr(c, "common_name", None),
            }
            for c in pycountry.countries
        ]
    )
    status = pl.read_csv(actors_dir / "country_status.csv", schema_overrides={"name": pl.String})
    states = (
        iso.join(status, on="actor_id", how="full", coalesce=True)
        .with_columns(
            pl.col("status").fill_null("un_member"),
            pl.coalesce("name", "common_name", "iso_name").alias("name"),
        )
        .filter(pl.col("status") != "territory")
        .select("actor_id", "name", "status", "iso_name", "official_name", "common_name")
        .sort("actor_id")
    )
    members = states.filter(pl.col("status") == "un_member").height
    if members != UN_MEMBERS:
        raise ValueError(f"expected {UN_MEMBERS} UN members, got {members}: fix country_status.csv")
    return states


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors-dir", type=Path, default=ACTORS_DIR)
    args = parser.parse_args()
    states = build(args.actors_dir)
    states.write_csv(args.actors_dir / "countries.csv")
    print(f"wrote {states.height} states to {args.actors_dir / 'countries.csv'}")


if __name__ == "__main__":
    main()
