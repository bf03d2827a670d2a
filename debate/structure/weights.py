"""Weights of the link features (log-odds scale): how much each cue counts.

`HAND_WEIGHTS` are set by reasoning about what each cue means (an address that
names the candidate's writer is near-decisive; a shared word is weak). The
benchmark (`benchmarks/structure_benchmark.py --learn`) fits the same features
with logistic regression and writes `debate/data/structure_link_weights.json`;
`load_weights()` prefers that file when present. Plain JSON, never pickle.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..errors import ModelError
from .links import FEATURES

HAND_WEIGHTS: dict[str, float] = {
    "article": 1.0,
    "prev": 1.0,
    "dist": -0.5,
    "sim": 4.0,
    "sim_top": 0.8,
    "quote": 4.0,
    "quote_you": 1.5,
    "self_quoted": -2.0,
    "addr_match": 5.0,
    "addr_other": -2.5,
    "addr_unknown": 0.8,
    "addr_article": -3.0,
    "addr_author": 3.0,
    "addr_author_article": 0.5,
    "you": 0.8,
    "opening": 1.2,
    "answer_q": 1.5,
    "mention_article": 1.0,
    "same_writer": -3.0,
    "back_forth": 1.5,
    "author_reply": 1.5,
    "author_to_author": -2.5,
    "author_article": -2.0,
    "name_mention": 2.0,
    "backref_chain": 0.8,
    "replied": -0.2,
    "number_ref": 5.0,
    "echo": 2.0,
    "new_topic": 2.5,
    "your_my": 2.0,
}

#: In debate/data/ so that it ships with the package (pyproject package-data).
LEARNED_PATH = Path(__file__).resolve().parents[1] / "data" / "structure_link_weights.json"


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> dict[str, float]:
    """Learned weights if their file exists (and names only known features), else the hand weights."""
    file = Path(path) if path else LEARNED_PATH
    if not file.exists():
        return dict(HAND_WEIGHTS)
    data = json.loads(file.read_text(encoding="utf-8"))
    weights = data.get("weights", {})
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise ModelError(f"unknown link features {sorted(unknown)}", path=str(file))
    # A feature newer than the file keeps its hand weight until the file is refitted.
    return {**HAND_WEIGHTS, **{k: float(v) for k, v in weights.items()}}
