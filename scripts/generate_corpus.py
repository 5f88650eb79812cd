"""Write a seeded synthetic landing folder and its ground truth (monitor.synthetic_corpus).

python scripts/generate_corpus.py data/bench/corpus --n 10000 --seed 0
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from monitor.synthetic_corpus import generate_corpus


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="folder to create: <out>/landing and <out>/truth")
    parser.add_argument("--n", type=int, default=1000, help="good articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", default="b0", help="sub-folder of the landing folder for this batch")
    parser.add_argument(
        "--max-file-bytes", type=int, default=262_144, help="size of the oversized files' cap"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    counts = generate_corpus(
        args.out / "landing", args.out / "truth", args.n, args.seed, args.batch, args.max_file_bytes
    )
    counts["seconds"] = round(time.perf_counter() - started, 2)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
