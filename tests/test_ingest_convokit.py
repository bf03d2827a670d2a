"""ConvoKit corpus directories: new and legacy layouts, the root as article, streaming by conversation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from debate.errors import InputError
from debate.ingest import ReadOptions, detect_format, read_threads

THREADS = Path(__file__).resolve().parents[1] / "threads"
REDDIT = THREADS / "convokit_rent_control"
LEGACY = THREADS / "convokit_talk_legacy"


@pytest.fixture(scope="module")
def reddit():
    return {t.id: t for t in read_threads(REDDIT)}


def test_detected_from_the_directory_or_its_utterances_file():
    assert detect_format(REDDIT) == "convokit"
    assert detect_format(REDDIT / "utterances.jsonl") == "convokit"
    assert [t.id for t in read_threads(REDDIT / "utterances.jsonl")] == ["t3_q1rc", "t3_q2pk"]


def test_one_thread_per_conversation_with_the_root_as_article(reddit):
    assert list(reddit) == ["t3_q1rc", "t3_q2pk"]
    rent = reddit["t3_q1rc"]
    a = rent.article
    assert a.title == "Rent stabilization: the 5% cap explained"
    assert a.author == "harbor_tenant"
    assert a.date == "2023-10-01T09:00:00Z"
    assert a.text.startswith("The city's rent stabilization plan caps yearly increases at 5%.")
    assert a.inferred["text"].cue == "conversation_root" and a.inferred["text"].evidence == "t3_q1rc"
    assert "t3_q1rc" not in {c.id for c in rent.comments}
    assert [p.name for p in rent.participants if p.is_article_author] == ["harbor_tenant"]


def test_reply_to_links(reddit):
    rent = reddit["t3_q1rc"]
    assert {c.id: c.parent for c in rent.comments} == {
        "t1_c01": None, "t1_c02": "t1_c01", "t1_c03": "t1_c02", "t1_c04": "t1_c03", "t1_c05": None, "t1_c06": None}
    orphan = rent.comment("t1_c06")
    assert orphan.flags == ("orphaned",) and orphan.extra["source_parent"] == "t1_c99"


def test_reddit_markers_flags_and_meta(reddit):
    rent = reddit["t3_q1rc"]
    deleted = rent.comment("t1_c03")
    assert deleted.flags == ("deleted",) and deleted.author is None
    assert rent.comment("t1_c05").flags == ("removed",)
    assert rent.comment("t1_c01").extra == {"score": 88, "subreddit": "riversidecity", "stickied": False}
    assert rent.comment("t1_c01").timestamp == "2023-10-01T09:10:00Z"
    s = rent.stats
    assert (s.loaded, s.deleted, s.spam, s.orphaned) == (6, 2, 0, 1)
    assert rent.comment("t1_c02").speaker == "ck:harbor_tenant"


def test_link_post_root_with_empty_text(reddit):
    parking = reddit["t3_q2pk"]
    assert parking.article.text == ""
    assert parking.article.url == "https://riversidegazette.example.com/parking-meters"
    assert [(c.id, c.parent) for c in parking.comments] == [("t1_d01", None), ("t1_d02", "t1_d01")]


def test_legacy_layout_user_root_reply_dash_to_and_users_json():
    (t,) = read_threads(LEGACY)
    assert t.id == "208114.1050.1050"
    assert t.article.author == "Lindenbaum"
    assert t.article.title == "Talk:Brenholm"
    assert t.article.date == "2011-09-30T12:00:00Z"
    assert {c.id: c.parent for c in t.comments} == {
        "208114.1302.1302": None, "208114.1477.1477": "208114.1302.1302",
        "208114.1609.1609": None, "208114.1744.1744": "208114.1609.1609"}
    assert t.comment("208114.1609.1609").extra["toxicity"] == 0.41


def _corpus(tmp_path: Path, utterances: list[dict]) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    with open(d / "utterances.jsonl", "w", encoding="utf-8") as fh:
        for u in utterances:
            fh.write(json.dumps(u) + "\n")
    (d / "speakers.json").write_text("{}", encoding="utf-8")
    return d


def test_interleaved_conversations_are_grouped_in_order_of_first_appearance(tmp_path):
    u = lambda i, conv, reply, t=None: {"id": i, "speaker": "s", "conversation_id": conv, "reply_to": reply,
                                         "timestamp": t, "text": f"text {i}", "meta": {}}
    d = _corpus(tmp_path, [u("b", "b", None), u("a", "a", None), u("b1", "b", "b"), u("a1", "a", "a"),
                           u("b2", "b", "b1", 7), u("a2", "a", "a1")])
    threads = list(read_threads(d))
    assert [(t.id, [(c.id, c.parent) for c in t.comments]) for t in threads] == [
        ("b", [("b1", None), ("b2", "b1")]), ("a", [("a1", None), ("a2", "a1")])]
    b2 = threads[0].comment("b2")
    assert b2.timestamp is None and b2.extra["source_timestamp"] == 7  # an ordinal, not a date


def test_missing_conversation_id_is_an_error_with_line(tmp_path):
    d = _corpus(tmp_path, [{"id": "r", "speaker": "s", "conversation_id": "r", "reply_to": None, "text": "x"},
                           {"id": "c", "speaker": "s", "reply_to": "r", "text": "y"}])
    with pytest.raises(InputError) as e:
        list(read_threads(d))
    assert str(e.value).startswith(f"{d / 'utterances.jsonl'}:line 2:") and "conversation_id" in str(e.value)


def test_invalid_json_line(tmp_path):
    d = _corpus(tmp_path, [])
    (d / "utterances.jsonl").write_text('{"id": "r", "conversation_id": "r", "text": "x"}\n{"id": \n',
                                        encoding="utf-8")
    with pytest.raises(InputError, match="line 2: invalid JSON"):
        list(read_threads(d, ReadOptions(format="convokit")))


def test_not_a_corpus(tmp_path):
    with pytest.raises(InputError, match="not a ConvoKit corpus"):
        list(read_threads(tmp_path, ReadOptions(format="convokit")))


def test_oldest_layout_a_single_utterances_json_list(tmp_path):
    from typer.testing import CliRunner

    from debate.cli.app import app

    d = tmp_path / "old"
    d.mkdir()
    (d / "utterances.json").write_text(json.dumps([
        {"id": "r", "user": "ann", "root": "r", "reply-to": None, "timestamp": 1300000000, "text": "Opening"},
        {"id": "c", "user": "bo", "root": "r", "reply-to": "r", "timestamp": 1300000060, "text": "Reply"},
    ]), encoding="utf-8")
    (d / "users.json").write_text("{}", encoding="utf-8")
    assert detect_format(d) == "convokit"
    (t,) = read_threads(d)
    assert t.article.text == "Opening" and [(c.id, c.parent, c.author) for c in t.comments] == [("c", None, "bo")]
    result = CliRunner().invoke(app, ["parse", str(d), "--stats"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "r"


def test_a_directory_of_inputs_includes_corpora_inside_it():
    from debate.cli.base import expand_inputs

    expanded = expand_inputs([THREADS])
    assert REDDIT in expanded and LEGACY in expanded
    assert REDDIT / "utterances.jsonl" not in expanded
