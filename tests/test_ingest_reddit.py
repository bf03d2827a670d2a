"""Reddit thread JSON: exact parents, `more` stubs, deleted/removed markers, Markdown, errors."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate import canonical
from debate.cli.app import app
from debate.errors import InputError
from debate.ingest import ReadOptions, detect_format, read_head, read_thread, reddit

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "threads" / "reddit_parking_minimums.json"
OPTS = ReadOptions(format="reddit")


@pytest.fixture(scope="module")
def thread():
    return read_thread(FIXTURE)


def test_detected_by_content():
    assert detect_format(FIXTURE) == "reddit"
    assert reddit.sniff(FIXTURE, read_head(FIXTURE))
    for other in ("pushshift_askeconomics.ndjson", "hn_algolia_four_day_week.json",
                  "youtube_car_free_downtown.info.json"):
        p = ROOT / "threads" / other
        assert not reddit.sniff(p, read_head(p)), other


def test_parent_links_are_the_sources_without_prefixes(thread):
    assert {c.id: c.parent for c in thread.comments} == {
        "kt3ab1c": None, "kt3b7dd": "kt3ab1c", "kt3cq0e": "kt3b7dd", "kt3dz9f": "kt3cq0e",
        "kt3e0aa": "kt3b7dd", "kt3e5bb": "kt3e0aa", "kt3g4hh": "kt3ab1c",
        "kt3h8jj": None, "kt3i2kk": "kt3h8jj", "kt3j6ll": None, "kt3k1mm": None,
    }
    # Display order is the JSON's depth-first order.
    assert [c.id for c in thread.comments][:4] == ["kt3ab1c", "kt3b7dd", "kt3cq0e", "kt3dz9f"]
    assert thread.id == "reddit-1b7kq2x" and thread.source_format == "reddit"


def test_stats_and_more_stubs(thread):
    s = thread.stats
    assert (s.loaded, s.deleted, s.spam, s.not_loaded, s.orphaned, s.repaired) == (11, 2, 0, 11, 0, 0)
    hidden = [a for a in thread.set_aside if a.kind == "not_loaded"]
    assert len(hidden) == 1
    assert hidden[0].text.split() == ["kt3fa2b", "kt3fb7c", "kt3fc1d", "kt3l5nn", "kt3l9pp", "kt3m2qq",
                                      "kt3m8rr", "kt3n3ss"]


def test_deleted_removed_and_deleted_accounts(thread):
    deleted, removed, gone_author = thread.comment("kt3e0aa"), thread.comment("kt3g4hh"), thread.comment("kt3k1mm")
    assert deleted.text == "[deleted]" and deleted.author is None
    assert set(deleted.flags) == {"deleted", "author_deleted"}
    assert removed.text == "[removed]" and set(removed.flags) == {"removed", "author_deleted"}
    # The account is gone but the comment is not: its text stays and it is not counted as deleted.
    assert gone_author.author is None and gone_author.flags == ("author_deleted",)
    assert gone_author.text.startswith("I owned a car for 20 years")
    # A reply under a deleted comment keeps its parent.
    assert thread.comment("kt3e5bb").parent == "kt3e0aa"


def test_timestamps_and_edits(thread):
    first = thread.comment("kt3ab1c")
    assert first.timestamp == "2024-03-07T10:02:00Z"
    assert "edited" in first.flags and first.extra["edited_at"] == "2024-03-07T11:00:00Z"
    assert "edited" not in thread.comment("kt3b7dd").flags
    assert thread.article.date == "2024-03-07T10:00:00Z"


def test_markdown_to_text_keeps_the_original(thread):
    reply = thread.comment("kt3b7dd")
    assert reply.text.startswith("That cost ends up in the rent.")
    assert "requires lower rents" in reply.text and "**" not in reply.text and "&gt;" not in reply.text
    assert reply.original.startswith("&gt; That cost ends up in the rent.")
    linked = thread.comment("kt3ab1c")
    assert "The council staff report says" in linked.text and "https://" not in linked.text
    assert "](https://example.org/council/2024-03-staff-report.pdf)" in linked.original
    assert thread.comment("kt3dz9f").text.count("*") == 0


def test_article_and_extra_fields(thread):
    a = thread.article
    assert a.title == "City council scraps parking minimums downtown; will it lower rents?"
    assert a.author == "civic_ledger"
    assert a.url == "https://example-citynews.org/2024/03/07/council-parking-minimums"
    mod = thread.comment("kt3j6ll")
    assert mod.extra["distinguished"] == "moderator" and mod.extra["stickied"] is True
    assert thread.comment("kt3ab1c").extra["score"] == 412


def test_round_trips_through_canonical_json(thread):
    assert canonical.loads(canonical.dumps(thread)) == thread


def test_reddit_markdown_details():
    assert reddit.reddit_markdown("AT&amp;T said &gt;!it was fine!&lt; ^(not really)") == "AT&T said it was fine not really"
    assert reddit.reddit_markdown(r"a \*literal\* star and snake\_case") == "a *literal* star and snake_case"
    assert reddit.reddit_markdown("x&#x200B;y") == "xy"
    assert reddit.reddit_markdown("para one\n\n&amp;#x200B;\n\npara two") == "para one\n\npara two"


def _doc():
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_continue_this_thread_stub_and_empty_replies(tmp_path):
    doc = _doc()
    doc[1]["data"]["children"].append({"kind": "more", "data": {
        "count": 0, "name": "t1__", "id": "_", "parent_id": "t1_kt3h8jj", "depth": 10, "children": []}})
    p = tmp_path / "t.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    t = read_thread(p, OPTS)
    assert t.stats.not_loaded == 11
    assert [a.text for a in t.set_aside if a.kind == "not_loaded_unknown"] == ["kt3h8jj"]


def test_orphan_parent_is_repaired_visibly(tmp_path):
    doc = _doc()
    c = copy.deepcopy(doc[1]["data"]["children"][1])
    c["data"].update(id="zz9", name="t1_zz9", parent_id="t1_notthere", replies="")
    doc[1]["data"]["children"].append(c)
    p = tmp_path / "t.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    t = read_thread(p, OPTS)
    orphan = t.comment("zz9")
    assert orphan.parent is None and "orphaned" in orphan.flags and orphan.extra["source_parent"] == "notthere"
    assert t.stats.orphaned == 1


@pytest.mark.parametrize("text, expected", [
    ('[{"kind": "Listing", "data": {"children": [', "invalid JSON"),
    ('{"kind": "Listing", "data": {"children": []}}', "expected a JSON array of Reddit Listings"),
    ('[{"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {}}]}}]', "kind 't3'"),
])
def test_malformed_input_is_one_line_naming_file_and_place(tmp_path, text, expected):
    p = tmp_path / "bad.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_thread(p, OPTS)
    msg = str(e.value)
    assert expected in msg and str(p) in msg and "\n" not in msg


def test_bad_comment_kind_names_its_path(tmp_path):
    doc = _doc()
    doc[1]["data"]["children"][0]["data"]["replies"]["data"]["children"][0]["kind"] = "t5"
    p = tmp_path / "t.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError, match=r"\[1\]\.data\.children\[0\]\.data\.replies\.data\.children\[0\]"):
        read_thread(p, OPTS)


def test_cli_parse_stats():
    result = CliRunner().invoke(app, ["parse", str(FIXTURE), "--stats"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["id"] == "reddit-1b7kq2x" and len(doc["comments"]) == 11
    row = next(line.split() for line in result.stderr.splitlines() if line.startswith("reddit-1b7kq2x"))
    # thread format loaded deleted spam not_loaded orphaned repaired pingbacks set_aside
    assert row[1:9] == ["reddit", "11", "2", "0", "11", "0", "0", "0"]


@pytest.mark.parametrize("body, flags", [
    ("[deleted]", ("deleted",)), ("[removed]", ("removed",)), ("[ Removed by Reddit ]", ("removed",)),
    ("[ Removed by Reddit on account of violating the content policy. ]", ("removed",)),
    ("I [removed] the quote", ()), ("", ("empty",)),
])
def test_body_markers(body, flags):
    assert reddit.body_flags(body) == flags


def test_body_html_only_export_is_converted():
    c = reddit.comment_from_fields({"id": "a", "parent_id": "t3_x", "created_utc": 1709805600,
                                    "body_html": "&lt;div class=\"md\"&gt;&lt;p&gt;Fish &amp;amp; chips&lt;/p&gt;&lt;/div&gt;"},
                                   path="p.json", where="x")
    assert c.text == "Fish & chips" and c.parent is None
