"""Sentence splitting that works offline and keeps character offsets.

Why a layered splitter: comment text breaks the assumptions of every
off-the-shelf splitter in the same few ways (paragraphs and one-line
salutations, "China.Every" glued by scrapers, emoticons and citations after
the full stop, CJK full stops, lower-case chat). The statistical core splits
ordinary prose; thin, generic layers around it fix those cases. The choice of
core and each layer were measured on hand-checked paragraphs: see
docs/sentence-splitting.md and benchmarks/sentence_splitters.py.

Layers, in order:
1. blocks: blank lines always end a sentence; a single line break does too,
   unless the next line starts in lower case or the line ends mid-clause
   (comma, hyphen, open bracket), i.e. looks hard-wrapped;
2. the core splitter on each block (`_core_spans`);
3. repairs: split glued boundaries, CJK full stops and emoticons followed by
   a new sentence; re-join splits after abbreviations that cannot end a
   sentence here; move a leading emoticon or citation mark back to the
   sentence it belongs to.

Spans are (start, end) offsets into the original text with surrounding
whitespace trimmed, so `text[start:end]` quotes the sentence exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

Span = tuple[int, int]
Engine = Callable[[str], list[Span]]

# --- layer 1: blocks ---------------------------------------------------------

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"[ \t\r\f\v]*\n[ \t\r\f\v]*")
#: A line that ends with one of these is taken as hard-wrapped, not finished.
_CONTINUES = tuple(",;-–—(/&")

# --- layer 3: repairs --------------------------------------------------------

#: Titles and abbreviations that in comments and articles practically never
#: end a sentence (they precede a name or a number). Hand-written for this
#: project from common English style-guide abbreviation lists; lower case,
#: without the final period.
NEVER_FINAL = frozenset(
    """mr mrs ms mx dr prof rev hon sen rep gov gen col lt sgt capt cmdr adm
    pres supt insp det fr st mt ft
    e.g i.e cf viz vs approx ca est appx dept univ assn""".split()
)
#: Abbreviations that precede a number ("No. 5", "Fig. 2", "Jan. 15") but are
#: also words that end sentences ("lol no.", "in Jan."): non-final only when
#: a digit follows.
BEFORE_NUMBER = frozenset(
    """no nos fig figs sec secs ch chap vol vols eq eqs pp p art para
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
#: Abbreviations that may end a sentence; they are joined to what follows
#: only when the next word starts in lower case or with a digit.
MAY_BE_FINAL = frozenset(
    """u.s u.k u.n e.u u.s.a etc inc ltd co corp bros govt gov't a.m p.m al
    jr sr ph.d b.a m.a m.sc n.b""".split()
)
_LAST_WORD = re.compile(r"(?:^|[\s(\[\"“‘'])([A-Za-z][A-Za-z.'’]*)\.[\"”’)\]]*$")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]\.$")
#: "China.Every", "true?Then": a lower-case word, a terminator, then a
#: capitalised word with no space. Needs two lower-case letters before the
#: stop so that "e.g.The", "U.S.Army", "3.5" and "v1.5" are left alone.
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
#: CJK full stop, exclamation and question marks end a sentence by themselves.
_CJK_STOP = re.compile(r"(?<=[。！？])(?=[^\s。！？」』”’)）])")
_EMOTICON = r"(?:[:;=8][-^']?[()\[\]DPpOo3/\\|*]+|<3|\^_\^|[xX]D)"
#: An emoticon standing where a full stop would: "Great article :) I shared it".
_EMOTICON_STOP = re.compile(r"(?<=\s)" + _EMOTICON + r"(?=\s+[A-Z\"“])")
#: Words that almost always start a sentence when capitalised after a stop
#: (subject pronouns, determiners, sentence adverbs and conjunctions): the
#: "frequent sentence starter" evidence Punkt uses (Kiss & Strunk 2006, sec. 4).
SENTENCE_STARTERS = frozenset(
    """I We You He She It They This That These Those The There Then But And So
    However Still Yet Also Others Nobody None Everyone Everybody Someone
    Somebody Nothing Everything What Why How When Where Who If My Our Their
    His Her Its""".split()
)
_STOP_THEN_STARTER = re.compile(
    r"(?<=\.)[\"”’)\]]*\s+(?=(?:" + "|".join(sorted(SENTENCE_STARTERS)) + r")\b)"
)
#: An ellipsis followed by a capitalised word ends the sentence in comments.
_ELLIPSIS_STOP = re.compile(r"(?:\.\.\.|…)[\"”’)]*\s+(?=[\"“]?[A-Z])")
_QUOTED_STOP = re.compile(r"[.!?…][\"”’]$")
_LEADING_TAIL = re.compile(r"^(?:" + _EMOTICON + r"|\[\d{1,3}\])(?=\s|$)")


def _blocks(text: str) -> list[Span]:
    """Cut at blank lines always, and at single line breaks that end a line."""
    out: list[Span] = []
    para_start = 0
    for m in [*_BLANK_LINE.finditer(text), None]:
        para_end = m.start() if m else len(text)
        start = para_start
        for lb in _LINE_BREAK.finditer(text, para_start, para_end):
            before = text[start : lb.start()].rstrip()
            after = text[lb.end() : para_end]
            if not before or not after:
                continue
            if before.endswith(_CONTINUES) or after[0].islower():
                continue
            out.append((start, lb.start()))
            start = lb.end()
        out.append((start, para_end))
        if m:
            para_start = m.end()
    return out


def _trim(text: str, span: Span) -> Span | None:
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


def _split_inside(text: str, spans: list[Span]) -> list[Span]:
    """Add boundaries the core cannot see: glued stops, CJK stops, emoticons."""
    out: list[Span] = []
    for a, b in spans:
        cuts = {a, b}
        for pattern in (_GLUED, _CJK_STOP, _EMOTICON_STOP, _ELLIPSIS_STOP):
            for m in pattern.finditer(text, a, b):
                cuts.add(m.end())
        for m in _STOP_THEN_STARTER.finditer(text, a, b):
            # The core kept "U.S. They" together; split unless the word
            # before the stop is a title or an initial ("Dr. Who", "J. It").
            if _abbreviation_kind(text[a : m.start()]) != "never":
                cuts.add(m.end())
        edges = sorted(cuts)
        out.extend(zip(edges, edges[1:]))
    return out


def _abbreviation_kind(sentence: str) -> str | None:
    """How the abbreviation `sentence` ends with, if any, may end a sentence.

    "never" (a title or an initial), "number" (non-final before a digit),
    "maybe" (can end a sentence), or None (not an abbreviation).
    """
    if _INITIAL.search(sentence):
        return "never"  # "J. R. R. Tolkien", "George W. Bush"
    m = _LAST_WORD.search(sentence)
    if not m:
        return None
    word = m.group(1).lower()
    if word in NEVER_FINAL:
        return "never"
    if word in BEFORE_NUMBER:
        return "number"
    if word in MAY_BE_FINAL or "." in word:
        return "maybe"
    return None


def _wrong_split(sentence: str, next_sentence: str) -> bool:
    """Whether a split between the two is an abbreviation or a quoted stop."""
    kind = _abbreviation_kind(sentence)
    first = next_sentence[:1]
    if kind == "never":
        return True
    if kind == "number":
        return first.isdigit()
    if kind == "maybe":
        return first.islower() or first.isdigit()
    # He asked “why?” and left: a stop inside quotes, the sentence goes on.
    return first.islower() and _QUOTED_STOP.search(sentence) is not None


def _merge(text: str, spans: list[Span], block_starts: set[int]) -> list[Span]:
    """Re-join wrong splits and give leading tails back to their sentence.

    Never across a block edge: layout boundaries are final.
    """
    out: list[Span] = []
    for span in spans:
        a, b = span
        if not out or a in block_starts:
            out.append(span)
            continue
        pa, pb = out[-1]
        cur = text[a:b]
        tail = _LEADING_TAIL.match(cur)
        if tail:
            out[-1] = (pa, a + tail.end())
            rest = _trim(text, (a + tail.end(), b))
            if rest:
                out.append(rest)
            continue
        if _wrong_split(text[pa:pb], cur):
            out[-1] = (pa, b)
            continue
        out.append(span)
    return out


def spans_with(text: str, engine: Engine) -> list[Span]:
    """Sentence spans of `text` using `engine` as the core splitter.

    Exposed so the benchmark can put any splitter inside the same layers.
    """
    raw: list[Span] = []
    block_starts: set[int] = set()
    for a, b in _blocks(text):
        block = text[a:b]
        if not block.strip():
            continue
        block_starts.add(a + len(block) - len(block.lstrip()))
        for s, e in engine(block):
            raw.append((a + s, a + e))
    trimmed = [t for t in (_trim(text, s) for s in raw) if t]
    split = [t for t in (_trim(text, s) for s in _split_inside(text, trimmed)) if t]
    return _merge(text, split, block_starts)


@lru_cache(maxsize=1)
def _core() -> Engine:
    """The core splitter, built once (see docs/sentence-splitting.md)."""
    import nupunkt

    return nupunkt.sent_spans


def _core_spans(block: str) -> list[Span]:
    return _core()(block)


def sentence_spans(text: str) -> list[Span]:
    """(start, end) character offsets of each sentence in `text`, in order."""
    if not text or not text.strip():
        return []
    return spans_with(text, _core_spans)


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, each exactly as it appears there (trimmed)."""
    return [text[a:b] for a, b in sentence_spans(text)]
