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
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Thesis
from . import lexicons as lx
from .thesis_forms import canonical_form
from .spans import PhraseIndex, _negation, sentence_spans, strip_quotations, tokenize, tokens

#: VADER's negation scalar (vaderSentiment N_SCALAR): a negated word keeps 74% of its valence, flipped.
NEGATION_SCALAR = -0.74
#: Valence is on VADER's -4..4 scale; divide to bring one strong word to about 1 unit of margin.
VALENCE_UNIT = 2.5

#: A thesis predicate this valenced ("are worth the money": VADER "worth" 0.9) sets its subject's side.
PREDICATE_MIN = 0.5
#: An entity's side is taken from the article only when its mean sentence valence is this clear.
ARTICLE_SIDE_MIN = 0.25

STOP_VERBS = re.compile(r"\b(?:stop|stopping|cease|ceasing|end|ending|halt|halting|ban|banning|abolish|"
                         r"quit|abandon|scrap|drop|refrain from|no more)\b", re.IGNORECASE)
#: The alternatives of STOP_VERBS (what `is_stop_verb` looks up instead of matching it).
_STOP_VERB_WORDS = frozenset({"stop", "stopping", "cease", "ceasing", "end", "ending", "halt", "halting", "ban",
                              "banning", "abolish", "quit", "abandon", "scrap", "drop", "refrain from", "no more"})


def is_stop_verb(word: str) -> bool:
    """`STOP_VERBS.fullmatch(word)` for one token: a set look-up when the word is ASCII (where ignoring
    case is lower-casing); the pattern otherwise (its case-insensitive match also takes "ſ" for "s")."""
    if word.isascii():
        return word.lower() in _STOP_VERB_WORDS
    return STOP_VERBS.fullmatch(word) is not None

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


@lru_cache(maxsize=64)
def _profile(thesis: Thesis, article_text: str) -> ThesisProfile:
    text = canonical_form(lx.normalize(thesis.text))  # "X should be banned" -> "We should ban X"
    stop_practice = bool(_MODAL_STOP.search(text))
    # "Ban Homework in Primary School": an imperative title that ends something is against its object
    # ... and so is "We should ban Leaf blowers" (a passive thesis rewritten): the object of a stop verb
    stopped = _STOPPED_OBJECT.search(text)
    stopped_object = stopped.group("obj").lower() if stopped else ""
    comparative = _COMPARATIVE.search(text)  # "A is better than B": A is a target, B the practice
    practice_phrases = [] if comparative else [t for t in thesis.targets if " " in t and t[:1].islower()]
    practice_stems = tuple(sorted({stem(head) for p in practice_phrases
                                   if (head := next((w for w in p.split() if not w.endswith("ly")), ""))
                                   and len(head) > 4}))
    subject = thesis.targets[0] if thesis.targets else ""
    predicate = _PREDICATE.search(text)
    targets: list[Target] = []
    clause_words, _, clause_at, clause_sign = _clause(text)
    for name in thesis.targets:
        if name in practice_phrases:
            continue
        protected = any(name in p and not p.startswith(name) for p in practice_phrases) or _acted_on(name, text)
        sign, why = 0.0, "unknown"
        if protected:
            why = "the thesis's practice is done to them"
        elif name == subject and stop_practice:
            sign, why = -1.0, "the thesis tells it to stop"
        elif stopped_object.startswith(name.lower()):
            sign, why = -1.0, f"the thesis calls to {stopped.group('verb').lower()} it"
        elif name == subject and comparative:
            sign, why = 1.0, f"the thesis prefers it to {comparative.group('b')!r}"
        elif name == subject and predicate and not re.search(r"\bshould|must\b", text, re.IGNORECASE):
            v = _valence_sum(predicate.group(1))
            if abs(v) >= PREDICATE_MIN:
                sign, why = math.copysign(1.0, v), f"the thesis calls it: {predicate.group(1)!r}"
        if not sign and not protected and name == subject and clause_sign and name.lower() in text.lower():
            sign = clause_sign  # "Rent control protects tenants": the claim's subject
            why = f"the thesis says it {clause_words[clause_at]} {' '.join(clause_words[clause_at + 1:clause_at + 4])}"
        targets.append(Target(name, _aliases(name), sign, protected, why))
    # the article's words, quotations set aside (someone else's voice), read by the two scans below
    stripped = strip_quotations(article_text) if article_text else ""
    if article_text and any(t.sign == 0.0 and not t.protected for t in targets):
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
        practice_stems, direction = _practice_from_structure(text)
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
    proposal, verb = _proposal(text)
    if proposal:
        # the proposal's own verb and the words that refer to a proposal ("the plan", "great idea")
        if verb and verb not in _STOPPING:
            for form in _verb_forms(verb):
                topic.setdefault(form, 1.0)
        for noun in _PROPOSAL_NOUNS:
            topic.setdefault(noun, 1.0)
    related = _related_terms(stripped, topic)
    index = PhraseIndex(families)
    anchors = frozenset(topic) | related
    forms = frozenset(f for st in practice_stems for end in _ENDINGS for f in (st + end,) if stem(f) == st)
    cue_words = anchors | forms | index.firsts | ({verb} if verb else frozenset())
    if proposal:
        cue_words |= lx.COST | lx.SAVING | PROPOSAL_CUE_WORDS
    signed = frozenset(w for w, v in topic.items() if v)
    return ThesisProfile(thesis, tuple(targets), practice_stems, direction, index, _echo_stems(text), pattern,
                         topic, related, proposal, verb, forms, signed, anchors, cue_words)


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
            while words and words[0] in ("to", "toward", "towards", "into", "on", "with", "for"):
                words = words[1:]  # "move to a four-day week", "switch to electric buses"
        elif words and words[0].endswith("ing"):
            words = words[1:]  # "stop giving homework": the practice is the homework
    np: list[str] = []
    for w in words:
        if w in _NP_END:
            break
        np.append(w)
    stems = {stem(w) for w in np if len(w) >= 3 and w not in ENGLISH_STOP_WORDS and w.isalpha()}
    return tuple(sorted(stems)), (direction if stems else 0.0)


#: Endings that `stem` strips (and a few it keeps), to list a practice stem's word forms.
_ENDINGS = ("", "s", "e", "es", "ed", "ing", "ings", "ion", "ions", "ation", "ations", "er", "ers", "ement",
            "ements", "ate", "ated", "ates", "ating", "ion's")
_STOPPING = lx.STOPPING_VERBS
#: A stop verb and the object it ends ("ban homework", "should abolish the Senate").
_STOPPED_OBJECT = re.compile(r"\b(?P<verb>" + "|".join(sorted(_STOPPING, key=len, reverse=True)) +
                             r")\s+(?:the\s+|all\s+|our\s+)?(?P<obj>\w.*)$", re.IGNORECASE)
#: "replace X with Y", "swap X for Y".
_REPLACING = frozenset({"replace", "replacing", "swap", "exchange"})
#: Words for stopping something, as a thesis that asks to stop a practice wants them ("a full ban").
_STOP_NOUNS = ("ban", "bans", "banning", "stop", "stopping", "end", "ending", "scrapping", "abolition", "abolishing",
               "prohibition")
#: Markers after which a thesis names the alternative it rejects ("A instead of B", "A is better than B").
_REJECTS = ("instead of", "rather than", "than", "over")
#: Words that close the phrase a sign applies to (a setting or beneficiary follows, not the policy).
_SIGN_BREAK = frozenset({"for", "in", "at", "to", "from", "by", "with", "before", "after", "until", "unless",
                         "if", "when", "while", "because", "now", "and", "or", "on", "of", "downtown"})
#: Thesis words that say nothing about the topic.
_TOPIC_SKIP = frozenset({"should", "would", "could", "must", "will", "shall", "need", "needs", "ought", "have",
                         "has", "get", "gets", "make", "makes", "move", "pilot", "show", "add", "build", "start",
                         "starts", "worth", "good", "better", "policy", "justified", "paid", "money", "delay",
                         "most", "more", "less", "instead", "rather", "than", "over", "city's", "it"})


def topic_terms(text: str) -> dict[str, float]:
    """Word forms of the thesis's topic with the thesis's side on each (see `ThesisProfile.topic`).

    A "should" thesis wants its object (+1) and is against what it tells someone to stop or what it
    rejects ("instead of", "than"); its subject is an actor (0). A claim ("X is worth it", "X works",
    "X is better than Y") takes the side its predicate gives X; the rest of the predicate is setting.
    "Main Street should get parking meters" -> meters +1, parking +0.5, main/street 0;
    "Cities should ban cars from downtown" -> ban +1, cars -1; "A plastic bag fee is better than a
    ban" -> fee +1, ban -1; "Mandatory code review is worth the delay" -> review +1, code +0.5.
    """
    words, modal, claim, subject_sign = _clause(text)
    verb = modal if modal is not None else claim
    out: dict[str, float] = {}
    last: dict[str, str] = {}
    subject = words[:verb] if verb is not None else words
    if subject and subject[0] in _STOPPING:  # "Scrapping parking minimums will ...": for the scrapping
        s = subject_sign or 1.0
        _put(out, subject[:1], s, last)
        _put(out, subject[1:], -s, last)
    else:
        _put(out, subject, subject_sign, last)
    if verb is None:
        return out
    sign = 1.0 if modal is not None else 0.0  # a claim's predicate is setting, unless it names a rejected rival
    phrase: list[str] = []
    rejecting = replacing = False
    k = verb + 1
    change = next((w for w in words[verb:verb + 2] if w in _DECREASES or w in _INCREASES), None)
    if modal is None and change is not None:
        # "X reduces Y", "X will lower Y": the claim is about Y's fall (or rise); news of Y's losses
        # agrees with a claim that Y falls
        sign = -1.0 if change in _DECREASES else 1.0
        k = words.index(change, verb) + 1
    if modal is not None and k < len(words) and words[k] not in _STOPPING and words[k] not in _REPLACING:
        k += 1  # the main verb ("get", "pilot", "move"), and the preposition it takes ("move to")
        while k < len(words) and words[k] in ("to", "toward", "towards", "into", "on", "with", "for", "the"):
            k += 1
    while k < len(words):
        w = words[k]
        two = " ".join(words[k:k + 2])
        if w in _REPLACING and modal is not None:
            _put(out, phrase, sign, last)  # "replace X with Y": X is what the thesis is against, Y what it wants
            _put(out, [w], 1.0)
            phrase, sign, rejecting, replacing = [], -1.0, True, True
        elif w == "with" and replacing:
            _put(out, phrase, sign, last)
            phrase, sign, rejecting, replacing = [], 1.0, False, False
        elif w in _STOPPING and modal is not None:
            _put(out, phrase, sign, last)
            for form in _STOP_NOUNS:  # "stop giving homework": a ban, an end to it, scrapping it, all wanted
                out.setdefault(form, 1.0)
            _put(out, [w], 1.0)
            phrase, sign, rejecting = [], -1.0, True
        elif two in _REJECTS or w in _REJECTS:
            _put(out, phrase, sign, last)
            rejecting = modal is not None or subject_sign > 0
            phrase, sign = [], (-1.0 if rejecting else sign)
            k += 1 if two in _REJECTS else 0
        elif w in _SIGN_BREAK:
            _put(out, phrase, sign, last)
            phrase, sign = [], (sign if rejecting else 0.0)  # a setting follows; a rejected rival goes on
        else:
            phrase.append(w)
        k += 1
    _put(out, phrase, sign, last)
    return out


#: Verbs too general to be a thesis's own ("Get real" does not restate "should get bike lanes").
_GENERIC_VERBS = frozenset({"get", "have", "be", "do", "make", "show", "move", "go", "take", "keep", "give", "let",
                            "see", "use", "try", "put"})


#: Words that open a predicted consequence or an objection question (see `topic_cues`).
PROPOSAL_CUE_WORDS = frozenset({"would", "will", "'d", "'ll", "who", "what", "how"})
#: Words that refer to a proposal whatever it is ("Great idea", "the plan will cost ..."): anchors with
#: the proposal's side in a thread about one (nouns that are seldom verbs: not "measure", "pilot").
_PROPOSAL_NOUNS = ("idea", "ideas", "plan", "plans", "proposal", "proposals", "scheme")


def _verb_forms(verb: str) -> set[str]:
    """"close" -> close, closes, closing, closed; "build" -> build, builds, building, builded (harmless)."""
    stem_ = verb[:-1] if verb.endswith("e") else verb
    return {verb, verb + "s", stem_ + "ing", stem_ + "ed", verb + "d" if verb.endswith("e") else verb + "ed"}


def _proposal(text: str) -> tuple[bool, str]:
    """Whether the thesis proposes or judges a policy, and its main verb when that verb is specific."""
    words = re.findall(r"[a-z][a-z\-']*", text.lower())
    modal = next((i for i, w in enumerate(words) if w in _MODALS), None)
    if modal is not None:
        k = modal + 1
        while k < len(words) and words[k] in ("not", "never", "be", "now", "also", "first"):
            k += 1
        verb = words[k] if k < len(words) and words[k] not in _GENERIC_VERBS else ""
        return True, verb
    return bool(re.search(r"\b(?:is|are)\b.*\b(?:worth|justified|good|better|best|fair|right|wise|mistake|bad)\b",
                          text.lower())), ""


def _put(out: dict[str, float], words: list[str], sign: float, last: dict[str, str] | None = None) -> None:
    """Give a phrase's content words the sign: its head (last word) in full, modifiers half."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    content = [w for w in words if w not in ENGLISH_STOP_WORDS and w not in _TOPIC_SKIP and len(w) >= 3]
    last = {} if last is None else last  # the previous phrase's head and modifier, within one thesis
    if content and content[-1] in ("one", "ones") and last.get("head"):
        content[-1] = last["head"]  # "replace diesel buses with electric ones": ones = buses
    shared = False
    for i, w in enumerate(content):
        weight = sign if i == len(content) - 1 else 0.5 * sign
        for form in _forms(w):
            old = out.get(form)
            if old is not None and old * weight < 0:
                out[form] = 0.0  # a word naming both sides ("buses", old and new) gives neither
                shared = True
            elif old is None or (abs(weight) > abs(old) and old != 0.0):
                out[form] = weight
    if shared:  # the modifiers then tell the sides apart: in full
        for w in content[:-1]:
            for form in _forms(w):
                if out.get(form):
                    out[form] = math.copysign(1.0, out[form])
        for form in _forms(last.get("modifier", "")):
            if out.get(form):
                out[form] = math.copysign(1.0, out[form])
    if content:
        last["head"] = content[-1]
        last["modifier"] = content[-2] if len(content) > 1 else ""


_MODALS = frozenset({"should", "must", "ought", "needs", "need", "shouldn't"})
#: The verb of a claim thesis ("X is ...", "X works for ...", "X reduces ...").
_COPULAS = frozenset({"is", "are", "was", "were", "will", "would", "can"})
#: Verbs saying the subject makes its object fall or rise: the claim is about the object's fall or rise
#: ("A minimum wage increase reduces employment": news of lost jobs agrees with it).
_DECREASES = frozenset({"reduces", "reduce", "lowers", "lower", "cuts", "decreases", "shrinks", "lowered", "reduced"})
_INCREASES = frozenset({"increases", "raises", "boosts", "improves", "grows", "increase", "raise", "boost", "improve"})
#: Verbs saying the subject does harm: the thesis calls the subject harmful.
_HARMS = frozenset({"hurts", "harms", "kills", "destroys", "damages", "worsens", "undermines", "threatens",
                    "endangers", "ruins", "weakens"})
#: Verbs saying the subject does good ("Rent control protects tenants").
_HELPS = frozenset({"helps", "protects", "saves", "benefits", "strengthens", "works", "pays", "beats"})
#: "X makes Y less productive", "X makes streets safer": the subject's side is the change it makes.
_MAKES = frozenset({"makes", "leaves", "keeps"})
_CLAIM_VERBS = frozenset({"fails", "reduces", "lowers", "cuts", "decreases", "shrinks", "increases", "raises",
                          "boosts", "improves"}) | _HARMS | _HELPS | _MAKES
_GOOD_PREDICATE = re.compile(r"\b(?:worth|good|justified|better|best|right|beneficial|fair|necessary|works?|"
                             r"helps?|pays|beats|succeeds?|effective|protects?|saves?|benefits|strengthens)\b")
#: After "makes": "less"/"fewer" undo the quality that follows, "more" keeps it; words after them
#: without a clear valence are taken as qualities (productive, efficient, affordable).
_LESS = frozenset({"less", "fewer"})
_WORSE = frozenset({"worse", "harder", "poorer", "weaker", "riskier", "costlier", "dirtier", "louder", "slower"})
_BETTER = frozenset({"better", "easier", "safer", "cheaper", "healthier", "fairer", "stronger", "cleaner",
                     "quieter", "faster", "richer"})
_BAD_PREDICATE = re.compile(r"\b(?:bad|harmful|wrong|mistake|unfair|unjustified|dangerous|fails?|failure|"
                            r"worse|ineffective|waste)\b")


def _clause(text: str) -> tuple[list[str], int | None, int | None, float]:
    """The thesis's words, the index of its modal or else of its claim verb, and the side a claim
    takes on its subject ("X is worth it" +1, "X hurts Y" -1, "X makes Y less productive" -1)."""
    words = re.findall(r"[a-z][a-z\-']*", text.lower())
    modal = next((i for i, w in enumerate(words) if w in _MODALS), None)
    claim = None
    if modal is None:  # "X is ..." first; else the last claim verb ("A four-day work week works for ...")
        claim = next((i for i, w in enumerate(words) if w in _COPULAS), None)
        if claim is None:
            claim = next((i for i in range(len(words) - 1, 0, -1) if words[i] in _CLAIM_VERBS), None)
    subject_sign = 0.0
    if claim is not None:
        rest = " ".join(words[claim:])
        if words[claim] in _HARMS:
            subject_sign = -1.0
        elif words[claim] in _MAKES:
            subject_sign = _made_change(words[claim + 1:])
        elif _GOOD_PREDICATE.search(rest):
            subject_sign = 1.0
        elif _BAD_PREDICATE.search(rest):
            subject_sign = -1.0
    return words, modal, claim, subject_sign


def _made_change(words: list[str]) -> float:
    """The side of "makes <object> <change>": +1 for "safer", "more productive"; -1 for "worse",
    "less productive", "more dangerous"; 0 when no change is named."""
    for i, w in enumerate(words):
        if w in _WORSE:
            return -1.0
        if w in _BETTER:
            return 1.0
        if (w in _LESS or w == "more") and i + 1 < len(words):
            quality = _valence_sum(words[i + 1])
            quality = 1.0 if quality >= 0 else -1.0  # (no valence: a quality, as "productive")
            return -quality if w in _LESS else quality
    return 0.0


def _forms(word: str) -> set[str]:
    """A word with its plural or singular and its hyphen-split parts ("four-day" -> also "day")."""
    out = {word}
    parts = [p for p in word.split("-") if len(p) >= 3]
    if len(parts) > 1:
        out.update(parts[-1:])
    for w in list(out):
        if w.endswith("ies") and len(w) > 4:
            out.add(w[:-3] + "y")
        elif w.endswith(("ses", "xes", "ches", "shes")):
            out.add(w[:-2])
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            out.add(w[:-1])
        elif w.endswith("y") and len(w) > 3 and w[-2] not in "aeiou-":
            out.add(w[:-1] + "ies")
        elif w.endswith(("s", "x", "ch", "sh")):
            out.add(w + "es")
        else:
            out.add(w + "s")
    return out


#: Article words kept as related terms: used this often in the article and not already the thesis's.
RELATED_MIN_COUNT = 2
RELATED_MAX = 12


_RELATED_WORD = re.compile(r"[a-z][a-z\-]{3,}")


def _related_terms(stripped: str, topic: dict[str, float]) -> frozenset[str]:
    """Content words the article repeats (its running vocabulary: "boarding", "fares"), relevance only.

    `stripped`: the article's text with quotations set aside (`strip_quotations`). Every word is
    counted at C speed first; only the words seen twice or more are then filtered.
    """
    from collections import Counter

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    if not stripped:
        return frozenset()
    counts = Counter(_RELATED_WORD.findall(stripped.lower()))
    ranked = sorted((w for w, c in counts.items() if c >= RELATED_MIN_COUNT and w not in ENGLISH_STOP_WORDS
                     and w not in topic and w not in _TOPIC_SKIP), key=lambda w: (-counts[w], w))
    out: set[str] = set()
    for w in ranked[:RELATED_MAX]:
        out.update(_forms(w))
    return frozenset(out - set(topic))


def _echo_stems(text: str) -> dict[str, float]:
    """Content stems of the thesis; those after a stop/ban verb are what it opposes (-1)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    out: dict[str, float] = {}
    sign = 1.0
    for w in re.findall(r"[a-z][a-z\-]+", text.lower()):
        if is_stop_verb(w):
            sign = -1.0
            continue
        if w in ENGLISH_STOP_WORDS or len(w) < 4 or w in _ECHO_SKIP:
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


def _valence_sum(text: str) -> float:
    lex = valence_lexicon()
    total = 0.0
    for t in tokens(text):
        v = lx.ARGUMENT_VALENCE.get(t.text)
        if v is None:
            v = lex.get(t.text, 0.0)
        total += v * (NEGATION_SCALAR if t.negated else 1.0)
    return total


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    w = word.lower()
    if not (w.isascii() and w.isalpha()):  # (an ASCII word of letters only has nothing to remove)
        w = _NOT_LETTER.sub("", w)
    for suf in ("ations", "ation", "ings", "ing", "ions", "ion", "s", "e"):
        if w.endswith(suf) and len(w) - len(suf) >= 5:
            return w[: -len(suf)]
    return w


_NOT_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=1)
def word_valence() -> dict[str, float]:
    """VADER's valences overridden by the argument words, non-zero entries only: one lookup per token."""
    merged = {w: v for w, v in valence_lexicon().items() if v}
    for w, v in lx.ARGUMENT_VALENCE.items():
        if v:
            merged[w] = v
        else:
            merged.pop(w, None)
    return merged


#: Valence (VADER scale) from which a word counts as evaluative (a text using one argues something).
EVALUATIVE_MIN = 1.0


def strong_words() -> frozenset[str]:
    """Words of clear valence (|v| >= EVALUATIVE_MIN in VADER's lexicon or the argument words).

    Built once per process, like the lexicon it is drawn from (a module global, not a cache a
    caller would clear between threads)."""
    global _STRONG
    if _STRONG is None:
        _STRONG = frozenset(w for w, v in word_valence().items() if abs(v) >= EVALUATIVE_MIN)
    return _STRONG


_STRONG: frozenset[str] | None = None


@lru_cache(maxsize=1)
def valence_lexicon() -> dict[str, float]:
    """VADER's word valences (loaded once per process): the lexicon `vader_engine` reads from the
    library's own file, as the library's `make_lex_dict` does (building an analyzer only to read it
    cost ~20 ms per process)."""
    from .vader_engine import _LEX

    return dict(_LEX)
