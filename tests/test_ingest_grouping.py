"""Grouping records by thread: in memory while small, spilled to SQLite past the limit, same result."""

from __future__ import annotations

import pytest

from debate.ingest.grouping import Grouper

KEYS = "abacbdaeeb"


def _grouped(limit: int, tmp_path, *, encoded: bool = False):
    with Grouper(spill_dir=str(tmp_path), limit=limit, encoded=encoded) as g:
        for i, key in enumerate(KEYS):
            g.add(key, f"r{i}" if encoded else {"n": i, "pair": [key, i]})
        spilled = g.spilled
        out = (g.keys(), [(k, list(rs)) for k, rs in g.groups()], g.get("b"), g.get("zz"), len(g))
    return spilled, out


@pytest.mark.parametrize("encoded", [False, True])
def test_spilled_and_in_memory_groups_agree(tmp_path, encoded):
    small_spilled, small = _grouped(100, tmp_path / "mem", encoded=encoded)
    big_spilled, big = _grouped(3, tmp_path / "disk", encoded=encoded)
    assert not small_spilled and big_spilled
    assert small == big
    keys, groups, b, unknown, n = big
    assert keys == ["a", "b", "c", "d", "e"] and unknown == [] and n == len(KEYS)
    first = (lambda r: r) if encoded else (lambda r: f"r{r['n']}")
    assert [(k, [first(r) for r in rs]) for k, rs in groups][:2] == [("a", ["r0", "r2", "r6"]), ("b", ["r1", "r4", "r9"])]
    assert not any((tmp_path / "disk").iterdir())  # the spill file is removed on exit


def test_small_input_never_creates_a_spill_file(tmp_path):
    with Grouper(spill_dir=str(tmp_path / "s"), limit=100) as g:
        g.add("a", 1)
        assert list(g.groups()) == [("a", [1])]
    assert not (tmp_path / "s").exists()


def test_adding_after_reading_is_refused(tmp_path):
    with Grouper(spill_dir=str(tmp_path), limit=1) as g:
        g.add("a", 1)
        g.add("b", 2)
        g.keys()
        with pytest.raises(RuntimeError):
            g.add("c", 3)
