"""Reddit thread JSON: the `[post listing, comment listing]` pair that `<permalink>.json` returns.

Comments are `t1` things nested through `replies` (a Listing, or "" when
there are none); `more` things stand for comments Reddit did not send: their
`count` goes to stats.not_loaded and their `children` ids to a SetAside.
Parent ids are the source's with the `t1_`/`t3_` prefix stripped; a parent that
is the submission becomes None. Bodies are Reddit Markdown with `&`, `<`, `>`
HTML-escaped (the API's default); the text is unescaped and converted, and the
body is kept as `original`.

The field helpers here are shared with the Pushshift / Arctic Shift reader,
which carries the same objects one per line.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Comment, Inference, SetAside, Thread
from . import accounting
from .common import build_thread, html_to_text, markdown_to_text, open_text, to_utc_iso

REDDIT = "https://www.reddit.com"
#: Author and body markers Reddit uses (see the API's comment schema: "[deleted]" when the
#: author deleted it, "[removed]" when a moderator removed it, "[ Removed by Reddit ]" for admins).
DELETED_MARKER = "[deleted]"
REMOVED_MARKERS = frozenset({"[removed]"})
#: Admin removals read "[ Removed by Reddit ]" or "[ Removed by Reddit on account of violating ... ]".
REMOVED_BY_REDDIT = re.compile(r"\[\s*removed by reddit\b.*\]", re.I | re.S)
HIDDEN_AUTHORS = frozenset({"[deleted]", "[removed]"})
#: Comment fields copied into Comment.extra (provenance only), when present and not null.
EXTRA_FIELDS = ("score", "permalink", "distinguished", "stickied", "is_submitter", "controversiality",
                "author_flair_text", "subreddit")

_SNIFF_LISTING = re.compile(r'"kind"\s*:\s*"Listing"')
_SNIFF_POST = re.compile(r'"kind"\s*:\s*"t3"')
_SPOILER = re.compile(r">!(.+?)!<", re.S)
_SUPERSCRIPT = re.compile(r"\^\(([^)]*)\)|\^(?=\S)")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~^|])")
_PRIVATE = 0xE000  # private-use code points stand in for backslash-escaped characters
_STAND_INS = re.compile("[\ue000-\ue07f]")
_TRAILING_BLANKS = re.compile(r"[ \t]+\n")
_SPACER_LINES = re.compile(r"\n{3,}")
_FULLNAME = re.compile(r"(t\d)_(.+)")


# --- field helpers (shared with pushshift) -------------------------------------------------


def strip_fullname(value: Any) -> tuple[str | None, str | None]:
    """("t1", "abc") for "t1_abc"; (None, "abc") for a bare id; (None, None) for nothing."""
    if value is None or value == "":
        return None, None
    s = str(value)
    m = _FULLNAME.fullmatch(s)
    if m:
        return m.group(1), m.group(2)
    return None, s


def reddit_markdown(body: str) -> str:
    """Plain text of a Reddit Markdown body (entities, spoilers, superscript, escapes handled)."""
    # The API escapes &, <, > once; Markdown then renders entities the writer typed (new Reddit's
    # editor types "&#x200B;" for blank lines), so two rounds give the text readers saw.
    text = html.unescape(html.unescape(body)).replace("\u200b", "")
    # Each rule runs only when the text holds a character every match of it needs (most bodies are
    # plain sentences, and this runs once per comment).
    if "\\" in text:
        text = _ESCAPED.sub(lambda m: chr(_PRIVATE + ord(m.group(1))), text)
    if ">!" in text:
        text = _SPOILER.sub(r"\1", text)
    if "^" in text:
        text = _SUPERSCRIPT.sub(lambda m: m.group(1) or "", text)
    text = markdown_to_text(text)
    if "\n" in text:
        text = _TRAILING_BLANKS.sub("\n", text)
        text = _SPACER_LINES.sub("\n\n", text)  # blank-line spacers collapse to one paragraph break
    return _STAND_INS.sub(lambda m: chr(ord(m.group(0)) - _PRIVATE), text)


def body_flags(body: str | None) -> tuple[str, ...]:
    if body is None or not body.strip():
        return ("empty",)
    marker = body.strip().lower()
    if marker == DELETED_MARKER:
        return ("deleted",)
    if marker in REMOVED_MARKERS or REMOVED_BY_REDDIT.fullmatch(marker):
        return ("removed",)
    return ()


def edited_info(edited: Any, *, path: str, where: str) -> tuple[bool, str | None]:
    """(was it edited, when) from Reddit's `edited`: false, true, or an epoch timestamp."""
    if edited is None or edited is False or edited == 0 or edited == "false":
        return False, None
    if edited is True or edited == "true":
        return True, None
    return True, to_utc_iso(edited, path=path, where=where)


def comment_from_fields(d: Mapping[str, Any], *, path: str, where: str) -> Comment:
    """One Reddit comment object (API `t1` data or a Pushshift line) as a canonical Comment."""
    cid = d.get("id")
    if cid is None or cid == "":
        _, cid = strip_fullname(d.get("name"))
    if not cid:
        raise InputError("expected a comment with an 'id' (or 'name' like 't1_abc')", path=path, where=where)
    kind, parent = strip_fullname(d.get("parent_id"))
    if kind == "t3":
        parent = None
    body = d.get("body")
    if body is None and isinstance(d.get("body_html"), str):  # some exports keep only the HTML
        body = html_to_text(html.unescape(d["body_html"]))
    if body is not None and not isinstance(body, str):
        raise InputError(f"expected 'body' to be text, got {type(body).__name__}", path=path, where=where)
    flags = set(body_flags(body))
    author = d.get("author")
    if author is not None and not isinstance(author, str):
        raise InputError(f"expected 'author' to be text, got {type(author).__name__}", path=path,
                         where=_at(where, "author"))
    if author in HIDDEN_AUTHORS or author == "":
        author = None
        flags.add("author_deleted")
    elif author is not None:
        author = str(author)
    edited, edited_at = edited_info(d.get("edited"), path=path, where=_at(where, "edited"))
    if edited:
        flags.add("edited")
    extra: dict[str, Any] = {}
    for k in EXTRA_FIELDS:  # a scalar copied, a list or object left out
        value = d.get(k)
        if value is not None and isinstance(value, (str, int, float, bool)):
            extra[k] = value
    if edited_at:
        extra["edited_at"] = edited_at
    text = reddit_markdown(body) if body else ""
    return Comment(
        id=str(cid),
        text=text,
        author=author,
        parent=str(parent) if parent is not None else None,
        timestamp=to_utc_iso(d.get("created_utc"), path=path, where=_at(where, "created_utc")),
        original=body if body is not None and text != body else None,
        flags=tuple(sorted(flags)),
        extra=extra,
    )


def article_from_submission(d: Mapping[str, Any], *, path: str, where: str) -> Article:
    """The submission (`t3` data or a Pushshift submission line) as the thread's Article."""
    author = d.get("author")
    if author is not None and not isinstance(author, str):
        raise InputError(f"expected 'author' to be text, got {type(author).__name__}", path=path,
                         where=_at(where, "author"))
    if author in HIDDEN_AUTHORS:
        author = None
    permalink = d.get("permalink")
    url = d.get("url") or None
    if d.get("is_self") or not url:
        url = REDDIT + permalink if isinstance(permalink, str) and permalink.startswith("/") else (url or permalink)
    selftext = d.get("selftext") or ""
    return Article(
        title=html.unescape(d["title"]) if isinstance(d.get("title"), str) else None,
        author=str(author) if author else None,
        date=to_utc_iso(d.get("created_utc"), path=path, where=_at(where, "created_utc")),
        url=url,
        text=reddit_markdown(selftext) if isinstance(selftext, str) else "",
    )


def unknown_article(post_id: str, subreddit: str | None) -> Article:
    """The Article of comments whose submission is not in the input: only its address is known."""
    url = f"{REDDIT}/r/{subreddit}/comments/{post_id}/" if subreddit else f"{REDDIT}/comments/{post_id}/"
    return Article(url=url, inferred={"url": Inference(
        cue="link_id", confidence=1.0, evidence=f"t3_{post_id}",
        note="the submission is not in the input; its address is built from the comments' link_id")})


def _at(where: str, field: str) -> str:
    """Where a field is: a JSON path gets `.field`, a line number gets `, field 'x'`."""
    return f"{where}, field {field!r}" if where.startswith("line ") else f"{where}.{field}"


# --- the thread JSON reader ------------------------------------------------------------------


def sniff(path: Path, head: str) -> bool:
    """A JSON array whose first Listing holds a `t3` submission."""
    s = head.lstrip()
    return s.startswith("[") and bool(_SNIFF_LISTING.search(s[:4096])) and bool(_SNIFF_POST.search(s))


def read(path: Path, options) -> Iterator[Thread]:
    p = str(path)
    with open_text(path) as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as e:
            raise InputError(f"invalid JSON: {e.msg}; expected a Reddit thread "
                             "([post listing, comment listing])", path=p, where=f"line {e.lineno}") from None
    yield thread_from_json(data, path=p)


def thread_from_json(data: Any, *, path: str) -> Thread:
    """Build the Thread of one parsed Reddit thread document."""
    listings = data if isinstance(data, list) else None
    if not listings or not all(_is_listing(x) for x in listings):
        raise InputError("expected a JSON array of Reddit Listings ([post listing, comment listing])",
                         path=path, where="top level")
    posts = listings[0]["data"].get("children") or []
    if not posts or not isinstance(posts[0], dict) or posts[0].get("kind") != "t3":
        raise InputError("expected the first Listing to hold the submission (kind 't3')",
                         path=path, where="[0].data.children[0]")
    post = posts[0].get("data") or {}
    post_id = post.get("id") or strip_fullname(post.get("name"))[1]
    if not post_id:
        raise InputError("expected the submission to have an 'id'", path=path, where="[0].data.children[0].data")
    article = article_from_submission(post, path=path, where="[0].data.children[0].data")
    comments: list[Comment] = []
    hidden: list[str] = []
    continued: list[str] = []
    not_loaded = 0
    roots = (listings[1]["data"].get("children") or []) if len(listings) > 1 else []
    # Depth-first, in source order, without recursion (threads can be deep).
    # Each entry carries the id of the comment it is nested under (None at top level).
    stack: list[tuple[Any, str, str | None]] = [(thing, f"[1].data.children[{i}]", None)
                                                for i, thing in enumerate(roots)][::-1]
    while stack:
        thing, where, up = stack.pop()
        kind = thing.get("kind") if isinstance(thing, dict) else None
        d = thing.get("data") if isinstance(thing, dict) else None
        if not isinstance(d, dict):
            raise InputError("expected a Reddit thing {kind, data}", path=path, where=where)
        if kind == "more":
            count = d.get("count") or 0
            if not isinstance(count, int):
                raise InputError("expected 'count' of a 'more' stub to be an integer", path=path, where=where)
            ids = [str(i) for i in d.get("children") or []]
            not_loaded += count
            hidden.extend(ids)
            if not ids:  # "continue this thread": Reddit does not say how many
                continued.append(strip_fullname(d.get("parent_id"))[1] or "")
            continue
        if kind != "t1":
            raise InputError(f"expected a comment (kind 't1') or 'more' stub, got kind {kind!r}",
                             path=path, where=where)
        comment = comment_from_fields(d, path=path, where=where + ".data")
        if up is not None and d.get("parent_id") in (None, ""):  # the nesting states the parent too
            comment = replace(comment, parent=up)
        comments.append(comment)
        replies = d.get("replies")
        if replies in ("", None):
            continue
        if not _is_listing(replies):
            raise InputError("expected 'replies' to be a Listing or \"\"", path=path, where=where + ".data.replies")
        kids = replies["data"].get("children") or []
        stack.extend((k, f"{where}.data.replies.data.children[{i}]", comment.id)
                     for i, k in reversed(list(enumerate(kids))))
    unique, dup_aside = accounting.drop_duplicates(comments)
    thread = build_thread(thread_id=f"reddit-{post_id}", article=article, comments=unique,
                          source_path=path, source_format="reddit", not_loaded=not_loaded)
    asides: list[SetAside] = [a for a in (
        accounting.id_list_aside(accounting.NOT_LOADED, hidden),
        accounting.id_list_aside(accounting.NOT_LOADED_UNKNOWN, continued),
        dup_aside,
    ) if a is not None]
    return replace(thread, set_aside=tuple(asides))


def _is_listing(x: Any) -> bool:
    return isinstance(x, dict) and x.get("kind") == "Listing" and isinstance(x.get("data"), dict)
