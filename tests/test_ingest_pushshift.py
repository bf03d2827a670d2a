"""Pushshift / Arctic Shift NDJSON dumps: many threads, streaming, .zst, orphans, cycles, errors."""

from __future__ import annotations

import json
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli.app import app
from debate.errors import InputError
from debate.ingest import ReadOptions, detect_format, pushshift, read_head, read_threads

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "threads" / "pushshift_askeconomics.ndjson"
OPTS = ReadOptions(format="pushshift")


def _threads(path, options=OPTS):
    return {t.id: t for t in read_threads(path, options)}


def _write_zst(src: Path, dst: Path, *, window_log: int = 31) -> None:
    """Compress like the dumps are (zstd --long=31): the frame asks for a 2 GiB window."""
    import zstandard

    params = zstandard.ZstdCompressionParameters.from_level(3, window_log=window_log, enable_ldm=True)
    with open(dst, "wb") as out, zstandard.ZstdCompressor(compression_params=params).stream_writer(out) as w:
        w.write(src.read_bytes())


def _dump(tmp_path: Path, rows: list, name: str = "dump.ndjson") -> Path:
    p = tmp_path / name
    p.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return p


def _c(cid, post, parent, body="text", t=1712822400, **kw):
    return {"id": cid, "link_id": f"t3_{post}", "parent_id": parent, "author": "someone", "body": body,
            "created_utc": t, "subreddit": "test", **kw}


def test_detected_by_content():
    assert detect_format(FIXTURE) == "pushshift"
    for other in ("reddit_parking_minimums.json", "generic_school_week.jsonl", "hn_firebase_code_review.json"):
        p = ROOT / "threads" / other
        assert not pushshift.sniff(p, read_head(p)), other


def test_many_threads_in_order_of_first_appearance():
    ids = [t.id for t in read_threads(FIXTURE, OPTS)]
    assert ids == ["reddit-1c2mw7k", "reddit-1c2ox3p", "reddit-1c1zz0a"]


def test_parent_links_are_exact():
    ts = _threads(FIXTURE)
    assert {c.id: c.parent for c in ts["reddit-1c2mw7k"].comments} == {
        "kz0a001": None, "kz0a002": "kz0a001", "kz0a003": "kz0a002", "kz0a004": "kz0a003",
        "kz0a005": "kz0a004", "kz0a006": None, "kz0a007": "kz0a002"}
    assert {c.id: c.parent for c in ts["reddit-1c2ox3p"].comments} == {
        "kz0b001": None, "kz0b002": "kz0b001", "kz0b003": "kz0b002"}


def test_stats_account_for_every_line():
    ts = _threads(FIXTURE)
    stats = {tid: (t.stats.loaded, t.stats.deleted, t.stats.not_loaded, t.stats.orphaned, t.stats.repaired)
             for tid, t in ts.items()}
    assert stats == {"reddit-1c2mw7k": (7, 2, 0, 0, 0), "reddit-1c2ox3p": (3, 0, 0, 0, 0),
                     "reddit-1c1zz0a": (2, 0, 0, 1, 0)}
    lines = [ln for ln in FIXTURE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    submissions = sum(1 for ln in lines if "title" in json.loads(ln))
    assert sum(t.stats.loaded for t in ts.values()) + submissions == len(lines)


def test_comments_without_their_submission_still_form_a_thread():
    t = _threads(FIXTURE)["reddit-1c1zz0a"]
    assert t.article.title is None
    assert t.article.url == "https://www.reddit.com/r/AskEconomics/comments/1c1zz0a/"
    assert t.article.inferred["url"].cue == "link_id"
    orphan = t.comment("kz0c001")
    assert orphan.parent is None and "orphaned" in orphan.flags and orphan.extra["source_parent"] == "kz0cmis"


def test_fields_markers_timestamps_and_markdown():
    t = _threads(FIXTURE)["reddit-1c2mw7k"]
    assert t.article.title == "Does a minimum wage increase reduce employment for teenagers?"
    assert t.article.author == "lindqvist_econ" and t.article.date == "2024-04-11T08:00:00Z"
    assert "The CBO report gives a range" in t.article.text
    first = t.comment("kz0a001")
    assert first.timestamp == "2024-04-11T08:10:00Z" and first.extra["edited_at"] == "2024-04-11T09:06:40Z"
    assert "Card & Krueger" in first.text and "monopsony" in first.text and "**" not in first.text
    assert "[Card &amp; Krueger](https://example.org/card-krueger-1994)" in first.original
    quoted = t.comment("kz0a002")
    assert quoted.text.startswith("depends on how high") and quoted.original.startswith("&gt; depends")
    # created_utc given as a string of digits (older dumps)
    assert t.comment("kz0a005").timestamp == "2024-04-11T08:56:40Z"
    assert t.comment("kz0a004").text == "[deleted]" and set(t.comment("kz0a004").flags) == {"deleted", "author_deleted"}
    assert set(t.comment("kz0a006").flags) == {"removed", "author_deleted"}
    assert t.comment("kz0a007").extra["distinguished"] == "moderator"
    assert t.comment("kz0a003").extra["line"] == 5


def test_zst_with_long_window_reads_the_same(tmp_path):
    zst = tmp_path / "RC_2024-04.zst"
    _write_zst(FIXTURE, zst)
    plain = [replace(t, source_path=None, comments=tuple(c for c in t.comments))
             for t in read_threads(FIXTURE, OPTS)]
    packed = [replace(t, source_path=None) for t in read_threads(zst)]
    assert detect_format(zst) == "pushshift"
    assert packed == plain


def test_truncated_zst_is_an_input_error(tmp_path):
    zst = tmp_path / "cut.ndjson.zst"
    _write_zst(FIXTURE, zst)
    zst.write_bytes(zst.read_bytes()[:-40])
    with pytest.raises(InputError) as e:
        list(read_threads(zst, OPTS))
    assert str(zst) in str(e.value) and "truncated" in str(e.value)


def test_cycle_in_a_dump_is_repaired_with_a_flag(tmp_path):
    p = _dump(tmp_path, [
        _c("a1", "p1", "t3_p1"),
        _c("b1", "p1", "t1_c1"),
        _c("c1", "p1", "t1_b1"),
        _c("d1", "p1", "t1_c1"),
    ])
    (t,) = read_threads(p, OPTS)
    assert t.stats.repaired == 1 and t.stats.loaded == 4
    cut = [c for c in t.comments if "cycle_repaired" in c.flags]
    assert [c.id for c in cut] == ["b1"] and cut[0].parent is None and cut[0].extra["source_parent"] == "c1"
    assert t.comment("c1").parent == "b1" and t.comment("d1").parent == "c1"


def test_duplicate_lines_are_set_aside_not_dropped_silently(tmp_path):
    p = _dump(tmp_path, [_c("a1", "p1", "t3_p1"), _c("a2", "p1", "t1_a1"), _c("a1", "p1", "t3_p1")])
    (t,) = read_threads(p, OPTS)
    assert [c.id for c in t.comments] == ["a1", "a2"]
    assert [(a.kind, a.text) for a in t.set_aside] == [("duplicate", "a1")]


@pytest.mark.parametrize("bad, expected", [
    ('{"id": "x", "link_id": "t3_p1", ', "invalid JSON"),
    ('["not", "an", "object"]', "expected a JSON object"),
    ('{"id": "x", "score": 3}', "expected a Reddit comment"),
    ('{"id": "x", "body": "hi", "parent_id": "t1_y"}', "link_id"),
    ('{"id": "x", "link_id": "t3_p1", "parent_id": "t3_p1", "body": "hi", "created_utc": "yesterday"}',
     "created_utc"),
])
def test_malformed_line_names_file_and_line(tmp_path, bad, expected):
    p = _dump(tmp_path, [_c("a1", "p1", "t3_p1"), "", bad])
    with pytest.raises(InputError) as e:
        list(read_threads(p, OPTS))
    msg = str(e.value)
    assert msg.startswith(f"{p}:line 3") and expected in msg and "\n" not in msg


def test_progress_only_when_asked_and_only_on_long_runs(tmp_path, capsys, monkeypatch):
    from debate.ingest import progress

    p = tmp_path / "d.ndjson"
    _synthetic(p, 1500)
    list(read_threads(p, OPTS))
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(progress, "REDRAW_SECONDS", 1e9)  # a run shorter than the first redraw
    list(read_threads(p, replace(OPTS, progress=True)))
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(progress, "REDRAW_SECONDS", 0.0)
    list(read_threads(p, replace(OPTS, progress=True)))
    err = capsys.readouterr().err
    assert "reading d.ndjson:" in err and "1,500 lines" in err and "75 threads" in err
    assert capsys.readouterr().out == ""


def test_spill_dir_is_used_and_cleaned(tmp_path, monkeypatch):
    monkeypatch.setattr(pushshift, "HELD_RECORDS", 3)  # the fixture is larger than that: it spills
    spill = tmp_path / "spill"
    it = read_threads(FIXTURE, replace(OPTS, spill_dir=str(spill)))
    first = next(it)
    assert any(spill.iterdir())  # the spill database lives there while threads stream out
    rest = list(it)
    assert not any(spill.iterdir())
    monkeypatch.undo()
    assert [first, *rest] == list(read_threads(FIXTURE, OPTS))  # same threads as when held in memory


def test_small_dump_never_touches_the_disk(tmp_path):
    spill = tmp_path / "spill"
    it = read_threads(FIXTURE, replace(OPTS, spill_dir=str(spill)))
    next(it)
    assert not spill.exists() or not any(spill.iterdir())
    list(it)


def _synthetic(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            post = f"p{i // 20}"
            parent = f"t3_{post}" if i % 20 == 0 else f"t1_c{i - 1}"
            f.write(json.dumps(_c(f"c{i}", post, parent, body="word " * 40, t=1712822400 + i)) + "\n")


def test_python_memory_does_not_grow_with_the_dump(tmp_path):
    """Peak Python allocations for a dump 4x larger stay about the same (threads stream out one at a time)."""
    peaks = []
    for n in (1500, 6000):
        p = tmp_path / f"d{n}.ndjson"
        _synthetic(p, n)
        tracemalloc.start()
        count = sum(len(t.comments) for t in read_threads(p, OPTS))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert count == n
    assert peaks[1] < 1.5 * peaks[0], peaks


def test_cli_parse_many_threads_with_stats(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["parse", str(FIXTURE), "-o", str(out), "--stats"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["reddit-1c1zz0a.json", "reddit-1c2mw7k.json",
                                                     "reddit-1c2ox3p.json"]
    rows = {line.split()[0]: line.split()[1:] for line in result.stderr.splitlines()[1:]}
    assert rows["reddit-1c1zz0a"][:7] == ["pushshift", "2", "0", "0", "0", "1", "0"]
    assert rows["TOTAL"][:6] == ["12", "2", "0", "0", "1", "0"]


def test_cli_malformed_dump_is_one_line_exit_1(tmp_path):
    p = _dump(tmp_path, [_c("a1", "p1", "t3_p1"), "{oops"])
    result = CliRunner().invoke(app, ["parse", str(p), "--format", "pushshift", "--jsonl"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert f"{p}:line 2" in result.stderr


def test_corrupt_zst_and_gzip(tmp_path):
    import gzip

    zst = tmp_path / "bad.ndjson.zst"
    _write_zst(FIXTURE, zst)
    data = bytearray(zst.read_bytes())
    data[20:60] = b"\xff" * 40
    zst.write_bytes(bytes(data))
    with pytest.raises(InputError, match="cannot decompress|truncated|invalid JSON"):
        list(read_threads(zst, OPTS))
    gz = tmp_path / "dump.ndjson.gz"
    gz.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    assert [t.id for t in read_threads(gz, OPTS)] == [t.id for t in read_threads(FIXTURE, OPTS)]


def test_separate_comment_and_submission_files_concatenated_join(tmp_path):
    """Separate RS_/RC_ files are read one file at a time; concatenated, they join by link_id."""
    lines = FIXTURE.read_text(encoding="utf-8").splitlines(keepends=True)
    subs = [ln for ln in lines if '"title"' in ln]
    coms = [ln for ln in lines if '"title"' not in ln]
    rc = tmp_path / "RC_2024-04.ndjson"
    rc.write_text("".join(coms), encoding="utf-8")
    alone = _threads(rc)
    assert alone["reddit-1c2mw7k"].article.title is None and alone["reddit-1c2mw7k"].stats.loaded == 7
    both = tmp_path / "both.ndjson"
    both.write_text("".join(coms + subs), encoding="utf-8")
    joined = _threads(both)
    assert joined["reddit-1c2mw7k"].article.title.startswith("Does a minimum wage increase")
    assert [t.id for t in read_threads(both, OPTS)][0] == "reddit-1c2mw7k"
