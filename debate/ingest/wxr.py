"""WordPress eXtended RSS (WXR) exports: one thread per post or page.

WXR has no formal specification; the layout follows WordPress's exporter
(wp-admin/includes/export.php): `<rss><channel>` with `wp:author` entries,
then one `<item>` per post carrying `wp:comment` elements. The `wp:`
namespace changes with the WXR version (http://wordpress.org/export/1.0/ ..
1.2/), so elements are matched by their local name within any of them.

Choices:
- Every published (or private) post, page or custom type is a thread, even
  without comments; attachments, menu items, revisions and other site
  furniture, and drafts, trash and scheduled posts, are not, unless they do
  carry comments.
- `wp:comment_approved`: 0 -> "unapproved", "spam" -> "spam", "trash" and
  "post-trashed" -> "deleted". Everything is kept and flagged.
- Pingbacks and trackbacks are flagged, listed after the discussion, and are
  never parents: a reply to one is attached to the article (the link is kept
  in `extra["source_parent"]`).
- Comments are listed oldest first, as WordPress displays them (the exporter
  writes them in database order), ties broken by comment id.
- Times come from `*_date_gmt`; when WordPress stored the zero date there,
  the site-local date is used as if it were UTC and `extra["time_zone"]`
  says so.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

from ..errors import InputError
from ..model import Article, Comment, Thread
from .assembly import assemble
from .common import html_to_text, plain_text, to_utc_iso
from .xmlstream import elements, local, namespace, text_of

WP_NS_PREFIX = "http://wordpress.org/export/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
#: Post types that are site furniture, not articles (WordPress core and common block-theme types).
NON_THREAD_TYPES = frozenset({
    "attachment", "nav_menu_item", "revision", "customize_changeset", "oembed_cache", "user_request",
    "wp_block", "wp_template", "wp_template_part", "wp_global_styles", "wp_navigation",
    "wp_font_family", "wp_font_face", "custom_css",
})
#: Statuses of posts readers could see; drafts, trash, scheduled and pending posts are threads only
#: if they carry comments (e.g. a published post later trashed).
VISIBLE_STATUSES = frozenset({"publish", "private", ""})
#: `wp:comment_approved` values -> flag.
APPROVAL_FLAGS = {"0": "unapproved", "spam": "spam", "trash": "deleted", "post-trashed": "deleted"}
LINK_TYPES = frozenset({"pingback", "trackback"})
#: MySQL's zero date, which WordPress writes for unknown GMT times.
ZERO_DATE = "0000-00-00 00:00:00"
EXPECTED = "a WordPress WXR export (<rss> with wp: elements)"
_MARKUP = re.compile(r"<[a-zA-Z/!]|&\w+;|&#")  # a tag or an entity: the text was converted, not just trimmed


def sniff(path: Path, head: str) -> bool:
    return "<rss" in head and WP_NS_PREFIX in head and ("<item" in head or "wxr_version" in head)


def _is_wp(elem: ET.Element) -> bool:
    return _wp_name(elem.tag) is not None


@cache  # a file has few distinct tags, and each comment has a dozen wp: children
def _wp_name(tag: str) -> str | None:
    """The local name of a wp: tag, None for a tag of another namespace."""
    ns = namespace(tag)
    return local(tag) if ns.startswith(WP_NS_PREFIX) and not ns.rstrip("/").endswith("excerpt") else None


def _wp(elem: ET.Element, name: str) -> str:
    for child in elem:
        if local(child.tag) == name and _is_wp(child):
            return text_of(child).strip()
    return ""


def _wp_fields(elem: ET.Element) -> dict[str, ET.Element]:
    """wp: children by local name (first of each), read in one pass."""
    out: dict[str, ET.Element] = {}
    for child in elem:
        name = _wp_name(child.tag)
        if name is not None:
            out.setdefault(name, child)
    return out


def _child(elem: ET.Element, name: str, ns: str | None = None) -> ET.Element | None:
    for child in elem:
        if local(child.tag) == name and (ns is None or namespace(child.tag) == ns):
            return child
    return None


def read(path: Path, options) -> Iterator[Thread]:
    authors: dict[str, str] = {}  # login -> display name
    for elem in elements(path, EXPECTED, "rss", 2, progress=options.progress):  # <rss><channel><...>
        name = local(elem.tag)
        if name == "author" and _is_wp(elem):
            login, display = _wp(elem, "author_login"), _wp(elem, "author_display_name")
            if login:
                authors[login] = display or login
        elif name == "item":
            thread = _item(elem, path, authors)
            if thread is not None:
                yield thread


def _item(item: ET.Element, path: Path, authors: dict[str, str]) -> Thread | None:
    comment_elems = [c for c in item if local(c.tag) == "comment" and _is_wp(c)]
    post_type = _wp(item, "post_type") or "post"
    status = _wp(item, "status")
    if not comment_elems and (post_type in NON_THREAD_TYPES or status not in VISIBLE_STATUSES):
        return None
    post_id = _wp(item, "post_id")
    link = text_of(_child(item, "link")).strip() or None
    thread_id = post_id or link or text_of(_child(item, "guid")).strip()
    where = f"<item> post {thread_id}" if thread_id else "<item>"
    if not thread_id:
        raise InputError("an <item> has neither wp:post_id, link nor guid; expected one to name the thread",
                         path=str(path), where=where)
    creator = text_of(_child(item, "creator", DC_NS)).strip()
    body = text_of(_child(item, "encoded", CONTENT_NS))
    date = _gmt(_wp(item, "post_date_gmt"), _wp(item, "post_date"), path, where)[0]
    if date is None:
        date = to_utc_iso(text_of(_child(item, "pubDate")).strip() or None, path=str(path), where=where)
    article = Article(
        title=html_to_text(text_of(_child(item, "title"))) or None,
        author=_name(authors.get(creator, creator)),
        date=date,
        url=link,
        text=html_to_text(body),
    )
    comments = sorted((_comment(c, path, where) for c in comment_elems), key=_display_order)
    comments = _apart_links(comments)
    return assemble(thread_id=thread_id, article=article, comments=comments,
                    source_path=str(path), source_format="wxr")


def _display_order(c: Comment) -> tuple:
    """WordPress shows comments oldest first; the exporter lists them in database order."""
    return (c.timestamp is None, c.timestamp or "", int(c.id) if c.id.isdigit() else 0, c.id)


def _gmt(gmt: str, local_date: str, path: Path, where: str) -> tuple[str | None, bool]:
    """(UTC time, whether the site-local time had to stand in)."""
    if gmt and gmt != ZERO_DATE:
        return to_utc_iso(gmt, path=str(path), where=where), False
    if local_date and local_date != ZERO_DATE:
        return to_utc_iso(local_date, path=str(path), where=where), True
    return None, False


def _comment(elem: ET.Element, path: Path, item_where: str) -> Comment:
    wp = _wp_fields(elem)

    def field(name: str) -> str:
        return text_of(wp.get(name)).strip()

    cid = field("comment_id")
    where = f"{item_where} wp:comment {cid}" if cid else f"{item_where} wp:comment"
    if not cid:
        raise InputError("a wp:comment has no wp:comment_id; expected a number", path=str(path), where=where)
    parent = field("comment_parent")
    timestamp, local_time = _gmt(field("comment_date_gmt"), field("comment_date"), path, where)
    content = text_of(wp.get("comment_content"))
    text, original = plain_text(content, "html")
    if original is not None and not _MARKUP.search(original):
        original = None  # only whitespace was trimmed
    approved = field("comment_approved")
    ctype = field("comment_type")
    flags = set()
    if approved in APPROVAL_FLAGS:
        flags.add(APPROVAL_FLAGS[approved])
    if ctype in LINK_TYPES:
        flags.add(ctype)
    if not text:
        flags.add("empty")
    extra: dict[str, str | int | float | bool | None] = {}
    if approved not in APPROVAL_FLAGS and approved != "1":
        extra["approved"] = approved
    if ctype and ctype not in LINK_TYPES and ctype != "comment":
        extra["comment_type"] = ctype
    url = field("comment_author_url")
    if url:
        extra["author_url"] = url
    user_id = field("comment_user_id")
    if user_id and user_id != "0":
        extra["user_id"] = user_id
    if local_time:
        extra["time_zone"] = "site-local time read as UTC (no GMT time in the export)"
    return Comment(
        id=cid,
        text=text,
        author=_name(field("comment_author")),
        parent=None if parent in ("", "0") else parent,
        # a registered user keeps one identity even if the display name changes
        speaker=f"wp-user:{user_id}" if user_id and user_id != "0" else None,
        timestamp=timestamp,
        original=original,
        flags=tuple(sorted(flags)),
        extra=extra,
    )


def _name(value: str) -> str | None:
    """WordPress stores names with entities ("O&#039;Brien"); the reader wants the name."""
    return " ".join(html.unescape(value).split()) or None


def _apart_links(comments: list[Comment]) -> list[Comment]:
    """Discussion first, then pingbacks/trackbacks; nothing replies to a link notice."""
    links = {c.id for c in comments if LINK_TYPES & set(c.flags)}
    if not links:
        return comments
    out = []
    for c in comments:
        if c.parent in links or (c.id in links and c.parent is not None):
            c = replace(c, parent=None, extra={**c.extra, "source_parent": c.parent,
                                               "reattached": "pingbacks and trackbacks stay out of the reply tree"})
        out.append(c)
    return [c for c in out if c.id not in links] + [c for c in out if c.id in links]
