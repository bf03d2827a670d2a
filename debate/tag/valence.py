"""Word valence for stance: VADER's lexicon with the argument words, stems, the valence of a phrase.

Shared by the thesis profile (`profile.py`, `topic_terms.py`) and the comment cues (`stance.py`,
`topic_cues.py`); the lexicon is built once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons as lx
from .spans import tokens

#: VADER's negation scalar (vaderSentiment N_SCALAR): a negated word keeps 74% of its valence, flipped.
NEGATION_SCALAR = -0.74
#: Valence is on VADER's -4..4 scale; divide to bring one strong word to about 1 unit of margin.
VALENCE_UNIT = 2.5


def valence_sum(text: str) -> float:
    """Summed valence of a phrase's words, negation-aware ("worth the money", "not fair")."""
    lex = valence_lexicon()
    total = 0.0
    for t in tokens(text):
        v = lx.ARGUMENT_VALENCE.get(t.text)
        if v is None:
            v = lex.get(t.text, 0.0)
        total += v * (NEGATION_SCALAR if t.negated else 1.0)
    return total


#: What `stem` removes: the first of these a word ends with that leaves 5 letters or more.
STEM_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "s", "e")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word lower-cased, letters a-z only, without the first of `STEM_SUFFIXES` it ends with that
    leaves 5 letters or more."""
    w = word.lower()
    if not (w.isascii() and w.isalpha()):  # (an ASCII word of letters only has nothing to remove)
        w = _NOT_LETTER.sub("", w)
    for suf in STEM_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 5:
            return w[: -len(suf)]
    return w


_NOT_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=1)
def word_valence() -> dict[str, float]:
    """VADER's valences overridden by the argument words, non-zero entries only: one lookup per token."""
    merged = {w: v for w, v in valence_lexicon().items() if v}
    for w, v in lx.ARGUMENT_VALENCE.items():
        if v:
            merged[w] = v
        else:
            merged.pop(w, None)
    return merged


#: Valence (VADER scale) from which a word counts as evaluative (a text using one argues something).
EVALUATIVE_MIN = 1.0


def strong_words() -> frozenset[str]:
    """Words of clear valence (|v| >= EVALUATIVE_MIN in VADER's lexicon or the argument words).

    Built once per process, like the lexicon it is drawn from (a module global, not a cache a
    caller would clear between threads)."""
    global _STRONG
    if _STRONG is None:
        _STRONG = frozenset(w for w, v in word_valence().items() if abs(v) >= EVALUATIVE_MIN)
    return _STRONG


_STRONG: frozenset[str] | None = None


@lru_cache(maxsize=1)
def valence_lexicon() -> dict[str, float]:
    """VADER's word valences (loaded once per process): the lexicon `vader_engine` reads from the
    library's own file, as the library's `make_lex_dict` does (building an analyzer only to read it
    cost ~20 ms per process)."""
    from .vader_engine import _LEX

    return dict(_LEX)
