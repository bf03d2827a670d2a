"""Hacker News: Algolia nested items and Firebase item lists, deleted/dead items, kids not loaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate import canonical
from debate.cli.app import app
from debate.errors import InputError
from debate.ingest import ReadOptions, detect_format, hackernews, read_head, read_thread, read_threads

ROOT = Path(__file__).resolve().parents[1]
ALGOLIA = ROOT / "threads" / "hn_algolia_four_day_week.json"
FIREBASE = ROOT / "threads" / "hn_firebase_code_review.json"
OPTS = ReadOptions(format="hackernews")


def test_detected_by_content():
    assert detect_format(ALGOLIA) == "hackernews" and detect_format(FIREBASE) == "hackernews"
    for other in ("reddit_parking_minimums.json", "youtube_car_free_downtown.info.json",
                  "generic_forum_export.json", "pushshift_askeconomics.ndjson"):
        p = ROOT / "threads" / other
        assert not hackernews.sniff(p, read_head(p)), other


def test_algolia_parents_order_and_stats():
    t = read_thread(ALGOLIA)
    assert t.id == "hn-39371123" and t.source_format == "hackernews"
    assert [(c.id, c.parent) for c in t.comments] == [
        ("39371301", None), ("39371422", "39371301"), ("39371590", "39371422"), ("39371655", "39371590"),
        ("39371488", "39371301"), ("39371702", "39371488"), ("39371350", None)]
    s = t.stats
    assert (s.loaded, s.deleted, s.not_loaded, s.orphaned, s.repaired) == (7, 1, 0, 0, 0)


def test_algolia_deleted_child_keeps_its_place_and_replies():
    t = read_thread(ALGOLIA)
    gone = t.comment("39371488")
    assert gone.author is None and gone.text == "[deleted]" and gone.flags == ("deleted",)
    assert t.comment("39371702").parent == "39371488"


def test_algolia_html_to_text_timestamps_and_article():
    t = read_thread(ALGOLIA)
    reply = t.comment("39371422")
    assert reply.text.startswith("> of course they liked it\n\nSelection bias cuts both ways")
    assert "full report has retention figures" in reply.text and "<a" not in reply.text
    assert reply.original.startswith("<p>&gt; of course") and 'href="https:&#x2F;&#x2F;' in reply.original
    assert "Do they give the numbers for companies that ended the trial early?" in t.comment("39371590").text
    assert reply.timestamp == "2024-02-14T16:41:40Z"
    a = t.article
    assert (a.title, a.author, a.date) == ("Four-day week trial: most firms kept the schedule after a year",
                                           "nilsreader", "2024-02-14T16:20:00Z")
    assert a.url == "https://example-research.org/news/four-day-week-one-year-on"
    assert canonical.loads(canonical.dumps(t)) == t


def test_firebase_display_order_follows_kids():
    t = read_thread(FIREBASE)
    assert t.id == "hn-40102200"
    assert [(c.id, c.parent) for c in t.comments] == [
        ("40102311", None), ("40102299", None), ("40102350", "40102299"), ("40102391", "40102350"),
        ("40102377", "40102299"), ("40102420", None)]


def test_firebase_deleted_dead_and_not_loaded():
    t = read_thread(FIREBASE)
    s = t.stats
    assert (s.loaded, s.deleted, s.not_loaded, s.orphaned) == (6, 2, 1, 0)
    assert [(a.kind, a.text) for a in t.set_aside] == [("not_loaded", "40102455")]
    deleted, dead = t.comment("40102377"), t.comment("40102311")
    assert deleted.text == "[deleted]" and deleted.author is None and deleted.flags == ("deleted",)
    assert dead.flags == ("removed",) and dead.extra["dead"] is True
    assert dead.text == "Code review is theatre. Fire the bad programmers instead."
    assert t.article.text.startswith("Our team is split.")
    assert t.article.url == "https://news.ycombinator.com/item?id=40102200"
    assert t.comment("40102350").text.startswith("> median 19 hours")
    assert t.comment("40102299").timestamp == "2024-05-21T10:15:00Z"


def test_firebase_jsonl_and_object_by_id_give_the_same_thread(tmp_path):
    items = json.loads(FIREBASE.read_text(encoding="utf-8"))
    want = [c.id for c in read_thread(FIREBASE).comments]
    lines = tmp_path / "items.jsonl"
    lines.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    by_id = tmp_path / "items.json"
    by_id.write_text(json.dumps({str(i["id"]): i for i in items}), encoding="utf-8")
    for p in (lines, by_id):
        assert [c.id for c in read_thread(p, OPTS).comments] == want


def test_firebase_comments_without_their_story(tmp_path):
    items = [i for i in json.loads(FIREBASE.read_text(encoding="utf-8")) if i["type"] == "comment"]
    p = tmp_path / "comments.json"
    p.write_text(json.dumps(items), encoding="utf-8")
    (t,) = read_threads(p, OPTS)
    assert t.id == "hn-40102200" and t.article.title is None
    assert t.stats.loaded == 6 and t.stats.orphaned == 0
    assert t.comment("40102299").parent is None and t.comment("40102350").parent == "40102299"


def test_firebase_cycle_is_repaired(tmp_path):
    items = [
        {"id": 1, "type": "story", "by": "a", "time": 1700000000, "title": "T", "kids": [2]},
        {"id": 2, "type": "comment", "by": "b", "time": 1700000100, "parent": 1, "text": "x", "kids": [3]},
        {"id": 3, "type": "comment", "by": "c", "time": 1700000200, "parent": 4, "text": "y"},
        {"id": 4, "type": "comment", "by": "d", "time": 1700000300, "parent": 3, "text": "z"},
    ]
    p = tmp_path / "cycle.json"
    p.write_text(json.dumps(items), encoding="utf-8")
    t = read_thread(p, OPTS)
    assert t.stats.loaded == 3 and t.stats.repaired == 1
    assert [c.id for c in t.comments if "cycle_repaired" in c.flags] == ["3"]


@pytest.mark.parametrize("text, expected", [
    ('{"id": 1, "children": [', "invalid JSON"),
    ('{"id": 1, "story_id": 1, "created_at_i": 1700000000, "children": [{"author": "x"}]}',
     "item object with an 'id'"),
    ('[{"by": "x", "time": 1700000000, "type": "comment"}]', "item object with an 'id'"),
])
def test_malformed_input_names_file_and_place(tmp_path, text, expected):
    p = tmp_path / "bad.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        list(read_threads(p, OPTS))
    msg = str(e.value)
    assert expected in msg and str(p) in msg and "\n" not in msg


def test_cli_parse_stats():
    result = CliRunner().invoke(app, ["parse", str(FIREBASE), "--stats"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "hn-40102200"
    row = next(line.split() for line in result.stderr.splitlines() if line.startswith("hn-40102200"))
    assert row[1:8] == ["hackernews", "6", "2", "0", "1", "0", "0"]


def test_firebase_item_listed_twice_is_set_aside(tmp_path):
    items = json.loads(FIREBASE.read_text(encoding="utf-8"))
    p = tmp_path / "twice.json"
    p.write_text(json.dumps(items + [items[3]]), encoding="utf-8")
    t = read_thread(p, OPTS)
    assert t.stats.loaded == 6
    assert [(a.kind, a.text) for a in t.set_aside] == [("not_loaded", "40102455"), ("duplicate", "40102391")]


def test_firebase_two_stories_and_a_subtree_without_story(tmp_path):
    items = [
        {"id": 10, "type": "story", "by": "a", "time": 1700000000, "title": "One", "kids": [11]},
        {"id": 21, "type": "comment", "by": "c", "time": 1700000200, "parent": 20, "text": "under a missing comment"},
        {"id": 11, "type": "comment", "by": "b", "time": 1700000100, "parent": 10, "text": "x"},
        {"id": 30, "type": "story", "by": "d", "time": 1700000300, "title": "Two", "kids": [31]},
        {"id": 31, "type": "comment", "by": "e", "time": 1700000400, "parent": 30, "text": "y", "kids": [32]},
        {"id": 32, "type": "comment", "by": "f", "time": 1700000500, "parent": 31, "text": "z"},
        {"id": 20, "type": "comment", "by": "g", "time": 1700000150, "text": "a comment saved without parent"},
    ]
    p = tmp_path / "mixed.json"
    p.write_text(json.dumps(items), encoding="utf-8")
    ts = {t.id: t for t in read_threads(p, OPTS)}
    assert list(ts) == ["hn-10", "hn-30", "hn-20"]
    assert [c.id for c in ts["hn-30"].comments] == ["31", "32"]
    assert [(c.id, c.parent) for c in ts["hn-20"].comments] == [("20", None), ("21", "20")]
    assert sum(t.stats.loaded for t in ts.values()) == 5


def test_algolia_search_pages_group_hits_by_story(tmp_path):
    def hit(oid, parent, text, t, story=500):
        return {"_tags": ["comment", f"story_{story}"], "author": f"u{oid}", "comment_text": text,
                "created_at": "2024-01-01T00:00:00Z", "created_at_i": t, "objectID": str(oid),
                "parent_id": parent, "story_id": story, "story_title": "A &amp; B", "story_url": None,
                "updated_at": "2024-01-02T00:00:00Z", "children": []}
    page1 = {"hits": [hit(503, 501, "<p>third", 1704067400), hit(501, 500, "first &gt; second", 1704067200)],
             "nbHits": 3, "page": 0, "nbPages": 2, "hitsPerPage": 2}
    page2 = {"hits": [hit(502, 501, "<i>reply</i>", 1704067300)], "nbHits": 3, "page": 1, "nbPages": 2,
             "hitsPerPage": 2}
    p = tmp_path / "search.json"
    p.write_text(json.dumps([page1, page2]), encoding="utf-8")
    assert detect_format(p) == "hackernews"
    (t,) = read_threads(p)
    assert t.id == "hn-500" and t.article.title == "A & B"
    assert t.article.url == "https://news.ycombinator.com/item?id=500"
    assert [(c.id, c.parent) for c in t.comments] == [("503", "501"), ("501", None), ("502", "501")]
    assert t.comment("501").text == "first > second" and t.comment("502").text == "reply"
    assert t.comment("501").timestamp == "2024-01-01T00:00:00Z"
