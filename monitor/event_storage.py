"""A SQLite Dagster instance that stores a batch of asset events in one transaction per file.

Dagster hands its event storage the materializations of a partitioned run as batches
(DAGSTER_EVENT_BATCH_SIZE, set by monitor.cli), but the stock SqliteEventLogStorage stores a batch one event
at a time, each opening the run's file and the index file, committing and closing them: 6.5 ms an event,
7 s of the 100k full run for the 1,096 days of actor_stance_daily. This storage writes the same rows into
the same files (a home's history stays readable both ways), a batch in two transactions.

`dagster.yaml` selects it by its instance class (monitor.cli writes it there), which gives the storage the
home's folder wherever the home is opened from (DAGSTER_HOME, `InstanceRef.from_dir`):

    instance_class:
      module: monitor.event_storage
      class: MonitorInstance
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import yaml
from dagster import DagsterInstance
from dagster._core.events import DagsterEventType
from dagster._core.events.log import EventLogEntry
from dagster._core.instance.ref import InstanceRef
from dagster._core.storage.event_log.schema import SqlEventLogStorageTable
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster._core.storage.sqlite_storage import DagsterSqliteStorage, _event_logs_directory
from dagster._serdes import ConfigurableClassData

BATCHED_TYPES = {DagsterEventType.ASSET_MATERIALIZATION, DagsterEventType.ASSET_OBSERVATION}


class BatchedSqliteEventLogStorage(SqliteEventLogStorage):
    """SqliteEventLogStorage whose batches of one run's materializations (or observations) are written in one
    transaction on the run's file and one on the index file, with the rows `store_event` writes."""

    def store_event_batch(self, events: Sequence[EventLogEntry]) -> None:
        if not _batchable(events):
            super().store_event_batch(events)
            return
        inserts = [self.prepare_insert_event(event) for event in events]
        with self.run_connection(events[0].run_id) as conn:
            run_ids = [conn.execute(insert).inserted_primary_key[0] for insert in inserts]
        try:
            with self.index_transaction() as conn:
                event_ids = [conn.execute(insert).inserted_primary_key[0] for insert in inserts]
                self._store_asset_event_tags(conn, events, event_ids)
                # events of one type write the same columns of their asset's row: the last one of each
                # asset leaves the row as storing them one by one does (3/4 of the batch's time otherwise)
                last = {
                    event.dagster_event.asset_key: (event, i)
                    for event, i in zip(events, event_ids, strict=True)
                }
                for event, event_id in last.values():
                    self._store_asset_event(conn, event, event_id)
        except Exception:
            # Dagster stores a failed batch again event by event: leave no half of it behind
            with self.run_connection(events[0].run_id) as conn:
                conn.execute(
                    SqlEventLogStorageTable.delete().where(SqlEventLogStorageTable.c.id.in_(run_ids))
                )
            raise


def _batchable(events: Sequence[EventLogEntry]) -> bool:
    return (
        bool(events)
        and all(event.is_dagster_event for event in events)
        and len({event.run_id for event in events}) == 1
        and len({event.dagster_event_type for event in events}) == 1
        and events[0].dagster_event_type in BATCHED_TYPES
    )


class MonitorSqliteStorage(DagsterSqliteStorage):
    """Dagster's default SQLite storage (runs, schedules, events under `base_dir`), with batched events."""

    def __init__(self, base_dir: str, inst_data=None):
        super().__init__(base_dir, inst_data=inst_data)
        self._event_log_storage = BatchedSqliteEventLogStorage(_event_logs_directory(base_dir))

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> MonitorSqliteStorage:
        return cls.from_local(inst_data=inst_data, **config_value)


class MonitorInstance(DagsterInstance):
    """Dagster's default instance of a home (runs, events, schedules, logs under it), whose storage is
    MonitorSqliteStorage unless dagster.yaml names another."""

    @classmethod
    def config_schema(cls) -> dict:
        return {}

    @staticmethod
    def config_defaults(base_dir: str) -> Mapping[str, ConfigurableClassData | None]:
        storage = yaml.dump({"base_dir": base_dir}, default_flow_style=False)
        return {
            **InstanceRef.config_defaults(base_dir),
            "storage": ConfigurableClassData(__name__, MonitorSqliteStorage.__name__, storage),
        }
