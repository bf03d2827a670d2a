"""YouTube comments from yt-dlp --write-comments: parents, estimated times, pinned/hearted, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate import canonical
from debate.cli.app import app
from debate.errors import InputError
from debate.ingest import ReadOptions, detect_format, read_head, read_thread, youtube

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "threads" / "youtube_car_free_downtown.info.json"
OPTS = ReadOptions(format="youtube")
TOP_B = "UgyHf2mN0cWq7kPz5Lx4AaABAg"


@pytest.fixture(scope="module")
def thread():
    return read_thread(FIXTURE)


def test_detected_by_content_even_when_comments_come_after_a_long_head(tmp_path):
    assert detect_format(FIXTURE) == "youtube"
    info = json.loads(FIXTURE.read_text(encoding="utf-8"))
    # Real info JSONs put ~100 kB of formats before the comments.
    info["formats"] = info["formats"] * 400
    p = tmp_path / "video.json"
    p.write_text(json.dumps(info), encoding="utf-8")
    assert len(read_head(p)) == 65536 and '"comments"' not in read_head(p)
    assert detect_format(p) == "youtube"
    for other in ("reddit_parking_minimums.json", "hn_algolia_four_day_week.json", "generic_forum_export.json"):
        q = ROOT / "threads" / other
        assert not youtube.sniff(q, read_head(q)), other


def test_parents_are_root_or_the_source_id_or_the_reply_an_opening_handle_answers(thread):
    assert thread.id == "youtube-q7Tn2cXwR0s"
    by_id = {c.id: c for c in thread.comments}
    parents = {c.id: c.parent for c in thread.comments}
    assert parents["UgwK3pZr8dLq1sVbT9x4AaABAg"] is None
    first, second, third = (f"{TOP_B}.A1xYzPq3rS8AbCdEfGhIjK", f"{TOP_B}.A1xZk0Lm2Nb7CdEfGhIjKl",
                            f"{TOP_B}.A1y0Qw9Er8Ty7UiOpAsDfG")
    # YouTube files all three under the first comment; the 2nd and 3rd open with the @handle they answer
    assert (parents[first], parents[second], parents[third]) == (TOP_B, first, second)
    assert by_id[second].extra["listed_parent"] == TOP_B and "parent" not in by_id[first].inferred
    cue = by_id[third].inferred["parent"]
    assert cue.cue == "at_mention" and cue.evidence == "@ferryman_lou"
    assert sum(1 for p in parents.values() if p is None) == 4


def test_opening_handles_reattach_replies_within_their_group_only(tmp_path):
    info = {"id": "v", "title": "T", "comments": [
        {"id": "a", "parent": "root", "text": "Top one", "author": "@ann"},
        {"id": "a.1", "parent": "a", "text": "@ann no", "author": "@bob"},  # answers the first comment: unchanged
        {"id": "a.2", "parent": "a", "text": "@bob yes", "author": "@ann"},
        {"id": "a.3", "parent": "a", "text": "@bobby hello", "author": "@cy"},  # nobody called bobby here
        {"id": "a.4", "parent": "a", "text": "@Ann_Smith hi", "author": "@dee"},  # "ann" is not "ann_smith"
        {"id": "a.5", "parent": "a", "text": "@ann fair", "author": "@bob"},  # ann's latest is a.2
        {"id": "b", "parent": "root", "text": "Other", "author": "@cy"},
        {"id": "b.1", "parent": "b", "text": "@bob who?", "author": "@ann"},  # bob wrote nothing under b
        {"id": "c", "parent": "root", "text": "Old style", "author": "Ferry Man"},
        {"id": "c.1", "parent": "c", "text": "Fine", "author": "Tram Fan"},
        {"id": "c.2", "parent": "c", "text": "@Tram Fan No.", "author": "Ferry Man"},  # display names, spaces
    ]}
    p = tmp_path / "v.info.json"
    p.write_text(json.dumps(info), encoding="utf-8")
    parents = {c.id: c.parent for c in read_thread(p).comments}
    assert parents == {"a": None, "a.1": "a", "a.2": "a.1", "a.3": "a", "a.4": "a", "a.5": "a.2", "b": None,
                       "b.1": "b", "c": None, "c.1": "c", "c.2": "c.1"}


def test_stats_count_what_youtube_announced_but_the_file_lacks(thread):
    s = thread.stats
    assert (s.loaded, s.deleted, s.not_loaded, s.orphaned, s.repaired) == (7, 0, 2, 0, 0)


def test_estimated_timestamps_edits_and_badges(thread):
    pinned = thread.comment("UgwK3pZr8dLq1sVbT9x4AaABAg")
    assert pinned.timestamp == "2024-06-06T00:00:00Z"
    assert pinned.extra["timestamp_estimated"] is True and pinned.extra["time_text"] == "2 weeks ago"
    assert pinned.extra["is_pinned"] is True and pinned.extra["author_is_uploader"] is True
    edited = thread.comment(f"{TOP_B}.A1xYzPq3rS8AbCdEfGhIjK")
    assert edited.flags == ("edited",)
    assert thread.comment(f"{TOP_B}.A1xZk0Lm2Nb7CdEfGhIjKl").extra["is_favorited"] is True
    assert pinned.text.startswith("Thanks for watching!") and pinned.original is None


def test_article_and_uploader_as_participant(thread):
    a = thread.article
    assert a.title == "Should cities ban cars from downtown? What the evidence says"
    assert a.url == "https://www.youtube.com/watch?v=q7Tn2cXwR0s" and a.date == "2024-06-02T15:00:00Z"
    assert a.author == "@streetscapes" and a.text.startswith("Car-free city centres")
    uploader = next(p for p in thread.participants if p.name == "@streetscapes")
    assert uploader.is_article_author
    assert canonical.loads(canonical.dumps(thread)) == thread


def test_older_yt_dlp_fields_and_upload_date(tmp_path):
    info = {"id": "abc", "title": "T", "upload_date": "20210305", "uploader": "Chan", "uploader_id": "UC123",
            "webpage_url": "https://www.youtube.com/watch?v=abc", "extractor": "youtube",
            "comments": [
                {"id": "c1", "parent": "root", "text": "  first  ", "author": "A", "time_text": "1 year ago (edited)",
                 "timestamp": 1600000000},
                {"id": "c2", "parent": "c1", "text": "", "author": "B"},
                {"id": "c3", "parent": "gone", "text": "hi", "author": "C"},
            ]}
    p = tmp_path / "abc.info.json"
    p.write_text(json.dumps(info), encoding="utf-8")
    t = read_thread(p)
    assert t.article.date == "2021-03-05" and t.article.author == "Chan"
    c1, c2, c3 = t.comments
    assert c1.text == "first" and c1.original == "  first  " and c1.flags == ("edited",)
    assert c2.flags == ("empty",) and c2.timestamp is None
    assert c3.parent is None and "orphaned" in c3.flags and t.stats.orphaned == 1


def test_duplicate_comment_ids_are_set_aside(tmp_path):
    info = json.loads(FIXTURE.read_text(encoding="utf-8"))
    info["comments"].append(dict(info["comments"][0]))
    p = tmp_path / "dup.info.json"
    p.write_text(json.dumps(info), encoding="utf-8")
    t = read_thread(p, OPTS)
    assert t.stats.loaded == 7 and [(a.kind, a.text) for a in t.set_aside] == [("duplicate", "UgwK3pZr8dLq1sVbT9x4AaABAg")]


@pytest.mark.parametrize("text, expected", [
    ('{"id": "x", "comments": [', "invalid JSON"),
    ('{"id": "x", "extractor": "youtube", "title": "no comments written"}', "'comments' list"),
    ('{"id": "x", "comments": [{"parent": "root", "text": "no id"}]}', "comments[0]"),
    ('{"id": "x", "comments": [{"id": "c", "parent": "root", "timestamp": "soon"}]}', "comments[0].timestamp"),
])
def test_malformed_input_names_file_and_place(tmp_path, text, expected):
    p = tmp_path / "bad.info.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_thread(p, OPTS)
    msg = str(e.value)
    assert expected in msg and str(p) in msg and "\n" not in msg


def test_cli_parse_stats():
    result = CliRunner().invoke(app, ["parse", str(FIXTURE), "--stats"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source_format"] == "youtube"
    row = next(line.split() for line in result.stderr.splitlines() if line.startswith("youtube-"))
    assert row[1:8] == ["youtube", "7", "0", "0", "2", "0", "0"]


def test_comments_turned_off_gives_an_empty_thread(tmp_path):
    p = tmp_path / "off.info.json"
    p.write_text(json.dumps({"id": "off1", "title": "Quiet", "comments": None, "comment_count": 0,
                             "extractor": "youtube", "webpage_url": "https://www.youtube.com/watch?v=off1"}),
                 encoding="utf-8")
    t = read_thread(p, OPTS)
    assert t.id == "youtube-off1" and t.comments == () and t.stats.loaded == 0 and t.stats.not_loaded == 0


def test_no_infer_keeps_replies_where_youtube_filed_them():
    t = read_thread(FIXTURE, ReadOptions(format="youtube", infer=False))
    assert {c.parent for c in t.comments if c.parent} == {TOP_B}
    assert not any("parent" in c.inferred for c in t.comments)


def test_an_opening_handle_picks_the_comment_of_theirs_it_echoes(tmp_path):
    info = {"id": "v", "title": "T", "comments": [
        {"id": "s", "parent": "root", "text": "Correct calls went from 82% to 96% in one season.", "author": "@sam"},
        {"id": "s.1", "parent": "s", "text": "@sam Those are the league's own figures.", "author": "@fin"},
        {"id": "s.2", "parent": "s", "text": "@fin Nobody audits fan experience either.", "author": "@sam"},
        # echoes Sam's first comment (the 96%), not his latest
        {"id": "s.3", "parent": "s", "text": "@sam 96% and they still gave that penalty. Lol.", "author": "@mo"},
        # shares nothing with either: Sam's latest
        {"id": "s.4", "parent": "s", "text": "@sam whatever you say", "author": "@jo"},
    ]}
    p = tmp_path / "v.info.json"
    p.write_text(json.dumps(info), encoding="utf-8")
    parents = {c.id: c.parent for c in read_thread(p).comments}
    assert parents["s.3"] == "s" and parents["s.4"] == "s.2" and parents["s.2"] == "s.1"
