"""The Dagster code location: every asset, check, job, schedule and sensor of the monitor."""

from __future__ import annotations

import dagster as dg

from assets import clean, mentions, raw, reference
from monitor.warehouse import Warehouse

all_assets = dg.load_assets_from_modules([raw, reference, clean, mentions])

monitor_job = dg.define_asset_job(
    "monitor_job",
    selection=dg.AssetSelection.all(),
    description=("The whole chain for everything in the landing folder."),
)

defs = dg.Definitions(
    assets=all_assets,
    jobs=[monitor_job],
    resources={"warehouse": Warehouse(), "landing_folder": raw.LandingFolder()},
)
