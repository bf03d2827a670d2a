"""The tagging gold set stays well-formed and matches what the readers produce."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from debate.ingest import read_threads
from debate.model import ACTS, RELATIONS, STANCES

GOLD = Path(__file__).parent.parent / "benchmarks" / "tagging_gold"
REPO = Path(__file__).parent.parent
SEEDS = Path("/work/shared/seeds")


def _rows():
    return list(csv.DictReader(open(GOLD / "labels.csv", encoding="utf-8")))


def _theses():
    return list(csv.DictReader(open(GOLD / "theses.csv", encoding="utf-8")))


def test_labels_use_the_model_vocabularies():
    rows = _rows()
    assert len(rows) >= 60
    for r in rows:
        assert r["stance"] in STANCES, r
        assert r["relation"] in RELATIONS or r["relation"] == "", r
        acts = [a for a in r["acts"].split(";") if a]
        assert acts and all(a in ACTS for a in acts), r


def test_every_labelled_thread_has_a_thesis_and_a_guide():
    threads = {t["thread"] for t in _theses()}
    assert {r["thread"] for r in _rows()} <= threads
    assert "000_7dcb752eaa51856d" in (GOLD / "GUIDE.md").read_text(encoding="utf-8") or \
        "Seed 000" in (GOLD / "GUIDE.md").read_text(encoding="utf-8")


def test_thread_ids_are_unique_across_the_sets():
    """Labels are keyed by thread id: two sets sharing one (a WordPress post id, say) would mix their labels."""
    ids = [t["thread"] for t in _theses()]
    assert len(ids) == len(set(ids)), sorted(i for i in set(ids) if ids.count(i) > 1)
    keys = [(r["thread"], r["comment_id"]) for r in _rows()]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("entry", _theses(), ids=lambda e: e["thread"])
def test_gold_comments_exist_in_the_parsed_thread(entry):
    source = entry["source"]
    path = SEEDS / source.split("/", 1)[1] if source.startswith("seeds/") else REPO / source
    if not path.exists():
        pytest.skip(f"{source} not present")
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from tagging_benchmark import read_options

    threads = {t.id: t for t in read_threads(path, read_options(entry.get("read") or ""))}
    assert entry["thread"] in threads, sorted(threads)
    ids = {c.id for c in threads[entry["thread"]].comments}
    wanted = {r["comment_id"] for r in _rows() if r["thread"] == entry["thread"]}
    assert wanted <= ids, sorted(wanted - ids)
