"""Hacker News threads: the Algolia `items/<id>` JSON and the official Firebase item JSON.

Algolia nests the whole tree: each item has `children`, `parent_id`,
`story_id`, `created_at_i`; a deleted comment keeps its place with `author`
and `text` null. Firebase serves one item at a time (`by`, `time`, `parent`,
`kids` in display order, `deleted`/`dead`); a saved thread is a list of such
items, an object of them keyed by id, or one item a line. Kids the file does
not hold are counted as not loaded and listed by id.

Bodies are HTML; the plain text is analysed and the HTML kept as `original`.
Pages of Algolia *search* results (`{"hits": [...]}`, e.g. from
`search?tags=comment,story_<id>`, one page or a list of pages) are read too:
hits are flat, with `objectID`, `comment_text`, `parent_id` and `story_id`,
and are grouped into one thread per story.

A deleted item gets the text "[deleted]" and the flag "deleted"; a dead one
(killed by moderators or flags) the flag "removed", keeping its text if given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Comment, SetAside, Thread
from . import accounting
from .common import build_thread, open_text, plain_text, to_utc_iso, unescape

HN_ITEM = "https://news.ycombinator.com/item?id="
#: Item types that head a thread; the rest ("comment", "pollopt") hang below one.
STORY_TYPES = frozenset({"story", "job", "poll"})
DELETED_TEXT = "[deleted]"
DEAD_TEXT = "[dead]"

_ALGOLIA = re.compile(r'"(story_id|created_at_i)"\s*:')
_CHILDREN = re.compile(r'"children"\s*:\s*\[')
_HITS = re.compile(r'"hits"\s*:\s*\[')
_FIREBASE_TYPE = re.compile(r'"type"\s*:\s*"(story|comment|job|poll|pollopt)"')
_FIREBASE_FIELD = re.compile(r'"(by|kids|descendants|parent)"\s*:')


def sniff(path: Path, head: str) -> bool:
    s = head.lstrip()
    if not s.startswith(("{", "[")):
        return False
    if _CHILDREN.search(s) and _ALGOLIA.search(s):
        return True
    if _HITS.search(s) and '"objectID"' in s and _ALGOLIA.search(s):
        return True
    return bool(_FIREBASE_TYPE.search(s) and _FIREBASE_FIELD.search(s) and re.search(r'"time"\s*:\s*\d', s))


def read(path: Path, options) -> Iterator[Thread]:
    p = str(path)
    data = _load(path)
    if isinstance(data, dict) and "children" in data and ("story_id" in data or "created_at_i" in data):
        yield _algolia_thread(data, path=p)
        return
    hits = _search_hits(data)
    if hits is not None:
        yield from _search_threads(hits, path=p)
        return
    items = _firebase_items(data, path=p)
    yield from _firebase_threads(items, path=p)


def _load(path: Path) -> Any:
    """The parsed file: one JSON document, or a list of the objects of a JSON Lines file."""
    with open_text(path) as fh:
        text = fh.read()
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg != "Extra data":
            raise InputError(f"invalid JSON ({e.msg}); expected a Hacker News item (Algolia or Firebase)",
                             path=str(path), where=f"line {e.lineno}") from None
    items = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise InputError(f"invalid JSON ({e.msg}); expected one Hacker News item per line",
                             path=str(path), where=f"line {lineno}") from None
    return items


def _text(item: Mapping[str, Any], *, deleted: bool, dead: bool) -> tuple[str, str | None, set[str]]:
    """(plain text, original HTML, flags) of an item's body."""
    flags: set[str] = set()
    raw = item.get("text")
    if deleted:
        flags.add("deleted")
    if dead:
        flags.add("removed")
    if raw is None or raw == "":
        if deleted:
            return DELETED_TEXT, None, flags
        if dead:
            return DEAD_TEXT, None, flags
        return "", None, flags | {"empty"}
    text, original = plain_text(str(raw), "html")
    return text, original, flags


def _check_types(item: Mapping[str, Any], *, path: str, where: str) -> None:
    """Names must be text and kid lists lists: a hand-edited file may say otherwise."""
    for key, kind, name in (("author", str, "text"), ("by", str, "text"), ("title", str, "text"),
                            ("children", list, "a list"), ("kids", list, "a list")):
        if item.get(key) is not None and not isinstance(item[key], kind):
            raise InputError(f"expected {key!r} to be {name}, got {type(item[key]).__name__}",
                             path=path, where=f"{where}.{key}")


# --- Algolia ------------------------------------------------------------------------------------


def _algolia_thread(root: dict[str, Any], *, path: str) -> Thread:
    story_id = root.get("story_id") or root.get("id")
    if story_id is None:
        raise InputError("expected the item to have an 'id'", path=path, where="top level")
    _check_types(root, path=path, where="top level")
    comments: list[Comment] = []
    is_story = root.get("type") in STORY_TYPES or root.get("id") == story_id
    if is_story:
        article = _algolia_article(root, path=path)
        stack = [(child, f"children[{i}]", None) for i, child in enumerate(root.get("children") or [])][::-1]
    else:  # a comment's subtree: keep the comment itself; its parent is outside the file
        article = Article(url=f"{HN_ITEM}{story_id}")
        stack = [(root, "top level", None)]
    while stack:
        item, where, up = stack.pop()
        if not isinstance(item, dict) or item.get("id") is None:
            raise InputError("expected a Hacker News item object with an 'id'", path=path, where=where)
        _check_types(item, path=path, where=where)
        comment = _algolia_comment(item, story_id, path=path, where=where)
        if up is not None and item.get("parent_id") is None:  # the nesting states the parent too
            comment = replace(comment, parent=up)
        comments.append(comment)
        kids = item.get("children") or []
        if not isinstance(kids, list):
            raise InputError("expected 'children' to be a list", path=path, where=f"{where}.children")
        stack.extend((k, f"{where}.children[{i}]", comment.id) for i, k in reversed(list(enumerate(kids))))
    unique, dup = accounting.drop_duplicates(comments)
    thread = build_thread(thread_id=f"hn-{story_id}", article=article, comments=unique,
                          source_path=path, source_format="hackernews")
    asides = [a for a in (dup, _poll_options(root)) if a is not None]
    return replace(thread, set_aside=tuple(asides))


def _algolia_article(root: Mapping[str, Any], *, path: str) -> Article:
    text, _, _ = _text(root, deleted=False, dead=False) if root.get("text") else ("", None, set())
    return Article(
        title=unescape(root.get("title")) or None,
        author=root.get("author") or None,
        date=to_utc_iso(root.get("created_at_i") or root.get("created_at"), path=path, where="top level"),
        url=root.get("url") or f"{HN_ITEM}{root.get('id')}",
        text=text,
    )


def _algolia_comment(item: Mapping[str, Any], story_id: Any, *, path: str, where: str) -> Comment:
    # Algolia keeps deleted comments in the tree with author and text null.
    deleted = item.get("author") is None and item.get("text") is None
    text, original, flags = _text(item, deleted=deleted, dead=False)
    parent = item.get("parent_id")
    extra = {"points": item["points"]} if isinstance(item.get("points"), int) else {}
    return Comment(
        id=str(item["id"]),
        text=text,
        author=item.get("author") or None,
        parent=None if parent is None or parent == story_id else str(parent),
        timestamp=to_utc_iso(item.get("created_at_i") or item.get("created_at"), path=path, where=where),
        original=original,
        flags=tuple(sorted(flags)),
        extra=extra,
    )


def _poll_options(root: Mapping[str, Any]) -> SetAside | None:
    opts = [o for o in root.get("options") or [] if isinstance(o, dict)]
    if not opts:
        return None
    return SetAside(kind="poll_options", text="\n".join(plain_text(str(o.get("text") or ""), "html")[0] for o in opts))


# --- Firebase -----------------------------------------------------------------------------------


def _firebase_items(data: Any, *, path: str) -> list[dict[str, Any]]:
    if isinstance(data, dict) and "id" in data and "type" in data:
        items = [data]
    elif isinstance(data, dict):
        items = list(data.values())  # {"<id>": item, ...}
    elif isinstance(data, list):
        items = data
    else:
        raise InputError("expected a Hacker News item, a list of items or an object of items by id",
                         path=path, where="top level")
    for i, it in enumerate(items):
        if not isinstance(it, dict) or it.get("id") is None or "type" not in it:  # the API always sends both
            raise InputError("expected a Hacker News item object with an 'id' and a 'type' (Firebase: id, type, by, "
                             "time, kids)",
                             path=path, where=f"item {i}")
        _check_types(it, path=path, where=f"item {i}")
    return items


def _firebase_threads(items: list[dict[str, Any]], *, path: str) -> Iterator[Thread]:
    by_id: dict[str, dict[str, Any]] = {}
    for it in items:
        by_id.setdefault(str(it["id"]), it)
    stories = [str(it["id"]) for it in items if it.get("type") in STORY_TYPES]
    stories = list(dict.fromkeys(stories))
    groups: dict[str, list[str]] = {s: [] for s in stories}
    order: list[str] = list(stories)
    root_of: dict[str, str] = {s: s for s in stories}
    seen: set[str] = set()
    repeated: list[str] = []  # ids listed more than once: the first copy is used
    for it in items:
        cid = str(it["id"])
        if cid in seen:
            repeated.append(cid)
            continue
        seen.add(cid)
        if it.get("type") in STORY_TYPES:
            continue
        root = stories[0] if len(stories) == 1 else _top(cid, by_id)
        if root not in groups:
            groups[root] = []
            order.append(root)
        groups[root].append(cid)
        root_of[cid] = root
    for root in order:
        thread = _firebase_thread(root, groups[root], by_id, items, path=path)
        dup = accounting.id_list_aside(accounting.DUPLICATE, [r for r in repeated if root_of.get(r) == root])
        yield replace(thread, set_aside=thread.set_aside + (dup,)) if dup else thread


def _top(cid: str, by_id: Mapping[str, dict[str, Any]]) -> str:
    """The id naming an item's thread: its story, else its first ancestor missing from the file.

    A comment with no parent heads its own group; an ancestor cycle is named by
    its smallest id so that every member lands in the same thread.
    """
    path = [cid]
    while True:
        parent = by_id[path[-1]].get("parent")
        if parent is None:
            return path[-1]
        parent = str(parent)
        if parent not in by_id or by_id[parent].get("type") in STORY_TYPES:
            return parent
        if parent in path:
            return min(path[path.index(parent):])
        path.append(parent)


def _firebase_thread(root: str, member_ids: list[str], by_id: Mapping[str, dict[str, Any]],
                     items: list[dict[str, Any]], *, path: str) -> Thread:
    story = by_id.get(root)
    members = set(member_ids)
    if story is not None and story.get("type") in STORY_TYPES:
        article = Article(
            title=unescape(story.get("title")) or None,
            author=story.get("by") or None,
            date=to_utc_iso(story.get("time"), path=path, where=f"item {root}"),
            url=story.get("url") or f"{HN_ITEM}{root}",
            text=_text(story, deleted=False, dead=False)[0] if story.get("text") else "",
        )
    else:
        story = None
        article = Article(url=f"{HN_ITEM}{root}")
    # Display order: depth-first along `kids`; members no kid list reaches follow in file order.
    ordered: list[str] = []
    placed: set[str] = set()
    if story:
        start = [str(k) for k in (story.get("kids") or [])]
    else:  # no story: its top comments in file order
        start = [c for c in member_ids if str(by_id[c].get("parent")) not in members]
    stack = list(reversed(start))
    while stack:
        cid = stack.pop()
        if cid in placed or cid not in members:
            continue
        placed.add(cid)
        ordered.append(cid)
        stack.extend(reversed([str(k) for k in by_id[cid].get("kids") or []]))
    ordered += [c for c in member_ids if c not in placed]
    missing = [str(k) for cid in ([root] if story else []) + ordered for k in (by_id[cid].get("kids") or [])
               if str(k) not in by_id]
    # Replies to the thread's head (its story, or the missing item standing for it) answer the article.
    head = None if root in members else root
    comments = [_firebase_comment(by_id[c], head, path=path) for c in ordered]
    thread = build_thread(thread_id=f"hn-{root}", article=article, comments=comments, source_path=path,
                          source_format="hackernews", not_loaded=len(dict.fromkeys(missing)))
    aside = accounting.id_list_aside(accounting.NOT_LOADED, missing)
    return replace(thread, set_aside=(aside,) if aside else ())


def _firebase_comment(item: Mapping[str, Any], story_id: str | None, *, path: str) -> Comment:
    deleted, dead = bool(item.get("deleted")), bool(item.get("dead"))
    text, original, flags = _text(item, deleted=deleted, dead=dead)
    parent = item.get("parent")
    extra: dict[str, Any] = {}
    if dead:
        extra["dead"] = True
    if item.get("type") not in (None, "comment"):
        extra["type"] = str(item["type"])
    return Comment(
        id=str(item["id"]),
        text=text,
        author=item.get("by") or None,
        parent=None if parent is None or str(parent) == story_id else str(parent),
        timestamp=to_utc_iso(item.get("time"), path=path, where=f"item {item['id']}"),
        original=original,
        flags=tuple(sorted(flags)),
        extra=extra,
    )


# --- Algolia search results -------------------------------------------------------------------------


def _search_hits(data: Any) -> list[Any] | None:
    """The hits of one search page or of a list of pages; None when `data` is not search results."""
    pages = data if isinstance(data, list) else [data]
    if not pages or not all(isinstance(pg, dict) and isinstance(pg.get("hits"), list) for pg in pages):
        return None
    return [hit for pg in pages for hit in pg["hits"]]


def _search_threads(hits: list[Any], *, path: str) -> Iterator[Thread]:
    stories: dict[str, dict[str, Any]] = {}
    comments: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for i, hit in enumerate(hits):
        if not isinstance(hit, dict) or hit.get("objectID") is None:
            raise InputError("expected a search hit with an 'objectID'", path=path, where=f"hit {i}")
        oid = str(hit["objectID"])
        story = str(hit.get("story_id") or oid)
        comments.setdefault(story, [])
        if "comment_text" in hit or hit.get("parent_id") is not None:
            comments[story].append((i, hit))
        else:
            stories.setdefault(story, hit)
    for story, group in comments.items():
        head = stories.get(story)
        first = group[0][1] if group else {}
        article = Article(
            title=unescape((head or {}).get("title") or first.get("story_title")) or None,
            author=(head or {}).get("author") or None,
            date=to_utc_iso((head or {}).get("created_at_i"), path=path, where=f"story {story}") if head else None,
            url=(head or {}).get("url") or first.get("story_url") or f"{HN_ITEM}{story}",
            text=plain_text((head or {}).get("story_text") or "", "html")[0],
        )
        made = []
        for i, hit in group:
            deleted = hit.get("author") is None and hit.get("comment_text") is None
            text, original, flags = _text({"text": hit.get("comment_text")}, deleted=deleted, dead=False)
            parent = hit.get("parent_id")
            made.append(Comment(
                id=str(hit["objectID"]), text=text, author=hit.get("author") or None,
                parent=None if parent is None or str(parent) == story else str(parent),
                timestamp=to_utc_iso(hit.get("created_at_i") or hit.get("created_at"), path=path, where=f"hit {i}"),
                original=original, flags=tuple(sorted(flags)),
                extra={"points": hit["points"]} if isinstance(hit.get("points"), int) else {},
            ))
        unique, dup = accounting.drop_duplicates(made)
        thread = build_thread(thread_id=f"hn-{story}", article=article, comments=unique, source_path=path,
                              source_format="hackernews")
        yield replace(thread, set_aside=(dup,) if dup else ())
