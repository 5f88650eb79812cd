"""Dagster asset definitions, one module per layer: thin functions that read, call monitor/, and write."""

from assets import candidates, clean, daily, mentions, raw, reference, search, stance

# every asset module, in the chain's order: the code location and the daily automation both load these
LAYERS = [raw, reference, clean, mentions, candidates, stance, daily, search]
