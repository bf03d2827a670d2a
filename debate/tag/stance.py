"""Local stance of a text toward a thesis: favor, against or none, with the cues that decided it.

How it works (each step leaves Evidence):
1. The thesis is read into a `ThesisProfile` (`profile.py`): the entities it
   names with the side it takes on them, the practice it wants stopped or
   done, and the people it protects.
2. Each sentence of the text (quotations removed: quoted words are someone
   else's voice) attributes valence to entities: verbs that act on someone
   ("criticize X", "defend X") give it to their object, the rest of the
   sentence's valence (VADER's lexicon plus argument words, negation-aware)
   goes to its first-named entity. A rhetorical question ("Why go out of your
   way to ...?") or a futility judgement ("... will only make things worse")
   flips what the sentence does.
3. Praise of an entity the thesis supports, or criticism of one it criticises,
   counts for favor; the reverse for against. Calls to stop (or continue) the
   practice, sympathy for the people the thesis protects, and dismissive words
   ("charade", "ploy") aimed at the thesis side add their own cues.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..model import Evidence, Label, Thesis
from . import lexicons as lx
from .profile import (ALIASES, NEGATION_SCALAR, STOP_VERBS, VALENCE_UNIT, ThesisProfile, profile_of, stem,
                      word_valence)
from .spans import Doc, analyze

__all__ = ["StanceScore", "ThesisProfile", "profile_of", "score_stance", "stance_toward"]

#: Softmax logit of "none": a text needs a margin above ~1 (one clear cue) to take a side.
NONE_LOGIT = 1.0
#: Beyond this many sentences the summed margin is scaled by sqrt(LONG / n): a whole article sums dozens
#: of weak cues that would otherwise swamp its few clear ones.
LONG_TEXT_SENTENCES = 8
#: How far after a verb its object may appear (tokens).
OBJECT_WINDOW = 6
#: Weights of the cue families (in margin units).
W_OBJECT = 1.2
#: Valence a sentence gives the target it is about (its first-named actor).
W_TARGET = 1.5
W_PRACTICE = 2.0
W_SYMPATHY = 0.8
W_DISMISSAL = 0.9

_KEEP_VERBS = re.compile(r"\b(?:continue|continuing|keep|keeping|necessary|justified|needed|must|have to|"
                         r"has to|right to|entitled to|no choice)\b", re.IGNORECASE)


@dataclass(frozen=True)
class StanceScore:
    """Local stance as a margin (favor > 0) and a distribution, with its cues."""

    margin: float
    probs: tuple[float, float, float]  # favor, against, none
    evidence: tuple[Evidence, ...]
    relevant: bool  # the text names a target, the practice, or dismisses the thesis side

    def label(self) -> Label:
        i = max(range(3), key=lambda k: (self.probs[k], -k))
        ev = self.evidence or (Evidence("no_cue", "no cue about the thesis's targets, practice or side", 0.0),)
        return Label(value=("favor", "against", "none")[i], score=round(self.probs[i], 4),
                     evidence=ev, decided_by="local")


def stance_toward(text: str, thesis: Thesis, *, article_text: str | None = None) -> Label:
    """Stance of any text (a comment, a quoted voice, an article) toward `thesis`."""
    return score_stance(text, profile_of(thesis, article_text)).label()


# --- scoring a text --------------------------------------------------------------------


def score_stance(text: str | Doc, profile: ThesisProfile) -> StanceScore:
    """Sum the stance cues of every sentence of `text` (linear in its length)."""
    doc = text if isinstance(text, Doc) else analyze(text)
    evidence: list[Evidence] = []
    margin = 0.0
    relevant = False
    mentions_all = profile.mention.match(doc.toks)
    by_sentence: dict[int, list[tuple[int, int, int]]] = {}
    for fam, spans in mentions_all.items():
        for a, b in spans:
            by_sentence.setdefault(doc.sentence_of(a), []).append((a, b, int(fam)))
    consumed = _consumed(doc)
    carried: int | None = None
    for i in range(len(doc.sent_spans)):
        m, ev, rel, carried = _score_sentence(doc, i, sorted(by_sentence.get(i, [])), consumed, profile, carried)
        margin += m
        evidence.extend(ev)
        relevant = relevant or rel
    if not relevant:
        margin *= 0.5
    n = len(doc.sent_spans)
    if n > LONG_TEXT_SENTENCES:  # long texts add up small noisy cues: compare like with like
        margin *= math.sqrt(LONG_TEXT_SENTENCES / n)
    logits = (margin, -margin, NONE_LOGIT)
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    z = sum(exps)
    probs = tuple(round(e / z, 6) for e in exps)
    return StanceScore(round(margin, 4), probs, tuple(evidence), relevant)  # type: ignore[arg-type]


#: Cue families whose words are judged by the cue, not by their dictionary valence.
_CONSUMING = ("futility", "dismissal", "sympathy", "humor", "appreciation")


def _consumed(doc: Doc) -> set[int]:
    out: set[int] = set()
    for fam in _CONSUMING:
        for a, b in doc.cues.get(fam, ()):
            out.update(range(a, b))
    return out


def _score_sentence(doc: Doc, i: int, mentions: list[tuple[int, int, int]], consumed: set[int],
                    p: ThesisProfile, carried: int | None) -> tuple[float, list[Evidence], bool, int | None]:
    """Margin, cues and relevance of sentence i; also the subject a following "It"/"They" refers to."""
    ev: list[Evidence] = []
    sent = doc.sentence(i)
    low = sent.lower()
    rng = doc.sentence_tokens(i)
    toks, neg = doc.toks, doc.negated
    practice = bool(p.practice) and (any(st in low for st in p.practice if len(st) >= 7)
                                     or any(stem(toks[j]) in p.practice for j in rng)
                                     or (p.practice_words is not None and bool(p.practice_words.search(low))))
    pronoun = carried is not None and not mentions and bool(_PRONOUN_START.match(sent))
    if not mentions and not practice and not pronoun:
        # nothing here for valence to be about: only the cue families can speak
        return _cue_only(doc, i, p, ev)
    rhetorical = low.rstrip().endswith("?") and bool(_RHETORICAL_OPEN.match(low))
    futile = doc.texts("futility", i)
    flip = -1.0 if (rhetorical or futile) else 1.0
    lex = word_valence()
    verbs = lx.OBJECT_VERBS
    obj_val: dict[int, float] = {}
    in_mention = {k for a, b, _ in mentions for k in range(a, b)}
    general = 0.0
    for j in rng:
        w = toks[j]
        if w not in lex and w not in verbs:
            continue
        if j in consumed or j in in_mention:
            continue
        ov = verbs.get(w) if mentions else None
        if ov is not None:
            obj = next(((a, idx) for a, _, idx in mentions if j < a <= j + OBJECT_WINDOW), None)
            if obj is not None:
                v = ov * (-1.0 if neg[j] else 1.0)
                obj_val[obj[1]] = obj_val.get(obj[1], 0.0) + v
                ev.append(Evidence("object_verb", f"{w}{' (negated)' if neg[j] else ''} -> {doc.token_text(obj[0])}",
                                   round(v, 3)))
                continue
        v = lex.get(w)
        if v:
            general += v * (NEGATION_SCALAR if neg[j] else 1.0)
    subject = _subject(doc, rng, mentions, obj_val, p)
    if subject is None and not mentions and carried is not None and _PRONOUN_START.match(sent):
        subject = carried  # "Its government refused ...": the previous sentence's actor
    margin = 0.0
    for idx, v in sorted(obj_val.items()):
        tgt = p.targets[idx]
        if tgt.sign:
            c = W_OBJECT * v * tgt.sign * flip
            margin += c
            why = ("rhetorical question" if rhetorical else futile[0]) if flip < 0 else ""
            ev.append(Evidence("target_attitude", f"acts on {tgt.name} ({'+' if v > 0 else '-'}), thesis side "
                               f"{tgt.sign:+.0f}{', flipped: ' + why if why else ''}", round(c, 3)))
    if subject is not None and general:
        tgt = p.targets[subject]
        if tgt.sign:
            c = W_TARGET * math.tanh(general / VALENCE_UNIT) * tgt.sign * (-1.0 if rhetorical else 1.0)
            margin += c
            ev.append(Evidence("target_valence", f"{tgt.name}: {sent[:160]}", round(c, 3)))
    if practice and p.practice_direction:
        pv = 0.0
        stops = [j for j in rng if STOP_VERBS.fullmatch(toks[j]) and stem(toks[j]) not in p.practice]
        if stops:  # a call to stop it (a negated one, "we should not end it", asks to keep it)
            pv += 2.0 if neg[stops[0]] else -2.0
        if not stops and (_KEEP_VERBS.search(sent) or _SHOULD.search(sent)):
            pv += 2.0  # "must continue", "should be returned": the practice endorsed
        pv += general
        if pv:
            c = -p.practice_direction * math.tanh(pv / VALENCE_UNIT) * W_PRACTICE * (-1.0 if rhetorical else 1.0)
            margin += c
            ev.append(Evidence("practice", sent[:160], round(c, 3)))
    sym = doc.texts("sympathy", i)
    sympathetic = bool(sym) and bool(p.practice_direction) and (
        not mentions or any(p.targets[x].protected for _, _, x in mentions))
    if sympathetic:
        c = W_SYMPATHY * p.practice_direction
        margin += c
        ev.append(Evidence("sympathy", ", ".join(sym), round(c, 3)))
    dis = doc.texts("dismissal", i)
    if dis:
        aimed_at_critic = subject is not None and p.targets[subject].sign < 0
        c = W_DISMISSAL * (1.0 if aimed_at_critic else -1.0)
        margin += c
        ev.append(Evidence("dismissal", ", ".join(dis) + (" (aimed at " + p.targets[subject].name + ")"
                                                           if aimed_at_critic else " (aimed at the thesis side)"),
                           round(c, 3)))
    # Repeating the thesis's words makes a sentence relevant (its valence alone proved too noisy a cue:
    # a sentence deploring the status quo supports a thesis that would change it).
    echoed = []
    if p.echo:
        for j in rng:
            w = toks[j]
            if len(w) >= 4:
                o = p.echo.get(stem(w))
                if o is not None:
                    echoed.append((w, o))
    relevant = bool(mentions) or practice or bool(dis) or bool(echoed) or sympathetic
    return margin, ev, relevant, subject


#: Questions that challenge an action rather than ask about it ("Why go out of your way to ...?");
#: a plain "Why does X have such a harsh policy?" criticises X and is not flipped.
def _cue_only(doc: Doc, i: int, p: ThesisProfile, ev: list[Evidence]) -> tuple[float, list[Evidence], bool, None]:
    """A sentence naming no target and not the practice: sympathy and dismissal cues, thesis words."""
    margin = 0.0
    sym = doc.texts("sympathy", i)
    if sym and p.practice_direction:
        c = W_SYMPATHY * p.practice_direction
        margin += c
        ev.append(Evidence("sympathy", ", ".join(sym), round(c, 3)))
    dis = doc.texts("dismissal", i)
    if dis:
        margin -= W_DISMISSAL
        ev.append(Evidence("dismissal", ", ".join(dis) + " (aimed at the thesis side)", -W_DISMISSAL))
    echoed = bool(p.echo) and any(len(w) >= 4 and stem(w) in p.echo for w in doc.toks[doc.sentence_tokens(i).start:
                                                                                     doc.sentence_tokens(i).stop])
    return margin, ev, bool(dis) or echoed or bool(sym and p.practice_direction), None


_SHOULD = re.compile(r"\b(?:should|ought to)\b(?!\s+(?:not|never|stop)\b)", re.IGNORECASE)


_RHETORICAL_OPEN = re.compile(r"\s*(?:why (?:would|should|go|bother|not|do you|are you|on earth)|how can|how could|"
                              r"do you really|are you|isn't|is it not|who are)")
_PRONOUN_START = re.compile(r"^\W*(?:it|its|they|their|them)\b", re.IGNORECASE)
#: Lower-case tokens that name some actor (countries, demonyms, capitals, abbreviations).
_ACTOR_WORDS = frozenset(w for k, v in ALIASES.items() for a in (k, *v) for w in a.split()[:1])


def _subject(doc: Doc, rng: range, mentions: list[tuple[int, int, int]], obj_val: dict,
             p: ThesisProfile) -> int | None:
    """The first-named actor when it is a thesis target (not an object of a verb, not protected)."""
    first = next(((a, idx) for a, _, idx in mentions if idx not in obj_val and not p.targets[idx].protected), None)
    if first is None:
        return None
    start = rng.start
    for j in range(start, first[0]):
        o = doc.token_text(j)
        if doc.toks[j] in _ACTOR_WORDS or (len(o) >= 2 and o.isupper() and o.isalpha() and o != "QUOTE") or \
                (j > start and o[:1].isupper() and o[1:].islower() and o != "I"):
            return None  # someone else is the subject ("The SK govt asked China ...")
    return first[1]
