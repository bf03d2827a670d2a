"""Small, fast text helpers the taggers share: sentences, quotations, tokens, negation scope.

Kept deliberately simple and linear-time (precompiled regexes, one pass): the
tagger must stay within half of VADER's speed per comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicons import NEGATORS, SCOPE_END, normalize

#: Sentence end: . ! ? (and runs of them) followed by space and a capital, digit, quote or bracket; or newlines.
_SENT_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9@])|\n\s*\n|\n(?=\s*[-*•]|\s*\d+[.)]\s)")
#: Abbreviations that end in a period but not a sentence.
_ABBREV = re.compile(r"\b(?:mr|mrs|ms|dr|prof|st|vs|etc|e\.g|i\.e|u\.s|u\.k|no|jr|sr|gov|govt|sen|rep)\.$",
                     re.IGNORECASE)
_QUOTED = re.compile(r"\"[^\"]{0,2000}\"|“[^”]{0,2000}”")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*%?|[?!.,;:]")
_PUNCT = frozenset("?!.,;:")


def sentences(text: str) -> list[str]:
    """Split into sentences; abbreviations such as "Mr." and "U.S." do not end one."""
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        piece = text[start:m.start()].strip()
        if piece and _ABBREV.search(piece):
            continue
        if piece:
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def strip_quotations(text: str) -> str:
    """Replace quoted passages by a placeholder: quoted words are someone else's voice."""
    return _QUOTED.sub(" QUOTE ", normalize(text))


def quotations(text: str) -> list[str]:
    return [q.strip("\"“”") for q in _QUOTED.findall(normalize(text))]


@dataclass(frozen=True)
class Token:
    text: str  # lower-case
    negated: bool  # inside a negation scope (nltk mark_negation style)


def tokens(sentence: str) -> list[Token]:
    """Lower-case tokens, each marked if a negator before it (up to punctuation) scopes over it."""
    out: list[Token] = []
    negated = False
    for m in _TOKEN.finditer(sentence):
        w = m.group(0).lower()
        if w in _PUNCT or w in SCOPE_END:
            negated = False
            out.append(Token(w, False))
            continue
        if NEGATORS.fullmatch(w):
            out.append(Token(w, negated))
            negated = not negated
            continue
        out.append(Token(w, negated))
    return out
