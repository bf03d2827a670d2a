"""VADER sentiment for a comment and for each of its sentences.

vaderSentiment (not NLTK's port, whose lexicon needs a download and whose
scores differ) scores the whole comment once and every sentence once. Scores
are rounded to `DECIMALS` places so that output is byte-stable across
platforms; labels follow VADER's documented thresholds.

Savings that do not change any score (tests compare against
`polarity_scores` itself): one analyzer per process, built on first use; a
one-sentence comment reuses the comment's score for its sentence; text in
which no word is in VADER's lexicon and no character is an emoji gets VADER's
all-neutral result without running the rules (every token outside the
lexicon contributes 0, so the sum, and with it every score, is 0 and neu is
1); sentence scores are memoised, since replies quote and repeat ("Thanks.",
"Agreed.", a quoted sentence of the parent).
"""

from __future__ import annotations

import string
from functools import lru_cache
from typing import Iterable

from debate.model import Sentiment, SentenceSentiment
from debate.text.sentences import sentence_spans

#: Labels by the compound score, from the vaderSentiment README, "About the
#: Scoring": positive if compound >= 0.05, negative if <= -0.05, else neutral.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
#: Decimal places kept: VADER itself rounds compound to 4 and pos/neu/neg to 3.
DECIMALS = 4
#: Distinct sentences remembered; a large thread has a few thousand.
SENTENCE_CACHE_SIZE = 16384

Scores = tuple[float, float, float, float]  # compound, pos, neu, neg
#: What VADER strips from both ends of a token before its lexicon lookup.
_PUNCTUATION = string.punctuation


@lru_cache(maxsize=1)
def _analyzer():
    """The one SentimentIntensityAnalyzer (loading its lexicon takes ~20 ms)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """VADER's lexicon entries and the single characters it reads as emoji."""
    analyzer = _analyzer()
    return frozenset(analyzer.lexicon), frozenset(k for k in analyzer.emojis if len(k) == 1)


def _has_no_sentiment_word(text: str) -> bool:
    """True only when VADER would score every token of `text` 0.

    VADER turns emoji into words first, then looks each whitespace token up
    in its lexicon either as is or stripped of punctuation (both lower-cased);
    only tokens found there get a valence. We check both forms of every token.
    """
    lexicon, emoji = _vocabulary()
    if not text.isascii() and not emoji.isdisjoint(text):
        return False
    for token in text.lower().split():
        if token in lexicon or token.strip(_PUNCTUATION) in lexicon:
            return False
    return True


def label_for(compound: float) -> str:
    """"positive", "negative" or "neutral" by VADER's documented thresholds."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def _score(text: str) -> Scores:
    if _has_no_sentiment_word(text):
        # What polarity_scores returns when every valence is 0.
        return (0.0, 0.0, 1.0 if text.split() else 0.0, 0.0)
    s = _analyzer().polarity_scores(text)
    return (
        round(s["compound"], DECIMALS),
        round(s["pos"], DECIMALS),
        round(s["neu"], DECIMALS),
        round(s["neg"], DECIMALS),
    )


_sentence_score = lru_cache(maxsize=SENTENCE_CACHE_SIZE)(_score)


def _sentence(text: str, scores: Scores) -> SentenceSentiment:
    compound, pos, neu, neg = scores
    return SentenceSentiment(
        text=text, compound=compound, pos=pos, neu=neu, neg=neg, label=label_for(compound)
    )


def sentiment_of(text: str, *, sentences: bool = True) -> Sentiment:
    """Scores of the whole `text` plus one entry per sentence, in order.

    Empty or blank text scores 0 everywhere, is "neutral" and has no sentences.
    `sentences=False` skips the per-sentence scores (about half the cost)
    for callers that only need the comment's.
    """
    if not text or text.isspace():
        return Sentiment(compound=0.0, pos=0.0, neu=0.0, neg=0.0, label=label_for(0.0))
    whole = _score(text)
    compound, pos, neu, neg = whole
    if not sentences:
        return Sentiment(compound=compound, pos=pos, neu=neu, neg=neg, label=label_for(compound))
    spans = sentence_spans(text)
    if len(spans) == 1:
        # VADER ignores surrounding white space: the sentence is the comment.
        a, b = spans[0]
        parts = (_sentence(text[a:b], whole),)
    else:
        parts = tuple(_sentence(text[a:b], _sentence_score(text[a:b])) for a, b in spans)
    return Sentiment(
        compound=compound, pos=pos, neu=neu, neg=neg, label=label_for(compound), sentences=parts
    )


def sentiments(texts: Iterable[str], *, sentences: bool = True) -> list[Sentiment]:
    """`sentiment_of` for each text, in order."""
    return [sentiment_of(t, sentences=sentences) for t in texts]
