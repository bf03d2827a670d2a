"""YouTube comments as written by `yt-dlp --write-comments` into `<video>.info.json`.

`comments[]` is flat: each has `id`, `parent` ("root" for top level, else the
id of the comment it answers), plain `text`, `author`, `author_id`,
`like_count`, `is_pinned`, `is_favorited` (hearted by the uploader),
`author_is_uploader`. `timestamp` is yt-dlp's *estimate* from the relative
`_time_text` ("3 weeks ago"), so it is kept with `timestamp_estimated` and the
original text in `extra`; "(edited)" in that text sets the "edited" flag.
`comment_count` is YouTube's announced total: what the file lacks of it is
counted as not loaded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Comment, Inference, Thread
from . import accounting
from .common import build_thread, open_text, plain_text, to_utc_iso

ROOT = "root"
#: Comment fields copied into Comment.extra (provenance only), when present and not null.
EXTRA_FIELDS = ("author_id", "like_count", "is_pinned", "is_favorited", "author_is_uploader",
                "author_is_verified")
_COMMENTS = re.compile(r'"comments"\s*:\s*\[')
_ROOT_PARENT = re.compile(r'"parent"\s*:\s*"root"')
_YTDLP = re.compile(r'"(extractor|extractor_key|webpage_url|_type)"\s*:')
_EDITED = re.compile(r"\(edited\)", re.I)


def sniff(path: Path, head: str) -> bool:
    """A JSON object with a `comments` list whose items have `parent`, as yt-dlp writes it.

    yt-dlp writes `formats` (often over 100 kB) before `comments`, so the end of
    the file is looked at too.
    """
    s = head.lstrip()
    if not s.startswith("{"):
        return False
    # What the head shows is shown by head + tail too (these patterns match the same text wherever it
    # is followed by more), so the end of the file is read only when the head alone does not tell.
    return _looks_like_info(s) or _looks_like_info(s + _tail(path))


def _looks_like_info(text: str) -> bool:
    return bool(_COMMENTS.search(text)) and bool(_ROOT_PARENT.search(text) or _YTDLP.search(text))


def _tail(path: Path, size: int = 65536) -> str:
    """The last bytes of an uncompressed file as text ("" for compressed files or errors)."""
    if path.name.lower().endswith((".gz", ".zst")):
        return ""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            end = fh.tell()
            fh.seek(max(0, end - size))
            return fh.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def read(path: Path, options) -> Iterator[Thread]:
    p = str(path)
    with open_text(path) as fh:
        try:
            info = json.load(fh)
        except json.JSONDecodeError as e:
            raise InputError(f"invalid JSON ({e.msg}); expected a yt-dlp info JSON with 'comments'",
                             path=p, where=f"line {e.lineno}") from None
    if isinstance(info, dict) and "comments" in info and info["comments"] is None:
        info = {**info, "comments": []}  # comments turned off on the video: a thread without comments
    if not isinstance(info, dict) or not isinstance(info.get("comments"), list):
        raise InputError("expected a yt-dlp info JSON object with a 'comments' list "
                         "(written by yt-dlp --write-comments)", path=p, where="top level")
    comments = [_comment(c, path=p, where=f"comments[{i}]") for i, c in enumerate(info["comments"])]
    unique, dup = accounting.drop_duplicates(comments)
    if options is None or options.infer:
        unique = answered_replies(unique)
    announced = info.get("comment_count")
    not_loaded = max(0, announced - len(unique)) if isinstance(announced, int) else 0
    video_id = info.get("id") or path.name.split(".")[0]
    thread = build_thread(thread_id=f"youtube-{video_id}", article=_article(info, path=p), comments=unique,
                          source_path=p, source_format="youtube", not_loaded=not_loaded)
    yield replace(thread, set_aside=(dup,) if dup else ())


#: Confidence of a reply re-attached by its opening @handle: YouTube puts the handle there when
#: someone presses "reply" on a reply, but people also type it by hand or name the wrong person.
CONF_AT_HANDLE = 0.9


def answered_replies(comments: list[Comment]) -> list[Comment]:
    """Replies re-attached to the comment their opening @handle answers.

    YouTube keeps two levels: a reply to a reply is filed under the first comment and opens with the
    @handle of the person answered ("@ferryman_lou Sure, but ..."). Such a reply answers one of that
    person's earlier comments in the same group: the one it shares the most words or figures with
    ("@sam 96% and they still ..." answers Sam's comment with the 96%), else the latest; when that is
    the first comment itself nothing changes. The parent YouTube listed stays in `extra["listed_parent"]`.
    """
    written: dict[str, dict[str, list[Comment]]] = {}  # group -> name (lower case, no "@") -> their comments
    out = []
    for c in comments:
        group = written.setdefault(c.parent or c.id, {})
        if c.parent is not None:
            named = _opening_name(c.text, group)
            answered = _answered(c.text, group[named]) if named is not None else None
            if answered is not None and answered != c.parent:
                c = replace(c, parent=answered, extra={**c.extra, "listed_parent": c.parent}, inferred={
                    **c.inferred, "parent": Inference(
                        cue="at_mention", confidence=CONF_AT_HANDLE, evidence=c.text.lstrip()[:1 + len(named)],
                        note="YouTube files a reply to a reply under the first comment; "
                             "its opening @handle names the comment it answers")})
        if c.author:
            group.setdefault(c.author.lower().lstrip("@"), []).append(c)
        out.append(c)
    return out


_WORD = re.compile(r"[a-z0-9][a-z0-9%.']*[a-z0-9%]|[0-9]")


#: How much more an earlier comment of theirs must share with the reply than their latest one (a
#: figure counts 2, a content word 1): one shared word is chance ("town"), a shared figure is not.
ECHO_MARGIN = 2


def _answered(text: str, theirs: list[Comment]) -> str:
    """Of one person's comments (in order), the one `text` answers: their latest, unless an earlier one
    shares clearly more with it (`ECHO_MARGIN`): "@sam 96% and they still ..." answers Sam's comment
    with the 96%."""
    if len(theirs) == 1:
        return theirs[0].id
    from ..text.stopwords import english_stop_words

    stop = english_stop_words()

    def content(t: str) -> set[str]:
        return {w for w in _WORD.findall((t or "").lower()) if (len(w) >= 4 or any(ch.isdigit() for ch in w))
                and w not in stop}

    mine = content(text)
    shared = [sum(2 if any(ch.isdigit() for ch in w) else 1 for w in mine & content(c.text)) for c in theirs]
    best = max(range(len(theirs) - 1), key=lambda k: (shared[k], k))
    return theirs[best].id if shared[best] >= shared[-1] + ECHO_MARGIN else theirs[-1].id


def _opening_name(text: str, names: dict[str, str]) -> str | None:
    """The longest of `names` that `text` opens with after "@" ("@ferryman_lou Sure", "@Ferry Man Sure")."""
    body = text.lstrip()
    if not body.startswith("@"):
        return None
    body = body[1:].lower()
    hits = [n for n in names if n and body.startswith(n) and not body[len(n):len(n) + 1].isalnum()
            and body[len(n):len(n) + 1] != "_"]
    return max(hits, key=len) if hits else None


def _article(info: Mapping[str, Any], *, path: str) -> Article:
    date = None
    if info.get("timestamp") is not None:
        date = to_utc_iso(info["timestamp"], path=path, where="timestamp")
    elif isinstance(info.get("upload_date"), str) and re.fullmatch(r"\d{8}", info["upload_date"]):
        d = info["upload_date"]
        date = f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return Article(
        title=info.get("title") or info.get("fulltitle") or None,
        author=_uploader(info),
        date=date,
        url=info.get("webpage_url") or info.get("original_url") or None,
        text=(info.get("description") or "").strip(),
    )


def _uploader(info: Mapping[str, Any]) -> str | None:
    """The channel as its comments name it: the @handle when yt-dlp gives one, else the display name.

    Comment authors are @handles, so using the handle lets the uploader's own
    comments be recognised as the article author's.
    """
    handle = info.get("uploader_id")
    if isinstance(handle, str) and handle.startswith("@"):
        return handle
    return info.get("uploader") or info.get("channel") or None


def _comment(c: Any, *, path: str, where: str) -> Comment:
    if not isinstance(c, dict) or not c.get("id"):
        raise InputError("expected a yt-dlp comment object with an 'id'", path=path, where=where)
    for key in ("text", "author", "parent"):  # a number or object here is a broken file, not a comment
        if c.get(key) is not None and not isinstance(c[key], str):
            raise InputError(f"expected {key!r} to be text, got {type(c[key]).__name__}", path=path,
                             where=f"{where}.{key}")
    parent = c.get("parent", ROOT)
    raw = c.get("text")
    text, original = plain_text(raw if isinstance(raw, str) else None, "plain")
    flags = set() if text else {"empty"}
    time_text = c.get("_time_text") or c.get("time_text")
    if isinstance(time_text, str) and _EDITED.search(time_text):
        flags.add("edited")
    extra: dict[str, Any] = {k: c[k] for k in EXTRA_FIELDS if isinstance(c.get(k), (str, int, float, bool))}
    if time_text:
        extra["time_text"] = str(time_text)
        if c.get("timestamp") is not None:
            extra["timestamp_estimated"] = True  # yt-dlp derives it from the relative time text
    return Comment(
        id=str(c["id"]),
        text=text,
        author=c.get("author") or None,
        parent=None if parent in (None, "", ROOT) else str(parent),
        timestamp=to_utc_iso(c.get("timestamp"), path=path, where=f"{where}.timestamp"),
        original=original,
        flags=tuple(sorted(flags)),
        extra=extra,
    )
