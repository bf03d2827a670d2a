"""Which side of a given thesis an article takes, read off what its title says.

Scoring an article's text like a comment's often misplaces it: a piece that deplores the status quo
("someone threw the carrots away because of the date") reads as against the change it argues for, and
a news report's quoted objections read as its own. Two readings of the title are surer:

- an opinion piece whose title or conclusion states the given thesis in much the same words and with
  the same polarity ("Bring Back the Dog Licence" for "Dog licences should be brought back") argues it;
- a news report ("Booking system at Carrow's tips to stay for good") takes no side, but its readers
  answer the decision it reports: "Good." approves the decision. When the given thesis is the
  decision's opposite ("Recycling centres should not require residents to book a slot"), approving
  the news is arguing against the thesis, so the article stands against it.

A statement's polarity is the parity of its negations, of a stopping verb right after its modal
("should scrap", "to end") or opening it ("Scrap the licence fee") and of a ban as its object ("a
town-wide ban"); a thesis and a report on the same topic (a content word in common) with the same
polarity agree. A thesis that puts one thing instead of another ("teach in mixed-ability classes instead
of sets") also agrees with a report that stops the other thing ("to drop maths sets").
"""

from __future__ import annotations

import re

from ..model import Evidence, Thesis
from ..text.clip import clip
from . import lexicons as lx
from .spans import stop_words
from .valence import stem

#: Verbs after a modal that stop their object ("should scrap X", "to pull X"): the lexicon's, with the
#: headline verbs of withdrawing something.
_STOPPING = lx.STOPPING_VERBS | lx.STOP_IMPERATIVES | frozenset({
    "pull", "withdraw", "reject", "block", "shelve", "phase", "retire", "close", "shut", "scrapped",
    "axed", "dropped", "ended", "banned", "abolished", "halted", "closed", "pulled", "withdrawn"})
#: Objects that are themselves a stop ("adopt a town-wide pavement parking ban").
_BAN_NOUNS = frozenset({"ban", "bans", "moratorium", "prohibition", "embargo"})
#: Where the verb of a thesis or a reported decision follows.
_MODALS = frozenset({"should", "must", "shall", "will", "would", "could", "can", "to", "may", "might"})
#: Words between a modal and its verb ("should not be", "must now", "should have to").
_AUXILIARY = frozenset({"not", "never", "be", "been", "now", "have", "has", "also", "still", "no", "longer",
                        "finally", "always", "only", "just"})
#: How far after its verb an object's ban may come, and the words that end the verb's clause first.
_CLAUSE_WORDS = 8
_CLAUSE_BREAK = frozenset({"and", "but", "which", "who", "because", "as", "while", "so", "if", "when"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NEGATION = re.compile(r"\b(?:not|no|never)\b|n't\b")
#: "X instead of Y", "replace Y with X": Y is what the thesis puts aside.
_INSTEAD_OF = re.compile(r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?P<other>.+)$", re.IGNORECASE)
_REPLACE_WITH = re.compile(r"\breplac\w*\s+(?P<other>.+?)\s+with\b", re.IGNORECASE)


def content_stems(text: str) -> frozenset[str]:
    """The stems of a text's content words of four letters or more (a title's short words are often
    abbreviations its thesis spells out: "Is unlimited PTO a trap?" for "Unlimited paid time off ...")."""
    stop = stop_words()
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4 and w not in stop)


def negation_parity(text: str) -> int:
    """The parity of the negations in a text (a thesis and its negation share their content words)."""
    return len(_NEGATION.findall(text.lower())) % 2


def polarity(statement: str) -> int:
    """+1 when a statement asks for (or reports) its object done, -1 when stopped or not done.

    Its first sentence is read ("Scrap the licence fee. Here's what should replace it"): the negations, a
    stopping verb after the first modal ("should scrap", "to end"), or without a modal one opening it
    ("Scrap the licence fee") or anywhere ("It's time supermarkets scrapped best-before dates"), and a ban
    as the object ("a town-wide ban")."""
    first = _SENTENCE_END.split(statement.strip(), maxsplit=1)[0]
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", first.lower())
    flips = negation_parity(first)
    k = next((i for i, w in enumerate(words) if w in _MODALS), None)
    if k is not None:
        j = k + 1
        while j < len(words) and words[j] in _AUXILIARY:
            j += 1
        if j < len(words) and words[j] in _STOPPING:
            flips += 1
    else:
        j = 0
        if any(w in _STOPPING for w in words):
            flips += 1
    # a ban in the verb's own clause ("adopt a town-wide ban"; not "..., enforced as the ban on cigarettes")
    clause = words[j + 1:j + 1 + _CLAUSE_WORDS]
    if any(w in _BAN_NOUNS or (w.endswith("ing") and w in _STOPPING)  # "consults on banning X"
           for w in clause[:next((i for i, w in enumerate(clause) if w in _CLAUSE_BREAK), len(clause))]):
        flips += 1
    return -1 if flips % 2 else 1


def shared_stems(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The stems of `a` that `b` has too, or a longer or shorter form of ("book" and "booking", "licenc"
    and "licence": the stemmer leaves words of four letters, and keeps five)."""
    return frozenset(x for x in a if x in b or any(x.startswith(y) or y.startswith(x) for y in b))


def restates(claim: str, thesis: str) -> bool:
    """`claim` states `thesis` in much the same words (half its content words or more) and polarity
    ("Scrap the dog licence" shares its words with "Dog licences should be brought back", not its side)."""
    said = content_stems(claim)
    return bool(said) and 2 * len(shared_stems(said, content_stems(thesis))) >= len(said) and \
        polarity(claim) == polarity(thesis)


def stating_evidence(own: Thesis, thesis: str, title: str | None = None) -> Evidence | None:
    """Why an article argues `thesis` when the thesis it states itself (`own`, extracted from its title, lead
    or conclusion) restates it ("Bring Back the Dog Licence" for "Dog licences should be brought back"), or
    its `title` does while `own` is a longer conclusion ("Weight-loss jabs should be on the NHS for anyone
    with obesity"; a title that asks states nothing), else None. The tagger's thread step and `debate
    compare` both read an article's side this way."""
    if own.clear and restates(own.text, thesis):
        return Evidence("article_side", f"its {own.source} states the thesis ({clip(own.text, 120)!r})", 1.0)
    title = (title or "").strip()
    if title and not title.endswith("?") and restates(title, thesis):
        return Evidence("article_side", f"its title states the thesis ({clip(title, 120)!r})", 1.0)
    return None


def report_side(proposition: str, thesis: str) -> int:
    """+1 when the decision a report states (as a proposition, "Council should scrap X") is what the
    thesis asks for, -1 when it is the opposite, 0 when they share no topic word."""
    said = content_stems(proposition)
    if not shared_stems(said, content_stems(thesis)):
        return 0
    stops = polarity(proposition) < 0
    side = (-1 if stops else 1) * polarity(thesis)
    other = _INSTEAD_OF.search(thesis) or _REPLACE_WITH.search(thesis)
    if other and side < 0 and stops and shared_stems(said, content_stems(other.group("other"))):
        return 1  # the report stops what the thesis would put aside
    return side
