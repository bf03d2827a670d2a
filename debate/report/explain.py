"""Glosses for students: what each label means and what a cue is, in plain words.

Used by `debate report --explain` and the worksheet's answer key. The label
glosses follow the label sets in `debate.model` (stance toward a thesis, after
SemEval-2016 Task 6; agree/disagree with the parent comment; discourse acts
after the Coarse Discourse label set plus argumentation acts; VADER sentiment).
"""

from __future__ import annotations

from ..model import Label

STANCE = {
    "favor": "argues for the thesis, or for something that supports it",
    "against": "argues against the thesis, or for something that contradicts it",
    "none": "takes no recognisable position on the thesis (off topic, a question, or balanced)",
    "mixed": "(participant) has comments on both sides in equal measure",
}
RELATION = {
    "agree": "agrees with the comment it replies to (or with the article, for a top-level comment)",
    "disagree": "disagrees with, contradicts or rebuts the comment it replies to",
    "neutral": "replies without agreeing or disagreeing (adds information, asks, jokes)",
}
SENTIMENT = {
    "positive": "the wording is positive overall (VADER compound score of 0.05 or more)",
    "neutral": "the wording is neither clearly positive nor negative (compound between -0.05 and 0.05)",
    "negative": "the wording is negative overall (compound of -0.05 or less); note: negative wording "
                "is not the same as disagreeing",
}
ACTS = {
    "question": "asks something",
    "answer": "answers a question asked before",
    "agreement": "says it agrees",
    "disagreement": "says it disagrees",
    "elaboration": "adds detail or explanation to a point already made",
    "rebuttal": "argues back against a point, giving a reason",
    "concession": "grants part of the other side's point (\"fair enough, but...\")",
    "evidence": "backs a claim with facts, numbers, sources or examples",
    "appeal_to_emotion": "tries to persuade through feelings rather than reasons",
    "personal_attack": "attacks the person instead of the argument",
    "humor": "jokes or uses irony",
    "appreciation": "thanks or praises someone",
    "announcement": "announces news or an event",
    "negative_reaction": "reacts with dismissal or annoyance without an argument",
    "other": "does none of the above",
}
KINDS = {"stance": STANCE, "relation": RELATION, "sentiment": SENTIMENT, "act": ACTS}
DECIDED_BY = {
    "local": "decided by cues in the comment itself",
    "model": "decided by a trained model",
}
CUE_HELP = (
    "A cue is a piece of evidence a rule looked for: a word, a phrase or a pattern in the "
    "comment (or its context). The weight says how strongly it pushed towards the label; "
    "positive weights push towards it, negative ones away from it."
)


def gloss(kind: str, value: str) -> str:
    """What `value` means for a label of `kind` ("stance", "relation", "sentiment", "act")."""
    return KINDS.get(kind, {}).get(value, f"the label {value!r}")


def cue_name(cue: str) -> str:
    """A cue identifier as words: "negated_modal" -> "negated modal"."""
    return cue.replace("_", " ").replace(":", ": ").strip()


def decided(label: Label) -> str:
    return DECIDED_BY.get(label.decided_by, f"settled by the rule “{cue_name(label.decided_by)}”")


def why(kind: str, label: Label) -> str:
    """One plain sentence (no Markdown) on why a label was given: its meaning, the strongest cue."""
    meaning = gloss(kind, label.value)
    if label.evidence:
        top = max(label.evidence, key=lambda e: (abs(e.weight), e.cue))
        fired = f"the strongest cue was “{cue_name(top.cue)}”"
        if top.text:
            fired += f" on the words “{top.text}”"
        fired += f" (weight {top.weight:+.2f})"
        if len(label.evidence) > 1:
            fired += f", with {len(label.evidence) - 1} more cue(s)"
    else:
        fired = "no specific cue fired, so this is the default"
    return f"{kind} {label.value}: {meaning}; {fired}; {decided(label)}."
