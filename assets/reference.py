"""Reference tables curators edit in seeds/, loaded into DuckDB so SQL users can join them.

Each asset's code version is the hash of its seed files, so editing a file shows the table and everything
downstream of it as changed in the Dagster UI.
"""

import dagster as dg

from monitor import data_docs, incremental, outlet_signatures, outlets
from monitor.warehouse import WRITER_POOL, Warehouse, replace_table

OUTLET_SEEDS = [outlets.OUTLETS_PATH, outlet_signatures.TEXT_PATTERNS_PATH]


@dg.asset(
    pool=WRITER_POOL,
    name="outlets",
    group_name="reference",
    owners=data_docs.OWNERS,
    tags={"source": "seeds"},
    metadata=data_docs.table_metadata("outlets"),
    kinds={"duckdb", "csv"},
    code_version=incremental.fingerprint(*OUTLET_SEEDS),
    description="The outlet registry (seeds/outlets.csv): publishers and wire agencies, their country, kind, "
    "registered domains and in-text signatures.",
)
def outlets_table(warehouse: Warehouse) -> dg.MaterializeResult:
    registry = outlets.load_outlets()
    fingerprint = incremental.fingerprint(*OUTLET_SEEDS)
    with warehouse.transaction() as conn:
        if incremental.reference_changed(conn, "outlets", fingerprint, ("outlets",)):
            replace_table(conn, "outlets", registry)
            incremental.record(conn, "outlets", fingerprint, [], rebuilt=True)
    return dg.MaterializeResult(
        metadata={
            "outlets": registry.height,
            "countries": registry["country"].n_unique(),
            "wire_agencies": int(registry["is_wire"].sum()),
        },
        data_version=dg.DataVersion(fingerprint),
    )
