"""A step's logic version from the source of the modules that decide its rows.

A constant version string would let a rule change in code leave stale rows in place (only seed edits
triggered a rebuild). Hashing the source of the step's modules, and of every `monitor` module they
import, makes any code change to that logic rebuild the step's rows on the next run, and nothing else.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

PACKAGE = "monitor"
PACKAGE_DIR = Path(__file__).resolve().parent


def _module_path(name: str, package_dir: Path) -> Path | None:
    path = package_dir / f"{name}.py"
    return path if path.exists() else None


def _imported_modules(path: Path, package_dir: Path) -> set[str]:
    """The `monitor` modules a source file imports, by any of the three spellings."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] != PACKAGE:
                continue
            if len(parts) > 1:
                found.add(parts[1])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith(f"{PACKAGE}."))
    return {name for name in found if _module_path(name, package_dir)}


def module_closure(*roots: str, package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The source files of the root modules and of every `monitor` module they import, transitively."""
    seen: set[str] = set()
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        path = _module_path(name, package_dir)
        if path is None:
            raise ValueError(f"no module {PACKAGE}.{name}")
        seen.add(name)
        pending.extend(_imported_modules(path, package_dir) - seen)
    return [package_dir / f"{name}.py" for name in sorted(seen)]


def logic_version(*roots: str, package_dir: Path = PACKAGE_DIR) -> str:
    """A short hash of the root modules' source closure: it changes exactly when that code changes."""
    digest = hashlib.sha256()
    for path in module_closure(*roots, package_dir=package_dir):
        data = path.read_bytes()
        digest.update(path.name.encode() + len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()[:12]
