"""Session-2 speed shortcuts (issue 5) against the plain forms they replaced: same answers on any input.

Each shortcut skips work when a cheap test shows it cannot matter (a remembered answer, a set look-up
before a pattern, a C-level scan before a Python loop); hypothesis feeds both forms the same inputs.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debate.tag import acts, lexicons as lx, profile, relation
from debate.tag.collective import Node
from debate.tag.relation import RelationScore
from debate.tag.spans import analyze
from debate.text import sentences as ts

_PIECES = st.sampled_from(list("aAbZ09 .!?…\n\t\"')([]:;-”’“") +
                          ["Mr.", "U.S.", "e.g.", "No.", "p.m.", "etc.", "J.", "Dr", "..", " .", "Ph.D.", "İ", "ß",
                           "who'd", "Would've", "Isn't", "isn't've", "Why", "what's", "Do'nt", "Do", "we", "Were",
                           "cars", "12", "3.5", "18%", "1,200", "2019"])
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@given(_TEXTS)
@settings(max_examples=500, deadline=None)
def test_remembered_abbreviation_kind_is_the_computed_one(sentence):
    """(Sentences come trimmed: the computed form fails on " ." and so does the remembered one.)"""
    sentence = sentence.strip()
    ts._KINDS.clear()
    first = ts._abbreviation_kind(sentence)  # computed (and remembered when its last word decides)
    again = ts._abbreviation_kind(sentence)  # possibly remembered
    assert first == again == (ts._kind_of(sentence) if sentence else None)


@given(_TEXTS, _TEXTS)
@settings(max_examples=300, deadline=None)
def test_remembered_kind_of_a_last_word_holds_for_any_sentence_ending_with_it(before, last):
    """What is remembered for "etc." serves "... etc." too: only the last word decides (when its
    closers leave two characters or more)."""
    words = last.split()
    if not words or len(words[-1].rstrip(ts._CLOSERS)) < 2:
        return
    word = words[-1]
    sentence = f"{before} {word}"
    assert ts._kind_of(sentence) == ts._kind_of(word)


@given(_TEXTS, _TEXTS)
@settings(max_examples=300, deadline=None)
def test_a_cut_after_an_exclamation_or_question_mark_is_never_wrong(sentence, following):
    for end in "!?":
        assert not ts._wrong_cut(sentence + end, following or " ")


def test_the_question_pattern_is_a_plain_word_list():
    assert acts._QUESTION_OPENERS is not None and {"wh", "is", "do", "ca"} <= acts._QUESTION_OPENERS
    assert acts._openers(r"^(?:why|what)\b") == frozenset({"wh"})
    assert acts._openers(r"^(?:why|a)\b") is None  # a one-letter word: no two-letter opener
    assert acts._openers(r"^(?:wh(?:y|o))\b") is None  # not a plain list: the pattern always runs


@given(_TEXTS)
@settings(max_examples=500, deadline=None)
def test_question_form_needs_a_first_token_with_an_opener(text):
    """Where `acts_of` skips the question-form pattern (ASCII text, first token not opening with one of
    its words' first two letters), the pattern does not match."""
    doc = analyze(text)
    if not doc.text.isascii():
        return
    for i in range(len(doc.sent_spans)):
        if lx.QUESTION_START.match(doc.sentence(i)):
            assert doc.toks[doc.sent_first_tok[i]][:2] in acts._QUESTION_OPENERS


@given(st.lists(st.sampled_from(["0", "12", "3.5", "18%", "1,200", ".", ",", "(", ")", "!", "?", "'s", "a", "Z",
                                 ":", ";", "9", "²", "~", "@", "the", "2019"]), max_size=30))
@settings(max_examples=300, deadline=None)
def test_number_tokens_picked_at_c_speed_are_those_starting_with_a_digit(toks):
    from itertools import compress, count

    fast = [k for k in compress(count(), map(":".__gt__, toks)) if toks[k] >= "0"]
    assert fast == [k for k, t in enumerate(toks) if "0" <= t < ":"]


@given(_TEXTS)
@settings(max_examples=300, deadline=None)
def test_one_token_evidence_is_the_token(text):
    doc = analyze(text)
    for k in reversed(range(len(doc.toks))):  # (from the end: the other walk locates them)
        assert doc.span_text(k, k + 1) == doc.token_text(k)


@given(st.floats(min_value=-20, max_value=20, allow_nan=False), st.sampled_from([relation.NEUTRAL_LOGIT,
                                                                                relation.NEUTRAL_LOGIT_REPLY]))
@settings(max_examples=300, deadline=None)
def test_remembered_relation_distribution_is_the_softmax(margin, neutral):
    logits = (margin, -margin, neutral)
    top = max(logits)
    e = [math.exp(x - top) for x in logits]
    z = sum(e)
    want = tuple(round(x / z, 6) for x in e)
    assert relation._distribution(margin, neutral) == want
    assert relation._distribution(margin, neutral) == want  # remembered


@given(st.lists(st.sampled_from(list("abcXYZ-'é1ßİ_ ") + ["ation", "ing", "ions", "s", "e"]), max_size=12).map("".join))
@settings(max_examples=400, deadline=None)
def test_stem_skips_its_filter_only_where_it_removes_nothing(word):
    plain = re.sub(r"[^a-z]", "", word.lower())
    for suf in ("ations", "ation", "ings", "ing", "ions", "ion", "s", "e"):
        if plain.endswith(suf) and len(plain) - len(suf) >= 5:
            plain = plain[: -len(suf)]
            break
    assert profile.stem.__wrapped__(word) == plain


def test_scores_and_nodes_are_immutable_named_records():
    score = RelationScore(0.5, (0.4, 0.2, 0.4), ())
    assert score.margin == 0.5 and score.label().value == "agree"
    node = Node("c1", (0.2, 0.3, 0.5), (0.1, 0.1, 0.8), None, "p", False)
    assert node.author_cue == "" and node.id == "c1"
    assert node == Node(id="c1", local=(0.2, 0.3, 0.5), relation=(0.1, 0.1, 0.8), parent=None, speaker="p",
                        is_author=False)
    with pytest.raises(AttributeError):
        node.id = "c2"  # type: ignore[misc]


@given(st.lists(st.lists(st.sampled_from(["Great", "awful", " ", "\n\n", "!", "?", ".", "not", "but", "😀", "GOOD",
                                          "", "kind of", "no", "U.S.", ":)"]), max_size=12).map("".join), max_size=6))
@settings(max_examples=200, deadline=None)
def test_sentiment_of_a_thread_step_by_step_is_each_comment_s(texts):
    from debate.tag.sentiment import sentiment_of, sentiments

    assert sentiments(texts) == [sentiment_of(t) for t in texts]
    assert sentiments(iter(texts)) == sentiments(texts)  # any iterable, read once
