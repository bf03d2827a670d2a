"""Relation of a comment to its parent (or, for a top-level comment, to the article): agree / disagree / neutral.

Cues, each kept as evidence: agreement and disagreement markers (stronger in
the opening sentence, where replies usually take position), "Yes, ... but"
concessions (which turn against the parent: an agreement marker inside one
does not count), an opening "But"/"No", challenging questions ("Are you
saying ...?"), personal attacks, and thanks (mild agreement). A top-level
comment relates to the article only through what it says about it ("this
article", "the author"); the rest is left to the thread-level step.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..model import Evidence, Label
from . import lexicons as lx
from .spans import sentences, strip_quotations

#: Softmax logit of "neutral": one clear marker (weight 1, or 1.5 when opening) is needed to take a side.
NEUTRAL_LOGIT = 0.8
#: Replies: most replies in argumentative threads take a side (Coarse Discourse finds agreement and
#: disagreement far more often in replies than in top-level comments), so a single weaker cue suffices.
NEUTRAL_LOGIT_REPLY = 0.45
#: Cues in the first sentence count this much more (replies state their position first).
OPENING_BOOST = 1.5
#: Markers that often appear in other senses ("exactly how", "indeed") count for half.
WEAK = frozenset({"exactly", "absolutely", "indeed", "correct", "precisely", "wrong", "false", "hardly",
                  "naive", "a stretch", "not so", "disagree", "i doubt", "not at all", "no way"})
W_CONCESSION = 1.0
W_OPENING_CONTRAST = 1.0
W_CHALLENGE = 0.6
W_ATTACK = 1.0
W_THANKS = 0.5
W_ARTICLE_PRAISE = 1.5
#: A top-level comment without a word about the article: its cues may address anyone.
TOP_LEVEL_UNANCHORED = 0.5
_CHALLENGE = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
#: A reply's opening that corrects or qualifies what it answers ("Only if ...", "... though.", "It doesn't have to").
_CORRECTIVE = re.compile(r"^\s*(?:only if|not if|not necessarily|not really|that's not|that is not|it doesn't|it does not|"
                         r"it isn't|it is not|nothing in|then\b|even so|except)|\bthough[.!]?\s*$|\bi stand by\b|"
                         r"\bin fact\b|\bactually\b|\bstill\b", re.IGNORECASE)
W_CORRECTIVE = 0.7
#: The reply quotes its parent ("> ..." lines): it answers a claim, most often to contest it.
_QUOTE_LINE = re.compile(r"^\s*>", re.MULTILINE)
W_QUOTE_REPLY = 0.3


@dataclass(frozen=True)
class RelationScore:
    margin: float  # > 0 agree, < 0 disagree
    probs: tuple[float, float, float]  # agree, disagree, neutral
    evidence: tuple[Evidence, ...]

    def label(self) -> Label:
        i = max(range(3), key=lambda k: (self.probs[k], -k))
        return Label(value=("agree", "disagree", "neutral")[i], score=round(self.probs[i], 4),
                     evidence=self.evidence, decided_by="local")


def relation_of(text: str, *, top_level: bool = False) -> Label:
    """Local relation label of one comment to what it answers."""
    return score_relation(text, top_level=top_level).label()


def score_relation(text: str, *, top_level: bool = False) -> RelationScore:
    clean = strip_quotations(text)
    sents = sentences(clean)
    ev: list[Evidence] = []
    margin = 0.0
    concessions = [(m.start(), m.end(), m.group(0)) for m in lx.CONCESSION.finditer(clean)]
    for c in concessions:
        margin -= W_CONCESSION
        ev.append(Evidence("concession", _clip(c[2]), -W_CONCESSION))
    offset = 0
    for i, s in enumerate(sents):
        boost = OPENING_BOOST if i == 0 else 1.0
        start = clean.find(s, offset)
        offset = start + len(s) if start >= 0 else offset
        for m in lx.pattern("agree").finditer(s):
            at = start + m.start()
            if any(a <= at < b for a, b, _ in concessions):
                continue  # "I agree ... but": the turn decides
            if m.group(0).lower() in WEAK and s[:m.start()].strip(" \"'(") != "":
                continue  # "exactly why ...": a weak marker counts only when it opens the sentence
            w = (0.5 if m.group(0).lower() in WEAK else 1.0) * boost
            margin += w
            ev.append(Evidence("agree_marker", m.group(0), round(w, 3)))
        for m in lx.pattern("disagree").finditer(s):
            w = (0.5 if m.group(0).lower() in WEAK else 1.0) * boost
            margin -= w
            ev.append(Evidence("disagree_marker", m.group(0), round(-w, 3)))
        if s.rstrip().endswith("?") and lx.find("rhetorical", s) and _CHALLENGE.search(s):
            margin -= W_CHALLENGE
            ev.append(Evidence("challenge_question", _clip(s), -W_CHALLENGE))
        for m in lx.find("attack", s) if _CHALLENGE.search(s) else ():
            margin -= W_ATTACK
            ev.append(Evidence("personal_attack", m, -W_ATTACK))
        for m in lx.find("appreciation", s):
            # praising the article itself ("Great article") is agreeing with it
            w = W_ARTICLE_PRAISE if top_level and lx.find("article_ref", m + " " + s) else W_THANKS
            margin += w
            ev.append(Evidence("appreciation", m, w))
    if not top_level:
        for i, s in enumerate(sents[:2]):
            m = _CORRECTIVE.search(_skip_address(s) if i == 0 else s)
            if m:
                margin -= W_CORRECTIVE
                ev.append(Evidence("corrective", m.group(0).strip() or s[:40], -W_CORRECTIVE))
                break
        if _QUOTE_LINE.search(text) or "QUOTE" in clean[:200]:
            margin -= W_QUOTE_REPLY
            ev.append(Evidence("quotes_parent", "answers a quoted claim", -W_QUOTE_REPLY))
    body = _skip_address(clean)
    first = re.match(r"\s*([A-Za-z]+(?:,\s*actually)?)\b", body)
    if first and first.group(1).lower() in lx.OPENING_CONTRAST:
        margin -= W_OPENING_CONTRAST
        ev.append(Evidence("opening_contrast", first.group(1), -W_OPENING_CONTRAST))
    if top_level and not lx.find("article_ref", clean):
        margin *= TOP_LEVEL_UNANCHORED
    logits = (margin, -margin, NEUTRAL_LOGIT if top_level else NEUTRAL_LOGIT_REPLY)
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    z = sum(exps)
    return RelationScore(round(margin, 4), tuple(round(e / z, 6) for e in exps), tuple(ev))  # type: ignore[arg-type]


#: "@name", "Adam," or "SP," at the start: the address, not the first word of the reply.
_ADDRESS = re.compile(r"^\s*(?:@[\w.\-]+[,:]?|(?:dear\s+)?[A-Z][\w.\-]{0,30}(?:\s[A-Z][\w.\-]{0,30})?\s*,)\s*")


def _skip_address(text: str) -> str:
    m = _ADDRESS.match(text)
    if m and not re.match(r"\s*(?:but|no|yes|however|actually|well|so|and)\s*,", m.group(0), re.IGNORECASE):
        return text[m.end():]
    return text


def _clip(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
