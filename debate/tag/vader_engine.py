"""VADER's scoring, for a comment and all its sentences in one pass.

Why our own implementation: issue 5 asks for end-to-end throughput of at
least half of vaderSentiment's `polarity_scores` alone, and we need the
comment's score plus one per sentence. Calling the library on the comment and
again on every sentence costs about 1.6 times VADER by itself. This module
follows the same algorithm as vaderSentiment 3.3.2 (`SentimentIntensityAnalyzer
.polarity_scores`) step by step, with the library's own data (its lexicon
files and its constant tables, imported from it), but

- splits, strips and lower-cases every token once per comment (the library
  lower-cases the whole word list again inside its negation, idiom and "but"
  checks, once per lexicon word: quadratic on long comments);
- skips tokens outside the lexicon at C speed (they always score 0);
- scores each sentence from the comment's tokens: a sentence whose edges fall
  on white space has exactly the comment's tokens in that range, and a
  lexicon word whose whole look-around window (3 tokens before, 2 after)
  lies inside the sentence, with the same ALL-CAPS flag, gets the same
  valence there as in the comment, so it is reused; only words near a
  sentence edge are scored again.

Results are the same floats (==) as `polarity_scores` on the comment and on
every sentence text: tests/test_vader_engine.py checks every comment and
sentence of our data plus generated edge cases. The parity was verified
against the versions in `VERIFIED_VERSIONS`; with any other installed
version this module calls the library instead (correct, just slower), see
`EXACT`.
"""

from __future__ import annotations

import math
import os
import string
from heapq import heappop, heappush
from importlib import metadata
from itertools import compress, count
from typing import Sequence

from vaderSentiment import vaderSentiment as _vs

#: vaderSentiment releases whose `polarity_scores` this engine reproduces
#: exactly (tests/test_vader_engine.py was run against each).
VERIFIED_VERSIONS = frozenset({"3.3.2"})

Span = tuple[int, int]


#: One text's (neg, neu, pos, compound): the values, order and rounding of
#: `polarity_scores`'s dict. Plain tuples: a NamedTuple costs a Python-level
#: constructor call per sentence.
Scores = tuple[float, float, float, float]
KEYS = ("neg", "neu", "pos", "compound")

#: What `polarity_scores` returns for text without tokens (empty, blank).
EMPTY: Scores = (0.0, 0.0, 0.0, 0.0)
#: ... and for tokens that all score 0: the sum is 0.0, compound 0/sqrt(15).
NEUTRAL: Scores = (0.0, 1.0, 0.0, 0.0)

# --- the library's data -----------------------------------------------------------

_BOOSTERS: dict[str, float] = _vs.BOOSTER_DICT
_SPECIAL: dict[str, float] = _vs.SPECIAL_CASES
_NEGATE = frozenset(_vs.NEGATE)
_B_INCR = _vs.B_INCR
_C_INCR = _vs.C_INCR
_N_SCALAR = _vs.N_SCALAR
#: What SentiText strips from both ends of a token (string.punctuation).
_PUNCT = string.punctuation
_DIR = os.path.dirname(os.path.abspath(_vs.__file__))


def _read_lexicon(name: str) -> dict[str, float]:
    """vader_lexicon.txt as the library's `make_lex_dict` reads it."""
    with open(os.path.join(_DIR, name), encoding="utf-8") as f:
        raw = f.read()
    lex: dict[str, float] = {}
    for line in raw.rstrip("\n").split("\n"):
        if line:
            word, measure = line.strip().split("\t")[0:2]
            lex[word] = float(measure)
    return lex


def _read_emoji(name: str) -> dict[str, str]:
    """emoji_utf8_lexicon.txt as the library's `make_emoji_dict` reads it."""
    with open(os.path.join(_DIR, name), encoding="utf-8") as f:
        raw = f.read()
    out: dict[str, str] = {}
    for line in raw.rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        out[emoji] = description
    return out


# Library quirks that follow from its data and are kept by using it as is:
# entries with capitals (":D", "O_o") never match, since look-ups are lower
# case; entries with a space ("can't stand") never match a single token; and
# SENTIMENT_LADEN_IDIOMS ("cut the mustard") are never applied (its
# `_sentiment_laden_idioms_check` is not called: "future work").
_LEX = _read_lexicon("vader_lexicon.txt")
_EMOJI = _read_emoji("emoji_utf8_lexicon.txt")
# The library replaces a character by its description when the character is a
# key (`chr in self.emojis`): only one-character keys can ever match.
_EMOJI_CHARS = frozenset(k for k in _EMOJI if len(k) == 1)
#: Words whose presence near a lexicon word can make an idiom or a two-word
#: booster ("kind of"); a lexicon word with none of them around skips the check.
_IDIOM_WORDS = frozenset(
    w for key in (*_SPECIAL, *(k for k in _BOOSTERS if " " in k)) for w in key.split(" ")
)


#: Words that some rule of `sentiment_valence` looks for in the 3 tokens
#: before a lexicon word (or in the word itself), idioms aside: "no",
#: negations (and anything with "n't", checked apart), boosters, "least", and
#: "never", "so", "this", "without" (the "never so/this" and "without doubt"
#: rules; "or"/"nor", "at"/"very" and "doubt" only matter next to "no",
#: "least" or "without", which are in the set).
_MODIFIERS = frozenset({"no", "least", "never", "so", "this", "without"} | _NEGATE | set(_BOOSTERS))


def _data_assumptions_hold() -> bool:
    """The shortcuts below rely on these facts of the 3.3.2 data; re-checked at
    import so that edited data files fall back to the library, not to wrong
    scores."""
    return (
        not any(b in _LEX for b in _BOOSTERS)  # booster test may run after the lexicon test
        and "least" not in _LEX  # _least_check's "not in lexicon" is then always true
        and "but" not in _LEX  # the "but" token itself always scores 0
        and all(not c.isascii() for c in _EMOJI_CHARS)  # ASCII text has no emoji
    )


def _installed_version() -> str:
    try:
        return metadata.version("vaderSentiment")
    except metadata.PackageNotFoundError:
        return "unknown"


VERSION = _installed_version()
#: True: this module's own scoring runs. False: every score comes from the
#: library's `polarity_scores` (unverified version or data).
EXACT = VERSION in VERIFIED_VERSIONS and _data_assumptions_hold()

_library_analyzer = None


def _library():
    global _library_analyzer
    if _library_analyzer is None:
        _library_analyzer = _vs.SentimentIntensityAnalyzer()
    return _library_analyzer


# --- tokens ------------------------------------------------------------------------


def _expand_emoji(text: str) -> str:
    """The library's emoji step: each emoji character becomes its description,
    preceded by a space unless the previous character was a space (" " only:
    after a newline a space is added too; no space is added *after* the
    description, so "😀x" glues the last description word to "x")."""
    out = []
    prev_space = True
    for ch in text:
        desc = _EMOJI.get(ch)
        if desc is not None:
            if not prev_space:
                out.append(" ")
            out.append(desc)
            prev_space = False
        else:
            out.append(ch)
            prev_space = ch == " "
    return "".join(out).strip()


def _has_emoji(text: str) -> bool:
    return not text.isascii() and not _EMOJI_CHARS.isdisjoint(text)


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The white-space split words of `text`, and SentiText's tokens in lower
    case (punctuation stripped from both ends unless that leaves 2
    characters or fewer: emoticons such as ":)" survive).

    The words serve only for str.isupper, which gives the same answer before
    and after stripping (punctuation is uncased)."""
    words = text.split()
    if text.isascii():
        # ASCII lower-casing keeps every length and every boundary, so
        # stripping after lower-casing is the same as before.
        return words, [s if len(s := w.strip(_PUNCT)) > 2 else w for w in text.lower().split()]
    toks = [s if len(s := w.strip(_PUNCT)) > 2 else w for w in words]
    if not toks:
        return words, []
    # Lower-casing can change lengths (İ -> i̇) and so must follow stripping.
    # One lower() for all tokens: tokens hold no "\n", and "\n" is neither a
    # cased nor a case-ignorable character, so even the context-dependent
    # Greek final sigma lower-cases as it does token by token.
    return words, "\n".join(toks).lower().split("\n")


class _Text:
    """Per-token facts of one (emoji-expanded) text, shared by the comment and
    its sentences: `toks` are the raw words (for str.isupper), `low` the
    lower-case tokens the rules read."""

    __slots__ = ("toks", "low", "cands", "_upper", "raw", "free")

    def __init__(self, toks: list[str], low: list[str]) -> None:
        self.toks = toks
        self.low = low
        #: Positions of lexicon words; every other token scores 0.
        self.cands = list(compress(count(), map(_LEX.__contains__, low)))
        self._upper: list[int] | None = None
        #: Valences of the lexicon words in the whole text (before "but"),
        #: and the positions whose valence is the same in any sub-text.
        self.raw: dict[int, float] = {}
        self.free: set[int] = set()

    def cap_diff(self, lo: int, hi: int) -> bool:
        """The library's `allcap_differential` on tokens lo..hi-1: some, not
        all, are ALL CAPS. Library quirk, kept: str.isupper counts "I", "A",
        ":D" or "U.S." as ALL-CAPS words."""
        if self._upper is None:
            acc = [0]
            total = 0
            for flag in map(str.isupper, self.toks):
                total += flag
                acc.append(total)
            self._upper = acc
        upper = self._upper[hi] - self._upper[lo]
        return 0 < (hi - lo) - upper < hi - lo


def _valence(t: _Text, i: int, lo: int, hi: int, cap: list) -> float:
    """`sentiment_valence` of the lexicon word at i, for the text made of
    tokens lo..hi-1 (`cap` is a one-item memo of that text's cap_diff)."""
    low = t.low
    toks = t.toks
    w = low[i]
    j = i - lo
    valence = _LEX[w]
    # "no" before another lexicon word is a negation, not a word of its own.
    if w == "no" and i != hi - 1 and low[i + 1] in _LEX:
        valence = 0.0
    if (
        (j > 0 and low[i - 1] == "no")
        or (j > 1 and low[i - 2] == "no")
        or (j > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor"))
    ):
        valence = _LEX[w] * _N_SCALAR
    if toks[i].isupper():
        if cap[0] is None:
            cap[0] = t.cap_diff(lo, hi)
        if cap[0]:
            # Library quirk: a valence of exactly 0 ("no" above) counts as
            # negative here and is pushed down by C_INCR.
            if valence > 0:
                valence += _C_INCR
            else:
                valence -= _C_INCR
    for start_i in (0, 1, 2):
        if j <= start_i:
            break
        k = i - (start_i + 1)
        prev = low[k]
        if prev in _LEX:
            continue
        # scalar_inc_dec: boosters push away from 0, dampeners towards it.
        if prev in _BOOSTERS:
            s = _BOOSTERS[prev]
            if valence < 0:
                s *= -1
            if toks[k].isupper():
                if cap[0] is None:
                    cap[0] = t.cap_diff(lo, hi)
                if cap[0]:
                    if valence > 0:
                        s += _C_INCR
                    else:
                        s -= _C_INCR
            if s != 0:
                if start_i == 1:
                    s = s * 0.95
                elif start_i == 2:
                    s = s * 0.9
                valence = valence + s
        # (a non-booster adds 0.0: the same float, up to the sign of a zero,
        # which no output can show: sums start from int 0)
        valence = _negation(valence, low, start_i, i)
        if start_i == 2 and not _IDIOM_WORDS.isdisjoint(low[i - 3 : i + 3]):
            valence = _idioms(valence, low, i, hi)
    # _least_check ("least" is never a lexicon word: checked at import)
    if j > 0 and low[i - 1] == "least":
        if j > 1:
            if low[i - 2] != "at" and low[i - 2] != "very":
                valence = valence * _N_SCALAR
        else:
            valence = valence * _N_SCALAR
    return valence


def _negated(word: str) -> bool:
    """The library's `negated([word])` (word already lower case). Library
    quirk, kept: any token containing "n't" negates ("won't've", "n't")."""
    return word in _NEGATE or "n't" in word


def _negation(valence: float, low: list[str], start_i: int, i: int) -> float:
    """The library's `_negation_check` on the pre-lowered tokens."""
    if start_i == 0:
        if _negated(low[i - 1]):
            valence = valence * _N_SCALAR
    elif start_i == 1:
        if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
            valence = valence * 1.25
        elif low[i - 2] == "without" and low[i - 1] == "doubt":
            pass
        elif _negated(low[i - 2]):
            valence = valence * _N_SCALAR
    else:
        # Library quirk, kept: by operator precedence this reads
        # (never and (so or this)) or (so or this right before the word), so
        # any "so"/"this" right before the word multiplies by 1.25 here.
        if (low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this")) or (
            low[i - 1] == "so" or low[i - 1] == "this"
        ):
            valence = valence * 1.25
        elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
            pass
        elif _negated(low[i - 3]):
            valence = valence * _N_SCALAR
    return valence


def _idioms(valence: float, low: list[str], i: int, hi: int) -> float:
    """The library's `_special_idioms_check` (called only when the word has
    three tokens before it in its text)."""
    w3, w2, w1, w0 = low[i - 3], low[i - 2], low[i - 1], low[i]
    onezero = f"{w1} {w0}"
    twoonezero = f"{w2} {w1} {w0}"
    twoone = f"{w2} {w1}"
    threetwoone = f"{w3} {w2} {w1}"
    threetwo = f"{w3} {w2}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
            break
    # Library quirk: the phrases starting at the word are checked after the
    # loop and override what it found.
    if hi - 1 > i:
        zeroone = f"{w0} {low[i + 1]}"
        if zeroone in _SPECIAL:
            valence = _SPECIAL[zeroone]
    if hi - 1 > i + 1:
        zeroonetwo = f"{w0} {low[i + 1]} {low[i + 2]}"
        if zeroonetwo in _SPECIAL:
            valence = _SPECIAL[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _BOOSTERS:
            valence = valence + _BOOSTERS[n_gram]
    return valence


# --- scores ------------------------------------------------------------------------


def _but(positions: list[int], values: list[float], bi: int) -> None:
    """The library's `_but_check`, in place, given the first "but" at token bi:
    words before it count half, after it one and a half.

    Library quirk, reproduced: it walks the list while rewriting it and finds
    each value's slot with `list.index`, i.e. the FIRST slot holding an equal
    value. So a later word whose valence equals the (already halved) value of
    an earlier word rewrites that earlier slot instead of its own. Zeros never
    change, so only the lexicon words' slots need simulating; a visited slot
    still holds its original value (rewrites only reach slots at or before
    the one visited). Long texts use `_but_long`, the same walk in
    O(n log n) instead of the library's O(n^2).
    """
    if len(values) > BUT_SHORT:
        _but_long(positions, values, bi)
        return
    for k in range(len(values)):
        v = values[k]
        q = values.index(v)
        if positions[q] < bi:
            values[q] = v * 0.5
        elif positions[q] > bi:
            values[q] = v * 1.5


#: Up to this many lexicon words `_but` walks with list.index like the
#: library; above, with `_but_long` (tests check both give the same lists).
BUT_SHORT = 64


def _but_long(positions: list[int], values: list[float], bi: int) -> None:
    """`_but` with "first slot holding an equal value" found through a heap of
    slots per value (a dict keys equal floats, and ints equal to them,
    together, exactly as list.index compares them)."""
    slots: dict[float, list[int]] = {}  # value -> heap of visited slots holding it
    for k in range(len(values)):
        v = values[k]  # not rewritten yet: rewrites only reach slots <= k
        heap = slots.get(v)
        if heap:
            q = heappop(heap)  # the first earlier slot holding v ...
            heappush(heap, k)  # ... while slot k keeps holding v
        else:
            q = k
        if positions[q] < bi:
            nv = v * 0.5
        elif positions[q] > bi:
            nv = v * 1.5
        else:
            heappush(slots.setdefault(v, []), q)
            continue
        values[q] = nv
        heap = slots.get(nv)
        if heap is None:
            slots[nv] = [q]
        else:
            heappush(heap, q)


#: Scores by (token count, "!" count, "?" count, valences): sentences of a
#: few words with one or two lexicon words repeat these often, and rounding
#: four floats costs more than the look-up. Keys hold float valences only:
#: an int valence (an idiom's value, kept as int by the library) sums like
#: the equal float on Python 3.11 but not necessarily on later versions
#: (compensated float sums), so such lists are not memoised.
_MEMO: dict[tuple, Scores] = {}
#: Entries kept before the memo is emptied (bounded memory; ~100 bytes each).
MEMO_SIZE = 1 << 16
#: Longer valence lists are scored directly: they rarely repeat, and their
#: keys would be large.
MEMO_MAX_WORDS = 8


def _final(values: list[float], n_tokens: int, bangs: int, questions: int) -> Scores:
    """The library's `score_valence` given the lexicon words' valences in order
    (every other one of the n_tokens tokens is a neutral 0)."""
    sum_s = float(sum(values))
    if sum_s == 0 and not any(values):
        return NEUTRAL if n_tokens else EMPTY
    # _punctuation_emphasis: up to 4 "!", and 2-3 "?" (more count as 0.96).
    ep = (bangs if bangs <= 4 else 4) * 0.292
    if questions > 1:
        qm = questions * 0.18 if questions <= 3 else 0.96
    else:
        qm = 0
    punct = ep + qm
    if sum_s > 0:
        sum_s += punct
    elif sum_s < 0:
        sum_s -= punct
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)  # normalize(alpha=15)
    if compound < -1.0:
        compound = -1.0
    elif compound > 1.0:
        compound = 1.0
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = n_tokens
    for v in values:
        if v > 0:
            pos_sum += float(v) + 1
            neu_count -= 1
        elif v < 0:
            neg_sum += float(v) - 1
            neu_count -= 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )


def _range_scores(
    t: _Text, c0: int, c1: int, lo: int, hi: int, record: bool, same_cap: bool,
    bangs: int, questions: int, has_but: bool,
) -> Scores:
    """Scores of the text made of tokens lo..hi-1, whose lexicon words are
    t.cands[c0:c1]. With `record` (the whole text), valences go to t.raw and
    context-free positions to t.free. Otherwise (a sentence) t.raw is reused
    where provably the same: at t.free positions, and, if `same_cap` (this
    sentence's ALL-CAPS flag equals the whole text's), for words whose
    look-around window (3 tokens back, 2 ahead) lies inside the sentence."""
    low = t.low
    toks = t.toks
    positions: list[int] = []
    values: list[float] = []
    cap: list = [None]
    raw = t.raw
    free = t.free
    rlo, rhi = (lo + 3, hi - 2) if same_cap else (hi, hi)
    # False when an idiom left an int valence (see _MEMO)
    exact_types = True
    for i in t.cands[c0:c1]:
        # "kind of" is a dampener: "kind" then scores 0 (like boosters, which
        # are never lexicon words).
        if low[i] == "kind" and i < hi - 1 and low[i + 1] == "of":
            continue
        positions.append(i)
        if not record and (i in free or rlo <= i < rhi):
            values.append(raw[i])
            continue
        a = i - 3 if i - 3 > lo else lo
        w = low[i]
        before = low[a:i]
        if (
            w not in _MODIFIERS
            and w not in _IDIOM_WORDS
            and _MODIFIERS.isdisjoint(before)
            and "n't" not in "\n".join(before)
            and sum(map(_IDIOM_WORDS.__contains__, before)) < 2
        ):
            # No rule of `sentiment_valence` can fire: no modifier, and no
            # idiom or two-word booster (they need the word itself, or two
            # adjacent words before it, to be idiom words). The lexicon
            # valence stands, up to ALL-CAPS emphasis.
            v = _LEX[w]
            if toks[i].isupper():
                if cap[0] is None:
                    cap[0] = t.cap_diff(lo, hi)
                if cap[0]:
                    v = v + _C_INCR if v > 0 else v - _C_INCR
            elif record:
                free.add(i)  # same valence in every sentence
        else:
            v = _valence(t, i, lo, hi, cap)
            if type(v) is int:
                exact_types = False
        if record:
            raw[i] = v
        values.append(v)
    if has_but and positions:
        try:
            bi = low.index("but", lo, hi)
        except ValueError:
            pass
        else:
            _but(positions, values, bi)
    if not exact_types or not values or len(values) > MEMO_MAX_WORDS:
        return _final(values, hi - lo, bangs, questions)
    # Only what _final reads: the valences, the token count, "!" up to 4,
    # "?" as 0-1 / 2 / 3 / more.
    key = (
        hi - lo,
        bangs if bangs < 4 else 4,
        questions if questions <= 3 else 4,
        *values,
    )
    found = _MEMO.get(key)
    if found is None:
        if len(_MEMO) >= MEMO_SIZE:
            _MEMO.clear()
        found = _MEMO[key] = _final(values, hi - lo, bangs, questions)
    return found


def _score_text(text: str) -> Scores:
    if _has_emoji(text):
        # Library quirk, kept: "!" and "?" are counted after the emoji are
        # replaced, so 🆙 ("UP! button") adds exclamation emphasis.
        text = _expand_emoji(text)
    toks, low = _tokens(text)
    t = _Text(toks, low)
    return _range_scores(
        t, 0, len(t.cands), 0, len(toks), False, False, text.count("!"), text.count("?"),
        "but" in low,
    )


def polarity_scores(text: str) -> dict[str, float]:
    """The same dict as vaderSentiment's `polarity_scores(text)`."""
    return dict(zip(KEYS, score(text)))


def score(text: str) -> Scores:
    """`polarity_scores(text)` as a (neg, neu, pos, compound) tuple."""
    if not EXACT:
        return _from_library(text)
    return _score_text(text)


def _from_library(text: str) -> Scores:
    d = _library().polarity_scores(text)
    return (d["neg"], d["neu"], d["pos"], d["compound"])


def score_with_sentences(text: str, spans: Sequence[Span]) -> tuple[Scores, list[Scores]]:
    """`polarity_scores` of `text` and of each `text[a:b]` for (a, b) in `spans`
    (in order, non-overlapping, as `debate.text.sentences.sentence_spans`
    gives them), as (neg, neu, pos, compound) tuples."""
    if not EXACT:
        return _from_library(text), [_from_library(text[a:b]) for a, b in spans]
    if _has_emoji(text):
        # Emoji descriptions shift token boundaries; score each piece alone.
        return _score_text(text), [_score_text(text[a:b]) for a, b in spans]
    toks, low = _tokens(text)
    t = _Text(toks, low)
    n = len(toks)
    cands = t.cands
    nc = len(cands)
    bangs = text.count("!")
    questions = text.count("?")
    has_but = "but" in low
    whole = _range_scores(t, 0, nc, 0, n, True, False, bangs, questions, has_but)
    out: list[Scores] = []
    end = len(text)
    pos: int | None = 0  # an offset between tokens ...
    tok = 0  # ... and the number of tokens before it
    c0 = 0  # first lexicon word at or after it
    for a, b in spans:
        piece = text[a:b]
        if (
            pos is None
            or a < pos
            or (0 < a < end and not text[a - 1].isspace() and not text[a].isspace())
            or (b < end and not text[b].isspace() and not text[b - 1].isspace())
        ):
            # A sentence cut inside a token: score it on its own.
            out.append(_score_text(piece))
            pos = None
            continue
        lo = tok + len(text[pos:a].split()) if a > pos else tok
        hi = lo + len(piece.split())
        pos, tok = b, hi
        if lo == 0 and hi == n:
            out.append(whole)
            continue
        while c0 < nc and cands[c0] < lo:
            c0 += 1
        c1 = c0
        while c1 < nc and cands[c1] < hi:
            c1 += 1
        if c0 == c1:
            out.append(NEUTRAL if hi > lo else EMPTY)
            continue
        # The sentence's tokens are the comment's tokens lo..hi-1. A word whose
        # look-around window (3 tokens back, 2 ahead) lies inside them gets
        # the comment's valence, provided the ALL-CAPS flag is the same. The
        # flag is read only for an ALL-CAPS word or booster; if none has read
        # it yet (`_upper` unset), no valence so far depends on it.
        same = t._upper is None or t.cap_diff(lo, hi) == t.cap_diff(0, n)
        out.append(
            _range_scores(
                t, c0, c1, lo, hi, False, same,
                piece.count("!") if bangs else 0,
                piece.count("?") if questions else 0,
                has_but,
            )
        )
        c0 = c1
    return whole, out
