"""Run a cue's regular expression only where a match can start, with the same result as a full scan.

Most cue patterns are case-insensitive and open with a word boundary, so Python's `re` cannot skip
ahead to a likely start and tries the whole pattern at every character: on long comments that was
most of the cost of structure inference. Every such pattern here begins with one of a few literal
words ("your", "comment", "as i "); finding those with `str.find` on a lowercased copy and trying
the pattern only there gives exactly the matches `finditer` / `search` / `sub` would give:

- `re.IGNORECASE` makes a character match an ASCII letter only if it lowercases to it, or is one of
  four exceptions (U+0130 and U+0131 for "i", U+017F for "s", U+212A for "k"), which `fold` maps
  first. `str.lower` keeps every other character one character long (U+0130 is the only one it
  expands), so positions in the folded copy are positions in the text.
- `pattern.match(text, pos)` still sees the characters before `pos` for `\\b` and look-behinds, so
  a match tried at a start gives what a scan reaching that start would.
- Matches are taken left to right, each next one no earlier than where the last ended, as
  `finditer` does (none of these patterns can match the empty string).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from heapq import merge
from collections.abc import Iterable, Iterator
from functools import lru_cache

#: The non-ASCII characters that `re.IGNORECASE` matches to an ASCII letter (checked over all of Unicode).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLDED = "\u0130\u0131\u017f\u212a"


@lru_cache(maxsize=256)
def fold(text: str) -> str:
    """`text` lowercased, same length, so that a case-insensitive ASCII word found in it is found in `text`.

    Cached (a bounded number of texts): every detector of one comment asks for the same copy.
    """
    if text.isascii() or not any(c in text for c in _FOLDED):
        return text.lower()
    return text.translate(_FOLD).lower()


def has_any(text: str, keys: Iterable[str]) -> bool:
    """Does the lowercased text contain one of the (lowercase) keys?"""
    folded = fold(text)
    return any(k in folded for k in keys)


def starts(text: str, keys: Iterable[str], pos: int = 0, prefix: str | None = None) -> list[int]:
    """Every position from `pos` on where one of the lowercase keys occurs (case-insensitively), in order.

    With `prefix` (for a pattern opening with "(?:prefix\\s+)?" before its keys), also where that
    word starts when only whitespace separates it from a key.
    """
    folded = fold(text)
    found: set[int] = set()
    for key in keys:
        at = folded.find(key, pos)
        while at >= 0:
            found.add(at)
            at = folded.find(key, at + 1)
    if prefix:
        for at in list(found):
            gap = at
            while gap > 0 and folded[gap - 1].isspace():
                gap -= 1
            word = gap - len(prefix)
            if gap < at and word >= pos and folded.startswith(prefix, word):
                found.add(word)
    return sorted(found)


def finditer(pattern: re.Pattern, text: str, keys: Iterable[str]) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, for a pattern whose every match starts where one of `keys` occurs."""
    end = 0
    for at in starts(text, keys):
        if at < end:
            continue
        m = pattern.match(text, at)
        if m is not None:
            yield m
            end = m.end()


#: Texts longer than this find a search's starts one at a time (a search that ends early then stops
#: looking); shorter ones find them all at once, which costs less than setting up the lazy merge.
LAZY_FROM = 20_000


def search(pattern: re.Pattern, text: str, keys: Iterable[str], pos: int = 0,
           prefix: str | None = None) -> re.Match | None:
    """`pattern.search(text, pos)`, for a pattern whose every match starts where one of `keys` occurs
    (or, with `prefix`, at that word before one: see `starts`)."""
    lazy = not prefix and len(text) > LAZY_FROM
    found = _lazy_starts(fold(text), keys, pos) if lazy else starts(text, keys, pos, prefix)
    for at in found:
        m = pattern.match(text, at)
        if m is not None:
            return m
    return None


def search_from(pattern: re.Pattern, text: str, finder: re.Pattern) -> re.Match | None:
    """`pattern.search(text)`, trying the pattern only where `finder` matches the folded copy.

    `finder` is a case-sensitive pattern over lowercase text that starts with a literal (so `re`
    skips ahead to it) and matches at every place a match of `pattern` can start, and never
    across another such place (for a start that no single word of `starts` can name, like "I"
    followed by "'" or whitespace).
    """
    for f in finder.finditer(fold(text)):
        m = pattern.match(text, f.start())
        if m is not None:
            return m
    return None


def _lazy_starts(folded: str, keys: Iterable[str], pos: int) -> Iterator[int]:
    """The positions of `starts`, found one at a time, so that a search ending early stops looking."""
    last = -1
    for at in merge(*(_occurrences(folded, key, pos) for key in keys)):
        if at != last:
            yield at
            last = at


def _occurrences(folded: str, key: str, pos: int) -> Iterator[int]:
    at = folded.find(key, pos)
    while at >= 0:
        yield at
        at = folded.find(key, at + 1)


def sub(pattern: re.Pattern, replacement: str, text: str, keys: Iterable[str]) -> str:
    """`pattern.sub(replacement, text)` for a literal replacement, matches found as in `finditer`."""
    parts: list[str] = []
    last = 0
    for m in finditer(pattern, text, keys):
        parts.append(text[last : m.start()])
        parts.append(replacement)
        last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


class Searcher:
    """Repeated `pattern.search(text, pos)` with `pos` never moving back, the starts found once
    (finding them again for every search made a long comment with many matches quadratic)."""

    def __init__(self, pattern: re.Pattern, text: str, keys: Iterable[str], prefix: str | None = None):
        self._pattern, self._text = pattern, text
        self._starts = starts(text, keys, 0, prefix)
        self._next = 0  # starts before this index lie before every position still to be searched

    def search(self, pos: int) -> re.Match | None:
        found, k = self._starts, bisect_left(self._starts, pos, self._next)
        while k < len(found):
            m = self._pattern.match(self._text, found[k])
            if m is not None:
                self._next = k
                return m
            k += 1
        self._next = k
        return None
