"""The disclaimer shortcut in line classification gives what the full patterns give."""

from __future__ import annotations

import pytest

from debate.ingest.scraped_furniture import ANYWHERE, line_kind


@pytest.mark.parametrize("line", [
    "This site does not necessarily endorse the opinions expressed in the comments.",
    "Acme Media does not endorse the views of its readers.",
    "The views expressed here are the author\u2019s own.",
    "The views expre\u017f\u017fed in this column are not ours.",  # long s: matched by re.IGNORECASE
    "We DO NOT ENDORSE THE VIEWS of commenters.",
])
def test_disclaimers_are_set_aside(line):
    assert line_kind(line, in_article=False) == "disclaimer"


@pytest.mark.parametrize("line", [
    "I do not endorse this plan at all, and the views of residents were ignored.",
    "Rents rose 5% last year \u2014 nobody disputes that.",
])
def test_other_lines_agree_with_the_full_patterns(line):
    full = next((k for k, rx in ANYWHERE.items() if rx.match(line)), None)
    assert line_kind(line, in_article=False) == full


def _full_kind(line: str, in_article: bool) -> str | None:
    s = " ".join(line.split())
    if not s:
        return None
    from debate.ingest.scraped_furniture import ARTICLE_ONLY

    groups = [ANYWHERE, ARTICLE_ONLY] if in_article else [ANYWHERE]
    return next((k for g in groups for k, rx in g.items() if rx.match(s)), None)


_FURNITURE = ["Figure 3: rents by district", "Photo: J. Doe", "A crowd at the hall (Image: city archive)",
              "map 2 shows the routes", "Table 1 \u2014 results", "Posted in Housing, City Hall", "posted in 2019, the study",
              "[1] Smith, 2020.", "\u00a9 2024 Acme Media", "Copyright 2023 The Paper", "(c) the authors",
              "All rights reserved.", "This site uses Akismet to reduce spam. Learn how.", "harbour_view.JPEG",
              "Tagged with Transit", "Filed under Opinion", "Credit: Reuters", "Source: council minutes",
              "Chart 4 house prices", "PHOTO CREDIT: ANN LEE", "Image source: archive", "diagram.svg",
              "Photogr\u0430ph: n/a", "\u212aeep up the good work", "Pi\u0131cture 2"]


def test_line_kind_shortcuts_agree_with_the_full_patterns():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "threads"
    lines = [ln for p in sorted(root.glob("scraped_*")) for ln in p.read_text(encoding="utf-8").splitlines()]
    lines += _FURNITURE + [x.upper() for x in _FURNITURE] + [f"Some words before {x} and after" for x in _FURNITURE]
    kinds = set()
    for line in lines:
        for in_article in (True, False):
            got = line_kind(line, in_article=in_article)
            assert got == _full_kind(line, in_article), line
            kinds.add(got)
    assert {"caption", "footnotes", "copyright", "spam_notice", "navigation", None} <= kinds


def test_squash_is_split_and_join():
    from debate.ingest.scraped_furniture import squash

    assert all(not c.isprintable() for c in map(chr, range(0x110000)) if c.isspace() and c != " ")
    for text in ["", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u2003b", "a\nb", "\u3000x", "x\x85y",
                 "one two three", "tab\t", "\u200bzero width"]:
        assert squash(text) == " ".join(text.split()), repr(text)


def test_split_lines_maps_the_same_characters_as_the_character_classes():
    import re

    from debate.ingest.scraped_lines import split_lines

    spaces = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
    zero = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
    page = "".join(chr(c) for c in range(0x3010) if chr(c) not in "\r\n") + "\r\nx\u200by\u00a0\u00a0z\t\rend"
    want = spaces.sub(" ", zero.sub("", page.replace("\r\n", "\n").replace("\r", "\n")))
    from debate.ingest import scraped_lines

    every = [chr(c) for c in range(0x110000)]
    assert set(scraped_lines._SPACES) == {c for c in every if spaces.match(c)}
    assert set(scraped_lines._ZERO_WIDTH) == {c for c in every if zero.match(c)}
    assert [ln.text for ln in split_lines(page)] == [ln.text for ln in split_lines(want)]
    assert "\n".join(" " * ln.indent + ln.text for ln in split_lines(page)) == \
        "\n".join(" " * ln.indent + ln.text for ln in split_lines(want))


def test_marker_shortcut_agrees_with_the_patterns():
    from debate.ingest.scraped_lines import Line
    from debate.ingest.scraped_numbering import _DOTTED, _SINGLE, marker_of

    assert all(c.isdecimal() == bool(_SINGLE.pattern and __import__("re").match(r"\d", c))
               for c in map(chr, range(0x110000)))
    for text in ["1. Alice", "#3) text", "2.1 reply", "\u0663. Arabic-Indic three", "\uff11. fullwidth", "", "a1.",
                 "# 4. heading", "12", "1.", "1.2.3. deep", " 1. spaced", "#", "x"]:
        m = _DOTTED.match(text) or _SINGLE.match(text)
        got = marker_of(Line(1, 0, text))
        assert (got is None) == (m is None), text
        if got is not None:
            assert got.number == tuple(int(x) for x in m["num"].split("."))
