"""Dagster asset definitions, one module per layer: thin functions that read, call monitor/, and write."""
