"""VADER sentiment for a comment and for each of its sentences.

Scores are vaderSentiment's (not NLTK's port, whose lexicon needs a download
and whose scores differ), computed by `debate.tag.vader_engine`: our own
implementation of the library's `polarity_scores` that scores the comment and
all its sentences in one pass, with exactly the library's floats (the
engine's tests compare them with ==; with a vaderSentiment version it was not
verified against, it calls the library instead). Calling the library on the
comment and again on every sentence cost about 1.6 times VADER alone; the
engine does both in a fraction of one call, which the throughput target of
issue 5 needs. Labels follow VADER's documented thresholds.
"""

from __future__ import annotations

from typing import Iterable

from debate.model import Sentiment, SentenceSentiment
from debate.text.sentences import sentence_spans

#: Labels by the compound score, from the vaderSentiment README, "About the
#: Scoring": positive if compound >= 0.05, negative if <= -0.05, else neutral.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
#: Decimal places of the scores: VADER rounds compound to 4 and pos/neu/neg to
#: 3, so its values are already stable across platforms at 4 places
#: (tests/test_sentiment.py checks round(v, 4) == v for every such value).
DECIMALS = 4

Scores = tuple[float, float, float, float]  # compound, pos, neu, neg

_engine_module = None


def _engine():
    """debate.tag.vader_engine, imported on first use (it loads vaderSentiment
    and its lexicons, ~20 ms, which `debate --help` must not pay)."""
    global _engine_module
    if _engine_module is None:
        from debate.tag import vader_engine

        _engine_module = vader_engine
    return _engine_module


def _record(
    compound: float, pos: float, neu: float, neg: float, sentences: tuple[SentenceSentiment, ...]
) -> Sentiment:
    """Sentiment(compound, pos, neu, neg, label_for(compound), sentences)."""
    return Sentiment(compound, pos, neu, neg, label_for(compound), sentences)


def label_for(compound: float) -> str:
    """"positive", "negative" or "neutral" by VADER's documented thresholds."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def _score(text: str) -> Scores:
    """(compound, pos, neu, neg) of `polarity_scores(text)`."""
    neg, neu, pos, compound = _engine().score(text)
    return (compound, pos, neu, neg)


def sentiment_of(text: str, *, sentences: bool = True) -> Sentiment:
    """Scores of the whole `text` plus one entry per sentence, in order.

    Empty or blank text scores 0 everywhere, is "neutral" and has no sentences.
    `sentences=False` skips the per-sentence scores for callers that only
    need the comment's.
    """
    if not text or text.isspace():
        return Sentiment(compound=0.0, pos=0.0, neu=0.0, neg=0.0, label=label_for(0.0))
    if not sentences:
        neg, neu, pos, compound = _engine().score(text)
        return _record(compound, pos, neu, neg, ())
    spans = sentence_spans(text)
    (neg, neu, pos, compound), parts = _engine().score_with_sentences(text, spans)
    # (the record built here with `label_for` written out: two calls per sentence cost as much as it)
    records = tuple([
        SentenceSentiment(text[a:b], c, p, u, g, "positive" if c >= POSITIVE_THRESHOLD else
                          "negative" if c <= NEGATIVE_THRESHOLD else "neutral")
        for (a, b), (g, u, p, c) in zip(spans, parts)
    ])
    return _record(compound, pos, neu, neg, records)


def sentiments(texts: Iterable[str], *, sentences: bool = True) -> list[Sentiment]:
    """`sentiment_of` for each text, in order.

    Done step by step over all the texts (their sentences, then their scores, then the records): each
    step's code and data (the splitter's patterns, VADER's lexicon) stay in the processor's caches,
    a few percent faster than one text after the other on a large thread.
    """
    texts = list(texts)
    if not sentences:
        return [sentiment_of(t, sentences=False) for t in texts]
    spans = [sentence_spans(t) if t and not t.isspace() else None for t in texts]
    score = _engine().score_with_sentences
    scored = [score(t, sp) if sp is not None else None for t, sp in zip(texts, spans)]
    out: list[Sentiment] = []
    for text, sp, got in zip(texts, spans, scored):
        if got is None:  # empty or blank
            out.append(sentiment_of(text))
            continue
        (neg, neu, pos, compound), parts = got
        records = tuple([  # (as in `sentiment_of`)
            SentenceSentiment(text[a:b], c, p, u, g, "positive" if c >= POSITIVE_THRESHOLD else
                              "negative" if c <= NEGATIVE_THRESHOLD else "neutral")
            for (a, b), (g, u, p, c) in zip(sp, parts)
        ])
        out.append(_record(compound, pos, neu, neg, records))
    return out
