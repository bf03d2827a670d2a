"""The content of a thread report as plain data (what `--json` writes and Markdown renders).

Everything a report says is computed here and in `replies` (the thread in
reply order, who replied to whom, the sentiment arc, the evidence behind every
tag), once, from a tagged Thread: the summary, participants, who argued what. The Markdown
renderer only formats this dict, so `debate report --json` and the Markdown
page always carry the same content. Pure and deterministic: no clock, no
randomness, sorted wherever order could vary, floats rounded.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..model import STANCES, Thread
from . import claims as claims_mod
from . import explain as ex
from . import replies
from .context import Context, evidence_dict, label_dict, mean, participant_stance, rnd, timeline
from .keypoints import key_points

SCHEMA = "debate.report/1"
#: Mean-sentiment change (first third vs last third) below which the thread "stayed level":
#: twice VADER's neutral band of +-0.05 (Hutto & Gilbert 2014), so a change must exceed
#: the width of "neutral" to count.
SENTIMENT_SHIFT = 0.1
#: Polarisation levels: index < 0.33 low, < 0.66 moderate, else high (even thirds of [0, 1]).
POLARISATION_LEVELS = ((0.33, "low"), (0.66, "moderate"), (1.01, "high"))
#: Key points listed per side in the Markdown (the JSON has all).
KEY_POINTS_SHOWN = 5
POLARISATION_GLOSS = (
    "Polarisation = (share of comments that take a side) x (1 - |favor - against| / (favor + against)). "
    "It is 1 when every comment takes a side and both sides are equally large, and 0 when nobody "
    "takes a side or everybody takes the same one."
)


def ensure_tagged(thread: Thread, thesis: str | None = None, model: Any = None, *, reviser: bool = True) -> Thread:
    """The thread with tags: as given when it is already tagged for this thesis, else tagged now.

    `model`: a trained stance model, or the path of one saved by `debate train`.
    `reviser`: False = the rules' stances alone (a thread tagged with the reviser is tagged again).
    """
    tagged = thread.thesis is not None and all(c.id in thread.tags for c in thread.comments)
    same_thesis = thesis is None or (thread.thesis is not None and thread.thesis.text == thesis)
    if tagged and same_thesis and model is None and (
            reviser or not any(t.stance is not None and t.stance.decided_by == "reviser" for t in thread.tags.values())):
        return thread
    from ..tag import tag_thread

    if isinstance(model, (str, Path)):
        from ..tag.supervised import load

        model = load(Path(model))
    return tag_thread(thread, thesis=thesis, model=model, reviser=reviser)


def report_data(thread: Thread, *, explain: bool = False) -> dict[str, Any]:
    """All the content of one thread's report, JSON-ready. `thread` should already be tagged."""
    ctx = Context(thread)
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
        "comments": replies.comments(ctx, explain),
    }
    data.update(_who_argued_what(ctx))
    data["graph"] = replies.graph(ctx)
    data["interactions"] = replies.interactions(ctx)
    data["arc"] = replies.arc(ctx)
    data["set_aside"] = [{"kind": s.kind, "line": s.line, "text": s.text} for s in thread.set_aside]
    if explain:
        data["glossary"] = _glossary(ctx)
    return data






def _article(thread: Thread) -> dict[str, Any]:
    a = thread.article
    return {
        "title": a.title, "author": a.author, "date": a.date, "url": a.url,
        "words": len(a.text.split()),
        "inferred": {k: {"cue": v.cue, "confidence": rnd(v.confidence), "evidence": v.evidence}
                     for k, v in sorted(a.inferred.items())},
        "voices": [
            {"speaker": v.speaker, "role": v.role, "quote": v.quote,
             "stance": label_dict(v.stance) if v.stance else None}
            for v in thread.voices
        ],
    }


def _thesis(thread: Thread) -> dict[str, Any] | None:
    t = thread.thesis
    if t is None:
        return None
    return {"text": t.text, "source": t.source, "clear": t.clear, "targets": list(t.targets),
            "target_sides": _target_sides(thread), "evidence": [evidence_dict(e) for e in t.evidence]}


#: How the thesis stands toward a target, by the profile's sign.
_SIDE_OF_SIGN = {1.0: "favor", -1.0: "against"}


def _target_sides(thread: Thread) -> list[dict[str, str]]:
    """What the built-in tagger read the thesis as for or against (the reason a comment praising a
    target counts as favor or against), so a reader can check the reading."""
    from ..tag.profile import profile_of

    read = {tg.name: tg for tg in profile_of(thread.thesis, thread.article.text).targets}
    out = []
    for name in thread.thesis.targets:
        tg = read.get(name)
        if tg is None or tg.protected or not tg.sign:
            why = "the thesis's practice is done to them" if tg is not None and tg.protected else ""
            out.append({"name": name, "side": "unstated", "why": why})
        else:
            out.append({"name": name, "side": _SIDE_OF_SIGN[tg.sign], "why": tg.why})
    return out




# --- summary ---------------------------------------------------------------------------


def _summary(ctx: Context) -> dict[str, Any]:
    t = ctx.thread
    comments = t.comments
    stances = Counter(ctx.stance(c) or "untagged" for c in ctx.discussion)
    relations = Counter(ctx.relation(c) or "untagged" for c in ctx.discussion if c.parent is not None)
    flags = Counter(f for c in comments for f in c.flags)
    n = len(ctx.discussion)
    shares = {s: rnd(stances.get(s, 0) / n) if n else 0.0 for s in STANCES}
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
        "participant_stances": dict(sorted(Counter(participant_stance(ctx, p.comments)[0]
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


def _polarisation(ctx: Context) -> dict[str, Any]:
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
    return {"index": rnd(index), "level": level, "stanced_share": rnd(stanced_share), "balance": rnd(balance),
            "cross_side_replies": cross, "cross_side_disagreeing": cross_disagree}




def _sentiment_shift(ctx: Context) -> dict[str, Any]:
    ordered, basis = timeline(ctx)
    scored = [(c, ctx.compound(c)) for c in ordered if ctx.compound(c) is not None and c.id in ctx.counted]
    values = [v for _, v in scored]
    out: dict[str, Any] = {"order": basis, "mean": mean(values), "first_third": None, "last_third": None,
                           "change": None, "direction": "too few scores" if values else "no scores"}
    if values:
        out["most_negative"] = ctx.ref(min(scored, key=lambda cv: (cv[1], ctx.index[cv[0].id]))[0])
        out["most_positive"] = ctx.ref(max(scored, key=lambda cv: (cv[1], -ctx.index[cv[0].id]))[0])
    if len(values) >= 3:
        k = len(values) // 3
        first, last = mean(values[:k]), mean(values[-k:])
        change = rnd(last - first)
        out.update(first_third=first, last_third=last, change=change)
        if abs(change) < SENTIMENT_SHIFT:
            out["direction"] = "stayed level"
        else:
            out["direction"] = "became more positive" if change > 0 else "became more negative"
    return out


# --- participants ----------------------------------------------------------------------




def _participants(ctx: Context) -> list[dict[str, Any]]:
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
        stance, counts = participant_stance(ctx, p.comments)
        scores = [v for cid in p.comments if cid in ctx.counted
                  for v in [ctx.compound(ctx.by_id[cid])] if v is not None]
        out.append({
            "id": p.id, "label": p.label, "named": p.name is not None,
            "is_article_author": p.is_article_author,
            "comments": [ctx.ref(ctx.by_id[cid]) for cid in p.comments if cid in ctx.by_id],
            "stance": stance, "stance_counts": counts,
            "mean_sentiment": mean(scores),
            "replies_received": received.get(p.id, 0),
            "agreed_with": _people(ctx, agreed.get(p.id)),
            "disagreed_with": _people(ctx, disagreed.get(p.id)),
            "inferred": {k: {"cue": v.cue, "confidence": rnd(v.confidence), "evidence": v.evidence}
                         for k, v in sorted(p.inferred.items())},
        })
    return out


def _people(ctx: Context, counter: Counter | None) -> list[dict[str, Any]]:
    if not counter:
        return []
    rows = [{"id": pid, "label": ctx.labels.get(pid, pid), "count": n} for pid, n in counter.items()]
    return sorted(rows, key=lambda r: (-r["count"], r["label"], r["id"]))


# --- who argued what -------------------------------------------------------------------


def _claim(ctx: Context, c: claims_mod.Claim) -> dict[str, Any]:
    return {"sentence": c.sentence, **ctx.ref(ctx.by_id[c.comment_id]),
            "markers": [{"kind": k, "words": w} for k, w in c.markers],
            "score": rnd(c.score), "salience": rnd(c.salience), "marked": c.is_marked}


def _who_argued_what(ctx: Context) -> dict[str, Any]:
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




def _glossary(ctx: Context) -> dict[str, Any]:
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

