"""What every section of a report needs from a thread: lookups, rounding, label encoding.

Computed once per report (`Context`), so the sections stay simple functions of it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .. import tree
from ..model import Comment, CommentTags, Label, Thread
from .claims import NOT_DISCUSSION
from .escape import anchor_id

#: Rounding of every score in the report (3 decimals: VADER's own precision is 4, and the
#: report compares values, it does not compute with them).
DIGITS = 3


class Context:
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


def rnd(x: float | None) -> float | None:
    return None if x is None else round(float(x), DIGITS) + 0.0  # +0.0 turns -0.0 into 0.0


def mean(xs: list[float]) -> float | None:
    return rnd(sum(xs) / len(xs)) if xs else None


def evidence_dict(e) -> dict[str, Any]:
    return {"cue": e.cue, "text": e.text, "weight": rnd(e.weight)}


def label_dict(label: Label) -> dict[str, Any]:
    return {"value": label.value, "score": rnd(label.score), "decided_by": label.decided_by,
            "evidence": [evidence_dict(e) for e in label.evidence]}


def timeline(ctx: Context) -> tuple[list[Comment], str]:
    """Comments in the order they were written: by timestamp when every comment has one."""
    comments = list(ctx.thread.comments)
    if comments and all(c.timestamp for c in comments):
        return sorted(comments, key=lambda c: (c.timestamp, ctx.index[c.id])), "timestamp"
    return comments, "source order"


def participant_stance(ctx: Context, comment_ids) -> tuple[str, dict[str, int]]:
    counts = Counter(ctx.stance(ctx.by_id[cid]) or "untagged" for cid in comment_ids if cid in ctx.by_id)
    favor, against = counts.get("favor", 0), counts.get("against", 0)
    if favor == against == 0:
        value = "none" if counts.get("none") else "untagged"
    elif favor == against:
        value = "mixed"
    else:
        value = "favor" if favor > against else "against"
    return value, {k: counts[k] for k in sorted(counts)}
