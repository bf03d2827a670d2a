"""The canonical JSON form: lossless round trip, strict validation, clear errors."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debate import canonical
from debate.errors import InputError
from debate.model import (
    ACTS,
    FLAGS,
    RELATIONS,
    SCHEMA,
    STANCES,
    Article,
    Comment,
    CommentTags,
    Evidence,
    Inference,
    Label,
    SentenceSentiment,
    Sentiment,
    SetAside,
    SourceStats,
    Thesis,
    Thread,
    Voice,
)
from debate.tree import derive_participants, walk

text = st.text(max_size=40)
maybe_text = st.none() | text
score = st.floats(min_value=-1, max_value=1, allow_nan=False)
inference = st.builds(Inference, cue=text, confidence=st.floats(0, 1), evidence=text, note=text)
evidence = st.builds(Evidence, cue=text, text=text, weight=score)


def label(values):
    return st.builds(Label, value=st.sampled_from(values), score=score,
                     evidence=st.lists(evidence, max_size=2).map(tuple), decided_by=text)


sentence = st.builds(SentenceSentiment, text=text, compound=score, pos=score, neu=score, neg=score, label=text)
sentiment = st.builds(Sentiment, compound=score, pos=score, neu=score, neg=score, label=text,
                      sentences=st.lists(sentence, max_size=2).map(tuple))


@st.composite
def threads(draw):
    """Threads with any valid parent assignment: each comment's parent is an earlier comment or None."""
    n = draw(st.integers(0, 12))
    comments = []
    for i in range(n):
        parent = draw(st.none() | st.integers(0, i - 1)) if i else None
        comments.append(Comment(
            id=f"c{i}",
            text=draw(text),
            number=draw(maybe_text),
            author=draw(maybe_text),
            parent=None if parent is None else f"c{parent}",
            timestamp=draw(st.none() | st.just("2012-03-29T14:03:00Z")),
            original=draw(maybe_text),
            flags=tuple(sorted(draw(st.sets(st.sampled_from(sorted(FLAGS)), max_size=2)))),
            inferred=draw(st.dictionaries(st.sampled_from(["parent", "author"]), inference, max_size=2)),
            extra=draw(st.dictionaries(st.sampled_from(["score", "permalink"]),
                                       st.none() | st.integers(-5, 5) | text | st.booleans(), max_size=2)),
        ))
    # Shuffle display order: a parent may come after its reply in source order.
    order = draw(st.permutations(range(n)))
    comments = [comments[i] for i in order]
    tags = {}
    for c in comments:
        if draw(st.booleans()):
            tags[c.id] = CommentTags(
                comment_id=c.id,
                sentiment=draw(st.none() | sentiment),
                stance=draw(st.none() | label(STANCES)),
                relation=draw(st.none() | label(RELATIONS)),
                acts=tuple(draw(st.lists(label(ACTS), max_size=2))),
            )
    thread = Thread(
        id=draw(text),
        article=Article(title=draw(maybe_text), author=draw(maybe_text), date=draw(maybe_text),
                        url=draw(maybe_text), text=draw(text),
                        inferred=draw(st.dictionaries(st.sampled_from(["author", "date"]), inference, max_size=2))),
        comments=tuple(comments),
        set_aside=tuple(draw(st.lists(st.builds(SetAside, kind=text, text=text, line=st.none() | st.integers(1, 99)),
                                      max_size=2))),
        source_path=draw(maybe_text),
        source_format=draw(st.none() | st.sampled_from(["scraped", "reddit"])),
        order=draw(st.none() | st.sampled_from(["chronological", "threaded"])),
        structure_inferred=draw(st.booleans()),
        inferred=draw(st.dictionaries(st.just("order"), inference, max_size=1)),
        stats=draw(st.builds(SourceStats, loaded=st.just(n), deleted=st.integers(0, 9),
                             not_loaded=st.integers(0, 9), orphaned=st.integers(0, 9))),
        thesis=draw(st.none() | st.builds(Thesis, text=text, source=text,
                                           targets=st.lists(text, max_size=2).map(tuple), clear=st.booleans())),
        voices=tuple(draw(st.lists(st.builds(Voice, speaker=text, quote=text, role=maybe_text,
                                             stance=st.none() | label(STANCES)), max_size=2))),
        tags=tags,
    )
    if draw(st.booleans()):
        thread = derive_participants(thread)
    return thread


@settings(max_examples=150, deadline=None)
@given(threads())
def test_round_trip_is_lossless(thread):
    text = canonical.dumps(thread)
    again = canonical.loads(text)
    assert again == thread
    assert canonical.dumps(again) == text  # byte-identical when written again


@settings(max_examples=50, deadline=None)
@given(threads())
def test_every_comment_appears_once_in_traversal(thread):
    seen = [c.id for c, _ in walk(thread)]
    assert sorted(seen) == sorted(c.id for c in thread.comments)


def _doc(**changes):
    thread = Thread(id="t", article=Article(title="T"), comments=(
        Comment(id="a", text="first"), Comment(id="b", text="reply", parent="a")))
    data = canonical.to_dict(thread)
    for key, value in changes.items():
        data[key] = value
    return data


def test_schema_is_written_first():
    data = canonical.to_dict(Thread(id="t", article=Article()))
    assert next(iter(data)) == "schema" and data["schema"] == SCHEMA


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.pop("schema"), "schema"),
        (lambda d: d.update(schema="debate.thread/99"), "not supported"),
        (lambda d: d["comments"][1].update(parent="zzz"), "comments[1].parent"),
        (lambda d: d["comments"][0].update(parent="b"), "cycle"),
        (lambda d: d["comments"][1].update(id="a"), "duplicate comment id"),
        (lambda d: d["comments"][0].update(text=5), "comments[0].text: expected a string, got int"),
        (lambda d: d["comments"][0].update(flags=["shouting"]), "unknown flag 'shouting'"),
        (lambda d: d["comments"][0].update(colour="red"), "unknown field 'colour'"),
        (lambda d: d["comments"][0].pop("id"), "missing required field 'id'"),
        (lambda d: d.update(tags={"a": {"comment_id": "a", "stance": {"value": "maybe", "score": 1}}}),
         "unknown stance 'maybe'"),
    ],
)
def test_invalid_documents_name_the_problem(mutate, message):
    data = _doc()
    mutate(data)
    with pytest.raises(InputError) as err:
        canonical.from_dict(data, path="x.json")
    line = str(err.value)
    assert message in line and line.startswith("x.json:") and "\n" not in line


def test_invalid_json_names_the_line():
    with pytest.raises(InputError, match=r"x.json:line 2: invalid JSON"):
        canonical.loads('{"schema": "debate.thread/1",\n oops}', path="x.json")


def test_replace_keeps_model_frozen():
    c = Comment(id="a", text="x")
    with pytest.raises(Exception):
        c.text = "y"  # type: ignore[misc]
    assert replace(c, text="y").text == "y"


def test_written_json_is_plain_and_sorted_by_fields():
    thread = Thread(id="t", article=Article(title="T"), comments=(Comment(id="a", text="é"),))
    text = canonical.dumps(thread)
    assert "é" in text  # UTF-8, not \\u escapes
    assert list(json.loads(text)["comments"][0])[:3] == ["id", "text", "number"]
