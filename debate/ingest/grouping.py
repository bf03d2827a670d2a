"""Group a stream of records by key with bounded memory: in memory while small, in SQLite past a limit.

Exports list comments in time order, not by thread, and may be far larger
than memory, so a reader must hold records until the input ends. Up to
`limit` records stay in memory (a small file never touches the disk); past
it they move to a temporary SQLite file (stdlib, no server) in `spill_dir`
(or the system temp dir), written in batches and removed on close. Groups
come back in order of the key's first appearance, records in arrival order;
once spilled, only one group is in memory at a time and the keys stay on disk.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Records kept in memory before spilling. Measured: a 10-field record held as a
#: dict costs ~1.5 KB in CPython, so 50k records stay near 75 MB.
SPILL_AFTER = 50_000
#: Records buffered before one executemany() once spilled: enough to amortise the call, yet at most ~1 MB held.
BATCH = 1000
#: SQLite page cache, in KiB (negative cache_size = KiB, sqlite.org/pragma.html#pragma_cache_size): bounds RSS.
CACHE_KIB = 8 * 1024


class Grouper:
    """Records grouped by key, handed back in order of the key's first appearance.

    Records are JSON-able values, or (with `encoded=True`) strings stored as they are.
    Reading (`keys`, `get`, `groups`) ends adding. Use as a context manager: any
    temporary database is deleted on exit.
    """

    def __init__(self, spill_dir: str | None = None, limit: int = SPILL_AFTER, *, encoded: bool = False):
        self.limit = limit
        self.spill_dir = spill_dir
        self._encode = (lambda r: r) if encoded else json.dumps
        self._decode = (lambda r: r) if encoded else json.loads
        self._mem: dict[str, list[Any]] = {}
        self._count = 0
        self._pending: list[tuple[int, str, str]] = []
        self._sealed = False
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._db: sqlite3.Connection | None = None

    @property
    def spilled(self) -> bool:
        return self._db is not None

    def __len__(self) -> int:
        return self._count

    def add(self, key: str, record: Any) -> None:
        if self._sealed:
            raise RuntimeError("Grouper: add() after reading")
        if self._db is None:
            self._mem.setdefault(key, []).append(record)
            self._count += 1
            if self._count > self.limit:
                self._spill()
            return
        self._pending.append((self._count, key, self._encode(record)))
        self._count += 1
        if len(self._pending) >= BATCH:
            self._flush()

    def keys(self) -> list[str]:
        if self._db is None:
            self._sealed = True
            return list(self._mem)
        self._seal()
        return [key for (key,) in self._db.execute("SELECT key FROM firsts ORDER BY first")]

    def get(self, key: str) -> list[Any]:
        """The records of one key ([] when unknown)."""
        if self._db is None:
            self._sealed = True
            return list(self._mem.get(key, []))
        self._seal()
        return self._rows(self._db.cursor(), key)

    def groups(self) -> Iterator[tuple[str, list[Any]]]:
        """Each key with its records, keys by first appearance, records in arrival order."""
        if self._db is None:
            self._sealed = True
            yield from self._mem.items()
            return
        self._seal()
        keys = self._db.execute("SELECT key FROM firsts ORDER BY first")
        reader = self._db.cursor()
        for (key,) in keys:
            yield key, self._rows(reader, key)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        self._mem.clear()
        self._pending.clear()

    def __enter__(self) -> Grouper:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _rows(self, cursor: sqlite3.Cursor, key: str) -> list[Any]:
        rows = cursor.execute("SELECT payload FROM records WHERE key = ? ORDER BY seq", (key,))
        return [self._decode(payload) for (payload,) in rows]

    def _spill(self) -> None:
        """Move the groups held so far to disk, numbered so that key and record order are kept."""
        if self.spill_dir:
            Path(self.spill_dir).mkdir(parents=True, exist_ok=True)
        self._tmp = tempfile.TemporaryDirectory(prefix="debate-spill-", dir=self.spill_dir)
        self._db = sqlite3.connect(Path(self._tmp.name) / "groups.sqlite3")
        self._db.executescript(
            f"""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA temp_store = FILE;
            PRAGMA cache_size = -{CACHE_KIB};
            CREATE TABLE records (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, payload TEXT NOT NULL);
            """
        )
        seq = 0
        for key, records in self._mem.items():
            for record in records:
                self._pending.append((seq, key, self._encode(record)))
                seq += 1
                if len(self._pending) >= BATCH:
                    self._flush()
        self._mem.clear()
        self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._db.executemany("INSERT INTO records VALUES (?, ?, ?)", self._pending)
            self._pending.clear()

    def _seal(self) -> None:
        if self._sealed:
            return
        self._flush()
        self._sealed = True
        self._db.executescript(
            """
            CREATE INDEX records_key ON records (key, seq);
            CREATE TABLE firsts AS SELECT key, MIN(seq) AS first FROM records GROUP BY key;
            CREATE INDEX firsts_first ON firsts (first);
            """
        )
