"""Every reader against corrupt, hostile and mislabelled input (issue 2 item 6, issue 3 "malformed file").

A bad file may end in one of two ways only:

- a clean parse, and then every comment of the input is accounted for
  (comments out + duplicates set aside == records counted here by an
  independent reading of the file), and the output loads back as canonical JSON;
- exit code 1 with exactly one line on stderr naming the file and the problem.

Never a Python traceback, never exit 0 with comments missing. Inputs are the
example threads in `threads/`, corrupted in the ways real downloads and
hand-edited exports go wrong, plus hostile XML (entity bombs, external
entities) and very long lines. Hostile inputs run in a subprocess with a
timeout, so a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from debate import canonical
from debate.cli.app import app
from debate.errors import DebateError
from debate.ingest import FORMATS, FieldMap, ReadOptions, detect_format, read_threads
from debate.model import Thread

ROOT = Path(__file__).resolve().parents[1]
THREADS = ROOT / "threads"
runner = CliRunner()

#: File-name prefix in threads/ -> the format detection must pick.
PREFIX_FORMAT = {
    "scraped_": "scraped", "reddit_": "reddit", "pushshift_": "pushshift", "hn_": "hackernews",
    "youtube_": "youtube", "wxr_": "wxr", "disqus_": "disqus", "convokit_": "convokit",
}
GENERIC_SUFFIX = {".json": "json", ".jsonl": "jsonl", ".csv": "csv"}
#: Examples whose field names differ from the generic defaults: the options a user passes.
FIELD_OPTIONS = {
    "generic_forum_export.json": {"id": "comment_id", "parent": "reply_to", "author": "user.name",
                                  "text": "body", "time": "posted"},
}
#: Comments on the scraped example pages, counted by reading them (no reader involved).
SCRAPED_COMMENTS = {
    "scraped_empty_section.txt": 0,  # "Leave a Reply" and a login form, no comment
    "scraped_indented.txt": 5,  # Harold, Rosa, Harold, a pingback, Mei
    "scraped_nested.txt": 6,  # 1, 1.1, 1.2, 1.2.1, 2, 2.1
    "scraped_no_comments.txt": 0,
    "scraped_numbered.txt": 8,
    "scraped_says.txt": 4,
    "scraped_voting.html": 3,
}
#: Seconds a hostile input may take before the run counts as hung.
HANG_SECONDS = 60


def fixture_format(name: str) -> str:
    if name.startswith("generic_"):
        return GENERIC_SUFFIX[Path(name).suffix]
    return next(fmt for prefix, fmt in PREFIX_FORMAT.items() if name.startswith(prefix))


FIXTURES = sorted(p.name for p in THREADS.iterdir() if not p.name.startswith(".") and p.name != "README.md")
FILE_FIXTURES = [n for n in FIXTURES if (THREADS / n).is_file()]


def field_map(name: str) -> FieldMap:
    return FieldMap(**FIELD_OPTIONS.get(name, {}))


def field_args(name: str) -> list[str]:
    return [a for k, v in FIELD_OPTIONS.get(name, {}).items() for a in (f"--{k}-field", v)]


# --- counting comments without the readers -------------------------------------------------------


class Unreadable(Exception):
    """The file is not well-formed even to a plain JSON / XML / CSV parser."""


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace").lstrip("\ufeff")


def _json(path: Path):
    try:
        return json.loads(_text(path))
    except json.JSONDecodeError as e:
        raise Unreadable(str(e)) from None


def _json_lines(path: Path) -> list:
    out = []
    for line in _text(path).splitlines():
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise Unreadable(str(e)) from None
    return out


#: C0 controls that XML forbids; the readers drop them as pasted-text noise (see xmlstream.ILLEGAL_BYTES).
_XML_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 13))


def _xml(path: Path) -> ET.Element:
    data = path.read_bytes().translate(None, _XML_CONTROLS)
    if b"<!ENTITY" in data:
        raise Unreadable("declares entities")
    try:
        return ET.fromstring(data)
    except (ET.ParseError, LookupError, ValueError) as e:  # an unknown or multi-byte encoding declared
        raise Unreadable(str(e)) from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _reddit(node) -> int:
    if not isinstance(node, dict) or not isinstance(node.get("data"), dict):
        return 0
    n = 0
    for thing in node["data"].get("children") or []:
        if isinstance(thing, dict) and thing.get("kind") == "t1":
            n += 1 + _reddit((thing.get("data") or {}).get("replies"))
    return n


def _algolia(node) -> int:
    kids = node.get("children") if isinstance(node, dict) else None
    return sum(1 + _algolia(k) for k in kids) if isinstance(kids, list) else 0


def _records(data, fields: FieldMap, default_thread: str) -> int:
    """Generic records (nested replies included) that are comments, not the article record."""
    if isinstance(data, dict):  # the records sit under a usual key, else under the only list there is
        usual = [data[k] for k in ("comments", "data", "items", "records", "results", "rows", "posts")
                 if isinstance(data.get(k), list)]
        lists = usual or [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 or usual else []
    n = 0
    stack = list(data) if isinstance(data, list) else []
    while stack:
        r = stack.pop()
        if not isinstance(r, dict):
            continue
        thread = r.get(fields.thread, default_thread)
        if str(r.get(fields.id)) != str(thread if thread is not None else default_thread):
            n += 1
        for key in ("replies", "children"):
            if isinstance(r.get(key), list):
                stack.extend(r[key])
    return n


def hand_count(fmt: str, path: Path, fields: FieldMap = FieldMap()) -> int | None:
    """Comments in `path` read as `fmt` with plain parsers; None when only a reader can tell (pages)."""
    if fmt == "scraped":  # only an unchanged example page has a known count
        example = THREADS / path.name
        same = example.is_file() and example.read_bytes() == path.read_bytes()
        return SCRAPED_COMMENTS.get(path.name) if same else None
    if fmt == "reddit":
        data = _json(path)
        return _reddit(data[1]) if isinstance(data, list) and len(data) > 1 else 0
    if fmt == "pushshift":
        return sum(1 for o in _json_lines(path)
                   if isinstance(o, dict) and any(k in o for k in ("body", "parent_id", "link_id")))
    if fmt == "hackernews":
        data = _json(path)
        if isinstance(data, dict) and "children" in data:
            return _algolia(data)
        items = data if isinstance(data, list) else []
        return sum(1 for i in items if isinstance(i, dict) and i.get("type") not in ("story", "job", "poll"))
    if fmt == "youtube":
        data = _json(path)
        return len(data["comments"]) if isinstance(data, dict) and isinstance(data.get("comments"), list) else 0
    if fmt == "wxr":
        return sum(1 for e in _xml(path).iter() if _local(e.tag) == "comment" and "wordpress.org" in e.tag)
    if fmt == "disqus":
        return sum(1 for e in _xml(path) if _local(e.tag) == "post")
    if fmt == "convokit":
        lines = _json_lines(path / "utterances.jsonl")
        convs = {str(u.get("conversation_id", u.get("root"))) for u in lines
                 if u.get("reply_to", u.get("reply-to")) is None}
        return len(lines) - len(convs)
    stem = path.name.split(".")[0]
    if fmt == "json":
        return _records(_json(path), fields, stem)
    if fmt == "jsonl":
        return _records(_json_lines(path), fields, stem)
    if fmt == "csv":
        csv.field_size_limit(1 << 26)  # as the reader does: essays longer than the default 128 KiB
        try:  # strict: an unclosed quote is an error, not a field swallowing the rest of the file
            rows = list(csv.DictReader(io.StringIO(_text(path), newline=""), strict=True))
        except csv.Error as e:
            raise Unreadable(str(e)) from None
        return _records([r for r in rows if any(r.values())], fields, stem)
    raise AssertionError(fmt)


def accounted(threads: list[Thread]) -> int:
    """Comments out, plus later copies of a repeated id (set aside, so still accounted for)."""
    dups = sum(len(a.text.split()) for t in threads for a in t.set_aside if a.kind == "duplicate")
    return sum(len(t.comments) for t in threads) + dups


# --- running the CLI ---------------------------------------------------------------------------


def parse_cli(path: Path, *args: str) -> tuple[int, list[Thread] | None, str]:
    """(exit code, threads written or None, the error line) of `debate parse PATH --jsonl ARGS`.

    Asserts the conventions on the way: no traceback, exit 0 or 1, and on 1
    exactly one stderr line naming the input.
    """
    result = runner.invoke(app, ["parse", str(path), "--jsonl", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        tb = "".join(traceback.format_exception(result.exception)[-3:])
        pytest.fail(f"crash on {path.name} {args}: {tb}")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    if result.exit_code == 1:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, f"expected one error line, got {result.stderr!r}"
        assert path.name in lines[0], f"the error does not name {path.name}: {lines[0]!r}"
        return 1, None, lines[0]
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    for line in lines:  # strict JSON: other tools reject NaN and Infinity
        json.loads(line, parse_constant=_not_json)
    return 0, [canonical.loads(line, path=f"{path.name} output") for line in lines], ""


def _not_json(constant: str):
    raise AssertionError(f"the output holds {constant}, which is not JSON")


def parse_library(path: Path, fields: FieldMap = FieldMap()) -> tuple[int, list[Thread] | None, str]:
    """The same through `read_threads`: (0, threads, "") or (1, None, the one-line message)."""
    try:
        threads = list(read_threads(path, ReadOptions(fields=fields)))
    except DebateError as e:
        message = str(e)
        assert "\n" not in message and path.name in message, message
        return 1, None, message
    for t in threads:  # what a reader returns is valid canonical data
        assert canonical.loads(canonical.dumps(t)) == t
    return 0, threads, ""


def check_outcome(fmt: str, path: Path, name: str, *, what: str) -> tuple[int, str]:
    """Parse `path` (read as `fmt`, field options of fixture `name`) with the CLI and the library.

    Both must agree; a clean parse accounts for every comment, else a one-line error.
    """
    fields = field_map(name)
    try:
        expected = hand_count(fmt, path, fields)
    except Unreadable:
        expected = "unreadable"
    code, threads, line = parse_cli(path, *field_args(name))
    lib_code, lib_threads, _ = parse_library(path, fields)
    assert lib_code == code, f"{what}: the library and the CLI disagree"
    if expected == "unreadable":
        assert code == 1, f"{what}: a malformed {fmt} file parsed with exit 0"
    elif code == 0 and expected is not None:
        assert accounted(threads) == expected, f"{what}: {accounted(threads)} comments out, {expected} in"
    if code == 0:
        assert accounted(lib_threads) == accounted(threads)
    return code, line


def copy_fixture(name: str, tmp_path: Path) -> Path:
    src = THREADS / name
    dst = tmp_path / name
    if src.is_dir():
        shutil.copytree(src, dst)
    else:
        shutil.copyfile(src, dst)
    return dst


def data_file(path: Path) -> Path:
    """The file holding the records: the utterances of a ConvoKit corpus, else the path itself."""
    return path / "utterances.jsonl" if path.is_dir() else path


# --- 1. every example parses as its intended format --------------------------------------------


@pytest.mark.parametrize("name", FIXTURES)
def test_example_is_detected_and_every_comment_accounted(name):
    path = THREADS / name
    fmt = fixture_format(name)
    assert detect_format(path) == fmt
    expected = hand_count(fmt, path, field_map(name))
    threads = list(read_threads(path, ReadOptions(fields=field_map(name))))
    assert threads and all(t.source_format == fmt for t in threads)
    assert accounted(threads) == expected
    code, out, line = parse_cli(path, *field_args(name))
    assert code == 0, line
    assert [t.id for t in out] == [t.id for t in threads]
    assert accounted(out) == expected


# --- 2. corrupted copies of every example -----------------------------------------------------------


def _cut(data: bytes, at: int) -> bytes:
    """Cut at a byte offset, backing off to the start of a UTF-8 character."""
    while 0 < at < len(data) and (data[at] & 0xC0) == 0x80:
        at -= 1
    return data[:at]


def _insert_mid_line(data: bytes, junk: bytes) -> bytes:
    """Insert `junk` in the middle of the longest line of the file's middle third."""
    lines = data.split(b"\n")
    third = max(1, len(lines) // 3)
    i = max(range(third, max(third + 1, 2 * third)), key=lambda k: len(lines[k]) if k < len(lines) else -1)
    i = min(i, len(lines) - 1)
    half = len(lines[i]) // 2
    while 0 < half < len(lines[i]) and (lines[i][half] & 0xC0) == 0x80:
        half -= 1
    lines[i] = lines[i][:half] + junk + lines[i][half:]
    return b"\n".join(lines)


CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "truncated-10%": lambda d: _cut(d, len(d) // 10),
    "truncated-50%": lambda d: _cut(d, len(d) // 2),
    "truncated-90%": lambda d: _cut(d, len(d) * 9 // 10),
    "last-2-bytes-missing": lambda d: d.rstrip()[:-1],
    "binary-garbage-inserted": lambda d: _insert_mid_line(d, b"\x00\xff\xfe\x80\x1b[0m"),
    "text-garbage-inserted": lambda d: _insert_mid_line(d, b'}{"]<&>,\\'),
    "invalid-utf8": lambda d: _insert_mid_line(d, b"\xc3\x28\xa0\xa1\xff"),
    "nul-bytes-appended": lambda d: d + b"\x00" * 16,
}


@pytest.mark.parametrize("corruption", CORRUPTIONS)
@pytest.mark.parametrize("name", FIXTURES)
def test_corrupted_example(name, corruption, tmp_path):
    path = copy_fixture(name, tmp_path)
    target = data_file(path)
    target.write_bytes(CORRUPTIONS[corruption](target.read_bytes()))
    fmt = fixture_format(name)
    code, line = check_outcome(fmt, path, name, what=f"{name} {corruption}")
    if code == 1 and fmt not in ("scraped", "csv"):
        # JSON, XML and line formats know where they stopped: the message says where.
        assert re.search(r"line \d+|record|element|<|\[|item|top level", line), line


# --- required fields removed, wrong types ------------------------------------------------------------


def _reddit_reply(data):
    """The first reply to a reply (depth 1) in a Reddit thread document."""
    top = data[1]["data"]["children"][0]["data"]
    return top["replies"]["data"]["children"][0]["data"]


def _algolia_reply(data):
    return data["children"][0]["children"][0]


def _firebase_reply(data):
    ids = {i["id"] for i in data if i.get("type") == "comment"}
    return next(i for i in data if i.get("parent") in ids)


def _youtube_reply(data):
    return next(c for c in data["comments"] if c["parent"] != "root")


def _forum_record(data):
    return next(r for r in data["comments"] if r["reply_to"])


def _delete(*keys):
    def edit(rec):
        for k in keys:
            rec.pop(k, None)
    return edit


def _set(key, value):
    def edit(rec):
        rec[key] = value
    return edit


#: Per JSON document example: where the victim record is, and the edits (what a user would get wrong).
JSON_EDITS = {
    "reddit_parking_minimums.json": (_reddit_reply, {
        "id-removed": _delete("id"),
        "id-and-name-removed": _delete("id", "name"),
        "body-removed": _delete("body", "body_html"),
        "parent_id-removed": _delete("parent_id"),
        "body-is-a-number": _set("body", 42),
        "author-is-a-number": _set("author", 42),
        "author-is-an-object": _set("author", {"name": "x"}),
        "created_utc-is-an-object": _set("created_utc", {"t": 1}),
        "replies-is-a-list": _set("replies", [1, 2]),
        "replies-children-is-an-object": _set("replies", {"kind": "Listing", "data": {"children": {"a": 1}}}),
    }),
    "hn_algolia_four_day_week.json": (_algolia_reply, {
        "id-removed": _delete("id"),
        "text-removed": _delete("text"),
        "parent_id-removed": _delete("parent_id"),
        "text-is-a-number": _set("text", 42),
        "author-is-a-number": _set("author", 42),
        "children-is-an-object": _set("children", {"a": {"id": 1}}),
        "children-is-a-string": _set("children", "none"),
        "created_at_i-is-a-list": _set("created_at_i", [1]),
    }),
    "hn_firebase_code_review.json": (_firebase_reply, {
        "id-removed": _delete("id"),
        "text-removed": _delete("text"),
        "parent-removed": _delete("parent"),
        "text-is-a-number": _set("text", 42),
        "by-is-a-number": _set("by", 42),
        "kids-is-an-object": _set("kids", {"a": 1}),
        "kids-is-a-number": _set("kids", 7),
        "time-is-a-string": _set("time", "yesterday"),
    }),
    "youtube_car_free_downtown.info.json": (_youtube_reply, {
        "id-removed": _delete("id"),
        "text-removed": _delete("text"),
        "parent-removed": _delete("parent"),
        "text-is-a-number": _set("text", 42),
        "author-is-a-number": _set("author", 42),
        "parent-is-an-object": _set("parent", {"id": "x"}),
        "timestamp-is-a-string": _set("timestamp", "three weeks ago"),
    }),
    "generic_forum_export.json": (_forum_record, {
        "id-removed": _delete("comment_id"),
        "text-removed": _delete("body"),
        "parent-removed": _delete("reply_to"),
        "text-is-a-number": _set("body", 42),
        "author-is-a-number": _set("user", {"name": 42}),
        "author-is-a-list": _set("user", {"name": ["a", "b"]}),
        "id-is-an-object": _set("comment_id", {"n": 2}),
        "time-is-an-object": _set("posted", {"t": 1}),
        "replies-is-an-object": _set("replies", {"comment_id": 99, "body": "hidden"}),
    }),
}

#: Per line-format example: which line is the victim, and the edits.
LINE_EDITS = {
    "pushshift_askeconomics.ndjson": (lambda o: str(o.get("parent_id", "")).startswith("t1_"), {
        "id-removed": _delete("id", "name"),
        "link_id-removed": _delete("link_id"),
        "body-removed": _delete("body"),
        "parent_id-removed": _delete("parent_id"),
        "body-is-a-number": _set("body", 42),
        "author-is-a-number": _set("author", 42),
        "link_id-is-an-object": _set("link_id", {"id": "t3_x"}),
        "created_utc-is-a-list": _set("created_utc", [1]),
    }),
    "generic_school_week.jsonl": (lambda o: o.get("parent"), {
        "id-removed": _delete("id"),
        "text-removed": _delete("text"),
        "parent-removed": _delete("parent"),
        "text-is-a-number": _set("text", 42),
        "author-is-a-number": _set("author", 42),
        "author-is-an-object": _set("author", {"name": "x"}),
        "thread-is-a-list": _set("thread", ["a"]),
        "parent-is-an-object": _set("parent", {"id": "101"}),
    }),
    "convokit_rent_control": (lambda o: o.get("reply_to") not in (None, o.get("conversation_id")), {
        "id-removed": _delete("id"),
        "text-removed": _delete("text"),
        "reply_to-removed": _delete("reply_to"),
        "conversation_id-removed": _delete("conversation_id"),
        "text-is-a-number": _set("text", 42),
        "speaker-is-an-object": _set("speaker", {"id": "x"}),
        "meta-is-a-list": _set("meta", [1, 2]),
        "timestamp-is-an-object": _set("timestamp", {"t": 1}),
    }),
}


def _json_edit_cases():
    for name, (_, edits) in JSON_EDITS.items():
        for edit in edits:
            yield name, edit
    for name, (_, edits) in LINE_EDITS.items():
        for edit in edits:
            yield name, edit


def _apply_edit(name: str, edit: str, path: Path) -> None:
    if name in JSON_EDITS:
        find, edits = JSON_EDITS[name]
        data = json.loads(path.read_text(encoding="utf-8"))
        edits[edit](find(data))
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        return
    pick, edits = LINE_EDITS[name]
    target = data_file(path)
    lines = target.read_text(encoding="utf-8").splitlines()
    i = next(k for k, line in enumerate(lines) if line.strip() and pick(json.loads(line)))
    obj = json.loads(lines[i])
    edits[edit](obj)
    lines[i] = json.dumps(obj, ensure_ascii=False)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _field_of(edit: str) -> str:
    return edit.split("-", 1)[0]


def _comment_texts(threads: list[Thread]) -> list[str]:
    return [c.text for t in threads for c in t.comments]


@pytest.mark.parametrize("name, edit", list(_json_edit_cases()))
def test_field_removed_or_of_the_wrong_type(name, edit, tmp_path):
    path = copy_fixture(name, tmp_path)
    _apply_edit(name, edit, path)
    fmt = fixture_format(name)
    code, line = check_outcome(fmt, path, name, what=f"{name} {edit}")
    if code == 1:
        assert re.search(r"line \d+|record|item|comments\[|children|\]|top level", line), \
            f"the error does not say where: {line}"
        return
    threads = list(read_threads(path, ReadOptions(fields=field_map(name))))
    if edit == "id-removed" and name.startswith("reddit_"):
        pass  # Reddit's `name` ("t1_<id>") still names the comment
    elif edit in ("id-removed", "id-and-name-removed"):
        pytest.fail(f"{name}: a record without an id was read: {[c.id for t in threads for c in t.comments]}")
    if edit.endswith("is-a-number") and _field_of(edit) in ("body", "text"):
        # a number in the text field is kept as the text, never silently emptied
        assert "42" in _comment_texts(threads), f"{name}: the number in the text field was lost"


def test_nested_reply_without_parent_field_stays_under_its_nesting_parent(tmp_path):
    """Reddit and Algolia state the parent twice (the field and the nesting); the nesting is enough."""
    for name, find, key in (("reddit_parking_minimums.json", _reddit_reply, "parent_id"),
                            ("hn_algolia_four_day_week.json", _algolia_reply, "parent_id")):
        path = copy_fixture(name, tmp_path)
        data = json.loads(path.read_text(encoding="utf-8"))
        victim = find(data)
        vid, parent = str(victim["id"]), str(victim[key]).removeprefix("t1_")
        del victim[key]
        path.write_text(json.dumps(data), encoding="utf-8")
        (thread,) = read_threads(path)
        by_id = {c.id: c for c in thread.comments}
        assert by_id[vid].parent == parent, name


# --- XML: required elements removed, bad entities, bombs, external entities -----------------------

#: (example, what to remove, regex matching the first such element inside a reply).
XML_EDITS = {
    ("wxr_transit_blog.xml", "comment_id-removed"): r"<wp:comment_id>[^<]*</wp:comment_id>",
    ("wxr_transit_blog.xml", "comment_content-removed"): r"<wp:comment_content>.*?</wp:comment_content>",
    ("wxr_transit_blog.xml", "comment_parent-removed"): r"<wp:comment_parent>[1-9][^<]*</wp:comment_parent>",
    ("disqus_harbor_news.xml", "post-dsq-id-removed"): r'(?<=<post) dsq:id="[^"]*"',
    ("disqus_harbor_news.xml", "message-removed"): r"(?s)<message>(?!\s*</message>).*?</message>",
    ("disqus_harbor_news.xml", "parent-removed"): r"<parent dsq:id=\"[^\"]*\"\s*/>",
    ("disqus_harbor_news.xml", "post-thread-removed"): r"(?s)(?<=</message>)(.*?)<thread dsq:id=\"[^\"]*\"\s*/>",
}


@pytest.mark.parametrize("name, edit", list(XML_EDITS))
def test_xml_element_removed(name, edit, tmp_path):
    path = copy_fixture(name, tmp_path)
    text = path.read_text(encoding="utf-8")
    pattern = XML_EDITS[(name, edit)]
    assert re.search(pattern, text, re.S), f"the example no longer has {pattern}"
    text = re.sub(pattern, lambda m: m.group(1) if m.re.groups else "", text, count=1, flags=re.S)
    path.write_text(text, encoding="utf-8")
    code, line = check_outcome(fixture_format(name), path, name, what=f"{name} {edit}")
    if code == 1:
        assert "<" in line or "line" in line, line


XML_FIXTURES = [n for n in FILE_FIXTURES if fixture_format(n) in ("wxr", "disqus")]


def _with_doctype(name: str, doctype: str, *, entity_in_comment: str, padding: int = 0) -> bytes:
    """The example with a DOCTYPE after the XML declaration (and `padding` bytes of XML comment
    before it, to get past any look at the first block only) and an entity used in a comment."""
    text = (THREADS / name).read_text(encoding="utf-8")
    decl, rest = text.split("\n", 1)
    pad = f"<!-- {'x' * padding} -->\n" if padding else ""
    tag = "<wp:comment_content><![CDATA[" if name.startswith("wxr") else "<message><![CDATA["
    end = "]]></wp:comment_content>" if name.startswith("wxr") else "]]></message>"
    i = rest.index(tag)
    j = rest.index(end, i)
    # close the CDATA around the entity so the parser expands it
    rest = rest[:j] + f"]]>{entity_in_comment}<![CDATA[" + rest[j:]
    return f"{decl}\n{pad}{doctype}\n{rest}".encode()


def _run_subprocess(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    code = "import sys; from debate.cli.app import run; sys.argv[0] = 'debate'; run()"
    try:
        return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                              timeout=HANG_SECONDS, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail(f"debate {' '.join(args)} did not finish in {HANG_SECONDS} s")


def _one_line_error(proc: subprocess.CompletedProcess, path: Path) -> str:
    """The error line after the file name (the directory names of tmp_path say "entity" too)."""
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and path.name in lines[0], proc.stderr
    return lines[0].split(path.name, 1)[1]


LOL = "".join(
    ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" for _ in range(10))}">' for i in range(1, 10)])
BOMBS = {
    "billion-laughs": (f"<!DOCTYPE rss [{LOL}]>", "&lol9;"),
    "quadratic-blowup": (f'<!DOCTYPE rss [<!ENTITY big "{"A" * 50_000}">]>', "&big;" * 20_000),
}


@pytest.mark.parametrize("padding", [0, 100_000])
@pytest.mark.parametrize("bomb", BOMBS)
@pytest.mark.parametrize("name", XML_FIXTURES)
def test_xml_entity_bomb_is_refused_quickly(name, bomb, padding, tmp_path):
    """Padding pushes the DOCTYPE past the first block read; the format is forced so the parser sees it."""
    doctype, use = BOMBS[bomb]
    path = tmp_path / name
    path.write_bytes(_with_doctype(name, doctype.replace("rss", "rss" if name.startswith("wxr") else "disqus"),
                                   entity_in_comment=use, padding=padding))
    proc = _run_subprocess(["parse", str(path), "--jsonl", "--format", fixture_format(name)], tmp_path)
    assert len(proc.stdout) < 2_000_000, "the entities were expanded"
    line = _one_line_error(proc, path)
    assert "entit" in line.lower() or "amplification" in line.lower(), line


@pytest.mark.parametrize("padding", [0, 100_000])
@pytest.mark.parametrize("how", ["system-entity", "parameter-entity", "external-dtd"])
@pytest.mark.parametrize("name", XML_FIXTURES)
def test_xml_external_entities_never_read_local_files(name, how, padding, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a", encoding="utf-8")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">', encoding="utf-8")
    root = "rss" if name.startswith("wxr") else "disqus"
    doctype = {
        "system-entity": f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>',
        "parameter-entity": f'<!DOCTYPE {root} [<!ENTITY % ext SYSTEM "{dtd.as_uri()}"> %ext;]>',
        "external-dtd": f'<!DOCTYPE {root} SYSTEM "{dtd.as_uri()}">',
    }[how]
    path = tmp_path / name
    path.write_bytes(_with_doctype(name, doctype, entity_in_comment="&xxe;", padding=padding))
    proc = _run_subprocess(["parse", str(path), "--jsonl", "--format", fixture_format(name)], tmp_path)
    assert "TOP-SECRET" not in proc.stdout + proc.stderr
    _one_line_error(proc, path)


@pytest.mark.parametrize("name", XML_FIXTURES)
def test_xml_undefined_entity_names_the_line(name, tmp_path):
    path = tmp_path / name
    path.write_bytes(_with_doctype(name, "", entity_in_comment="&nosuchthing;"))
    code, threads, line = parse_cli(path)
    assert code == 1 and re.search(r"line \d+", line) and "entity" in line, line


# --- empty, blank and degenerate documents ------------------------------------------------------------

DEGENERATE = {
    "empty": b"",
    "whitespace": b" \n\t\r\n   \n",
    "bom-only": b"\xef\xbb\xbf",
    "json-null": b"null\n",
    "json-empty-list": b"[]\n",
    "json-empty-object": b"{}\n",
    "json-string": b'"comments"\n',
    "json-number": b"42\n",
}


@pytest.mark.parametrize("content", DEGENERATE)
@pytest.mark.parametrize("name", FIXTURES)
def test_degenerate_document(name, content, tmp_path):
    """Nothing in, nothing lost: exit 0 with no comment (an empty page) or exit 1 naming the file.

    Written as a single output (not --jsonl), where "no thread at all" must be an
    error naming the input, not a bare exit code.
    """
    path = copy_fixture(name, tmp_path)
    data_file(path).write_bytes(DEGENERATE[content])
    result = runner.invoke(app, ["parse", str(path), *field_args(name)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        pytest.fail("".join(traceback.format_exception(result.exception)))
    assert result.exit_code in (0, 1), result.stderr
    if result.exit_code == 0:
        thread = canonical.loads(result.stdout)
        assert thread.comments == ()
    else:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and path.name in lines[0], result.stderr


# --- huge single lines -------------------------------------------------------------------------------------

#: A comment far longer than any real one (the csv module's default field limit is 128 KiB).
HUGE = 3_000_000


def _huge_words(n: int) -> str:
    words = ("tax", "bus", "lane", "rent", "cap", "vote", "fee", "ban")
    out = " ".join(words[i % len(words)] for i in range(n // 4 + 1))
    return out[:n]


def _huge_case(name: str, path: Path) -> str:
    """Write a variant of `name` with one enormous comment on one line; returns the comment's text."""
    text = _huge_words(HUGE)
    if name in JSON_EDITS:
        find, _ = JSON_EDITS[name]
        data = json.loads((THREADS / name).read_text(encoding="utf-8"))
        rec = find(data)
        key = {"reddit": "body", "youtube": "text", "json": "body"}.get(fixture_format(name), "text")
        rec[key] = text
        path.write_text(json.dumps(data), encoding="utf-8")  # the whole document on one line
    elif name in LINE_EDITS:
        pick, _ = LINE_EDITS[name]
        target = data_file(path)
        lines = target.read_text(encoding="utf-8").splitlines()
        i = next(k for k, line in enumerate(lines) if line.strip() and pick(json.loads(line)))
        obj = json.loads(lines[i])
        obj["body" if "body" in obj else "text"] = text
        lines[i] = json.dumps(obj)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif name.endswith(".csv"):
        rows = list(csv.reader(io.StringIO((THREADS / name).read_text(encoding="utf-8"), newline="")))
        rows[1][rows[0].index("text")] = text
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")
    elif fixture_format(name) in ("wxr", "disqus"):
        src = (THREADS / name).read_text(encoding="utf-8")
        tag = "<wp:comment_content><![CDATA[" if name.startswith("wxr") else "<message><![CDATA["
        i = src.index(tag) + len(tag)
        j = src.index("]]>", i)
        path.write_text(src[:i] + text + src[j:], encoding="utf-8")
    else:  # a scraped page whose longest line (a paragraph of the article or of a comment) is enormous
        lines = (THREADS / name).read_text(encoding="utf-8").split("\n")
        i = max(range(len(lines)), key=lambda k: len(lines[k]))
        indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        lines[i] = indent + ("<p>" + text + "</p>" if name.endswith(".html") else text)
        path.write_text("\n".join(lines), encoding="utf-8")
    return text


HUGE_LINE_FIXTURES = [n for n in FIXTURES if fixture_format(n) != "scraped" and n != "convokit_talk_legacy"] + [
    "scraped_says.txt", "scraped_numbered.txt", "scraped_voting.html"]


@pytest.mark.parametrize("name", HUGE_LINE_FIXTURES)
def test_huge_single_line(name, tmp_path):
    path = copy_fixture(name, tmp_path)
    text = _huge_case(name, path)
    out = tmp_path / "out.jsonl"
    proc = _run_subprocess(["parse", str(path), "--jsonl", "-o", str(out), *field_args(name)], tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    threads = [canonical.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    fmt = fixture_format(name)
    assert {t.source_format for t in threads} == {fmt}, "detection changed with one enormous line"
    if fmt != "scraped":
        assert accounted(threads) == hand_count(fmt, path, field_map(name))
    longest = max([len(c.text) for t in threads for c in t.comments] + [len(t.article.text) for t in threads])
    assert longest >= len(text) * 0.99, "the long text was cut"


# --- 3. a forced format that does not fit -------------------------------------------------------------------

#: What an error about a forced format must mention so the user sees which format was expected.
FORMAT_WORDS = {
    "canonical": ("canonical",), "convokit": ("ConvoKit",), "reddit": ("Reddit",), "pushshift": ("Reddit",),
    "hackernews": ("Hacker News",), "youtube": ("yt-dlp", "YouTube"), "wxr": ("WXR", "WordPress"),
    "disqus": ("Disqus",), "json": ("JSON", "field"), "jsonl": ("JSON", "field"), "csv": ("CSV", "field"),
    "scraped": ("page", "scraped"),
}
GENERIC = ("json", "jsonl", "csv")


def _forced_cases():
    for name in FIXTURES:
        for fmt in FORMATS:
            if fmt != fixture_format(name):
                yield name, fmt


@pytest.mark.parametrize("name, forced", list(_forced_cases()))
def test_forced_format_that_does_not_fit(name, forced, tmp_path):
    path = copy_fixture(name, tmp_path)
    code, threads, line = parse_cli(path, "--format", forced)
    own = fixture_format(name)
    if code == 1:
        assert any(w.lower() in line.lower() for w in FORMAT_WORDS[forced] + (forced,)), \
            f"--format {forced}: the error does not say what was expected: {line}"
        return
    # Only the generic readers may take someone else's records, and then all of them.
    assert forced in GENERIC, f"--format {forced} on a {own} file gave exit 0"
    assert accounted(threads) == hand_count(own, path, field_map(name)), \
        f"--format {forced} on a {own} file: {accounted(threads)} comments, the file has more"


# --- 4. a directory of inputs ---------------------------------------------------------------------------------


def test_directory_writes_one_file_per_thread_and_loses_no_comment(tmp_path):
    inputs = tmp_path / "threads"
    inputs.mkdir()
    for name in FIXTURES:
        if name not in FIELD_OPTIONS:  # those need their own --*-field options
            copy_fixture(name, inputs)
    expected_threads = {}
    expected_comments = 0
    for name in FIXTURES:
        if name in FIELD_OPTIONS:
            continue
        threads = list(read_threads(inputs / name))
        expected_threads[name] = len(threads)
        expected_comments += hand_count(fixture_format(name), inputs / name)
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(inputs), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    written = sorted(out.glob("*.json"))
    assert len(written) == sum(expected_threads.values())
    threads = [canonical.loads(p.read_text(encoding="utf-8")) for p in written]
    assert accounted(threads) == expected_comments
    # every input is in the output, under its own source path
    sources = {Path(t.source_path).name for t in threads}
    assert sources == set(expected_threads)


def test_directory_with_a_bad_file_names_that_file(tmp_path):
    inputs = tmp_path / "threads"
    inputs.mkdir()
    copy_fixture("scraped_says.txt", inputs)
    bad = inputs / "reddit_broken.json"
    bad.write_text((THREADS / "reddit_parking_minimums.json").read_text(encoding="utf-8")[:5000], encoding="utf-8")
    result = runner.invoke(app, ["parse", str(inputs), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "reddit_broken.json" in lines[0] and "line" in lines[0], result.stderr


# --- compressed inputs ------------------------------------------------------------------------------------

COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "gz": lambda d: gzip.compress(d, mtime=0),
    # the zstd command line writes a content checksum by default; so do we
    "zst": lambda d: zstandard.ZstdCompressor(write_checksum=True).compress(d),
}


@pytest.mark.parametrize("comp", COMPRESSORS)
@pytest.mark.parametrize("name", FILE_FIXTURES)
def test_compressed_example_reads_like_the_plain_one(name, comp, tmp_path):
    path = tmp_path / f"{name}.{comp}"
    path.write_bytes(COMPRESSORS[comp]((THREADS / name).read_bytes()))
    expected = hand_count(fixture_format(name), THREADS / name, field_map(name))
    assert detect_format(path) == fixture_format(name)
    code, threads, line = parse_library(path, field_map(name))
    assert code == 0, line
    if expected is not None:
        assert accounted(threads) == expected
    code, out, line = parse_cli(path, *field_args(name))
    assert code == 0, line
    assert accounted(out) == accounted(threads)


def _flip_middle(data: bytes) -> bytes:
    i = len(data) // 2
    return data[:i] + bytes([data[i] ^ 0x55]) + data[i + 1:]


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda c: c[: len(c) // 2],
    "last-bytes-missing": lambda c: c[:-6],
    "byte-flipped": _flip_middle,
}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("comp", COMPRESSORS)
@pytest.mark.parametrize("name", FILE_FIXTURES)
def test_damaged_compressed_example_is_an_error(name, comp, damage, tmp_path):
    """A cut or corrupted download must not read as a shorter thread."""
    path = tmp_path / f"{name}.{comp}"
    path.write_bytes(DAMAGE[damage](COMPRESSORS[comp]((THREADS / name).read_bytes())))
    code, _, line = parse_cli(path, *field_args(name))
    assert code == 1, f"a {damage} .{comp} file parsed with exit 0"
    assert parse_library(path, field_map(name))[0] == 1


@pytest.mark.parametrize("comp", COMPRESSORS)
def test_plain_file_named_as_compressed_is_an_error(comp, tmp_path):
    path = tmp_path / f"reddit_thread.json.{comp}"
    shutil.copyfile(THREADS / "reddit_parking_minimums.json", path)
    code, _, line = parse_cli(path)
    assert code == 1 and re.search("compress|gzip|zst|frame", line, re.I), line


# --- CSV and JSON Lines details ---------------------------------------------------------------------------

CSV_HEADER = "id,parent,author,text,time\n"
#: CSV bodies after the header -> comments a clean parse must account for (None = must be an error).
CSV_CASES = {
    "unclosed-quote": ('c1,,Ann,"Buses first\nc2,c1,Bob,Trains first,\nc3,,Cy,Neither,\n', None),
    "quoted-newlines": ('c1,,Ann,"Two\nparagraphs",\nc2,c1,Bob,"He said ""no"".",\n', 2),
    "more-fields-than-header": ("c1,,Ann,Yes,,surplus\n", None),
    "fewer-fields-than-header": ("c1,,Ann,Short row\nc2,c1,Bob,Another\n", 2),
    "blank-lines-between": ("c1,,Ann,Yes,\n\n\nc2,c1,Bob,No,\n", 2),
    "nul-byte": ("c1,,Ann,Ye\x00s,\n", 1),  # Python >= 3.11 reads NUL as a character
    "crlf-line-ends": ("c1,,Ann,Yes,\r\nc2,c1,Bob,No,\r\n", 2),
    "semicolon-delimited": (None, 2),  # a whole file, see below
    "empty-id": (",,Ann,Yes,\n", None),
    "bad-time": ("c1,,Ann,Yes,last tuesday-ish\n", None),
}


@pytest.mark.parametrize("case", CSV_CASES)
def test_csv_details(case, tmp_path):
    body, expected = CSV_CASES[case]
    path = tmp_path / "comments.csv"
    if case == "semicolon-delimited":
        path.write_text("id;parent;author;text;time\nc1;;Ann;Yes, buses;\nc2;c1;Bob;No;\n", encoding="utf-8")
    else:
        path.write_text(CSV_HEADER + body, encoding="utf-8", newline="")
    lib = parse_library(path)
    code, threads, line = parse_cli(path)
    assert lib[0] == code
    if expected is None:
        assert code == 1 and re.search(r"line \d+", line), line
    else:
        assert code == 0, line
        assert accounted(threads) == expected


#: JSON Lines bodies -> comments a clean parse must account for (None = must be an error).
JSONL_CASES = {
    "array-line": ('{"id": "1", "text": "a"}\n[1, 2]\n', None),
    "two-objects-one-line": ('{"id": "1", "text": "a"} {"id": "2", "text": "b"}\n', None),
    "trailing-comma": ('{"id": "1", "text": "a"},\n', None),
    "blank-and-crlf-lines": ('{"id": "1", "text": "a"}\r\n\r\n\n{"id": "2", "text": "b", "parent": "1"}\r\n', 2),
    "no-final-newline": ('{"id": "1", "text": "a"}\n{"id": "2", "text": "b"}', 2),
    "pretty-printed": ('{\n "id": "1",\n "text": "a"\n}\n', None),
    "nan-literal": ('{"id": "1", "text": "a", "score": NaN}\n', 1),
    "duplicate-id": ('{"id": "1", "text": "a"}\n{"id": "1", "text": "again"}\n', 2),
    "self-parent": ('{"id": "1", "text": "a", "parent": "1"}\n', 1),
    "cycle": ('{"id": "1", "text": "a", "parent": "2"}\n{"id": "2", "text": "b", "parent": "1"}\n', 2),
}


@pytest.mark.parametrize("case", JSONL_CASES)
def test_jsonl_details(case, tmp_path):
    body, expected = JSONL_CASES[case]
    path = tmp_path / "comments.jsonl"
    path.write_bytes(body.encode())
    lib = parse_library(path)
    code, threads, line = parse_cli(path)
    assert lib[0] == code
    if expected is None:
        assert code == 1 and re.search(r"line \d+", line), line
    else:
        assert code == 0, line
        assert accounted(threads) == expected


# --- random damage (hypothesis) -------------------------------------------------------------------------------

#: Small examples of every file format, so each random case stays fast.
FUZZ_FIXTURES = [n for n in FILE_FIXTURES if (THREADS / n).stat().st_size < 20_000]


@st.composite
def damaged(draw):
    name = draw(st.sampled_from(FUZZ_FIXTURES))
    data = bytearray((THREADS / name).read_bytes())
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        span = draw(st.integers(1, 40))
        if op == "delete":
            del data[at:at + span]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=span))
        elif op == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        else:
            data[at:at] = data[at:at + span]
    return name, bytes(data)


@settings(max_examples=500, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=damaged())
def test_random_damage_never_crashes_or_loses_comments(case, tmp_path_factory):
    name, data = case
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    fmt = fixture_format(name)
    try:
        expected = hand_count(fmt, path, field_map(name))
    except Unreadable:
        expected = "unreadable"
    code, threads, _ = parse_library(path, field_map(name))
    if expected == "unreadable":
        assert code == 1, f"{name}: malformed input read without an error"
    elif code == 0 and expected is not None and fixture_format(name) == detect_format(path):
        assert accounted(threads) == expected, f"{name}: {accounted(threads)} comments out, {expected} in"


@pytest.mark.parametrize("comp", COMPRESSORS)
def test_damaged_compressed_stdin_is_an_error(comp):
    data = DAMAGE["truncated"](COMPRESSORS[comp]((THREADS / "reddit_parking_minimums.json").read_bytes()))
    result = runner.invoke(app, ["parse", "-", "--jsonl"], input=data)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "<stdin>" in lines[0], result.stderr


# --- timestamps no calendar holds -----------------------------------------------------------------------------

#: The time field of each JSON example's victim record.
TIME_FIELDS = {
    "reddit_parking_minimums.json": "created_utc", "hn_algolia_four_day_week.json": "created_at_i",
    "hn_firebase_code_review.json": "time", "youtube_car_free_downtown.info.json": "timestamp",
    "generic_forum_export.json": "posted", "pushshift_askeconomics.ndjson": "created_utc",
    "generic_school_week.jsonl": "time", "convokit_rent_control": "timestamp",
}
BAD_TIMES = {"huge": 1e300, "minus-huge": -1e300, "nan": float("nan"), "infinity": float("inf"),
             "year-0": "0000-01-01T00:00:00Z", "words": "the day after the vote", "year-1-east": "0001-01-01T00:00:00+05:00"}


@pytest.mark.parametrize("value", BAD_TIMES)
@pytest.mark.parametrize("name", TIME_FIELDS)
def test_impossible_timestamp(name, value, tmp_path):
    path = copy_fixture(name, tmp_path)
    key = TIME_FIELDS[name]
    if name in JSON_EDITS:
        JSON_EDITS[name][1]["time"] = _set(key, BAD_TIMES[value])
        try:
            _apply_edit(name, "time", path)
        finally:
            del JSON_EDITS[name][1]["time"]
    else:
        LINE_EDITS[name][1]["time"] = _set(key, BAD_TIMES[value])
        try:
            _apply_edit(name, "time", path)
        finally:
            del LINE_EDITS[name][1]["time"]
    code, line = check_outcome(fixture_format(name), path, name, what=f"{name} {key}={value}")
    if code == 0:  # kept, then not as a made-up date
        threads = parse_library(path, field_map(name))[1]
        assert all(c.timestamp is None or c.timestamp[:4] not in ("0000", "0001") for t in threads for c in t.comments)


# --- ConvoKit side files ----------------------------------------------------------------------------------------

SIDE_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda d: d[: len(d) // 2],
    "invalid-utf8": lambda d: d.replace(b'"', b'"\xff\xfe', 1),
    "empty": lambda d: b"",
    "json-list": lambda d: b"[]",
    "json-null": lambda d: b"null",
    "values-are-numbers": lambda d: json.dumps({k: 5 for k in json.loads(d)}).encode(),
}
CONVOKIT_SIDE_FILES = [(n, f.name) for n in FIXTURES if fixture_format(n) == "convokit"
                       for f in sorted((THREADS / n).iterdir()) if f.suffix == ".json"]


@pytest.mark.parametrize("damage", SIDE_DAMAGE)
@pytest.mark.parametrize("name, side", CONVOKIT_SIDE_FILES)
def test_convokit_side_file_damaged(name, side, damage, tmp_path):
    path = copy_fixture(name, tmp_path)
    f = path / side
    f.write_bytes(SIDE_DAMAGE[damage](f.read_bytes()))
    code, line = check_outcome("convokit", path, name, what=f"{name}/{side} {damage}")
    if code == 1:
        assert side in line or "utterances" in line, line


# --- nesting and encodings --------------------------------------------------------------------------------------

JSON_NAMED = [n for n in FILE_FIXTURES if n.endswith((".json", ".jsonl", ".ndjson"))]


@pytest.mark.parametrize("opener", ["[", '{"children": ['])
@pytest.mark.parametrize("name", JSON_NAMED)
def test_json_nested_beyond_the_recursion_limit(name, opener, tmp_path):
    path = tmp_path / name
    path.write_text(opener * (sys.getrecursionlimit() * 20), encoding="utf-8")
    code, _, line = parse_cli(path, *field_args(name))
    assert code == 1
    assert parse_library(path, field_map(name))[0] == 1


def test_a_reply_chain_thousands_deep_is_read_whole(tmp_path):
    """Deep but legitimate: every comment answers the one before (no recursion limit applies)."""
    depth = sys.getrecursionlimit() * 3
    path = tmp_path / "chain.jsonl"
    path.write_text("".join(json.dumps({"id": f"c{i}", "parent": f"c{i - 1}" if i else None, "text": f"reply {i}"}) + "\n"
                            for i in range(depth)), encoding="utf-8")
    code, threads, line = parse_cli(path)
    assert code == 0, line
    (thread,) = threads
    assert len(thread.comments) == depth and thread.stats.orphaned == 0
    assert thread.comments[-1].parent == f"c{depth - 2}"


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-16-le-bom": lambda s: s.encode("utf-16-le").join([b"\xff\xfe", b""]),
    "utf-16-be-bom": lambda s: s.encode("utf-16-be").join([b"\xfe\xff", b""]),
    "utf-32-bom": lambda s: s.encode("utf-32"),
    "utf-16-be-no-bom": lambda s: s.encode("utf-16-be"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("name", FILE_FIXTURES)
def test_file_in_another_unicode_encoding(name, encoding, tmp_path):
    """Windows tools save UTF-16: read correctly or refused clearly, never read as garbage comments."""
    path = tmp_path / name
    path.write_bytes(ENCODINGS[encoding]((THREADS / name).read_text(encoding="utf-8")))
    code, threads, line = parse_cli(path, *field_args(name))
    if fixture_format(name) not in ("wxr", "disqus", "pushshift") and "no-bom" not in encoding:
        # the text readers honour a byte-order mark
        assert code == 0, line
    if code == 0:
        expected = hand_count(fixture_format(name), THREADS / name, field_map(name))
        assert expected is None or accounted(threads) == expected
        assert not any("\x00" in c.text for t in threads for c in t.comments), "UTF-16 read as UTF-8"
    else:
        assert "\x00" not in line, "the error message carries NUL bytes"


# --- every reading command shares the same error boundary ------------------------------------------------------

#: Commands that read threads, with the arguments each needs besides its input (their outputs go to tmp).
READING_COMMANDS = {
    "parse": [], "structure": [], "tag": [], "report": ["-o", "{out}"], "compare": ["-o", "{out}/c.md"],
    "export": ["--format", "jsonl", "-o", "{out}/e.jsonl"], "worksheet": ["-o", "{out}"],
}


@pytest.mark.parametrize("command", READING_COMMANDS)
@pytest.mark.parametrize("damage", ["truncated", "binary", "forced-wrong-format"])
def test_every_reading_command_reports_bad_input_in_one_line(command, damage, tmp_path):
    path = tmp_path / "reddit_thread.json"
    data = (THREADS / "reddit_parking_minimums.json").read_bytes()
    extra: list[str] = []
    if damage == "truncated":
        data = data[: len(data) // 3]
    elif damage == "binary":
        data = data[:200] + b"\x00\xff" * 50 + data[200:]
    else:
        extra = ["--from" if command == "export" else "--format", "wxr"]
    path.write_bytes(data)
    args = [a.replace("{out}", str(tmp_path / "out")) for a in READING_COMMANDS[command]]
    result = runner.invoke(app, [command, str(path), *args, *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and path.name in lines[0] and "Traceback" not in result.output, result.stderr


def test_the_examples_directory_as_is_names_the_file_needing_field_options(tmp_path):
    """threads/ holds one generic export whose fields need --*-field options: the run says which and how."""
    result = runner.invoke(app, ["parse", str(THREADS), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "generic_forum_export.json" in line and "--id-field" in line, line


def test_threads_in_a_subdirectory_are_not_skipped_silently(tmp_path):
    inputs = tmp_path / "threads"
    (inputs / "2024").mkdir(parents=True)
    copy_fixture("scraped_says.txt", inputs)
    copy_fixture("hn_firebase_code_review.json", inputs / "2024")
    result = runner.invoke(app, ["parse", str(inputs), "-o", str(tmp_path / "out")])
    written = list((tmp_path / "out").glob("*.json"))
    assert result.exit_code == 0 and len(written) == 2, (result.exit_code, [p.name for p in written])


# --- value corruptions inside the XML exports -------------------------------------------------------------------

#: (example, what) -> (regex, replacement) applied once: values a broken exporter or a hand edit leaves.
XML_VALUE_EDITS = {
    ("wxr_transit_blog.xml", "parent-not-a-number"): (r"<wp:comment_parent>[1-9]\d*</wp:comment_parent>",
                                                      "<wp:comment_parent>abc</wp:comment_parent>"),
    ("wxr_transit_blog.xml", "parent-missing-comment"): (r"<wp:comment_parent>[1-9]\d*</wp:comment_parent>",
                                                         "<wp:comment_parent>99999</wp:comment_parent>"),
    ("wxr_transit_blog.xml", "date-garbage"): (r"<wp:comment_date_gmt>.*?</wp:comment_date_gmt>",
                                               "<wp:comment_date_gmt>yesterday-ish</wp:comment_date_gmt>"),
    ("wxr_transit_blog.xml", "id-repeated"): (r"(<wp:comment_id>)(\d+)(</wp:comment_id>)(.*?<wp:comment_id>)\d+",
                                              r"\1\2\3\4\2"),
    ("wxr_transit_blog.xml", "approved-unknown"): (r"<wp:comment_approved>.*?</wp:comment_approved>",
                                                   "<wp:comment_approved>maybe</wp:comment_approved>"),
    ("wxr_transit_blog.xml", "cdata-unclosed"): (r"(<wp:comment_content><!\[CDATA\[.*?)\]\]>", r"\1"),
    ("disqus_harbor_news.xml", "created-garbage"): (r"<createdAt>[^<]*</createdAt>(?=\s*<isDeleted>false</isDeleted>\s*<isSpam>)",
                                                    "<createdAt>soon</createdAt>"),
    ("disqus_harbor_news.xml", "parent-missing-post"): (r'<parent dsq:id="\d+"', '<parent dsq:id="1"'),
    ("disqus_harbor_news.xml", "thread-undeclared"): (r'(<post dsq:id="\d+">.*?)<thread dsq:id="\d+"',
                                                      r'\1<thread dsq:id="424242"'),
    ("disqus_harbor_news.xml", "deleted-unknown"): (r"(<post .*?)<isDeleted>false</isDeleted>", r"\1<isDeleted>perhaps</isDeleted>"),
    ("disqus_harbor_news.xml", "post-self-parent"): (r'<post dsq:id="(\d+)">(.*?)</post>',
                                                     r'<post dsq:id="\1">\2<parent dsq:id="\1" /></post>'),
}


@pytest.mark.parametrize("name, edit", list(XML_VALUE_EDITS))
def test_xml_value_corrupted(name, edit, tmp_path):
    path = copy_fixture(name, tmp_path)
    pattern, replacement = XML_VALUE_EDITS[(name, edit)]
    text = path.read_text(encoding="utf-8")
    new = re.sub(pattern, replacement, text, count=1, flags=re.S)
    assert new != text, f"the example no longer has {pattern}"
    path.write_text(new, encoding="utf-8")
    check_outcome(fixture_format(name), path, name, what=f"{name} {edit}")


# --- canonical JSON written by `debate parse`, then damaged ----------------------------------------------------


@pytest.fixture(scope="module")
def canonical_doc(tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("canonical") / "says.json"
    result = runner.invoke(app, ["parse", str(THREADS / "scraped_says.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


CANONICAL_EDITS: dict[str, Callable[[dict], None]] = {
    "parent-unknown": lambda d: d["comments"][1].update(parent="nobody"),
    "author-a-number": lambda d: d["comments"][0].update(author=42),
    "flag-unknown": lambda d: d["comments"][0].update(flags=["haunted"]),
    "comments-an-object": lambda d: d.update(comments={"a": 1}),
    "comment-id-missing": lambda d: d["comments"][0].pop("id"),
    "duplicate-comment": lambda d: d["comments"].append(dict(d["comments"][0])),
    "schema-future": lambda d: d.update(schema="debate.thread/99"),
    "unknown-field": lambda d: d.update(colour="blue"),
}


@pytest.mark.parametrize("damage", list(CORRUPTIONS) + list(CANONICAL_EDITS))
def test_canonical_input_damaged(canonical_doc, damage, tmp_path):
    path = tmp_path / "says.json"
    if damage in CORRUPTIONS:
        path.write_bytes(CORRUPTIONS[damage](canonical_doc))
    else:
        doc = json.loads(canonical_doc)
        CANONICAL_EDITS[damage](doc)
        path.write_text(json.dumps(doc), encoding="utf-8")
    try:
        data = json.loads(path.read_bytes().decode("utf-8", "replace"))
        expected = len(data["comments"]) if isinstance(data.get("comments"), list) else None
    except (json.JSONDecodeError, AttributeError):
        expected = "unreadable"
    code, threads, line = parse_cli(path)
    assert parse_library(path)[0] == code
    if damage in CANONICAL_EDITS or expected == "unreadable":
        assert code == 1, f"{damage}: damaged canonical JSON was accepted"
    elif code == 0:
        assert accounted(threads) == expected


@pytest.mark.parametrize("name", XML_FIXTURES)
def test_xml_entity_declared_past_the_first_block_is_refused_too(name, tmp_path):
    """Exports never declare entities, wherever the DOCTYPE sits (older expat has no amplification limit)."""
    root = "rss" if name.startswith("wxr") else "disqus"
    path = tmp_path / name
    path.write_bytes(_with_doctype(name, f'<!DOCTYPE {root} [<!ENTITY site "Injected words">]>',
                                   entity_in_comment="&site;", padding=200_000))
    code, threads, line = parse_cli(path, "--format", fixture_format(name))
    assert code == 1 and "declares XML entities" in line, line


@pytest.mark.parametrize("encoding", ["bogus", "tf-8", "utf-7", "latin-1"])
@pytest.mark.parametrize("name", XML_FIXTURES)
def test_xml_declaring_another_encoding(name, encoding, tmp_path):
    """An unknown encoding is a one-line error; a known one (Latin-1 for these ASCII-safe files) reads."""
    path = tmp_path / name
    text = (THREADS / name).read_text(encoding="utf-8")
    path.write_text(re.sub(r'encoding="[^"]*"', f'encoding="{encoding}"', text, count=1), encoding="utf-8")
    check_outcome(fixture_format(name), path, name, what=f"{name} declared {encoding}")


# --- random type confusion inside the JSON examples (hypothesis) ---------------------------------------------------

JSON_DOC_FIXTURES = [n for n in FILE_FIXTURES if n.endswith(".json")]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**63) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6)


def _paths(node, prefix=()):
    """Every place in a JSON document: (path of keys/indexes)."""
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


@st.composite
def confused(draw):
    name = draw(st.sampled_from(JSON_DOC_FIXTURES))
    doc = json.loads((THREADS / name).read_text(encoding="utf-8"))
    places = [p for p in _paths(doc) if p]
    place = draw(st.sampled_from(places))
    node = doc
    for key in place[:-1]:
        node = node[key]
    if draw(st.booleans()) and isinstance(node, dict):
        del node[place[-1]]
    else:
        node[place[-1]] = draw(JSON_VALUES)
    return name, json.dumps(doc)


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=confused())
def test_random_type_confusion_never_crashes(case, tmp_path_factory):
    name, text = case
    path = tmp_path_factory.mktemp("confused") / name
    path.write_text(text, encoding="utf-8")
    code, threads, _ = parse_library(path, field_map(name))
    if code == 0 and {t.source_format for t in threads} == {fixture_format(name)}:
        try:
            expected = hand_count(fixture_format(name), path, field_map(name))
        except Exception:  # the hand count's own assumptions broke: only the crash check applies
            expected = None
        if expected is not None:
            assert accounted(threads) == expected, f"{name}: {accounted(threads)} comments out, {expected} in"


# --- pages rearranged with the pieces real pages are made of (hypothesis) ------------------------------------------

PAGE_PIECES = ["\n", "\n\n", "Reply", "3 Comments", "1.", "1.1.", "  2. ", "says:", "May 14, 2023 at 9:12 am",
               "Leave a Reply", "Anonymous", "@Dana", "\t", "    ", "No Comments", "<li>", "</ol>", "<p>", "&amp;",
               "By ", "Posted on ", "[1]", "Notes", "0.", "99999999999999999999.", "\u2028", "\r", "\ufeff", "> ",
               "Comments are closed.", "Reply to this comment", "Log in to Reply", "Pingback: "]
PAGE_FIXTURES = [n for n in FILE_FIXTURES if fixture_format(n) == "scraped"]


@st.composite
def rearranged_page(draw):
    name = draw(st.sampled_from(PAGE_FIXTURES))
    text = (THREADS / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["piece", "cut", "repeat"]))
        if op == "piece":
            text = text[:i] + draw(st.sampled_from(PAGE_PIECES)) + text[i:]
        elif op == "cut":
            text = text[:i] + text[i + draw(st.integers(1, 80)):]
        else:
            j = draw(st.integers(0, len(text)))
            text = text[:i] + text[min(i, j):max(i, j)] + text[i:]
    return name, text


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(case=rearranged_page())
def test_rearranged_pages_always_parse(case, tmp_path_factory):
    """A text page is never malformed: whatever the arrangement, it reads (structure inferred) without error."""
    name, text = case
    path = tmp_path_factory.mktemp("page") / name
    path.write_text(text, encoding="utf-8")
    code, threads, line = parse_library(path)
    assert code == 0, line
    (thread,) = threads
    assert all(c.text or "empty" in c.flags for c in thread.comments)
