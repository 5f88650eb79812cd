"""The Dagster code location: every asset, check, job, schedule and sensor of the monitor."""

from __future__ import annotations

import dagster as dg

from assets import LAYERS, raw
from monitor import automation
from monitor.warehouse import Warehouse

all_assets = [*dg.load_assets_from_modules(LAYERS), *dg.load_asset_checks_from_modules(LAYERS)]

DAILY = automation.DAILY
ingest_job = automation.ingest_job
daily_job = automation.daily_job

defs = dg.Definitions(
    assets=all_assets,
    jobs=[ingest_job, daily_job],
    schedules=automation.schedules,
    sensors=automation.sensors,
    resources={"warehouse": Warehouse(), "landing_folder": raw.LandingFolder()},
)
