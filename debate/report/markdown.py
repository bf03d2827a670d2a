"""Render a thread report (the dict from `data.report_data`) as GitHub-flavoured Markdown.

Formatting only: every number and sentence comes from the data. Untrusted text
goes through `escape` (inline/table/block); the only raw HTML emitted is the
empty named anchor of each comment, built from its position.
"""

from __future__ import annotations

from typing import Any

from . import mermaid
from .data import KEY_POINTS_SHOWN
from .escape import anchor, inline, table_cell, truncate

#: Length of a quoted claim sentence (characters): a long sentence is cut so one claim
#: cannot fill the section; the full sentence is in the thread list and the JSON.
CLAIM_CHARS = 300
#: Characters of a quoted voice (the JSON has the whole quote).
QUOTE_CHARS = 220
_QUOTE_MARKS = "“”\"'"
#: Per-comment rows in the sentiment arc table; longer threads are shown in buckets.
ARC_ROWS = 100
#: Characters of the sparkline (GitHub code spans wrap badly past about this width).
SPARK_WIDTH = 60
#: Evidence text shown per cue in the appendix.
CUE_CHARS = 80
#: Thread-list nesting shown as indentation; deeper replies stay at this level (their
#: "reply to #n" mark keeps the structure) so the list renders everywhere.
MAX_INDENT = 6
_SPARK = "▁▂▃▄▅▆▇█"
STANCE_MARK = {"favor": "▲ favor", "against": "▼ against", "none": "● no stance", "mixed": "◆ mixed",
               "untagged": "untagged"}
RELATION_MARK = {"agree": "✓ agrees", "disagree": "✗ disagrees", "neutral": "– neutral"}
SIDE_TITLE = {"favor": "For the thesis (favor)", "against": "Against the thesis",
              "none": "No stance taken"}


def render(data: dict[str, Any]) -> str:
    """The whole report as Markdown text, ending with one newline."""
    parts = [
        _header(data),
        _summary(data),
        _participants(data),
        _who_argued_what(data),
        _thread(data),
        _graph(data),
        _interactions(data),
        _arc(data),
        _evidence(data),
    ]
    if data["set_aside"]:
        parts.append(_set_aside(data))
    if "glossary" in data:
        parts.append(_glossary(data))
    return "\n\n".join(p.strip("\n") for p in parts if p) + "\n"


def _num(x: float | None, signed: bool = True) -> str:
    if x is None:
        return "—"
    x = round(x, 2) + 0.0  # no "-0.00"
    return f"{x:+.2f}" if signed else f"{x:.2f}"


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{round(100 * x)}%"


def _link(ref: dict[str, Any]) -> str:
    return f"[#{inline(ref['number'])}](#{ref['anchor']})"


def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


# --- header and summary ----------------------------------------------------------------


def _header(d: dict[str, Any]) -> str:
    a, th = d["article"], d["thread"]
    title = a["title"] or f"thread {th['id']}"
    rows = [["Article", table_cell(a["title"]) if a["title"] else "*(no title)*"],
            ["Author", table_cell(a["author"]) if a["author"] else "*(not stated)*"],
            ["Date", table_cell(a["date"]) if a["date"] else "*(not stated)*"],
            ["Address", _url(a["url"])],
            ["Source", f"{table_cell(th['source'] or th['id'])} ({table_cell(th['format'] or 'unknown format')})"
             + ("" if not th["source"] or th["source"].split(".")[0] == th["id"] else f", thread {table_cell(th['id'])}")]]
    for field, inf in a["inferred"].items():
        rows.append([f"{inline(field)} (inferred)",
                     f"cue {table_cell(inf['cue'])}, confidence {_num(inf['confidence'], False)}"])
    out = [f"# Debate report: {inline(title, 200)}", "", _table(["", ""], rows)]
    t = d["thesis"]
    out.append("")
    if t is None:
        out.append("**Thesis:** *(none: stance could not be judged)*")
    else:
        how = thesis_origin(t["source"])
        clear = {"title_report": " — the article reports it without arguing it: favor means for it",
                 "title_question": " — the article asks without answering: favor means yes"}.get(
            t["source"], "" if t["clear"] else " — the article takes no clear position, so stances are tentative")
        out.append(f"**Thesis** ({how}{clear}):")
        out.append("")
        out.append(f"> {inline(t['text'])}")
        for e in t.get("evidence", ()):
            if e["cue"] == "article_side":  # why the article counts for or against a given thesis
                out += ["", f"**The article:** {inline(e['text'], 300)}."]
        if t["target_sides"] and t["clear"]:  # (an unclear thesis is a topic: its targets are guesses)
            out += ["", "**About:** " + "; ".join(_target_phrase(x) for x in t["target_sides"]) + "."]
    if a["voices"]:
        out += ["", f"**Voices quoted in the article** ({len(a['voices'])}):", "", voices_table(a["voices"])]
    return "\n".join(out)


def _target_phrase(target: dict[str, str]) -> str:
    """"**homework** (▼ the thesis is against it: it calls to ban it)"."""
    name = f"**{inline(target['name'], 80)}**"
    if target["side"] == "unstated":
        return name + (f" ({inline(target['why'], 120)})" if target["why"] else "")
    side = "for it" if target["side"] == "favor" else "against it"
    why = f": {inline(target['why'], 120)}" if target["why"] else ""
    return f"{name} ({STANCE_MARK[target['side']].split()[0]} the thesis is {side}{why})"


def voices_table(voices: list[dict[str, Any]]) -> str:
    """Attributed quotations: speaker, role, stance, the quote (cut to QUOTE_CHARS)."""
    rows = []
    for v in voices:
        stance = v["stance"]
        mark = f"{STANCE_MARK.get(stance['value'], inline(stance['value']))} ({_num(stance['score'], False)})" \
            if stance else "—"
        quote = table_cell(v["quote"].strip(_QUOTE_MARKS), QUOTE_CHARS)
        rows.append([table_cell(v["speaker"], 60), table_cell(v["role"] or "—", 80), mark, f"“{quote}”"])
    return _table(["Speaker", "Role", "Stance", "Quote"], rows)


def _url(url: str | None) -> str:
    """The article address: a link only for a plain http(s) URL, else inert text."""
    if not url:
        return "*(not stated)*"
    import re

    if re.fullmatch(r"https?://[A-Za-z0-9.\-]+(?::\d+)?(?:/[A-Za-z0-9._~!$&'*+,;=:@%/\-]*)?"
                    r"(?:\?[A-Za-z0-9._~!$&'*+,;=:@%/?\-]*)?", url) and not re.search(r"[()<>\[\]|`\\\"]", url):
        return f"<{url}>"
    return table_cell(url)


def _summary(d: dict[str, Any]) -> str:
    s = d["summary"]
    n = s["comments"]
    out = ["## Summary", ""]
    out.append(f"- **{n} comment(s)** by **{s['participants']} participant(s)**: {s['top_level']} answer the "
               f"article directly, {s['replies']} reply to another comment; the longest reply chain is "
               f"{s['max_depth']} level(s) deep.")
    if n:
        shares = ", ".join(f"{STANCE_MARK[k]} {_pct(s['stance_shares'][k])} ({s['stance_counts'][k]})"
                           for k in s["stance_counts"])
        untagged = f"; {s['untagged']} not tagged" if s["untagged"] else ""
        of = "the comments"
        if s["not_counted"]:
            of = (f"the {s['counted']} comments in the discussion ({s['not_counted']} deleted, removed, spam or "
                  f"pingback comment(s) are listed but not counted here, in polarisation or in sentiment)")
        out.append(f"- **Each side's share** of {of}: {shares}{untagged}.")
        ps = ", ".join(f"{STANCE_MARK.get(k, k)} {v}" for k, v in s["participant_stances"].items())
        out.append(f"- **Participants' overall stance** (majority of their comments): {ps}.")
        p = s["polarisation"]
        out.append(f"- **Polarisation**: {_num(p['index'], False)} ({p['level']}) — {_pct(p['stanced_share'])} of "
                   f"the comments take a side, and the two sides balance at {_num(p['balance'], False)} "
                   f"(1 = equal); {p['cross_side_disagreeing']} of {p['cross_side_replies']} replies across "
                   f"sides disagree.")
        m = s["sentiment"]
        line = f"- **Sentiment** (VADER compound, −1 to +1): mean {_num(m['mean'])}"
        if m["change"] is not None:
            line += (f"; from {_num(m['first_third'])} in the first third to {_num(m['last_third'])} in the "
                     f"last third (in {m['order'].replace('timestamp', 'time').replace(' order', '')} order): it **{m['direction']}**")
        else:
            line += f"; {m['direction']} to see a trend" if m["mean"] is not None else "; no comment has a score"
        if m.get("most_negative"):
            line += f". Most negative: {_link(m['most_negative'])}; most positive: {_link(m['most_positive'])}"
        out.append(line + ".")
        if s["relation_counts"]:
            rel = ", ".join(f"{RELATION_MARK.get(k, k)} {v}" for k, v in s["relation_counts"].items())
            out.append(f"- **Replies** to another comment: {rel}.")
    if s["flags"]:
        out.append("- **Flagged comments** (kept, and listed below): "
                   + ", ".join(f"{inline(k)} {v}" for k, v in s["flags"].items()) + ".")
    if s["stats"]["not_loaded"]:
        out.append(f"- The source announced {s['stats']['not_loaded']} more comment(s) it did not include.")
    if s["set_aside"]:
        out.append("- **Set aside from the page** (not analysed, listed at the end): "
                   + ", ".join(f"{inline(k)} {v}" for k, v in s["set_aside"].items()) + ".")
    if d["thread"]["structure_inferred"] and n:
        out.append("- The page listed comments flat: **who replied to whom was inferred** (cues in the "
                   "evidence appendix).")
    return "\n".join(out)


def _participants(d: dict[str, Any]) -> str:
    rows = []
    for p in d["participants"]:
        name = table_cell(p["label"]) + (" (article author)" if p["is_article_author"] else "")
        if not p["named"]:
            name += " *(unnamed)*"
        counts = ", ".join(f"{v} {k}" for k, v in p["stance_counts"].items())
        counts = f" ({counts})" if len(p["stance_counts"]) > 1 else ""
        rows.append([
            name,
            f"{len(p['comments'])}: " + ", ".join(_link(r) for r in p["comments"]),
            f"{STANCE_MARK.get(p['stance'], p['stance'])}{counts}",
            _num(p["mean_sentiment"]),
            str(p["replies_received"]),
            _people(p["agreed_with"]),
            _people(p["disagreed_with"]),
        ])
    head = ["Participant", "Comments", "Stance", "Mean sentiment", "Replies received", "Agreed with",
            "Disagreed with"]
    if not rows:
        return "## Participants\n\nNobody commented."
    return "## Participants\n\n" + _table(head, rows)


def _people(rows: list[dict[str, Any]]) -> str:
    return ", ".join(f"{table_cell(r['label'])} ×{r['count']}" for r in rows) or "—"


# --- who argued what -------------------------------------------------------------------


def _claim_line(c: dict[str, Any]) -> str:
    markers = ", ".join(inline(m["words"]) for m in c["markers"])
    tail = f" *(claim marker: {markers})*" if markers else " *(no claim marker; most central sentence)*"
    return f"“{inline(c['sentence'], CLAIM_CHARS)}” — {_link(c)}{tail}"


def _who_argued_what(d: dict[str, Any]) -> str:
    out = ["## Who argued what", "", "### Main claims of each participant", ""]
    stance = {p["id"]: p["stance"] for p in d["participants"]}
    any_claim = False
    for p in d["claims"]:
        if not p["claims"]:
            continue
        any_claim = True
        out.append(f"- **{inline(p['label'])}** ({STANCE_MARK.get(stance.get(p['id']), '')}):")
        for c in p["claims"]:
            out.append(f"  - {_claim_line(c)}")
    if not any_claim:
        out.append("No comment has a sentence long enough to state a claim.")
    out += ["", "### Key points of each side", "",
            "Claim sentences of each side grouped by shared vocabulary; each group is named by its most "
            "characteristic terms."]
    for side, points in d["key_points"].items():
        out += ["", f"#### {SIDE_TITLE.get(side, inline(side))}", ""]
        if not points:
            out.append("No claims on this side.")
            continue
        for i, kp in enumerate(points[:KEY_POINTS_SHOWN], 1):
            terms = ", ".join(inline(t) for t in kp["terms"]) or "(no shared terms)"
            refs = ", ".join(_link(r) for r in kp["comment_refs"])
            out.append(f"{i}. **{terms}** — {kp['participants']} participant(s), {kp['comments']} comment(s) "
                       f"({refs}): “{inline(kp['example']['sentence'], CLAIM_CHARS)}”")
        rest = points[KEY_POINTS_SHOWN:]
        if rest:
            refs = {r["anchor"]: r for kp in rest for r in kp["comment_refs"]}
            ordered = sorted(refs.values(), key=lambda r: int(r["anchor"].split("-")[1]))
            out += ["", f"{len(rest)} more point(s) (the JSON lists them), in " + ", ".join(_link(r) for r in ordered)
                    + "."]
    return "\n".join(out)


# --- the thread ------------------------------------------------------------------------


def _marks(c: dict[str, Any]) -> str:
    bits = []
    if c["stance"]:
        bits.append(STANCE_MARK.get(c["stance"]["value"], inline(c["stance"]["value"])))
    else:
        bits.append("untagged")
    if c["parent"]:
        rel = RELATION_MARK.get(c["relation"]["value"], "") if c["relation"] else "relation untagged"
        bits.append(f"{rel} ↩ {_link(c['parent'])} {inline(c['parent_label'])}".replace("  ", " "))
    if c["sentiment"]:
        bits.append(f"sentiment {_num(c['sentiment']['compound'])} {c['sentiment']['label']}")
    if c["acts"]:
        bits.append("acts: " + ", ".join(inline(a["value"]) for a in c["acts"]))
    if c["flags"]:
        bits.append("flags: " + ", ".join(inline(f) for f in c["flags"]))
    if "parent" in c["inferred"]:
        bits.append("reply inferred")
    return " · ".join(bits)


def _thread(d: dict[str, Any]) -> str:
    out = ["## The thread", ""]
    if not d["comments"]:
        return "## The thread\n\nNo comments."
    out.append("Every comment in reply order. ▲ favors the thesis, ▼ argues against it, ● takes no stance; "
               "✓/✗ agrees/disagrees with the comment it answers (↩); sentiment is VADER's compound score.")
    out.append("")
    for c in d["comments"]:
        indent = "  " * (min(c["depth"], MAX_INDENT) - 1)
        excerpt = inline(c["excerpt"]) or "*(no text)*"
        out.append(f"{indent}- {anchor(c['index'])}**#{inline(c['number'])}** **{inline(c['label'])}** "
                   f"({_marks(c)}): {excerpt}")
    return "\n".join(out)


def _graph(d: dict[str, Any]) -> str:
    g = d["graph"]
    if not g["nodes"]:
        return ""
    out = ["## Who replied to whom", "", "```mermaid", mermaid.diagram(g, d["article"]["title"]), "```", "",
           f"Colours: {mermaid.LEGEND}. Arrow labels count replies by relation."]
    if g["omitted_participants"]:
        out.append(f"{g['omitted_participants']} less active participant(s) are left out of the diagram "
                   f"(they are in the tables).")
    if g["omitted_edges"]:
        out.append(f"{g['omitted_edges']} less frequent reply pair(s) are left out of the diagram (see "
                   f"Interactions).")
    return "\n".join(out)


def _interactions(d: dict[str, Any]) -> str:
    rows = d["interactions"]
    out = ["## Interactions", ""]
    if not rows:
        return "## Interactions\n\nNobody replied to another comment."
    out.append("Who replied to whom, and whether they agreed (✓), disagreed (✗) or neither (–).")
    out.append("")
    seen: dict[str, str] = {}
    for r in rows:
        seen.setdefault(r["from"], r["from_label"])
        seen.setdefault(r["to"], r["to_label"])
    people = list(seen.items())
    if len(people) <= 12:
        cell = {(r["from"], r["to"]): r for r in rows}
        head = ["replier ↓ / replied to →"] + [table_cell(lab, 30) for _, lab in people]
        table = []
        for pid, lab in people:
            line = [table_cell(lab, 30)]
            for qid, _ in people:
                r = cell.get((pid, qid))
                line.append(_counts(r) if r else "")
            table.append(line)
        out.append(_table(head, table))
    else:
        out.append(_table(["From", "To", "Replies", "✓", "✗", "–", "untagged"],
                          [[table_cell(r["from_label"]), table_cell(r["to_label"]), str(r["replies"]),
                            str(r["agree"]), str(r["disagree"]), str(r["neutral"]), str(r["untagged"])]
                           for r in rows]))
    return "\n".join(out)


def _counts(r: dict[str, Any]) -> str:
    bits = [f"{r['agree']}✓" if r["agree"] else "", f"{r['disagree']}✗" if r["disagree"] else "",
            f"{r['neutral']}–" if r["neutral"] else "", f"{r['untagged']}?" if r["untagged"] else ""]
    return " ".join(b for b in bits if b)


def _arc(d: dict[str, Any]) -> str:
    pts = d["arc"]["points"]
    values = [p["compound"] for p in pts if p["compound"] is not None and p["counted"]]
    if not values:
        return "## Sentiment arc\n\nNo sentiment scores."
    out = ["## Sentiment arc", "", f"Comments in {d['arc']['order'].replace('timestamp', 'time')} order, VADER compound from −1 (▁) to +1 (█):",
           "", f"`{sparkline(values)}`", ""]
    if len(pts) <= ARC_ROWS:
        timed = d["arc"]["order"] == "timestamp"
        rows = [[_link(p)] + ([table_cell(p["timestamp"])] if timed else []) +
                [table_cell(p["label"], 40), _num(p["compound"]), _bar(p["compound"]),
                 STANCE_MARK.get(p["stance"] or "untagged", "") if p["counted"] else "not counted (flagged)"]
                for p in pts]
        out.append(_table(["Comment"] + (["Time (UTC)"] if timed else []) + ["By", "Compound", "", "Stance"], rows))
    else:
        size = -(-len(pts) // ARC_ROWS)
        rows = []
        for i in range(0, len(pts), size):
            chunk = pts[i:i + size]
            vals = [p["compound"] for p in chunk if p["compound"] is not None and p["counted"]]
            mean = round(sum(vals) / len(vals), 3) if vals else None
            rows.append([f"{_link(chunk[0])} – {_link(chunk[-1])}", str(len(chunk)), _num(mean), _bar(mean)])
        out.append(_table(["Comments", "Count", "Mean compound", ""], rows))
    return "\n".join(out)


def sparkline(values: list[float], width: int = SPARK_WIDTH) -> str:
    """Values in [-1, 1] as block characters; averaged into `width` buckets when longer."""
    if len(values) > width:
        size = len(values) / width
        values = [sum(chunk) / len(chunk) for i in range(width)
                  for chunk in [values[int(i * size):max(int((i + 1) * size), int(i * size) + 1)]]]
    return "".join(_SPARK[min(len(_SPARK) - 1, int((v + 1) / 2 * len(_SPARK)))] for v in values)


def _bar(v: float | None) -> str:
    if v is None:
        return ""
    n = round(abs(v) * 10)
    return ("−" if v < 0 else "+") + "█" * n if n else "·"


# --- evidence -----------------------------------------------------------------------


def _cues(label: dict[str, Any]) -> str:
    if not label["evidence"]:
        return "no cue (default)"
    bits = []
    for e in label["evidence"]:
        text = f" “{inline(e['text'], CUE_CHARS)}”" if e["text"] else ""
        bits.append(f"{inline(e['cue'])}{text} ({_num(e['weight'])})")
    return "; ".join(bits)


def _evidence(d: dict[str, Any]) -> str:
    out = ["## Evidence appendix", "",
           "The cues behind every tag, so any label can be checked. Score = the tagger's confidence; "
           "“decided by” names the step that settled it."]
    t = d["thesis"]
    if t and t["evidence"]:
        out += ["", "**Thesis:** " + "; ".join(f"{inline(e['cue'])} “{inline(e['text'], CUE_CHARS)}”"
                                             for e in t["evidence"])]
    for c in d["comments"]:
        out += ["", f"**{_link(c)} {inline(c['label'])}**", ""]
        lines = []
        for kind in ("stance", "relation"):
            lab = c[kind]
            if lab:
                lines.append(f"- {kind} **{inline(lab['value'])}** (score {_num(lab['score'], False)}, decided by "
                             f"{inline(lab['decided_by'])}): {_cues(lab)}")
        for a in c["acts"]:
            lines.append(f"- act **{inline(a['value'])}** (score {_num(a['score'], False)}): {_cues(a)}")
        s = c["sentiment"]
        if s:
            sent = f"- sentiment **{s['label']}** (compound {_num(s['compound'])}; pos {_num(s['pos'], False)}, " \
                   f"neu {_num(s['neu'], False)}, neg {_num(s['neg'], False)})"
            strongest = sorted(s["sentences"], key=lambda x: (-abs(x["compound"]), x["text"]))[:2]
            if len(s["sentences"]) > 1 and strongest and strongest[0]["compound"]:
                sent += "; strongest sentence(s): " + "; ".join(
                    f"“{inline(x['text'], CUE_CHARS)}” ({_num(x['compound'])})" for x in strongest if x["compound"])
            lines.append(sent)
        for field, inf in c["inferred"].items():
            ev = f" on “{inline(inf['evidence'], CUE_CHARS)}”" if inf["evidence"] else ""
            lines.append(f"- {inline(field)} inferred by cue {inline(inf['cue'])}{ev} "
                         f"(confidence {_num(inf['confidence'], False)})")
        for why in c.get("explain", []):
            lines.append(f"- *Why:* {inline(why)}")
        if not lines:
            lines.append("- not tagged")
        out += lines
    return "\n".join(out)


def _set_aside(d: dict[str, Any]) -> str:
    rows = [[table_cell(s["kind"]), str(s["line"]) if s["line"] is not None else "—",
             table_cell(truncate(s["text"], 120))] for s in d["set_aside"]]
    return ("## Set aside from the page\n\nPage furniture kept out of the analysed text.\n\n"
            + _table(["Kind", "Line", "Text"], rows))


def _glossary(d: dict[str, Any]) -> str:
    g = d["glossary"]
    out = ["## Glossary for students", "", "What the labels in this report mean.", ""]
    names = {"stance": "Stance toward the thesis", "relation": "Relation to the comment replied to",
             "act": "Discourse acts", "sentiment": "Sentiment of the wording"}
    for kind, rows in g["labels"].items():
        if rows:
            out.append(f"- **{names[kind]}**: " + "; ".join(f"*{inline(r['value'])}* — {inline(r['meaning'])}"
                                                             for r in rows) + ".")
    out += [f"- **Cues**: {inline(g['cues'])}", f"- **Polarisation**: {inline(g['polarisation'])}"]
    if g["cues_fired"]:
        out += ["", "The cues that fired in this thread:", "", "| Cue | What it means | Times |", "| --- | --- | --- |"]
        out += [f"| {table_cell(c['cue'])} | {table_cell(c['meaning'])} | {c['times']} |" for c in g["cues_fired"]]
    return "\n".join(out)


#: How a thesis came to be, by its `source`, for readers (other sources name a place in the article).
_ORIGIN = {"given": "given by the user", "title_report": "the proposal or decision the title reports",
           "title_question": "the title's question, stated as a claim"}


def thesis_origin(source: str) -> str:
    """Where a thesis comes from, in words: "given by the user", "extracted from the lead", ..."""
    return _ORIGIN.get(source, f"extracted from the {inline(source)}")
