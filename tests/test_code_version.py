"""A step's logic version follows the source of the modules that decide its rows, so a rule change in code
rebuilds the rows on the next run (a constant version left stale statements in place)."""

from pathlib import Path

import pytest

from assets import clean, mentions, stance
from monitor import code_version

MONITOR_DIR = Path(code_version.__file__).parent


def _package(tmp_path: Path, **modules: str) -> Path:
    for name, source in modules.items():
        (tmp_path / f"{name}.py").write_text(source)
    return tmp_path


def test_closure_follows_imports_transitively(tmp_path):
    package = _package(
        tmp_path,
        rules="from monitor.clauses import split\n",
        clauses="from monitor import subjects\n",
        subjects="import re\n",
        unrelated="X = 1\n",
    )
    names = [p.name for p in code_version.module_closure("rules", package_dir=package)]
    assert names == ["clauses.py", "rules.py", "subjects.py"]


def test_editing_an_imported_module_changes_the_version(tmp_path):
    package = _package(tmp_path, rules="from monitor import subjects\n", subjects="VERBS = ['said']\n")
    before = code_version.logic_version("rules", package_dir=package)
    (package / "subjects.py").write_text("VERBS = ['said', 'told']\n")
    assert code_version.logic_version("rules", package_dir=package) != before


def test_editing_a_module_outside_the_closure_keeps_the_version(tmp_path):
    package = _package(tmp_path, rules="import polars\n", unrelated="X = 1\n")
    before = code_version.logic_version("rules", package_dir=package)
    (package / "unrelated.py").write_text("X = 2\n")
    assert code_version.logic_version("rules", package_dir=package) == before


def test_an_unknown_root_module_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="no module monitor.missing"):
        code_version.module_closure("missing", package_dir=tmp_path)


def test_every_stance_rule_module_is_in_the_stance_version():
    closure = {p.name for p in code_version.module_closure("stance")}
    rule_modules = {p.name for p in MONITOR_DIR.glob("stance*.py")} - {"stance_daily.py", "stance_devset.py"}
    assert rule_modules <= closure
    assert code_version.logic_version("stance") == stance.LOGIC_VERSION


def test_mention_rules_are_in_the_mentions_version():
    roots = ("actor_dictionary", "candidates", "mentions", "sentences")
    closure = {p.name for p in code_version.module_closure(*roots)}
    assert {"mention_rules.py", "actor_dictionary.py"} <= closure
    assert "stance.py" not in closure


def test_line_signals_are_in_the_cleaning_version_through_text_cleaning():
    closure = {p.name for p in code_version.module_closure("text_cleaning")}
    assert "line_signals.py" in closure
    assert clean.LOGIC_VERSION != mentions.LOGIC_VERSION
