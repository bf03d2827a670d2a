"""The content of a thread report as plain data (what `--json` writes and Markdown renders).

Everything a report says is computed here, once, from a tagged Thread: the
summary, participants, who argued what, the thread in reply order, who replied
to whom, the sentiment arc and the evidence behind every tag. The Markdown
renderer only formats this dict, so `debate report --json` and the Markdown
page always carry the same content. Pure and deterministic: no clock, no
randomness, sorted wherever order could vary, floats rounded.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from .. import tree
from ..model import STANCES, Comment, CommentTags, Label, Thread
from . import claims as claims_mod
from .claims import NOT_DISCUSSION
from . import explain as ex
from .escape import anchor_id, truncate
from .keypoints import key_points

SCHEMA = "debate.report/1"
#: Rounding of every score in the report (3 decimals: VADER's own precision is 4, and the
#: report compares values, it does not compute with them).
DIGITS = 3
#: Mean-sentiment change (first third vs last third) below which the thread "stayed level":
#: twice VADER's neutral band of +-0.05 (Hutto & Gilbert 2014), so a change must exceed
#: the width of "neutral" to count.
SENTIMENT_SHIFT = 0.1
#: Polarisation levels: index < 0.33 low, < 0.66 moderate, else high (even thirds of [0, 1]).
POLARISATION_LEVELS = ((0.33, "low"), (0.66, "moderate"), (1.01, "high"))
#: Participants in the reply diagram; beyond this the diagram is unreadable on GitHub, so the
#: least active are left out of the picture (and counted in a note; the tables keep everyone).
GRAPH_MAX_PARTICIPANTS = 30
#: Arrows in the diagram; Mermaid refuses more than 500 by default (its maxEdges setting), and far
#: fewer stay legible, so the most frequent pairs are drawn and the rest counted in a note.
GRAPH_MAX_EDGES = 120
#: Key points listed per side in the Markdown (the JSON has all).
KEY_POINTS_SHOWN = 5
POLARISATION_GLOSS = (
    "Polarisation = (share of comments that take a side) x (1 - |favor - against| / (favor + against)). "
    "It is 1 when every comment takes a side and both sides are equally large, and 0 when nobody "
    "takes a side or everybody takes the same one."
)


def ensure_tagged(thread: Thread, thesis: str | None = None, model: Any = None) -> Thread:
    """The thread with tags: as given when it is already tagged for this thesis, else tagged now.

    `model`: a trained stance model, or the path of one saved by `debate train`.
    """
    tagged = thread.thesis is not None and all(c.id in thread.tags for c in thread.comments)
    same_thesis = thesis is None or (thread.thesis is not None and thread.thesis.text == thesis)
    if tagged and same_thesis and model is None:
        return thread
    from ..tag import tag_thread

    if isinstance(model, (str, Path)):
        from ..tag.supervised import load

        model = load(Path(model))
    return tag_thread(thread, thesis=thesis, model=model)


def report_data(thread: Thread, *, explain: bool = False) -> dict[str, Any]:
    """All the content of one thread's report, JSON-ready. `thread` should already be tagged."""
    ctx = _Context(thread)
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "thread": {
            "id": thread.id,
            "source": Path(thread.source_path).name if thread.source_path else None,
            "format": thread.source_format,
            "order": thread.order,
            "structure_inferred": thread.structure_inferred,
        },
        "article": _article(thread),
        "thesis": _thesis(thread),
        "summary": _summary(ctx),
        "participants": _participants(ctx),
        "comments": _comments(ctx, explain),
    }
    data.update(_who_argued_what(ctx))
    data["graph"] = _graph(ctx)
    data["interactions"] = _interactions(ctx)
    data["arc"] = _arc(ctx)
    data["set_aside"] = [{"kind": s.kind, "line": s.line, "text": s.text} for s in thread.set_aside]
    if explain:
        data["glossary"] = _glossary(ctx)
    return data


class _Context:
    """Lookups every section needs, computed once."""

    def __init__(self, thread: Thread):
        self.thread = thread
        self.index = {c.id: i for i, c in enumerate(thread.comments, 1)}
        self.by_id = thread.by_id()
        self.depth = tree.depths(thread)
        self.participants = {p.id: p for p in thread.participants}
        self.labels = {p.id: p.label for p in thread.participants}
        self._anon: dict[str, str] = {}
        #: Comments that take part in the discussion: deleted, spam, pingbacks... are listed but not
        #: counted in shares, polarisation or sentiment (their "[deleted]" text says nothing).
        self.discussion = [c for c in thread.comments if not NOT_DISCUSSION & set(c.flags)]
        self.counted = {c.id for c in self.discussion}

    def tags(self, c: Comment) -> CommentTags | None:
        return self.thread.tags.get(c.id)

    def who(self, c: Comment) -> str:
        if c.speaker and c.speaker in self.labels:
            return self.labels[c.speaker]
        if c.author:
            return c.author
        return self._anon.setdefault(c.id, tree.placeholder(len(self.labels) + len(self._anon)))

    def speaker(self, c: Comment) -> str:
        return c.speaker or f"comment:{c.id}"

    def number(self, c: Comment) -> str:
        return c.number or str(self.index[c.id])

    def ref(self, c: Comment) -> dict[str, Any]:
        return {"id": c.id, "number": self.number(c), "anchor": anchor_id(self.index[c.id])}

    def stance(self, c: Comment) -> str | None:
        t = self.tags(c)
        return t.stance.value if t and t.stance else None

    def relation(self, c: Comment) -> str | None:
        t = self.tags(c)
        return t.relation.value if t and t.relation else None

    def compound(self, c: Comment) -> float | None:
        t = self.tags(c)
        return t.sentiment.compound if t and t.sentiment else None


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), DIGITS) + 0.0  # +0.0 turns -0.0 into 0.0


def _mean(xs: list[float]) -> float | None:
    return _r(sum(xs) / len(xs)) if xs else None


def _article(thread: Thread) -> dict[str, Any]:
    a = thread.article
    return {
        "title": a.title, "author": a.author, "date": a.date, "url": a.url,
        "words": len(a.text.split()),
        "inferred": {k: {"cue": v.cue, "confidence": _r(v.confidence), "evidence": v.evidence}
                     for k, v in sorted(a.inferred.items())},
        "voices": [
            {"speaker": v.speaker, "role": v.role, "quote": v.quote,
             "stance": _label(v.stance) if v.stance else None}
            for v in thread.voices
        ],
    }


def _thesis(thread: Thread) -> dict[str, Any] | None:
    t = thread.thesis
    if t is None:
        return None
    return {"text": t.text, "source": t.source, "clear": t.clear, "targets": list(t.targets),
            "evidence": [_evidence(e) for e in t.evidence]}


def _evidence(e) -> dict[str, Any]:
    return {"cue": e.cue, "text": e.text, "weight": _r(e.weight)}


def _label(label: Label) -> dict[str, Any]:
    return {"value": label.value, "score": _r(label.score), "decided_by": label.decided_by,
            "evidence": [_evidence(e) for e in label.evidence]}


# --- summary ---------------------------------------------------------------------------


def _summary(ctx: _Context) -> dict[str, Any]:
    t = ctx.thread
    comments = t.comments
    stances = Counter(ctx.stance(c) or "untagged" for c in ctx.discussion)
    relations = Counter(ctx.relation(c) or "untagged" for c in ctx.discussion if c.parent is not None)
    flags = Counter(f for c in comments for f in c.flags)
    n = len(ctx.discussion)
    shares = {s: _r(stances.get(s, 0) / n) if n else 0.0 for s in STANCES}
    return {
        "comments": len(comments),
        "counted": n,
        "not_counted": len(comments) - n,
        "participants": len(t.participants),
        "top_level": sum(1 for c in comments if c.parent is None),
        "replies": sum(1 for c in comments if c.parent is not None),
        "max_depth": max(ctx.depth.values(), default=0),
        "untagged": stances.get("untagged", 0),
        "stance_counts": {s: stances.get(s, 0) for s in STANCES},
        "stance_shares": shares,
        "participant_stances": dict(sorted(Counter(_participant_stance(ctx, p.comments)[0]
                                                   for p in t.participants).items())),
        "relation_counts": {k: relations[k] for k in sorted(relations)},
        "flags": {k: flags[k] for k in sorted(flags)},
        "polarisation": _polarisation(ctx),
        "sentiment": _sentiment_shift(ctx),
        "set_aside": dict(sorted(Counter(s.kind for s in t.set_aside).items())),
        "stats": {"loaded": t.stats.loaded, "deleted": t.stats.deleted, "spam": t.stats.spam,
                  "not_loaded": t.stats.not_loaded, "orphaned": t.stats.orphaned,
                  "repaired": t.stats.repaired, "pingbacks": t.stats.pingbacks},
    }


def _polarisation(ctx: _Context) -> dict[str, Any]:
    """How split the thread is: (share of comments taking a side) x (balance between the sides).

    1 = every comment takes a side and the sides are equal; 0 = nobody takes a side, or
    everyone takes the same one. Also: of the replies that cross sides, how many disagree.
    """
    comments = ctx.discussion
    favor = sum(1 for c in comments if ctx.stance(c) == "favor")
    against = sum(1 for c in comments if ctx.stance(c) == "against")
    sided = favor + against
    stanced_share = sided / len(comments) if comments else 0.0
    balance = 1 - abs(favor - against) / sided if sided else 0.0
    index = stanced_share * balance
    level = next(name for bound, name in POLARISATION_LEVELS if index < bound)
    cross = cross_disagree = 0
    for c in comments:
        if c.parent is None or c.parent not in ctx.counted:
            continue
        a, b = ctx.stance(c), ctx.stance(ctx.by_id[c.parent])
        if {a, b} == {"favor", "against"}:
            cross += 1
            cross_disagree += ctx.relation(c) == "disagree"
    return {"index": _r(index), "level": level, "stanced_share": _r(stanced_share), "balance": _r(balance),
            "cross_side_replies": cross, "cross_side_disagreeing": cross_disagree}


def _timeline(ctx: _Context) -> tuple[list[Comment], str]:
    """Comments in the order they were written: by timestamp when every comment has one."""
    comments = list(ctx.thread.comments)
    if comments and all(c.timestamp for c in comments):
        return sorted(comments, key=lambda c: (c.timestamp, ctx.index[c.id])), "timestamp"
    return comments, "source order"


def _sentiment_shift(ctx: _Context) -> dict[str, Any]:
    ordered, basis = _timeline(ctx)
    scored = [(c, ctx.compound(c)) for c in ordered if ctx.compound(c) is not None and c.id in ctx.counted]
    values = [v for _, v in scored]
    out: dict[str, Any] = {"order": basis, "mean": _mean(values), "first_third": None, "last_third": None,
                           "change": None, "direction": "too few scores" if values else "no scores"}
    if values:
        out["most_negative"] = ctx.ref(min(scored, key=lambda cv: (cv[1], ctx.index[cv[0].id]))[0])
        out["most_positive"] = ctx.ref(max(scored, key=lambda cv: (cv[1], -ctx.index[cv[0].id]))[0])
    if len(values) >= 3:
        k = len(values) // 3
        first, last = _mean(values[:k]), _mean(values[-k:])
        change = _r(last - first)
        out.update(first_third=first, last_third=last, change=change)
        if abs(change) < SENTIMENT_SHIFT:
            out["direction"] = "stayed level"
        else:
            out["direction"] = "became more positive" if change > 0 else "became more negative"
    return out


# --- participants ----------------------------------------------------------------------


def _participant_stance(ctx: _Context, comment_ids) -> tuple[str, dict[str, int]]:
    counts = Counter(ctx.stance(ctx.by_id[cid]) or "untagged" for cid in comment_ids if cid in ctx.by_id)
    favor, against = counts.get("favor", 0), counts.get("against", 0)
    if favor == against == 0:
        value = "none" if counts.get("none") else "untagged"
    elif favor == against:
        value = "mixed"
    else:
        value = "favor" if favor > against else "against"
    return value, {k: counts[k] for k in sorted(counts)}


def _participants(ctx: _Context) -> list[dict[str, Any]]:
    received: Counter = Counter()
    agreed: dict[str, Counter] = {}
    disagreed: dict[str, Counter] = {}
    for c in ctx.thread.comments:
        parent = ctx.by_id.get(c.parent) if c.parent else None
        if parent is None:
            continue
        me, them = ctx.speaker(c), ctx.speaker(parent)
        if me == them:
            continue
        received[them] += 1
        rel = ctx.relation(c)
        if rel == "agree":
            agreed.setdefault(me, Counter())[them] += 1
        elif rel == "disagree":
            disagreed.setdefault(me, Counter())[them] += 1
    out = []
    for p in ctx.thread.participants:
        stance, counts = _participant_stance(ctx, p.comments)
        scores = [v for cid in p.comments if cid in ctx.counted
                  for v in [ctx.compound(ctx.by_id[cid])] if v is not None]
        out.append({
            "id": p.id, "label": p.label, "named": p.name is not None,
            "is_article_author": p.is_article_author,
            "comments": [ctx.ref(ctx.by_id[cid]) for cid in p.comments if cid in ctx.by_id],
            "stance": stance, "stance_counts": counts,
            "mean_sentiment": _mean(scores),
            "replies_received": received.get(p.id, 0),
            "agreed_with": _people(ctx, agreed.get(p.id)),
            "disagreed_with": _people(ctx, disagreed.get(p.id)),
            "inferred": {k: {"cue": v.cue, "confidence": _r(v.confidence), "evidence": v.evidence}
                         for k, v in sorted(p.inferred.items())},
        })
    return out


def _people(ctx: _Context, counter: Counter | None) -> list[dict[str, Any]]:
    if not counter:
        return []
    rows = [{"id": pid, "label": ctx.labels.get(pid, pid), "count": n} for pid, n in counter.items()]
    return sorted(rows, key=lambda r: (-r["count"], r["label"], r["id"]))


# --- who argued what -------------------------------------------------------------------


def _claim(ctx: _Context, c: claims_mod.Claim) -> dict[str, Any]:
    return {"sentence": c.sentence, **ctx.ref(ctx.by_id[c.comment_id]),
            "markers": [{"kind": k, "words": w} for k, w in c.markers],
            "score": _r(c.score), "salience": _r(c.salience), "marked": c.is_marked}


def _who_argued_what(ctx: _Context) -> dict[str, Any]:
    all_claims = claims_mod.claim_sentences(ctx.thread)
    best = claims_mod.main_claims(all_claims)
    per_participant = []
    for p in ctx.thread.participants:
        per_participant.append({"id": p.id, "label": p.label,
                                "claims": [_claim(ctx, c) for c in best.get(p.id, [])]})
    by_side: dict[str, list[claims_mod.Claim]] = {s: [] for s in STANCES}
    for c in claims_mod.comment_claims(all_claims):
        side = ctx.stance(ctx.by_id[c.comment_id])
        if side in by_side:
            by_side[side].append(c)
    points = key_points(by_side)
    sides = {}
    for side in STANCES:
        sides[side] = [
            {"terms": list(kp.terms), "participants": len(kp.speakers), "comments": len(kp.comment_ids),
             "sentences": len(kp.claims), "example": _claim(ctx, kp.example),
             "comment_refs": [ctx.ref(ctx.by_id[cid]) for cid in kp.comment_ids]}
            for kp in points.get(side, [])
        ]
    return {"claims": per_participant, "key_points": sides}


# --- the thread ------------------------------------------------------------------------


def _comments(ctx: _Context, explain: bool) -> list[dict[str, Any]]:
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
            "inferred": {k: {"cue": v.cue, "confidence": _r(v.confidence), "evidence": v.evidence,
                             "note": v.note}
                         for k, v in sorted(c.inferred.items())},
            "stance": _label(t.stance) if t and t.stance else None,
            "relation": _label(t.relation) if t and t.relation else None,
            "acts": [_label(a) for a in t.acts] if t else [],
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
    return {"compound": _r(s.compound), "pos": _r(s.pos), "neu": _r(s.neu), "neg": _r(s.neg), "label": s.label,
            "sentences": [{"text": x.text, "compound": _r(x.compound), "label": x.label} for x in s.sentences]}


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


def _graph(ctx: _Context) -> dict[str, Any]:
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
    nodes = [{"id": p.id, "label": p.label, "stance": _participant_stance(ctx, p.comments)[0],
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


def _participants_order(ctx: _Context):
    """Most active first, then order of appearance (stable, deterministic)."""
    pos = {p.id: i for i, p in enumerate(ctx.thread.participants)}
    return sorted(ctx.thread.participants, key=lambda p: (-len(p.comments), pos[p.id]))


def _order(shown):
    pos = {p.id: i for i, p in enumerate(shown)}
    return lambda pid: pos.get(pid, len(pos))


def _interactions(ctx: _Context) -> list[dict[str, Any]]:
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


def _arc(ctx: _Context) -> dict[str, Any]:
    ordered, basis = _timeline(ctx)
    points = []
    for c in ordered:
        points.append({**ctx.ref(c), "label": ctx.who(c), "compound": _r(ctx.compound(c)),
                       "sentiment": (ctx.tags(c).sentiment.label if ctx.tags(c) and ctx.tags(c).sentiment
                                     else None),
                       "stance": ctx.stance(c), "timestamp": c.timestamp, "counted": c.id in ctx.counted})
    return {"order": basis, "points": points}


def _glossary(ctx: _Context) -> dict[str, Any]:
    used: dict[str, set[str]] = {"stance": set(), "relation": set(), "act": set(), "sentiment": set()}
    for t in ctx.thread.tags.values():
        if t.stance:
            used["stance"].add(t.stance.value)
        if t.relation:
            used["relation"].add(t.relation.value)
        used["act"].update(a.value for a in t.acts)
        if t.sentiment:
            used["sentiment"].add(t.sentiment.label)
    cues: Counter = Counter()
    for t in ctx.thread.tags.values():
        for lab in (t.stance, t.relation, *t.acts):
            if lab is not None:
                cues.update(e.cue for e in lab.evidence)
    return {
        "labels": {kind: [{"value": v, "meaning": ex.gloss(kind, v)} for v in sorted(vals)]
                   for kind, vals in used.items()},
        "cues": ex.CUE_HELP,
        "cues_fired": [{"cue": c, "meaning": ex.cue_gloss(c), "times": n}
                       for c, n in sorted(cues.items(), key=lambda kv: (-kv[1], kv[0]))],
        "polarisation": POLARISATION_GLOSS,
    }

