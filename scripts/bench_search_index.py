"""The search index's step and coverage check on a run with nothing new, on an index scaled up from a
benchmark's database, timed as Dagster runs them.

Copies DB to OUT and adds SCALE - 1 renamed copies of every cleaned article (with an empty body: the step
does not read it when nothing is new), its search document and its postings, so that a 100k benchmark's
database stands for a 1M one (10: 1M articles, about 117M postings). Then materializes article_search_index
with its check REPEAT times and prints each step's seconds from the Dagster event log.

    python scripts/bench_search_index.py data/bench/n100000/monitor.duckdb data/bench/x10.duckdb --scale 10
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

import dagster as dg
import duckdb

from assets.search import article_search_index, every_cleaned_article_is_searchable
from monitor.warehouse import Warehouse


def scale_up(source: Path, out: Path, scale: int) -> None:
    shutil.copyfile(source, out)
    started = time.perf_counter()
    with duckdb.connect(str(out)) as conn:
        for copy in range(1, scale):
            suffix = f"-copy{copy}"
            conn.execute(
                f"""INSERT INTO cleaned_articles SELECT * REPLACE (article_id || '{suffix}' AS article_id,
                    '' AS body) FROM cleaned_articles WHERE NOT contains(article_id, '-copy')"""  # noqa: S608
            )
            conn.execute(
                f"""INSERT INTO search_documents SELECT article_id || '{suffix}', length
                    FROM search_documents WHERE NOT contains(article_id, '-copy')"""  # noqa: S608
            )
            conn.execute(
                f"""INSERT INTO search_postings SELECT term, article_id || '{suffix}', tf
                    FROM search_postings WHERE NOT contains(article_id, '-copy')"""  # noqa: S608
            )
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM cleaned_articles), (SELECT count(*) FROM search_postings)"
        ).fetchone()
    print(
        f"scaled x{scale} in {time.perf_counter() - started:.1f} s: "
        f"{counts[0]:,} articles, {counts[1]:,} postings"
    )


def step_seconds(database: Path) -> dict[str, float]:
    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize(
        [article_search_index, every_cleaned_article_is_searchable],
        resources={"warehouse": Warehouse(db_path=str(database))},
        instance=instance,
    )
    return {
        step.step_key: round(step.end_time - step.start_time, 3)
        for step in instance.get_run_step_stats(result.run_id)
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("database", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="OUT is already scaled up")
    args = parser.parse_args()
    args.out = args.out.resolve()  # a relative path would be taken from the project root of the code run
    if not args.reuse:
        scale_up(args.database, args.out, args.scale)
    for _ in range(args.repeat):
        print(step_seconds(args.out))


if __name__ == "__main__":
    main()
