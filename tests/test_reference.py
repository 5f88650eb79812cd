"""Reference tables: curated seeds loaded into DuckDB, versioned by the content of their files."""

from __future__ import annotations

from assets.reference import OUTLET_SEEDS
from monitor import incremental
from monitor.definitions import defs


def test_outlet_registry_is_loaded_with_at_least_80_outlets_from_25_countries(pipeline):
    assert pipeline.materialize(selection="outlets").success
    [(outlets, countries)] = pipeline.query("SELECT count(*), count(DISTINCT country) FROM outlets")
    assert outlets >= 80 and countries >= 25


def test_sample_publishers_and_agencies_are_in_the_registry(pipeline):
    pipeline.materialize(selection="outlets")
    domains = {d for (d,) in pipeline.query("SELECT unnest(domains) FROM outlets")}
    assert {
        "prothomalo.com",
        "checkersaga.com",
        "indiadailydigital.com",
        "ruetir.com",
        "koreaherald.com",
    } <= domains
    wires = {o for (o,) in pipeline.query("SELECT outlet_id FROM outlets WHERE is_wire")}
    assert {"afp", "yonhap", "reuters", "asian_lite_news"} <= wires


def test_editing_a_seed_file_changes_the_assets_code_version(tmp_path):
    seed = tmp_path / "outlets.csv"
    seed.write_text("outlet_id,name\nafp,Agence France-Presse\n", encoding="utf-8")
    before = incremental.fingerprint(seed)
    seed.write_text("outlet_id,name\nafp,Agence France-Presse\nap,Associated Press\n", encoding="utf-8")
    assert incremental.fingerprint(seed) != before
    [outlets_spec] = defs.resolve_assets_def("outlets").specs_by_key.values()
    assert outlets_spec.code_version == incremental.fingerprint(*OUTLET_SEEDS)
