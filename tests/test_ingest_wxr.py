"""WordPress WXR exports: parent links, moderation flags, pingbacks, GMT times, HTML, streaming, errors."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli.app import app
from debate.errors import InputError
from debate.ingest import ReadOptions, detect_format, read_threads

THREADS = Path(__file__).resolve().parents[1] / "threads"
FIXTURE = THREADS / "wxr_transit_blog.xml"


@pytest.fixture(scope="module")
def threads():
    return list(read_threads(FIXTURE))


@pytest.fixture(scope="module")
def fares(threads):
    return threads[0]


def test_detected_as_wxr():
    assert detect_format(FIXTURE) == "wxr"


def test_one_thread_per_post_and_attachments_are_not_threads(threads):
    assert [t.id for t in threads] == ["41", "57"]
    assert threads[1].comments == ()
    assert threads[1].article.title == "Night buses: what the survey said"
    assert all(t.source_format == "wxr" for t in threads)


def test_parent_links_exactly_as_the_export_gives_them(fares):
    parents = {c.id: c.parent for c in fares.comments}
    assert parents == {"118": None, "119": "118", "121": "119", "123": None, "124": "121",
                       "125": "118", "126": None, "122": None}


def test_moderation_flags(fares):
    flags = {c.id: c.flags for c in fares.comments}
    assert flags["118"] == ()
    assert flags["123"] == ("spam",)
    assert flags["124"] == ("unapproved",)
    assert flags["125"] == ("deleted",)  # comment_approved "trash"
    assert flags["126"] == ("orphaned",)
    assert fares.comment("126").extra["source_parent"] == "120"


def test_pingbacks_are_flagged_and_kept_after_the_discussion(fares):
    ping = fares.comment("122")
    assert ping.flags == ("pingback",)
    assert fares.comments[-1].id == "122"
    assert ping.text == "[\u2026] Hedda Larsen argues Riverside should go fare-free [\u2026]"


def test_stats_account_for_every_comment(fares):
    s = fares.stats
    assert (s.loaded, s.deleted, s.spam, s.orphaned, s.repaired, s.pingbacks) == (8, 1, 2, 1, 0, 1)


def test_times_use_gmt_and_fall_back_to_local_when_gmt_is_zero(fares):
    assert fares.comment("118").timestamp == "2024-02-06T17:02:11Z"  # local time was 18:02:11
    glen = fares.comment("124")
    assert glen.timestamp == "2024-02-07T13:20:00Z"
    assert "site-local" in glen.extra["time_zone"]
    assert fares.article.date == "2024-02-06T15:30:00Z"


def test_html_becomes_text_and_the_original_is_kept(fares):
    rosa = fares.comment("119")
    assert "<" not in rosa.text and "&amp;" not in rosa.text
    assert "Fares are still about 18% of the operating budget & that hole" in rosa.text
    assert "> faster boarding alone" in rosa.text
    assert "<em>still</em>" in rosa.original
    assert fares.comment("118").original is None  # plain text: nothing converted


def test_article_fields_and_author_display_name(fares):
    a = fares.article
    assert a.title == "Fare-free buses are worth the money"
    assert a.author == "Hedda Larsen"  # dc:creator is the login "hlarsen"; wp:author maps it
    assert a.url == "https://transitnotes.example.org/2024/02/fare-free-buses/"
    assert a.text.startswith("Riverside spends more on collecting fares")
    assert "wp:paragraph" not in a.text and "<strong>" not in a.text
    author = [p for p in fares.participants if p.is_article_author]
    assert [p.name for p in author] == ["Hedda Larsen"]
    assert fares.comment("121").speaker == "wp-user:1"


OLD_WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.0/">
<channel><title>Old blog</title><wp:wxr_version>1.0</wp:wxr_version>
<item><title>Compost &amp; the city</title><link>http://old.example.com/?p=7</link>
<dc:creator>admin</dc:creator><content:encoded><![CDATA[Start composting.]]></content:encoded>
<wp:post_id>7</wp:post_id><wp:post_date>2009-04-01 10:00:00</wp:post_date>
<wp:post_date_gmt>2009-04-01 08:00:00</wp:post_date_gmt><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author>Kim O&amp;#039;Neill</wp:comment_author>
<wp:comment_date>2009-04-01 12:00:00</wp:comment_date><wp:comment_date_gmt>2009-04-01 10:00:00</wp:comment_date_gmt>
<wp:comment_content>Rats love compost bins.</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_type></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>4</wp:comment_id><wp:comment_author>Other Blog</wp:comment_author>
<wp:comment_date_gmt>2009-04-02 10:00:00</wp:comment_date_gmt>
<wp:comment_content>A trackback excerpt</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_type>trackback</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_author>Lee</wp:comment_author>
<wp:comment_date_gmt>2009-04-02 11:00:00</wp:comment_date_gmt>
<wp:comment_content>Replying to the trackback.</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_type></wp:comment_type><wp:comment_parent>4</wp:comment_parent></wp:comment>
</item></channel></rss>
"""


def test_wxr_1_0_namespace_trackbacks_are_never_parents(tmp_path):
    f = tmp_path / "old.xml"
    f.write_text(OLD_WXR, encoding="utf-8")
    assert detect_format(f) == "wxr"
    (t,) = read_threads(f)
    assert t.article.title == "Compost & the city"
    assert t.article.date == "2009-04-01T08:00:00Z"
    assert [c.id for c in t.comments] == ["3", "5", "4"]
    assert t.comment("4").flags == ("trackback",)
    lee = t.comment("5")
    assert lee.parent is None and lee.extra["source_parent"] == "4"
    assert t.stats.pingbacks == 1
    assert t.comment("3").author == "Kim O'Neill"  # WordPress stores names with entities


def test_gzipped_export_reads_the_same(tmp_path):
    import gzip

    f = tmp_path / "export.xml.gz"
    f.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    assert [(c.id, c.parent) for c in list(read_threads(f, ReadOptions(format="wxr")))[0].comments] == \
        [(c.id, c.parent) for c in list(read_threads(FIXTURE))[0].comments]


def test_malformed_xml_names_the_line(tmp_path):
    f = tmp_path / "broken.xml"
    text = FIXTURE.read_text(encoding="utf-8")
    f.write_text(text[: text.index("<wp:comment_id>121")] + "<wp:comment_id>121</wp:comment>\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        list(read_threads(f, ReadOptions(format="wxr")))
    msg = str(e.value)
    assert str(f) in msg and "line " in msg and "WordPress WXR" in msg
    assert "\n" not in msg


def test_entity_declarations_are_refused(tmp_path):
    f = tmp_path / "bomb.xml"
    f.write_text('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]>'
                 '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>&a;</item></channel></rss>',
                 encoding="utf-8")
    with pytest.raises(InputError, match="entities"):
        list(read_threads(f, ReadOptions(format="wxr")))


def test_wrong_root_element(tmp_path):
    f = tmp_path / "feed.xml"
    f.write_text('<?xml version="1.0"?><feed><entry/></feed>', encoding="utf-8")
    with pytest.raises(InputError, match="root element is <feed>"):
        list(read_threads(f, ReadOptions(format="wxr")))


def _big_wxr(path: Path, items: int) -> None:
    head = FIXTURE.read_text(encoding="utf-8")
    start, end = head.index("\t<item>"), head.index("\t<item>", head.index("\t<item>") + 1)
    item = head[start:end]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(head[:start])
        for i in range(items):
            fh.write(item.replace("<wp:post_id>41</wp:post_id>", f"<wp:post_id>{1000 + i}</wp:post_id>"))
        fh.write("</channel>\n</rss>\n")


def test_memory_stays_flat_as_the_export_grows(tmp_path):
    peaks = []
    for n in (50, 200, 800):  # the first run warms caches; compare the other two
        f = tmp_path / f"big{n}.xml"
        _big_wxr(f, n)
        tracemalloc.start()
        count = sum(len(t.comments) for t in read_threads(f, ReadOptions(format="wxr")))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert count == 8 * n
    assert peaks[2] < peaks[1] * 1.5, peaks  # 4x the input, not 4x the memory


def test_cli_parse_stats():
    result = CliRunner().invoke(app, ["parse", str(FIXTURE), "--stats", "--jsonl"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.stderr.splitlines() if line.strip()}
    assert rows["41"][1:9] == ["wxr", "8", "1", "2", "0", "1", "0", "1"]
    assert rows["57"][2] == "0"


def test_control_characters_from_pasted_text_do_not_stop_the_reader(tmp_path):
    f = tmp_path / "ctrl.xml"
    text = FIXTURE.read_text(encoding="utf-8").replace("fumbling for change.", "fumbling\x0b for change.\x1a")
    f.write_text(text, encoding="utf-8")
    (fares, _) = read_threads(f)
    assert fares.comment("118").text.endswith("fumbling for change.")


def test_drafts_without_comments_are_not_threads_but_trashed_posts_with_comments_are(tmp_path):
    draft = OLD_WXR.replace("<wp:post_type>post</wp:post_type>",
                            "<wp:post_type>post</wp:post_type><wp:status>trash</wp:status>")
    f = tmp_path / "trash.xml"
    f.write_text(draft, encoding="utf-8")
    assert [len(t.comments) for t in read_threads(f)] == [3]
    bare = draft[: draft.index("<wp:comment>")] + "</item></channel></rss>\n"
    f.write_text(bare, encoding="utf-8")
    assert list(read_threads(f)) == []


def test_comments_in_display_order_not_database_order(fares):
    assert [c.id for c in fares.comments] == ["118", "119", "121", "123", "125", "124", "126", "122"]
    stamps = [c.timestamp for c in fares.comments[:-1]]
    assert stamps == sorted(stamps)
