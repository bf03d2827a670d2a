"""The thesis read for stance: its targets and the side it takes on each, its practice, its words.

A `ThesisProfile` is built once per thesis and article (cached) and used for
every comment: the entities the thesis names with its side on them (the actor
told to *stop* something is criticised: sign -1; a subject it praises or
prefers is +1; the people its practice is done to are protected), sides the
thesis leaves open taken from the article (the mean valence of the article's
sentences naming them), and the practice it wants stopped (+1) or done (-1).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Thesis
from . import lexicons as lx
from .thesis_forms import called_object, canonical_form
from .spans import PhraseIndex, _negation, sentence_spans, stop_words, strip_quotations, tokenize
from .topic_terms import (COMPARATIVE, ENDINGS, PROPOSAL_CUE_WORDS, PROPOSAL_NOUNS, STOPPED_OBJECT, STOPPING,
                          TOPIC_SKIP, clause_of, practice_from_structure, proposal_of, topic_terms, verb_forms,
                          word_forms)
from .valence import NEGATION_SCALAR, STEM_SUFFIXES, VALENCE_UNIT, stem, strong_words, valence_sum, word_valence


#: A thesis predicate this valenced ("are worth the money": VADER "worth" 0.9) sets its subject's side.
PREDICATE_MIN = 0.5
#: An entity's side is taken from the article only when its mean sentence valence is this clear.
ARTICLE_SIDE_MIN = 0.25

STOP_VERBS = re.compile(r"\b(?:stop|stopping|cease|ceasing|end|ending|halt|halting|ban|banning|abolish|"
                         r"quit|abandon|scrap|drop|refrain from|no more)\b", re.IGNORECASE)
#: The alternatives of STOP_VERBS (what `is_stop_verb` looks up instead of matching it).
STOP_VERB_WORDS = frozenset({"stop", "stopping", "cease", "ceasing", "end", "ending", "halt", "halting", "ban",
                              "banning", "abolish", "quit", "abandon", "scrap", "drop", "refrain from", "no more"})


def is_stop_verb(word: str) -> bool:
    """`STOP_VERBS.fullmatch(word)` for one token: a set look-up when the word is ASCII (where ignoring
    case is lower-casing); the pattern otherwise (its case-insensitive match also takes "ſ" for "s")."""
    if word.isascii():
        return word.lower() in STOP_VERB_WORDS
    return STOP_VERBS.fullmatch(word) is not None

_MODAL_STOP = re.compile(r"\b(?:should|must|ought to|need to|needs to|has to|have to)\s+(?:not|never|stop|"
                         r"cease|end|halt|quit|abandon)\b|\b(?:ceasing|stopping|ending|halting|banning)\b",
                         re.IGNORECASE)
#: The actor is told to stop something it does ("should stop forcibly repatriating", "should not deport"):
#: a verb of its own after the stop verb, not a thing it runs ("should end its scooter scheme").
_STOPS_OWN_ACT = re.compile(r"\b(?:should|must|ought to|need to|needs to|has to|have to)\s+(?:not\s+|never\s+)"
                            r"(?!be\b)[a-z]+\b|\b(?:stop|cease|end|halt|quit)\s+(?:\w+ly\s+)?\w+ing\b|"
                            r"\b(?:ceasing|stopping|ending|halting)\b", re.IGNORECASE)
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
    practice_words: re.Pattern[str] | None = None  # other words for it ("sent [them] back" for "repatriat")
    #: Word forms naming what the thesis is about, each with the side the thesis takes on it (+1 it wants
    #: or praises it, -1 it wants it stopped, banned, or calls it harmful, 0 an actor or setting only);
    #: modifiers count half ("bike" in "protected bike lanes").
    topic: dict[str, float] = field(default_factory=dict)
    #: Other content words the article keeps using with the thesis (relevance only, no side).
    related: frozenset[str] = frozenset()
    #: The thesis proposes a change or judges a policy ("should", "is worth", "is justified"): costs that
    #: a comment says someone will bear argue against it.
    proposal: bool = False
    #: The thesis's main verb when it is specific ("build", "ban"): an imperative "Build it now." restates it.
    verb: str = ""
    #: Word forms of the practice (its stems with the usual endings, each confirmed by `stem`).
    practice_forms: frozenset[str] = frozenset()
    #: Topic words with a side (nonzero sign).
    signed_words: frozenset[str] = frozenset()
    #: Topic and related words (anchors of a sentence).
    anchor_words: frozenset[str] = frozenset()
    #: The words that make a sentence worth reading closely (anchors, target starts, practice forms, the
    #: thesis's verb; for a proposal also costs, "would"/"will" and question words).
    cue_words: frozenset[str] = frozenset()
    #: What `vocabulary_in` keeps: how many texts it has read, and the vocabulary once built.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def vocabulary_in(self, toks: list[str]) -> frozenset[str]:
        """The words of `toks` that a stance cue of this profile looks up: the cue words and VADER's
        strong words (`strong_words`), so that one C-level intersection finds all a text needs.

        Their union (the vocabulary) copies the ~6,000 strong words, about as costly as a second
        intersection with VOCABULARY_AFTER tokens; it is built only once the texts read with this profile
        have that many tokens, so a thread of a few comments does not pay for it.
        """
        memo = self.memo
        vocabulary = memo.get("vocabulary")
        if vocabulary is not None:
            return vocabulary.intersection(toks)
        seen = memo.get("seen", 0) + len(toks)
        memo["seen"] = seen
        if seen >= VOCABULARY_AFTER:
            memo["vocabulary"] = vocabulary = self.cue_words | strong_words()
            return vocabulary.intersection(toks)
        return self.cue_words.intersection(toks) | strong_words().intersection(toks)


#: Tokens read with a profile before its vocabulary is built as one set (see `vocabulary_in`: the union
#: costs 45-60 us, a second intersection about 30 ns per token; measured on this machine).
VOCABULARY_AFTER = 2000


# --- the thesis profile ----------------------------------------------------------------


def profile_of(thesis: Thesis, article_text: str | None = None) -> ThesisProfile:
    """Read the thesis (once per thesis and article) into targets with sides."""
    return _profile(thesis, article_text or "")


def _reports_opposite(thesis: Thesis) -> bool:
    """The thesis's evidence says the article reports the thesis's opposite (news of a decision against it,
    see `debate.tag._news_side`): how it speaks of a target then says nothing of the side the thesis takes
    on it (turning the article's sides over lost 4.6 points of stance on the one such thread of the tuning
    sets, whose comments speak well of solar power on both sides), so it is not read."""
    return any(e.cue == "article_side" and e.weight < 0 for e in thesis.evidence)


@lru_cache(maxsize=64)
def _profile(thesis: Thesis, article_text: str) -> ThesisProfile:
    text = canonical_form(lx.normalize(thesis.text))  # "X should be banned" -> "We should ban X"
    stop_practice = bool(_MODAL_STOP.search(text))
    # "Ban Homework in Primary School": an imperative title that ends something is against its object
    # ... and so is "We should ban Leaf blowers" (a passive thesis rewritten): the object of a stop verb
    stopped = STOPPED_OBJECT.search(text)
    stopped_object = stopped.group("obj").lower() if stopped else ""
    call_verb, called, confined = called_object(lx.normalize(thesis.text))  # "Save the library": for it
    comparative = COMPARATIVE.search(text)  # "A is better than B": A is a target, B the practice
    practice_phrases = [] if comparative else [t for t in thesis.targets if " " in t and t[:1].islower()]
    practice_stems = tuple(sorted({stem(head) for p in practice_phrases
                                   if (head := next((w for w in p.split() if not w.endswith("ly")), ""))
                                   and len(head) > 4}))
    subject = thesis.targets[0] if thesis.targets else ""
    predicate = _PREDICATE.search(text)
    targets: list[Target] = []
    clause_words, _, clause_at, clause_sign = clause_of(text)
    for name in thesis.targets:
        if name in practice_phrases:
            continue
        protected = any(name in p and not p.startswith(name) for p in practice_phrases) or _acted_on(name, text)
        sign, why = 0.0, "unknown"
        if protected:
            why = "the thesis's practice is done to them"
        elif name == subject and stop_practice and _STOPS_OWN_ACT.search(text):
            sign, why = -1.0, "the thesis tells it to stop"
        elif stopped_object.startswith(name.lower()):
            sign, why = -1.0, f"the thesis calls to {stopped.group('verb').lower()} it"
        elif call_verb and call_verb not in STOPPING and called == name and not confined:
            sign, why = 1.0, f"the thesis calls to {call_verb} it"  # "Bring back the buttons"
        elif name == subject and comparative:
            sign, why = 1.0, f"the thesis prefers it to {comparative.group('b')!r}"
        elif name == subject and predicate and not re.search(r"\bshould|must\b", text, re.IGNORECASE):
            v = valence_sum(predicate.group(1))
            if abs(v) >= PREDICATE_MIN:
                sign, why = math.copysign(1.0, v), f"the thesis calls it: {predicate.group(1)!r}"
        if not sign and not protected and name == subject and clause_sign and name.lower() in text.lower():
            sign = clause_sign  # "Rent control protects tenants": the claim's subject
            why = f"the thesis says it {clause_words[clause_at]} {' '.join(clause_words[clause_at + 1:clause_at + 4])}"
        targets.append(Target(name, _aliases(name), sign, protected, why))
    # the article's words, quotations set aside (someone else's voice), read by the two scans below
    stripped = strip_quotations(article_text) if article_text else ""
    if article_text and any(t.sign == 0.0 and not t.protected for t in targets) and not _reports_opposite(thesis):
        sides = _article_sides(targets, stripped)
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
    direction = 1.0 if stop_practice or STOP_VERBS.search(text) else (-1.0 if practice_stems else 0.0)
    if not practice_stems:
        practice_stems, direction = practice_from_structure(text)
    synonyms = tuple(sorted({w for st in practice_stems for key, alts in lx.PRACTICE_SYNONYMS.items()
                             if st.startswith(key) or key.startswith(st) for w in alts}))
    pattern = None
    if synonyms:  # words of a phrase may have up to two words between them ("sending them back")
        body = "|".join(r"(?:\s+\w+){0,2}\s+".join(map(re.escape, ph.split())) for ph in synonyms)
        pattern = re.compile(r"\b(?:" + body + r")\b", re.IGNORECASE)
    topic = topic_terms(text)
    for t in targets:  # the entities the thesis names keep the side the target analysis gave them
        for a in t.aliases:
            for w in a.split():
                if w in topic or " " not in a:
                    topic[w] = 0.0 if t.protected else t.sign
    proposal, verb = proposal_of(text)
    if proposal:
        # the proposal's own verb and the words that refer to a proposal ("the plan", "great idea")
        if verb and verb not in STOPPING:
            for form in verb_forms(verb):
                topic.setdefault(form, 1.0)
        for noun in PROPOSAL_NOUNS:
            topic.setdefault(noun, 1.0)
    related = _related_terms(stripped, topic)
    index = PhraseIndex(families)
    anchors = frozenset(topic) | related
    forms = frozenset(f for st in practice_stems for end in _STEMMABLE_ENDINGS for f in (st + end,) if stem(f) == st)
    cue_words = anchors | forms | index.firsts | ({verb} if verb else frozenset())
    if proposal:
        cue_words |= lx.COST | lx.SAVING | PROPOSAL_CUE_WORDS | lx.STOP_IMPERATIVES | lx.BANNED_WORDS
    signed = frozenset(w for w, v in topic.items() if v)
    return ThesisProfile(thesis, tuple(targets), practice_stems, direction, index, _echo_stems(text), pattern,
                         topic, related, proposal, verb, forms, signed, anchors, cue_words)


#: The endings of ENDINGS after which `stem` can give the stem back: `stem` keeps the letters a-z and
#: removes at most one of STEM_SUFFIXES, so stem(st + end) == st needs end's letters to be nothing or
#: one of those (st itself a-z only). Trying only these finds the same practice forms with half the calls.
_STEMMABLE_ENDINGS = tuple(end for end in ENDINGS if re.sub("[^a-z]", "", end) in ("", *STEM_SUFFIXES))


#: What stands before a name the thesis's practice is done to ("on the", "against", "of", "to").
_ACTED_ON = re.compile(r"\b(?:on|against|of|to)\s+(?:the\s+)?\Z")


def _acted_on(name: str, text: str) -> bool:
    """Whether "on", "against", "of" or "to" (and "the") stand just before some occurrence of `name`:
    the plain search with a pattern built per name, without compiling one per name."""
    pos = text.find(name)
    while pos >= 0:
        if _ACTED_ON.search(text, 0, pos):
            return True
        pos = text.find(name, pos + 1)
    return False


#: Article words kept as related terms: used this often in the article and not already the thesis's.
RELATED_MIN_COUNT = 2
RELATED_MAX = 12


_RELATED_WORD = re.compile(r"[a-z][a-z\-]{3,}")


def _related_terms(stripped: str, topic: dict[str, float]) -> frozenset[str]:
    """Content words the article repeats (its running vocabulary: "boarding", "fares"), relevance only.

    `stripped`: the article's text with quotations set aside (`strip_quotations`). Every word is
    counted at C speed first; only the words seen twice or more are then filtered.
    """
    if not stripped:
        return frozenset()
    stop = stop_words()
    counts = Counter(_RELATED_WORD.findall(stripped.lower()))
    ranked = sorted((w for w, c in counts.items() if c >= RELATED_MIN_COUNT and w not in stop
                     and w not in topic and w not in TOPIC_SKIP), key=lambda w: (-counts[w], w))
    out: set[str] = set()
    for w in ranked[:RELATED_MAX]:
        out.update(word_forms(w))
    return frozenset(out - set(topic))


def _echo_stems(text: str) -> dict[str, float]:
    """Content stems of the thesis; those after a stop/ban verb are what it opposes (-1)."""
    stop = stop_words()
    out: dict[str, float] = {}
    sign = 1.0
    for w in re.findall(r"[a-z][a-z\-]+", text.lower()):
        if is_stop_verb(w):
            sign = -1.0
            continue
        if w in stop or len(w) < 4 or w in _ECHO_SKIP:
            continue
        out.setdefault(stem(w), sign)
    return out


#: Thesis words too general to tie a sentence to it.
_ECHO_SKIP = frozenset({"should", "would", "could", "must", "better", "worth", "good", "more", "less", "most",
                        "will", "make", "made", "does", "instead"})


#: Per country: the prefixes ("north korean ", "dprk ", ...) that make a name a phrase about it.
_ALIAS_PREFIXES = {country: tuple(a + " " for a in (country, *alts)) for country, alts in ALIASES.items()}


@lru_cache(maxsize=256)
def _aliases(name: str) -> tuple[str, ...]:
    low = name.lower()
    out = {low}
    words = low.split()
    for country, alts in ALIASES.items():
        if low == country or low in alts:
            out.update(alts)
            out.add(country)
        elif low.startswith(_ALIAS_PREFIXES[country]):
            rest = low.split(" ", len(country.split()))[-1] if low.startswith(country + " ") else \
                low[len(next(a for a in alts if low.startswith(a + " "))) + 1:]
            out.update(f"{a} {rest}" for a in (country,) + alts if len(a) > 2 or a.isalpha())
            out.add(rest)  # "refugees" alone: the people the thesis is about
    if len(words) > 1 and name[:1].islower():  # "plastic bag fee": also "bag fee", "fee" (and "fees")
        head = words[-1]
        out.update({" ".join(words[-2:]), head})
        if len(head) > 3:
            out.add(head[:-1] if head.endswith("s") else head + "s")
    if len(words) > 1 and name.split()[0][:1].isupper():
        initials = "".join(w[0] for w in words if w not in ("of", "the", "and"))
        if len(initials) >= 2:
            out.add(initials)
    if words and words[-1].endswith("s") and len(words[-1]) > 4:
        out.add(words[-1][:-1] if len(words) == 1 else " ".join(words[:-1] + [words[-1][:-1]]))
    return tuple(sorted(out))


def _article_sides(targets: list[Target], stripped: str) -> dict[int, float]:
    """Mean valence the article gives each target in the sentences that name it (one pass).

    `stripped`: the article's text with quotations set aside. A sentence's valence sums its valenced
    words in order (words without valence add exactly nothing), negation-aware as `tokens` marks it.
    """
    index = PhraseIndex({str(i): t.aliases for i, t in enumerate(targets)})
    firsts = index.firsts  # aliases have no wildcards
    val = word_valence()
    totals: dict[int, list[float]] = {}
    for sent in _naming_sentences(stripped, firsts):
        toks = tokenize(sent)
        if firsts.isdisjoint(toks):
            continue  # names no target: skip before the (slower) phrase match
        hit = index.match(toks)
        if not hit:
            continue
        v = 0.0
        valenced = [(k, x) for k, w in enumerate(toks) if (x := val.get(w))]
        if valenced and (not lx.NEGATORS.isdisjoint(toks) or "n't" in sent.lower()):
            neg = _negation(toks)
            for k, x in valenced:
                v += x * (NEGATION_SCALAR if neg[k] else 1.0)
        else:  # no negator, no "n't": nothing is negated
            for _, x in valenced:
                v += x * 1.0
        for fam in hit:
            acc = totals.setdefault(int(fam), [0.0, 0])
            acc[0] += v / VALENCE_UNIT
            acc[1] += 1
    return {k: t / n for k, (t, n) in totals.items()}


def _naming_sentences(text: str, firsts: frozenset[str]) -> list[str]:
    """The sentences of `text` whose lower-cased text holds one of `firsts` (the first tokens of the
    target names): a sentence having such a token holds it as a substring, so no other sentence can
    name a target. One `str.find` scan of the text per first token, instead of tokenizing every sentence.
    """
    spans = sentence_spans(text)
    lower = text.lower()
    if len(lower) != len(text) or len(spans) < 2:  # (rare letters changed length when lower-cased)
        return [text[a:b] for a, b in spans]
    starts = [a for a, _ in spans]
    hit: set[int] = set()
    for f in firsts:
        pos = lower.find(f)
        while pos >= 0:
            k = bisect_right(starts, pos) - 1
            if k >= 0 and pos + len(f) <= spans[k][1]:
                hit.add(k)
            pos = lower.find(f, pos + 1)
    return [text[spans[k][0]:spans[k][1]] for k in sorted(hit)]
