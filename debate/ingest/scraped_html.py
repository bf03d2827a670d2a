"""What a page's HTML says before it is flattened to text.

The title (<h1>, else <title> without the site name), <meta> author and
published date, page chrome (<head>, <nav>) and, for comment lists built
from nested <li> elements (WordPress "commentlist", "children"), which
comment each one is nested under: the layout states that parent, so it is
recorded, not inferred from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from ..model import Comment, Inference, SetAside
from .common import html_to_text
from .scraped_article import Hints
from .scraped_dates import find_date

#: A reply nested in the markup under another comment: stated by the page, so
#: near-certain once the comments found in the text line up one-to-one with the <li>s.
HTML_NESTING_CONFIDENCE = 0.95
_COMMENT_CLASS = re.compile(r"\b(?:comment|pingback|trackback)\b", re.I)
#: Theme classes that mark the post's own title, and the site's name set as a heading.
_POST_TITLE = re.compile(r"\b(?:entry-title|post-title|article-title|headline)\b")
_SITE_TITLE = re.compile(r"\b(?:site-title|site-name|logo|brand)")
_CHROME = re.compile(r"<(head|nav)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _HintParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1: list[str] | None = None
        self.h1_done = False
        self.title: list[str] | None = None
        self.title_done = False
        self.author: str | None = None
        self.date: str | None = None
        self.post_title: list[str] | None = None
        self.post_title_tag: str | None = None
        self.post_title_done = False

    def handle_starttag(self, tag, attrs):
        self._hint_start(tag, {k.lower(): (v or "") for k, v in attrs})

    def _hint_start(self, tag: str, a: dict[str, str]) -> None:
        cls = a.get("class", "").lower()
        if _POST_TITLE.search(cls) and self.post_title is None:
            self.post_title = []
            self.post_title_tag = tag
        elif tag == "h1" and not self.h1_done and not _SITE_TITLE.search(cls):
            self.h1 = []
        elif tag == "title" and not self.title_done:
            self.title = []
        elif tag == "meta":
            key = (a.get("name") or a.get("property") or "").lower()
            content = a.get("content", "").strip()
            if key in ("author", "article:author", "dc.creator") and not self.author and content:
                if not content.startswith("http"):
                    self.author = content
            if key in ("article:published_time", "date", "dc.date", "pubdate") and not self.date:
                found = find_date(content)
                self.date = found.iso[:10] if found else None
        elif tag == "time" and not self.date and a.get("datetime"):
            found = find_date(a["datetime"])
            self.date = found.iso[:10] if found else None

    def handle_endtag(self, tag):
        if tag == self.post_title_tag and self.post_title is not None:
            self.post_title_done = True
        if tag == "h1" and self.h1 is not None:
            self.h1_done = True
        elif tag == "title" and self.title is not None:
            self.title_done = True

    def handle_data(self, data):
        if self.post_title is not None and not self.post_title_done:
            self.post_title.append(data)
        if self.h1 is not None and not self.h1_done:
            self.h1.append(data)
        if self.title is not None and not self.title_done:
            self.title.append(data)


def html_hints(markup: str) -> Hints:
    p = _HintParser()
    p.feed(markup)
    p.close()
    return _hints_of(p)


def _hints_of(p: _HintParser) -> Hints:
    post = " ".join("".join(p.post_title or []).split())
    if post:
        return Hints(title=post, title_cue="post_title", author=p.author, date=p.date)
    h1 = " ".join("".join(p.h1 or []).split())
    if h1:
        return Hints(title=h1, title_cue="h1", author=p.author, date=p.date)
    title = " ".join("".join(p.title or []).split())
    title = re.split(r"\s+[|–—]\s+|\s+-\s+", title)[0] if title else ""
    return Hints(title=title or None, title_cue="html_title", author=p.author, date=p.date)


def strip_page_chrome(markup: str) -> tuple[str, list[SetAside]]:
    """Remove <head> (metadata, read by `html_hints`) and <nav> (set aside as navigation)."""
    aside = []
    for m in _CHROME.finditer(markup):
        if m.group(1).lower() == "nav":
            text = html_to_text(m.group(2))
            if text:
                aside.append(SetAside("navigation", " ".join(text.split())))
    return _CHROME.sub("\n", markup), aside


@dataclass(frozen=True)
class HtmlComment:
    html_id: str | None
    parent: int | None  # index of the enclosing comment element, None at top level


class _TreeParser(HTMLParser):
    """Comment <li>/<article> elements in document order, with the comment element enclosing each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[HtmlComment] = []
        self.stack: list[tuple[str, int | None]] = []  # (tag, comment index if this element is a comment)

    def handle_starttag(self, tag, attrs):
        if tag not in _VOID:
            self._tree_start(tag, {k.lower(): (v or "") for k, v in attrs})

    def _tree_start(self, tag: str, a: dict[str, str]) -> None:
        is_comment = tag in ("li", "article") and (
            bool(_COMMENT_CLASS.search(a.get("class", ""))) or a.get("id", "").startswith(("comment-", "li-comment-")))
        index = None
        if is_comment:
            enclosing = next((i for _, i in reversed(self.stack) if i is not None), None)
            index = len(self.items)
            self.items.append(HtmlComment(a.get("id") or None, enclosing))
        self.stack.append((tag, index))

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                return


def html_comment_tree(markup: str) -> list[HtmlComment]:
    p = _TreeParser()
    p.feed(markup)
    p.close()
    return p.items


class _PageParser(_HintParser):
    """Both readings of a page in one pass of `html.parser` (each is most of the time a small page takes):
    every event goes to the hint reader and to the comment-tree reader (whose handlers only read `items`
    and `stack`), as two separate parses would."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[HtmlComment] = []
        self.stack: list[tuple[str, int | None]] = []

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}  # both readers read the same attributes
        self._hint_start(tag, a)
        if tag not in _VOID:
            _TreeParser._tree_start(self, tag, a)

    def handle_endtag(self, tag):
        _HintParser.handle_endtag(self, tag)
        _TreeParser.handle_endtag(self, tag)


def html_hints_and_tree(markup: str) -> tuple[Hints, list[HtmlComment]]:
    """`(html_hints(markup), html_comment_tree(markup))`, parsing the markup once."""
    p = _PageParser()
    p.feed(markup)
    p.close()
    return _hints_of(p), p.items


def apply_html_tree(comments: list[Comment], tree: list[HtmlComment]) -> list[Comment]:
    """Give each comment the parent its markup nests it under, when comments and elements match one-to-one."""
    if not tree or len(tree) != len(comments) or any(c.parent for c in comments):
        return comments
    out = []
    for c, item in zip(comments, tree):
        extra = {**c.extra, "html_id": item.html_id} if item.html_id else dict(c.extra)
        if item.parent is None:
            out.append(replace(c, extra=extra))
            continue
        parent = comments[item.parent]
        evidence = f"<li id={item.html_id!r}> inside <li id={tree[item.parent].html_id!r}>"
        out.append(replace(c, parent=parent.id, extra=extra, inferred={
            **c.inferred,
            "parent": Inference("html_nesting", HTML_NESTING_CONFIDENCE, evidence,
                                "the page's markup nests this comment under its parent"),
        }))
    return out
