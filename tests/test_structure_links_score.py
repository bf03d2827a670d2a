"""The decoder's link score (`links.score`) is the weighted sum of the link's features, to the bit.

The decoder scores links without building their features dict (it explains only the chosen ones);
`links.score` and `links.features` share the state-dependent terms but weigh the static parts apart, so
these tests compare the two on links whose every feature fires, under many decoding states.
"""

from __future__ import annotations

import random

import pytest

from debate.structure import links
from debate.structure.links import ARTICLE, Context, View
from debate.structure.weights import HAND_WEIGHTS, load_weights

_TEXTS = [
    "Bus lanes would help more than another car park. My son takes the train every day.",
    "Ann, you have not read the report, have you? Where is the evidence?",
    "Exactly. As I said above, \"bus lanes would help more\" and your son proves it.",
    "@Bob Nonsense. Nobody walks two miles with shopping. Jo Reed's article says so too.",
    "Separate question: what does the council plan for cyclists?",
    "Author's response: thanks Ann, the figures are in the second table of the article.",
    "Comment 2 is right. You said \"have not read the report\" but I did. -- Chidi",
    "Why? Because the article ignores renters, Dana.",
    "But my son and your son are not the same case, Bob.",
    "Jo, the first comment makes the point better than the article.",
    "Jo Reed, thanks for writing this. I wrote \"bus lanes would help more\" above.",
    "Trains full? Nonsense.",
]
_NAMES = [None, "Ann", "Bob", "Chidi", "Dana", "Jo Reed"]


def _context(names: list[str | None]) -> Context:
    return Context(_TEXTS, names, "Jo Reed",
                   "Scrap parking minimums\nThe council wants to scrap parking minimums for new flats near "
                   "stations. Supporters say it cuts rents; critics say streets fill with cars.",
                   [str(k + 1) for k in range(len(_TEXTS))])


def _views(n: int, seed: int):
    rnd = random.Random(seed)
    for _ in range(40):
        parents = {k: rnd.choice([ARTICLE, *range(k)]) for k in range(n) if rnd.random() < 0.8}
        names = {k: rnd.choice(_NAMES[1:]) for k in range(n) if rnd.random() < 0.5}
        authored = frozenset(k for k in range(n) if rnd.random() < 0.2)
        replies: dict[int, int] = {}
        for p in parents.values():
            if p != ARTICLE:
                replies[p] = replies.get(p, 0) + 1
        yield View(parents, names, authored, replies)


@pytest.mark.parametrize("weights", [dict(HAND_WEIGHTS), load_weights()], ids=["hand", "learned"])
@pytest.mark.parametrize("shown", [False, True])
def test_score_is_the_weighted_sum_of_the_features_bit_for_bit(weights, shown):
    names = [_NAMES[k % len(_NAMES)] if shown else None for k in range(len(_TEXTS))]
    ctx = _context(names)
    scores = links.LinkScores(weights)
    fired: set[str] = set()
    for seed, view in enumerate(_views(len(_TEXTS), 1 + shown)):
        for i in range(len(_TEXTS)):
            for j in (ARTICLE, *range(len(_TEXTS))):
                if j == i:
                    continue
                f = links.features(ctx, i, j, view)
                fired.update(f)
                assert links.score(ctx, i, j, view, scores) == links.weighted(f, weights), (i, j, f)
                marked = {**f, "sim_top": 1.0}
                assert links.score(ctx, i, j, view, scores, top=True) == links.weighted(marked, weights)
    # The comparison means something only if every feature fired somewhere ("sim_top" is the decoder's).
    assert fired == set(links.FEATURES) - {"sim_top"}
