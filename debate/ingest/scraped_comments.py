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
from .scraped_dates import FoundDate, is_date_line, is_relative_time
from .scraped_furniture import header_kind, line_kind
from .scraped_lines import AuthorLine, Line, author_line, is_name, join_paragraphs, set_aside_runs
from .scraped_numbering import Marker, comment_markers, marker_of

#: A nested display number ("1.1") is how the page itself shows a reply; only a
#: mis-scraped page would break it, hence high but not full confidence.
NESTED_NUMBER_CONFIDENCE = 0.95
#: A date without a time of day: the timestamp is that day at midnight UTC, a guess within a day.
DATE_ONLY_CONFIDENCE = 0.5
#: A "Name says:" / "Name on <date> said:" line needs a date or a Reply link nearby to open a
#: comment section that has no header; this many lines is "nearby" (one WordPress comment block).
NEARBY_LINES = 40
#: Replies indented under a comment (text scrapes of threaded lists): a layout cue, but
#: indentation also drifts in copy-pasted text, hence below nested numbering.
INDENT_CONFIDENCE = 0.85
#: A bare name line over a date line opens a comment ("Jane Doe" / "March 3, 2012 at 5:00 pm").
NAME_LINE_MAX_WORDS = 4
#: Words in a line of running text; shorter lines are titles, by-lines and labels.
PROSE_MIN_WORDS = 6

@dataclass
class _Draft:
    start: int  # source line of the comment's first line
    indent: int = 0
    number: str | None = None
    author: str | None = None
    date: FoundDate | None = None
    date_text: str = ""
    time_text: str = ""  # a relative time ("3 years ago"), kept as printed
    flags: tuple[str, ...] = ()
    lines: list[Line] = field(default_factory=list)


# --- where the section starts ------------------------------------------------------


def find_section(lines: list[Line]) -> tuple[int | None, str | None]:
    """(index of the comment section's first line, how it was found) or (None, None).

    A header line opens it ("9 Comments", "Leave a Reply"; "Comments" or
    "Discussion" only when comments follow). Without any header, author lines
    after the article's prose open it when they carry a date ("Alice says:
    <date>") or are followed by a Reply link.
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
    starts = author_starts(lines)
    seen_prose = False  # the article's by-line ("Posted by Ann on <date>") comes before any prose
    for i, ln in enumerate(lines):
        al = starts.get(i)
        if al and seen_prose and (al.date or al.relative or _reply_near(lines[i + 1: i + NEARBY_LINES])):
            return i, "author_lines"
        seen_prose = seen_prose or _prose(ln.text)
    return None, None


_PINGBACK = re.compile(r"^(?P<kind>pingback|trackback)\s*:\s*(?P<rest>.+)$", re.I)


def author_starts(lines: list[Line], kinds: list[str | None] | None = None) -> dict[int, AuthorLine]:
    """Lines that open an unnumbered comment: author lines, or a name line over a date line."""
    out: dict[int, AuthorLine] = {}
    for i, ln in enumerate(lines):
        if ln.blank or (kinds is not None and kinds[i] is not None):
            continue
        al = _start_author_line(ln)
        if al is None and _name_line(ln.text):
            nxt = next((x for x in lines[i + 1: i + 3] if not x.blank), None)
            if nxt is not None and (is_date_line(nxt.text) or is_relative_time(nxt.text)):
                al = AuthorLine(ln.text.strip(), None)
        if al is not None:
            out[i] = al
    return out


def _name_line(text: str) -> bool:
    return (len(text.split()) <= NAME_LINE_MAX_WORDS and is_name(text) and header_kind(text) is None
            and line_kind(text, in_article=False) is None and is_date_line(text) is None)


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
    markers = comment_markers(lines, kinds)
    starts: dict[int, Marker | AuthorLine | None] = {m.index: m for m in markers}
    mode = "numbered" if markers else "authors"
    if not markers:
        starts.update(author_starts(lines, kinds))
    for i, ln in enumerate(lines):
        if kinds[i] is None and i not in starts and _PINGBACK.match(ln.text):
            starts[i] = None
    if not starts:
        counted = any(k == "comment_header" and header_kind(ln.text) == "count" for k, ln in zip(kinds, lines))
        # Unstructured text is taken for comments only where the page says comments are here.
        mode = ("reply_links" if "reply_link" in kinds else "paragraphs") if counted else "none"
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
        if mode == "none" or (mode == "numbered" and base_indent and ln.indent < base_indent):
            # Text back at the page margin around an indented list, or text after a bare reply
            # form, is not a comment: kept aside, not dropped.
            aside.append(("page_text", ln))
            cur = None
            continue
        if cur is None or (mode == "paragraphs" and cur.lines and cur.lines[-1].blank):
            cur = _Draft(start=ln.no, indent=ln.indent)
            drafts.append(cur)
        _add_line(cur, ln)
    comments = _finish(drafts, nest_by_indent=mode == "authors")
    return comments, set_aside_runs(aside)


def _open(ln: Line, start: Marker | AuthorLine | None) -> _Draft:
    d = _Draft(start=ln.no, indent=ln.indent)
    text = ln.text
    if isinstance(start, Marker):
        d.number = ".".join(map(str, start.number))
        text = start.rest
    ping = _PINGBACK.match(text) if text else None
    if ping:
        d.flags = (ping["kind"].lower(),)
        d.lines.append(Line(ln.no, ln.indent, text))
        return d
    al = start if isinstance(start, AuthorLine) else (author_line(text) if text else None)
    if al and (start is not None or not al.rest):
        d.author = al.name
        if al.date:
            d.date, d.date_text = al.date, al.date.text
        d.time_text = al.relative
        text = al.rest
    found = is_date_line(text) if text and d.date is None else None
    if found:  # "1. March 3, 2012 at 4:05 pm" over the text
        d.date, d.date_text, text = found, text, ""
    if text:
        d.lines.append(Line(ln.no, ln.indent, text))
    return d


def _add_line(d: _Draft, ln: Line) -> None:
    """Add a content line; a date line right after the author line is the comment's timestamp."""
    # The cheap tests first: listing the non-blank lines at every line made long comments quadratic.
    if d.number and d.author is None and d.date is None and not d.time_text:
        content = [x for x in d.lines if not x.blank]
        if (len(content) == 1 and _name_line(content[0].text)
                and (is_date_line(ln.text) or is_relative_time(ln.text))):
            d.author, d.lines = content[0].text, []  # "1. Alice" over "March 3, 2012 at 4:05 pm"
    has_text = any(not x.blank for x in d.lines)
    if not has_text and d.date is None and not d.time_text:
        found = is_date_line(ln.text)
        if found:
            d.date, d.date_text = found, ln.text
            return
        if is_relative_time(ln.text):
            d.time_text = ln.text
            return
        if d.author is None and d.number is not None:
            al = author_line(ln.text)
            if al and not al.rest:
                d.author = al.name
                if al.date:
                    d.date, d.date_text = al.date, al.date.text
                return
    d.lines.append(ln)


_DELETED = re.compile(r"^\[?(?:deleted|comment deleted|this comment (?:was|has been) deleted)\]?\.?$|"
                      r"^this comment has been removed by the author\.?$", re.I)
_REMOVED = re.compile(r"^\[?(?:removed|comment removed(?: by (?:a )?moderator)?)\]?\.?$|"
                      r"^this comment has been removed by (?:a|the) (?:blog )?(?:administrator|moderator)\.?$", re.I)


def _trailing_date(d: _Draft) -> None:
    """Blogger-style pages print the time after the text: take a last date-only line as the timestamp."""
    content = [x for x in d.lines if not x.blank]
    if d.date is None and len(content) > 1:
        found = is_date_line(content[-1].text)
        if found:
            d.date, d.date_text = found, content[-1].text
            d.lines.remove(content[-1])


def _finish(drafts: list[_Draft], *, nest_by_indent: bool) -> list[Comment]:
    numbered = any(d.number for d in drafts)
    by_number: dict[str, str] = {}
    used: set[str] = set()
    out: list[Comment] = []
    indents = {d.indent for d in drafts}
    stack: list[tuple[int, str]] = []  # (indent, id) of the comments above, for indented replies
    for pos, d in enumerate(drafts, start=1):
        _trailing_date(d)
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
        if nest_by_indent and len(indents) > 1:
            while stack and stack[-1][0] >= d.indent:
                stack.pop()
            if stack:
                parent = stack[-1][1]
                inferred["parent"] = Inference(
                    "indentation", INDENT_CONFIDENCE, f"indented {d.indent} spaces under {parent}",
                    "the page indents this comment under the one above it")
            stack.append((d.indent, cid))
        timestamp = None
        if d.date:
            timestamp = to_utc_iso(d.date.iso, where=f"line {d.start}")
            if not d.date.has_time:
                inferred["timestamp"] = Inference(
                    "date_only", DATE_ONLY_CONFIDENCE, d.date_text,
                    "the page gives a date without a time; midnight UTC assumed")
        text = join_paragraphs(d.lines)
        flags = set(d.flags)
        if not text:
            flags.add("empty")
        elif _DELETED.match(text):
            flags.add("deleted")
        elif _REMOVED.match(text):
            flags.add("removed")
        extra: dict[str, str | int | float | bool | None] = {"line": d.start}
        if d.time_text:
            extra["time_text"] = d.time_text
        if d.author and d.author.casefold() in ("anonymous", "anon", "guest", "unknown"):
            extra["anonymous"] = True
        out.append(Comment(
            id=cid, text=text, number=d.number, author=d.author, parent=parent, timestamp=timestamp,
            flags=tuple(sorted(flags)), inferred=inferred, extra=extra,
        ))
    return out
