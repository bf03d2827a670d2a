"""The readers' fast paths give what their plain forms give: each shortcut against the slow way it replaced.

html_to_text's replay of html.parser, read_head's one-go decode, the isoformat timestamps, the
whole-document XML path and the Pushshift sniff's first line are each checked against the plain
code on inputs hypothesis makes (edge bytes, odd markup, malformed XML).
"""

from __future__ import annotations

import dataclasses
import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debate.errors import InputError
from debate.ingest import common, pushshift, read_head, xmlstream

#: Pieces that make HTML fragments interesting: the tags the fast path reads, ones it leaves to the
#: parser (attributes in single quotes, script, title, self-closing, comments with dashes), entities.
_HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<P>", "<br>", "<br/>", "<a href=\"https:&#x2F;&#x2F;x.org\" rel=\"nofollow\">", "</a>",
    "<i>", "</i>", "<blockquote>", "</blockquote>", "<li>", "<div class='x'>", "<pre>", "</pre>", "<h2>",
    "<script>", "</script>", "<style>", "<title>", "</title>", "<textarea>", "<!-- wp:paragraph -->",
    "<!-- a-b -->", "<!---->", "<!-->", "</p x=\"1\">", "<a  href=\"x\">", "< p>", "<", ">", "&", "&amp;",
    "&#x27;", "&quot;", "&nbsp", "&#62", "&copy;", "word", " ", "  ", "\n", "\t", "\r\n", "é", "x",
    "<!DOCTYPE html>", "<!doctype", "<!DocType x>", "<main class=\"m\">", "</section>", "<time>", "<iframe>",
    "<noscript>", "<xmp>"])
_HTML = st.lists(_HTML_PIECES, max_size=14).map("".join)


@given(_HTML)
@settings(max_examples=600, deadline=None)
def test_html_fast_path_equals_the_parser(markup):
    """`html_to_text` without html.parser (plain paragraphs, links, comments) is what the parser gives."""
    parser = common._TextExtractor()
    parser.feed(markup)
    parser.close()
    parts = common._simple_parts(markup)
    assert parts is None or "".join(parts) == "".join(parser.parts)


def test_html_fast_path_covers_the_usual_comment():
    markup = "<p>I&#x27;d say <a href=\"https:&#x2F;&#x2F;x.org\" rel=\"nofollow\">this</a>.</p><p>Next  one</p>"
    assert common._simple_parts(markup) is not None
    assert common.html_to_text(markup) == "I'd say this.\n\nNext one"


_DATES = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59))


@given(_DATES, st.booleans())
@settings(max_examples=400, deadline=None)
def test_timestamp_format_equals_strftime(dt, aware):
    """`_fmt` (isoformat) writes what strftime("%Y-%m-%dT%H:%M:%S[.%f]") plus "Z" wrote."""
    if aware:
        dt = dt.replace(tzinfo=timezone.utc)
    plain = (dt.strftime("%Y-%m-%dT%H:%M:%S.%f").rstrip("0") if dt.microsecond
             else dt.strftime("%Y-%m-%dT%H:%M:%S")) + "Z"
    assert common._fmt(dt) == plain


@given(_DATES, st.sampled_from(["", "Z", "+00:00", "-05:00", "+14:00"]), st.sampled_from(["T", " "]))
@settings(max_examples=300, deadline=None)
def test_timestamp_text_equals_the_converted_datetime(dt, zone, sep):
    text = dt.isoformat(sep=sep) + zone
    try:
        expected = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        return
    if expected.tzinfo is None:
        expected = expected.replace(tzinfo=timezone.utc)
    try:
        expected = expected.astimezone(timezone.utc)
    except OverflowError:
        with pytest.raises(InputError):
            common.to_utc_iso(text)
        return
    assert common.to_utc_iso(text) == common._fmt(expected)


_EDGE_BYTES = st.sampled_from([b"\xef", b"\xbb", b"\xbf", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00",
                               b"a", b"\xc3", b"\xa9", b"\x80", b"\n", b"\r\n", b"\xf0\x9f\x98", b"{", b"<"])


@given(st.lists(_EDGE_BYTES, max_size=40).map(b"".join))
@settings(max_examples=500, deadline=None)
def test_read_head_equals_the_text_stream(tmp_path_factory, data):
    """A small file decoded in one go is the text `open_text` streams (byte-order marks, bad UTF-8, cut BOMs)."""
    path = tmp_path_factory.mktemp("head") / "f.json"
    path.write_bytes(data)
    with common.open_text(path) as fh:
        assert read_head(path) == fh.read(65536)


@given(st.lists(st.sampled_from(["", " ", "\n", "\r\n", "\x1c", "\u2028", "\x85", "\v", "\f", "\t", "{", "}",
                                 '"a": 1', "x"]), max_size=12).map("".join))
@settings(max_examples=500, deadline=None)
def test_pushshift_first_line_equals_splitlines(head):
    assert pushshift._first_line(head) == next((ln for ln in head.splitlines() if ln.strip()), "").strip()


_XML_PARTS = st.sampled_from(["<item><a>1</a><b x=\"2\">t<c/>u</b></item>", "<item/>", "<other>x</other>",
                              "<item><a>&amp;</a></item>", "<![CDATA[<p>x</p>]]>", "text", "\x01", "<", "&",
                              "</item>", "<item>", "<!-- c -->"])


@given(st.lists(_XML_PARTS, max_size=8).map("".join), st.sampled_from(["rss", "feed"]))
@settings(max_examples=300, deadline=None)
def test_whole_document_equals_the_stream(tmp_path_factory, body, root):
    """Parsed whole or streamed, a document gives the same elements (or the same error) in the same order."""
    path = tmp_path_factory.mktemp("xml") / "f.xml"
    path.write_text(f"<?xml version=\"1.0\"?><{root}><channel>{body}</channel></{root}>")

    def run(whole: bool):
        got = []
        original = xmlstream.WHOLE_BYTES
        xmlstream.WHOLE_BYTES = original if whole else -1
        try:
            for elem in xmlstream.elements(path, "a test document", "rss", 2):
                got.append((elem.tag, elem.attrib, "".join(elem.itertext()), elem.tail))
        except InputError as e:
            got.append(("error", str(e)))
        finally:
            xmlstream.WHOLE_BYTES = original
        return got

    assert run(whole=True) == run(whole=False)


def test_participants_built_fast_equal_the_dataclass():
    from debate.model import Participant
    from debate.tree import _participant

    fields = dict(id="p:a", label="A", name="A", comments=("1", "2"), is_article_author=True, inferred={})
    fast, plain = _participant(**fields), Participant(**fields)
    assert fast == plain and repr(fast) == repr(plain) and list(vars(fast)) == [f.name for f in
                                                                               dataclasses.fields(Participant)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.label = "B"  # type: ignore[misc]
