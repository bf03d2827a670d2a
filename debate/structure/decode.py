"""Joint decoding: choose every comment's parent together, under the tree constraint.

A flat page lists comments in display order, and a reply always comes after
what it answers, so any assignment of earlier parents is a tree; what makes
the choice joint is that later links depend on earlier ones: a reply that says
"@Ann" names the writer of the comment it answers, which later addresses of
Ann then point to; "A answers B who answered A" is likelier than chance; and
on a threaded page the parent must lie on the path from the article to the
previous comment. So we run a beam search over partial trees, scoring each
link with the features of `links` against the beam state.
"""

from __future__ import annotations

import math
from operator import itemgetter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from . import links
from .links import ARTICLE, Context, View

#: Partial trees kept per step. On the benchmark (chronological, names hidden, order given) greedy
#: decoding (1) scored 0.655, widths 4, 8 and 16 scored 0.683-0.687: 8 leaves a margin.
BEAM = 8
#: Above this many comments keep one hypothesis (greedy with context): cost stays linear.
BEAM_MAX_COMMENTS = 400
#: Expansions tried per hypothesis (the best few candidates of each comment).
EXPAND = 4
#: Parents whose probability each decision keeps (for order detection and explanations).
KEEP_DISTRIBUTION = 12
#: An address must be at least this sure before it names the comment it answers.
NAMING_STRENGTH = 0.9


@dataclass(frozen=True)
class Decision:
    """The chosen parent of one comment, its probability among the candidates, and why."""

    parent: int  # ARTICLE or a comment index
    confidence: float
    features: Mapping[str, float]
    contributions: Mapping[str, float]  # feature -> weight * value, for explanations
    candidates: int  # how many parents were possible
    runner_up: int | None = None
    distribution: tuple[tuple[int, float], ...] = ()  # the likeliest parents and their probabilities


class _State:
    """One hypothesis: a partial tree and what it implies about names and authorship."""

    __slots__ = ("score", "parents", "names", "name_source", "authored", "replies", "decisions", "facts",
                 "_shared")

    def __init__(self, score: float, parents: dict[int, int], names: dict[int, str],
                 name_source: dict[int, tuple[int, str]], authored: set[int], replies: dict[int, int],
                 decisions: tuple | None, facts: list[tuple] | None = None):
        self.score, self.parents, self.replies = score, parents, replies
        self.names = names
        self.name_source = name_source  # comment -> (comment whose address named it, span)
        self.authored = authored
        self.decisions = decisions  # linked list (earlier, (scored candidates, chosen parent)): shared, not copied
        # When decoding with a memo: facts[j] = `_facts(self, j)` for every comment j, then the article's
        # last (so that facts[ARTICLE], index -1, is the article's), kept current by `_touched`.
        self.facts = facts
        self._shared = False  # names, name_source and authored are still the parent hypothesis's

    def child(self) -> "_State":
        """A copy to extend. Names and authorship seldom change, so the copy shares them until it
        changes one (`naming`); parents, reply counts and facts change at every step and are copied.
        A state is never changed once it has been scored (its _Scored reads it for the Decision)."""
        new = _State(self.score, self.parents.copy(), self.names, self.name_source, self.authored,
                     self.replies.copy(), self.decisions, None if self.facts is None else self.facts.copy())
        new._shared = True
        return new

    def naming(self) -> "_State":
        """This state, its names, name sources and authorship made its own before a change."""
        if self._shared:
            self.names, self.name_source, self.authored = self.names.copy(), self.name_source.copy(), \
                self.authored.copy()
            self._shared = False
        return self


@dataclass(frozen=True)
class Result:
    picks: tuple[tuple["_Scored", int], ...] = field(repr=False, compare=False)  # per comment: scored, chosen
    weights: Mapping[str, float] = field(repr=False, compare=False)
    score: float
    names: Mapping[int, str]
    name_source: Mapping[int, tuple[int, str]]
    authored: frozenset[int]

    @cached_property
    def decisions(self) -> tuple[Decision, ...]:
        """The winning tree's Decisions, made when first asked for: order detection decodes a page
        twice and often reads only one of the two trees."""
        return tuple(scored.decision(j, self.weights) for scored, j in self.picks)


def decode(ctx: Context, order: str, weights: Mapping[str, float],
           given_names: Sequence[str | None], authored_given: Sequence[bool],
           fixed: Mapping[int, int] | None = None) -> Result:
    """Best-scoring tree for this order ("chronological" or "threaded").

    `fixed` maps comments whose parent is already known (page layout, pingbacks)
    to it; they are scored but not chosen.
    """
    fixed = fixed or {}
    n = len(ctx.texts)
    width = BEAM if n <= BEAM_MAX_COMMENTS else 1
    start = _State(0.0, {}, {k: v for k, v in enumerate(given_names) if v}, {},
                   {k for k, a in enumerate(authored_given) if a}, {}, None)
    link_scores = ctx.link_memo(weights)
    # Whole link scores by comment and what the state shows, shared by hypotheses and orders; with one
    # hypothesis there is nothing to share, and the facts would cost a copy of n entries per step.
    memo = link_scores.tables if width > 1 else None
    if memo is not None:
        start.facts = [_facts(start, j) for j in (*range(n), ARTICLE)]
    beam = [start]
    for i in range(n):
        # Except on a threaded page (candidates on the hypothesis's path) every hypothesis has the same.
        shared = [fixed[i]] if i in fixed else (None if order == "threaded" else ctx.candidates(i))
        shared_top = _top_position(ctx, i, shared) if shared else None
        own_cues = ctx.self_authored(i) or ctx.infos[i].signature
        expanded: list[tuple[float, _State, int, _Scored]] = []
        for state in beam:
            if own_cues:
                _own_cues(ctx, i, state)
            if shared:
                cands, t = shared, shared_top
            else:
                cands = _candidates(ctx, i, order, state.parents)
                t = _top_position(ctx, i, cands)
            scored = _score(ctx, i, cands, t, state, link_scores, memo)
            scores = scored.scores
            base = state.score
            for k in scored.ranked[:EXPAND]:
                expanded.append((base + scores[k], state, cands[k], scored))
        expanded.sort(key=itemgetter(0), reverse=True)  # ties keep (hypothesis, rank) order: sort is stable
        beam = []
        for total, state, j, scored in expanded[:width]:
            new = state.child()
            new.score = total
            _apply(ctx, i, j, new)
            new.decisions = (new.decisions, (scored, j))  # a Decision only if this hypothesis wins
            beam.append(new)
    best = beam[0]
    chosen, node = [], best.decisions
    while node is not None:
        node, pick = node
        chosen.append(pick)
    return Result(tuple(reversed(chosen)), weights, best.score, best.names, best.name_source,
                  frozenset(best.authored))


class _Scored:
    """One hypothesis's scored candidates for comment i, in `cands` order, `ranked` the positions in
    `cands` best first, `top` the position of the "sim_top" candidate (-1: none). The features are
    worked out again from the hypothesis (`state`, never changed once scored) only when a Decision is
    made: for the winning hypothesis alone."""

    __slots__ = ("ctx", "i", "cands", "scores", "ranked", "state", "top")

    def __init__(self, ctx: Context, i: int, cands: Sequence[int], scores: list[float], state: _State, top: int):
        self.ctx, self.i, self.cands, self.scores, self.state, self.top = ctx, i, cands, scores, state, top
        # Best score first, ties by position: `cands` is ascending (see _candidates) and the sort is stable.
        self.ranked = sorted(range(len(cands)), key=scores.__getitem__, reverse=True)

    def decision(self, j: int, weights: Mapping[str, float]) -> Decision:
        cands, ranked = self.cands, self.ranked
        # Softmax over the candidates' scores, by position; only the probabilities kept are divided out.
        top = max(self.scores)
        exp = [math.exp(s - top) for s in self.scores]
        total = sum(exp)
        dist = tuple((cands[k], round(exp[k] / total, 6)) for k in ranked[:KEEP_DISTRIBUTION])
        first = cands[ranked[0]]
        runner = first if j != first else (cands[ranked[1]] if len(ranked) > 1 else None)
        k = cands.index(j)
        state = self.state
        fj = links.features(self.ctx, self.i, j, View(state.parents, state.names, frozenset(state.authored),
                                                     state.replies))
        if k == self.top:
            fj["sim_top"] = 1.0
        contrib = {k: weights.get(k, 0.0) * v for k, v in fj.items() if weights.get(k, 0.0) * v}
        return Decision(j, exp[k] / total, fj, contrib, len(cands), runner, dist)


def _facts(state: _State, j: int) -> tuple:
    """What the state shows of candidate j that a link to it may read (see `links.score`): its writer's
    name, whether it is the author's, whether it answers a comment and that comment's writer, its
    reply count. With the comment's own name and authorship, they fix the link's score."""
    names = state.names
    grand = state.parents.get(j, ARTICLE)
    return j, names.get(j), j in state.authored, grand != ARTICLE, names.get(grand), state.replies.get(j)


def _touched(state: _State, j: int, named: bool = False) -> None:
    """Bring the facts of comment j up to date after a change to it; `named`: its writer's name or
    authorship changed, which the facts of the comments answering it show too."""
    facts = state.facts
    if facts is None:
        return
    facts[j] = _facts(state, j)
    if named:
        for c, p in state.parents.items():
            if p == j:
                facts[c] = _facts(state, c)


def _top_position(ctx: Context, i: int, cands: Sequence[int]) -> int:
    """Where in `cands` the "sim_top" candidate is (-1: none). It reads only the (static) overlaps and
    the candidate list: the same for every hypothesis that has this list."""
    top = ctx.sim_top(i, cands)
    return cands.index(top) if top is not None else -1


def _score(ctx: Context, i: int, cands: Sequence[int], t: int, state: _State, scores: links.LinkScores,
           memo: dict | None) -> _Scored:
    """The score of every candidate parent of comment i under this hypothesis, the "sim_top" one at
    position `t` (-1: none; see `_top_position`).

    A link's score reads only a few facts of the state (`_facts` of the candidate; the name and
    authorship of i), so hypotheses that agree on those share it (`memo`). The "sim_top" mark is the
    last feature of its link.
    """
    names, authored = state.names, state.authored
    if memo is None:
        view = View(state.parents, names, frozenset(authored), state.replies)
        found = [links.score(ctx, i, j, view, scores, k == t) for k, j in enumerate(cands)]
    else:
        memo_key = (i, names.get(i), i in authored)
        tables = memo.get(memo_key)
        if tables is None:
            tables = memo[memo_key] = ({}, {})
        table, top_table = tables
        keys = list(map(state.facts.__getitem__, cands))
        found = list(map(table.get, keys))
        if t >= 0:  # the marked candidate's score is kept apart (`top_table`)
            found[t] = top_table.get(keys[t])
        if None in found:
            view = View(state.parents, names, frozenset(authored), state.replies)
            for k, hit in enumerate(found):
                if hit is None:
                    found[k] = (top_table if k == t else table)[keys[k]] = \
                        links.score(ctx, i, cands[k], view, scores, k == t)
    return _Scored(ctx, i, cands, found, state, t)


def _own_cues(ctx: Context, i: int, state: _State) -> None:
    """What a comment says about its own writer: "Author's response", a signature ("-- SP")."""
    sig = ctx.infos[i].signature
    if ctx.self_authored(i) and i not in state.authored:
        state.naming().authored.add(i)
        if ctx.article_author and i not in state.names:
            state.names[i] = ctx.article_author
        _touched(state, i, named=True)
    if sig and i not in state.names:
        state.naming().names[i] = sig[0]
        state.name_source[i] = (i, sig[1])
        _touched(state, i, named=True)


def _candidates(ctx: Context, i: int, order: str, parents: Mapping[int, int]) -> list[int]:
    """The possible parents of comment i, in ascending order (the article, -1, first)."""
    if order == "threaded":
        path: list[int] = []
        node = i - 1
        while node != ARTICLE and node >= 0:
            path.append(node)
            node = parents[node]
        return [ARTICLE, *sorted(path)]
    return ctx.candidates(i)


def _apply(ctx: Context, i: int, j: int, state: _State) -> None:
    """Record i -> j and what the link tells about names (an address names the one answered)."""
    state.parents[i] = j
    facts = state.facts
    if facts is not None:
        facts[i] = _facts(state, i)
    if j == ARTICLE:
        return
    state.replies[j] = state.replies.get(j, 0) + 1
    author_addr = ctx.is_author_addressed(i)
    if author_addr is not None and author_addr.strength >= NAMING_STRENGTH and j not in state.names:
        state.naming().authored.add(j)
        if ctx.article_author:
            state.names[j] = ctx.article_author
            state.name_source[j] = (i, author_addr.span)
        _touched(state, j, named=True)
        return
    for a in ctx.infos[i].addresses:
        if a is author_addr or a.strength < NAMING_STRENGTH:
            continue
        if j not in state.names:
            state.naming().names[j] = a.name
            state.name_source[j] = (i, a.span)
            _touched(state, j, named=True)
            return
        break
    if facts is not None:
        facts[j] = _facts(state, j)


def teacher_forced(ctx: Context, order: str, given_names: Sequence[str | None], authored_given: Sequence[bool],
                   gold: Sequence[int]):
    """Yield (i, candidates, features) with earlier comments attached to their true parents.

    For training link weights: the features each candidate would have if every
    earlier decision had been right.
    """
    state = _State(0.0, {}, {k: v for k, v in enumerate(given_names) if v}, {},
                   {k for k, a in enumerate(authored_given) if a}, {}, None)
    for i in range(len(ctx.texts)):
        _own_cues(ctx, i, state)
        cands = _candidates(ctx, i, order, state.parents)
        if gold[i] not in cands:
            cands = sorted(set(cands) | {gold[i]})
        view = View(state.parents, state.names, frozenset(state.authored), state.replies)
        feats = {j: links.features(ctx, i, j, view) for j in cands}
        links.add_sim_top(ctx, i, cands, feats)
        yield i, cands, feats
        _apply(ctx, i, gold[i], state)
