"""`debate export`: a ConvoKit corpus that ConvoKit loads and `debate` reads back whole; canonical / JSONL."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli.app import app
from debate.export import epoch, write_convokit
from debate.ingest import read_threads
from debate.model import Article, Comment, CommentTags, Label, Thread

THREADS = Path(__file__).resolve().parents[1] / "threads"
FIXTURES = [THREADS / "wxr_transit_blog.xml", THREADS / "disqus_harbor_news.xml",
            THREADS / "generic_bike_lanes.csv", THREADS / "generic_school_week.jsonl",
            THREADS / "convokit_rent_control", THREADS / "convokit_talk_legacy"]
HAS_CONVOKIT = importlib.util.find_spec("convokit") is not None


def _all(paths):
    return [t for p in paths for t in read_threads(p)]


def _comments(t: Thread):
    return [(c.id, c.parent, c.author, c.timestamp, c.flags, c.text, c.original, c.number) for c in t.comments]


def _article(t: Thread):
    a = t.article
    return (a.title, a.author, a.date, a.url, a.text)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "corpus"
    threads = _all(FIXTURES)
    summary = write_convokit(threads, out)
    return threads, out, summary


def test_corpus_files_and_counts(exported):
    threads, out, summary = exported
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["utterances.jsonl", "speakers.json", "conversations.json", "corpus.json", "index.json"])
    lines = (out / "utterances.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == summary.utterances == len(threads) + sum(len(t.comments) for t in threads)
    assert summary.threads == len(threads)
    assert set(json.loads((out / "conversations.json").read_text())) == {t.id for t in threads}
    index = json.loads((out / "index.json").read_text())
    assert index["utterances-index"]["debate_flags"] == ["<class 'list'>"]


def test_article_is_the_root_and_top_level_comments_reply_to_it(exported):
    _, out, _ = exported
    utts = {u["id"]: u for u in map(json.loads, (out / "utterances.jsonl").read_text().splitlines())}
    root = utts["41"]
    assert root["reply_to"] is None and root["conversation_id"] == "41" and root["speaker"] == "Hedda Larsen"
    assert root["text"].startswith("Riverside spends more")
    assert utts["118"]["reply_to"] == "41" and utts["119"]["reply_to"] == "118"
    assert utts["118"]["timestamp"] == epoch("2024-02-06T17:02:11Z") == 1707238931
    assert utts["123"]["meta"]["debate_flags"] == ["spam"]
    speakers = json.loads((out / "speakers.json").read_text())
    assert all(u["speaker"] in speakers for u in utts.values())


def test_round_trip_keeps_comments_parents_flags_and_stats(exported):
    threads, out, _ = exported
    back = {t.id: t for t in read_threads(out)}
    assert list(back) == [t.id for t in threads]
    for t in threads:
        b = back[t.id]
        assert _comments(b) == _comments(t), t.id
        assert _article(b) == _article(t), t.id
        assert b.stats == t.stats, t.id


def test_colliding_comment_ids_are_prefixed_and_restored(tmp_path):
    one = Thread(id="a", article=Article(text="A"), comments=(Comment(id="1", text="x"),
                                                               Comment(id="2", text="y", parent="1")))
    two = Thread(id="b", article=Article(text="B"), comments=(Comment(id="1", text="z"),
                                                               Comment(id="2", text="w", parent="1")))
    summary = write_convokit([one, two], tmp_path / "c")
    assert summary.renamed == 2
    ids = [json.loads(line)["id"] for line in (tmp_path / "c" / "utterances.jsonl").read_text().splitlines()]
    assert ids == ["a", "1", "2", "b", "b:1", "b:2"]
    back = list(read_threads(tmp_path / "c"))
    assert [[(c.id, c.parent) for c in t.comments] for t in back] == [[("1", None), ("2", "1")]] * 2


def test_tags_travel_as_meta(tmp_path):
    t = Thread(id="t", article=Article(text="A"), comments=(Comment(id="1", text="x"),),
               tags={"1": CommentTags(comment_id="1", stance=Label("against", 0.8),
                                      acts=(Label("rebuttal", 0.6), Label("evidence", 0.4)))})
    write_convokit([t], tmp_path / "c")
    meta = json.loads((tmp_path / "c" / "utterances.jsonl").read_text().splitlines()[1])["meta"]
    assert meta["debate_stance"] == "against" and meta["debate_acts"] == ["rebuttal", "evidence"]


def test_export_is_deterministic(tmp_path):
    threads = _all(FIXTURES[:3])
    write_convokit(threads, tmp_path / "one")
    write_convokit(_all(FIXTURES[:3]), tmp_path / "two")
    for name in ("utterances.jsonl", "speakers.json", "conversations.json", "corpus.json", "index.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


@pytest.mark.skipif(not HAS_CONVOKIT, reason="convokit not installed (pip install --no-deps convokit "
                                             "pandas pymongo pyyaml)")
def test_convokit_itself_loads_the_corpus(exported, tmp_path):
    _, out, _ = exported
    code = (
        "import json, sys\n"
        "from convokit import Corpus\n"
        "c = Corpus(filename=sys.argv[1])\n"
        "convo = c.get_conversation('41')\n"
        "print(json.dumps({'utterances': len(list(c.iter_utterances())),\n"
        "  'conversations': sorted(x.id for x in c.iter_conversations()),\n"
        "  'root_reply_to': c.get_utterance('41').reply_to,\n"
        "  'reply': c.get_utterance('119').reply_to,\n"
        "  'speaker': c.get_utterance('119').speaker.id,\n"
        "  'title': convo.meta['title'],\n"
        "  'integrity': convo.check_integrity(verbose=False)}))\n"
    )
    env = {**os.environ, "HOME": str(tmp_path)}  # ConvoKit writes ~/.convokit/config.yml on first use
    proc = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    threads = _all(FIXTURES)
    assert got["utterances"] == len(threads) + sum(len(t.comments) for t in threads)
    assert got["conversations"] == sorted(t.id for t in threads)
    assert got["root_reply_to"] is None and got["reply"] == "118" and got["speaker"] == "Rosa Delgado"
    assert got["title"] == "Fare-free buses are worth the money"
    assert got["integrity"] is True


@pytest.mark.skipif(not HAS_CONVOKIT, reason="convokit not installed")
def test_convokit_loads_the_fixture_corpora(tmp_path):
    code = ("import sys\nfrom convokit import Corpus\n"
            "for d in sys.argv[1:]:\n    c = Corpus(filename=d)\n"
            "    print(len(list(c.iter_utterances())), len(list(c.iter_conversations())))\n")
    proc = subprocess.run([sys.executable, "-c", code, str(THREADS / "convokit_rent_control"),
                           str(THREADS / "convokit_talk_legacy")], capture_output=True, text=True,
                          env={**os.environ, "HOME": str(tmp_path)}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-2:] == ["10 2", "5 1"]


def test_cli_export_convokit_and_errors(tmp_path):
    runner = CliRunner()
    out = tmp_path / "corpus"
    result = runner.invoke(app, ["export", str(THREADS / "wxr_transit_blog.xml"), "--format", "convokit",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 conversation(s), 10 utterance(s)" in result.stderr
    assert [t.id for t in read_threads(out)] == ["41", "57"]
    missing = runner.invoke(app, ["export", str(THREADS / "wxr_transit_blog.xml"), "--format", "convokit"])
    assert missing.exit_code == 2 and "-o DIR" in missing.stderr
    unknown = runner.invoke(app, ["export", str(THREADS / "wxr_transit_blog.xml"), "--format", "xml", "-o",
                                  str(tmp_path / "x")])
    assert unknown.exit_code == 2 and "convokit, canonical, jsonl" in unknown.stderr


def test_cli_export_jsonl_and_canonical(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", str(THREADS / "disqus_harbor_news.xml"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["7781203345", "7781209911", "7790011420"]
    assert docs[0]["schema"] == "debate.thread/1"
    result = runner.invoke(app, ["export", str(THREADS / "disqus_harbor_news.xml"), "--format", "canonical",
                                 "-o", str(tmp_path / "docs")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == [
        "7781203345.json", "7781209911.json", "7790011420.json"]


def test_cli_export_input_format_is_forced_with_from(tmp_path):
    runner = CliRunner()
    copy = tmp_path / "comments.txt"
    copy.write_text((THREADS / "generic_bike_lanes.csv").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["export", str(copy), "--from", "csv", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stats"]["loaded"] == 7


def test_inferred_links_stay_marked_as_inferred(tmp_path):
    from debate.model import Inference

    guess = Inference(cue="vocative", confidence=0.7, evidence="@Ann", note="named the parent's author")
    t = Thread(id="flat", article=Article(text="A"), structure_inferred=True, comments=(
        Comment(id="1", text="x", author="Ann"),
        Comment(id="2", text="@Ann no", author="Bo", parent="1", inferred={"parent": guess})))
    write_convokit([t], tmp_path / "c")
    (back,) = read_threads(tmp_path / "c")
    assert back.comment("2").inferred == {"parent": guess}
    assert back.comment("1").inferred == {}
    assert back.structure_inferred is True


def test_cli_export_canonical_of_several_threads_needs_a_directory():
    result = CliRunner().invoke(app, ["export", str(THREADS / "disqus_harbor_news.xml"), "--format", "canonical"])
    assert result.exit_code == 2
    assert "-o DIR or --format jsonl" in result.stderr


@pytest.mark.skipif(not HAS_CONVOKIT, reason="convokit not installed")
def test_a_corpus_convokit_dumps_again_reads_back_the_same(exported, tmp_path):
    """ConvoKit's own dump writes `reply-to` and {"meta": ...} speakers; the reader takes both."""
    threads, out, _ = exported
    code = ("import sys\nfrom convokit import Corpus\n"
            "Corpus(filename=sys.argv[1]).dump('redumped', base_path=sys.argv[2])\n")
    proc = subprocess.run([sys.executable, "-c", code, str(out), str(tmp_path)], capture_output=True, text=True,
                          env={**os.environ, "HOME": str(tmp_path)}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    back = {t.id: t for t in read_threads(tmp_path / "redumped")}
    for t in threads:
        assert _comments(back[t.id]) == _comments(t), t.id
        assert _article(back[t.id]) == _article(t), t.id
