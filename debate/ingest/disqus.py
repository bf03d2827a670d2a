"""Disqus XML exports: `<disqus>` with `<category>`, `<thread>` and `<post>` elements.

Layout per Disqus's export documentation (schema disqus.xsd / internals.xsd):
threads are declared before posts; each post names its thread with
`<thread dsq:id>` and, when a reply, its parent with `<parent dsq:id>`.
Posts are listed in time order, not by thread, so they are grouped (with a
disk spill for huge exports, see `grouping`).

Choices:
- One Thread per `<thread>`, in document order, keyed by its `dsq:id` (or
  its `<id>` when it has none). Comments are keyed by the post's `dsq:id`
  (or `<id>`). The export documentation also shows posts naming their thread
  as `<thread>` text (the thread's `<id>`) and their parent as `<parent>`
  text (the parent's `<id>`); both are resolved.
- Threads without posts are kept as 0-comment threads: an export lists every
  page the embed ever loaded on, so expect many; nothing is dropped, and
  `debate parse --stats` shows them as loaded 0.
- Posts naming a thread the export does not declare still form a thread
  (with an unknown article) rather than vanish.
- Titles are HTML-escaped once more inside the XML ("&amp;#039;"): they are
  unescaped until stable (at most twice).
- `isDeleted` -> "deleted", `isSpam` -> "spam"; both kept.
- Posts are listed oldest first (export order for equal times).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article, Comment, Thread
from .assembly import assemble
from .common import html_to_text, plain_text, to_utc_iso
from .grouping import Grouper
from .xmlstream import children, elements, local, text_of

DSQ_NS = "http://disqus.com/disqus-internals"
DSQ_ID = f"{{{DSQ_NS}}}id"
EXPECTED = "a Disqus XML export (<disqus> with <thread> and <post> elements)"
#: Titles arrive escaped once by Disqus on top of the XML escaping; more rounds would eat real "&amp;".
TITLE_UNESCAPE_ROUNDS = 2


def sniff(path: Path, head: str) -> bool:
    return "<disqus" in head and "disqus.com" in head


def _child(elem: ET.Element, name: str) -> ET.Element | None:
    for child in elem:
        if local(child.tag) == name:
            return child
    return None


def _text(elem: ET.Element, name: str) -> str:
    return text_of(_child(elem, name)).strip()


def _dsq_id(elem: ET.Element | None) -> str:
    if elem is None:
        return ""
    for key, value in elem.attrib.items():
        if key == DSQ_ID or local(key) == "id":
            return value.strip()
    return ""


def _true(value: str) -> bool:
    return value.strip().lower() in ("true", "1")


def unescape_title(title: str) -> str:
    for _ in range(TITLE_UNESCAPE_ROUNDS):
        unescaped = html.unescape(title)
        if unescaped == title:
            break
        title = unescaped
    return " ".join(title.split())


def read(path: Path, options) -> Iterator[Thread]:
    articles: dict[str, Article] = {}
    idents: dict[str, str] = {}  # a thread's own <id> -> its key, for posts that name it that way
    with Grouper(spill_dir=options.spill_dir) as posts:
        for elem in elements(path, EXPECTED, "disqus", 1, progress=options.progress):
            name = local(elem.tag)
            if name == "thread":
                ident = _text(elem, "id")
                tid = _dsq_id(elem) or ident
                if not tid:
                    raise InputError("a <thread> has neither a dsq:id attribute nor an <id>; expected one",
                                     path=str(path), where=f"<thread> number {len(articles) + 1}")
                articles[tid] = _article(elem, path, tid)
                if ident:
                    idents.setdefault(ident, tid)
            elif name == "post":
                record = _post(elem, path)
                thread_dsq, thread_text = record.pop("thread")
                posts.add(thread_dsq or idents.get(thread_text, thread_text), record)
        for tid, article in articles.items():
            yield _thread(tid, article, posts.get(tid), path)
        for tid in posts.keys():
            if tid not in articles:
                yield _thread(tid, Article(), posts.get(tid), path)


def _article(elem: ET.Element, path: Path, tid: str) -> Article:
    author = _child(elem, "author")
    created = _text(elem, "createdAt")
    return Article(
        title=unescape_title(_text(elem, "title")) or None,
        author=(_text(author, "name") or _text(author, "username") or None) if author is not None else None,
        date=to_utc_iso(created or None, path=str(path), where=f"<thread dsq:id=\"{tid}\">"),
        url=_text(elem, "link") or None,
        text=html_to_text(text_of(_child(elem, "message"))),
    )


def _post(elem: ET.Element, path: Path) -> dict:
    """One post as a plain record. Disqus names things by `dsq:id` attributes; its documentation
    also shows posts naming their thread and parent by the site's own `<id>` text instead."""
    kids = children(elem)
    local_id = text_of(kids.get("id")).strip()
    pid = _dsq_id(elem) or local_id
    where = f"<post dsq:id=\"{pid}\">" if pid else "<post>"
    if not pid:
        raise InputError("a <post> has neither a dsq:id attribute nor an <id>; expected one",
                         path=str(path), where=where)
    thread_elem = kids.get("thread")
    thread = (_dsq_id(thread_elem), text_of(thread_elem).strip())
    if not any(thread):
        raise InputError("a <post> names no <thread dsq:id>; expected the thread it belongs to",
                         path=str(path), where=where)
    parent_elem = kids.get("parent")
    author = children(kids.get("author"))
    created = text_of(kids.get("createdAt")).strip()
    return {
        "id": pid,
        "local_id": local_id,
        "thread": thread,
        "parent": _dsq_id(parent_elem) or None,
        "parent_ref": text_of(parent_elem).strip() or None,  # the parent's own <id>, when no dsq:id
        "message": text_of(kids.get("message")),
        "time": to_utc_iso(created or None, path=str(path), where=where),
        "deleted": _true(text_of(kids.get("isDeleted"))),
        "spam": _true(text_of(kids.get("isSpam"))),
        "name": text_of(author.get("name")).strip(),
        "username": text_of(author.get("username")).strip(),
        "anonymous": _true(text_of(author.get("isAnonymous"))),
    }


def _thread(tid: str, article: Article, records: list[dict], path: Path) -> Thread:
    by_local = {r["local_id"]: r["id"] for r in records if r["local_id"]}
    comments = []
    # oldest first, as the "oldest" sort on the page; the export order is kept for equal times
    for r in sorted(records, key=lambda r: (r["time"] is None, r["time"] or "")):
        parent = r["parent"] or (by_local.get(r["parent_ref"], r["parent_ref"]) if r["parent_ref"] else None)
        text, original = plain_text(r["message"], "html")
        flags = {flag for flag in ("deleted", "spam") if r[flag]}
        if not text:
            flags.add("empty")
        extra: dict[str, str | int | float | bool | None] = {}
        if r["username"]:
            extra["username"] = r["username"]
        if r["anonymous"]:
            extra["anonymous"] = True
        comments.append(Comment(
            id=r["id"], text=text, author=r["name"] or r["username"] or None, parent=parent,
            # the account, not the display name, identifies a person (two "John"s differ)
            speaker=f"disqus:{r['username']}" if r["username"] else None,
            timestamp=r["time"], original=original, flags=tuple(sorted(flags)), extra=extra,
        ))
    return assemble(thread_id=tid, article=article, comments=comments, source_path=str(path),
                    source_format="disqus")
