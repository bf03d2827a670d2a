"""Group a stream of records by key with bounded memory, spilling to an SQLite file.

A dump of comments arrives in time order, not thread order, and may be far
larger than memory. Records go to an on-disk SQLite table as they stream in
(batched inserts); afterwards each group is read back in order of the key's
first appearance, records in arrival order. Only one group is in memory at a
time. SQLite ships with Python, so no dependency is added.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: Records buffered before one executemany(): enough to amortise the call, yet at most ~1 MB held.
BATCH = 1000
#: SQLite page cache, in KiB (negative cache_size = KiB, sqlite.org/pragma.html#pragma_cache_size): bounds RSS.
CACHE_KIB = 8 * 1024


class GroupSpill:
    """Append (key, payload) records; then iterate (key, [payloads]) group by group.

    Use as a context manager: the temporary database is deleted on exit.
    """

    def __init__(self, directory: str | os.PathLike | None = None):
        if directory is not None:
            Path(directory).mkdir(parents=True, exist_ok=True)
        self._dir = tempfile.TemporaryDirectory(prefix="debate-spill-", dir=directory)
        self._db = sqlite3.connect(Path(self._dir.name) / "groups.sqlite3")
        self._db.executescript(
            f"""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA temp_store = FILE;
            PRAGMA cache_size = -{CACHE_KIB};
            CREATE TABLE records (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, payload TEXT NOT NULL);
            """
        )
        self._pending: list[tuple[int, str, str]] = []
        self._seq = 0
        self._sealed = False

    def add(self, key: str, payload: str) -> None:
        if self._sealed:
            raise RuntimeError("GroupSpill: add() after groups()")
        self._pending.append((self._seq, key, payload))
        self._seq += 1
        if len(self._pending) >= BATCH:
            self._flush()

    def __len__(self) -> int:
        return self._seq

    def _flush(self) -> None:
        if self._pending:
            self._db.executemany("INSERT INTO records VALUES (?, ?, ?)", self._pending)
            self._pending.clear()

    def groups(self) -> Iterator[tuple[str, list[str]]]:
        """Each key with its payloads, keys by first appearance, payloads in arrival order."""
        self._flush()
        self._sealed = True
        self._db.executescript(
            """
            CREATE INDEX records_key ON records (key, seq);
            CREATE TABLE firsts AS SELECT key, MIN(seq) AS first FROM records GROUP BY key;
            CREATE INDEX firsts_first ON firsts (first);
            """
        )
        keys = self._db.execute("SELECT key FROM firsts ORDER BY first")
        reader = self._db.cursor()
        for (key,) in keys:
            rows = reader.execute("SELECT payload FROM records WHERE key = ? ORDER BY seq", (key,))
            yield key, [payload for (payload,) in rows]

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()

    def __enter__(self) -> GroupSpill:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
