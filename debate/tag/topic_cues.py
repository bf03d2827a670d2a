"""Cues toward the thesis's topic and proposal: what a comment says of the policy itself.

Comments argue through a thesis's aspects (costs, harms, benefits, consequences) more than
through its exact words. `profile.py` lists the topic words with the side the thesis takes on each
(`ThesisProfile.topic`); here a sentence naming one is scored by the valence of the rest of the
sentence times that side (`topic_sentence`), and sentences naming none still count when the
thesis proposes something: an imperative restating it, costs someone will bear or that are denied,
predicted consequences, objections put as questions (`proposal_cues`). Each cue leaves Evidence.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import compress

from ..model import Evidence
from ..text.clip import clip as _clip
from . import lexicons as lx
from .profile import ThesisProfile
from .spans import Doc
from .thesis_forms import STOPPED
from .topic_terms import GENERIC_STOPS, PROPOSAL_CUE_WORDS as _PROFILE_CUE_WORDS
from .valence import NEGATION_SCALAR, VALENCE_UNIT, word_valence

#: Weight of a dismissal ("charade", "theatre") aimed at a side (margin units).
W_DISMISSAL = 0.9
#: Questions that challenge an action rather than ask about it ("Why go out of your way to ...?");
#: a plain "Why does X have such a harsh policy?" criticises X and is not flipped.
RHETORICAL_OPEN = re.compile(r"\s*(?:why (?:would|should|go|bother|not|do you|are you|on earth)|how can|how could|"
                              r"do you really|are you|isn't|is it not|who are)")


#: Weight of a sentence's evaluation of the thesis's topic (in margin units, as W_TARGET).
W_TOPIC = 1.5
#: Weight of a comparison the topic loses or wins ("limits would help more than meters").
W_COMPARE = 1.2
#: A valenced word followed by one of these is undone ("costs nothing", "helps little").
_POST_NEGATORS = frozenset({"nothing", "little"})
#: Markers of a comparison between the topic and a rival.
_COMPARE = frozenset({"than", "instead", "rather"})
_SHOULD_WORDS = frozenset({"should", "must", "shouldn't", "mustn't"})
#: Verbs of stopping something (their object's side turns), past forms and replacing included.
STOPPING_WORDS = (lx.STOPPING_VERBS - {"cut", "cutting"}) | {
    "banned", "dropped", "cancel", "cancelling", "ditch", "kill", "replace", "replaced", "replaces", "replacing"}
#: Relative pronouns: a stopping verb right after one describes its subject ("schools that dropped it").
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})


def in_relative_clause(toks: list[str], k: int, start: int) -> bool:
    """The verb at k opens a relative clause ("schools that dropped homework ..."): it describes the
    subject, and the sentence's judgement is in the main clause."""
    return k > start and toks[k - 1] in _RELATIVE_PRONOUNS
#: Words that put a topic word in the status quo ("the old terminal floods": for replacing it).
STATUS_QUO = frozenset({"old", "current", "existing", "present", "today's"})


def status_quo_in(doc: Doc, start: int, stop: int) -> bool:
    """A STATUS_QUO word among tokens [start, stop), not as part of a name ("the Old Quarter", "Current
    Affairs": capitalised where no sentence starts)."""
    toks = doc.toks
    if STATUS_QUO.isdisjoint(toks[start:stop]):
        return False
    firsts = doc.sent_first_tok
    return any(toks[j] in STATUS_QUO and (not doc.token_text(j)[:1].isupper() or j in firsts)
               for j in range(start, stop))
#: "<topic>-free", "<topic>-less": without the topic (the sign turns).
_WITHOUT = frozenset({"free", "less"})


def topic_sentence(doc: Doc, i: int, rng: range, p: ThesisProfile,
                    consumed: set[int]) -> tuple[float, list[Evidence], bool]:
    """Evaluation of the thesis's topic in one sentence: its valence times the side the thesis takes.

    "Code review is theatre" dismisses a topic the thesis praises (against); "A shorter week costs
    nothing" praises one it wants (favor); "We should end the ban" stops what a thesis preferring a
    fee rejects (favor); "Review catches defects" removes a fault, it does not commit one.
    """
    toks, neg = doc.toks, doc.negated
    topic = p.topic
    here = toks[rng.start:rng.stop]
    stops = {k for k in rng if toks[k] in STOPPING_WORDS} if not STOPPING_WORDS.isdisjoint(here) else set()
    # (the sentence's topic words picked at C speed; a stopping word among them is dropped when it acts on
    # a topic word after it)
    anchor_idx = list(compress(rng, map(topic.__contains__, here)))
    if stops:
        anchor_idx = [j for j in anchor_idx if not (j in stops and _acts_on(stops, j, toks, topic, rng))]
    skip = set(anchor_idx)
    signs = []
    stop_act = 0.0  # stopping an anchor ("end the ban", "replaced our reviews"): a negative act toward it
    neg_act = 0.0  # refusing an anchor ("don't ban them", "no homework")
    refused: list[str] = []
    for j in anchor_idx:
        v = topic[toks[j]]
        if j > rng.start and abs(topic.get(toks[j - 1], 0.0)) == 0.5 and topic[toks[j - 1]] * v < 0:
            continue  # "electric buses" under "replace diesel buses with electric ones": the modifier decides
        if abs(v) == 0.5 and j + 1 < rng.stop and topic.get(toks[j + 1], 0.0) * v < 0:
            v = math.copysign(1.0, v)
        if j + 2 < rng.stop and toks[j + 1] == "-" and toks[j + 2] in _WITHOUT:
            v = -v  # "car-free", "cashless": without it
            skip.update((j + 1, j + 2))
        before = range(max(rng.start, j - STOP_WINDOW), j)
        if status_quo_in(doc, before.start, j):
            v = -v  # "the old terminal", "the current lanes": what the thesis would replace
        refusal = _refusal(toks, j, rng.start) if neg[j] else None
        if refusal and not any(k in stops for k in before):
            neg_act += STOP_VALENCE  # "don't ban them", "no homework": the topic word itself refused
            refused.append(refusal)
        stop = next((k for k in before if k in stops), None) if stops else None
        if stop is None and v:
            stop = _passive_stop(toks, j, rng.stop)  # "heading should be banned", "... be taken out of"
        if stop is not None and v:
            if in_relative_clause(toks, stop, rng.start):
                # "Schools that dropped homework saw calmer children": the stop only describes the
                # subject (a place without it); the main clause judges that, so the side turns
                v = -v * (NEGATION_SCALAR if neg[stop] else 1.0)
            else:
                stop_act = STOP_VALENCE * (NEGATION_SCALAR if neg[stop] else 1.0)
            skip.add(stop)
        signs.append(v)
    sign = max(-1.0, min(1.0, sum(signs)))
    ev: list[Evidence] = []
    if not anchor_idx or not sign:
        return 0.0, ev, True  # names only actors, settings or the article's vocabulary: relevant, no side
    sent = doc.sentence(i)
    low = sent.lower()
    cmp_at = next((j for j in rng if toks[j] in _COMPARE), None) if not _COMPARE.isdisjoint(here) else None
    if cmp_at is not None:
        before_v = sum(topic.get(toks[j], 0.0) for j in range(rng.start, cmp_at))
        after_v = sum(topic.get(toks[j], 0.0) for j in range(cmp_at + 1, rng.stop))
        worse = any(toks[j] in ("worse", "less", "fewer") for j in range(rng.start, cmp_at))
        side = (before_v - after_v) * (-1.0 if worse else 1.0)
        if any(neg[j] for j in range(rng.start, cmp_at) if toks[j] in topic):
            side = -side  # "I'm not convinced a law is the fix rather than a workplace policy"
        if side:
            c = W_COMPARE * max(-1.0, min(1.0, side))
            ev.append(Evidence("topic_comparison", _clip(sent), round(c, 3)))
            return c, ev, True
    e, words = _valence(doc, rng, skip, consumed, should=not stop_act)
    d, moved, premise = _direction(toks, neg, rng, [(j, v) for j, v in zip(anchor_idx, signs) if v], sign)
    if premise < 0:
        e = -e  # "Fewer cars means kids can walk": the good that follows is the good of having less of it
    if d:
        e += d  # "rents went up", "fewer cars", "raise the levy": the topic word's own rise or fall
        words = moved + words
    if not e and neg_act:  # (a sentence with valenced words says more than the bare refusal)
        e, words = neg_act, refused
    e += stop_act
    words = [toks[k] for k in stops if k in skip] + words
    merely = next((k for k in range(rng.start, rng.stop - 1) if toks[k] in _FUTURE
                   and toks[k + 1] in _MERELY), None) if not _MERELY.isdisjoint(here) else None
    if merely is not None:
        e -= MERELY_VALENCE  # "a ban would just push shoppers to the mall": a consequence that defeats it
        words.append(" ".join(toks[merely:merely + 2]))
    asks = low.rstrip().endswith("?")
    dis = doc.texts("dismissal", i)
    rhetorical = asks and bool(RHETORICAL_OPEN.match(low))
    futile = doc.texts("futility", i)
    flip = -1.0 if (rhetorical or futile) else 1.0
    margin = 0.0
    if asks and _OBJECTION.match(low):
        # "Who watches the kids on the fifth day?": an objection put as a question
        c = W_TOPIC * math.tanh(-OBJECTION_VALENCE / VALENCE_UNIT) * sign
        margin += c
        ev.append(Evidence("objection", _clip(sent), round(c, 3)))
    if e:
        c = W_TOPIC * math.tanh(e / VALENCE_UNIT) * sign * flip
        margin += c
        what = ", ".join(toks[j] for j in anchor_idx[:3])
        ev.append(Evidence("topic_valence", f"{what} ({', '.join(words[:4])}): {_clip(sent)}", round(c, 3)))
    if dis:
        c = -W_DISMISSAL * sign
        margin += c
        ev.append(Evidence("dismissal", ", ".join(dis) + f" (aimed at {toks[anchor_idx[0]]})", round(c, 3)))
    return margin, ev, True


#: "would just ...", "will only ...": the adverbs after a future marker (`_FUTURE`) that make a consequence
#: defeat the proposal.
_MERELY = frozenset({"just", "only", "simply", "merely"})


#: Valence (VADER scale) of a topic word's rise or fall: about VADER's "improve" (1.9) and "worsen" (-2.3)
#: below them, since a rise is good news only through the side the thesis takes on the word.
DIRECTION_VALENCE = 1.5
#: Changes said of a topic word right after it ("rents rose", "employment fell", "the levy went up"):
#: intransitive uses only (a determiner after the verb makes the word the agent: "fees raised the price").
_RISES = frozenset({"rise", "rises", "rose", "risen", "rising", "grow", "grows", "grew", "grown", "growing", "soar",
                    "soared", "soars", "jumped", "jumps", "climbed", "climbs", "climb", "surged", "doubled",
                    "tripled", "increased", "skyrocketed", "ballooned"})
_FALLS = frozenset({"fall", "falls", "fell", "fallen", "falling", "drop", "drops", "dropped", "decline", "declines",
                    "declined", "declining", "shrink", "shrinks", "shrank", "shrunk", "halved", "plummeted",
                    "plunged", "sank", "decreased", "collapsed", "dwindled"})
#: "went up", "come down": a movement verb and its particle.
_MOVES = frozenset({"go", "goes", "went", "gone", "going", "come", "comes", "came", "coming", "shot", "shoot"})
#: Words before a topic word that say it will be more or less ("more cars", "lower rents", "raise the levy").
_MORE = frozenset({"more", "higher", "rising", "raise", "raises", "raised", "raising", "increase", "increases",
                   "increasing", "boost", "boosts", "boosted", "double", "doubling", "expand", "expanded",
                   "expanding", "extra", "bigger"})
_LESSER = frozenset({"fewer", "less", "lower", "falling", "reduce", "reduces", "reduced", "reducing", "lowered",
                     "lowering", "slash", "slashed", "halve", "halving", "smaller", "decrease", "decreasing"})
#: What may stand between a topic word and its change ("rents have actually gone up", "fines will drop").
_BETWEEN = frozenset({"will", "would", "'ll", "'d", "have", "has", "had", "'ve", "is", "are", "was", "were",
                      "be", "been", "to", "just", "only", "actually", "still", "already", "did", "do", "does",
                      "won't", "wo", "n't", "not", "never", "didn't", "haven't", "hasn't", "really", "even",
                      "then", "also", "all", "quickly", "sharply", "barely", "keep", "kept", "going", "gonna"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "its", "his", "her", "my", "your", "this", "that",
                          "these", "those", "any", "some"})


def _direction(toks: list[str], neg: list[bool], rng: range, anchors: list[tuple[int, float]],
               sign: float) -> tuple[float, list[str], int]:
    """Valence from topic words said to rise or fall, toward the sentence's side `sign`, and whether a
    change is the premise of what follows (-1 for "fewer X means ...", +1 for "more X means ...", else 0).

    The rise of a word the thesis wants (or the fall of one it is against) is good news for the
    thesis: "employment rose" under "X reduces employment" argues against it, "fewer cars" under
    "ban cars" for it. A negated change turns ("rents won't fall"). A change that leads to something
    ("more cars means more traffic") is judged by what it leads to: the caller reads the rest.
    """
    out = 0.0
    words: list[str] = []
    for j, v in anchors:
        change, at = 0, -1
        k = j - 1
        while k > rng.start and toks[k] in _DETERMINERS:
            k -= 1
        if k >= rng.start and (toks[k] in _MORE or toks[k] in _LESSER):
            change, at = (1 if toks[k] in _MORE else -1), k
            if any(toks[m] in _LEADS_TO for m in range(j + 1, min(rng.stop, j + 4))):
                return 0.0, [], change  # "fewer cars means ...": a premise, not news
        else:
            k = j + 1
            while k < rng.stop and k <= j + 4 and toks[k] in _BETWEEN:
                k += 1
            if k < rng.stop:
                w = toks[k]
                transitive = k + 1 < rng.stop and toks[k + 1] in _DETERMINERS
                if (w in _RISES or w in _FALLS) and not transitive:
                    change, at = (1 if w in _RISES else -1), k
                elif w in _MOVES and k + 1 < rng.stop and toks[k + 1] in ("up", "down"):
                    change, at = (1 if toks[k + 1] == "up" else -1), k
        if not change:
            continue
        c = DIRECTION_VALENCE * change * (1.0 if v * sign > 0 else -1.0)
        if neg[at] and not (at >= rng.start + 2 and toks[at - 2] == "never" and toks[at - 1] == "been"):
            # ("we have never been more productive" says they are now at their most)
            c *= NEGATION_SCALAR
        out += c
        words.append(f"{toks[j]} {'up' if change > 0 else 'down'}")
    return out, words, 0


#: Words after "more X" / "fewer X" that make the change a premise ("fewer cars means ...").
_LEADS_TO = frozenset({"means", "mean", "meant", "leads", "lead", "led", "causes", "cause", "caused", "would",
                       "will", "'ll", "brings", "bring", "makes", "make", "gives", "give", "equals", "results",
                       "="})


def _valence(doc: Doc, rng: range, skip: set[int], consumed: set[int], *,
             should: bool = True) -> tuple[float, list[str]]:
    """Summed valence (VADER scale) of a sentence's words outside `skip`, negation-aware, with the
    words that carried it. "should"/"must" count as wanting what the sentence names."""
    toks, neg = doc.toks, doc.negated
    lex = word_valence()
    keys = _VALENCE_KEYS()
    e = 0.0
    words: list[str] = []
    for j in compress(rng, map(keys.__contains__, toks[rng.start:rng.stop])):  # (other words carry no valence:
        # skipped at C speed)
        if j in skip or j in consumed:
            continue
        w = toks[j]
        v = lex.get(w) or _COST_VALENCE.get(w)
        if w in _SHOULD_WORDS:
            if not should:
                continue  # "should end X": the call is the stopping, counted by the caller
            v = 1.5  # "X should ...", "must have X": the sentence wants it
            if w.endswith("n't") or (j + 1 < rng.stop and toks[j + 1] in ("not", "never")):
                v = -1.5  # "we should not ban them": the sentence refuses it
        if not v or (w == "worth" and j + 1 < rng.stop and toks[j + 1] == "of"):
            continue  # ("a bus route's worth of money" is a quantity)
        if v < 0 and any(toks[k] in _REMOVES for k in range(max(rng.start, j - 3), j)):
            v = -v  # "catches bugs", "prevents crashes", "found one defect": removing a fault is good
        if neg[j]:
            v *= NEGATION_SCALAR
        if j + 1 < rng.stop and toks[j + 1] in _POST_NEGATORS:
            v *= NEGATION_SCALAR
        e += v
        words.append(w)
    for fam, v in CONSEQUENCES:
        for a, b in doc.cues.get(fam, ()):
            if rng.start <= a < rng.stop and not skip.intersection(range(a, b)):
                e += v * (NEGATION_SCALAR if neg[a] else 1.0)  # "won't put anyone out of business"
                words.append(doc.span_text(a, b))
    return e, words


#: Valence (VADER scale) of a harm or a good argued as a consequence ("out of business", "save lives"):
#: about VADER's "loss" (-1.3 ... -2.2 for its forms) and "benefit" (2.0).
CONSEQUENCES = (("harm", -2.0), ("benefit", 2.0))


def _refusal(toks: list[str], j: int, start: int) -> str | None:
    """The negator right before the topic word at j, an article allowed between ("no ban", "don't ban",
    "not the ban"): the word itself is refused, not something said about it ("nobody serious proposes a ban")."""
    k = j - 1
    if k > start and toks[k] in ("a", "an", "the", "any"):
        k -= 1
    return toks[k] if k >= start and (toks[k] in ("no", "not", "never") or toks[k].endswith("n't")) else None


#: Participles that stop their subject in the passive ("should be banned"), and those that need a particle
#: ("taken out", "phased out", "rolled back"): the thesis rewrite's list (`thesis_forms.STOPPED`) and the
#: informal ones comments use.
_PASSIVE_STOPS = frozenset(k for k in STOPPED if " " not in k) | {"ditched", "halted", "binned"}
_PASSIVE_STOP_PARTICLES = {**dict(k.split() for k in STOPPED if " " in k),
                           "taken": "out", "rolled": "back", "scaled": "back", "done": "away"}
#: What may stand between a topic word and the passive's "be" ("heading in matches should be ...").
_PASSIVE_GAP = 4


def _passive_stop(toks: list[str], j: int, stop: int) -> int | None:
    """The token of a passive that stops the topic word at j: "<word> (should|must|...) be banned",
    "<word> needs to be taken out"; None when there is none within a few tokens."""
    for k in range(j + 1, min(stop, j + 2 + _PASSIVE_GAP)):
        if toks[k] in ("be", "been", "being", "get", "gets", "got"):
            if k + 1 >= stop:
                return None
            nxt = toks[k + 1]
            if nxt in _PASSIVE_STOPS:
                return k + 1
            particle = _PASSIVE_STOP_PARTICLES.get(nxt)
            return k + 1 if particle and k + 2 < stop and toks[k + 2] == particle else None
        if toks[k] in (".", ",", ";", ":", "?", "!", "but", "and"):
            return None
    return None


def _acts_on(stops: set[int], j: int, toks: list[str], topic: dict[str, float], rng: range) -> bool:
    """The stopping word at j has a topic word after it, within the window ("ban cars", "end the ban")."""
    return any(toks[k] in topic for k in range(j + 1, min(rng.stop, j + 1 + STOP_WINDOW)))


#: Costs and savings said of the topic ("a shorter week costs nothing", "waiting may not cost a year"),
#: on VADER's scale (near its "expensive"-like entries). "pay" is left out: "the grant pays" is a saving.
_COST_VALENCE = {"cost": -1.2, "costs": -1.2, "costly": -1.5, "expensive": -1.2, "price": -0.6, "prices": -0.6,
                 "burden": -1.9, "tax": -0.8, "taxes": -0.8, "saving": 1.2, "savings": 1.2, "saves": 1.5,
                 "bill": -0.8, "bills": -0.8,
                 "cheap": 1.0, "cheaper": 1.2, "affordable": 1.2, "covers": 1.0, "covered": 1.0, "rebate": 1.0,
                 "rebates": 1.0}
#: How far before a topic word a stopping verb or a status-quo word may stand (tokens).
STOP_WINDOW = 4
#: Valence (VADER scale) of stopping something: about "reject" (-1.7 in VADER).
STOP_VALENCE = -1.5
#: "would just ...", "will only ...": a consequence that defeats the proposal (valence, VADER scale).
MERELY_VALENCE = 1.5
#: An objection put as a question ("Who pays for ...?", "What happens to ...?", "How will ...?").
OBJECTION_VALENCE = 1.5
_OBJECTION = re.compile(r"\s*(?:who (?:\w+ )?(?:watches|pays|will|would|is going|covers|gets)|what happens|"
                        r"what about|how (?:will|would|are|is) .* supposed|how will|how would)\b")
#: Verbs that remove or catch a fault: the fault's negative valence turns ("review catches bugs").
_REMOVES = frozenset({"catch", "catches", "caught", "fix", "fixes", "fixed", "prevent",
                      "prevents", "prevented", "avoid", "avoids", "avoided", "reduce", "reduces", "reduced", "cut",
                      "cuts", "eliminate", "eliminates", "solve", "solves", "solved", "stop", "stops", "stopped",
                      "fewer", "less", "lower", "lowers", "without"})


_COST = lx.COST
_SAVING = lx.SAVING
COST_WORDS = _COST | _SAVING
#: Words that make a cost a consequence someone will bear ("will pay", "if it closes ... lose", "is still $450"),
#: not a description of how things are now (which may be the status quo's cost).
_CONSEQUENCE = frozenset({"will", "would", "'ll", "if", "still", "going", "then", "gonna"})
#: Emphasis that makes a present cost a complaint ("a lot of money", "too expensive", "a huge bill").
_COST_EMPHASIS = frozenset({"lot", "too", "real", "much", "fortune", "huge", "big", "massive", "enormous"})
#: A predicted consequence: the sentence says what the proposal would or will bring.
_FUTURE = frozenset({"would", "will", "'d", "'ll"})
PROPOSAL_CUE_WORDS = _PROFILE_CUE_WORDS
PROPOSAL_SENTENCE_WORDS = COST_WORDS | PROPOSAL_CUE_WORDS
#: Weight of a cost or saving cue (in margin units; below a target cue, so the thread can overrule it).
W_COST = 1.0
W_IMPERATIVE = 1.2


#: Imperatives that end something ("Bin it.", "Scrap it."), and the object pronouns that make them one.
STOP_IMPERATIVES = lx.STOP_IMPERATIVES
_IMPERATIVE_OBJECTS = frozenset({"it", "them", "this", "that"})
#: Words that may open a call before its verb ("Please, just ban it.", "So scrap it then.").
_CALL_OPENERS = frozenset({"please", "just", "so", "then", "simply", "now", "and", "oh", "honestly", "seriously", ","})
#: "It should be criminal.": words that make a pronoun's "should be" a call to ban it.
BANNED_WORDS = lx.BANNED_WORDS
#: The subjects such a call may have, as the object of the ban it reads as.
_BANNED_SUBJECTS = {"it": "it", "this": "this", "that": "that", "they": "them", "these": "them",
                    "those": "them"}


def call_of(words: list[str]) -> list[str]:
    """A sentence's words from the verb of the call it makes: the softeners a call may open with are
    skipped ("Please, just ban it." -> ban it .), and "It should be illegal." reads as "ban it"."""
    k = 0
    while k < len(words) - 1 and k < 3 and words[k] in _CALL_OPENERS:
        k += 1
    w = words[k:]
    if len(w) >= 4 and w[0] in _BANNED_SUBJECTS and w[1] in ("should", "must") and w[2] == "be" \
            and w[3] in BANNED_WORDS:
        return ["ban", _BANNED_SUBJECTS[w[0]], *w[4:]]
    return w


def call_verb(p: ThesisProfile) -> str:
    """The verb a call in a comment is read against: the thesis's own, else "ban" for a thesis that stops
    something and "keep" for one that wants something done or kept ("should keep its toilets" has no verb
    of its own: "keep" is too general to be one), else ""."""
    if p.verb:
        return p.verb
    if p.practice_direction > 0:
        return "ban"
    return "keep" if p.proposal and p.practice_direction < 0 else ""


def imperative_side(words: list[str], verb: str) -> float:
    """+W_IMPERATIVE for "Do it." or a stopping imperative under a thesis that stops something, -W for a
    stopping imperative under one that builds or does something, 0 otherwise (`words`: one sentence)."""
    if len(words) < 2 or words[1] not in _IMPERATIVE_OBJECTS or len(words) > 4:
        return 0.0
    if words[0] == "do":
        return W_IMPERATIVE
    if words[0] not in STOP_IMPERATIVES:
        return 0.0
    return W_IMPERATIVE if (verb in STOPPING_WORDS or verb in STOP_IMPERATIVES) else -W_IMPERATIVE


def proposal_cues(doc: Doc, i: int, rng: range, p: ThesisProfile) -> tuple[float, list[Evidence]]:
    """Cues that need no topic word, for a thesis that proposes something.

    An imperative restating the thesis ("Build it now."). Arguing from consequences: costs a proposal
    will put on someone ("Landscapers will pay for new kit out of their own pockets", "Half of $900 is
    still $450") argue against it; costs said to be small or covered ("costs nothing", "the rebate
    covers half") argue for it; other predicted consequences carry their valence ("Families would
    finally walk there safely"); "Who will staff the desk at night?" is an objection.
    """
    toks = doc.toks
    ev: list[Evidence] = []
    words_here = toks[rng.start:rng.stop]  # (slices and set tests: these run on many sentences)
    text = doc.text
    asks = text[doc.sent_spans[i][1] - 1] == "?"
    call = call_of(words_here)
    if p.verb and call[0] == p.verb and not asks and (
            p.verb not in GENERIC_STOPS or not p.anchor_words.isdisjoint(call)):
        # (a general verb restates the thesis only with the thesis's own words: "Stop giving him cash." does
        # not restate "should stop selling energy drinks")
        ev.append(Evidence("restates_thesis", _clip(doc.sentence(i)), W_IMPERATIVE))
        return W_IMPERATIVE, ev
    verb = call_verb(p)
    w = imperative_side(call, verb) if verb and not asks else 0.0
    if w:  # "Bin it." under "should scrap VAR" restates it; "Scrap it." under "should build X" refuses it
        ev.append(Evidence("restates_thesis" if w > 0 else "refuses_thesis", _clip(doc.sentence(i)), w))
        return w, ev
    if not p.proposal or not p.signed_words.isdisjoint(words_here):
        return 0.0, ev  # (a sentence naming the topic is judged by its valence toward it)
    if not COST_WORDS.isdisjoint(words_here):
        return _cost(doc, i, rng, words_here)
    if asks:
        if _OBJECTION.match(doc.sentence(i).lower()):
            w = W_COST * math.tanh(-OBJECTION_VALENCE / VALENCE_UNIT) / math.tanh(1.0)
            ev.append(Evidence("objection", _clip(doc.sentence(i)), round(w, 3)))
            return w, ev
        return 0.0, ev
    if not _FUTURE.isdisjoint(words_here) and (not _VALENCED().isdisjoint(words_here)
                                               or any(doc.in_sentence(fam, i) for fam, _ in CONSEQUENCES)):
        # a predicted consequence ("Families would finally walk there safely", "Owners will lose trade")
        e, words = _valence(doc, rng, set(), set())
        if e:
            w = W_COST * math.tanh(e / VALENCE_UNIT)
            ev.append(Evidence("consequence", f"{', '.join(words[:3])}: {_clip(doc.sentence(i))}", round(w, 3)))
            return w, ev
    return 0.0, ev


#: Paying, and the words before it that make it a demand on someone else ("they can pay").
_PAYS = frozenset({"pay", "pays"})
_DEMANDS = frozenset({"can", "should", "must", "them", "they'll", "let"})


def _if_not_before(toks: list[str], neg: list[bool], rng: range, j: int) -> bool:
    """The word at j follows a negated "if" clause ("if we don't build it, ... lose"): it is what
    happens without the thing, so its valence speaks for the thing."""
    at = next((k for k in range(rng.start, j) if toks[k] in ("if", "unless")), None)
    if at is None or toks[at] == "unless":
        return False
    comma = next((k for k in range(at, j) if toks[k] == ","), None)
    clause = range(at + 1, comma if comma is not None else j)
    return any(toks[k] in ("not", "never", "no") or toks[k].endswith("n't") for k in clause) and not neg[j]


def _cost(doc: Doc, i: int, rng: range, words_here: list[str]) -> tuple[float, list[Evidence]]:
    """Costs and savings in a sentence naming no topic word (see `proposal_cues`)."""
    toks, neg = doc.toks, doc.negated
    c = plain_cost = 0.0
    words: list[str] = []
    # ("if" among the sentence's words is what a negated "if" clause needs: else no call is made)
    iffy = "if" in words_here
    for j in [j for j in rng if toks[j] in COST_WORDS]:  # (the other words are skipped below)
        w = toks[j]
        if w in _COST:
            v = -1.0
        elif w in _SAVING:
            v = 1.0
        else:
            continue
        if w in _PAYS and j > rng.start and toks[j - 1] in _DEMANDS:
            continue  # "they can pay", "let them pay": a demand that someone else pays, not a cost borne
        if neg[j]:
            v = -v
        if j + 1 < rng.stop and toks[j + 1] in _POST_NEGATORS:
            v = -v  # "costs nothing"
        if iffy and _if_not_before(toks, neg, rng, j):
            v = -v  # "if we wouldn't chip in, this town loses its heart": the cost of not doing it
        c += v
        if w in _COST and v < 0:
            plain_cost += v
        words.append(w)
    marked = not _CONSEQUENCE.isdisjoint(words_here) or not _COST_EMPHASIS.isdisjoint(words_here)
    if not c or (c < 0 and plain_cost < 0 and not marked):
        return 0.0, []  # a cost as things are now may be the status quo's ("That is not a saving" still counts)
    w = W_COST * max(-1.0, min(1.0, c))
    return w, [Evidence("cost" if w < 0 else "saving", f"{', '.join(words[:3])}: {_clip(doc.sentence(i))}",
                        round(w, 3))]


def _VALENCE_KEYS() -> frozenset[str]:
    """The words `_valence` reads: valenced ones and "should"/"must" (built once per process)."""
    global _KEYS
    if _KEYS is None:
        _KEYS = _VALENCED() | _SHOULD_WORDS
    return _KEYS


_KEYS: frozenset[str] | None = None


@lru_cache(maxsize=1)
def _VALENCED() -> frozenset[str]:
    """Every word with a valence here (VADER's, the argument words', costs')."""
    return frozenset(word_valence()) | frozenset(_COST_VALENCE)
