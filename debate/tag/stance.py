"""Local stance of a text toward a thesis: favor, against or none, with the cues that decided it.

How it works (each step leaves Evidence):
1. The thesis is read into a `ThesisProfile` (`profile.py`): the entities it
   names with the side it takes on them, the practice it wants stopped or
   done, the people it protects, its topic words with the side it takes on
   each, and the words the article keeps using.
2. One set intersection with the profile's vocabulary finds the sentences
   worth reading. A sentence naming a target attributes valence to it: verbs
   that act on someone ("criticize X", "defend X") give it to their object,
   the rest of the sentence's valence (VADER's lexicon plus argument words,
   negation-aware) goes to its first-named entity; rhetorical questions and
   futility judgements flip it. Praise of an entity the thesis supports, or
   criticism of one it criticises, counts for favor. A sentence naming a topic
   word, or none for a thesis that proposes something, is read by
   `topic_cues.py` (valence toward the topic, costs, consequences, objections).
3. The margin becomes a distribution whose "none" is calibrated by what the
   text does: one that argues leans on weaker cues (and the thread decides
   its side if they say nothing); one that only asks or announces stays none.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from ..model import Evidence, Label, Thesis
from . import lexicons as lx
from .acts import sarcastic_closer
from .profile import ALIASES, STOP_VERB_WORDS, ThesisProfile, is_stop_verb, profile_of
from .spans import Doc, analyze, tokenize
from .topic_cues import (BANNED_WORDS, CONSEQUENCES, COST_WORDS, PROPOSAL_CUE_WORDS, PROPOSAL_SENTENCE_WORDS,
                         RHETORICAL_OPEN, STOP_IMPERATIVES, STOPPING_WORDS, W_DISMISSAL, call_of, call_verb,
                         in_relative_clause, proposal_cues, status_quo_in, topic_sentence)
from .valence import NEGATION_SCALAR, VALENCE_UNIT, stem, strong_words, word_valence

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

_KEEP_VERBS = re.compile(r"\b(?:continue|continuing|keep|keeping|necessary|justified|needed|must|have to|"
                         r"has to|right to|entitled to|no choice)\b", re.IGNORECASE)


class StanceScore(NamedTuple):
    """Local stance as a margin (favor > 0) and a distribution, with its cues (immutable; a named
    tuple because one is made per comment and a frozen dataclass costs several times more to build)."""

    margin: float
    probs: tuple[float, float, float]  # favor, against, none
    evidence: tuple[Evidence, ...]
    relevant: bool  # the text names a target, the practice, or dismisses the thesis side

    def label(self) -> Label:
        p = self.probs
        i = 0 if p[0] >= p[1] and p[0] >= p[2] else (1 if p[1] >= p[2] else 2)
        # (value, score, evidence, decided_by), positional: keywords cost a third more per record
        return Label(("favor", "against", "none")[i], round(p[i], 4), self.evidence or _NO_CUE, "local")


_NO_CUE = (Evidence("no_cue", "no cue about the thesis's targets, practice or side", 0.0),)


def stance_toward(text: str, thesis: Thesis, *, article_text: str | None = None, calibrated: bool = False) -> Label:
    """Stance of any text (a quoted voice, an article, a comment) toward `thesis`, judged alone.

    Alone, only clear cues give a side; `calibrated=True` scores it as a comment in a thread is scored
    before the thread's rules (an arguing text leans on weaker cues; see `score_stance`).
    """
    return score_stance(text, profile_of(thesis, article_text), calibrated=calibrated).label()


# --- scoring a text --------------------------------------------------------------------


def score_stance(text: str | Doc, profile: ThesisProfile, *, calibrated: bool = True) -> StanceScore:
    """Sum the stance cues of every sentence of `text` (linear in its length).

    `calibrated`: a text that argues (evaluates, contests, cites) gets a lower "none" logit, so that a
    weak cue or the thread can give it a side; pass False for an article or quoted voice judged alone,
    where only clear cues should place it.

    Only sentences that name something of the thesis (a target, its practice, a topic or related
    word) or carry a stance cue family are looked at token by token; the rest cost a set lookup.
    """
    doc = text if isinstance(text, Doc) else analyze(text)
    toks = doc.toks
    evidence: list[Evidence] = []
    margin = 0.0
    relevant = False
    p = profile
    # one C-level pass: which of the words any cue here could use occur in the text at all
    tokset = p.vocabulary_in(toks)
    by_sentence: dict[int, list[tuple[int, int, int]]] = {}
    if not toks:
        return _finish(doc, 0.0, [], False, calibrated, tokset)
    mock = sarcastic_closer(doc) if p.proposal and "approval_open" in doc.cues else ""
    if mock:  # "So the bright kids get held back. Great.": mock praise of what the proposal brings
        margin -= W_MOCK_PRAISE
        evidence.append(Evidence("mock_praise", mock, -W_MOCK_PRAISE))
        relevant = True
    if p.cue_words.isdisjoint(tokset) and not _long_stems(p.practice) and p.practice_words is None \
            and _SENTENCE_CUES.isdisjoint(doc.cues):
        return _finish(doc, margin, evidence, relevant, calibrated, tokset)  # (most comments: nothing to read closely)
    if p.targets and not p.mention.firsts.isdisjoint(tokset):
        for fam, spans in p.mention.match(toks).items():
            for a, b in spans:
                by_sentence.setdefault(doc.sentence_of(a), []).append((a, b, int(fam)))
    practice_toks = _practice_tokens(doc, tokset, p)
    anchors = (tokset & p.anchor_words) | practice_toks
    firsts = doc.sent_first_tok
    bounds: list[tuple[int, int]] = []
    anchor_sents: set[int] = set()
    if anchors:
        if len(firsts) > 1:  # (a set test per sentence slice: C-level, also on very long comments)
            bounds = list(zip(firsts, firsts[1:] + [len(toks)]))
            anchor_sents = {k for k, (a, b) in enumerate(bounds) if not anchors.isdisjoint(toks[a:b])}
        else:
            anchor_sents = {0}
    cue_sents = {doc.sentence_of(a) for fam in _SENTENCE_CUES for a, _ in doc.cues.get(fam, ())} \
        if not _SENTENCE_CUES.isdisjoint(doc.cues) else set()
    family_sents = set(cue_sents)
    if p.proposal and (not COST_WORDS.isdisjoint(tokset) or not PROPOSAL_CUE_WORDS.isdisjoint(tokset)):
        # costs, predicted consequences ("would", "will") and objection questions ("Who will ...?")
        bounds = bounds or list(zip(firsts, firsts[1:] + [len(toks)]))
        cue_sents.update(k for k, (a, b) in enumerate(bounds) if not PROPOSAL_SENTENCE_WORDS.isdisjoint(toks[a:b]))
    if call_verb(p) and (p.verb in tokset or not STOP_IMPERATIVES.isdisjoint(toks) or "do" in toks
                   or not BANNED_WORDS.isdisjoint(tokset)):
        # a call restating or refusing the thesis ("Ban it.", "Please, just ban it.", "Bin it.", "Do it.",
        # "It should be illegal.")
        for i, first in enumerate(doc.sent_first_tok):
            if first < len(toks):
                w = call_of(toks[first:first + 6])[0]
                if w == p.verb or w in STOP_IMPERATIVES or w == "do":
                    cue_sents.add(i)
    if not by_sentence and not anchor_sents and not cue_sents:
        return _finish(doc, margin, evidence, relevant, calibrated, tokset)  # nothing here speaks to the thesis
    consumed = _consumed(doc) if not _CONSUMING_SET.isdisjoint(doc.cues) and any(
        doc.cues.get(f) for f in _CONSUMING) else set()
    carried: int | None = None
    for i in range(len(doc.sent_spans)):
        mentions = sorted(by_sentence.get(i, []))
        has_anchor = i in anchor_sents
        if not mentions and not has_anchor and i not in cue_sents and carried is None:
            continue
        rng = doc.sentence_tokens(i)
        practice = bool(practice_toks) and has_anchor and not practice_toks.isdisjoint(toks[rng.start:rng.stop])
        if mentions or practice or carried is not None:
            m, ev, rel, carried = _score_sentence(doc, i, mentions, consumed, p, carried, practice)
        else:
            m, ev, rel = 0.0, [], False
        if not ev and has_anchor:
            m2, ev2, rel2 = topic_sentence(doc, i, rng, p, consumed)
            m, ev, rel = m + m2, ev + ev2, rel or rel2
        if not ev and not mentions and not practice and i in family_sents:
            m2, ev2, rel2, _ = _cue_only(doc, i, p, [])
            m, ev, rel = m + m2, ev + ev2, rel or rel2
        if not ev and not mentions and i in cue_sents:
            m2, ev2 = proposal_cues(doc, i, rng, p)
            m, ev, rel = m + m2, ev + ev2, rel or bool(ev2)  # (a proposal's costs are about the thesis)
        margin += m
        evidence.extend(ev)
        relevant = relevant or rel
    return _finish(doc, margin, evidence, relevant, calibrated, tokset)


def _finish(doc: Doc, margin: float, evidence: list[Evidence], relevant: bool, calibrated: bool,
            tokset: set[str]) -> StanceScore:
    """The margin scaled for relevance and length, and the distribution with the "none" calibration."""
    if not relevant:
        margin *= 0.5
    n = len(doc.sent_spans)
    if n > LONG_TEXT_SENTENCES:  # long texts add up small noisy cues: compare like with like
        margin *= math.sqrt(LONG_TEXT_SENTENCES / n)
    asks = calibrated and _only_asks(doc, evidence)
    none_logit, why = _none_logit(doc, relevant, evidence, tokset, asks) if calibrated else (NONE_LOGIT, None)
    if asks:
        margin *= ASKING_SCALE  # "Can someone explain what counts as general waste now?": asking, not arguing
    side = margin
    if why:
        evidence.append(why)
        # below one weak cue a summed margin is noise: it says the text argues, not for which side
        side = math.copysign(max(0.0, abs(margin) - MARGIN_NOISE), margin)
    return StanceScore(round(margin, 4), _distribution(round(side, 6), none_logit), tuple(evidence), relevant)


@lru_cache(maxsize=4096)
def _distribution(side: float, none_logit: float) -> tuple[float, float, float]:
    """Softmax of (side, -side, none_logit), rounded (memoised: most texts share a few values)."""
    top = max(side, -side, none_logit)
    e0, e1, e2 = math.exp(side - top), math.exp(-side - top), math.exp(none_logit - top)
    z = e0 + e1 + e2
    return (round(e0 / z, 6), round(e1 / z, 6), round(e2 / z, 6))


#: Cue families that can speak in a sentence naming nothing of the thesis.
_SENTENCE_CUES = frozenset({"dismissal", "sympathy", "endorse", "oppose", "alternative"})
#: Weight of first-person support or opposition of the proposal ("I'd back it", "count me out"): as an
#: imperative restating the thesis (topic_cues.W_IMPERATIVE).
W_ENDORSE = 1.2
#: Weight of mock praise closing a comment under a proposal (`acts.sarcastic_closer`): as a cost. In the
#: tuning sets such comments were against 8 times in 11.
W_MOCK_PRAISE = 1.0
#: Weight of another remedy than the thesis's (`_alternative`): as a cost (topic_cues.W_COST).
W_ALTERNATIVE = 1.0
#: "none" logit for a text that argues (evaluates, contests, agrees, cites): one weak cue, or the thread,
#: can then give it a side; a text that only asks, announces or chats keeps NONE_LOGIT. 0.35 until session 4;
#: on dev + later + dev3 (280 comments) 0.2 gave stance / relation macro-F1 70.9 / 73.4 against 70.6 /
#: 72.2 (SIDE_RATIO 1.01), in line with the held-out sets' main fault (sided comments read as "none").
NONE_LOGIT_ARGUES = 0.2
#: Margin treated as noise in a text that argues (about one weak cue: a word of VADER valence 1 on a target).
MARGIN_NOISE = 0.3
#: Families that show a text argues with someone (markers of taking a position).
_ARGUING = frozenset({"disagree", "agree", "concession_solo", "futility", "dismissal", "evidence",
                     "negative_reaction", "attack"})
#: Cues that make a question argue (an objection, a dismissal) rather than ask.
_ASKING_CUES = frozenset({"objection", "dismissal"})
#: Shorter "sentences" are addresses or interjections ("Adam,", "Hi all."), not statements.
_SENTENCE_MIN_TOKENS = 4


#: A text that only asks (no objection or dismissal among its cues) keeps this share of its margin: what its
#: questions' words lean to is weak evidence of a side (tuning sets: 0.5).
ASKING_SCALE = 0.5


def _only_asks(doc: Doc, evidence: list[Evidence]) -> bool:
    """Every sentence of some length is a question, and no cue makes one argue (an objection, a dismissal)."""
    spans = doc.sent_spans
    if "?" not in doc.text or doc.cues.get("rhetorical") or not spans:
        return False
    text, firsts, n = doc.text, doc.sent_first_tok, len(doc.toks)
    ends = firsts[1:] + [n]
    said = [k for k in range(len(spans)) if ends[k] - firsts[k] >= _SENTENCE_MIN_TOKENS]  # not "Adam,"
    return all(text[spans[k][1] - 1] == "?" for k in said) and not any(e.cue in _ASKING_CUES for e in evidence)


def _none_logit(doc: Doc, relevant: bool, evidence: list[Evidence],
                tokset: set[str], asks: bool) -> tuple[float, Evidence | None]:
    """How likely a text is to take no side, from what it does: argue, or only ask, announce, chat."""
    spans = doc.sent_spans
    if not spans:
        return NONE_LOGIT, None
    cues = doc.cues
    if asks:  # (`_only_asks`)
        return NONE_LOGIT, None
    if cues.get("announcement") and not relevant:
        return NONE_LOGIT, None  # a notice or reminder
    found = _ARGUING.intersection(cues)  # (a Doc's cues hold only the families that matched)
    evaluative = strong_words() & tokset  # (tokset holds every strong word of the text)
    if evaluative and cues.get("appreciation"):
        # "Thanks, I had not seen that": thanks and praise are judged by their cue (they argue nothing)
        evaluative = evaluative - {doc.toks[k] for a, b in cues["appreciation"] for k in range(a, b)}
    if not found and not evaluative and not any(e.weight for e in evidence):
        return NONE_LOGIT, None
    return NONE_LOGIT_ARGUES, _argues_of(found, evaluative)


def arguing_reply(score: StanceScore, relation: Evidence) -> StanceScore | None:
    """The local stance of a comment whose own words take no side but which argues with what it answers.

    Its relation cues (`relation`: the strongest in the direction they add up to) say it contests or backs
    its parent ("argues a claim of its own", a corrected figure, "this."): it takes a position, so it gets
    the calibration of any text that argues (NONE_LOGIT_ARGUES) and the thread can give it its side
    (opposite a parent it disagrees with, the same as one it agrees with). None when the score already
    argues. (For a top-level comment, what it answers is the article.)
    """
    if any(e.cue == "argues" for e in score.evidence):
        return None
    why = Evidence("argues", f"takes a position on what it answers ({relation.cue.replace('_', ' ')}: "
                             f"{relation.text}); which side, the thread says", 0.0)
    m = score.margin
    side = math.copysign(max(0.0, abs(m) - MARGIN_NOISE), m)
    return StanceScore(m, _distribution(round(side, 6), NONE_LOGIT_ARGUES), score.evidence + (why,), score.relevant)


@lru_cache(maxsize=4096)
def _argues_of(found: frozenset[str], evaluative: frozenset[str]) -> Evidence:
    """(memoised on the two sets: most texts share a few)"""
    return _argues(", ".join(sorted(found)[:3] + sorted(evaluative)[:3]))


@lru_cache(maxsize=4096)
def _argues(what: str) -> Evidence:
    return Evidence("argues", f"takes a position on something ({what or 'stance cues'}); "
                              f"which side, its cues or the thread say", 0.0)


@lru_cache(maxsize=64)
def _long_stems(practice: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(st for st in practice if len(st) >= 7)


def _practice_tokens(doc: Doc, tokset: set[str], p: ThesisProfile) -> set[str]:
    """Tokens of `doc` that name the thesis's practice (by stem) or a synonym's first word."""
    if not p.practice:
        return set()
    out = set(tokset & p.practice_forms)
    long = _long_stems(p.practice)
    if long:  # a long stem inside any word ("repatriation", "repatriated")
        low = doc.text.lower()
        for st in long:
            if st in low:
                out.update(w for w in doc.toks if st in w)
    if p.practice_words is not None:
        for m in p.practice_words.finditer(doc.text):
            out.update(tokenize(m.group(0))[:1])
    return out


#: Cue families whose words are judged by the cue, not by their dictionary valence.
_CONSUMING = ("futility", "dismissal", "sympathy", "humor", "appreciation")
_CONSUMING_SET = frozenset(_CONSUMING)


def _consumed(doc: Doc) -> set[int]:
    out: set[int] = set()
    for fam in _CONSUMING:
        for a, b in doc.cues.get(fam, ()):
            out.update(range(a, b))
    return out


def _score_sentence(doc: Doc, i: int, mentions: list[tuple[int, int, int]], consumed: set[int],
                    p: ThesisProfile, carried: int | None,
                    practice: bool) -> tuple[float, list[Evidence], bool, int | None]:
    """Margin, cues and relevance of sentence i; also the subject a following "It"/"They" refers to."""
    ev: list[Evidence] = []
    sent = doc.sentence(i)
    low = sent.lower()
    rng = doc.sentence_tokens(i)
    toks, neg = doc.toks, doc.negated
    practice = practice or (bool(p.practice) and any(st in low for st in p.practice if len(st) >= 7))
    pronoun = carried is not None and not mentions and bool(_PRONOUN_START.match(sent))
    if not mentions and not practice and not pronoun:
        # nothing here for valence to be about: only the cue families can speak
        return _cue_only(doc, i, p, ev)
    rhetorical = low.rstrip().endswith("?") and bool(RHETORICAL_OPEN.match(low))
    futile = doc.texts("futility", i)
    flip = -1.0 if (rhetorical or futile) else 1.0
    lex = word_valence()
    verbs = lx.OBJECT_VERBS
    obj_val: dict[int, float] = {}
    in_mention = {k for a, b, _ in mentions for k in range(a, b)}
    general = 0.0
    described: set[int] = set()  # targets a relative clause stops ("schools that dropped homework")
    # (only the words the loop reads are visited, picked at C speed: the others would be skipped by its
    # first test)
    for j in compress(rng, map(_SENTENCE_WORDS().__contains__, toks[rng.start:rng.stop])):
        w = toks[j]
        stopping = w in STOPPING_WORDS and bool(mentions)
        if w not in lex and w not in verbs and not stopping:
            continue
        if j in consumed or j in in_mention:
            continue
        ov = verbs.get(w) if mentions else None
        if ov is None and stopping and stem(w) not in p.practice:
            ov = -1.0  # "ban homework", "scrapped the fee": an act against its object
        if ov is not None:
            obj = next(((a, idx) for a, _, idx in mentions if j < a <= j + OBJECT_WINDOW), None)
            if obj is not None and stopping and in_relative_clause(toks, j, rng.start):
                described.add(obj[1])  # judged below by what the main clause says of it
                obj_val.setdefault(obj[1], 0.0)
                continue
            if obj is not None:
                v = ov * (-1.0 if neg[j] else 1.0)
                obj_val[obj[1]] = obj_val.get(obj[1], 0.0) + v
                ev.append(Evidence("object_verb", f"{w}{' (negated)' if neg[j] else ''} -> {doc.token_text(obj[0])}",
                                   round(v, 3)))
                continue
        v = lex.get(w)
        if v:
            general += v * (NEGATION_SCALAR if neg[j] else 1.0)
    for fam, v in CONSEQUENCES:  # "would put them out of business", "saves lives"
        for a, b in doc.in_sentence(fam, i):
            if not in_mention.intersection(range(a, b)):
                general += v * (NEGATION_SCALAR if neg[a] else 1.0)
    if described:
        # "Schools that dropped homework saw calmer children": good news of the stopping is bad news
        # for what was stopped (and is not said of the sentence's subject)
        judged = math.tanh(general / VALENCE_UNIT)
        for idx in described:
            obj_val[idx] -= judged
        general = 0.0
    subject = _subject(doc, rng, mentions, obj_val, p)
    if subject is None and not mentions and carried is not None and _PRONOUN_START.match(sent):
        subject = carried  # "Its government refused ...": the previous sentence's actor
    margin = 0.0
    for idx, v in sorted(obj_val.items()):
        tgt = p.targets[idx]
        if tgt.sign and v:
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
        if doc.text.isascii() and _STOP_TOKENS.isdisjoint(toks[rng.start:rng.stop]):
            stops = []  # (an ASCII token is a stop verb only if it is one of STOP_VERB_WORDS: tokens are lower case)
        else:
            stops = [j for j in rng if (toks[j] in STOPPING_WORDS or is_stop_verb(toks[j]))
                     and stem(toks[j]) not in p.practice]
        relative = bool(stops) and in_relative_clause(toks, stops[0], rng.start)
        if relative:  # "places that dropped it saw calmer streets": good news of the stopping
            pv -= general
        elif stops:  # a call to stop it (a negated one, "we should not end it", asks to keep it)
            pv += 2.0 if neg[stops[0]] else -2.0
        if not stops and (_KEEP_VERBS.search(sent) or _SHOULD.search(sent)):
            pv += 2.0  # "must continue", "should be returned": the practice endorsed
        if not relative:
            pv += general
        if p.practice_direction < 0 and status_quo_in(doc, rng.start, rng.stop):
            pv = -pv  # "the old terminal floods": the practice as it stands now, for replacing it (under a
            # thesis that stops the practice, what stands now is what it stops: no turn)
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
    if p.echo and not (mentions or practice or dis):
        for j in rng:
            w = toks[j]
            if len(w) >= 4:
                o = p.echo.get(stem(w))
                if o is not None:
                    echoed.append((w, o))
    relevant = bool(mentions) or practice or bool(dis) or bool(echoed) or sympathetic
    return margin, ev, relevant, subject


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
    said = [(fam, t) for fam in ("endorse", "oppose") for t in doc.texts(fam, i)
            if p.proposal or p.practice_direction or fam == "endorse" or " ".join(t.lower().split()) not in lx.OPPOSE_RULES]
    for fam, t in said[:1]:
        c = W_ENDORSE if fam == "endorse" else -W_ENDORSE
        margin += c
        ev.append(Evidence(fam, t, c))
    alt = _alternative(doc, i, p)
    if alt:
        margin -= W_ALTERNATIVE
        ev.append(Evidence("alternative", alt, -W_ALTERNATIVE))
    # (a sentence repeating the thesis's words has topic anchors and is judged by `topic_sentence`)
    return margin, ev, bool(dis) or bool(sym and p.practice_direction) or bool(said) or bool(alt), None


def _alternative(doc: Doc, i: int, p: ThesisProfile) -> str:
    """Sentence i's other remedy for what a proposal to do something answers ("Voice control solves this."
    under "Carmakers should keep buttons"), else "". Under a thesis that stops something, another remedy
    is often the thesis's own side ("the answer is a night bus, not scooters"): no cue there."""
    if not (p.proposal and p.practice_direction < 0) or "alternative" not in doc.cues:
        return ""
    first = doc.sent_first_tok[i]
    for a, b in doc.cues["alternative"]:
        if doc.sentence_of(a) == i and (doc.toks[a] != "just" or a == first):
            return doc.sentence(i)[:160]
    return ""


#: Tokens that can be a stop in `_score_sentence`'s practice test: stopping words and stop verbs.
_STOP_TOKENS = STOPPING_WORDS | STOP_VERB_WORDS


@lru_cache(maxsize=1)
def _SENTENCE_WORDS() -> frozenset[str]:
    """The words `_score_sentence` scores a sentence's valence and verbs from (valenced words, verbs that
    act on an object, stopping words); built once per process."""
    return frozenset(word_valence()) | frozenset(lx.OBJECT_VERBS) | STOPPING_WORDS


_SHOULD = re.compile(r"\b(?:should|ought to)\b(?!\s+(?:not|never|stop)\b)", re.IGNORECASE)


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
    toks = doc.toks
    for j in range(start, first[0]):
        if toks[j] in _ACTOR_WORDS:
            return None
        if len(toks[j]) < 2:
            continue  # (a token of one character, "," or "a", names no one: lower-casing never shortens one)
        o = doc.token_text(j)
        if (len(o) >= 2 and o.isupper() and o.isalpha() and o != "QUOTE") or \
                (j > start and o[:1].isupper() and o[1:].islower() and o != "I"):
            return None  # someone else is the subject ("The SK govt asked China ...")
    return first[1]
