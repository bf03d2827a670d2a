"""Dates as scraped pages print them: "March 29, 2012", "3 March 2012 at 4:05 pm", "Winter 2021".

Pages print local times without a zone; we take them as UTC (the page gives
nothing better) and say so in the caller's Inference note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = (r"(?:\s*(?:,|at|@|-|–|—|\|)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d\d)(?::(?P<second>\d\d))?"
         r"\s*(?P<ampm>[ap]\.?m\.?)?)?")
_DATE_FORMS = [
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.I),  # March 29, 2012
    re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + _TIME, re.I),  # 29 March 2012
    re.compile(_YEAR + r"-(?P<mnum>\d\d)-" + _DAY + r"(?:[T ]" + r"(?P<hour>\d\d):(?P<minute>\d\d)"
               r"(?::(?P<second>\d\d))?)?", re.I),  # 2012-03-29
    re.compile(r"(?<![\d/.])(?P<na>\d{1,2})[/.](?P<nb>\d{1,2})[/.]" + _YEAR + _TIME, re.I),  # 29/03/2012
]
SEASON = re.compile(r"\b(?P<season>spring|summer|autumn|fall|winter)\s+(?P<year>(?:19|20)\d\d)\b", re.I)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a line: where it starts/ends, the ISO value, and whether it had a time."""

    start: int
    end: int
    iso: str  # "2012-03-29" or "2012-03-29T16:05:00"
    has_time: bool
    text: str


def find_date(text: str) -> FoundDate | None:
    """The first calendar date in `text` (with its time of day when printed), else None."""
    best: FoundDate | None = None
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            found = _to_found(m)
            if found is not None:
                if best is None or found.start < best.start:
                    best = found
                break
    return best


def _to_found(m: re.Match) -> FoundDate | None:
    g = m.groupdict()
    if g.get("na"):
        a, b = int(g["na"]), int(g["nb"])
        if a > 12 and b <= 12:
            g["day"], g["mnum"] = str(a), str(b)  # day first (29/03/2012)
        elif b > 12 and a <= 12:
            g["day"], g["mnum"] = str(b), str(a)  # month first (03/29/2012)
        else:
            return None  # 03/04/2012: day and month cannot be told apart
    month = MONTHS[g["month"].lower()] if g.get("month") else int(g["mnum"])
    try:
        day = datetime(int(g["year"]), month, int(g["day"]))
    except ValueError:
        return None
    has_time = g.get("hour") is not None
    if has_time:
        hour, minute, second = int(g["hour"]), int(g["minute"]), int(g["second"] or 0)
        ampm = (g.get("ampm") or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59 or second > 59:
            has_time = False
        else:
            day = day.replace(hour=hour, minute=minute, second=second)
    iso = day.strftime("%Y-%m-%dT%H:%M:%S") if has_time else day.strftime("%Y-%m-%d")
    return FoundDate(m.start(), m.end(), iso, has_time, m.group(0).strip())


def is_date_line(text: str) -> FoundDate | None:
    """The date when `text` is nothing but a date (with optional time, "Posted on", "Updated")."""
    s = _DATE_LINE_PREFIX.sub("", text.strip())
    s = s.strip(" |·•-–—")
    found = _date_at_start(s)
    if found and not s[found.end:].strip(" .,|·•-–—"):
        return found
    return None


_DATE_LINE_PREFIX = re.compile(r"^(?:posted|published|updated|last updated|date)\s*(?:on|:)?\s*", re.I)


def _date_at_start(s: str) -> FoundDate | None:
    """find_date(s) if that date starts at 0, else None, without scanning the rest of the line.

    find_date keeps the earliest of each form's first valid date (the earlier form on a tie), so a
    date at 0 is the first form whose match anchored at 0 is valid; a match at 0 is what finditer
    would try first, and an invalid one there leaves that form's first valid date further on.
    """
    for form in _DATE_FORMS:
        m = form.match(s)
        if m is not None:
            found = _to_found(m)
            if found is not None:
                return found
    return None


_RELATIVE = re.compile(
    r"^(?:about\s+|over\s+|almost\s+)?(?:\d+|an?|one)\s+(?:second|sec|minute|min|hour|hr|day|week|month|year|yr)s?"
    r"\s+ago$|^(?:yesterday|today|just now)(?:\s+at\s+\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?)?$", re.I)


_AMBIGUOUS_NUMERIC = re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?:19|20)\d\d" + _TIME + "$", re.I)


def is_relative_time(text: str) -> bool:
    """A time the page prints but we cannot pin down: "3 years ago", "yesterday", "03/04/2012"."""
    s = text.strip(" •·|-–—")
    m = _AMBIGUOUS_NUMERIC.match(s)
    if m and int(m["a"]) <= 12 and int(m["b"]) <= 12:
        return True
    return bool(_RELATIVE.match(s))
