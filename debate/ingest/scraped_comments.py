"""The comment section of a flat scraped page: where it starts, and its comments.

Two layouts are read. Numbered lists ("1. text", "1.1 text", continuation
paragraphs below an item) and author-line lists ("Alice says:", "Bob on
<date> said:", a name line over a date line). Only what the page states is
recorded: display number, author, timestamp, and a parent where nested
numbering ("1.1") states one. Reply structure from textual cues is issue 4's
job (`debate.structure`), not this module's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Comment, Inference, SetAside
from .common import to_utc_iso
from .scraped_dates import FoundDate, is_date_line
from .scraped_furniture import header_kind, line_kind
from .scraped_lines import AuthorLine, Line, author_line, is_name, join_paragraphs, set_aside_runs

#: A nested display number ("1.1") is how the page itself shows a reply; only a
#: mis-scraped page would break it, hence high but not full confidence.
NESTED_NUMBER_CONFIDENCE = 0.95
#: A date without a time of day: the timestamp is that day at midnight UTC, a guess within a day.
DATE_ONLY_CONFIDENCE = 0.5
#: A "Name says:" / "Name on <date> said:" line needs a date or a Reply link nearby to open a
#: comment section that has no header; this many lines is "nearby" (one WordPress comment block).
NEARBY_LINES = 40
#: Words in a line of running text; shorter lines are titles, by-lines and labels.
PROSE_MIN_WORDS = 6

_SINGLE = re.compile(r"^#?(?P<num>\d{1,4})[.)](?:\s+(?P<rest>.*))?$")
_DOTTED = re.compile(r"^#?(?P<num>\d{1,4}(?:\.\d{1,3})+)\.?(?:\s+(?P<rest>.*))?$")


@dataclass(frozen=True)
class Marker:
    index: int  # position in the zone's line list
    number: tuple[int, ...]
    rest: str


@dataclass
class _Draft:
    start: int  # source line of the comment's first line
    number: str | None = None
    author: str | None = None
    date: FoundDate | None = None
    date_text: str = ""
    lines: list[Line] = field(default_factory=list)


def marker_of(ln: Line) -> Marker | None:
    m = _DOTTED.match(ln.text) or _SINGLE.match(ln.text)
    if not m:
        return None
    return Marker(-1, tuple(int(x) for x in m["num"].split(".")), (m["rest"] or "").strip())


# --- where the section starts ------------------------------------------------------


def find_section(lines: list[Line]) -> tuple[int | None, str | None]:
    """(index of the comment section's first line, how it was found) or (None, None).

    A header line opens it ("9 Comments", "Leave a Reply"; "Comments" or
    "Discussion" only when comments follow). Without any header, author lines
    with dates or Reply links ("Alice says:" ... "Reply") open it.
    """
    first_text = next((i for i, ln in enumerate(lines) if not ln.blank), None)
    for i, ln in enumerate(lines):
        if ln.blank or i == first_text:
            continue
        kind = header_kind(ln.text)
        if kind in ("count", "form"):
            return i, kind
        if kind == "plain" and _comments_follow(lines[i + 1:]):
            return i, kind
    seen_prose = False  # the article's by-line ("Posted by Ann on <date>") comes before any prose
    for i, ln in enumerate(lines):
        al = _start_author_line(ln)
        if al and seen_prose and (al.date or _reply_near(lines[i + 1: i + NEARBY_LINES])):
            return i, "author_lines"
        seen_prose = seen_prose or _prose(ln.text)
    return None, None


def _start_author_line(ln: Line) -> AuthorLine | None:
    if ln.blank:
        return None
    m = marker_of(ln)
    text = m.rest if m else ln.text
    al = author_line(text)
    return al if al and (m or not al.rest) else None


def _prose(text: str) -> bool:
    """A sentence of running text (a body paragraph), not a title or a by-line."""
    return len(text.split()) >= PROSE_MIN_WORDS and text.rstrip("”\"'’)").endswith((".", "!", "?"))


def _reply_near(lines: list[Line]) -> bool:
    return any(line_kind(ln.text, in_article=False) == "reply_link" for ln in lines if not ln.blank)


def _comments_follow(lines: list[Line]) -> bool:
    """Whether a plain "Comments"/"Discussion" heading is followed by comments, not by essay sections."""
    content = [ln for ln in lines if not ln.blank and line_kind(ln.text, in_article=False) is None]
    if not content:
        return False
    if any(_start_author_line(ln) for ln in content):
        return True
    # A numbered list right after the heading, with no further essay heading after it.
    return marker_of(content[0]) is not None and not any(
        header_kind(ln.text) is None and _heading_like(ln.text) and marker_of(ln) is None for ln in content[1:])


def _heading_like(text: str) -> bool:
    return len(text.split()) <= 8 and not text.endswith((".", "?", "!", ":", ",", ";", '"', "”"))


# --- parsing the section -----------------------------------------------------------


def parse_section(lines: list[Line]) -> tuple[list[Comment], list[SetAside]]:
    """Comments and set-aside furniture of a comment section (its header included)."""
    kinds: list[str | None] = []
    for ln in lines:
        kind = None
        if not ln.blank:
            kind = line_kind(ln.text, in_article=False) or ("comment_header" if header_kind(ln.text) else None)
        kinds.append(kind)
    markers = _comment_markers(lines, kinds)
    starts: dict[int, Marker | None] = {m.index: m for m in markers}
    mode = "numbered" if markers else "authors"
    if not markers:
        for i, ln in enumerate(lines):
            if kinds[i] is None and _start_author_line(ln):
                starts[i] = None
    if not starts:
        mode = "reply_links" if "reply_link" in kinds else "paragraphs"
    base_indent = min((lines[m.index].indent for m in markers), default=0)

    drafts: list[_Draft] = []
    aside: list[tuple[str, Line]] = []
    cur: _Draft | None = None
    for i, ln in enumerate(lines):
        if ln.blank:
            if cur is not None:
                cur.lines.append(ln)
            continue
        if kinds[i] is not None:
            aside.append((kinds[i], ln))
            if kinds[i] == "comment_header" or (mode == "numbered" and ln.indent <= base_indent and base_indent):
                cur = None
            elif mode in ("reply_links", "authors") and kinds[i] == "reply_link":
                cur = None
            continue
        if i in starts:
            cur = _open(ln, starts[i])
            drafts.append(cur)
            continue
        if mode == "numbered" and base_indent and cur is not None and ln.indent < base_indent:
            cur = None  # text back at the page margin after an indented list is not part of a comment
        if cur is None or (mode == "paragraphs" and after_break_paragraph(cur)):
            cur = _Draft(start=ln.no)
            drafts.append(cur)
        _add_line(cur, ln)
    comments = _finish(drafts)
    return comments, set_aside_runs(aside)


def after_break_paragraph(d: _Draft) -> bool:
    """In the paragraph fallback every paragraph is one comment."""
    return bool(d.lines) and d.lines[-1].blank


def _open(ln: Line, marker: Marker | None) -> _Draft:
    d = _Draft(start=ln.no)
    text = ln.text
    if marker is not None:
        d.number = ".".join(map(str, marker.number))
        text = marker.rest
    al = author_line(text) if text else None
    if al and (marker is not None or not al.rest):
        d.author = al.name
        if al.date:
            d.date, d.date_text = al.date, al.date.text
        text = al.rest
    if text:
        d.lines.append(Line(ln.no, ln.indent, text))
    return d


def _add_line(d: _Draft, ln: Line) -> None:
    """Add a content line; a date line right after the author line is the comment's timestamp."""
    has_text = any(not x.blank for x in d.lines)
    if d.date is None and not has_text:
        found = is_date_line(ln.text)
        if found:
            d.date, d.date_text = found, ln.text
            return
        if d.author is None and d.number is not None:
            al = author_line(ln.text)
            if al and not al.rest:
                d.author = al.name
                if al.date:
                    d.date, d.date_text = al.date, al.date.text
                return
    d.lines.append(ln)


def _comment_markers(lines: list[Line], kinds: list[str | None]) -> list[Marker]:
    """The numbered items that are comments, not lists inside a comment.

    Comment numbers run in sequence: after 3 come 4, 3.1, or (after 3.1) 3.2;
    an item that breaks the sequence, or a plain number indented deeper than
    the comments' own numbers, belongs to the comment's text. When a number
    fits both the sequence and a list inside the comment ("3." after "2." and an
    inner "1. 2."), it belongs to the inner list if it follows that list's last
    item without a blank line, or if a later item can continue the comments'
    sequence without it; otherwise it is the next comment.
    """
    cands = []
    for i, ln in enumerate(lines):
        if kinds[i] is None and not ln.blank:
            m = marker_of(ln)
            if m:
                cands.append(Marker(i, m.number, m.rest))
    if not cands:
        return []
    singles = [m for m in cands if len(m.number) == 1]
    base = min((lines[m.index].indent for m in singles), default=lines[cands[0].index].indent)
    chosen: list[Marker] = []
    inner_next: int | None = None  # next number of a list inside the current comment
    inner_last = -2  # line index of that list's last item
    for k, m in enumerate(cands):
        indent = lines[m.index].indent
        if not chosen:
            if len(m.number) == 1 and indent <= base:
                chosen.append(m)
            continue
        valid = _next_numbers(chosen[-1].number)
        fits = m.number in valid and (len(m.number) > 1 or indent <= base)
        if fits and len(m.number) == 1 and m.number[0] == inner_next:
            tight = inner_last == m.index - 1
            if tight or any(later.number in valid for later in cands[k + 1:]):
                fits = False
        if fits:
            chosen.append(m)
            inner_next = None
        elif len(m.number) == 1:
            inner_next, inner_last = m.number[0] + 1, m.index
    return chosen


def _next_numbers(last: tuple[int, ...]) -> set[tuple[int, ...]]:
    """Numbers that may follow `last` in a depth-first numbered list."""
    out = {last + (1,)}
    for depth in range(1, len(last) + 1):
        out.add(last[: depth - 1] + (last[depth - 1] + 1,))
    return out


def _finish(drafts: list[_Draft]) -> list[Comment]:
    numbered = any(d.number for d in drafts)
    by_number: dict[str, str] = {}
    used: set[str] = set()
    out: list[Comment] = []
    for pos, d in enumerate(drafts, start=1):
        base = f"c{d.number}" if d.number else (f"u{pos}" if numbered else f"c{pos}")
        cid, n = base, 2
        while cid in used:
            cid, n = f"{base}-{n}", n + 1
        used.add(cid)
        parent = None
        inferred: dict[str, Inference] = {}
        if d.number and "." in d.number:
            parent = by_number.get(d.number.rsplit(".", 1)[0])
            if parent:
                inferred["parent"] = Inference(
                    "nested_numbering", NESTED_NUMBER_CONFIDENCE, d.number,
                    "the page numbers this comment under its parent")
        if d.number and d.number not in by_number:
            by_number[d.number] = cid
        timestamp = None
        if d.date:
            timestamp = to_utc_iso(d.date.iso, where=f"line {d.start}")
            if not d.date.has_time:
                inferred["timestamp"] = Inference(
                    "date_only", DATE_ONLY_CONFIDENCE, d.date_text,
                    "the page gives a date without a time; midnight UTC assumed")
        text = join_paragraphs(d.lines)
        extra: dict[str, str | int | float | bool | None] = {"line": d.start}
        if d.author and d.author.casefold() in ("anonymous", "anon", "guest", "unknown"):
            extra["anonymous"] = True
        out.append(Comment(
            id=cid, text=text, number=d.number, author=d.author, parent=parent, timestamp=timestamp,
            flags=() if text else ("empty",), inferred=inferred, extra=extra,
        ))
    return out


__all__ = ["find_section", "parse_section", "is_name"]
