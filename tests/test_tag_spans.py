"""The shared token pass: phrase matching, negation scope, quotations, sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from debate.model import Comment, Thread, Article
from debate.tag import tag_thread
from debate.tag.spans import PhraseIndex, analyze, sentences, tokenize


def test_longest_phrase_wins_and_wildcards_match_prefixes():
    index = PhraseIndex({"d": ("i don't think", "think"), "h": ("haha*",)})
    found = index.match(tokenize("I don't think so hahaha"))
    assert found["d"] == [(0, 3)]  # "think" inside the longer phrase is not matched again
    assert found["h"] == [(4, 5)]


def test_curly_apostrophes_and_possessives():
    doc = analyze("I don’t think China’s policy works.")
    assert doc.texts("disagree") == ["I don't think"]
    assert "china" in doc.toks


def test_negation_scope_ends_at_punctuation_and_but():
    doc = analyze("It is not fair, but it works.")
    flags = dict(zip(doc.toks, doc.negated))
    assert flags["fair"] is True
    assert flags["works"] is False


def test_quotations_and_quote_lines_are_set_aside():
    doc = analyze('> you are wrong\n\nWhen you said "this never works" you meant buses.')
    assert "wrong" not in doc.toks and "never" not in doc.toks
    assert doc.quotes == ["you are wrong", "this never works"]


def test_sentences_keep_abbreviations():
    assert sentences("Mr. Park wrote it. The U.S. agreed.") == ["Mr. Park wrote it.", "The U.S. agreed."]


words = st.sampled_from(["I", "agree", "not", "but", "China", "you", "wrong", "?", "thanks", "lol", "18%",
                         "\"quote\"", "\n\n", "Yes,", "because", "@bob", "ban", "the", "article"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(words, max_size=30), st.integers(min_value=-1, max_value=30)),
                min_size=0, max_size=12))
def test_any_thread_gets_one_tag_per_comment(spec):
    comments = []
    for i, (ws, parent) in enumerate(spec):
        p = str(parent) if 0 <= parent < i else None
        comments.append(Comment(id=str(i), text=" ".join(ws), parent=p, speaker=f"s{i % 3}"))
    thread = Thread(id="h", article=Article(title="Cities should ban cars", text="Cities should ban cars."),
                    comments=tuple(comments))
    out = tag_thread(thread)
    assert set(out.tags) == {c.id for c in comments}
    for t in out.tags.values():
        assert t.stance is not None and t.relation is not None and t.acts
        assert 0.0 <= t.stance.score <= 1.0 and 0.0 <= t.relation.score <= 1.0
    assert tag_thread(thread) == out  # deterministic
