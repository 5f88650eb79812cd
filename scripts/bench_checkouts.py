"""Benchmark runs of another checkout's code: each in a fresh process with the checkout first on PYTHONPATH
(so its monitor/ and seeds/ are the ones timed), its last output line read as JSON figures, the machine's
load beside them. Checkouts alternate round by round, so that none always runs first on a warm cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path


def alternated(codes: list[str], rounds: int) -> Iterator[str]:
    """The checkouts in order, then reversed, round after round."""
    for number in range(rounds):
        yield from codes if number % 2 == 0 else codes[::-1]


def run_with_code(script: str, arguments: list[str], code: str) -> dict:
    """The figures `script` prints last (one JSON object) when run with `code`'s checkout, and the uptime."""
    load_avg = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    env = {**os.environ, "PYTHONPATH": str(Path(code).resolve())}
    done = subprocess.run([sys.executable, script, *arguments], env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return {**json.loads(done.stdout.splitlines()[-1]), "uptime": load_avg}
