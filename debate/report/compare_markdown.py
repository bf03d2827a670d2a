"""Render the comparison data (`compare.compare_data`) as GitHub-flavoured Markdown."""

from __future__ import annotations

from typing import Any

from .escape import inline, table_cell
from .voices import CITED_WORK
from .markdown import STANCE_MARK, _num, _pct, _table, thesis_origin, voices_table

#: Key points per side shown for each thread (the JSON has all).
KEY_POINTS_SHOWN = 3
SIDES = ("favor", "against", "none")


def render(data: dict[str, Any]) -> str:
    items = data["threads"]
    out = [f"# Comparison of {len(items)} thread(s) and article(s)", ""]
    if data["thesis"]:
        out += ["**Thesis** (given, the same for every input):", "", f"> {inline(data['thesis'])}"]
    else:
        out.append("No common thesis was given: each input is judged against the thesis extracted from its "
                   "own article (shown in its section), so stances are comparable only within a row.")
    out += ["", "## Side by side", "", _overview(items), "", _sides(items)]
    out += ["", "## Participants in several threads", ""]
    if data["shared_participants"]:
        rows = []
        for p in data["shared_participants"]:
            where = "; ".join(f"[{x['key']}] {STANCE_MARK.get(x['stance'], x['stance'])}, {x['comments']} comment(s)"
                              for x in p["threads"])
            rows.append([table_cell(p["label"]), str(len({x['key'] for x in p['threads']})), where])
        out.append(_table(["Participant", "Threads", "Where (stance, comments)"], rows))
    else:
        out.append("No named participant appears in more than one thread.")
    for it in items:
        out += ["", _section(it, data["thesis"] is None)]
    return "\n".join(out).rstrip("\n") + "\n"


def _title(it: dict[str, Any]) -> str:
    return inline(it["article"]["title"] or it["thread"]["id"], 80)


def _stance(label: dict[str, Any] | None) -> str:
    if not label:
        return "—"
    return f"{STANCE_MARK.get(label['value'], inline(label['value']))} ({_num(label['score'], False)})"


def _overview(items: list[dict[str, Any]]) -> str:
    rows = []
    for it in items:
        s = it["summary"]
        vs = it["voice_stances"]
        voices = f"{len(it['voices'])}" + (": " + ", ".join(f"{v} {k}" for k, v in vs.items()) if vs else "")
        cited = sum(v.get("role") == CITED_WORK for v in it["voices"])
        if cited:
            voices += f" ({cited} cited work{'s' if cited > 1 else ''})"
        rows.append([
            f"[{it['key']}] {_title(it)}",
            table_cell(it["article"]["author"] or "—"),
            _stance(it["article_stance"]),
            voices,
            str(s["comments"]),
            str(s["participants"]),
            " / ".join(_pct(s["stance_shares"][k]) if s["comments"] else "—" for k in SIDES),
            _num(s["polarisation"]["index"], False) if s["comments"] else "—",
            _num(s["sentiment"]["mean"]),
            inline(s["sentiment"]["direction"]) if s["comments"] else "—",
        ])
    return _table(["Input", "Author", "Article's stance", "Voices quoted", "Comments", "Commenters",
                   "Comments ▲ / ▼ / ●", "Polarisation", "Mean sentiment", "Sentiment moved"], rows)


def _sides(items: list[dict[str, Any]]) -> str:
    rows = []
    for it in items:
        cells = [f"[{it['key']}]"]
        for side in SIDES:
            points = it["key_points"].get(side, [])
            if points:
                top = points[0]
                cells.append(f"{', '.join(inline(t) for t in top['terms']) or '—'} "
                             f"({top['participants']} participant(s), {top['comments']} comment(s))")
            else:
                cells.append("—")
        rows.append(cells)
    return "Main key point of each side (most participants):\n\n" + _table(
        ["Input", "▲ favor", "▼ against", "● no stance"], rows)


def _section(it: dict[str, Any], own_thesis: bool) -> str:
    a = it["article"]
    out = [f"## [{it['key']}] {_title(it)}", ""]
    facts = [f"source {table_cell(it['thread']['source'] or it['thread']['id'])}"]
    if a["author"]:
        facts.append(f"by {inline(a['author'])}")
    if a["date"]:
        facts.append(inline(a["date"]))
    facts.append(f"{a['words']} words")
    out.append("; ".join(facts) + ".")
    if own_thesis and it["thesis"]:
        out += ["", f"Thesis ({thesis_origin(it['thesis']['source'])}): {inline(it['thesis']['text'])}"]
    st = it["article_stance"]
    out += ["", f"**Article's stance:** {_stance(st)}"]
    if st and st["evidence"]:
        cues = "; ".join(f"{inline(e['cue'])} “{inline(e['text'], 60)}”" if e["text"] else inline(e["cue"])
                         for e in st["evidence"][:5])
        out[-1] += f" — cues: {cues}"
    out += ["", "### Voices quoted in the article", ""]
    if it["voices"]:
        out.append(voices_table(it["voices"]))
    else:
        out.append("No attributed quotation found.")
    out += ["", "### Commenters", ""]
    if it["commenters"]:
        rows = [[table_cell(c["label"]) + ("" if c["named"] else " *(unnamed)*"), str(c["comments"]),
                 STANCE_MARK.get(c["stance"], c["stance"]), _num(c["mean_sentiment"])] for c in it["commenters"]]
        out.append(_table(["Commenter", "Comments", "Stance", "Mean sentiment"], rows))
        out += ["", "Key points:", ""]
        for side in SIDES:
            points = it["key_points"].get(side, [])[:KEY_POINTS_SHOWN]
            if points:
                txt = "; ".join(f"**{', '.join(inline(t) for t in kp['terms']) or '—'}** "
                                f"({kp['participants']} participant(s), {kp['comments']} comment(s))"
                                for kp in points)
                out.append(f"- {STANCE_MARK[side]}: {txt}")
    else:
        out.append("No comments.")
    return "\n".join(out)
