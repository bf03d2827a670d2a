"""A hostile thread: nothing a commenter writes may act in the report (HTML, links, Mermaid, layout)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from report_helpers import assert_inert, assert_mermaid_safe, make_thread, mermaid_blocks, parse_md

from debate.model import Article, Evidence, Label
from debate.report.build import thread_report
from debate.report.compare import compare_data
from debate.report.compare_markdown import render as render_compare
from debate.report.data import report_data
from debate.report.markdown import render

LONG = ("blah " * 2000).strip()  # 9,999 characters, no sentence end
HOSTILE_ROWS = [
    ("h1", '<script>alert("x")</script>', None, "<script>alert(1)</script> Lanes should go <b>now</b>.",
     "favor", None, 0.2),
    ("h2", 'x"]-->p1; click p1 call alert()', "h1",
     "[click](javascript:alert(1)) and ![img](http://evil.example/p.png) <img src=x onerror=alert(1)>",
     "against", "disagree", -0.5),
    ("h3", "| pipe | name |", "h2", "| a | b |\n|---|---|\n| c | d |\nsee www.evil.example, mail x@evil.example",
     "none", "neutral", 0.0),
    ("h4", "`backtick` **bold**", "h1", "```\nfenced\n```\n# Heading\n## Sub\n- list\n> quote\n---", "favor",
     "agree", 0.1),
    ("h5", "%%{init: {'theme':'dark'}}%%", None, LONG, "against", None, -0.1),
    ("h6", "end", None, "JaVaScRiPt:alert(1) <http://evil.example> [ref]: http://evil.example", "none", None,
     0.0),
]


def hostile_thread():
    t = make_thread(HOSTILE_ROWS, title='<h1>Pwn</h1> [x](javascript:alert(1)) "]-->', url="javascript:alert(1)",
                    thesis="<script>thesis</script> should hold")
    tags = dict(t.tags)
    evil = Label("against", 0.9, (Evidence("cue<script>", "<img src=x onerror=alert(1)> | `", 1.0),), "local")
    tags["h2"] = replace(tags["h2"], stance=evil)
    comments = tuple(replace(c, number="3](javascript:alert(1)) <b>") if c.id == "h3" else c for c in t.comments)
    return replace(t, tags=tags, comments=comments, article=replace(t.article, author="<b>Author</b> | x",
                                                                    date="2024-01-01 <script>"))


def test_hostile_thread_report_has_no_raw_html_no_live_links_and_safe_mermaid():
    text = render(report_data(hostile_thread(), explain=True))
    tokens = assert_inert(text)  # no link allowed at all: the article URL is javascript:
    assert "<script" not in text and "<img" not in text and "<b>" not in text and "<h1>" not in text
    (block,) = mermaid_blocks(text)
    assert_mermaid_safe(block)
    # headings are only ours
    h = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert all(not x.startswith(("Heading", "Sub")) for x in h)
    assert sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h1") == 1
    # no fenced block but our Mermaid diagram, no block quote from a comment
    fences = [t for t in tokens if t.type in ("fence", "code_block")]
    assert [t.info.strip() for t in fences] == ["mermaid"]


def test_hostile_tables_keep_their_columns():
    text = render(report_data(hostile_thread()))
    tokens = parse_md(text)
    rows, cols = [], 0
    for t in tokens:
        if t.type == "tr_open":
            cols = 0
        elif t.type in ("td_open", "th_open"):
            cols += 1
        elif t.type == "tr_close":
            rows.append(cols)
    participants = text.split("## Participants")[1].split("## Who argued")[0]
    assert all(line.count(" | ") - line.count("\\|") >= 0 for line in participants.splitlines())
    # every row of every table has as many cells as its header (GFM would pad or cut otherwise)
    table_rows = [line for line in text.splitlines() if line.startswith("|")]
    widths = {len(re.findall(r"(?<!\\)\|", line)) for line in table_rows}
    assert rows and min(rows) >= 2
    assert all(w >= 3 for w in widths)


def test_long_comment_is_cut_in_excerpts_but_counted():
    text = render(report_data(hostile_thread()))
    assert text.count("<a id=") == len(HOSTILE_ROWS)
    assert "blah " * 300 not in text  # no 1,500-character run of the comment anywhere
    assert max(len(line) for line in text.splitlines()) < 3000
    data = json.loads(thread_report(hostile_thread(), as_json=True))
    assert data["comments"][-2]["text"] == LONG  # the data keeps it whole


def test_hostile_compare_output_is_inert():
    t = hostile_thread()
    t = replace(t, article=replace(t.article, text='"Lanes kill shops <script>," said Mr Evil"]-->, a '
                                                   'shopkeeper | of javascript:alert(1).'))
    text = render_compare(compare_data([t]))
    assert_inert(text)
    assert "<script" not in text


def test_hostile_thread_without_anything():
    t = replace(hostile_thread(), article=Article(title=None, url="http://x.example/a b<"))
    text = render(report_data(t))
    assert_inert(text)


def test_hostile_worksheet_is_inert():
    from debate.report.worksheet import worksheet_files

    files = worksheet_files(hostile_thread(), "evil")
    for name in ("evil-worksheet.md", "evil-key.md"):
        tokens = assert_inert(files[name])
        assert not [t for t in tokens if t.type in ("fence", "code_block")]
        assert "<script" not in files[name]
