"""Great Expectations in this process: imported once, on demand or in the background, with one ephemeral
context and one batch definition per suite, so a run pays GE's import (about 3 s) at most once and a process
that validates nothing never pays it."""

from __future__ import annotations

import gc
import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

import polars as pl

from monitor import settings

if TYPE_CHECKING:
    import great_expectations as gx

logging.getLogger("great_expectations").setLevel(logging.ERROR)


@cache
def suite_text(step: str) -> str:
    return (settings.EXPECTATIONS_DIR / f"{step}.json").read_text(encoding="utf-8")


@cache
def suite_config(step: str) -> dict:
    return json.loads(suite_text(step))


# one lock for the import and the context: a validation that starts while the warm-up thread imports GE
# waits for it instead of importing the same modules from a second thread
_GX_LOCK = threading.RLock()


def _gx():
    """Great Expectations, imported at the first validation: its import costs about 3 s, which a process
    that only loads the definitions (`monitor sql`, the UI's code server, `dagster definitions validate`)
    never needs to pay, nor a run whose steps added no rows (asset_checks.table_verdict)."""
    with _GX_LOCK:
        return _imported_gx()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while modules load, then their objects frozen out of its reach.

    An import creates hundreds of thousands of long-lived objects and no garbage, yet each of them counts
    towards the next full collection, which scans every object of the process: with Dagster, polars and
    pandas loaded, a quarter of GE's import (0.55 of 1.8 CPU s) went to collections that freed nothing,
    and each full collection later in a run scanned the modules again. Objects alive when it ends are
    never collected as cycles (reference counting still frees them), so use it only around imports.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


@cache
def _imported_gx():
    with collector_paused():
        import great_expectations

        from monitor import ge_expectations  # noqa: F401 - registers our own expectations with GE

    return great_expectations


def suite_expectations(step: str, scope: str) -> list[dict]:
    """The expectations of expectations/<step>.json with the given scope, as configured (no GE needed)."""
    return [e for e in suite_config(step)["expectations"] if e.get("meta", {}).get("scope") == scope]


def load_suite(step: str, scope: str) -> gx.ExpectationSuite:
    """The part of expectations/<step>.json with the given scope, as a GE suite."""
    config = suite_config(step)
    return _gx().ExpectationSuite(
        name=f"{config['name']}.{scope}",
        expectations=suite_expectations(step, scope),
        meta=config.get("meta"),
    )


def expectation_label(config) -> str:
    kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
    pair = [kwargs[k] for k in ("column_A", "column_B") if kwargs.get(k)]
    target = kwargs.get("column") or ",".join(pair or kwargs.get("column_list", []) or [])
    return f"{config.type}({target})" if target else config.type


def warm_up() -> None:
    """Import GE and build its context in a background thread, for a step that knows it will validate:
    the import (about 3 s of Python) then overlaps the step's reading, most of it spent waiting for worker
    processes, DuckDB or polars. Idempotent; a step with nothing new does not call it."""
    if _cached_context.cache_info().currsize == 0:
        threading.Thread(target=_context, name="great-expectations-warm-up", daemon=True).start()


def _context() -> gx.data_context.AbstractDataContext:
    """The one GE context of the process, whichever thread asks first (the warm-up or a validation)."""
    with _GX_LOCK:
        return _cached_context()


@cache
def _cached_context() -> gx.data_context.AbstractDataContext:
    gx = _gx()  # first: importing from great_expectations would import it outside collector_paused
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.data_sources.add_pandas("monitor")
    return context


@cache
def _batch_definition(name: str):
    return (
        _context()
        .data_sources.get("monitor")
        .add_dataframe_asset(name)
        .add_batch_definition_whole_dataframe("batch")
    )


def validate_suite(
    frame: pl.DataFrame, suite: gx.ExpectationSuite, id_column: str | None, parameters: dict | None = None
):
    """The whole validation result: what Data Docs render.

    GE's validator is built on the batch definition directly: Batch.validate would first load (and
    fingerprint, hashing every cell) a batch it then throws away, as its validator loads its own.
    """
    from great_expectations.validator.v1_validator import Validator as V1Validator

    result_format = {"result_format": "COMPLETE"}
    if id_column:
        result_format["unexpected_index_column_names"] = [id_column]
    validator = V1Validator(
        batch_definition=_batch_definition(suite.name),
        batch_parameters={"dataframe": frame.to_pandas()},
        result_format=result_format,
    )
    return validator.validate_expectation_suite(suite, expectation_parameters=parameters)
