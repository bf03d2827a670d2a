"""Sentiment: VADER's thresholds, per-sentence scores, and that every saving
returns exactly what vaderSentiment's `polarity_scores` returns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debate.model import Sentiment
from debate.tag import sentiment as sent
from debate.tag.sentiment import label_for, sentiment_of, sentiments

GOLD = Path(__file__).parent.parent / "benchmarks" / "data" / "sentence_gold.jsonl"


def vader(text: str) -> tuple[float, float, float, float]:
    """The reference: a fresh analyzer's scores, rounded as debate rounds them."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    s = SentimentIntensityAnalyzer().polarity_scores(text)
    return tuple(round(s[k], sent.DECIMALS) for k in ("compound", "pos", "neu", "neg"))


def scores(s) -> tuple[float, float, float, float]:
    return (s.compound, s.pos, s.neu, s.neg)


@pytest.mark.parametrize(
    "compound,label",
    [
        (1.0, "positive"),
        (0.05, "positive"),
        (0.0499, "neutral"),
        (0.0, "neutral"),
        (-0.0499, "neutral"),
        (-0.05, "negative"),
        (-1.0, "negative"),
    ],
)
def test_labels_follow_vader_thresholds(compound: float, label: str) -> None:
    assert label_for(compound) == label


def test_comment_and_each_sentence_are_scored() -> None:
    text = "I love this article. The ministry is a disgrace! The law dates from 1982."
    result = sentiment_of(text)
    assert isinstance(result, Sentiment)
    assert scores(result) == vader(text)
    assert [s.text for s in result.sentences] == [
        "I love this article.",
        "The ministry is a disgrace!",
        "The law dates from 1982.",
    ]
    assert [s.label for s in result.sentences] == ["positive", "negative", "neutral"]
    for s in result.sentences:
        assert scores(s) == vader(s.text)
        assert s.label == label_for(s.compound)
    assert result.label == label_for(result.compound)


def test_one_sentence_comment_reuses_the_comment_score() -> None:
    text = "  What a wonderful, generous policy!\n"
    result = sentiment_of(text)
    assert len(result.sentences) == 1
    only = result.sentences[0]
    assert only.text == "What a wonderful, generous policy!"
    assert scores(only) == scores(result) == vader(only.text) == vader(text)


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text_is_neutral_with_no_sentences(text: str) -> None:
    result = sentiment_of(text)
    assert scores(result) == (0.0, 0.0, 0.0, 0.0)
    assert result.label == "neutral"
    assert result.sentences == ()


def test_text_without_sentiment_words_matches_vader() -> None:
    for text in ["The law was signed in 1982 [1].", "...", "@kim 12,500 people?", "中国政府。"]:
        assert sent._score(text) == vader(text), text


def _reference_texts() -> list[str]:
    texts = []
    with GOLD.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            texts.append(row["text"])
            texts.extend(row["sentences"])
    return texts


def test_scores_equal_vader_on_the_gold_paragraphs_and_sentences() -> None:
    for text in _reference_texts():
        assert sent._score(text) == vader(text), text
        assert scores(sentiment_of(text)) == vader(text), text


_WORDS = st.sampled_from(
    [
        "good", "GOOD", "bad", "not", "never", "but", "very", "kind", "of", "no", "the",
        "policy", "refugees", "1982", ":)", ":(", "<3", "lol", "sux", "😀", "💔", "!", "?",
        "!!!", "good!", "(bad)", "don't", "without", "doubt", "least", "at", "so", "this",
        "Mr.", "U.S.", "\n", "\n\n", "...", "agree", "disgrace", "help", "kinda", "😀😀",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=25).map(" ".join))
def test_every_shortcut_returns_exactly_what_vader_returns(text: str) -> None:
    result = sentiment_of(text)
    if text.strip():
        assert scores(result) == vader(text)
    for s in result.sentences:
        assert scores(s) == vader(s.text)
        assert s.label == label_for(s.compound)


def test_vader_values_are_stable_at_four_decimals() -> None:
    # Every value VADER can return (pos/neu/neg rounded to 3 places, compound
    # to 4) survives rounding to DECIMALS unchanged, so debate keeps them as is.
    for k in range(0, 1001):
        assert round(round(k / 1000, 3), sent.DECIMALS) == round(k / 1000, 3)
    for k in range(-10000, 10001):
        assert round(round(k / 10000, 4), sent.DECIMALS) == round(k / 10000, 4)


def test_scores_are_rounded_to_four_decimals() -> None:
    result = sentiment_of("This is AMAZING!!! But the plan is awful, truly awful.")
    for value in (*scores(result), *(v for s in result.sentences for v in scores(s))):
        assert round(value, 4) == value


def test_deterministic_and_batch_equals_one_by_one() -> None:
    texts = ["Great piece. Thanks!", "", "This is wrong. Totally wrong.", "Great piece. Thanks!"]
    first = sentiments(texts)
    assert sentiments(texts) == first == [sentiment_of(t) for t in texts]


def test_comment_only_mode_skips_sentences() -> None:
    text = "Good point. Bad conclusion."
    quick = sentiment_of(text, sentences=False)
    assert quick.sentences == ()
    assert scores(quick) == scores(sentiment_of(text))
    assert sentiments([text], sentences=False) == [quick]


def test_importing_the_module_does_not_load_vader() -> None:
    code = (
        "import sys, debate.tag.sentiment; "
        "print('vaderSentiment.vaderSentiment' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_sentence_records_equal_the_dataclass_built_ones() -> None:
    from debate.model import SentenceSentiment

    text = "Great idea. The plan is AWFUL!!! Why?? :)"
    result = sentiment_of(text)
    for s in result.sentences:
        built = SentenceSentiment(
            text=s.text, compound=s.compound, pos=s.pos, neu=s.neu, neg=s.neg, label=s.label
        )
        assert s == built and hash(s) == hash(built) and repr(s) == repr(built)
        assert vars(s) == vars(built)
        with pytest.raises(AttributeError):
            s.label = "x"  # still frozen
    whole = Sentiment(result.compound, result.pos, result.neu, result.neg, result.label,
                      result.sentences)
    assert result == whole and hash(result) == hash(whole) and repr(result) == repr(whole)
    assert vars(result) == vars(whole)
    with pytest.raises(AttributeError):
        result.label = "x"
