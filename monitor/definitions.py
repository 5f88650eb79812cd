"""The Dagster code location: every asset, check, job, schedule and sensor of the monitor."""

from __future__ import annotations

import dagster as dg

from assets import clean, mentions, raw, reference, stance
from monitor.warehouse import Warehouse

all_assets = dg.load_assets_from_modules([raw, reference, clean, mentions, stance])

DAILY = dg.AssetSelection.assets(stance.DAILY)

ingest_job = dg.define_asset_job(
    "monitor_job",
    selection=dg.AssetSelection.all() - DAILY,
    description="Everything up to stance_statements, for whatever is new in the landing folder.",
)
daily_job = dg.define_asset_job(
    "actor_stance_daily_job",
    selection=DAILY,
    partitions_def=stance.daily_partitions,
    description="Rebuild actor_stance_daily for a range of days (one run covers a whole range).",
)

defs = dg.Definitions(
    assets=all_assets,
    jobs=[ingest_job, daily_job],
    resources={"warehouse": Warehouse(), "landing_folder": raw.LandingFolder()},
)
