"""Untrusted text stays text: Markdown and Mermaid escaping, checked by parsing the output."""

from __future__ import annotations

import pytest
from report_helpers import assert_inert, parse_md

from debate.report import escape

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "![tracker](http://evil.example/pixel.png)",
    "<http://evil.example>",
    "visit www.evil.example or https://evil.example/path?x=1|2 now",
    "mail me: someone@evil.example",
    "JavaScript:alert(document.cookie)",
    "| a | b |\n|---|---|\n| c | d |",
    "```\ncode fence\n```",
    "`inline` and ``double``",
    "# Heading\n## Another",
    "- item\n* item\n+ item\n1. item\n2) item",
    "> quoted\n>> nested",
    "**bold** __bold__ *em* _em_ ~~strike~~",
    "[ref]: http://evil.example\n[ref]",
    "text\n===\nmore\n---",
    "&lt;script&gt; &amp; &#106;avascript:",
    "    indented code",
    "a\\",
    "[^1]\n\n[^1]: footnote",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_inline_is_inert_and_stays_one_paragraph(text):
    out = escape.inline(text)
    assert "\n" not in out
    tokens = assert_inert(out)
    kinds = [t.type for t in tokens if t.nesting == 1 and t.level == 0]
    assert kinds == ["paragraph_open"], kinds


@pytest.mark.parametrize("text", HOSTILE)
def test_inline_in_a_table_cell_keeps_the_table_shape(text):
    table = "| a | b |\n| --- | --- |\n| " + escape.table_cell(text) + " | x |\n"
    tokens = assert_inert(table)
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 2


@pytest.mark.parametrize("text", HOSTILE)
def test_block_keeps_text_as_paragraphs_only(text):
    out = escape.quote_block(text)
    tokens = assert_inert(out)
    allowed = {"blockquote_open", "paragraph_open", "inline", "paragraph_close", "blockquote_close", "text",
               "softbreak", "code_inline", "em_open", "em_close"}
    assert {t.type for t in tokens} <= allowed


def test_the_words_survive_escaping():
    text = "I *really* think [this](x) <b>matters</b> | a lot_of times"
    rendered = "".join(t.content for t in parse_md(escape.inline(text)) if t.type in ("text", "code_inline"))
    assert rendered == text


def test_urls_become_code_spans_with_the_same_address():
    out = escape.inline("see https://example.org/a_(b) and javascript:alert(1).")
    codes = [t.content for t in parse_md(out) if t.type == "code_inline"]
    assert codes == ["https://example.org/a_(b)", "javascript:alert(1)"]


def test_truncate_cuts_at_a_word_and_marks_the_cut():
    text = "word " * 100
    cut = escape.truncate(text, 50)
    assert len(cut) <= 50 and cut.endswith(escape.ELLIPSIS) and not cut[:-1].endswith(" ")
    assert escape.truncate("short", 50) == "short"
    assert len(escape.inline("x" * 10_000, 160)) <= 160


@pytest.mark.parametrize("name", ['x"]-->y', "a; click p1 call alert()", "%%{init: {}}%%", "<b>bold</b>",
                                  "end\nsubgraph", "`md`", "A[B]{C}(D)|E|", "#quot; #35;"])
def test_mermaid_labels_have_no_syntax_left(name):
    import re

    label = escape.mermaid_label(name)
    # every '#' starts one of Mermaid's entity codes; outside them no syntax character is left
    assert re.fullmatch(r"(?:[^#]|#\d+;)*", label)
    bare = re.sub(r"#\d+;", "", label)
    for ch in '"[]{}()|;%<>`\n#-':
        assert ch not in bare


def test_mermaid_label_keeps_letters_of_any_script_and_is_cut():
    assert escape.mermaid_label("Kang Chol-hwan 강철환") == "Kang Chol#45;hwan 강철환"
    assert len(escape.mermaid_label("n" * 500)) <= escape.MERMAID_LABEL_CHARS


def test_anchor_ids_are_built_from_numbers_only():
    assert escape.anchor(3) == '<a id="c-3"></a>'
    with pytest.raises(ValueError):
        escape.mermaid_id('p"]', 1)


def test_bidi_overrides_and_control_characters_are_made_visible():
    evil = "admin\u202eevil\u202c \x07bell \x1b[31mred"
    for out in (escape.inline(evil), escape.block(evil), escape.mermaid_label(evil, 200)):
        for ch in ("\u202e", "\u202c", "\x07", "\x1b"):
            assert ch not in out
    assert escape.inline(evil).count("\ufffd") == 4
