"""Lines and blocks of a scraped page, and the author lines comment templates print."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import SetAside
from .scraped_dates import FoundDate, find_date, is_date_line, is_relative_time

#: Characters pages use as spaces; all become plain spaces before parsing.
_SPACES = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\t"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@dataclass(frozen=True)
class Line:
    """One source line: 1-based number, indentation (in spaces) and stripped, space-normalised text."""

    no: int
    indent: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


_RUNS_OF_SPACES = re.compile(r" {2,}")


def split_lines(page: str) -> list[Line]:
    # Both substitutions replace single characters that are never newlines, so applying them to the
    # whole page once is the same as line by line; a character the page lacks costs one fast look
    # (a regex class scan cost ~70 us per 20 KB page, each, even when nothing matched).
    page = page.replace("\r\n", "\n").replace("\r", "\n")
    for c in _ZERO_WIDTH:
        if c in page:
            page = page.replace(c, "")
    for c in _SPACES:
        if c in page:
            page = page.replace(c, " ")
    out = []
    for i, raw in enumerate(page.split("\n"), start=1):
        s = raw.rstrip()
        stripped = s.lstrip(" ")
        out.append(Line(i, len(s) - len(stripped),
                        _RUNS_OF_SPACES.sub(" ", stripped) if "  " in stripped else stripped))
    return out


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Consecutive non-blank lines, split at blank lines."""
    out: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines:
        if ln.blank:
            if cur:
                out.append(cur)
                cur = []
        else:
            cur.append(ln)
    if cur:
        out.append(cur)
    return out


def join_paragraphs(lines: list[Line]) -> str:
    """Text of lines: lines of a paragraph joined by newline, paragraphs by a blank line."""
    return "\n\n".join("\n".join(ln.text for ln in para) for para in paragraphs(lines))


#: Set-aside lines of one kind merge into one record across at most two blank lines.
MERGE_GAP = 3


def set_aside_runs(items: list[tuple[str, Line]]) -> list[SetAside]:
    """Merge consecutive (kind, line) pairs of one kind into SetAside records."""
    out: list[SetAside] = []
    kind: str | None = None
    run: list[Line] = []
    for k, ln in items:
        if run and (k != kind or ln.no - run[-1].no > MERGE_GAP):
            out.append(SetAside(kind, "\n".join(x.text for x in run), run[0].no))
            run = []
        kind = k
        run.append(ln)
    if run:
        out.append(SetAside(kind, "\n".join(x.text for x in run), run[0].no))
    return out


# --- author lines ------------------------------------------------------------------

#: Words that start sentences, never names ("The minister says:").
_NOT_NAMES = frozenset(
    "the a an he she it they we i you this that these those there here who what which everyone someone "
    "nobody somebody one his her their our my your report article author study government minister "
    "president he's she's it's".split()
)
_PARTICLES = frozenset("de da del della der van von la le bin al el di du dos das y and of".split())
_HANDLE = re.compile(r"^@?[\w.\-]{2,40}$")


def is_name(text: str) -> bool:
    """A plausible display name: a handle, or 1-5 capitalised words (with particles)."""
    s = text.strip()
    if not s or len(s) > 60 or s.endswith((",", ";", "!", "?")):
        return False
    if s.endswith(".") and not re.search(r"(?:^|\s)(?:[A-Z]|Jr|Sr|Dr)\.$", s):  # "Nadia K." is a name
        return False
    tokens = s.split()
    if tokens[0].lower().strip("@") in _NOT_NAMES:
        return False
    if len(tokens) == 1:
        return bool(_HANDLE.match(s)) and not s.isdigit()
    if len(tokens) > 5:
        return False
    for t in tokens:
        if t.lower() in _PARTICLES:
            continue
        if not (t[0].isupper() or t[0].isdigit()) or not re.match(r"^[\w.'’\-()]+$", t):
            return False
    return True


@dataclass(frozen=True)
class AuthorLine:
    """What an author line says: the name, and the date when printed with it."""

    name: str
    date: FoundDate | None
    rest: str = ""  # comment text printed on the same line after "says:"
    relative: str = ""  # a relative time printed with the name ("3 years ago")


_SAYS = re.compile(r"^(?P<name>.{1,60}?)\s+(?:says|said|wrote|writes|commented)\s*(?::\s*|\.\.\.\s*|…\s*|$)"
                   r"(?P<rest>.*)$", re.I)
_ON_SAID = re.compile(r"^(?P<name>.{1,60}?)\s+on\s+(?P<date>.{6,60}?)\s+(?:says|said|wrote)\s*:?\s*(?P<rest>.*)$", re.I)
_SAID_ON = re.compile(r"^(?P<name>.{1,60}?)\s+(?:says|said|wrote|commented)\s+(?:on\s+)?(?P<date>.{6,60}?)\s*:\s*"
                      r"(?P<rest>.*)$", re.I)
_NAME_SEP_DATE = re.compile(r"^(?P<name>[^|—–·•]{1,60}?)\s*[|—–·•]\s*(?P<date>.{5,60})$")
_POSTED_BY = re.compile(r"^(?:posted|comment) by\s+(?P<name>.{1,60}?)(?:\s+(?:on|at)\s+(?P<date>.{6,60}?))?\s*:?$", re.I)


def author_line(text: str) -> AuthorLine | None:
    """Parse the comment templates' author lines ("Alice says:", "Bob on <date> said:", "Ann | <date>")."""
    for rx in (_ON_SAID, _SAID_ON):
        m = rx.match(text)
        if m and is_name(m["name"]):
            d = is_date_line(m["date"])
            if d:
                return AuthorLine(m["name"].strip(), d, m["rest"].strip())
    m = _SAYS.match(text)
    if m and is_name(m["name"]):
        rest = m["rest"].strip()
        d = is_date_line(rest) if rest else None
        if d:
            return AuthorLine(m["name"].strip(), d, "")
        found = find_date(rest) if rest else None
        if found and found.start == 0:  # "says: March 3, 2012 at 4:05 pm Great point..."
            return AuthorLine(m["name"].strip(), found, rest[found.end:].strip(" |-–—:"))
        if rest and ":" not in text[: m.start("rest")]:  # "Alice says" without a colon, then text: not ours
            return None
        return AuthorLine(m["name"].strip(), None, rest)
    m = _POSTED_BY.match(text)
    if m and is_name(m["name"]):
        d = is_date_line(m["date"]) if m["date"] else None
        if m["date"] is None or d:
            return AuthorLine(m["name"].strip(), d)
    m = _NAME_SEP_DATE.match(text)
    if m and is_name(m["name"]):
        d = is_date_line(m["date"])
        if d or is_relative_time(m["date"]):
            return AuthorLine(m["name"].strip(), d, relative=m["date"].strip() if d is None else "")
    return None
