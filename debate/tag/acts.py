"""Discourse acts of a comment (several may apply), each with a score and the cues that fired.

The act set is `debate.model.ACTS`: Coarse Discourse's acts for Reddit
(question, answer, announcement, agreement, appreciation, disagreement,
negative reaction, elaboration, humor, other) plus argumentation acts
(rebuttal, concession, evidence, appeal to emotion, personal attack).
"""

from __future__ import annotations

import math
import re
from itertools import compress, count

from ..model import ACTS, Evidence, Label
from ..text.clip import clip as _clip
from . import lexicons as lx
from .relation import WEAK, concessions
from .spans import Doc, analyze

#: Acts need at least this score to be reported (one weak cue, weight 0.5, gives 0.39).
MIN_SCORE = 0.35
#: A one-sentence disagreement this long (words) states a claim of its own: a rebuttal ("Painted lines are
#: not nothing"), not a bare "No, wrong." (tuning sets: labellers called 32 of 51 such one-liners rebuttals).
REBUTTAL_MIN_WORDS = 6


def _words(doc) -> int:
    return sum(1 for t in doc.toks if t[0].isalnum())


#: A reply this long (sentences) without agreement or disagreement adds to what it answers.
ELABORATION_SENTENCES = 3
#: Quotations shorter than this (words) are scare quotes, not evidence.
QUOTE_MIN_WORDS = 3
#: Cues kept per act and family (the score saturates anyway).
MAX_CUES = 3
_FAMILY_ACTS = (
    # (family, act, cue name, weight)
    ("agree", "agreement", "agree_marker", 0.8),
    ("disagree", "disagreement", "disagree_marker", 0.8),
    ("concession_solo", "concession", "concession_marker", 0.6),
    ("evidence", "evidence", "source_marker", 0.6),
    ("emotion", "appeal_to_emotion", "emotion_word", 0.6),
    ("humor", "humor", "humor_marker", 0.8),
    ("appreciation", "appreciation", "thanks_or_praise", 1.0),
    ("announcement", "announcement", "announcement_marker", 1.0),
    ("negative_reaction", "negative_reaction", "negative_reaction_marker", 0.8),
    ("elaboration", "elaboration", "elaboration_marker", 0.4),
)
#: family -> (act, cue name, weight). Each family feeds its own act, so the order in which the families
#: found in a comment are visited does not change any act's evidence (checked here).
_FAMILY_ACT = {fam: (act, cue, w) for fam, act, cue, w in _FAMILY_ACTS}
assert len({act for _f, act, _c, _w in _FAMILY_ACTS}) == len(_FAMILY_ACTS) == len(_FAMILY_ACT)
assert {act for _f, act, _c, _w in _FAMILY_ACTS} <= set(ACTS)  # (acts_of orders its acts by ACTS)
_YOU = frozenset({"you", "your", "you're", "yours", "u"})
_DIGIT = re.compile(r"[0-9]")


#: A comment written in capitals ("THIS IS HOW YOU GET CRIME") shouts: at least this many letters, this
#: share of them upper case.
SHOUT_LETTERS = 15
SHOUT_SHARE = 0.8


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
#: Every byte but the capitals A-Z (deleted to count the capitals of ASCII text).
_NOT_CAPITALS = bytes(b for b in range(256) if not 65 <= b <= 90)


def sarcastic_closer(doc: Doc) -> str:
    """The closing sentence when it is one or two words of praise or of a mock verdict ("Bold.", "Classic
    Brackley.", "Peak theatre.") after at least one other sentence that neither thanks nor agrees."""
    firsts = doc.sent_first_tok
    if len(firsts) < 2 or doc.cues.get("appreciation") or doc.cues.get("agree"):
        return ""  # ("Thanks for the link. Perfect.": sincere)
    words = [t for t in doc.toks[firsts[-1]:] if t[0].isalpha()]
    if not 1 <= len(words) <= 2 or words[0] not in lx.SARCASTIC_CLOSERS:
        return ""
    return doc.sentence(len(firsts) - 1).strip()


def _shouts(text: str) -> bool:
    # (capitals counted first: most comments have too few to shout, and one scan in C settles it; in
    # ASCII text the bytes left when all but A-Z are deleted, a third of the cost of listing the matches)
    upper = (len(text.encode("ascii").translate(None, _NOT_CAPITALS)) if text.isascii()
             else len(_UPPER.findall(text)))
    if upper < SHOUT_LETTERS:
        return False
    return upper >= SHOUT_SHARE * (upper + len(_LOWER.findall(text)))


def _openers(pattern: str) -> frozenset[str] | None:
    """The first two letters of the words `pattern` ("^(?:why|what|...)\\b") opens with; None if it is not
    such a plain list of words of two letters or more. A sentence it matches opens with a token starting
    with those two letters."""
    m = re.fullmatch(r"\^\(\?:([a-z'|]+)\)\\b", pattern)
    words = m.group(1).split("|") if m else []
    if not words or any(len(w) < 2 or not w[:2].isalpha() for w in words):
        return None
    return frozenset(w[:2] for w in words)


_QUESTION_OPENERS = _openers(lx.QUESTION_START.pattern)
_ORDER = {act: i for i, act in enumerate(ACTS)}


def acts_of(text: str | Doc, *, is_reply: bool = False, parent_asks: bool = False,
            relation: Label | None = None) -> tuple[Label, ...]:
    """The discourse acts of one comment, in the order of `ACTS`.

    `parent_asks`: the parent contains a question, so a reply may answer it.
    `relation`: this comment's relation to its parent (feeds agreement,
    disagreement and rebuttal).
    """
    doc = text if isinstance(text, Doc) else analyze(text)
    found: dict[str, list[Evidence]] = {}

    def add(act: str, cue: str, span: str, w: float = 1.0) -> None:
        found.setdefault(act, []).append(Evidence(cue, _clip(span), w))

    def note(act: str, cue: str, said: str, w: float) -> None:
        """`add` for a text of our own (a relation's value, "3 sentences"): short, single-spaced, so
        already what `_clip` would make of it."""
        found.setdefault(act, []).append(Evidence(cue, said, w))

    n_sent = len(doc.sent_spans)
    questions = [i for i in range(n_sent) if doc.sentence(i).rstrip().endswith("?")] if "?" in doc.text else []
    for i in questions[:MAX_CUES]:
        add("question", "question_mark", doc.sentence(i), 0.5 if doc.in_sentence("rhetorical", i) else 1.0)
    if not questions:
        # (in ASCII text the pattern can only match a sentence whose first token opens as one of its words)
        quick = _QUESTION_OPENERS is not None and doc.text.isascii()
        for i in range(min(2, n_sent)):
            if quick and doc.toks[doc.sent_first_tok[i]][:2] not in _QUESTION_OPENERS:
                continue
            s = doc.sentence(i)
            if lx.QUESTION_START.match(s) and len(s.split()) <= 20:
                add("question", "question_form", s, 0.5)
    cues = doc.cues
    if is_reply:
        if "answer" in cues:
            for t in doc.texts("answer")[:MAX_CUES]:
                add("answer", "answer_marker", t, 0.6)
        if parent_asks and len(questions) < max(1, n_sent):
            add("answer", "reply_to_question", doc.sentence(0) if n_sent else doc.text, 0.8)
    conceded = concessions(doc)
    for fam, spans in cues.items():  # (only the families found: a comment has a few of the dozens)
        spec = _FAMILY_ACT.get(fam)
        if spec is None or not spans:
            continue
        act, cue, w = spec
        if fam == "agree":  # "I agree ... but" is a concession; weak markers count only opening a sentence
            spans = [(a, b) for a, b in spans if not any(x <= a < y for x, y in conceded)
                     and (" ".join(doc.toks[a:b]) not in WEAK or a in doc.sent_first_tok)]
        for a, b in spans[:MAX_CUES]:
            add(act, cue, doc.span_text(a, b), w)
    if cues.get("attack"):
        for i in range(n_sent):
            rng = doc.sentence_tokens(i)
            if not _YOU.isdisjoint(doc.toks[rng.start:rng.stop]):
                for t in doc.texts("attack", i)[:MAX_CUES]:
                    add("personal_attack", "insult", t, 1.0)
    if relation is not None and relation.value in ("agree", "disagree"):
        act = "agreement" if relation.value == "agree" else "disagreement"
        if not (act == "agreement" and relation.decided_by.startswith("rule:")):
            # (an agreement the thread rules read off two stances is no act of the comment's: "Build it." under
            # an article for the stadium; tuning sets: agreement precision 48.6 -> 75.2, recall 69.2 -> 58.5)
            note(act, f"relation:{relation.decided_by}", relation.value, relation.score)
        if relation.value == "disagree" and (n_sent >= 2 or doc.cues.get("evidence")):
            note("rebuttal", "disagrees_with_reasons", f"{n_sent} sentences", 0.8)
        elif relation.value == "disagree" and _words(doc) >= REBUTTAL_MIN_WORDS:
            note("rebuttal", "disagrees_with_reasons", "a sentence of its own claim", 0.8)
    if _shouts(doc.text):
        add("negative_reaction", "shouting", doc.text, 0.8)
    closer = sarcastic_closer(doc)
    if closer:  # mock praise both jokes and sneers
        add("humor", "sarcastic_closer", closer, 0.8)
        add("negative_reaction", "sarcastic_closer", closer, 0.8)
    for a, b in conceded:
        add("concession", "yes_but", doc.span_text(a, b), 1.0)
    for fig in (_figures(doc) + _worded_figures(doc))[:4]:
        add("evidence", "figure", fig, 0.5)
    testimony = _testimony(doc)
    if testimony:  # "Hygienist here.", "I run a nine-person studio": first-hand experience offered as evidence
        add("evidence", "testimony", testimony, 0.6)
    for q in doc.quotes[:MAX_CUES]:
        if len(q.split()) >= QUOTE_MIN_WORDS:
            add("evidence", "quotation", q, 0.6)
    if doc.urls:
        note("evidence", "link", f"{doc.urls} link(s)", 0.6)
    if is_reply and n_sent >= ELABORATION_SENTENCES and "agreement" not in found and "disagreement" not in found:
        note("elaboration", "long_reply", f"{n_sent} sentences", 0.5)
    if "rebuttal" in found and "disagreement" in found:
        # a disagreement that gives reasons is a rebuttal, not both (GUIDE.md; how every labeller who had
        # not read the rules read "rebuttal (disagreement with reasons)"); the disagreement cues stay as
        # the rebuttal's evidence
        found["rebuttal"] = found.pop("disagreement") + found["rebuttal"]
    labels = []
    # in the order of ACTS (every act added above is one of them; one act needs no sorting)
    for act in sorted(found, key=_ORDER.__getitem__) if len(found) > 1 else found:
        s = _score(sum([e.weight for e in found[act]]))
        if s >= MIN_SCORE:
            labels.append(Label(act, s, tuple(found[act]), "local"))
    return tuple(labels) if labels else _NO_ACT


#: The acts of a comment where no act cue fired (built once: records are immutable).
_NO_ACT = (Label("other", 0.5, (Evidence("no_cue", "no act cue fired", 0.0),), "local"),)


def _figures(doc: Doc) -> list[str]:
    """Numbers that carry information: a percentage, a decimal, 3+ digits that are not a year,
    a number with a unit ("18 times") or a proportion ("3 of 61")."""
    out: list[str] = []
    ascii = doc.text.isascii()
    if ascii and not _DIGIT.search(doc.text):
        return out  # (no token can start with a digit)
    toks = doc.toks
    if ascii:  # (an ASCII digit is the one character from "0" to "9": compared, not called)
        # tokens sorting before ":" (digits and most punctuation) picked at C speed, then the digits
        numbers = [k for k in compress(count(), map(":".__gt__, toks)) if toks[k] >= "0"]
    else:
        numbers = [k for k, t in enumerate(toks) if t[:1].isdigit()]
    for k in numbers:
        t = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else ""
        if nxt == "of" and not (k + 2 < len(toks) and toks[k + 2][:1].isdigit()):
            nxt = ""  # "5 of the" is not a proportion
        unit = nxt in lx.FIGURE_UNITS
        digits = sum(map(str.isdigit, t))
        year = digits == 4 and t.isdecimal() and 1800 <= int(t) <= 2100  # ("²²²²" is a digit string, not a number)
        if t.endswith("%") or unit or (digits >= 3 and not year) or "." in t or "," in t:
            # (an ASCII number token is digits, separators and "%": lower-casing left it as written, so
            # it is its own text, without locating it in the comment)
            out.append(t if ascii and not unit else doc.span_text(k, k + 2 if unit else k + 1))
    return out


#: Number words that state a quantity ("eight months", "two hearings").
_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                           "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
                           "dozens"})
#: Fractions said in words ("a third", "two quarters"), after "a", "one" or "two".
_FRACTIONS = frozenset({"third", "thirds", "quarter", "quarters", "fifth", "fifths"})
#: What a number word counts when it states a figure.
_COUNTED = frozenset({"years", "months", "weeks", "days", "hours", "times", "people", "percent", "children",
                      "patients", "households", "members", "responses", "hearings", "clubs", "firms", "schools",
                      "streets", "seasons", "games", "teams", "per"})
#: Every token that can start a figure in words (one C-level test skips the rest).
_FIGURE_STARTS = _NUMBER_WORDS | {"a", "one", "half", "twice"}
_DASHES = frozenset({"-", "–", "—"})
_SCORE_AFTER = frozenset({"vote", "votes", "against", "in", "majority", "decision", "win", "loss"})


def _worded_figures(doc: Doc) -> list[str]:
    """Figures said in words: "a third", "half of", "twice as", "one adult in five", "eight months",
    "voted 9-2" (a tally before "against" or after "voted")."""
    toks = doc.toks
    out: list[str] = []
    n = len(toks)
    if not _FIGURE_STARTS.isdisjoint(toks):
        for k in list(compress(count(), map(_FIGURE_STARTS.__contains__, toks))):
            t = toks[k]
            nxt = toks[k + 1] if k + 1 < n else ""
            if (t in ("a", "one", "two") and nxt in _FRACTIONS) or (t == "half" and nxt in ("of", "their", "the", "as")) \
                    or (t == "twice" and nxt == "as") or (t in _NUMBER_WORDS and nxt in _COUNTED):
                out.append(doc.span_text(k, k + 2))
            elif t in ("one", "a", "two", "three") and k + 3 < n and "in" in toks[k + 1:k + 3]:
                at = toks.index("in", k + 1, k + 3)
                if at + 1 < n and (toks[at + 1] in _NUMBER_WORDS or toks[at + 1] in ("four", "five", "six")
                                   or toks[at + 1].isdigit()):
                    out.append(doc.span_text(k, at + 2))  # "one adult in five"
    if "-" in doc.text or "–" in doc.text:
        # (only the dashes are visited, picked at C speed)
        for k in compress(count(), map(_DASHES.__contains__, toks)):
            if 0 < k < n - 1 and toks[k - 1].isdigit() and toks[k + 1].isdigit() and (
                    (k + 2 < n and toks[k + 2] in _SCORE_AFTER) or (k >= 2 and toks[k - 2] in ("voted", "by"))):
                out.append(doc.span_text(k - 1, k + 2))  # "voted 9-2", "6-3 against"
    return out


#: People whose first-hand account counts as evidence ("As a nurse", "I'm a receptionist").
_ROLES = frozenset({
    "nurse", "doctor", "teacher", "ref", "referee", "coach", "dentist", "hygienist", "receptionist", "engineer",
    "developer", "paramedic", "officer", "landlord", "tenant", "parent", "mum", "mom", "dad", "owner", "driver",
    "farmer", "firefighter", "lawyer", "scientist", "researcher", "manager", "worker", "resident", "student",
    "pharmacist", "gp", "vet", "librarian", "journalist", "councillor", "economist", "postdoc", "paediatrician",
    "pediatrician", "courier"})
_ACTIVITIES = frozenset({"run", "coach", "teach", "manage", "own"})
_IN_MY = frozenset({"experience", "job", "practice", "clinic", "school", "work"})
#: Every token that can anchor a testimony (one C-level test skips the rest).
_TESTIMONY_ANCHORS = _ROLES | _ACTIVITIES | _IN_MY | {"here", "worked", "work", "had"}


def _testimony(doc: Doc) -> str | None:
    """First-hand experience put forward as evidence: "Hygienist here.", "I'm a receptionist", "As a
    parent", "I worked on one of those", "I run a studio", "We had exactly this in our town", "In my
    experience". Returns the words that show it."""
    toks = doc.toks
    if _TESTIMONY_ANCHORS.isdisjoint(toks):
        return None
    n = len(toks)
    # (every test below needs its token to be an anchor: only those are visited, picked at C speed)
    for k in compress(count(), map(_TESTIMONY_ANCHORS.__contains__, toks)):
        t = toks[k]
        if t == "here" and k <= 3 and k + 1 < n and toks[k + 1] in (".", ",", ":", "!") and \
                all(w[0].isalpha() for w in toks[:k]):
            return doc.span_text(0, k + 1)  # "Hygienist here." (the first words of the comment)
        if t in _ROLES and k >= 2:
            for j in range(max(0, k - 4), k - 1):  # "i'm a (retired) nurse", "as a parent", "i am a ..."
                if toks[j] in ("i'm", "as", "am") and toks[j + 1] in ("a", "an"):
                    return doc.span_text(j, k + 1)
        if t in ("worked", "work") and k >= 1 and toks[k - 1] == "i" and k + 1 < n and \
                toks[k + 1] in ("on", "in", "at", "as", "for"):
            return doc.span_text(k - 1, k + 2)
        if t in _ACTIVITIES and k >= 1 and toks[k - 1] == "i" and k + 1 < n and \
                toks[k + 1] in ("a", "an", "the", "under", "our"):
            return doc.span_text(k - 1, k + 2)
        if t == "had" and k >= 1 and toks[k - 1] == "we" and "this" in toks[k + 1:k + 3]:
            at = toks.index("this", k + 1, k + 3)
            if at + 1 < n and toks[at + 1] in ("in", "at"):
                return doc.span_text(k - 1, at + 2)
        if t in _IN_MY and k >= 2 and toks[k - 1] == "my" and toks[k - 2] == "in":
            return doc.span_text(k - 2, k + 1)
    return None


def _score(weight: float) -> float:
    """Score of an act from its summed cue weight: 1 - exp(-w) (one full cue 0.63, two 0.86).

    Remembered per weight (a few sums of the fixed cue weights recur in almost every comment), up to
    `_SCORES_MAX` of them: sums with a relation's score are many.
    """
    got = _SCORES.get(weight)
    if got is None:
        got = round(1.0 - math.exp(-weight), 4)
        if len(_SCORES) < _SCORES_MAX:
            _SCORES[weight] = got
    return got


_SCORES: dict[float, float] = {}
_SCORES_MAX = 4096
