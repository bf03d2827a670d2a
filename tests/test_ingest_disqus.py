"""Disqus XML exports: grouping posts by thread, parents, flags, double-escaped titles, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli.app import app
from debate.errors import InputError
from debate.ingest import ReadOptions, detect_format, read_threads
from debate.ingest.disqus import unescape_title
from debate.ingest.grouping import Grouper

THREADS = Path(__file__).resolve().parents[1] / "threads"
FIXTURE = THREADS / "disqus_harbor_news.xml"


@pytest.fixture(scope="module")
def threads():
    return {t.id: t for t in read_threads(FIXTURE)}


def test_detected_as_disqus():
    assert detect_format(FIXTURE) == "disqus"


def test_one_thread_per_disqus_thread_in_document_order(threads):
    assert list(threads) == ["7781203345", "7781209911", "7790011420"]
    assert threads["7781209911"].comments == ()  # declared, never commented on: kept, empty
    assert threads["7781209911"].stats.loaded == 0


def test_posts_grouped_by_thread_even_when_listed_out_of_order(threads):
    ferry = threads["7781203345"]
    assert [c.id for c in ferry.comments] == ["6265001001", "6265001455", "6265002100", "6265003333",
                                              "6265004000", "6265004877", "6301102044"]


def test_parent_links(threads):
    ferry = {c.id: c.parent for c in threads["7781203345"].comments}
    assert ferry == {"6265001001": None, "6265001455": "6265001001", "6265002100": "6265001455",
                     "6265003333": None, "6265004000": "6265001001", "6265004877": "6265004000",
                     "6301102044": "6265002100"}
    lunch = threads["7790011420"]
    assert {c.id: c.parent for c in lunch.comments} == {"6301100220": None, "6301100987": None,
                                                         "6301101500": "6301100220"}
    orphan = lunch.comment("6301100987")
    assert orphan.flags == ("orphaned",) and orphan.extra["source_parent"] == "6301099999"


def test_deleted_and_spam_kept_with_flags(threads):
    ferry = threads["7781203345"]
    assert ferry.comment("6265003333").flags == ("spam",)
    deleted = ferry.comment("6265004000")
    assert deleted.flags == ("deleted",)
    assert deleted.text.startswith("Both of you are ignoring")
    s = ferry.stats
    assert (s.loaded, s.deleted, s.spam, s.orphaned) == (7, 1, 1, 0)
    assert threads["7790011420"].stats.orphaned == 1


def test_double_escaped_titles(threads):
    assert threads["7781203345"].article.title == 'Council\'s ferry terminal vote: "Build it now" or wait for the grant?'
    assert threads["7790011420"].article.title == "Lunch prices rise 40 cents & parents push back"
    assert unescape_title("Fish &amp;amp; chips") == "Fish & chips"
    assert unescape_title("A plain title") == "A plain title"


def test_article_fields_and_times(threads):
    a = threads["7781203345"].article
    assert a.url == "https://harborgazette.example.com/2023/09/ferry-terminal-vote/"
    assert a.date == "2023-09-12T07:15:02Z"
    assert a.author == "Harbor Gazette"
    assert threads["7781203345"].comment("6265001455").timestamp == "2023-09-12T08:40:33Z"


def test_html_message_to_text_with_original(threads):
    c = threads["7781203345"].comment("6265002100")
    assert c.text == "The grant isn't guaranteed though. Last round Northport applied and got nothing."
    assert c.original.startswith("<p><a href=")


def test_speakers_by_account_and_anonymous_guests(threads):
    ferry = threads["7781203345"]
    assert ferry.comment("6265001001").speaker == ferry.comment("6265002100").speaker == "disqus:ingridsolberg"
    guest = ferry.comment("6265004877")
    assert guest.author == "M. Achterberg" and guest.extra["anonymous"] is True


def test_posts_of_an_undeclared_thread_are_not_dropped(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace(
        '<thread dsq:id="7790011420" />\n  </post>', '<thread dsq:id="999" />\n  </post>', 1)
    f = tmp_path / "export.xml"
    f.write_text(text, encoding="utf-8")
    threads = {t.id: t for t in read_threads(f)}
    assert [c.id for c in threads["999"].comments] == ["6301100220"]
    assert threads["999"].article.title is None
    assert sum(t.stats.loaded for t in threads.values()) == 10
    assert threads["7790011420"].stats.orphaned == 2  # its reply lost the parent to the other thread


def test_malformed_export_names_line(tmp_path):
    f = tmp_path / "bad.xml"
    text = FIXTURE.read_text(encoding="utf-8")
    f.write_text(text.replace("</isSpam>", "</isSpan>", 1), encoding="utf-8")
    with pytest.raises(InputError) as e:
        list(read_threads(f, ReadOptions(format="disqus")))
    assert "line " in str(e.value) and "Disqus XML export" in str(e.value)


def test_post_without_thread_is_an_error(tmp_path):
    f = tmp_path / "bad.xml"
    f.write_text('<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">'
                 '<post dsq:id="5"><message>hi</message></post></disqus>', encoding="utf-8")
    with pytest.raises(InputError, match='<post dsq:id="5">.*no <thread dsq:id>'):
        list(read_threads(f, ReadOptions(format="disqus")))


def test_grouper_spills_to_disk_and_keeps_order(tmp_path):
    with Grouper(spill_dir=str(tmp_path), limit=3) as g:
        for i, key in enumerate("abacbda"):
            g.add(key, {"n": i})
        assert g.spilled
        assert g.keys() == ["a", "b", "c", "d"]
        assert [r["n"] for r in g.get("a")] == [0, 2, 6]
        assert [(k, [r["n"] for r in rs]) for k, rs in g.groups()] == [
            ("a", [0, 2, 6]), ("b", [1, 4]), ("c", [3]), ("d", [5])]
    assert list(tmp_path.iterdir()) == []  # the spill file is removed


def test_cli_parse_stats():
    result = CliRunner().invoke(app, ["parse", str(FIXTURE), "--stats", "--jsonl"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.stderr.splitlines() if line.strip()}
    assert rows["7781203345"][1:8] == ["disqus", "7", "1", "1", "0", "0", "0"]
    assert rows["TOTAL"][1] == "10"
    assert len(result.stdout.splitlines()) == 3


DOC_STYLE = """<?xml version="1.0"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <category dsq:id="10"><forum>garden</forum><title>Beds</title></category>
  <thread dsq:id="20"><id>seed-swap</id><forum>garden</forum><category dsq:id="10"/>
    <link>https://garden.example.org/seed-swap</link><title>Seed swap rules</title><message/>
    <createdAt>2015-03-01T09:00:00</createdAt><author><name>Admin</name></author></thread>
  <post dsq:id="31"><id>a1</id><message>Keep it to open-pollinated seeds.</message>
    <thread>seed-swap</thread><createdAt>2015-03-01T10:00:00</createdAt><author><name>Vera</name></author></post>
  <post dsq:id="32"><id>a2</id><message>Why not hybrids?</message><parent>a1</parent>
    <thread>seed-swap</thread><createdAt>2015-03-01T11:00:00</createdAt><author><name>Olu</name></author></post>
  <post><id>a3</id><message>They don't come true from seed.</message><parent dsq:id="32">a2</parent>
    <thread dsq:id="20"/><createdAt>2015-03-01T12:00:00</createdAt><author><name>Vera</name></author></post>
</disqus>
"""


def test_threads_and_parents_named_by_the_sites_own_ids(tmp_path):
    """The export documentation also shows `<thread>` and `<parent>` given as text, and posts without dsq:id."""
    f = tmp_path / "doc_style.xml"
    f.write_text(DOC_STYLE, encoding="utf-8")
    (t,) = read_threads(f)
    assert t.id == "20" and t.article.title == "Seed swap rules"
    assert [(c.id, c.parent) for c in t.comments] == [("31", None), ("32", "31"), ("a3", "32")]
    assert t.comment("31").timestamp == "2015-03-01T10:00:00Z"  # no zone given: read as UTC
    assert t.stats.orphaned == 0
