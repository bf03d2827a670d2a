"""Discourse acts of a comment (several may apply), each with a score and the cues that fired.

The act set is `debate.model.ACTS`: Coarse Discourse's acts for Reddit
(question, answer, announcement, agreement, appreciation, disagreement,
negative reaction, elaboration, humor, other) plus argumentation acts
(rebuttal, concession, evidence, appeal to emotion, personal attack).
"""

from __future__ import annotations

import math

from ..model import ACTS, Evidence, Label
from . import lexicons as lx
from .spans import quotations, sentences, strip_quotations

#: Acts need at least this score to be reported (one weak cue, weight 0.5, gives 0.39).
MIN_SCORE = 0.35
#: A reply this long (sentences) without agreement or disagreement adds to what it answers.
ELABORATION_SENTENCES = 3


def acts_of(text: str, *, is_reply: bool = False, parent_asks: bool = False,
            relation: Label | None = None) -> tuple[Label, ...]:
    """The discourse acts of one comment, in the order of `ACTS`.

    `parent_asks`: the parent contains a question, so a reply may answer it.
    `relation`: this comment's relation to its parent (feeds agreement,
    disagreement and rebuttal).
    """
    clean = strip_quotations(text)
    sents = sentences(clean)
    found: dict[str, list[Evidence]] = {}

    def add(act: str, cue: str, span: str, w: float = 1.0) -> None:
        found.setdefault(act, []).append(Evidence(cue, _clip(span), w))

    questions = [s for s in sents if s.rstrip().endswith("?")]
    for s in questions[:3]:
        add("question", "question_mark", s, 1.0 if not lx.find("rhetorical", s) else 0.5)
    if not questions:
        for s in sents[:2]:
            if lx.QUESTION_START.match(s) and len(s.split()) <= 20:
                add("question", "question_form", s, 0.5)
    if is_reply:
        for m in lx.find("answer", clean)[:3]:
            add("answer", "answer_marker", m, 0.6)
        if parent_asks and len(questions) < max(1, len(sents)):
            add("answer", "reply_to_question", sents[0] if sents else clean, 0.8)
    for m in lx.find("agree", clean)[:3]:
        add("agreement", "agree_marker", m, 0.8)
    for m in lx.find("disagree", clean)[:3]:
        add("disagreement", "disagree_marker", m, 0.8)
    if relation is not None and relation.value in ("agree", "disagree"):
        act = "agreement" if relation.value == "agree" else "disagreement"
        add(act, f"relation:{relation.decided_by}", relation.value, relation.score)
        if relation.value == "disagree" and (len(sents) >= 2 or lx.find("evidence", clean)):
            add("rebuttal", "disagrees_with_reasons", f"{len(sents)} sentences", 0.8)
    for m in lx.CONCESSION.finditer(clean):
        add("concession", "yes_but", m.group(0), 1.0)
    for m in lx.find("concession_solo", clean)[:2]:
        add("concession", "concession_marker", m, 0.6)
    for m in lx.FIGURE.finditer(clean):
        add("evidence", "figure", m.group(0), 0.5)
    for q in quotations(text)[:3]:
        add("evidence", "quotation", q, 0.6)
    for m in lx.find("evidence", clean)[:4]:
        add("evidence", "source_marker", m, 0.6)
    for m in lx.find("emotion", clean)[:4]:
        add("appeal_to_emotion", "emotion_word", m, 0.6)
    for m in lx.find("attack", clean)[:3]:
        add("personal_attack", "insult", m, 1.0)
    for m in lx.find("humor", clean)[:3]:
        add("humor", "humor_marker", m, 0.8)
    for m in lx.find("appreciation", clean)[:3]:
        add("appreciation", "thanks_or_praise", m, 1.0)
    for m in lx.find("announcement", clean)[:2]:
        add("announcement", "announcement_marker", m, 1.0)
    for m in lx.find("negative_reaction", clean)[:3]:
        add("negative_reaction", "negative_reaction_marker", m, 0.8)
    for m in lx.find("elaboration", clean)[:3]:
        add("elaboration", "elaboration_marker", m, 0.4)
    if is_reply and len(sents) >= ELABORATION_SENTENCES and "agreement" not in found \
            and "disagreement" not in found:
        add("elaboration", "long_reply", f"{len(sents)} sentences", 0.5)
    labels = []
    for act in ACTS:
        if act in found:
            s = _score(sum(e.weight for e in found[act]))
            if s >= MIN_SCORE:
                labels.append(Label(act, s, tuple(found[act]), "local"))
    if not labels:
        labels.append(Label("other", 0.5, (Evidence("no_cue", "no act cue fired", 0.0),), "local"))
    return tuple(labels)


def _score(weight: float) -> float:
    """Score of an act from its summed cue weight: 1 - exp(-w) (one full cue 0.63, two 0.86)."""
    return round(1.0 - math.exp(-weight), 4)


def _clip(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
