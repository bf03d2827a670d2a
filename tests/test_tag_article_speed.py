"""The per-article shortcuts of thesis extraction and the thesis profile keep their meaning.

Each shortcut is checked against the plain computation it replaced, on generated texts.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from debate.model import Thesis
from debate.tag import profile as pr
from debate.tag import thesis as th
from debate.tag.spans import sentences, tokenize

_FRAGMENTS = st.sampled_from(
    ["should", "Should the", "SHOULD", "must", "ought to", "needs to", "it's time", "It is time", "let's",
     "We can't", "shouldn't", "would rather", "I propose", "is worth", "is the answer", "Ending", "stop",
     "Stopping", "Reform", "cease", "mistake", "Wrong", "the right", "right thing", "failed", "failure",
     "in China's own interest", "in its national interest", "better off", "BEST", "beneficial", "benefits",
     "problem", "success", "ſhould", "İs worth", "muſt", "\u212aEY", "it’s time", "café", "beſt", "ınterest", " ", "  ", ". ", "\n\n", ", ", "?", "'", "x",
     "China", "Chinese", "North Korean refugees", "us", "because", "Beijing's", "not", "never", "good", "bad"])
_TEXTS = st.lists(_FRAGMENTS, max_size=25).map(" ".join)


@given(_TEXTS)
@settings(max_examples=500, deadline=None)
def test_marker_shortcut_finds_what_the_full_scan_finds(text):
    plain = ([m.group(0) for m in th._NORMATIVE.finditer(text)], [m.group(0) for m in th._EVALUATIVE.finditer(text)])
    assert th._markers(text) == plain


@given(_TEXTS)
@settings(max_examples=300, deadline=None)
def test_naming_sentences_keeps_every_sentence_that_names_a_target(text):
    firsts = frozenset({"china", "chinese", "north", "us", "beijing"})
    kept = pr._naming_sentences(text, firsts)
    every = sentences(text)
    assert [s for s in every if not firsts.isdisjoint(tokenize(s))] == \
        [s for s in kept if not firsts.isdisjoint(tokenize(s))]
    assert all(s in every for s in kept)


@given(st.lists(st.sampled_from(["good", "terrible", "cars", "ban", "the", "a", "wow", "fee", "x"]), max_size=30))
@settings(max_examples=200, deadline=None)
def test_vocabulary_before_and_after_it_is_built(toks):
    p = pr._profile.__wrapped__(Thesis(text="Cities should ban cars from downtown", source="given",
                             targets=("Cities", "cars")), "")  # (a fresh profile: nothing read yet)
    expected = (p.cue_words | pr.strong_words()).intersection(toks)
    assert p.vocabulary_in(toks) == expected
    p.vocabulary_in(["x"] * pr.VOCABULARY_AFTER)  # enough tokens read: the vocabulary is built
    assert "vocabulary" in p.memo
    assert p.vocabulary_in(toks) == expected


def test_related_terms_are_the_repeated_content_words():
    text = ("Boarding fares rose. Boarding fares fell, and the fares stayed. Quiet quiet quiet words. "
            "The city city said so.")
    got = pr._related_terms(text, {"quiet": 1.0})
    assert {"boarding", "fares", "fare", "city", "cities"} <= got  # (with their other forms)
    assert "quiet" not in got and "the" not in got and "words" not in got


@given(st.lists(st.sampled_from(["stop", "STOP", "Stopping", "ſtop", "end", "ending", "ends", "refrain from",
                                 "no more", "ban", "bans", "Ban", "drop", "dropped", "x", "-", "'", "quit"]),
                min_size=1, max_size=2).map("".join))
@settings(max_examples=300, deadline=None)
def test_stop_verb_lookup_is_the_pattern(word):
    assert pr.is_stop_verb(word) == bool(pr.STOP_VERBS.fullmatch(word))


@given(st.lists(st.sampled_from(["on", "On", "against", "of", "to", "the", " ", "  ", "\n", "refugees", "China",
                                 "x", "onto", "photo", "of the", "-"]), max_size=12).map("".join))
@settings(max_examples=400, deadline=None)
def test_acted_on_is_the_plain_search(text):
    import re

    for name in ("refugees", "China", "the refugees", "x"):
        plain = bool(re.search(r"\b(?:on|against|of|to)\s+(?:the\s+)?" + re.escape(name), text))
        assert pr._acted_on(name, text) == plain


@given(st.lists(st.sampled_from(["forcibly", "repatriating", "Repatriating", "refugees", "crackdowns", "on",
                                 "the", "North", "Korean", "bans", "Bans", "tax", "Taxes", "policies", "reform",
                                 "cars", "cities", "thing", "ING", "x", "sanctions", "deportation"]),
                max_size=10).map(" ".join))
@settings(max_examples=400, deadline=None)
def test_policy_shortcut_misses_no_policy(text):
    if not th._POLICY_KEYS.search(text):
        assert not list(th._POLICY.finditer(text))
