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
from dataclasses import dataclass
from functools import lru_cache

from ..model import Evidence, Label, Thesis
from . import lexicons as lx
from .spans import sentences, strip_quotations, tokens

#: Softmax logit of "none": a text needs a margin above ~1 (one clear cue) to take a side.
NONE_LOGIT = 1.0
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
W_PRACTICE = 1.5
W_SYMPATHY = 0.8
W_DISMISSAL = 0.9
#: A sentence that repeats the thesis's words: its valence, oriented by the thesis (weaker than a target cue).
W_ECHO = 0.9
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
    mention: re.Pattern[str] | None  # any alias of any target
    alias_index: dict[str, int]  # lower-case alias -> index into targets
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
    practice_phrases = [t for t in thesis.targets if " " in t and t[:1].islower()]
    practice_stems = tuple(sorted({_stem(w) for p in practice_phrases for w in p.split()[:2]
                                   if len(w) > 4 and not w.endswith("ly")}))
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
        elif name == subject and predicate and not re.search(r"\bshould|must\b", text, re.IGNORECASE):
            v = _valence_sum(predicate.group(1))
            if abs(v) >= 1.0:
                sign, why = math.copysign(1.0, v), f"the thesis calls it: {predicate.group(1)!r}"
        if sign == 0.0 and not protected and article_text:
            mean = _article_side(name, article_text)
            if abs(mean) >= ARTICLE_SIDE_MIN:
                sign, why = math.copysign(1.0, mean), f"the article's sentences about it (mean {mean:+.2f})"
        targets.append(Target(name, _aliases(name), sign, protected, why))
    index: dict[str, int] = {}
    for i, t in enumerate(targets):
        for a in t.aliases:
            index.setdefault(a, i)
    mention = None
    if index:
        body = "|".join(re.escape(a) for a in sorted(index, key=len, reverse=True))
        mention = re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)
    direction = 1.0 if stop_practice or _STOP_VERBS.search(text) else (-1.0 if practice_stems else 0.0)
    return ThesisProfile(thesis, tuple(targets), practice_stems, direction, mention, index, _echo_stems(text))


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
    if len(words) > 1 and name.split()[0][:1].isupper():
        initials = "".join(w[0] for w in words if w not in ("of", "the", "and"))
        if len(initials) >= 2:
            out.add(initials)
    if words and words[-1].endswith("s") and len(words[-1]) > 4:
        out.add(words[-1][:-1] if len(words) == 1 else " ".join(words[:-1] + [words[-1][:-1]]))
    return tuple(sorted(out))


def _article_side(name: str, article_text: str) -> float:
    """Mean valence the article gives `name` in the sentences where it is the first target named."""
    pat = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in sorted(_aliases(name), key=len, reverse=True))
                     + r")(?![\w])", re.IGNORECASE)
    total, n = 0.0, 0
    for s in sentences(strip_quotations(article_text)):
        if pat.search(s):
            total += _valence_sum(s) / VALENCE_UNIT
            n += 1
    return total / n if n else 0.0


# --- scoring a text --------------------------------------------------------------------


def score_stance(text: str, profile: ThesisProfile) -> StanceScore:
    """Sum the stance cues of every sentence of `text` (linear in its length)."""
    evidence: list[Evidence] = []
    margin = 0.0
    relevant = False
    clean = strip_quotations(text)
    carried: int | None = None
    for sent in sentences(clean):
        m, ev, rel, carried = _score_sentence(sent, profile, carried)
        margin += m
        evidence.extend(ev)
        relevant = relevant or rel
    if not relevant:
        margin *= 0.5
    logits = (margin, -margin, NONE_LOGIT)
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    z = sum(exps)
    probs = tuple(round(e / z, 6) for e in exps)
    return StanceScore(round(margin, 4), probs, tuple(evidence), relevant)  # type: ignore[arg-type]


def _score_sentence(sent: str, p: ThesisProfile,
                    carried: int | None = None) -> tuple[float, list[Evidence], bool, int | None]:
    """Margin, cues and relevance of one sentence; also the subject a following "It"/"They" refers to."""
    ev: list[Evidence] = []
    low = sent.lower()
    mentions = []  # (char start, target index, alias)
    if p.mention is not None:
        for m in p.mention.finditer(sent):
            mentions.append((m.start(), p.alias_index[m.group(0).lower()], m.group(0)))
    practice = bool(p.practice) and any(st in low for st in p.practice)
    rhetorical = sent.rstrip().endswith("?") and bool(
        re.match(r"\s*(?:why|how can|how could|do you really|are you|isn't|is it not|who are)", low))
    futile = lx.find("futility", sent)
    flip = -1.0 if (rhetorical or futile) else 1.0
    toks = tokens(sent)
    consumed = _cue_words(sent, ("futility", "dismissal", "sympathy", "humor", "appreciation"))
    margin = 0.0
    obj_val: dict[int, float] = {}
    general = 0.0
    # token positions of mentions, for verb -> object attribution
    word_pos = [m.start() for m in re.finditer(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*%?|[?!.,;:]", sent)]
    mention_tok = []
    for start, idx, alias in mentions:
        k = next((j for j, wp in enumerate(word_pos) if wp >= start), len(word_pos))
        mention_tok.append((k, idx, alias))
    lex = _lexicon()
    for j, t in enumerate(toks):
        w = t.text
        if w in consumed:
            continue
        if w in lx.OBJECT_VERBS:
            obj = next(((idx, alias) for k, idx, alias in mention_tok if j < k <= j + OBJECT_WINDOW), None)
            if obj is not None:
                v = lx.OBJECT_VERBS[w] * (-1.0 if t.negated else 1.0)
                obj_val[obj[0]] = obj_val.get(obj[0], 0.0) + v
                ev.append(Evidence("object_verb", f"{w}{' (negated)' if t.negated else ''} -> {obj[1]}",
                                   round(v, 3)))
                continue
        v = lx.ARGUMENT_VALENCE.get(w)
        if v is None:
            v = lex.get(w, 0.0)
        if v:
            general += v * (NEGATION_SCALAR if t.negated else 1.0)
    subject = _subject(sent, mentions, obj_val, p)
    if subject is None and not mentions and carried is not None and _PRONOUN_START.match(sent):
        subject = carried  # "Its government refused ...": the previous sentence's actor
    for idx, v in obj_val.items():
        tgt = p.targets[idx]
        if tgt.sign:
            c = W_OBJECT * v * tgt.sign * flip
            margin += c
            ev.append(Evidence("target_attitude", f"acts on {tgt.name} ({'+' if v > 0 else '-'}), thesis side "
                               f"{tgt.sign:+.0f}{', flipped: ' + ('rhetorical question' if rhetorical else futile[0]) if flip < 0 else ''}",
                               round(c, 3)))
    if subject is not None and general:
        tgt = p.targets[subject]
        if tgt.sign:
            c = W_TARGET * math.tanh(general / VALENCE_UNIT) * tgt.sign * (-1.0 if rhetorical else 1.0)
            margin += c
            ev.append(Evidence("target_valence", f"{tgt.name}: {sent[:160]}", round(c, 3)))
    if practice and p.practice_direction:
        pv = 0.0
        if _STOP_VERBS.search(sent):
            pv -= 2.0 if not re.search(r"\b(?:not|n't|never)\b\W+(?:\w+\W+)?(?:stop|end|cease|ban)", low) else -2.0
        if _KEEP_VERBS.search(sent):
            pv += 1.0
        pv += general * 0.5
        if pv:
            c = -p.practice_direction * math.tanh(pv / VALENCE_UNIT) * W_PRACTICE * (-1.0 if rhetorical else 1.0)
            margin += c
            ev.append(Evidence("practice", sent[:160], round(c, 3)))
    sym = lx.find("sympathy", sent)
    if sym and p.practice_direction and any(p.targets[i].protected for _, i, _ in mentions) | (not mentions):
        c = W_SYMPATHY * p.practice_direction
        margin += c
        ev.append(Evidence("sympathy", ", ".join(sym), round(c, 3)))
    dis = lx.find("dismissal", sent)
    if dis:
        aimed_at_critic = subject is not None and p.targets[subject].sign < 0
        c = W_DISMISSAL * (1.0 if aimed_at_critic else -1.0)
        margin += c
        ev.append(Evidence("dismissal", ", ".join(dis) + (" (aimed at " + p.targets[subject].name + ")"
                                                           if aimed_at_critic else " (aimed at the thesis side)"),
                           round(c, 3)))
    echoed = [(w, p.echo[st]) for w in {t.text for t in toks} if len(w) >= 4 and (st := _stem(w)) in p.echo]
    if echoed and not obj_val and (subject is None or not p.targets[subject].sign) and general:
        orient = 1.0 if sum(o for _, o in echoed) >= 0 else -1.0
        c = W_ECHO * math.tanh(general / VALENCE_UNIT) * orient * (-1.0 if rhetorical else 1.0)
        margin += c
        ev.append(Evidence("thesis_echo", f"{', '.join(sorted(w for w, _ in echoed))}: {sent[:140]}", round(c, 3)))
    relevant = bool(mentions) or practice or bool(dis) or bool(echoed)
    return margin, ev, relevant, subject


#: Any named actor: a known country form, an acronym, or a capitalised word inside the sentence.
_ANY_ENTITY = re.compile(
    r"(?<![\w])(?i:" + "|".join(re.escape(a) for a in sorted({k for k in ALIASES} | {a for v in ALIASES.values() for a in v},
                                                              key=len, reverse=True)) + r")(?![\w])"
    r"|\b(?!QUOTE\b)[A-Z]{2,}\b|(?<=[a-z,;] )[A-Z][a-z]+")


_PRONOUN_START = re.compile(r"^\W*(?:it|its|they|their|them|its own)\b", re.IGNORECASE)


def _subject(sent: str, mentions: list, obj_val: dict, p: ThesisProfile) -> int | None:
    """The first-named actor when it is a thesis target (not an object of a verb, not protected)."""
    first_target = next(((start, idx) for start, idx, _ in sorted(mentions)
                         if idx not in obj_val and not p.targets[idx].protected), None)
    if first_target is None:
        return None
    other = _ANY_ENTITY.search(sent[:first_target[0]]) if first_target[0] else None
    if other is not None and not any(s <= other.start() < s + len(a) for s, _, a in mentions):
        return None  # someone else is the subject ("The SK govt asked China ...")
    return first_target[1]


def _cue_words(sent: str, families: tuple[str, ...]) -> frozenset[str]:
    words: set[str] = set()
    for fam in families:
        for m in lx.find(fam, sent):
            words.update(m.lower().split())
    return frozenset(words)


def _valence_sum(text: str) -> float:
    lex = _lexicon()
    total = 0.0
    for t in tokens(text):
        v = lx.ARGUMENT_VALENCE.get(t.text)
        if v is None:
            v = lex.get(t.text, 0.0)
        total += v * (NEGATION_SCALAR if t.negated else 1.0)
    return total


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
