"""The thread as replies: every comment in reply order, who replied to whom, the sentiment arc.

Part of the report data (see `data.report_data`): the nested comment list with every tag and its
evidence, the graph for the Mermaid diagram, the complete replier x replied-to pairs, and the
comments in time order with their sentiment.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .. import tree
from ..model import CommentTags
from . import explain as ex
from .context import Context, label_dict, participant_stance, rnd, timeline
from .escape import truncate

#: Participants in the reply diagram; beyond this the diagram is unreadable on GitHub, so the
#: least active are left out of the picture (and counted in a note; the tables keep everyone).
GRAPH_MAX_PARTICIPANTS = 30
#: Arrows in the diagram; Mermaid refuses more than 500 by default (its maxEdges setting), and far
#: fewer stay legible, so the most frequent pairs are drawn and the rest counted in a note.
GRAPH_MAX_EDGES = 120


def comments(ctx: Context, explain: bool) -> list[dict[str, Any]]:
    out = []
    for c, depth in tree.walk(ctx.thread):
        t = ctx.tags(c)
        parent = ctx.by_id.get(c.parent) if c.parent else None
        row: dict[str, Any] = {
            **ctx.ref(c), "index": ctx.index[c.id], "depth": depth,
            "author": c.author, "participant": c.speaker, "label": ctx.who(c),
            "parent": ctx.ref(parent) if parent else None,
            "parent_label": ctx.who(parent) if parent else None,
            "timestamp": c.timestamp, "flags": list(c.flags),
            "text": c.text, "excerpt": truncate(c.text),
            "inferred": {k: {"cue": v.cue, "confidence": rnd(v.confidence), "evidence": v.evidence,
                             "note": v.note}
                         for k, v in sorted(c.inferred.items())},
            "stance": label_dict(t.stance) if t and t.stance else None,
            "relation": label_dict(t.relation) if t and t.relation else None,
            "acts": [label_dict(a) for a in t.acts] if t else [],
            "sentiment": _sentiment(t) if t else None,
        }
        if explain and t:
            row["explain"] = _explanations(t)
        out.append(row)
    return out


def _sentiment(t: CommentTags) -> dict[str, Any] | None:
    s = t.sentiment
    if s is None:
        return None
    return {"compound": rnd(s.compound), "pos": rnd(s.pos), "neu": rnd(s.neu), "neg": rnd(s.neg), "label": s.label,
            "sentences": [{"text": x.text, "compound": rnd(x.compound), "label": x.label} for x in s.sentences]}


def _explanations(t: CommentTags) -> list[str]:
    out = []
    if t.stance:
        out.append(ex.why("stance", t.stance))
    if t.relation:
        out.append(ex.why("relation", t.relation))
    for a in t.acts:
        out.append(ex.why("act", a))
    if t.sentiment:
        s = t.sentiment
        out.append(f"sentiment {s.label}: {ex.gloss('sentiment', s.label)}; VADER compound {s.compound:+.3f} "
                   f"from the share of positive ({s.pos:.2f}), neutral ({s.neu:.2f}) and negative "
                   f"({s.neg:.2f}) wording.")
    return out


def graph(ctx: Context) -> dict[str, Any]:
    """Who replied to whom: participants as nodes (with stance), reply counts as edges."""
    parts = _participants_order(ctx)
    shown = parts[:GRAPH_MAX_PARTICIPANTS]
    shown_ids = {p.id for p in shown}
    edges: dict[tuple[str, str], Counter] = {}
    to_article: Counter = Counter()
    for c in ctx.thread.comments:
        me = ctx.speaker(c)
        if me not in shown_ids:
            continue
        if c.parent is None or c.parent not in ctx.by_id:
            to_article[me] += 1
            continue
        them = ctx.speaker(ctx.by_id[c.parent])
        if them not in shown_ids:
            continue
        edges.setdefault((me, them), Counter())[ctx.relation(c) or "untagged"] += 1
    nodes = [{"id": p.id, "label": p.label, "stance": participant_stance(ctx, p.comments)[0],
              "comments": len(p.comments)} for p in shown]
    order = _order(shown)
    ranked = sorted(edges.items(), key=lambda kv: (-sum(kv[1].values()), order(kv[0][0]), order(kv[0][1])))
    kept = sorted(ranked[:GRAPH_MAX_EDGES], key=lambda kv: (order(kv[0][0]), order(kv[0][1])))
    return {
        "nodes": nodes,
        "article_replies": [{"from": pid, "count": to_article[pid]} for pid in sorted(to_article, key=order)],
        "edges": [{"from": a, "to": b, "count": sum(cnt.values()),
                   **{k: cnt.get(k, 0) for k in ("agree", "disagree", "neutral", "untagged")}}
                  for (a, b), cnt in kept],
        "omitted_participants": len(parts) - len(shown),
        "omitted_edges": len(ranked) - len(kept),
    }


def _participants_order(ctx: Context):
    """Most active first, then order of appearance (stable, deterministic)."""
    pos = {p.id: i for i, p in enumerate(ctx.thread.participants)}
    return sorted(ctx.thread.participants, key=lambda p: (-len(p.comments), pos[p.id]))


def _order(shown):
    pos = {p.id: i for i, p in enumerate(shown)}
    return lambda pid: pos.get(pid, len(pos))


def interactions(ctx: Context) -> list[dict[str, Any]]:
    """Every (replier, replied-to) pair with its reply count and relations; complete (no cap)."""
    pairs: dict[tuple[str, str], Counter] = {}
    for c in ctx.thread.comments:
        parent = ctx.by_id.get(c.parent) if c.parent else None
        if parent is None:
            continue
        pairs.setdefault((ctx.speaker(c), ctx.speaker(parent)), Counter())[ctx.relation(c) or "untagged"] += 1
    pos = {p.id: i for i, p in enumerate(ctx.thread.participants)}
    rows = []
    for (a, b), cnt in pairs.items():
        rows.append({"from": a, "from_label": ctx.labels.get(a, a), "to": b, "to_label": ctx.labels.get(b, b),
                     "replies": sum(cnt.values()),
                     **{k: cnt.get(k, 0) for k in ("agree", "disagree", "neutral", "untagged")}})
    rows.sort(key=lambda r: (pos.get(r["from"], len(pos)), pos.get(r["to"], len(pos)), r["from"], r["to"]))
    return rows


def arc(ctx: Context) -> dict[str, Any]:
    ordered, basis = timeline(ctx)
    points = []
    for c in ordered:
        points.append({**ctx.ref(c), "label": ctx.who(c), "compound": rnd(ctx.compound(c)),
                       "sentiment": (ctx.tags(c).sentiment.label if ctx.tags(c) and ctx.tags(c).sentiment
                                     else None),
                       "stance": ctx.stance(c), "timestamp": c.timestamp, "counted": c.id in ctx.counted})
    return {"order": basis, "points": points}
