"""Thread reports: every comment accounted for, content right, Markdown valid, output deterministic."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from report_helpers import BIKE_ROWS, assert_inert, assert_mermaid_safe, make_thread, mermaid_blocks, parse_md
from typer.testing import CliRunner

from debate import canonical
from debate.cli.app import app
from debate.report.build import thread_report
from debate.report.data import report_data
from debate.report.markdown import render, sparkline

runner = CliRunner()
URL = ("https://example.org/bike-lanes",)


def md(thread, **kw) -> str:
    return render(report_data(thread, **kw))


def test_every_comment_appears_once_with_its_anchor_and_in_the_evidence():
    t = make_thread(BIKE_ROWS)
    text = md(t)
    anchors = re.findall(r'<a id="(c-\d+)"></a>', text)
    assert sorted(anchors) == sorted(f"c-{i}" for i in range(1, len(t.comments) + 1))
    thread_part = text.split("## The thread")[1].split("## Who replied")[0]
    items = [line for line in thread_part.splitlines() if line.lstrip().startswith("- ")]
    assert len(items) == len(t.comments)
    evidence = text.split("## Evidence appendix")[1]
    for i in range(1, len(t.comments) + 1):
        assert f"**[#{i}](#c-{i})" in evidence
    for c in t.comments:
        assert c.text.split()[0] in thread_part


def test_the_thread_list_nests_replies_under_their_parents():
    text = md(make_thread(BIKE_ROWS))
    lines = [line for line in text.split("## The thread")[1].splitlines() if "<a id=" in line]
    indent = {re.search(r'id="c-(\d+)"', line).group(1): len(line) - len(line.lstrip()) for line in lines}
    assert indent["1"] == 0 and indent["2"] == 2 and indent["3"] == 4 and indent["4"] == 2 and indent["6"] == 4
    assert indent["5"] == 0 and indent["7"] == 0
    # the parsed list has the same shape: comment 3 sits three lists deep
    tokens = parse_md(text)
    depth = 0
    found = {}
    for tok in tokens:
        if tok.type == "bullet_list_open":
            depth += 1
        elif tok.type == "bullet_list_close":
            depth -= 1
        elif tok.type == "html_inline" and "c-" in tok.content:
            found[re.search(r"c-(\d+)", tok.content).group(1)] = depth
    assert found["3"] - found["1"] == 2


def test_summary_counts_shares_polarisation_and_sentiment_trend():
    d = report_data(make_thread(BIKE_ROWS))
    s = d["summary"]
    assert (s["comments"], s["participants"], s["top_level"], s["replies"], s["max_depth"]) == (7, 5, 3, 4, 3)
    assert s["stance_counts"] == {"favor": 3, "against": 3, "none": 1}
    assert s["polarisation"]["balance"] == 1.0 and s["polarisation"]["stanced_share"] == round(6 / 7, 3)
    assert s["polarisation"]["cross_side_replies"] == 3 and s["polarisation"]["cross_side_disagreeing"] == 3
    sent = s["sentiment"]
    assert sent["order"] == "timestamp"
    assert sent["first_third"] == round((0.6 - 0.4) / 2, 3) and sent["last_third"] == round((-0.1 + 0.8) / 2, 3)
    assert sent["direction"] == "became more positive"
    assert sent["most_negative"]["number"] == "2" and sent["most_positive"]["number"] == "7"


def test_one_sided_thread_is_not_polarised():
    rows = [(f"x{i}", f"P{i}", None, "Protected lanes should be built because they are safe.", "favor", None, 0.3)
            for i in range(4)]
    p = report_data(make_thread(rows))["summary"]["polarisation"]
    assert p["index"] == 0.0 and p["level"] == "low"


def test_participants_table_has_replies_received_and_who_agreed_with_whom():
    d = report_data(make_thread(BIKE_ROWS))
    by = {p["label"]: p for p in d["participants"]}
    assert by["Alice"]["replies_received"] == 2  # Bob and Commenter A answered her
    assert by["Bob"]["disagreed_with"] == [{"id": by["Alice"]["id"], "label": "Alice", "count": 1},
                                           {"id": by["Commenter A"]["id"], "label": "Commenter A", "count": 1}]
    assert by["Commenter A"]["agreed_with"][0]["label"] == "Alice"
    assert by["Alice"]["mean_sentiment"] == 0.35 and by["Alice"]["stance"] == "favor"
    text = md(make_thread(BIKE_ROWS))
    table = text.split("## Participants")[1].split("## Who argued")[0]
    assert "| Bob | 2: [#2](#c-2), [#6](#c-6) | ▼ against | -0.25 | 1 | — | Alice ×1, Commenter A ×1 |" in table


def test_who_argued_what_quotes_claims_with_links_and_groups_key_points():
    d = report_data(make_thread(BIKE_ROWS))
    claims = {p["label"]: p["claims"] for p in d["claims"]}
    alice = [c["sentence"] for c in claims["Alice"]]
    assert "Protected lanes should be built everywhere because they save lives." in alice
    assert "I cycle daily." not in alice  # no claim marker, not central
    assert all(c["anchor"].startswith("c-") for cs in claims.values() for c in cs)
    favor = d["key_points"]["favor"]
    top = favor[0]
    assert top["participants"] == 2 and top["comments"] == 2  # Alice and Commenter A: protected lanes
    assert "protected" in top["terms"] or "lanes" in top["terms"]
    assert {r["number"] for r in top["comment_refs"]} == {"1", "4"}
    against_comments = sum(kp["comments"] for kp in d["key_points"]["against"])
    assert against_comments >= 3


def test_mermaid_graph_quotes_labels_colours_by_stance_and_counts_relations():
    text = md(make_thread(BIKE_ROWS))
    (block,) = mermaid_blocks(text)
    assert_mermaid_safe(block)
    assert "class p1,p3 favor" in block and "class p2,p4 against" in block
    assert 'p2 -->|"1 disagree"| p1' in block
    assert 'p3 -->|"1 agree"| p1' in block


def test_interaction_matrix_and_sentiment_arc():
    text = md(make_thread(BIKE_ROWS))
    inter = text.split("## Interactions")[1].split("## Sentiment arc")[0]
    assert "| Bob | 1✗ |  | 1✗ |" in inter
    arc = text.split("## Sentiment arc")[1].split("## Evidence")[0]
    assert arc.count("](#c-") == 7
    assert sparkline([-1.0, 0.0, 1.0]) == "▁▅█"
    assert len(sparkline([0.1] * 500)) == 60


def test_evidence_appendix_lists_every_cue():
    text = md(make_thread(BIKE_ROWS))
    ev = text.split("## Evidence appendix")[1]
    assert ev.count("stance\\_cue") == 7  # one stance cue per comment
    assert ev.count("relation\\_cue") == 4  # one per reply


def test_explain_adds_glosses_for_students():
    plain = md(make_thread(BIKE_ROWS))
    explained = md(make_thread(BIKE_ROWS), explain=True)
    assert "## Glossary for students" not in plain and "*Why:*" not in plain
    assert "## Glossary for students" in explained
    assert "argues against the thesis" in explained
    assert "*Why:* relation disagree" in explained


def test_markdown_parses_and_has_the_expected_sections():
    text = md(make_thread(BIKE_ROWS), explain=True)
    tokens = assert_inert(text, allowed_links=URL)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert headings == ["Summary", "Participants", "Who argued what", "The thread", "Who replied to whom",
                        "Interactions", "Sentiment arc", "Evidence appendix", "Glossary for students"]
    assert sum(1 for t in tokens if t.type == "table_open") >= 3
    assert sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h1") == 1


def test_output_is_deterministic_whatever_the_tag_order():
    t = make_thread(BIKE_ROWS)
    shuffled = replace(t, tags=dict(reversed(list(t.tags.items()))))
    assert md(t) == md(shuffled) == md(make_thread(BIKE_ROWS))
    assert thread_report(t, as_json=True) == thread_report(shuffled, as_json=True)


def test_json_carries_the_same_content():
    t = make_thread(BIKE_ROWS)
    data = json.loads(thread_report(t, as_json=True))
    assert data["schema"] == "debate.report/1"
    assert [c["id"] for c in data["comments"]] == ["a1", "b1", "a2", "c1", "b2", "d1", "e1"]
    assert {c["id"] for c in data["comments"]} == {c.id for c in t.comments}
    assert data["comments"][1]["relation"]["value"] == "disagree"
    assert data["comments"][1]["parent"]["number"] == "1"


def test_untagged_comments_and_flags_are_reported_not_dropped():
    t = make_thread(BIKE_ROWS)
    tags = dict(t.tags)
    del tags["e1"]
    comments = tuple(replace(c, flags=("deleted",), text="[deleted]") if c.id == "d1" else c for c in t.comments)
    t2 = replace(t, tags=tags, comments=comments)
    d = report_data(t2)
    assert d["summary"]["untagged"] == 1 and d["summary"]["flags"] == {"deleted": 1}
    # the deleted comment is listed but not counted in shares, polarisation or sentiment
    assert d["summary"]["counted"] == 6 and d["summary"]["not_counted"] == 1
    assert sum(d["summary"]["stance_counts"].values()) + d["summary"]["untagged"] == 6
    assert d["summary"]["sentiment"]["most_negative"]["number"] == "2"
    text = render(d)
    assert "1 deleted, removed, spam or pingback comment(s) are listed but not counted" in text
    assert text.count("<a id=") == 7
    assert "untagged" in text and "flags: deleted" in text


def test_empty_thread_reports_cleanly():
    t = make_thread([])
    text = md(t)
    assert "0 comment(s)" in text and "No comments." in text
    assert_inert(text, allowed_links=URL)


def test_deep_threads_stay_renderable():
    rows = [("r0", "P0", None, "Lanes should be built.", "favor", None, 0.1)]
    rows += [(f"r{i}", f"P{i % 2}", f"r{i - 1}", "No, you are wrong because of cost.", "against", "disagree", -0.2)
             for i in range(1, 40)]
    text = md(make_thread(rows))
    assert text.count("<a id=") == 40
    assert max(len(line) - len(line.lstrip()) for line in text.splitlines() if "<a id=" in line) <= 10
    assert_inert(text, allowed_links=URL)


# --- CLI --------------------------------------------------------------------------------


def _write(tmp_path, thread):
    path = tmp_path / f"{thread.id}.json"
    path.write_text(canonical.dumps(thread), encoding="utf-8")
    return path


def test_cli_writes_one_report_per_thread_into_a_directory(tmp_path):
    a = _write(tmp_path, make_thread(BIKE_ROWS, thread_id="bikes"))
    b = _write(tmp_path, make_thread(BIKE_ROWS[:3], thread_id="short"))
    out = tmp_path / "reports"
    result = runner.invoke(app, ["report", str(a), str(b), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["bikes.md", "short.md"]
    assert (out / "bikes.md").read_text(encoding="utf-8") == md(make_thread(BIKE_ROWS, thread_id="bikes"))


def test_cli_stdout_json_and_errors(tmp_path):
    a = _write(tmp_path, make_thread(BIKE_ROWS))
    result = runner.invoke(app, ["report", str(a), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["comments"] == 7
    result = runner.invoke(app, ["report", str(a), "-o", "-"])
    assert result.stdout.startswith("# Debate report: Cities should build protected bike lanes")
    missing = runner.invoke(app, ["report", str(tmp_path / "nope.json")])
    assert missing.exit_code == 1
    assert "nope.json" in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    help_ = runner.invoke(app, ["report", "--help"])
    assert "Example:" in help_.output and "--explain" in help_.output


def test_cli_single_file_output_refuses_several_threads(tmp_path):
    a = _write(tmp_path, make_thread(BIKE_ROWS, thread_id="one"))
    b = _write(tmp_path, make_thread(BIKE_ROWS, thread_id="two"))
    result = runner.invoke(app, ["report", str(a), str(b), "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 2 and "-o DIR" in result.stderr


def test_big_threads_cap_the_diagram_and_cluster_linearly(monkeypatch):
    import debate.report.keypoints as kp

    rows = [(f"c{i}", f"user{i % 40}", None if i < 40 else f"c{(i * 7) % i}",
             f"Lanes should be built because {['safety', 'rent', 'shops', 'winter'][i % 4]} matters {i}.",
             ["favor", "against"][i % 2], "disagree" if i >= 40 else None, 0.1) for i in range(400)]
    t = make_thread(rows)
    monkeypatch.setattr(kp, "AGGLOMERATIVE_MAX", 50)  # force the k-means path
    d1, d2 = report_data(t), report_data(t)
    assert d1 == d2  # deterministic (fixed random_state)
    for side in ("favor", "against"):
        counted = sum(p["sentences"] for p in d1["key_points"][side])
        assert counted == 200  # every claim sentence lands in exactly one key point
    g = d1["graph"]
    assert len(g["nodes"]) == 30 and g["omitted_participants"] == 10
    text = render(d1)
    (block,) = mermaid_blocks(text)
    assert_mermaid_safe(block)
    assert "left out of the diagram" in text
    assert text.count("<a id=") == 400


def test_the_report_lists_the_thesis_targets_and_the_side_read_for_each():
    from debate.model import Thesis

    t = make_thread(BIKE_ROWS)
    t = replace(t, thesis=Thesis("Leaf blowers should be banned in town", "title",
                                 targets=("Leaf blowers", "town")))
    data = report_data(t)
    assert data["thesis"]["target_sides"] == [
        {"name": "Leaf blowers", "side": "against", "why": "the thesis calls to ban it"},
        {"name": "town", "side": "unstated", "why": ""}]
    md = render(data)
    assert "**About:** **Leaf blowers** (▼ the thesis is against it: the thesis calls to ban it); **town**." in md
    # an article without a clear position: its targets are guesses, not shown
    vague = render(report_data(replace(t, thesis=replace(t.thesis, clear=False))))
    assert "**About:**" not in vague


def test_hostile_target_names_stay_inert():
    from debate.model import Thesis

    t = make_thread(BIKE_ROWS)
    evil = '<img src=x onerror=alert(1)> [x](javascript:alert(1))'
    t = replace(t, thesis=Thesis(f"{evil} should be banned", "title", targets=(evil,)))
    md = render(report_data(t))
    assert any(line.startswith("**About:** **&lt;img") for line in md.splitlines())
    assert_inert(md, allowed_links=URL)
