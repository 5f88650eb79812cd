"""The batch loop of the writing steps: each batch written in its own transaction, the next one computed
in a thread meanwhile."""

import threading
from contextlib import contextmanager

import polars as pl
import pytest

from monitor.batch_overlap import overlapped
from monitor.warehouse import Warehouse

HEADLINES = [
    "Seoul urges Pyongyang to return to talks",
    "Moscow and Beijing sign an energy accord",
    "Washington warns Tehran over enrichment",
    "Ankara offers to mediate between Kyiv and Moscow",
    "Tokyo protests a missile launch",
]


@pytest.fixture
def warehouse(tmp_path) -> Warehouse:
    warehouse = Warehouse(db_path=str(tmp_path / "monitor.duckdb"))
    with warehouse.transaction() as conn:
        conn.execute("CREATE TABLE headlines (n INTEGER, headline VARCHAR)")
        conn.execute("CREATE TABLE shouted (n INTEGER, headline VARCHAR)")
        conn.executemany("INSERT INTO headlines VALUES (?, ?)", list(enumerate(HEADLINES)))
    return warehouse


def _batches(size: int) -> list[pl.DataFrame]:
    return list(pl.DataFrame({"n": range(len(HEADLINES))}).iter_slices(size))


def _read(conn, batch: pl.DataFrame) -> pl.DataFrame:
    return conn.execute(
        "SELECT n, headline FROM headlines WHERE n BETWEEN ? AND ? ORDER BY n",
        [batch["n"].min(), batch["n"].max()],
    ).pl()


def _shout(headlines: pl.DataFrame) -> pl.DataFrame:
    return headlines.with_columns(pl.col("headline").str.to_uppercase())


def _write(conn, shouted: pl.DataFrame) -> int:
    conn.register("batch", shouted.to_arrow())
    conn.execute("INSERT INTO shouted SELECT n, headline FROM batch")
    conn.unregister("batch")
    return shouted.height


def _stored(warehouse: Warehouse) -> list[tuple]:
    return list(warehouse.query("SELECT n, headline FROM shouted ORDER BY n").iter_rows())


def test_every_batch_is_computed_and_written_once_in_order(warehouse):
    handed_back = [
        (batch["n"].to_list(), written)
        for batch, written in overlapped(warehouse.transaction, _batches(2), _read, _shout, _write)
    ]
    assert handed_back == [([0, 1], 2), ([2, 3], 2), ([4], 1)]
    assert _stored(warehouse) == [(n, headline.upper()) for n, headline in enumerate(HEADLINES)]


def test_a_batch_is_handed_back_once_its_transaction_has_committed(warehouse):
    seen = [
        len(_stored(warehouse)) for _ in overlapped(warehouse.transaction, _batches(2), _read, _shout, _write)
    ]
    assert seen == [2, 4, 5]


def test_the_next_batch_is_read_and_computing_before_this_one_is_written(warehouse):
    events, threads = [], set()

    def read(conn, batch):
        events.append(f"read {batch['n'].min()}")
        return _read(conn, batch)

    def compute(headlines):
        threads.add(threading.get_ident())
        return _shout(headlines)

    def write(conn, shouted):
        events.append(f"write {shouted['n'].min()}")
        return _write(conn, shouted)

    list(overlapped(warehouse.transaction, _batches(2), read, compute, write))
    assert events == ["read 0", "read 2", "write 0", "read 4", "write 2", "write 4"]
    assert threading.get_ident() not in threads


def _counting(warehouse: Warehouse, opened: list):
    @contextmanager
    def transaction():
        opened.append(1)
        with warehouse.transaction() as conn:
            yield conn

    return transaction


def test_each_batch_has_one_transaction(warehouse):
    opened = []
    list(overlapped(_counting(warehouse, opened), _batches(2), _read, _shout, _write))
    assert len(opened) == 3


def test_no_batches_open_no_transaction(warehouse):
    opened = []
    assert list(overlapped(_counting(warehouse, opened), [], _read, _shout, _write)) == []
    assert opened == []


def test_a_failed_write_rolls_back_its_own_batch_and_keeps_the_ones_before(warehouse):
    def write(conn, shouted):
        written = _write(conn, shouted)
        if shouted["n"].min() == 2:
            raise RuntimeError("disk full")
        return written

    with pytest.raises(RuntimeError, match="disk full"):
        list(overlapped(warehouse.transaction, _batches(2), _read, _shout, write))
    assert _stored(warehouse) == [(0, HEADLINES[0].upper()), (1, HEADLINES[1].upper())]


def test_a_failure_in_the_callers_hands_writes_no_later_batch(warehouse):
    with pytest.raises(RuntimeError, match="gate rejected"):
        for _batch, _written in overlapped(warehouse.transaction, _batches(2), _read, _shout, _write):
            raise RuntimeError("gate rejected")
    assert _stored(warehouse) == [(0, HEADLINES[0].upper()), (1, HEADLINES[1].upper())]
