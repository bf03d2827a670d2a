"""Common ways of stating a thesis, rewritten into the few forms `profile.py` reads.

The profile reads a thesis by its shape: "<actor> should <verb> <object>", "<subject> is <judgement>",
"<subject> <claim verb> <object>". Op-eds say the same things in other shapes: the passive ("Leaf
blowers should be banned"), idioms for stopping ("get rid of", "do away with", "phase out"), a call to
act ("Bring back the buttons"). A rewrite keeps the profile's rules few; the thesis as written is what
reports show.
"""

from __future__ import annotations

import re

from . import lexicons as lx
from .topic_terms import CLAIM_VERBS, PLURAL_CLAIM

#: Past participles of stopping verbs and the verb a thesis in the active voice would use (also what a
#: comment's passive stops: `topic_cues`).
STOPPED = {"banned": "ban", "abolished": "abolish", "scrapped": "scrap", "stopped": "stop", "ended": "end",
           "outlawed": "outlaw", "prohibited": "prohibit", "phased out": "end", "eliminated": "eliminate",
           "repealed": "repeal", "dropped": "drop", "removed": "remove", "axed": "scrap", "cancelled": "end",
           "canceled": "end", "discontinued": "end"}
#: "<X> should be banned ...": the thing to stop is the subject.
_PASSIVE_STOP = re.compile(
    r"^(?P<x>.+?)\s+(?P<modal>should|must|ought to|needs? to|has to|have to)\s+(?P<neg>not\s+|never\s+)?be\s+"
    r"(?:\w+ly\s+)?(?P<v>" + "|".join(sorted(map(re.escape, STOPPED), key=len, reverse=True)) + r")\b(?P<rest>.*)$",
    re.IGNORECASE)
#: Idioms for stopping something, as one verb.
_STOP_IDIOMS = re.compile(r"\b(?:get(?:ting)? rid of|do(?:ing)? away with|put(?:ting)? an end to|"
                          r"phas(?:e|ing) out)\b", re.IGNORECASE)
#: Phrasal verbs that stop something running ("switch off the streetlights"): as "ban".
_STOP_PHRASAL = re.compile(r"\b(?:switch(?:ing)?|turn(?:ing)?|shut(?:ting)?) off\b|\bshut(?:ting)? down\b",
                           re.IGNORECASE)
#: "<X> should be required to <verb> ...": an obligation put on X; the act wanted is the verb.
_OBLIGED = re.compile(r"^(?P<x>.+?)\s+(?P<modal>should|must|ought to|needs? to|has to|have to)\s+be\s+"
                      r"(?:required|forced|made|obliged|obligated|compelled|mandated)\s+to\s+(?P<rest>\w.*)$",
                      re.IGNORECASE)

#: "<X> should adopt a town-wide pavement parking ban" / "... introduce a ban on pavement parking": a ban adopted
#: is the thing banned ("<X> should ban pavement parking"); its scope words are no part of what is banned.
_SCOPE_WORDS = r"\w+-wide|nationwide|blanket|total|full|complete|outright|new|permanent"
_SCOPE = re.compile(_SCOPE_WORDS, re.IGNORECASE)
_ADOPT = (r"^(?P<x>.+?)\s+(?P<modal>should|must|ought to|needs? to|has to|have to)\s+(?:adopt|introduce|impose|"
          r"bring\s+in|pass|enact|approve)\s+(?:a|an|the)\s+(?:(?:" + _SCOPE_WORDS + r")\s+)*")
_ADOPTED_BAN = re.compile(_ADOPT + r"(?:ban\s+on\s+(?P<on>\w.*)|(?P<what>\w[\w\s'-]*?)\s+ban\b(?P<rest>.*))$",
                          re.IGNORECASE)
#: "<X> should not <verb> ...": the act the thesis wants stopped ("Shops should not sell energy drinks").
_NEGATED_ACT = re.compile(r"^(?P<x>.+?)\s+(?P<modal>should|must|ought to)\s+(?:not|never)\s+(?P<v>[a-z]+)\b"
                          r"(?P<rest>\s+\w.*)$", re.IGNORECASE)
#: Verbs that stop or remove something: not doing them keeps the thing ("should not close its toilets"). The
#: rewrites' verbs and the stopping imperatives comments use, and "cut" ("should not cut the night bus").
_STOPPING_ACTS = frozenset(STOPPED.values()) | lx.STOP_IMPERATIVES | {"cut"}
#: Verbs "<X> should not <verb>" leaves to the other rewrites, or to the profile as written.
_NOT_ACTS = frozenset({"be", "have", "do", "get", "only", "just", "always", "even", "also", "need"})
#: Short verbs whose last consonant doubles before "-ing" ("stop" -> "stopping").
_DOUBLING = frozenset({"stop", "plan", "ship", "drop", "shop", "chat", "grab", "swap", "skip", "trim", "ban",
                       "run", "cut", "put", "get", "let", "set", "sit"})


def gerund(verb: str) -> str:
    """The "-ing" form of a verb, by the regular spelling rules ("sell" -> "selling", "require" ->
    "requiring", "stop" -> "stopping")."""
    v = verb.lower()
    if v in _DOUBLING:
        return v + v[-1] + "ing"
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    return v + "ing"


def _negated_act(text: str) -> str:
    """"Shops should not sell X" -> "Shops should stop selling X"; "The council should not close its
    toilets" -> "The council should keep its toilets" (not stopping a thing keeps it); else `text`."""
    m = _NEGATED_ACT.match(text)
    if not m or m.group("v").lower() in _NOT_ACTS or m.group("v").lower().endswith("ly"):
        return text
    verb = m.group("v").lower()
    if verb in _STOPPING_ACTS:
        return f"{m.group('x')} {m.group('modal').lower()} keep{m.group('rest')}"
    return f"{m.group('x')} {m.group('modal').lower()} stop {gerund(verb)}{m.group('rest')}"


#: Verbs that open a thesis stated as a call to act ("Build more bike lanes", "Bring back the buttons",
#: "Keep your cat in at night"). Not "free" and "open", which open titles more often as adjectives
#: ("Free transit works", "Open offices are a mistake"). (`thesis._IMPERATIVE`, which scores a title as a
#: call, is a list of its own: it has no `_FINITE` check, so it leaves out words that open statements as
#: nouns, "Pay transparency ...", "Drop in crime ...".)
IMPERATIVE_VERBS = frozenset({
    "ban", "stop", "end", "abolish", "scrap", "legalise", "legalize", "decriminalise", "decriminalize", "keep",
    "save", "build", "cut", "raise", "lower", "fund", "defund", "close", "protect", "repeal", "reform", "make",
    "let", "tax", "charge", "require", "mandate", "allow", "cap", "bring", "restore", "drop", "expand",
    "reopen", "invest", "give", "pay", "hire",
})
#: "Build more bike lanes": the call to act and what follows it.
_IMPERATIVE = re.compile(r"^\s*(?P<verb>[A-Za-z]+)\b(?P<rest>.*)$", re.DOTALL)
#: A statement's own verb (a modal, a copula, a claim verb): "Tax cuts boost growth", "Pay transparency
#: works" open with a word of IMPERATIVE_VERBS but are no call to act.
_FINITE = re.compile(r"\b(?:should|must|ought|is|are|was|were|will|would|can|could|has|have|does|do|" +
                     "|".join(sorted(CLAIM_VERBS | set(PLURAL_CLAIM))) + r")\b", re.IGNORECASE)


def imperative_verb(text: str) -> str:
    """The verb of a thesis stated as a call to act ("Bring back the buttons" -> "bring"), else ""."""
    m = _IMPERATIVE.match(text)
    if not m:
        return ""
    verb = m.group("verb").lower()
    if verb not in IMPERATIVE_VERBS or (verb == "bring" and not m.group("rest").lower().startswith(" back")):
        return ""
    if _FINITE.search(m.group("rest")) or m.group("rest").rstrip().endswith("?"):
        return ""  # a statement about it, or a question
    return verb


#: Calls whose object is not what they are about ("Let them wear ...", "Make voting compulsory").
_NO_OBJECT = frozenset({"let", "make", "allow", "require", "mandate", "give", "pay", "charge", "tax"})
#: Words that end a call's object ("Keep your cat | in at night", "Fund buses | for the night shift").
_OBJECT_END = frozenset({"in", "at", "on", "for", "from", "to", "of", "with", "by", "if", "only", "now", "today",
                         "and", "or", "before", "after", "until", "instead", "so", "because"})
_OBJECT_OPEN = frozenset({"the", "a", "an", "our", "their", "its", "your", "all", "more", "back", "every"})


#: "Keep your cat in", "Keep cars out of the centre": a call that confines its object, not one for it.
_CONFINING = frozenset({"in", "inside", "indoors", "out", "off", "away", "locked", "down", "under", "back"})


def called_object(text: str) -> tuple[str, str, bool]:
    """(verb, object, whether the call confines it) of a call to act: "Bring back the buttons" ->
    ("bring", "buttons", False), "Keep your cat in at night" -> ("keep", "cat", True); ("", "", False)
    for anything else, or a call whose object is not what it is about ("Let them wear their own clothes")."""
    verb = imperative_verb(text)
    if not verb or verb in _NO_OBJECT:
        return "", "", False
    obj: list[str] = []
    words = re.findall(r"[\w'\-]+|[^\w\s]", text)
    after = ""
    for w in words[1:]:
        low = w.lower()
        if not obj and low in _OBJECT_OPEN:
            continue
        if low in _OBJECT_END or not w[:1].isalpha():
            after = low
            break
        if obj and low in _CONFINING:
            after = low
            break
        obj.append(w)
    if not obj:
        return "", "", False
    return verb, " ".join(obj), verb == "keep" and after in _CONFINING


def canonical_form(text: str) -> str:
    """The thesis in a shape the profile reads; unchanged when it already has one.

    "Leaf blowers should be banned" -> "We should ban Leaf blowers"; "Supermarkets should get rid of
    self-checkout" -> "Supermarkets should ban self-checkout" (the supermarkets act; what ends is the
    machines). A negated passive ("Tipping should not
    be abolished") keeps the thing: "We should not abolish Tipping". "Riverton should switch off its
    streetlights" -> "Riverton should ban its streetlights" (the town is not criticised, as an actor told
    to stop what it does would be); "Platforms should be required to verify
    ages" -> "Platforms should verify ages" (the obligation is the proposal). A call to act is a proposal:
    "Bring back the buttons" -> "We should bring back the buttons". A negated act is a stop: "Shops should
    not sell energy drinks" -> "Shops should stop selling energy drinks", and not stopping keeps: "The
    council should not close its toilets" -> "The council should keep its toilets". A ban adopted is the
    thing banned: "Dunmere should adopt a town-wide pavement parking ban" -> "Dunmere should ban pavement
    parking".
    """
    if imperative_verb(text):
        # "Bring back the buttons" -> "We should bring back the buttons": a call to act is a proposal
        text = "We should " + text.lstrip()[:1].lower() + text.lstrip()[1:]
    text = _negated_act(text)
    m = _ADOPTED_BAN.match(text)
    if m and not (m.group("what") and _SCOPE.fullmatch(m.group("what"))):
        # "Dunmere council should adopt a town-wide pavement parking ban" -> "... should ban pavement parking"
        what = m.group("on") or (m.group("what") + m.group("rest"))
        text = f"{m.group('x')} {m.group('modal').lower()} ban {what}"
    text = _STOP_IDIOMS.sub("ban", text)
    text = _STOP_PHRASAL.sub("ban", text)
    m = _OBLIGED.match(text)
    if m:  # "Platforms should be required to verify ages" -> "Platforms should verify ages"
        text = f"{m.group('x').strip()} {m.group('modal').lower()} {m.group('rest')}"
    m = _PASSIVE_STOP.match(text)
    if m:
        verb = STOPPED[m.group("v").lower()]
        text = f"We {m.group('modal').lower()} {m.group('neg') or ''}{verb} {m.group('x').strip()}{m.group('rest')}"
    return text
