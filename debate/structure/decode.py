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
from itertools import repeat
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

    __slots__ = ("score", "parents", "names", "name_source", "authored", "replies", "decisions", "_shared")

    def __init__(self, score: float, parents: dict[int, int], names: dict[int, str],
                 name_source: dict[int, tuple[int, str]], authored: set[int], replies: dict[int, int],
                 decisions: tuple | None):
        self.score, self.parents, self.replies = score, parents, replies
        self.names = names
        self.name_source = name_source  # comment -> (comment whose address named it, span)
        self.authored = authored
        self.decisions = decisions  # linked list (earlier, (scored candidates, chosen parent)): shared, not copied
        self._shared = False  # names, name_source and authored are still the parent hypothesis's

    def child(self) -> "_State":
        """A copy to extend. Names and authorship seldom change, so the copy shares them until it
        changes one (`naming`); parents and reply counts change at every step and are copied."""
        new = _State(self.score, self.parents.copy(), self.names, self.name_source, self.authored,
                     self.replies.copy(), self.decisions)
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
    beam = [start]
    # Scored links by comment, candidate and what the state shows, shared by hypotheses and orders.
    memo = ctx.link_memo(weights) if width > 1 else None
    for i in range(n):
        # Except on a threaded page (candidates on the hypothesis's path) every hypothesis has the same.
        shared = [fixed[i]] if i in fixed else (None if order == "threaded" else ctx.candidates(i))
        own_cues = ctx.self_authored(i) or ctx.infos[i].signature
        expanded: list[tuple[float, _State, int, _Scored]] = []
        for state in beam:
            if own_cues:
                _own_cues(ctx, i, state)
            cands = shared or _candidates(ctx, i, order, state.parents)
            scored = _score(ctx, i, cands, state, weights, memo)
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
    `cands` best first. Features are looked up (`table`, `top_table` for the "sim_top" candidate at
    position `top`, by `keys`) only when a Decision is made: for the winning hypothesis alone."""

    __slots__ = ("cands", "scores", "ranked", "keys", "table", "top_table", "top")

    def __init__(self, cands: Sequence[int], scores: list[float], keys: Sequence, table: Mapping,
                 top_table: Mapping, top: int):
        self.cands, self.scores, self.keys, self.table, self.top_table, self.top = \
            cands, scores, keys, table, top_table, top
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
        fj = (self.top_table if k == self.top else self.table)[self.keys[k]][0]
        contrib = {k: weights.get(k, 0.0) * v for k, v in fj.items() if weights.get(k, 0.0) * v}
        return Decision(j, exp[k] / total, fj, contrib, len(cands), runner, dist)


def _weighted(f: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """A link's score: its features' weighted sum, added in the features' order."""
    wget = weights.get
    return sum([wget(k, 0.0) * v for k, v in f.items()])


def _score(ctx: Context, i: int, cands: Sequence[int], state: _State, weights: Mapping[str, float],
           memo: dict | None) -> _Scored:
    """Features and score of every candidate parent of comment i under this hypothesis.

    A link's features read only a few facts of the state (the names and authorship of i and j,
    whether j answers a comment and that comment's writer, j's reply count), so hypotheses that
    agree on those share the work (`memo`). The "sim_top" mark depends on the whole candidate set.
    """
    names, parents, authored, replies = state.names, state.parents, state.authored, state.replies
    if memo is None:
        view = View(parents, names, frozenset(authored), replies)
        feats = {j: links.features(ctx, i, j, view) for j in cands}
        top = links.sim_top(ctx, i, cands, feats)
        if top is not None:
            feats[top] = {**feats[top], "sim_top": 1.0}
        table = {j: (f, _weighted(f, weights)) for j, f in feats.items()}
        return _Scored(cands, [score for _, score in table.values()], cands, table, {}, -1)
    i_name, i_author = names.get(i), i in authored
    table, top_table = memo.get((i, i_name, i_author)) or memo.setdefault((i, i_name, i_author), ({}, {}))
    # The key holds only the facts `links.features` reads for this comment (see there): j's writer and
    # reply count always; whether j is the author's when i is the author's or addresses the author;
    # whether j answers a comment when i refers to its own earlier words or has a name (back-and-forth),
    # and that comment's writer when i has a name. Fewer facts, more hypotheses share an entry. The key
    # columns are built with map() over the candidates: this runs for every hypothesis and candidate.
    columns: list = [cands, map(names.get, cands)]
    if i_author or ctx.is_author_addressed(i) is not None:
        columns.append(map(authored.__contains__, cands))
    if i_name or ctx.infos[i].backref:
        grands = list(map(parents.get, cands, repeat(ARTICLE)))
        columns.append(map(ARTICLE.__ne__, grands))
        if i_name:
            columns.append(map(names.get, grands))
    columns.append(map(replies.get, cands))
    keys = list(zip(*columns))
    found: list = list(map(table.get, keys))
    # "sim_top" reads only the (static) overlaps and the candidate list, so the marked candidate is
    # known first and its marked features and score are kept apart (`top_table`).
    top = ctx.sim_top(i, cands)
    t = cands.index(top) if top is not None else -1
    if t >= 0:
        found[t] = top_table.get(keys[t])
    if None in found:
        view = View(parents, names, frozenset(authored), replies)
        for k, hit in enumerate(found):
            if hit is not None:
                continue
            key = keys[k]
            if k == t:
                base = table.get(key)
                if base is None:
                    f = links.features(ctx, i, cands[k], view)
                    base = table[key] = (f, _weighted(f, weights))
                f = {**base[0], "sim_top": 1.0}
                found[k] = top_table[key] = (f, _weighted(f, weights))
            else:
                f = links.features(ctx, i, cands[k], view)
                found[k] = table[key] = (f, _weighted(f, weights))
    return _Scored(cands, [score for _, score in found], keys, table, top_table, t)


def _own_cues(ctx: Context, i: int, state: _State) -> None:
    """What a comment says about its own writer: "Author's response", a signature ("-- SP")."""
    sig = ctx.infos[i].signature
    if ctx.self_authored(i) and i not in state.authored:
        state.naming().authored.add(i)
        if ctx.article_author and i not in state.names:
            state.names[i] = ctx.article_author
    if sig and i not in state.names:
        state.naming().names[i] = sig[0]
        state.name_source[i] = (i, sig[1])


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
    if j == ARTICLE:
        return
    state.replies[j] = state.replies.get(j, 0) + 1
    author_addr = ctx.is_author_addressed(i)
    if author_addr is not None and author_addr.strength >= NAMING_STRENGTH and j not in state.names:
        state.naming().authored.add(j)
        if ctx.article_author:
            state.names[j] = ctx.article_author
            state.name_source[j] = (i, author_addr.span)
        return
    for a in ctx.infos[i].addresses:
        if a is author_addr or a.strength < NAMING_STRENGTH:
            continue
        if j not in state.names:
            state.naming().names[j] = a.name
            state.name_source[j] = (i, a.span)
        break


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
