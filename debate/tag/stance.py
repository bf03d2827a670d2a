"""Local stance of a text toward a thesis: favor, against or none, with the cues that decided it.

How it works (each step leaves Evidence):
1. The thesis is read into a `ThesisProfile`: the entities it names with the
   side it takes on them (the actor told to *stop* something is criticised:
   sign -1; a subject praised is +1), the practice it wants stopped or done,
   and the people it protects (the practice's object). Entities whose side the
   thesis does not say get it from the article: the summed valence of the
   article sentences that name them.
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
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Evidence, Label, Thesis
from . import lexicons as lx
from .spans import Doc, PhraseIndex, analyze, sentences, strip_quotations, tokenize, tokens

#: Softmax logit of "none": a text needs a margin above ~1 (one clear cue) to take a side.
NONE_LOGIT = 1.0
#: Beyond this many sentences the summed margin is scaled by sqrt(LONG / n): a whole article sums dozens
#: of weak cues that would otherwise swamp its few clear ones.
LONG_TEXT_SENTENCES = 8
#: VADER's negation scalar (vaderSentiment N_SCALAR): a negated word keeps 74% of its valence, flipped.
NEGATION_SCALAR = -0.74
#: Valence is on VADER's -4..4 scale; divide to bring one strong word to about 1 unit of margin.
VALENCE_UNIT = 2.5
#: How far after a verb its object may appear (tokens).
OBJECT_WINDOW = 6
#: Weights of the cue families (in margin units).
W_OBJECT = 1.2
#: Valence a sentence gives the target it is about (its first-named actor).
W_TARGET = 1.5
W_PRACTICE = 2.0
W_SYMPATHY = 0.8
W_DISMISSAL = 0.9
#: A thesis predicate this valenced ("are worth the money": VADER "worth" 0.9) sets its subject's side.
PREDICATE_MIN = 0.5
#: An entity's side is taken from the article only when its mean sentence valence is this clear.
ARTICLE_SIDE_MIN = 0.25

_STOP_VERBS = re.compile(r"\b(?:stop|stopping|cease|ceasing|end|ending|halt|halting|ban|banning|abolish|"
                         r"quit|abandon|scrap|drop|refrain from|no more)\b", re.IGNORECASE)
_KEEP_VERBS = re.compile(r"\b(?:continue|continuing|keep|keeping|necessary|justified|needed|must|have to|"
                         r"has to|right to|entitled to|no choice)\b", re.IGNORECASE)
_MODAL_STOP = re.compile(r"\b(?:should|must|ought to|need to|needs to|has to|have to)\s+(?:not|never|stop|"
                         r"cease|end|halt|quit|abandon)\b|\b(?:ceasing|stopping|ending|halting|banning)\b",
                         re.IGNORECASE)
_PREDICATE = re.compile(r"\b(?:is|are|was|were)\s+(.{3,})$", re.IGNORECASE)

#: Common names of countries and their demonyms, capitals and abbreviations (general world knowledge).
ALIASES: dict[str, tuple[str, ...]] = {
    "china": ("chinese", "beijing", "prc"),
    "north korea": ("north korean", "north koreans", "pyongyang", "dprk", "nk"),
    "south korea": ("south korean", "south koreans", "seoul", "rok", "sk"),
    "korea": ("korean", "koreans"),
    "japan": ("japanese", "tokyo"),
    "russia": ("russian", "russians", "moscow", "kremlin"),
    "united states": ("us", "u.s.", "usa", "america", "american", "americans", "washington"),
    "america": ("us", "u.s.", "usa", "american", "americans", "washington"),
    "united kingdom": ("uk", "u.k.", "britain", "british", "london"),
    "britain": ("uk", "u.k.", "british", "london"),
    "european union": ("eu", "brussels"),
    "eu": ("european union", "brussels"),
    "france": ("french", "paris"), "germany": ("german", "germans", "berlin"),
    "india": ("indian", "indians", "new delhi"), "israel": ("israeli", "israelis"),
    "iran": ("iranian", "iranians", "tehran"), "ukraine": ("ukrainian", "ukrainians", "kyiv", "kiev"),
    "taiwan": ("taiwanese", "taipei"), "mongolia": ("mongolian",), "vietnam": ("vietnamese", "hanoi"),
    "canada": ("canadian", "canadians", "ottawa"), "mexico": ("mexican", "mexicans"),
    "australia": ("australian", "australians", "canberra"), "turkey": ("turkish", "ankara"),
    "syria": ("syrian", "syrians", "damascus"), "thailand": ("thai",), "myanmar": ("burma", "burmese"),
}


@dataclass(frozen=True)
class Target:
    name: str
    aliases: tuple[str, ...]
    sign: float  # +1 the thesis is on its side, -1 the thesis criticises it, 0 unknown / protected people
    protected: bool  # the people the thesis's practice is done to
    why: str  # how the sign was decided


@dataclass(frozen=True)
class ThesisProfile:
    thesis: Thesis
    targets: tuple[Target, ...]
    practice: tuple[str, ...]  # stems of the practice the thesis is about ("repatriat", "crackdown")
    practice_direction: float  # +1 the thesis wants the practice stopped, -1 wants it done, 0 unknown
    mention: PhraseIndex  # aliases of the targets; the family name is the target's index
    echo: dict[str, float]  # thesis content stem -> +1, or -1 for what the thesis wants stopped or banned


@dataclass(frozen=True)
class StanceScore:
    """Local stance as a margin (favor > 0) and a distribution, with its cues."""

    margin: float
    probs: tuple[float, float, float]  # favor, against, none
    evidence: tuple[Evidence, ...]
    relevant: bool  # the text names a target, the practice, or dismisses the thesis side

    def label(self) -> Label:
        i = max(range(3), key=lambda k: (self.probs[k], -k))
        return Label(value=("favor", "against", "none")[i], score=round(self.probs[i], 4),
                     evidence=self.evidence, decided_by="local")


def stance_toward(text: str, thesis: Thesis, *, article_text: str | None = None) -> Label:
    """Stance of any text (a comment, a quoted voice, an article) toward `thesis`."""
    return score_stance(text, profile_of(thesis, article_text)).label()


# --- the thesis profile ----------------------------------------------------------------


def profile_of(thesis: Thesis, article_text: str | None = None) -> ThesisProfile:
    """Read the thesis (once per thesis and article) into targets with sides."""
    return _profile(thesis, article_text or "")


@lru_cache(maxsize=64)
def _profile(thesis: Thesis, article_text: str) -> ThesisProfile:
    text = lx.normalize(thesis.text)
    stop_practice = bool(_MODAL_STOP.search(text))
    comparative = _COMPARATIVE.search(text)  # "A is better than B": A is a target, B the practice
    practice_phrases = [] if comparative else [t for t in thesis.targets if " " in t and t[:1].islower()]
    practice_stems = tuple(sorted({_stem(head) for p in practice_phrases
                                   if (head := next((w for w in p.split() if not w.endswith("ly")), ""))
                                   and len(head) > 4}))
    subject = thesis.targets[0] if thesis.targets else ""
    predicate = _PREDICATE.search(text)
    targets: list[Target] = []
    for name in thesis.targets:
        if name in practice_phrases:
            continue
        protected = any(name in p and not p.startswith(name) for p in practice_phrases) or \
            bool(re.search(r"\b(?:on|against|of|to)\s+(?:the\s+)?" + re.escape(name), text))
        sign, why = 0.0, "unknown"
        if protected:
            why = "the thesis's practice is done to them"
        elif name == subject and stop_practice:
            sign, why = -1.0, "the thesis tells it to stop"
        elif name == subject and comparative:
            sign, why = 1.0, f"the thesis prefers it to {comparative.group('b')!r}"
        elif name == subject and predicate and not re.search(r"\bshould|must\b", text, re.IGNORECASE):
            v = _valence_sum(predicate.group(1))
            if abs(v) >= PREDICATE_MIN:
                sign, why = math.copysign(1.0, v), f"the thesis calls it: {predicate.group(1)!r}"
        targets.append(Target(name, _aliases(name), sign, protected, why))
    if article_text and any(t.sign == 0.0 and not t.protected for t in targets):
        sides = _article_sides(targets, article_text)
        for i, t in enumerate(targets):
            mean = sides.get(i, 0.0)
            if t.sign == 0.0 and not t.protected and abs(mean) >= ARTICLE_SIDE_MIN:
                targets[i] = replace(t, sign=math.copysign(1.0, mean),
                                     why=f"the article's sentences about it (mean {mean:+.2f})")
    seen: set[str] = set()
    families: dict[str, tuple[str, ...]] = {}
    for i, t in enumerate(targets):
        families[str(i)] = tuple(a for a in t.aliases if a not in seen)
        seen.update(t.aliases)
    direction = 1.0 if stop_practice or _STOP_VERBS.search(text) else (-1.0 if practice_stems else 0.0)
    if not practice_stems:
        practice_stems, direction = _practice_from_structure(text)
    return ThesisProfile(thesis, tuple(targets), practice_stems, direction, PhraseIndex(families),
                         _echo_stems(text))


#: "<subject> should [not|stop|ban] <verb phrase>" and "<A> is better than <B>".
_MODAL_SPLIT = re.compile(
    r"^(?P<subj>.*?)\b(?:should|must|ought to|need to|needs to|has to|have to)\s+"
    r"(?P<neg>(?:not|never)\s+)?(?P<stop>(?:stop|cease|end|quit|abandon|ban|abolish|scrap|halt|drop)\b\s*)?"
    r"(?P<vp>.+)$", re.IGNORECASE)
_COMPARATIVE = re.compile(r"\b(?:is|are)\s+(?:better|preferable|superior|safer|cheaper|fairer|smarter|wiser)\s+"
                          r"than\s+(?P<b>.+)$", re.IGNORECASE)
#: Words that end the noun phrase a thesis acts on ("build the ferry terminal | now instead of ...").
_NP_END = frozenset({"from", "for", "in", "on", "at", "to", "by", "with", "instead", "before", "after",
                     "than", "until", "unless", "if", "when", "while", "because", "now", "and", "or", ","})


def _practice_from_structure(text: str) -> tuple[tuple[str, ...], float]:
    """The practice a thesis wants done (-1) or stopped (+1), read from its sentence structure.

    "Primary schools should stop giving homework" -> (homework, +1); "Cities should pilot a
    four-day work week" -> (work, week, -1); "A fee is better than a ban" -> (ban, +1).
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    m = _COMPARATIVE.search(text)
    if m:
        words, direction = tokenize(m.group("b")), 1.0
    else:
        m = _MODAL_SPLIT.search(text)
        if not m:
            return (), 0.0
        direction = 1.0 if (m.group("neg") or m.group("stop")) else -1.0
        words = tokenize(m.group("vp"))
        if words and not (m.group("stop") and words[0].endswith("ing")) and direction < 0:
            words = words[1:]  # the verb ("pilot", "build"); its object is the practice
        elif words and words[0].endswith("ing"):
            words = words[1:]  # "stop giving homework": the practice is the homework
    np: list[str] = []
    for w in words:
        if w in _NP_END:
            break
        np.append(w)
    stems = {_stem(w) for w in np if len(w) >= 3 and w not in ENGLISH_STOP_WORDS and w.isalpha()}
    return tuple(sorted(stems)), (direction if stems else 0.0)


def _echo_stems(text: str) -> dict[str, float]:
    """Content stems of the thesis; those after a stop/ban verb are what it opposes (-1)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    out: dict[str, float] = {}
    sign = 1.0
    for w in re.findall(r"[a-z][a-z\-]+", text.lower()):
        if _STOP_VERBS.fullmatch(w):
            sign = -1.0
            continue
        if w in ENGLISH_STOP_WORDS or len(w) < 4 or w in _ECHO_SKIP:
            continue
        out.setdefault(_stem(w), sign)
    return out


#: Thesis words too general to tie a sentence to it.
_ECHO_SKIP = frozenset({"should", "would", "could", "must", "better", "worth", "good", "more", "less", "most",
                        "will", "make", "made", "does", "instead"})


def _aliases(name: str) -> tuple[str, ...]:
    low = name.lower()
    out = {low}
    words = low.split()
    for country, alts in ALIASES.items():
        if low == country or low in alts:
            out.update(alts)
            out.add(country)
        elif low.startswith(country + " ") or any(low.startswith(a + " ") for a in alts):
            rest = low.split(" ", len(country.split()))[-1] if low.startswith(country + " ") else \
                low[len(next(a for a in alts if low.startswith(a + " "))) + 1:]
            out.update(f"{a} {rest}" for a in (country,) + alts if len(a) > 2 or a.isalpha())
            out.add(rest)  # "refugees" alone: the people the thesis is about
    if len(words) > 1 and name[:1].islower():  # "plastic bag fee": also "bag fee", "fee"
        out.update({" ".join(words[-2:]), words[-1]})
    if len(words) > 1 and name.split()[0][:1].isupper():
        initials = "".join(w[0] for w in words if w not in ("of", "the", "and"))
        if len(initials) >= 2:
            out.add(initials)
    if words and words[-1].endswith("s") and len(words[-1]) > 4:
        out.add(words[-1][:-1] if len(words) == 1 else " ".join(words[:-1] + [words[-1][:-1]]))
    return tuple(sorted(out))


def _article_sides(targets: list[Target], article_text: str) -> dict[int, float]:
    """Mean valence the article gives each target in the sentences that name it (one pass)."""
    index = PhraseIndex({str(i): t.aliases for i, t in enumerate(targets)})
    firsts = set(index.exact) | set(index.wild_first)
    lex = _lexicon()
    totals: dict[int, list[float]] = {}
    for sent in sentences(strip_quotations(article_text)):
        toks = tokenize(sent)
        if firsts.isdisjoint(toks):
            continue  # names no target: skip before the (slower) phrase match
        hit = index.match(toks)
        if not hit:
            continue
        v = 0.0
        for t in tokens(sent):
            x = lx.ARGUMENT_VALENCE.get(t.text)
            if x is None:
                x = lex.get(t.text, 0.0)
            v += x * (NEGATION_SCALAR if t.negated else 1.0)
        for fam in hit:
            acc = totals.setdefault(int(fam), [0.0, 0])
            acc[0] += v / VALENCE_UNIT
            acc[1] += 1
    return {k: t / n for k, (t, n) in totals.items()}


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
    practice = bool(p.practice) and any(
        st in low for st in p.practice if len(st) >= 7) or any(_stem(toks[j]) in p.practice for j in rng)
    rhetorical = low.rstrip().endswith("?") and bool(_RHETORICAL_OPEN.match(low))
    futile = doc.texts("futility", i)
    flip = -1.0 if (rhetorical or futile) else 1.0
    lex = _lexicon()
    obj_val: dict[int, float] = {}
    in_mention = {k for a, b, _ in mentions for k in range(a, b)}
    general = 0.0
    for j in rng:
        w = toks[j]
        if j in consumed or j in in_mention:
            continue
        ov = lx.OBJECT_VERBS.get(w)
        if ov is not None:
            obj = next(((a, idx) for a, _, idx in mentions if j < a <= j + OBJECT_WINDOW), None)
            if obj is not None:
                v = ov * (-1.0 if neg[j] else 1.0)
                obj_val[obj[1]] = obj_val.get(obj[1], 0.0) + v
                ev.append(Evidence("object_verb", f"{w}{' (negated)' if neg[j] else ''} -> {doc.orig[obj[0]]}",
                                   round(v, 3)))
                continue
        v = lx.ARGUMENT_VALENCE.get(w)
        if v is None:
            v = lex.get(w, 0.0)
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
        stops = [j for j in rng if _STOP_VERBS.fullmatch(toks[j]) and _stem(toks[j]) not in p.practice]
        if stops:  # a call to stop it (a negated one, "we should not end it", asks to keep it)
            pv += 2.0 if neg[stops[0]] else -2.0
        if _KEEP_VERBS.search(sent):
            pv += 1.0
        pv += general * 0.5
        if pv:
            c = -p.practice_direction * math.tanh(pv / VALENCE_UNIT) * W_PRACTICE * (-1.0 if rhetorical else 1.0)
            margin += c
            ev.append(Evidence("practice", sent[:160], round(c, 3)))
    sym = doc.texts("sympathy", i)
    if sym and p.practice_direction and (not mentions or any(p.targets[x].protected for _, _, x in mentions)):
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
                o = p.echo.get(_stem(w))
                if o is not None:
                    echoed.append((w, o))
    relevant = bool(mentions) or practice or bool(dis) or bool(echoed)
    return margin, ev, relevant, subject


#: Questions that challenge an action rather than ask about it ("Why go out of your way to ...?");
#: a plain "Why does X have such a harsh policy?" criticises X and is not flipped.
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
        o = doc.orig[j]
        if doc.toks[j] in _ACTOR_WORDS or (len(o) >= 2 and o.isupper() and o.isalpha() and o != "QUOTE") or \
                (j > start and o[:1].isupper() and o[1:].islower() and o != "I"):
            return None  # someone else is the subject ("The SK govt asked China ...")
    return first[1]


def _valence_sum(text: str) -> float:
    lex = _lexicon()
    total = 0.0
    for t in tokens(text):
        v = lx.ARGUMENT_VALENCE.get(t.text)
        if v is None:
            v = lex.get(t.text, 0.0)
        total += v * (NEGATION_SCALAR if t.negated else 1.0)
    return total


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    w = re.sub(r"[^a-z]", "", word.lower())
    for suf in ("ations", "ation", "ings", "ing", "ions", "ion", "s", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 5:
            return w[: -len(suf)]
    return w


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    """VADER's word valences (loaded once per process)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)
