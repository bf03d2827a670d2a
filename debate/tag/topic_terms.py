"""The thesis's topic words with the side it takes on each, and its practice, read from its shape.

"<actor> should <verb> <object>" wants the object and opposes what it tells someone to stop;
"<subject> is <judgement>" and "<subject> <claim verb> <object>" take the side the predicate gives
the subject; "A is better than B" prefers A. `profile.py` builds the thesis profile from these.
"""

from __future__ import annotations

import math
import re

from . import lexicons as lx
from .spans import stop_words, tokenize
from .valence import stem, valence_sum

#: "<subject> should [not|stop|ban] <verb phrase>" and "<A> is better than <B>".
_MODAL_SPLIT = re.compile(
    r"^(?P<subj>.*?)\b(?:should|must|ought to|need to|needs to|has to|have to)\s+"
    r"(?P<neg>(?:not|never)\s+)?(?P<stop>(?:stop|cease|end|quit|abandon|ban|abolish|scrap|halt|drop)\b\s*)?"
    r"(?P<vp>.+)$", re.IGNORECASE)
COMPARATIVE = re.compile(r"\b(?:is|are)\s+(?:better|preferable|superior|safer|cheaper|fairer|smarter|wiser)\s+"
                         r"than\s+(?P<b>.+)$", re.IGNORECASE)
#: Words that end the noun phrase a thesis acts on ("build the ferry terminal | now instead of ...").
_NP_END = frozenset({"from", "for", "in", "on", "at", "to", "by", "with", "instead", "before", "after",
                     "than", "until", "unless", "if", "when", "while", "because", "now", "and", "or", ","})


def practice_from_structure(text: str) -> tuple[tuple[str, ...], float]:
    """The practice a thesis wants done (-1) or stopped (+1), read from its sentence structure.

    "Primary schools should stop giving homework" -> (homework, +1); "Cities should pilot a
    four-day work week" -> (work, week, -1); "A fee is better than a ban" -> (ban, +1).
    """
    stop = stop_words()
    m = COMPARATIVE.search(text)
    if m:
        words, direction = tokenize(m.group("b")), 1.0
    else:
        m = _MODAL_SPLIT.search(text)
        if not m:
            return (), 0.0
        direction = 1.0 if (m.group("neg") or m.group("stop")) else -1.0
        words = tokenize(m.group("vp"))
        wrong = penalized(words) if direction < 0 else None
        if wrong:  # "charge patients who miss appointments": the practice is the missing, to be stopped
            stems = {stem(w) for w in wrong if len(w) >= 3 and w not in stop and w.isalpha()}
            return tuple(sorted(stems)), (1.0 if stems else 0.0)
        if words and words[0] in _REPLACING and direction < 0:
            words, direction = words[1:], 1.0  # "replace passwords with passkeys": the passwords end
        elif words and not (m.group("stop") and words[0].endswith("ing")) and direction < 0:
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
    stems = {stem(w) for w in np if len(w) >= 3 and w not in stop and w.isalpha()}
    return tuple(sorted(stems)), (direction if stems else 0.0)


#: Verbs that penalise someone for something: what they penalise is what the thesis wants stopped.
PENALTIES = frozenset({"charge", "fine", "penalize", "penalise", "punish", "sanction", "ticket", "prosecute",
                       "jail", "sue", "bill", "surcharge"})
#: What opens the wrongdoing after the people penalised ("patients who miss ...", "drivers that block ...").
_WRONGDOING_OPEN = frozenset({"who", "that", "which", "for"})
#: What closes it ("... without cancelling", "... after dark").
_WRONGDOING_END = frozenset({"without", "unless", "if", "when", "while", "because", "after", "before", "until",
                             "instead", "than", "and", "or", ","})


def penalized(vp: list[str]) -> list[str] | None:
    """The wrongdoing a penalty verb phrase names: "charge patients who miss appointments without
    cancelling" -> ["miss", "appointments"]; None when the phrase penalises nobody for anything."""
    if not vp or vp[0] not in PENALTIES:
        return None
    at = next((i for i, w in enumerate(vp[1:8], 1) if w in _WRONGDOING_OPEN), None)
    if at is None:
        return None
    out: list[str] = []
    for w in vp[at + 1:]:
        if w in _WRONGDOING_END:
            break
        out.append(w)
    return out or None


#: Endings that `stem` strips (and a few it keeps), to list a practice stem's word forms.
ENDINGS = ("", "s", "e", "es", "ed", "ing", "ings", "ion", "ions", "ation", "ations", "er", "ers", "ement",
           "ements", "ate", "ated", "ates", "ating", "ion's")
#: Verbs of stopping: their object is what the thesis is against, the stopping itself what it wants.
STOPPING = lx.STOPPING_VERBS
#: A stop verb and the object it ends ("ban homework", "should abolish the Senate").
STOPPED_OBJECT = re.compile(r"\b(?P<verb>" + "|".join(sorted(STOPPING, key=len, reverse=True)) +
                            r")\s+(?:the\s+|all\s+|our\s+)?(?P<obj>\w.*)$", re.IGNORECASE)
#: "replace X with Y", "swap X for Y".
_REPLACING = frozenset({"replace", "replacing", "swap", "exchange"})
#: Words for stopping something, as a thesis that asks to stop a practice wants them ("a full ban").
_STOP_NOUNS = ("ban", "bans", "banning", "scrapping", "abolition", "abolishing", "prohibition")
#: Markers after which a thesis names the alternative it rejects ("A instead of B", "A is better than B").
_REJECTS = ("instead of", "rather than", "than", "over")
#: Words that close the phrase a sign applies to (a setting or beneficiary follows, not the policy).
_SIGN_BREAK = frozenset({"for", "in", "at", "to", "from", "by", "with", "before", "after", "until", "unless",
                         "if", "when", "while", "because", "now", "and", "or", "on", "of", "downtown"})
#: Thesis words that say nothing about the topic.
TOPIC_SKIP = frozenset({"should", "would", "could", "must", "will", "shall", "need", "needs", "ought", "have",
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
    words, modal, claim, subject_sign = clause_of(text)
    verb = modal if modal is not None else claim
    out: dict[str, float] = {}
    last: dict[str, str] = {}
    subject = words[:verb] if verb is not None else words
    if subject and subject[0] in STOPPING:  # "Scrapping parking minimums will ...": for the scrapping
        s = subject_sign or 1.0
        _put(out, subject[:1], s, last)
        _put(out, subject[1:], -s, last)
    else:
        _put(out, subject, subject_sign, last)
    if verb is None:
        return out
    sign = 1.0 if modal is not None else 0.0  # a claim's predicate is setting, unless it names a rejected rival
    phrase: list[str] = []
    rejecting = replacing = stopping = False
    k = verb + 1
    change = next((w for w in words[verb:verb + 2] if w in _DECREASES or w in _INCREASES), None)
    if modal is None and change is not None:
        # "X reduces Y", "X will lower Y": the claim is about Y's fall (or rise); news of Y's losses
        # agrees with a claim that Y falls
        sign = -1.0 if change in _DECREASES else 1.0
        k = words.index(change, verb) + 1
    wrong = penalized(words[k:]) if modal is not None and k < len(words) else None
    if wrong:
        # "should charge patients who miss appointments without cancelling": the penalty is wanted, the
        # people penalised are actors, what they are penalised for is what the thesis is against
        _put(out, [words[k]], 1.0)
        at = next(i for i in range(k + 1, len(words)) if words[i] in _WRONGDOING_OPEN)
        _put(out, words[k + 1:at], 0.0, last)
        if words[at] == "for":  # "charge customers for plastic bags": the bags
            _put(out, wrong, -1.0, last)
        else:  # "fine drivers who block bike lanes": the blocking; the lanes are only its setting
            _put(out, wrong[1:], 0.0, last)
            _put(out, wrong[:1], -1.0, last)
        return out
    if modal is not None and k < len(words) and words[k] not in STOPPING and words[k] not in _REPLACING:
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
        elif w in STOPPING and modal is not None:
            _put(out, phrase, sign, last)
            for form in _STOP_NOUNS:  # "stop giving homework": a ban, an end to it, scrapping it, all wanted
                out.setdefault(form, 1.0)
            if w not in GENERIC_STOPS:
                _put(out, [w], 1.0)
            phrase, sign, rejecting, stopping = [], -1.0, True, True
        elif two in _REJECTS or w in _REJECTS:
            _put(out, phrase, sign, last)
            rejecting, stopping = modal is not None or subject_sign > 0, False
            phrase, sign = [], (-1.0 if rejecting else sign)
            k += 1 if two in _REJECTS else 0
        elif w in _SIGN_BREAK:
            _put(out, phrase, sign, last)
            # a setting follows ("ban heading in football", "stop homework for children": the football and
            # the children are not what is stopped, only a list goes on: "ban X or Y"); a rejected rival goes
            # on ("instead of waiting for the grant")
            phrase, sign = [], (sign if rejecting and (w in ("and", "or") or not stopping) else 0.0)
        else:
            phrase.append(w)
        k += 1
    _put(out, phrase, sign, last)
    if modal is None and words[verb] in _MAKES:
        # "X makes teams less productive": the claim is about the quality's fall, so news of more of it
        # argues against ("we have never been more productive")
        at = next((i for i in range(verb + 1, len(words) - 1) if words[i] in _LESS or words[i] == "more"), None)
        if at is not None and words[at + 1] not in TOPIC_SKIP:
            for form in word_forms(words[at + 1]):
                out[form] = -1.0 if words[at] in _LESS else 1.0
    return out


#: Stopping verbs too general to be a topic word ("Muting it doesn't stop the messages" is not about the
#: thesis's stopping): their stop nouns stand for them.
GENERIC_STOPS = frozenset({"stop", "stops", "stopping", "end", "ends", "ending"})
#: Verbs too general to be a thesis's own ("Get real" does not restate "should get bike lanes").
_GENERIC_VERBS = frozenset({"get", "have", "be", "do", "make", "show", "move", "go", "take", "keep", "give", "let",
                            "see", "use", "try", "put"})


#: Words that open a predicted consequence or an objection question (see `topic_cues`).
PROPOSAL_CUE_WORDS = frozenset({"would", "will", "'d", "'ll", "who", "what", "how"})
#: Words that refer to a proposal whatever it is ("Great idea", "the plan will cost ..."): anchors with
#: the proposal's side in a thread about one (nouns that are seldom verbs: not "measure", "pilot").
PROPOSAL_NOUNS = ("idea", "ideas", "plan", "plans", "proposal", "proposals", "scheme")


def verb_forms(verb: str) -> set[str]:
    """"close" -> close, closes, closing, closed; "build" -> build, builds, building, builded (harmless);
    and the action noun of a regular verb: "fluoridate" -> fluoridation, "verify" -> verification."""
    stem_ = verb[:-1] if verb.endswith("e") else verb
    out = {verb, verb + "s", stem_ + "ing", stem_ + "ed", verb + "d" if verb.endswith("e") else verb + "ed"}
    return out | derived_forms(stem_ + "ing") | _action_nouns(verb)


def _action_nouns(verb: str) -> set[str]:
    """"verify" -> verification(s), "legalize" -> legalization(s): the suffixes `derived_forms` does not
    reach from the gerund."""
    for end, noun in (("ify", "ification"), ("ize", "ization"), ("ise", "isation")):
        if verb.endswith(end) and len(verb) > len(end) + 2:
            base = verb[:-len(end)] + noun
            return {base, base + "s"}
    return set()


def proposal_of(text: str) -> tuple[bool, str]:
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


#: Words after a gerund that make it a verb with an object ("Expanding the airport", "keeping our plant").
_GERUND_OBJECT = frozenset({"the", "a", "an", "our", "its", "their", "all", "this", "that"})


def _put(out: dict[str, float], words: list[str], sign: float, last: dict[str, str] | None = None) -> None:
    """Give a phrase's content words the sign: its head (last word) in full, modifiers half."""
    stop = stop_words()
    # (a word cut short by the tokenizer's letters-only pattern, "under-" of "under-12s", is judged by its
    # letters: a function word names nothing of the topic)
    content = [w for w in words if w.strip("-") not in stop and w not in TOPIC_SKIP
               and len(w.strip("-")) >= 3]
    last = {} if last is None else last  # the previous phrase's head and modifier, within one thesis
    if content and content[-1] in ("one", "ones") and last.get("head"):
        content[-1] = last["head"]  # "replace diesel buses with electric ones": ones = buses
    shared = False
    # "Expanding the airport": a gerund with its object names the act the thesis judges, in full
    gerund = len(words) > 2 and words[0].endswith("ing") and words[1] in _GERUND_OBJECT and content[:1] == words[:1]
    for i, w in enumerate(content):
        weight = sign if i == len(content) - 1 or (i == 0 and gerund) else 0.5 * sign
        for form in word_forms(w) | derived_forms(w):
            old = out.get(form)
            if old is not None and old * weight < 0:
                out[form] = 0.0  # a word naming both sides ("buses", old and new) gives neither
                shared = True
            elif old is None or (abs(weight) > abs(old) and old != 0.0):
                out[form] = weight
    if shared:  # the modifiers then tell the sides apart: in full
        for w in content[:-1]:
            for form in word_forms(w):
                if out.get(form):
                    out[form] = math.copysign(1.0, out[form])
        for form in word_forms(last.get("modifier", "")):
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
CLAIM_VERBS = frozenset({"fails", "reduces", "lowers", "cuts", "decreases", "shrinks", "increases", "raises",
                          "boosts", "improves"}) | _HARMS | _HELPS | _MAKES
#: The same verbs after a plural subject ("Body cameras reduce police misconduct").
PLURAL_CLAIM = {v[:-1]: v for v in CLAIM_VERBS if v.endswith("s") and v[:-1] not in ("work", "pay", "cut")}
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


def clause_of(text: str) -> tuple[list[str], int | None, int | None, float]:
    """The thesis's words, the index of its modal or else of its claim verb, and the side a claim
    takes on its subject ("X is worth it" +1, "X hurts Y" -1, "X makes Y less productive" -1)."""
    words = re.findall(r"[a-z][a-z\-']*", text.lower())
    modal = next((i for i, w in enumerate(words) if w in _MODALS), None)
    claim = None
    if modal is None:  # "X is ..." first; else the last claim verb ("A four-day work week works for ...")
        claim = next((i for i, w in enumerate(words) if w in _COPULAS), None)
        if claim is None:
            claim = next((i for i in range(len(words) - 1, 0, -1) if words[i] in CLAIM_VERBS), None)
        if claim is None:  # "Body cameras reduce police misconduct": the verb after a plural subject
            claim = next((i for i in range(len(words) - 1, 0, -1) if words[i] in PLURAL_CLAIM), None)
    subject_sign = 0.0
    if claim is not None:
        rest = " ".join(words[claim:])
        verb = PLURAL_CLAIM.get(words[claim], words[claim])
        if verb in _HARMS:
            subject_sign = -1.0
        elif verb in _MAKES:
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
            quality = valence_sum(words[i + 1])
            quality = 1.0 if quality >= 0 else -1.0  # (no valence: a quality, as "productive")
            return -quality if w in _LESS else quality
    return 0.0


def derived_forms(word: str) -> set[str]:
    """The action noun of a gerund and the gerund of an action noun, so that a comment's "the expansion"
    names the thesis's "expanding" (and "regulation" its "regulating"). Regular English derivations only;
    a form that is no word does no harm (it never occurs in a comment).
    """
    out: set[str] = set()
    if word.endswith("ing") and len(word) > 6:
        base = word[:-3]  # "expanding" -> "expand", "regulating" -> "regulat", "requiring" -> "requir"
        if base.endswith("nd"):
            out.update((base[:-1] + "sion", base[:-1] + "sions"))  # expand -> expansion, extend -> extension
        elif base.endswith("ish"):
            out.update((base[:-2] + "tion", base[:-2] + "tions"))  # abolish -> abolition
        elif base.endswith(("at", "ct")):
            out.update((base + "ion", base + "ions"))  # regulat -> regulation, restrict -> restriction
        elif base.endswith("uc"):
            out.update((base + "tion", base + "tions"))  # introduc -> introduction, reduc -> reduction
        elif base.endswith(("ir", "ur", "rc")):
            out.update((base + "ement", base + "ements"))  # requirement, procurement, enforcement
        elif base.endswith(("all", "rm", "lt", "nt", "rv")):
            out.update((base + "ation", base + "ations"))  # installation, transformation, consultation
        elif base.endswith(("lop", "ploy", "st")):
            out.update((base + "ment", base + "ments"))  # development, deployment, investment
    elif word.endswith(("sion", "tion")) and len(word) > 6:
        base = word[:-4]
        if word.endswith("nsion"):
            out.update((base + "ding", base + "d", base + "ds"))  # expansion -> expanding, expand
        elif word.endswith("ation"):
            out.update((word[:-5] + "ating", word[:-5] + "ate", word[:-5] + "ates", word[:-5] + "ing"))
        elif word.endswith("ction"):
            out.update((word[:-3] + "ing", word[:-3], word[:-3] + "s"))  # restriction -> restricting
    return out


def word_forms(word: str) -> set[str]:
    """A word with its plural or singular and its hyphen-split parts ("four-day" -> also "day")."""
    out = {word}
    parts = [p for p in word.split("-") if len(p) >= 3]
    if "-" in word and parts and parts[-1] != word:  # "e-scooter" -> also "scooter"
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
