"""Infer who replied to whom, and who is who, on flat comment pages.

`infer_structure` reads the cues a careful reader uses (addresses, the
article author's replies, quotations, overlap, second person, back-and-forth,
recency), detects the display order (or takes it), decodes all parents
jointly under the tree constraint, then resolves speakers. Every inferred
parent and author carries an `Inference` (cue, confidence, evidence, note).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..model import Comment, Inference, Thread
from . import cues
from .decode import Decision, Result, decode
from .explain import describe_decision
from .links import ARTICLE, Context
from . import order as order_rules
from .order import from_cues, from_timestamps
from .speakers import replace_comment, resolve
from .weights import load_weights

__all__ = ["infer_structure", "analyse_thread", "Analysis"]

#: Comments with these flags are not turns of the discussion: they answer the article.
_NOT_TURNS = frozenset({"pingback", "trackback"})
#: Cues a reader puts on parents it read from the page layout ("1.1", indentation, nested HTML).
LAYOUT_CUES = frozenset({"nested_numbering", "indentation", "html_nesting"})


@dataclass(frozen=True)
class Analysis:
    """The full decoding of one thread, kept for `--explain` and the benchmark."""

    thread: Thread
    order: str
    order_inference: Inference
    ctx: Context | None
    result: Result | None
    parents: list[int]  # display index of each comment's parent, ARTICLE (-1) for the article
    kept_layout: bool  # parents came from the page layout (nested numbering), not inferred


def infer_structure(thread: Thread, order: str | None = None, *, weights: Mapping[str, float] | None = None
                    ) -> Thread:
    """The thread with parents, authors, speakers and participants filled in, every guess explained."""
    return analyse_thread(thread, order, weights=weights).thread


def analyse_thread(thread: Thread, order: str | None = None, *, weights: Mapping[str, float] | None = None
                   ) -> Analysis:
    comments = thread.comments
    if not comments:
        chosen = order or thread.order
        empty = replace(thread, order=chosen, structure_inferred=True)
        return Analysis(empty, chosen or "unknown", Inference("no_comments", 1.0, "", "nothing to order"),
                        None, None, [], False)
    w = dict(weights) if weights is not None else load_weights()
    given = [c.author for c in comments]
    article_author = thread.article.author
    ctx = Context([c.text for c in comments], given, article_author, _article_text(thread),
                  [c.number for c in comments])
    authored_given = [bool(a and article_author and cues.name_key(a) == cues.name_key(article_author))
                      for a in given]
    index = {c.id: k for k, c in enumerate(comments)}
    kept_layout = any(c.parent is not None for c in comments) or any(
        c.inferred.get("parent") is not None and c.inferred["parent"].cue in LAYOUT_CUES for c in comments)
    fixed: dict[int, int] = {}
    if kept_layout:
        fixed = {k: index.get(c.parent, ARTICLE) if c.parent is not None else ARTICLE
                 for k, c in enumerate(comments)}
    else:
        fixed = {k: ARTICLE for k, c in enumerate(comments) if set(c.flags) & _NOT_TURNS}

    if kept_layout:
        chosen = order or thread.order or "threaded"
        order_inf = Inference("layout", 1.0, "", "parents read from the page's layout")
        result = decode(ctx, chosen, w, given, authored_given, fixed)
    elif order in ("chronological", "threaded"):
        chosen = order
        order_inf = Inference("given", 1.0, "", "order given by the user")
        result = decode(ctx, chosen, w, given, authored_given, fixed)
    else:
        chosen, order_inf, result = _detect(thread, ctx, w, given, authored_given, fixed)

    parents = [d.parent for d in result.decisions]
    speakers = resolve(comments, ctx, result, parents, article_author, given)
    out: list[Comment] = []
    for k, c in enumerate(speakers.comments):
        inferred = dict(c.inferred)
        if not kept_layout:
            d = result.decisions[k]
            parent = None if d.parent == ARTICLE else comments[d.parent].id
            if k in fixed:
                inferred["parent"] = Inference("not_a_turn", 1.0, ",".join(sorted(set(c.flags) & _NOT_TURNS)),
                                               "pingbacks and trackbacks answer the article")
            else:
                inferred["parent"] = describe_decision(ctx, comments, k, d)
            c = replace_comment(c, parent=parent, inferred=inferred)
        out.append(c)
    new = replace(thread, comments=tuple(out), participants=speakers.participants, order=chosen,
                  structure_inferred=True, inferred={**thread.inferred, "order": order_inf})
    return Analysis(new, chosen, order_inf, ctx, result, parents, kept_layout)


def _detect(thread: Thread, ctx: Context, w, given, authored_given, fixed):
    by_time = from_timestamps(thread.comments)
    if by_time is not None:
        order, inf = by_time
        return order, inf, decode(ctx, order, w, given, authored_given, fixed)
    chrono = decode(ctx, "chronological", w, given, authored_given, fixed)
    crossing, off_path, n = _crossing(chrono.decisions), _off_path_mass(chrono.decisions), len(thread.comments)
    if not (crossing and crossing[0][2] >= order_rules.CROSSING_EVIDENCE):
        # Without a strong crossing link the cost of the threaded constraint is never read: a page
        # the off-path share calls chronological needs no threaded decoding at all.
        order, inf = from_cues(crossing, off_path, n)
        if order == "chronological":
            return order, inf, chrono
    threaded = decode(ctx, "threaded", w, given, authored_given, fixed)
    order, inf = from_cues(crossing, off_path, n, chrono.score - threaded.score)
    return order, inf, (chrono if order == "chronological" else threaded)


def _crossing(decisions: tuple[Decision, ...]) -> list[tuple[int, int, float, str]]:
    """Links that a depth-first listing could not show, weighed by how sure we are of both sides.

    On a threaded page the subtree of a comment is contiguous: a link i -> p
    puts every comment k between p and i inside p's subtree, so k's parent
    must lie in [p, k). For each cued link i -> p (not mere recency), the
    evidence against threaded order is its confidence times the largest
    probability, among the comments in between, of a parent outside that range.
    Returns (child, parent, evidence, cue), strongest first.
    """
    from .order import STRONG_CUES

    out = []
    for i, d in enumerate(decisions):
        if d.parent == ARTICLE or d.parent >= i - 1:
            continue
        strong = sorted((v, k) for k, v in d.contributions.items() if k in STRONG_CUES and v > 0)
        if not strong:
            continue
        cue = strong[-1][1]
        worst = 0.0
        for k in range(d.parent + 1, i):
            dist = decisions[k].distribution
            inside = sum(prob for j, prob in dist if j != ARTICLE and d.parent <= j < k)
            worst = max(worst, 1.0 - inside)
        if worst > 0:
            out.append((i, d.parent, round(d.confidence * worst, 3), cue))
    return sorted(out, key=lambda v: (-v[2], v[0]))


def _off_path_mass(decisions: tuple[Decision, ...]) -> float:
    """Expected number of links, in the unconstrained tree, whose parent is a comment off the path
    from the article to the previous comment (each comment contributes that probability)."""
    parent = [d.parent for d in decisions]
    total = 0.0
    for i, d in enumerate(decisions):
        path, node = set(), i - 1
        while node >= 0:
            path.add(node)
            node = parent[node]
        total += sum(p for j, p in d.distribution if j != ARTICLE and j not in path)
    return total


def _top_feature(d: Decision) -> str:
    return max(d.contributions.items(), key=lambda kv: (kv[1], kv[0]), default=("", 0.0))[0]


def _article_text(thread: Thread) -> str:
    a = thread.article
    return "\n".join(x for x in (a.title, a.text) if x)
