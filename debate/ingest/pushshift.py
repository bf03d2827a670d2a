"""Pushshift / Arctic Shift Reddit dumps: one JSON object a line, many threads a file.

Comments carry `link_id` ("t3_<post>") and `parent_id` ("t1_<comment>" or the
post); submissions carry `id` (or `name`), `title`, `selftext`. Both may be
mixed in one file, in any order, plain or compressed (`.zst` with the large
window these dumps use, or `.gz`).

Dumps run to many gigabytes, so nothing is held whole: each line is converted
as it is read (a malformed line fails at once, naming its line) and spilled to
an on-disk SQLite table keyed by thread once past a batch (see `grouping.py`); threads are then
emitted one at a time, in order of first appearance. Comments whose submission
is absent still make a thread, with an article whose title is unknown.

Each input file is read on its own. Comments and submissions that come as
separate files (Pushshift `RC_`/`RS_`, Arctic Shift `<sub>_comments` /
`<sub>_submissions`) join only when read as one stream, e.g.
`zstdcat RS_2024-04.zst RC_2024-04.zst | debate parse - --format pushshift --jsonl`.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..model import Article, Comment, SetAside, Thread
from . import accounting
from .common import build_thread
from .grouping import BATCH, Grouper
from .progress import Progress
from .reddit import article_from_submission, comment_from_fields, strip_fullname, unknown_article

#: Zstandard window the Pushshift / Arctic Shift dumps are written with (2 GiB, `--long=31`).
ZSTD_MAX_WINDOW = 2**31
#: Compressed bytes decompressed at a time: dumps compress ~8:1, so each step holds ~0.5 MB of text.
READ_SIZE = 1 << 16
#: Records held in memory before the dump spills to disk: one batch of inserts (~0.5 MB of JSON),
#: so a small file never touches the disk and a large one holds no more than before.
HELD_RECORDS = BATCH
_COMMENT_KEYS = ("body", "parent_id", "link_id")
_SUBMISSION_KEYS = ("title", "selftext", "is_self")
_SNIFF_FIELD = re.compile(r'"(link_id|parent_id)"\s*:\s*"t[13]_')


#: Where str.splitlines() ends a line; every one of these is whitespace to str.strip().
_LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _first_line(head: str) -> str:
    """The first line of `head` that is not blank, stripped: what
    `next((ln for ln in head.splitlines() if ln.strip()), "").strip()` gives, without splitting all of a
    64 kB head into lines (detection asks this of every file). Blank lines and the line's own indent
    are all whitespace, so lstrip() lands on the line's first character."""
    s = head.lstrip()
    end = _LINE_BREAK.search(s)
    return (s[: end.start()] if end else s).strip()


def sniff(path: Path, head: str) -> bool:
    """The first line is a JSON object shaped like a Reddit comment or submission."""
    first = _first_line(head)
    if not first.startswith("{"):
        return False
    try:
        obj = json.loads(first)
    except json.JSONDecodeError:  # a very long first line cut by the head: look at its fields
        return bool(_SNIFF_FIELD.search(first)) or ('"subreddit"' in first and '"title"' in first)
    if not isinstance(obj, dict):
        return False
    if "link_id" in obj and ("parent_id" in obj or "body" in obj):
        return True
    return "subreddit" in obj and "id" in obj and ("title" in obj or "body" in obj)


def read(path: Path, options) -> Iterator[Thread]:
    p = str(path)
    progress = bool(getattr(options, "progress", False))
    with Grouper(getattr(options, "spill_dir", None), HELD_RECORDS, encoded=True) as spill:
        for lineno, obj in _objects(path, progress=progress):
            key, payload = _record(obj, path=p, lineno=lineno)
            spill.add(key, payload)
        bar = Progress(f"grouping {path.name}", None, enabled=progress, unit="threads")
        count = 0
        for key, payloads in spill.groups():
            yield _thread(key, [json.loads(x) for x in payloads], path=p)
            count += 1
            bar.update(None, count)
        bar.done(None, count)


# --- reading lines ---------------------------------------------------------------------------


def _open_binary(path: Path) -> tuple[Iterator[bytes], IO[bytes]]:
    """(line iterator, raw file whose position measures progress)."""
    raw = open(path, "rb")
    name = path.name.lower()
    if name.endswith(".zst"):
        return _split_lines(_zst_chunks(raw, str(path))), raw
    if name.endswith(".gz"):
        return iter(gzip.GzipFile(fileobj=raw, mode="rb")), raw
    return iter(raw), raw


def _zst_chunks(raw: IO[bytes], path: str) -> Iterator[bytes]:
    """Decompressed chunks of every frame; a frame cut short is an error, not a silent end."""
    import zstandard

    dctx = zstandard.ZstdDecompressor(max_window_size=ZSTD_MAX_WINDOW)
    dobj = dctx.decompressobj()
    fed = False
    try:
        while chunk := raw.read(READ_SIZE):
            while chunk:
                fed = True
                out = dobj.decompress(chunk)
                if out:
                    yield out
                chunk = dobj.unused_data if dobj.eof else b""
                if dobj.eof:
                    dobj, fed = dctx.decompressobj(), False
    except zstandard.ZstdError as e:
        raise InputError(f"cannot decompress (corrupt .zst): {e}", path=path) from None
    if fed and not dobj.eof:
        raise InputError("the .zst file ends in the middle of a frame (truncated download?)", path=path)


def _split_lines(chunks: Iterator[bytes]) -> Iterator[bytes]:
    rest = b""
    for chunk in chunks:
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        yield from lines
    if rest:
        yield rest


def _objects(path: Path, *, progress: bool) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for every non-blank line; InputError naming the line otherwise."""
    p = str(path)
    stream, raw = _open_binary(path)
    bar = Progress(f"reading {path.name}", path.stat().st_size, enabled=progress)
    lineno = 0
    try:
        for lineno, line in enumerate(_lines(stream, p), start=1):
            if lineno % 1024 == 0:
                bar.update(raw.tell(), lineno)
            if not line.strip():
                continue
            try:
                obj = json.loads(line.decode("utf-8", errors="replace"))
            except json.JSONDecodeError as e:
                raise InputError(f"invalid JSON ({e.msg} at column {e.colno}); expected one Reddit comment or "
                                 "submission object per line", path=p, where=f"line {lineno}") from None
            if not isinstance(obj, dict):
                raise InputError(f"expected a JSON object (a Reddit comment or submission), got "
                                 f"{type(obj).__name__}", path=p, where=f"line {lineno}")
            yield lineno, obj
        bar.done(raw.tell(), lineno)
    finally:
        raw.close()


def _lines(stream: Iterator[bytes], path: str) -> Iterator[bytes]:
    """The stream's lines; a corrupt or truncated gzip file becomes an InputError."""
    count = 0
    try:
        for line in stream:
            count += 1
            yield line
    except (OSError, EOFError) as e:
        raise InputError(f"cannot decompress: {e}", path=path, where=f"after line {count}") from None


# --- one line -> one spilled record ------------------------------------------------------------


def _record(obj: dict[str, Any], *, path: str, lineno: int) -> tuple[str, str]:
    """(thread key, JSON payload) for one comment or submission line."""
    where = f"line {lineno}"
    if any(k in obj for k in _COMMENT_KEYS):
        _, post = strip_fullname(obj.get("link_id"))
        if post is None:
            kind, pid = strip_fullname(obj.get("parent_id"))
            post = pid if kind == "t3" else None
        if post is None:
            raise InputError("expected a comment's 'link_id' (like 't3_abc') naming its submission",
                             path=path, where=where)
        c = comment_from_fields(obj, path=path, where=where)
        return post, _dump({"k": "c", "l": lineno, **_shallow(c, _COMMENT_FIELDS)})
    if any(k in obj for k in _SUBMISSION_KEYS):
        _, post = strip_fullname(obj.get("id")) if obj.get("id") else strip_fullname(obj.get("name"))
        if not post:
            raise InputError("expected a submission's 'id' (or 'name' like 't3_abc')", path=path, where=where)
        a = article_from_submission(obj, path=path, where=where)
        return post, _dump({"k": "s", "l": lineno, **_shallow(a, _ARTICLE_FIELDS)})
    raise InputError("expected a Reddit comment (id, link_id, parent_id, body) or submission (id, title, "
                     "selftext)", path=path, where=where)


#: Fields spilled per record (`inferred` is empty at read time: readers infer nothing).
_COMMENT_FIELDS = tuple(f.name for f in fields(Comment) if f.name != "inferred")
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article) if f.name != "inferred")


def _shallow(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """The JSON-ready fields of a reader-made Comment/Article, empty ones left out to keep the spill small."""
    return {n: v for n in names if (v := getattr(obj, n)) is not None and v != () and v != {}}


def _dump(d: dict[str, Any]) -> str:
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


# --- one group -> one thread ------------------------------------------------------------------------


def _thread(post_id: str, records: list[dict[str, Any]], *, path: str) -> Thread:
    articles = [r for r in records if r["k"] == "s"]
    comments = [_comment(r) for r in records if r["k"] == "c"]
    if articles:
        article = _article(articles[0])
    else:
        subreddit = next((c.extra.get("subreddit") for c in comments if c.extra.get("subreddit")), None)
        article = unknown_article(post_id, str(subreddit) if subreddit else None)
    unique, dup_aside = accounting.drop_duplicates(comments)
    thread = build_thread(thread_id=f"reddit-{post_id}", article=article, comments=unique,
                          source_path=path, source_format="pushshift")
    asides: list[SetAside] = []
    if dup_aside is not None:
        asides.append(dup_aside)
    if len(articles) > 1:
        asides.append(SetAside(kind="duplicate_submission",
                               text=" ".join(f"line {r['l']}" for r in articles[1:]), line=articles[1]["l"]))
    return replace(thread, set_aside=tuple(asides))


def _comment(r: dict[str, Any]) -> Comment:
    values = {k: v for k, v in r.items() if k not in ("k", "l")}
    values["flags"] = tuple(values.get("flags") or ())
    values["extra"] = {**(values.get("extra") or {}), "line": r["l"]}
    return Comment(**values)


def _article(r: dict[str, Any]) -> Article:
    return Article(**{k: v for k, v in r.items() if k not in ("k", "l")})
