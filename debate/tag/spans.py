"""One pass over a comment that every tagger shares: sentences, tokens, negation scope, cue matches.

Speed matters (the tagger must stay within half of VADER's time per comment),
so a comment is tokenized once, with one regex, and every cue family is
matched on the tokens through a dictionary keyed by each phrase's first word:
the cost is one dictionary lookup per token, whatever the size of the
lexicons. (One alternation regex per family was ten times slower: Python's
`re` tries every alternative at every position.)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

from ..text.stopwords import english_stop_words
from . import lexicons as lx

#: Sentence end: . ! ? (and runs of them) followed by space and a capital, digit, quote or bracket; or blank lines.
#: Group 1 is the separator after a stop. (The stop is matched rather than looked behind at: a
#: pattern starting with a character class is scanned for quickly, a look-behind is tried everywhere.)
#: (Every branch starts by consuming its first character from one class, which `re` scans for quickly;
#: a look-behind then says which branch it is: the same matches as the three plain branches
#: `[.!?…](...)(?=...)|\n\s*\n|\n(?=...)`, at about 60% of the cost.)
_SENT_END = re.compile(r"[.!?…\n](?:(?<=[.!?…])([\"')\]]*\s+)(?=[\"'(\[]?[A-Z0-9@])|(?<=\n)\s*\n"
                       r"|(?<=\n)(?=\s*[-*•>]|\s*\d+[.)]\s))")
#: Abbreviations that end in a period but not a sentence.
_ABBREV = re.compile(r"\b(?:mr|mrs|ms|dr|prof|st|vs|etc|e\.g|i\.e|u\.s|u\.k|no|jr|sr|gov|govt|sen|rep)\.$",
                     re.IGNORECASE)
_QUOTED = re.compile(r"\"[^\"]{0,2000}\"")
_QUOTE_LINE = re.compile(r"^[ \t]*>[ \t]?(.*)$", re.MULTILINE)
#: Tokens: numbers (with separators and %), words with inner apostrophes, or any other single symbol.
#: A possessive "'s" is its own token, so "China's" still names China.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|\w+(?:'(?!s\b)\w+)*|'s\b|[^\s\w]")
_URL = re.compile(r"https?://|www\.")
_PUNCT = frozenset(".,;:!?")
_WILD = "*"
#: Evidence this close to a sentence's end (tokens) is located walking back from the end, not from the start.
_FROM_END = 4


def sentences(text: str) -> list[str]:
    """Split into sentences; abbreviations such as "Mr." and "U.S." do not end one."""
    return [text[a:b] for a, b in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        cut = m.start(1)
        if cut < 0:
            cut = m.start()
        # (an abbreviation ends in "." just before the cut; `_ABBREV` is only tried then)
        if cut and text[cut - 1] == "." and _ABBREV.search(text, max(start, cut - 8), cut):
            continue
        a, b = start, cut  # (`_add`, written out: a call per sentence costs as much as the trimming)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[tuple[int, int]], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


def strip_quotations(text: str) -> str:
    """Replace quoted passages by a placeholder: quoted words are someone else's voice."""
    return _QUOTED.sub(" QUOTE ", lx.normalize(text))


def quotations(text: str) -> list[str]:
    return [q.strip('"') for q in _QUOTED.findall(lx.normalize(text))]


# --- phrase matching on tokens -------------------------------------------------------------


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _take_phrases(entries, toks: list[str], i: int, found: dict[str, list[tuple[int, int]]],
                  ends: dict[str, int]) -> None:
    """Record the phrases of `entries` (longest first) that match at token i, each family keeping the
    first that does not overlap its previous match (called only where a first and second word match)."""
    n = len(toks)
    for phrase, fam in entries:
        k = len(phrase)
        if i + k <= n and (k == 2 or tuple(toks[i:i + k]) == phrase):
            if i >= ends.get(fam, 0):
                found.setdefault(fam, []).append((i, i + k))
                ends[fam] = i + k


class PhraseIndex:
    """Phrases of several families, matched on token lists by their first token (and second).

    A phrase ending in "*" matches any token starting with its last word
    ("haha*" matches "hahaha"), for phrases of one or two words; a phrase of
    three or more words ("the data show*") matches only as written (known
    limitation, kept so tags do not change). Longest match per family wins at a position,
    and a family's matches do not overlap. Multi-word phrases are keyed by
    their first two tokens, so a common first word ("i", "the", "you") does
    not make every occurrence try dozens of phrases.
    """

    def __init__(self, families: dict[str, tuple[str, ...]]):
        Entry = tuple[tuple[str, ...], bool, str]
        self.single: dict[str, list[str]] = {}  # one-word phrase -> families
        self.pairs: dict[tuple[str, str], list[Entry]] = {}  # first two words -> longer phrases
        self.wild_second: dict[str, list[Entry]] = {}  # two-word phrases whose second word is a prefix
        self.wild_first: dict[str, list[Entry]] = {}  # one-word prefixes, keyed by their first 4 letters
        for fam, phrases in families.items():
            for ph in phrases:
                wild = ph.endswith(_WILD)
                toks = tuple(tokenize(ph.rstrip(_WILD)))
                if not toks:
                    continue
                entry = (toks, wild, fam)
                if len(toks) == 1:
                    if wild:
                        self.wild_first.setdefault(toks[0][:4], []).append(entry)
                    else:
                        self.single.setdefault(toks[0], []).append(fam)
                elif len(toks) == 2 and wild:
                    self.wild_second.setdefault(toks[0], []).append(entry)
                else:
                    self.pairs.setdefault(toks[:2], []).append(entry)
        for lst in (*self.pairs.values(), *self.wild_second.values(), *self.wild_first.values()):
            lst.sort(key=lambda e: -len(e[0]))
        self.firsts = frozenset(self.single) | {k[0] for k in self.pairs} | frozenset(self.wild_second)
        self.prefixes = tuple(sorted(self.wild_first))
        # What `match` reads: per first word, (its one-word families, longer phrases by second word,
        # two-word phrases with a wildcard second word); one lookup per token that can start a phrase.
        plans: dict[str, tuple[list[str], dict[str, list[tuple[tuple[str, ...], str]]],
                               list[tuple[str, str]]]] = {}
        seconds: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = {}
        for (a, b), entries in self.pairs.items():
            seconds.setdefault(a, {})[b] = [(phrase, fam) for phrase, _w, fam in entries]
        for first in self.firsts:
            # (None, not an empty dict or list, where no longer phrase starts with `first`: `match` then
            # skips reading the next token)
            plans[first] = (self.single.get(first, []), seconds.get(first) or None,
                            [(phrase[1], fam) for phrase, _w, fam in self.wild_second.get(first, ())] or None)
        self._plans = plans
        self._wild = {k: [(phrase[0], fam) for phrase, _w, fam in v] for k, v in self.wild_first.items()}
        self._wild_keys = tuple(self._wild)
        self._spaced_keys = tuple(" " + k for k in self._wild_keys)

    def match(self, toks: list[str]) -> dict[str, list[tuple[int, int]]]:
        found: dict[str, list[tuple[int, int]]] = {}
        ends: dict[str, int] = {}
        plans, wild = self._plans, self._wild
        n = len(toks)
        # one C-level pass picks the few tokens that can start a phrase; a token starting with a
        # wildcard prefix holds the prefix after a space in the space-joined tokens (tokens hold no white
        # space), so unless some prefix occurs so (rarely: not "feedback" for "back*") only the first
        # words of phrases need looking for
        prefixed = False
        if wild:
            joined = " " + " ".join(toks)
            for key in self._spaced_keys:
                if key in joined:
                    prefixed = True
                    break
        if not prefixed:
            # The usual case, the loop below without the prefixes: each token's plan (or None) looked
            # up at C speed, and only tokens that have one visited. Most of those ("the", "is") start
            # longer phrases only, none of which goes on with the next token: they cost one lookup.
            got = list(map(plans.get, toks))
            for i in compress(range(n), got):
                single, by_second, wild_second = got[i]
                if by_second is not None and i + 1 < n:
                    entries = by_second.get(toks[i + 1])
                    if entries is not None:
                        _take_phrases(entries, toks, i, found, ends)
                if wild_second is not None and i + 1 < n:
                    nxt = toks[i + 1]
                    for second, fam in wild_second:
                        if nxt.startswith(second) and i >= ends.get(fam, 0):
                            found.setdefault(fam, []).append((i, i + 2))
                            ends[fam] = i + 2
                if single:
                    for fam in single:
                        if i >= ends.get(fam, 0):
                            found.setdefault(fam, []).append((i, i + 1))
                            ends[fam] = i + 1
            return found
        starts = [i for i, t in enumerate(toks) if t in plans or t[:4] in wild]
        for i in starts:
            t = toks[i]
            # Matches at i, longest first (phrases of 3+ words, then of 2, then single words; each
            # list is sorted so): a family keeps the first that does not overlap its previous match.
            plan = plans.get(t)
            if plan is not None:
                single, by_second, wild_second = plan
                if i + 1 < n and (by_second is not None or wild_second is not None):
                    nxt = toks[i + 1]
                    entries = by_second.get(nxt) if by_second is not None else None
                    if entries is not None:
                        _take_phrases(entries, toks, i, found, ends)
                    if wild_second is not None:
                        for second, fam in wild_second:
                            if nxt.startswith(second) and i >= ends.get(fam, 0):
                                found.setdefault(fam, []).append((i, i + 2))
                                ends[fam] = i + 2
                for fam in single:
                    if i >= ends.get(fam, 0):
                        found.setdefault(fam, []).append((i, i + 1))
                        ends[fam] = i + 1
            # (without a prefix in the joined tokens, no token starts with one)
            if prefixed and len(t) >= 4:
                for first, fam in wild.get(t[:4], ()):
                    if t.startswith(first) and i >= ends.get(fam, 0):
                        found.setdefault(fam, []).append((i, i + 1))
                        ends[fam] = i + 1
        return found


#: scikit-learn's English stop words, loaded once without importing scikit-learn (`debate.text.stopwords`).
stop_words = english_stop_words
_stop_words = stop_words


@lru_cache(maxsize=1)
def cue_index() -> PhraseIndex:
    """The index of every cue family (built once per process)."""
    return PhraseIndex(lx.FAMILIES)


# --- the shared analysis of one comment ----------------------------------------------------------


@dataclass
class Doc:
    """A comment analysed once: quotation-free text, sentences, tokens, negation and cues."""

    text: str  # normalized, quotations replaced by QUOTE
    quotes: list[str]
    sent_spans: list[tuple[int, int]]  # character spans in `text`
    toks: list[str]  # lower-case tokens
    sent_first_tok: list[int]  # index of the first token of each sentence
    negated: list[bool]
    cues: dict[str, list[tuple[int, int]]]  # family -> token spans
    urls: int
    _by_sentence: dict = field(default_factory=dict, repr=False)
    _offsets: list | None = field(default=None, repr=False)
    _lower: str = field(default="", repr=False)
    _content: frozenset | None = field(default=None, repr=False)
    #: Results other taggers compute from the doc and share (relation and acts both read the concessions).
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def content_words(self) -> frozenset[str]:
        """Alphabetic tokens of 4+ letters that are not stop words (computed once)."""
        if self._content is None:
            stop = _stop_words()
            self._content = frozenset(w for w in self.toks if len(w) >= 4 and w not in stop and w.isalpha())
        return self._content

    @property
    def orig(self) -> list[str]:
        """The tokens as written (case kept); computed on first use (only evidence text needs it)."""
        return [self.text[a:b] for a, b in self._spans()]

    def _spans(self) -> list[tuple[int, int]]:
        """Character span of every token."""
        offsets = self._token_offsets()
        if None in offsets:
            firsts, n = self.sent_first_tok, len(offsets)
            for k in range(n):
                if offsets[k] is None:  # a run of tokens not located yet, ending with its sentence at most
                    i = self.sentence_of(k)
                    end = firsts[i + 1] if i + 1 < len(firsts) else n
                    g = k
                    while g + 1 < end and offsets[g + 1] is None:
                        g += 1
                    self._locate(i, g)
        return offsets

    def _token_offsets(self) -> list:
        """Token spans, None where not located yet (evidence usually needs one sentence or two)."""
        if self._offsets is None:
            text = self.text
            lower = self._lower or text.lower()  # (`analyze` keeps the lower-cased text it tokenized)
            if len(lower) != len(text):  # rare letters changed length when lower-cased: tokenize again
                self._offsets = [m.span() for a, b in self.sent_spans for m in _TOKEN.finditer(text, a, b)]
            else:
                self._offsets = [None] * len(self.toks)
                self._lower = lower
        return self._offsets

    def _locate(self, i: int, k: int) -> None:
        """Spans of sentence i's tokens up to token k. They were found in the lower-cased text, and only
        white space lies between two tokens of a sentence (every other character belongs to one): each
        token is the first occurrence of its text from where the previous one ended. The walk starts
        after the last token located before k (evidence mostly opens a sentence: the rest of it is
        often never needed)."""
        offsets, toks = self._offsets, self.toks
        first = self.sent_first_tok[i]
        j = k
        while j > first and offsets[j - 1] is None:
            j -= 1
        pos = offsets[j - 1][1] if j > first else self.sent_spans[i][0]
        find = self._lower.find
        for j in range(j, k + 1):
            t = toks[j]
            pos = find(t, pos)
            end = pos + len(t)
            offsets[j] = (pos, end)
            pos = end

    def _locate_from_end(self, i: int, k: int) -> None:
        """Spans of sentence i's tokens from its last one back to token k: the spans `_locate` would
        find (the tokens tile the sentence's characters that are not white space, and the sentence
        ends with its last token), for evidence near a sentence's end ("... (2019)")."""
        offsets, toks, lower = self._offsets, self.toks, self._lower
        end = self.sent_first_tok[i + 1] if i + 1 < len(self.sent_first_tok) else len(toks)
        pos = self.sent_spans[i][1]
        for j in range(end - 1, k - 1, -1):
            while lower[pos - 1].isspace():
                pos -= 1
            start = pos - len(toks[j])
            offsets[j] = (start, pos)
            pos = start

    def _span_of(self, k: int) -> tuple[int, int]:
        offsets = self._offsets if self._offsets is not None else self._token_offsets()
        got = offsets[k]
        if got is None:
            k %= len(offsets)
            i = self.sentence_of(k)
            last = self.sent_first_tok[i + 1] - 1 if i + 1 < len(self.sent_first_tok) else len(offsets) - 1
            if last - k < _FROM_END and offsets[last] is None:
                self._locate_from_end(i, k)
            else:
                self._locate(i, k)
            got = offsets[k]
        return got

    def token_text(self, k: int) -> str:
        a, b = self._span_of(k)
        return self.text[a:b]

    def sentence_of(self, tok: int) -> int:
        return bisect_right(self.sent_first_tok, tok) - 1

    def sentence_tokens(self, i: int) -> range:
        end = self.sent_first_tok[i + 1] if i + 1 < len(self.sent_first_tok) else len(self.toks)
        return range(self.sent_first_tok[i], end)

    def sentence(self, i: int) -> str:
        a, b = self.sent_spans[i]
        return self.text[a:b]

    def span_text(self, a: int, b: int) -> str:
        if a >= len(self.toks):
            return ""
        if b == a + 1:  # (one token, the usual evidence: located once)
            start, end = self._span_of(a)
            return self.text[start:end]
        return self.text[self._span_of(a)[0]:self._span_of(b - 1)[1]]

    def in_sentence(self, family: str, i: int) -> list[tuple[int, int]]:
        spans = self.cues.get(family)
        if not spans:
            return []
        by = self._by_sentence.get(family)
        if by is None:
            by = {}
            for a, b in spans:
                by.setdefault(self.sentence_of(a), []).append((a, b))
            self._by_sentence[family] = by
        return by.get(i, [])

    def texts(self, family: str, i: int | None = None) -> list[str]:
        spans = self.cues.get(family, ()) if i is None else self.in_sentence(family, i)
        return [self.span_text(a, b) for a, b in spans]


def analyze(text: str, *, quotes: bool = True) -> Doc:
    """Analyse one comment (linear in its length)."""
    norm = lx.normalize(text)
    qs: list[str] = []
    clean = norm
    if quotes and ">" in norm:  # Markdown quote lines ("> of course they liked it") are the parent's words
        qs.extend(m.group(1).strip() for m in _QUOTE_LINE.finditer(norm))
        clean = _QUOTE_LINE.sub(" QUOTE ", norm)
    if quotes and '"' in clean:
        found = [q.strip('"') for q in _QUOTED.findall(clean)]
        if found:
            qs.extend(found)
            clean = _QUOTED.sub(" QUOTE ", clean)
    spans = sentence_spans(clean)
    lower = clean.lower()
    same = len(lower) == len(clean)  # lower-casing kept every offset (true except for rare letters)
    toks: list[str] = []
    sent_first: list[int] = []
    findall = _TOKEN.findall
    chunks = _CHUNK_TOKENS
    for a, b in spans:
        sent_first.append(len(toks))
        if same:
            # Tokens never span white space, so a sentence is tokenized chunk by chunk; a chunk of
            # letters only is one token (the regex is tried only on the others: a third faster).
            for w in lower[a:b].split():
                if w.isalpha():
                    toks.append(w)
                else:  # ("it.", "cars,", "don't": the same few chunks recur from comment to comment)
                    got = chunks.get(w)
                    if got is None:
                        got = findall(w)
                        if len(chunks) < _CHUNKS_MAX:
                            chunks[w] = got
                    toks.extend(got)
        else:
            toks.extend(t.lower() for t in findall(clean, a, b))
    # (a negator among the tokens is a cheap necessary condition for any token to be negated)
    maybe = "n't" in lower or not lx.NEGATORS.isdisjoint(toks)
    negated = _negation(toks) if maybe and _ANY_NEGATOR.search(lower) else [False] * len(toks)
    urls = len(_URL.findall(clean)) if "://" in clean or "www." in clean else 0
    return Doc(clean, qs, spans, toks, sent_first, negated, cue_index().match(toks), urls, _lower=lower)


#: Tokens of chunks that are not all letters, remembered (the lists are only read), up to `_CHUNKS_MAX`.
_CHUNK_TOKENS: dict[str, list[str]] = {}
_CHUNKS_MAX = 50_000
_ANY_NEGATOR = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|cannot|without|hardly)\b|n't\b")


def _negation(toks: list[str]) -> list[bool]:
    """Each token: inside a negation scope? A negator flips the scope for the tokens after it,
    punctuation and contrast words ("but") close it.

    Only those marking tokens are visited; the runs between them are filled whole.
    """
    stop, marking = _scope_words(lx.SCOPE_END, lx.NEGATORS)
    if "n't" in " ".join(toks):  # (a token may end in "n't")
        marks = [i for i, w in enumerate(toks) if w in marking or w.endswith("n't")]
    else:
        marks = [i for i, w in enumerate(toks) if w in marking]
    n = len(toks)
    out = [False] * n
    neg = False
    prev = 0
    for i in marks:
        if neg and i > prev:
            out[prev:i] = [True] * (i - prev)
        w = toks[i]
        if w in stop:
            neg = False
        else:  # a negator: itself in the scope as it was, then the scope flips
            out[i] = neg
            neg = not neg
        prev = i + 1
    if neg and prev < n:
        out[prev:n] = [True] * (n - prev)
    return out


@lru_cache(maxsize=8)
def _scope_words(scope_end: frozenset[str], negators: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(tokens that close a negation scope, tokens that close or open one)."""
    stop = _PUNCT | scope_end
    return stop, stop | negators


@dataclass(frozen=True)
class Token:
    text: str  # lower-case
    negated: bool  # inside a negation scope (nltk mark_negation style)


def tokens(sentence: str) -> list[Token]:
    """Lower-case tokens, each marked if a negator before it (up to punctuation) scopes over it."""
    toks = tokenize(sentence)
    return [Token(t, n) for t, n in zip(toks, _negation(toks))]
