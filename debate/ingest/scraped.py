"""Reader for flat scraped pages (text, HTML or Markdown): format "scraped".

A scraped page is an article followed, maybe, by a comment section, with the
reply structure flattened away. This reader records only what the page
states: title, by-line, date and body of the article; each comment's display
number, author, timestamp and text; parents where nested numbering ("1.1")
states them. Page furniture (navigation, forms, captions, references...) is
kept out of the text and listed in `Thread.set_aside`. Who answers whom is
inferred later by `debate.structure`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import SetAside, Thread
from .common import build_thread, html_to_text, markdown_to_text, open_text
from .scraped_article import Hints, parse_article
from .scraped_comments import find_section, parse_section
from .scraped_html import apply_html_tree, html_hints_and_tree, strip_page_chrome
from .scraped_lines import split_lines

#: Suffixes that mean "not a page" whatever the content looks like.
_DATA_SUFFIXES = (".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".xml", ".rss", ".atom", ".wxr")
_COMPRESSION = (".gz", ".zst")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_DOC = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
_HTML_BLOCK = re.compile(r"</?(?:p|div|br|li|ol|ul|h[1-6]|article|section)\b[^>]*>", re.I)
#: A saved fragment without <html>: this many block tags in its first HTML_SNIFF_CHARS
#: characters make it HTML (plain text essays about HTML quote a tag or two, not three).
HTML_MIN_BLOCK_TAGS = 3
HTML_SNIFF_CHARS = 20000
#: Share of U+FFFD replacement characters above which a file is binary, not text (a
#: text page in another encoding shows a few; a binary file is full of them).
MAX_REPLACEMENT_SHARE = 0.05


def _base_name(path: Path) -> str:
    name = path.name
    for suffix in _COMPRESSION:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def thread_id(path: Path) -> str:
    return Path(_base_name(path)).stem


def sniff(path: Path, head: str) -> bool:
    """Any text page that is not JSON, XML or CSV (this reader is tried last)."""
    name = _base_name(path).lower()
    if name.endswith(_DATA_SUFFIXES) or "\x00" in head:
        return False
    s = head.lstrip("\ufeff \t\r\n")
    if s.startswith("{") or re.match(r"\[\s*[\[{\"]|\[\s*\]\s*$|\[\s*-?\d+(\.\d+)?\s*,", s):
        return False  # JSON
    if s.startswith("<?xml") or re.match(r"<(rss|feed|wxr)\b", s, re.I):
        return False
    return True


def read(path: Path, options) -> Iterator[Thread]:
    """Exactly one thread: the page's article and its comments, as the page shows them."""
    with open_text(path) as fh:
        raw = fh.read()
    if "\x00" not in raw[:65536] and not sniff(path, raw[:65536]):  # --format scraped forced on data
        raise InputError("does not look like a page (text, HTML or Markdown) but like JSON, XML or CSV data; "
                         "drop --format scraped or name the data's format", path=str(path))
    yield parse_page(raw, thread_id=thread_id(path), source_path=str(path), name=_base_name(path))


def parse_page(raw: str, *, thread_id: str, source_path: str, name: str = "") -> Thread:
    """Parse a page's text (HTML and Markdown are converted first)."""
    _check_text(raw, source_path)
    hints = Hints()
    lower = name.lower()
    html_aside: list[SetAside] = []
    html_tree = None
    if lower.endswith(_HTML_SUFFIXES) or _HTML_DOC.search(raw[:4096]) or len(
            _HTML_BLOCK.findall(raw[:HTML_SNIFF_CHARS])) >= HTML_MIN_BLOCK_TAGS:
        hints, html_tree = html_hints_and_tree(raw)
        raw, html_aside = strip_page_chrome(raw)
        raw = html_to_text(raw)
    elif lower.endswith(_MARKDOWN_SUFFIXES):
        hints = _markdown_hints(raw)
        raw = markdown_to_text(raw)
    lines = split_lines(raw)
    start, _how = find_section(lines)
    article_lines = lines if start is None else lines[:start]
    article, aside = parse_article(article_lines, hints)
    comments, comment_aside = ([], []) if start is None else parse_section(lines[start:])
    if html_tree is not None:
        comments = apply_html_tree(comments, html_tree)
    thread = build_thread(thread_id=thread_id, article=article, comments=comments,
                          source_path=source_path, source_format="scraped")
    set_aside = tuple(html_aside) + tuple(sorted(aside + comment_aside, key=lambda s: (s.line or 0, s.kind)))
    return replace(thread, set_aside=set_aside, structure_inferred=False)


def _check_text(raw: str, path: str) -> None:
    if "\x00" in raw:
        where = f"character {raw.index(chr(0)) + 1}"
        raise InputError("not a text page (binary data, NUL byte); expected text, HTML or Markdown",
                         path=path, where=where)
    if raw and raw.count("\ufffd") > MAX_REPLACEMENT_SHARE * len(raw):
        raise InputError("not a text page (mostly undecodable bytes); expected UTF-8 text, HTML or Markdown",
                         path=path)


def _markdown_hints(text: str) -> Hints:
    m = re.search(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", text, re.M)
    return Hints(title=m.group(1).strip(), title_cue="heading") if m else Hints()


__all__ = ["sniff", "read", "parse_page", "thread_id"]
