"""The scraped reader's replay of html.parser over a whole saved page gives the parser's own events."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from debate.ingest import scraped_html

ROOT = Path(__file__).resolve().parents[1]


class _Recorder(HTMLParser):
    """Every event html.parser reports, in order (data joined, as every reader of it joins it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "data":
            self.events[-1] = ("data", self.events[-1][1] + data)
        else:
            self.events.append(("data", data))


_PAGE_PIECES = st.sampled_from([
    "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "</head>", "<title>", "</title>", "<meta name=\"author\" "
    "content=\"Jo &amp; Ann\">", "<meta property=\"article:published_time\" content=\"2024-05-01\">",
    "<h1 class=\"entry-title\">", "</h1>", "<li id=\"comment-3\" class=\"comment\">", "</li>", "<ol class=\"children\">",
    "</ol>", "<time datetime=\"2024-05-02T10:00\">", "</time>", "<p>", "</p>", "<P CLASS=\"X\">", "<a href=\"\">",
    "<script>", "</script>", "<style>", "<textarea>", "<!-- c -->", "<!-- a-b -->", "</p x=\"1\">", "<br/>",
    "<div class='x'>", "< p>", "<", ">", "&", "&amp;", "&#x27;", "&nbsp", "word", " ", "\n", "é"])


@given(st.lists(_PAGE_PIECES, max_size=16).map("".join))
@settings(max_examples=600, deadline=None)
def test_page_replay_equals_the_parser(markup):
    """`scraped_html.replay` calls a parser's handlers as html.parser would, or nothing at all."""
    parsed, replayed = _Recorder(), _Recorder()
    parsed.feed(markup)
    parsed.close()
    if scraped_html.replay(replayed, markup):
        assert replayed.events == parsed.events
    else:
        assert replayed.events == []



def test_gold_pages_are_replayed_with_the_parsers_hints_and_tree():
    pages = sorted(ROOT.glob("benchmarks/tagging_gold/*/scraped_*.html"))
    assert pages
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        assert scraped_html.replay(scraped_html._PageParser(), markup)
        parsed = scraped_html._PageParser()
        parsed.feed(markup)
        parsed.close()
        assert scraped_html.html_hints_and_tree(markup) == (scraped_html._hints_of(parsed), parsed.items)
