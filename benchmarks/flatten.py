"""Flatten structured threads into scraped pages, for the structure benchmark.

A structured thread (parents known) is listed in a display order
(chronological by timestamp, or threaded depth-first), rendered into the
seed page's numbered layout ("  1. text", indented continuation paragraphs,
optionally "  1. Alice says:" when names are shown), and read back with the
scraped reader. The gold parents travel alongside by display position.

Sources: the hand-written threads in benchmarks/data/structure_threads_*.txt
and the structured fixtures in threads/ that the readers load.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from debate.model import Article, Comment, Thread

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
#: Formats whose fixtures carry reply structure (a scraped page has none, except nested numbering).
STRUCTURED_FORMATS = frozenset({"reddit", "pushshift", "hackernews", "youtube", "wxr", "disqus", "convokit",
                                "json", "jsonl", "csv", "canonical"})


@dataclass(frozen=True)
class Case:
    """One structured thread and where it comes from (`source` groups threads for cross-source tests)."""

    source: str
    thread: Thread


@dataclass(frozen=True)
class Flat:
    """A flattened thread as a reader would give it, with the gold parent of each display position."""

    case: Case
    order: str
    names: bool
    thread: Thread  # comments in display order, parents cleared (read back from the rendered page)
    gold: tuple[int, ...]  # display index of each comment's parent, -1 = the article
    gold_authors: tuple[str | None, ...]


# --- loading -----------------------------------------------------------------------


_THREAD = re.compile(r"^=== (.+)$")
_COMMENT = re.compile(r"^--- (.+)$")


def parse_data_file(path: Path) -> list[Case]:
    """Read the hand-written benchmark format (documented at the top of each data file)."""
    cases: list[Case] = []
    head: list[str] | None = None
    article_lines: list[str] = []
    comments: list[Comment] = []
    current: dict | None = None
    body: list[str] = []

    def flush_comment() -> None:
        nonlocal current, body
        if current is not None:
            comments.append(Comment(text="\n".join(body).strip(), **current))
        current, body = None, []

    def flush_thread() -> None:
        nonlocal head, article_lines, comments
        flush_comment()
        if head is not None:
            tid, style, title, author = head
            art = Article(title=title, author=None if author == "-" else author, text="\n".join(article_lines).strip())
            cases.append(Case(f"{path.stem}:{style}", Thread(id=tid, article=art, comments=tuple(comments))))
        head, article_lines, comments = None, [], []

    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") and head is None:
            continue
        m = _THREAD.match(line)
        if m:
            flush_thread()
            parts = [p.strip() for p in m.group(1).split("|")]
            if len(parts) != 4:
                raise ValueError(f"{path}:{n}: expected 'id | style | title | author'")
            head = parts
            continue
        m = _COMMENT.match(line)
        if m:
            flush_comment()
            cid, parent, author, when = [p.strip() for p in m.group(1).split("|")]
            current = dict(id=cid, parent=None if parent == "-" else parent, author=author,
                           timestamp=when.replace(" ", "T") + ":00Z")
            continue
        if current is not None:
            body.append(line)
        elif head is not None:
            article_lines.append(line)
    flush_thread()
    return cases


def load_cases(include_fixtures: bool = True) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(DATA.glob("structure_threads_*.txt")):
        cases.extend(parse_data_file(path))
    if include_fixtures:
        cases.extend(fixture_cases())
    return cases


def fixture_cases() -> list[Case]:
    """Structured fixtures from threads/ (skipping any a reader cannot load yet)."""
    from debate.errors import DebateError
    from debate.ingest import ReadOptions, detect_format, read_threads

    out = []
    for path in sorted((ROOT / "threads").iterdir()):
        try:
            fmt = detect_format(path)
            if fmt not in STRUCTURED_FORMATS:
                continue
            for t in read_threads(path, ReadOptions(infer=False)):
                if len(t.comments) >= 3 and any(c.parent for c in t.comments):
                    out.append(Case(f"fixture:{fmt}", t))
        except (DebateError, OSError):
            continue
        except Exception:  # noqa: BLE001 - a reader still being written must not stop the benchmark
            continue
    return out


# --- flattening ----------------------------------------------------------------------


def display_order(thread: Thread, order: str) -> list[Comment]:
    """Comments as a page would list them: by time, or depth-first with siblings by time."""
    pos = {c.id: k for k, c in enumerate(thread.comments)}
    key = lambda c: (c.timestamp or "", pos[c.id])  # noqa: E731
    if order == "chronological":
        return sorted(thread.comments, key=key)
    kids: dict[str | None, list[Comment]] = {}
    for c in thread.comments:
        kids.setdefault(c.parent, []).append(c)
    out: list[Comment] = []
    stack = sorted(kids.get(None, []), key=key, reverse=True)
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(sorted(kids.get(c.id, []), key=key, reverse=True))
    return out


def render_page(thread: Thread, listed: list[Comment], names: bool) -> str:
    """The seed page's layout: title, by-line, article, "N Comments", numbered comments."""
    a = thread.article
    lines = [a.title or "Untitled", "", f"By {a.author or ''} | {len(listed)} Comments", ""]
    for para in (a.text or "(no article text)").split("\n"):
        if para.strip():
            lines += [para.strip(), ""]
    lines += [f"{len(listed)} Comments", ""]
    for k, c in enumerate(listed, 1):
        paras = [p.strip() for p in re.split(r"\n\s*\n|\n", c.text) if p.strip()] or ["(empty)"]
        if names and c.author:
            lines += [f"  {k}. {c.author} says:", ""]
            lines += [f"    {p}" for p in _spaced(paras)]
        else:
            lines += [f"  {k}. {paras[0]}", ""]
            lines += [f"    {p}" for p in _spaced(paras[1:])]
        lines.append("")
    lines += ["This site uses Akismet to reduce spam. Learn how your comment data is processed."]
    return "\n".join(lines) + "\n"


def _spaced(paras: list[str]) -> list[str]:
    out: list[str] = []
    for p in paras:
        out += [p, ""]
    return out


def flatten(case: Case, order: str, names: bool, via_reader: bool = True) -> Flat:
    thread = case.thread
    listed = display_order(thread, order)
    index = {c.id: k for k, c in enumerate(listed)}
    gold = tuple(index[c.parent] if c.parent in index else -1 for c in listed)
    authors = tuple(c.author for c in listed)
    if via_reader:
        flat = _read_back(thread, listed, names)
    else:
        flat = _direct(thread, listed, names)
    return Flat(case, order, names, flat, gold, authors)


def _direct(thread: Thread, listed: list[Comment], names: bool) -> Thread:
    comments = tuple(Comment(id=f"c{k}", text=c.text, number=str(k), author=c.author if names else None)
                     for k, c in enumerate(listed, 1))
    return Thread(id=thread.id, article=thread.article, comments=comments, source_format="scraped")


def _read_back(thread: Thread, listed: list[Comment], names: bool) -> Thread:
    from debate.ingest import ReadOptions, read_thread

    page = render_page(thread, listed, names)
    with tempfile.TemporaryDirectory(prefix="debate-bench-") as tmp:
        path = Path(tmp) / f"{_safe(thread.id)}.txt"
        path.write_text(page, encoding="utf-8")
        try:
            flat = read_thread(path, ReadOptions(format="scraped", infer=False))
        except Exception:  # the reader failed on this page: fall back, and say so in the thread id
            return replace(_direct(thread, listed, names), id=thread.id + "#direct")
    if len(flat.comments) != len(listed):
        # The reader split or merged comments: fall back to the direct flattening, and say so.
        return replace(_direct(thread, listed, names), id=thread.id + "#direct")
    return replace(flat, source_path=None)


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)[:60]


def conditions() -> Iterator[tuple[str, bool]]:
    for order in ("threaded", "chronological"):
        for names in (True, False):
            yield order, names
