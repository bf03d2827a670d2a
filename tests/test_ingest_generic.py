"""Generic JSON / JSONL / CSV records with field mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli.app import app
from debate.errors import InputError
from debate.ingest import FieldMap, ReadOptions, detect_format, read_threads

THREADS = Path(__file__).resolve().parents[1] / "threads"
CSV = THREADS / "generic_bike_lanes.csv"
JSONL = THREADS / "generic_school_week.jsonl"
JSON = THREADS / "generic_forum_export.json"
FORUM_FIELDS = FieldMap(id="comment_id", parent="reply_to", author="user.name", text="body", time="posted")


@pytest.mark.parametrize("path, fmt", [(CSV, "csv"), (JSONL, "jsonl"), (JSON, "json")])
def test_detected_by_extension(path, fmt):
    assert detect_format(path) == fmt


@pytest.mark.parametrize("name, text, fmt", [
    ("records", '{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n', "jsonl"),
    ("records", '[{"id": 1, "text": "a"}]', "json"),
    ("records", "id,parent,text\n1,,hello\n", "csv"),
])
def test_detected_by_content_without_extension(tmp_path, name, text, fmt):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    assert detect_format(f) == fmt


def test_csv_parents_flags_and_one_thread_per_file():
    (t,) = read_threads(CSV)
    assert t.id == "generic_bike_lanes" and t.source_format == "csv"
    assert {c.id: c.parent for c in t.comments} == {
        "c1": None, "c2": "c1", "c3": "c2", "c4": None, "c5": "c4", "c6": "c4", "c7": None}
    assert t.comment("c5").flags == ("deleted",)
    assert t.comment("c7").flags == ("orphaned",) and t.comment("c7").extra["source_parent"] == "c9"
    s = t.stats
    assert (s.loaded, s.deleted, s.spam, s.orphaned) == (7, 1, 0, 1)


def test_csv_times_to_utc_html_to_text_and_extra_fields():
    (t,) = read_threads(CSV)
    assert t.comment("c1").timestamp == "2024-05-02T13:14:00Z"  # 08:14 at -05:00
    c4 = t.comment("c4")
    assert c4.text == "Nobody is asking the shop owners. We lose eleven parking spaces in front of the bakery."
    assert c4.original.startswith("<p>")
    assert t.comment("c1").original is None
    assert c4.extra == {"score": "-2"}
    assert t.comment("c5").author is None


def test_jsonl_many_threads_article_record_and_top_level_markers():
    threads = {t.id: t for t in read_threads(JSONL)}
    assert list(threads) == ["four-day-week", "library-hours"]
    week = threads["four-day-week"]
    assert week.article.title == "District weighs a four-day school week"
    assert week.article.author == "Priya Nandakumar"
    assert week.article.url == "https://example.org/news/four-day-week"
    assert week.article.date == "2024-05-06T12:53:20Z"
    assert "four-day-week" not in {c.id for c in week.comments}  # the article is not a comment
    assert {c.id: c.parent for c in week.comments} == {
        "101": None, "102": "101", "103": "102", "104": None, "105": None}
    assert week.comment("105").flags == ("spam",)
    assert week.stats.spam == 1
    library = threads["library-hours"]
    assert [(c.id, c.parent, c.timestamp) for c in library.comments] == [
        ("201", None, "2024-05-06T18:00:00Z"), ("202", "201", "2024-05-06T19:30:00Z")]


def test_json_object_with_field_mapping_and_nested_author():
    (t,) = read_threads(JSON, ReadOptions(fields=FORUM_FIELDS))
    assert t.id == "generic_forum_export"
    assert t.article.title == "Should the town ban gas leaf blowers?"
    assert t.article.text == "The council is taking comments on a ban of gas-powered leaf blowers from 2026."
    assert [(c.id, c.parent, c.author) for c in t.comments] == [
        ("1", None, "Hank P."), ("2", "1", "Sofia Lindqvist"), ("3", "2", "Hank P."), ("4", None, "Dr. A. Mensah")]
    assert t.comment("4").extra == {"likes": 11}


def test_parent_zero_links_to_a_real_comment_zero(tmp_path):
    f = tmp_path / "zero.jsonl"
    f.write_text('{"id": 0, "text": "first"}\n{"id": 1, "parent": 0, "text": "reply"}\n', encoding="utf-8")
    (t,) = read_threads(f)
    assert [(c.id, c.parent) for c in t.comments] == [("0", None), ("1", "0")]


def test_missing_id_field_names_file_record_field_and_option():
    with pytest.raises(InputError) as e:
        list(read_threads(JSON))
    msg = str(e.value)
    assert msg.startswith(f"{JSON}:record 1:")
    assert "'id'" in msg and "--id-field" in msg and "comment_id" in msg


def test_missing_text_field_names_the_line(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "a", "text": "ok"}\n{"id": "b", "body": "no text key"}\n', encoding="utf-8")
    with pytest.raises(InputError) as e:
        list(read_threads(f))
    assert str(e.value).startswith(f"{f}:line 2:") and "--text-field" in str(e.value)


def test_invalid_json_line(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "a", "text": "ok"}\n{"id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2: invalid JSON"):
        list(read_threads(f))


def test_csv_row_with_too_many_fields(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("id,text\n1,hello\n2,hi,extra\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3: this row has more fields"):
        list(read_threads(f))


def test_semicolon_csv_and_null_text_is_empty(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("id;parent;text\n1;;hello\n2;1;\n", encoding="utf-8")
    (t,) = read_threads(f)
    assert [(c.id, c.parent, c.flags) for c in t.comments] == [("1", None, ()), ("2", "1", ("empty",))]


def test_unreadable_time_is_an_error(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "a", "text": "ok", "time": "next tuesday"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1: cannot read timestamp"):
        list(read_threads(f))


def test_cli_field_options():
    runner = CliRunner()
    result = runner.invoke(app, ["parse", str(JSON), "--id-field", "comment_id", "--parent-field", "reply_to",
                                 "--author-field", "user.name", "--text-field", "body", "--time-field", "posted"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert [c["parent"] for c in doc["comments"]] == [None, "1", "2", None]
    bad = runner.invoke(app, ["parse", str(JSON)])
    assert bad.exit_code == 1
    assert "--id-field" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_repeated_ids_keep_the_first_copy_and_are_set_aside(tmp_path):
    f = tmp_path / "merged.csv"
    f.write_text("id,parent,text\n1,,first\n2,1,reply\n1,,first again\n", encoding="utf-8")
    (t,) = read_threads(f)
    assert [(c.id, c.text) for c in t.comments] == [("1", "first"), ("2", "reply")]
    assert [(s.kind, s.text) for s in t.set_aside] == [("duplicate", "1")]


def test_csv_fields_longer_than_the_csv_module_default(tmp_path):
    f = tmp_path / "long.csv"
    essay = "word " * 40000  # 200,000 characters
    f.write_text(f'id,text\n1,"{essay}"\n', encoding="utf-8")
    (t,) = read_threads(f)
    assert len(t.comment("1").text) == len(essay.strip())


def test_nested_replies_in_json_answer_their_container_record(tmp_path):
    f = tmp_path / "tree.json"
    f.write_text(json.dumps({"title": "Nested", "comments": [
        {"id": "a", "text": "top", "replies": [
            {"id": "b", "text": "reply", "children": [{"id": "c", "text": "deeper"}]},
            {"id": "d", "text": "second reply"}]},
        {"id": "e", "text": "another top"}]}), encoding="utf-8")
    (t,) = read_threads(f)
    assert [(c.id, c.parent) for c in t.comments] == [
        ("a", None), ("b", "a"), ("c", "b"), ("d", "a"), ("e", None)]
    assert t.article.title == "Nested"
    assert all(not any(k.startswith("\x00") for k in c.extra) for c in t.comments)


def test_a_marker_text_flags_the_comment_and_counts_it(tmp_path):
    p = tmp_path / "t.jsonl"
    p.write_text('{"id": "1", "text": "Hello there"}\n{"id": "2", "parent": "1", "text": "[deleted]"}\n'
                 '{"id": "3", "parent": "1", "text": "[removed]", "author": null}\n', encoding="utf-8")
    (t,) = read_threads(p)
    flags = {c.id: c.flags for c in t.comments}
    assert flags == {"1": (), "2": ("deleted",), "3": ("removed",)}
    assert t.stats.deleted == 2 and t.stats.loaded == 3
