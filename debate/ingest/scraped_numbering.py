"""Numbered comment lists: which "1." / "1.1" items are comments and which are lists inside one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scraped_lines import Line

_SINGLE = re.compile(r"^#?(?P<num>\d{1,4})[.)](?:\s+(?P<rest>.*))?$")
_DOTTED = re.compile(r"^#?(?P<num>\d{1,4}(?:\.\d{1,3})+)\.?(?:\s+(?P<rest>.*))?$")


@dataclass(frozen=True)
class Marker:
    index: int  # position in the zone's line list
    number: tuple[int, ...]
    rest: str


def marker_of(ln: Line) -> Marker | None:
    first = ln.text[:1]
    if not (first == "#" or first.isdecimal()):  # both patterns open with "#?\d" (re's \d is isdecimal)
        return None
    m = _DOTTED.match(ln.text) or _SINGLE.match(ln.text)
    if not m:
        return None
    return Marker(-1, tuple(int(x) for x in m["num"].split(".")), (m["rest"] or "").strip())


def comment_markers(lines: list[Line], kinds: list[str | None]) -> list[Marker]:
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


