"""Sentence splitting for comment text: offline, fast, with character offsets.

Why rules written here rather than a trained splitter: comment text breaks
the assumptions of off-the-shelf splitters in the same few ways (one-line
salutations, "China.Every" glued by scrapers, emoticons and citation marks
after the stop, CJK full stops, lower-case chat), and per-sentence sentiment
has to run at close to VADER's own speed. On our hand-checked paragraphs the
rules below match the best Punkt-style splitters wrapped in the same repairs
and run several times faster. The measurements and the decision are in
docs/sentence-splitting.md (benchmarks/sentence_splitters.py prints them).

Three steps, the first two replaceable for the benchmark (`spans_with`):
1. blocks: a blank line always ends a sentence; a single line break does
   too, unless the text looks hard-wrapped (the next line starts in lower
   case, or a long line ends without a stop);
2. a core splitter on each block; ours (`rule_core`) cuts after every run of
   stops (. ! ? …) that is followed by white space;
3. repairs: cut glued boundaries, CJK stops, emoticons and ellipses followed
   by a new sentence; re-join cuts after abbreviations that do not end a
   sentence here; give a leading emoticon or citation mark back to the
   sentence before it; keep a list number ("1.") with its item.

Spans are (start, end) offsets into the original text, trimmed of white
space, so `text[start:end]` quotes a sentence exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

Span = tuple[int, int]
Engine = Callable[[str], list[Span]]

# --- vocabularies (hand-written for this project) -----------------------------

#: Titles and abbreviations that in comments and articles practically never end
#: a sentence: they precede a name or a phrase. Lower case, no final period.
NEVER_FINAL = frozenset(
    """mr mrs ms mx dr prof rev hon sen rep gov gen col lt sgt capt cmdr adm
    pres supt insp det fr st mt ft
    e.g i.e cf viz vs approx ca est appx dept univ assn""".split()
)
#: Abbreviations that precede a number ("No. 5", "Fig. 2", "Jan. 15") but are
#: also words that end sentences ("lol no.", "in Jan."): they hold the sentence
#: together only when a digit follows.
BEFORE_NUMBER = frozenset(
    """no nos fig figs sec secs ch chap vol vols eq eqs pp p art para
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
#: Abbreviations that often end a sentence too ("... moved to the U.S."): they
#: hold it together only when the next word starts in lower case or a digit.
#: Any word with an inner period ("p.m", "ph.d") is treated the same way.
MAY_BE_FINAL = frozenset(
    """u.s u.k u.n e.u u.s.a etc inc ltd co corp bros govt gov't a.m p.m al
    jr sr ph.d b.a m.a m.sc n.b incl excl esp resp avg min max misc ref refs
    pct yr yrs hr hrs wk wks mo mos tel ext""".split()
)
#: Words that start a sentence when capitalised after an abbreviation (subject
#: pronouns, determiners, conjunctions, wh-words): the "frequent sentence
#: starter" evidence of Punkt (Kiss & Strunk 2006, Computational Linguistics
#: 32(4), sec. 4), here as a fixed list instead of a learned one.
SENTENCE_STARTERS = frozenset(
    """I We You He She It They This That These Those The There Then But And So
    However Still Yet Also Others Nobody None Everyone Everybody Someone
    Somebody Nothing Everything What Why How When Where Who If My Our Their
    His Her Its In On At For As After Before Since While Although Though
    Because Meanwhile Instead Now Today Yes Not Only Even Many Most Some
    All""".split()
)

# --- patterns -----------------------------------------------------------------

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE_BREAK = re.compile(r"[ \t\r\f\v]*\n[ \t\r\f\v]*")
#: A line ending with one of these is taken as hard-wrapped, not finished.
_CONTINUES = frozenset(",;-–—(/&")
#: A line ending with one of these is finished.
_LINE_FINAL = frozenset(".!?…:\"”’)]。！？")
#: A line starting with one of these starts a list item, a quote or a reply.
_LIST_MARKERS = frozenset("-*•>@#–—")
#: Lines this short end where they end (a salutation, a name, a heading).
#: Hard-wrapped text runs to 60-80 characters a line (RFC 5322 sec. 2.1.1
#: asks for at most 78), so a line under half that was ended on purpose.
SHORT_LINE = 40
#: Core: a run of stops, closing quotes or brackets, citation marks, space.
#: (Written to start with one character class, which `re` scans for quickly: a run of . ! ?, or
#: an ellipsis character, as `(?:[.!?]+|…)` would say, at twice the speed. Cuts fall at the same ends.)
_STOP = re.compile(r"[.!?…](?:(?<=…)|[.!?]*)[\"'”’)\]]*(?:\[\d{1,3}\])*(?=\s)")
_EMOTICON = r"(?:[:;=][-^']?[()\[\]DPpOo3/\\|*]+|<3|\^_\^|[xX]D)"
_CLOSERS = "\"”’)]"
_OPENERS = "([\"“‘'"
_FIRST_WORD = re.compile(r"\w*")
_QUOTED_STOP = re.compile(r"[.!?…][\"”’]$")
#: A list number standing alone at the start of a line: "1.", "2)", "(3)".
_LIST_NUMBER = re.compile(r"\(?\d{1,3}[.)]")
_LEADING_TAIL = re.compile(r"(?:" + _EMOTICON + r"|\[\d{1,3}\])(?=\s|$)")
#: The characters `_LEADING_TAIL` can start with (tests/test_tag_speed.py checks this against the pattern).
_TAIL_FIRST = frozenset(":;=<^xX[")
#: Cuts the core cannot see. Each runs only when its trigger character occurs.
#: "China.Every", "true?Then", "“repatriation”.In": two lower-case letters before the stop leave
#: "e.g.The", "U.S.Army", "3.5" and "v1.5" alone.
_GLUED = re.compile(r"[a-z]{2}[\"”’)]?[.!?][\"”’)]?(?=[A-Z][a-z])")
#: CJK full stop, exclamation or question mark, wherever it stands.
_CJK_STOP = re.compile(r"[。！？]+[」』”’)）]*")
#: An emoticon where a stop would be: "Great article :) I shared it".
_EMOTICON_STOP = re.compile(r"(?<=\s)" + _EMOTICON + r"(?=\s+[A-Z\"“])")
#: An ellipsis followed by a capitalised word.
_ELLIPSIS_STOP = re.compile(r"(?:\.\.\.|…)[\"”’)]*(?=\s+[\"“]?[A-Z])")
#: A stop, then a frequent sentence starter ("in the U.S. They"); only needed
#: by cores that keep some stops (ours cuts at all of them).
_STARTER_STOP = re.compile(
    r"\.[\"”’)\]]*(?=\s+(?:" + "|".join(sorted(SENTENCE_STARTERS)) + r")\b)"
)
#: Hints: cheap necessary conditions for the glued and emoticon cuts. They start with a character
#: class, which `re` scans for quickly; the patterns start with letters or a look-behind and are
#: tried at every position.
_GLUED_HINT = re.compile(r"[.!?][\"”’)]?[A-Z][a-z]")
_EMOTICON_HINT = re.compile(r"[()\[\]DPpOo3/\\|*^]\s+[A-Z\"“]")
#: Characters without which no cut can be added (a fast path).
_REPAIR_CHARS = re.compile(r"[.!?…。！？:;<]")


# --- step 1: blocks -------------------------------------------------------------


def _line_ends_sentence(last: str, first: str, length: int) -> bool:
    """Whether a single line break, between a line of `length` characters
    ending in `last` and a line starting with `first`, ends a sentence."""
    if first.islower():
        return False  # hard-wrapped: the sentence goes on
    if length <= SHORT_LINE:
        return True  # "Adam,", "@Minsoo", "Three problems", a heading
    if last in _CONTINUES:
        return False
    return last in _LINE_FINAL or first in _LIST_MARKERS or first.isdigit()


def _blocks(text: str) -> list[Span]:
    """Cut at blank lines always, and at single line breaks that end a line."""
    if "\n" not in text:
        return [(0, len(text))]
    out: list[Span] = []
    para_start = 0
    for m in [*_BLANK_LINE.finditer(text), None]:
        para_end = m.start() if m else len(text)
        start = line_start = para_start
        for lb in _LINE_BREAK.finditer(text, para_start, para_end):
            end, nxt = lb.start(), lb.end()
            if end > line_start and nxt < para_end:
                if _line_ends_sentence(text[end - 1], text[nxt], end - line_start):
                    out.append((start, end))
                    start = nxt
            line_start = nxt
        out.append((start, para_end))
        if m:
            para_start = m.end()
    return out


# --- step 2: the core -----------------------------------------------------------


def rule_core(block: str) -> list[Span]:
    """Cut after every run of stops followed by white space (repairs follow)."""
    spans: list[Span] = []
    start = 0
    for m in _STOP.finditer(block):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(block)))
    return spans


# --- step 3: repairs ------------------------------------------------------------


def _abbreviation_kind(sentence: str) -> str | None:
    """How the abbreviation that `sentence` ends with behaves, if it ends with one.

    "never" (a title), "number" (holds before a digit), "maybe" (an initial,
    or an abbreviation that may end a sentence), or None (no abbreviation).

    Remembered per last word (up to `_KINDS_MAX` words): a sentence's last
    word decides, unless stripping its closing quotes and brackets leaves
    under two characters (then the word before it may count), and the same
    few last words ("it.", "them.") recur from sentence to sentence.
    """
    words = sentence.rsplit(None, 1)
    if not words:
        return None  # (blank: no stop)
    last = words[-1]
    got = _KINDS.get(last, _UNKNOWN)
    if got is not _UNKNOWN:
        return got
    if len(last.rstrip(_CLOSERS)) < 2:
        return _kind_of(sentence)
    got = _kind_of(last)
    if len(_KINDS) < _KINDS_MAX:
        _KINDS[last] = got
    return got


_KINDS: dict[str, str | None] = {}
_KINDS_MAX = 50_000
_UNKNOWN = object()


def _kind_of(sentence: str) -> str | None:
    """`_abbreviation_kind`, computed."""
    body = sentence.rstrip(_CLOSERS)
    if not body.endswith(".") or body.endswith(".."):
        return None  # no stop, or an ellipsis
    token = body[:-1].rsplit(None, 1)[-1].lstrip(_OPENERS) if len(body) > 1 else ""
    if not token or not token[0].isalpha():
        return None
    if len(token) == 1:
        # An initial ("J. R. R. Tolkien") unless a sentence starter follows
        # ("see Appendix C. It lists...").
        return "maybe" if token.isupper() else None
    word = token.lower()
    if word in NEVER_FINAL:
        return "never"
    if word in BEFORE_NUMBER:
        return "number"
    if word in MAY_BE_FINAL or ("." in word and max(map(len, word.split("."))) <= 3):
        return "maybe"  # "p.m.", "Ph.D." yes; "example.com." no
    return None


def _wrong_cut(sentence: str, following: str) -> bool:
    """Whether a cut between `sentence` (its end) and the `following` text is wrong.

    Wrong after a title, after "No." before a digit, after an initial or an
    abbreviation that may end a sentence unless a sentence starter follows,
    and after a stop inside quotes when the text goes on in lower case.
    """
    if sentence[-1] not in ".!?…\"”’)]":
        return False
    if sentence.endswith(("..", "…")) and following[:1].islower():
        return True  # "Well... that is one way to see it"
    kind = _abbreviation_kind(sentence)
    first = following[:1]
    if kind == "never":
        return True
    if kind == "number" and first.isdigit():
        return True
    if kind == "maybe" and _FIRST_WORD.match(following).group(0) not in SENTENCE_STARTERS:
        return True
    # He asked “why?” and left: a stop inside quotes, and the sentence goes on.
    return first.islower() and _QUOTED_STOP.search(sentence) is not None


def _extra_cuts(text: str, starters: bool) -> list[int]:
    """Cut positions the core cannot see; each pattern runs only when its trigger occurs."""
    cuts: set[int] = set()
    if ("." in text or "?" in text or "!" in text) and _GLUED_HINT.search(text):
        cuts.update(m.end() for m in _GLUED.finditer(text))
    if not text.isascii() and ("。" in text or "！" in text or "？" in text):
        cuts.update(m.end() for m in _CJK_STOP.finditer(text))
    if (":" in text or ";" in text or "<3" in text) and _EMOTICON_HINT.search(text):
        cuts.update(m.end() for m in _EMOTICON_STOP.finditer(text))
    if ".." in text or "…" in text:
        cuts.update(m.end() for m in _ELLIPSIS_STOP.finditer(text))
    if starters:
        for m in _STARTER_STOP.finditer(text):
            # "U.S. They" is a boundary, "Dr. Who" is not.
            if _abbreviation_kind(text[max(0, m.start() - 40) : m.end()]) != "never":
                cuts.add(m.end())
    return sorted(cuts)


def _trim(text: str, a: int, b: int) -> Span | None:
    seg = text[a:b]
    stripped = seg.strip()
    if not stripped:
        return None
    a += len(seg) - len(seg.lstrip())
    return (a, a + len(stripped))


def spans_with(text: str, core: Engine) -> list[Span]:
    """Sentence spans of `text` with `core` as the core splitter.

    Public so that the benchmark can wrap other splitters in the same steps.
    """
    block_starts: set[int] = set()
    spans: list[Span] = []
    for a, b in _blocks(text):
        first = True
        for s, e in core(text[a:b]):
            seg = text[a + s : a + e]  # (`_trim`, written out: a call per sentence costs as much)
            stripped = seg.strip()
            if stripped:
                start = a + s + len(seg) - len(seg.lstrip())
                if first:
                    block_starts.add(start)
                    first = False
                spans.append((start, start + len(stripped)))
    if len(spans) < 2 and not _REPAIR_CHARS.search(text):
        return spans
    cuts = _extra_cuts(text, starters=core is not rule_core)
    if cuts:
        spans = _apply_cuts(text, spans, cuts)
    return _merge(text, spans, block_starts)


def _apply_cuts(text: str, spans: list[Span], cuts: list[int]) -> list[Span]:
    out: list[Span] = []
    for a, b in spans:
        i = bisect_right(cuts, a)
        if i == len(cuts) or cuts[i] >= b:
            out.append((a, b))
            continue
        start = a
        while i < len(cuts) and cuts[i] < b:
            piece = _trim(text, start, cuts[i])
            if piece:
                out.append(piece)
            start = cuts[i]
            i += 1
        piece = _trim(text, start, b)
        if piece:
            out.append(piece)
    return out


def _merge(text: str, spans: list[Span], block_starts: set[int]) -> list[Span]:
    """Re-join wrong cuts and give leading tails back, never across blocks."""
    out: list[Span] = [spans[0]]
    for a, b in spans[1:]:
        pa, pb = out[-1]
        if a in block_starts:
            out.append((a, b))
            continue
        if pa in block_starts and _LIST_NUMBER.fullmatch(text, pa, pb):
            out[-1] = (pa, b)  # "1. The law is clear." is one sentence
            continue
        # (an emoticon or a citation mark starts with one of `_TAIL_FIRST`: the pattern is tried only then)
        tail = _LEADING_TAIL.match(text, a, b) if text[a] in _TAIL_FIRST else None
        if tail:
            out[-1] = (pa, tail.end())
            rest = _trim(text, tail.end(), b)
            if rest:
                out.append(rest)
            continue
        # (a cut right after "!" or "?" is never wrong: `_wrong_cut` needs a period, an ellipsis or a
        # closing quote there)
        if text[pb - 1] not in "!?" and _wrong_cut(text[max(pa, pb - 40) : pb], text[a : a + 12]):
            out[-1] = (pa, b)
            continue
        out.append((a, b))
    return out


# --- API ------------------------------------------------------------------------


def sentence_spans(text: str) -> list[Span]:
    """(start, end) character offsets of each sentence in `text`, in order."""
    if not text or text.isspace():
        return []
    return spans_with(text, rule_core)


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, each exactly as it appears there (trimmed)."""
    return [text[a:b] for a, b in sentence_spans(text)]
