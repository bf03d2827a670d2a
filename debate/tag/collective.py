"""Thread-level joint inference of stance: local scores plus what the thread says.

A comment thread is strong evidence about stance: the article's author favors
their own thesis; a participant usually keeps one stance across comments; a
reply that disagrees with its parent likely takes the opposite stance, one that
agrees the same. We put these as factors on a pairwise Markov random field over
the comments' stances (favor / against / none) and run loopy belief
propagation (sum-product; all messages updated together each sweep with numpy;
undamped on a forest, where it is exact, damped when same-speaker edges close
loops; no randomness, so results repeat). The graph has one edge per reply link
and one per consecutive pair of comments of the same speaker, so a sweep is
linear in the thread size.

For each comment the result says which factor decided it: "local" when the
comment's own cues win, otherwise the rule whose message most favoured the
final label over the local one (e.g. "rule:reply_disagree").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Evidence, Label

STANCES = ("favor", "against", "none")
#: Pairwise compatibilities, rows = child stance, columns = parent stance (favor, against, none).
#: Agreeing: same polar stance; disagreeing: opposite. A "none" parent says little about the child.
AGREE = ((1.0, 0.05, 0.4), (0.05, 1.0, 0.4), (0.2, 0.2, 0.4))
DISAGREE = ((0.05, 1.0, 0.4), (1.0, 0.05, 0.4), (0.2, 0.2, 0.4))
NEUTRAL = ((0.5, 0.5, 0.5), (0.5, 0.5, 0.5), (0.5, 0.5, 0.5))
#: Same speaker: usually one stance (soft: people do change their minds).
SAME_SPEAKER = ((1.0, 0.25, 0.5), (0.25, 1.0, 0.5), (0.5, 0.5, 0.6))
#: The article's author: their comments favor the article's own stance.
AUTHOR_PRIOR = 0.9
#: Loopy BP settings: damping (0 = none), sweeps, and the change in any message below which we stop.
#: Trees converge in one sweep per level; the same-speaker loops in a few more.
DAMPING = 0.3
SWEEPS = 25
TOLERANCE = 1e-3


@dataclass(frozen=True)
class Node:
    """What the joint step needs to know about one comment."""

    id: str
    local: tuple[float, float, float]  # favor, against, none
    relation: tuple[float, float, float]  # agree, disagree, neutral (to its parent or the article)
    parent: str | None  # None = answers the article
    speaker: str | None
    is_author: bool
    author_cue: str = ""  # why we believe the article's author wrote it


@dataclass(frozen=True)
class Decision:
    probs: tuple[float, float, float]
    value: str
    decided_by: str
    evidence: tuple[Evidence, ...]


def _edge(relation: tuple[float, float, float]) -> tuple[tuple[float, ...], ...]:
    a, d, n = relation
    return tuple(tuple(a * AGREE[i][j] + d * DISAGREE[i][j] + n * NEUTRAL[i][j] for j in range(3))
                 for i in range(3))


def _norm(v: list[float]) -> list[float]:
    z = sum(v)
    return [x / z for x in v] if z > 0 else [1 / 3] * 3


def infer(nodes: list[Node], article: tuple[float, float, float] | None) -> dict[str, Decision]:
    """Joint stance of every comment. `article`: the article's stance distribution, or None if unknown."""
    ids = [n.id for n in nodes]
    by_id = {n.id: n for n in nodes}
    unary: dict[str, list[float]] = {}
    for n in nodes:
        u = list(n.local)
        if n.is_author and article is not None:
            prior = [AUTHOR_PRIOR if article[k] == max(article) else (1 - AUTHOR_PRIOR) / 2 for k in range(3)]
            u = [u[k] * prior[k] for k in range(3)]
        if n.parent is None and article is not None:
            psi = _edge(n.relation)
            u = [u[i] * sum(psi[i][j] * article[j] for j in range(3)) for i in range(3)]
        unary[n.id] = _norm(u)
    # Edges: (a, b, psi) with psi[s_a][s_b].
    edges: list[tuple[str, str, tuple[tuple[float, ...], ...], str]] = []
    for n in nodes:
        if n.parent is not None and n.parent in by_id:
            edges.append((n.id, n.parent, _edge(n.relation), "reply"))
    last_by_speaker: dict[str, str] = {}
    for n in nodes:
        if n.speaker:
            prev = last_by_speaker.get(n.speaker)
            if prev is not None:
                edges.append((n.id, prev, SAME_SPEAKER, "same_speaker"))
            last_by_speaker[n.speaker] = n.id
    # On a forest (no same-speaker loop) BP is exact and needs no damping; loops get damped.
    damping = DAMPING if _has_cycle(ids, edges) else 0.0
    incoming = _propagate(ids, unary, edges, damping)
    out: dict[str, Decision] = {}
    for n in nodes:
        b = list(unary[n.id])
        for _other, _kind, _is_child, m in incoming[n.id]:
            b = _norm([b[s] * m[s] for s in range(3)])
        final = max(range(3), key=lambda k: (b[k], -k))
        local = max(range(3), key=lambda k: (n.local[k], -k))
        out[n.id] = _explain(n, b, final, local, incoming[n.id], article)
    return out


def _propagate(ids: list[str], unary: dict[str, list[float]], edges: list, damping: float) -> dict[str, list]:
    """Sum-product loopy BP, all messages updated together each sweep (numpy, log domain for products).

    Returns, per node, its incoming messages as (sender id, edge kind, whether the node is the
    replying side of a reply edge, message over the node's three states).
    """
    import numpy as np

    index = {i: k for k, i in enumerate(ids)}
    src, dst, pots, rev, meta = [], [], [], [], []
    for a, b, psi, kind in edges:
        p = np.asarray(psi, dtype=float)  # p[s_a][s_b]
        e = len(src)
        src += [index[a], index[b]]
        dst += [index[b], index[a]]
        pots += [p, p.T]  # pots[e][s_src][t_dst]
        rev += [e + 1, e]
        meta += [(b, a, kind, False), (a, b, kind, kind == "reply")]  # (receiver, sender, kind, receiver replies)
    result: dict[str, list] = {i: [] for i in ids}
    if not src:
        return result
    src_a, dst_a, rev_a = np.array(src), np.array(dst), np.array(rev)
    pot = np.stack(pots)
    log_unary = np.log(np.clip(np.array([unary[i] for i in ids], dtype=float), 1e-300, None))
    msgs = np.full((len(src), 3), 1 / 3)
    for _ in range(SWEEPS):
        log_belief = log_unary.copy()
        np.add.at(log_belief, dst_a, np.log(msgs))
        # what each sender believes without the message it got back from the receiver
        h = log_belief[src_a] - np.log(msgs[rev_a])
        h = np.exp(h - h.max(axis=1, keepdims=True))
        new = np.einsum("es,est->et", h, pot)
        new /= new.sum(axis=1, keepdims=True)
        new = damping * msgs + (1 - damping) * new
        delta = float(np.abs(new - msgs).max())
        msgs = new
        if delta < TOLERANCE:
            break
    for e, (receiver, sender, kind, is_child) in enumerate(meta):
        result[receiver].append((sender, kind, is_child, [float(x) for x in msgs[e]]))
    return result


def _has_cycle(ids: list[str], edges: list) -> bool:
    """Union-find over the edges: does the graph hold a loop?"""
    root = {i: i for i in ids}

    def find(x: str) -> str:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for a, b, _psi, _kind in edges:
        ra, rb = find(a), find(b)
        if ra == rb:
            return True
        root[ra] = rb
    return False


def _explain(n: Node, belief, final: int, local: int, incoming: list, article) -> Decision:
    """Name the factor that moved the label away from the local one (log-odds of final vs local)."""
    probs = tuple(round(x, 4) for x in belief)
    ev: list[Evidence] = []
    contributions: list[tuple[float, str, str]] = []
    if n.is_author and article is not None:
        lr = math.log(AUTHOR_PRIOR if article[final] == max(article) else (1 - AUTHOR_PRIOR) / 2) - \
            math.log(AUTHOR_PRIOR if article[local] == max(article) else (1 - AUTHOR_PRIOR) / 2)
        contributions.append((lr, "rule:article_author",
                              f"written by the article's author ({n.author_cue or 'speaker'}), who favors the thesis"))
    if n.parent is None and article is not None:
        psi = _edge(n.relation)
        f = [sum(psi[i][j] * article[j] for j in range(3)) for i in range(3)]
        a, d, ne = n.relation
        contributions.append((math.log(f[final] / f[local]), "rule:article_relation",
                              f"answers the article (agree {a:.2f}, disagree {d:.2f}, neutral {ne:.2f})"))
    for other, kind, is_child, m in incoming:
        if kind == "reply":
            if is_child:  # n is the reply: its relation to `other` (its parent)
                rel = ("agree", "disagree", "neutral")[max(range(3), key=lambda i: n.relation[i])]
                name = f"rule:reply_{rel}" if rel != "neutral" else "rule:reply_relation"
                text = f"{rel}s with comment {other}" if rel != "neutral" else \
                    f"answers comment {other} (agree {n.relation[0]:.2f}, disagree {n.relation[1]:.2f})"
            else:
                name, text = "rule:replied_to", f"comment {other} answers it"
        else:
            name, text = "rule:same_speaker", f"same speaker as comment {other}"
        contributions.append((math.log(m[final] / m[local]), name, text))
    for lr, name, text in sorted(contributions, key=lambda c: (-c[0], c[1], c[2])):
        if abs(lr) > 0.05:
            ev.append(Evidence(name, text, round(lr, 3)))
    if final == local:
        decided = "local"
    else:
        best = max(contributions, key=lambda c: (c[0], c[1])) if contributions else (0.0, "local", "")
        decided = best[1] if best[0] > 0 else "local"
    return Decision(probs, STANCES[final], decided, tuple(ev))


def finish_label(local: Label, d: Decision) -> Label:
    """The final stance Label: local cues plus the thread rules that weighed in."""
    return Label(value=d.value, score=d.probs[STANCES.index(d.value)],
                 evidence=tuple(local.evidence) + d.evidence, decided_by=d.decided_by)
