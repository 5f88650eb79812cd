"""A throwaway PostgreSQL server for tests (Debian's postgresql package; .ci/run installs it)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import time
from pathlib import Path


def _binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def available() -> bool:
    return _binary("initdb") is not None and _binary("pg_ctl") is not None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """initdb + pg_ctl on loopback, trust authentication, as the `postgres` user when we are root."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = _free_port()
        self.user = "monitor"
        self._as = []
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            shutil.chown(folder, account.pw_uid, account.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]

    def _run(self, *command: str) -> None:
        subprocess.run([*self._as, *command], check=True, capture_output=True, text=True)

    PASSWORD_USER = "analyst"

    def init(self) -> PostgresServer:
        """Trust for the test's own user; a password (SCRAM) for `analyst`, to test a refused login."""
        self._run(_binary("initdb"), "-D", str(self.data), "-A", "trust", "-U", self.user, "--no-sync")
        hba = self.data / "pg_hba.conf"
        rules = f"host all {self.PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n" + hba.read_text()
        hba.write_text(rules)
        self.start()
        self.create_role(self.PASSWORD_USER, "right-password")
        return self

    def _admin(self, sql: str, params: list | None = None) -> None:
        """One statement outside a transaction (CREATE DATABASE needs that), once the server accepts."""
        import psycopg2

        for attempt in range(20):
            try:
                conn = psycopg2.connect(self.libpq("postgres"))
                break
            except psycopg2.OperationalError:
                if attempt == 19:
                    raise
                time.sleep(0.25)
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute(sql, params)
        conn.close()

    def create_role(self, name: str, password: str) -> None:
        self._admin(f"CREATE ROLE {name} LOGIN PASSWORD %s", [password])

    def start(self) -> PostgresServer:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            _binary("pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(_binary("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def libpq(self, database: str) -> str:
        return f"dbname={database} host=127.0.0.1 port={self.port} user={self.user} connect_timeout=5"

    def create_database(self, name: str) -> str:
        self._admin(f'CREATE DATABASE "{name}"')
        return self.libpq(name)

    def query(self, database: str, sql: str) -> list[tuple]:
        import psycopg2

        with psycopg2.connect(self.libpq(database)) as conn, conn.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
