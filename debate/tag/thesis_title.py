"""The proposition a title puts up for debate when the article itself takes no side.

A news report ("Council votes 6-3 to resume fluoridating the water") or a question post ("Should the
town ban leaf blowers?") argues nothing, but its commenters still argue about something: the decision
reported or the question asked. Stance is then read toward that proposition, stated the way a thesis
is ("Council should resume fluoridating the water"; "The town should ban leaf blowers"), so that
favor means "for the decision" or "yes to the question". The article's own stance stays unknown.
"""

from __future__ import annotations

import re

from . import lexicons as lx

#: A forum's prefix for the kind of post ("Ask HN:", "Show HN:", "Tell Reddit:"): no part of the question, no
#: target.
POST_KIND = re.compile(r"^\s*(?:ask|show|tell|launch)\s+\w+\s*:\s*", re.IGNORECASE)
#: Words that start a subject noun phrase without being its head.
_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "its", "this", "that", "these", "those", "every",
                          "all", "any", "some", "more", "public", "local", "new"})
#: Verbs a policy question or report puts after its subject ("Should cities ban ...", "Does X reduce ...").
#: Base forms; the stopping verbs of the lexicon are added below.
_VERBS = frozenset({
    "allow", "adopt", "abolish", "accept", "add", "affect", "back", "be", "become", "bring", "build", "buy",
    "cap", "cause", "change", "charge", "close", "create", "cut", "decriminalise", "decriminalize", "drive",
    "do", "expand", "extend", "fine", "fix", "force", "fund", "get", "give", "go", "harm", "have", "help",
    "hire", "hurt", "improve", "increase", "introduce", "invest", "keep", "kill", "legalise", "legalize",
    "let", "limit", "lower", "make", "mandate", "matter", "move", "need", "offer", "open", "pay", "permit",
    "protect", "provide", "put", "raise", "reduce", "regulate", "reintroduce", "replace", "require",
    "restrict", "resume", "return", "save", "spend", "start", "subsidise", "subsidize", "support", "switch",
    "take", "tax", "teach", "use", "work", "worsen",
    # headline verbs of a decision ("Dunmore's to pull self-checkouts", "Charges to return")
    "axe", "hike", "impose", "install", "lift", "phase", "pilot", "pull", "reopen", "review", "roll", "sell",
    "shut", "slash", "trial", "tighten", "relax", "scrap", "publish", "list",
    # a decision to keep something as it is ("Booking system to stay for good")
    "stay", "remain", "continue",
}) | lx.STOPPING_VERBS
#: Words that open the complement of "Is X ...?" ("Is remote work *a* mistake", "... *worth* the delay").
_COMPLEMENT_OPEN = frozenset({"a", "an", "the", "too", "so", "more", "less", "really", "actually", "still",
                              "just", "now", "even", "worth", "better", "worse", "good", "bad", "right", "wrong",
                              "fair", "enough", "necessary", "overrated", "underrated", "dead", "over", "killing",
                              "ruining", "making", "hurting", "helping", "destroying", "failing", "working",
                              "to", "any", "all", "safe", "dangerous", "useful", "needed"})
#: Modal question openers and the modal the statement keeps.
_MODAL_OPEN = {"should": "should", "must": "must", "can": "can", "could": "could", "will": "will",
               "would": "would", "shall": "should"}
#: Headline verbs that report a move toward something ("Council backs ...", "NIH weighs ..."): the thing
#: moved toward is the proposal. Their base form in the thesis is "adopt".
_REPORT_FOR = frozenset({"backs", "approves", "adopts", "passes", "advances", "proposes", "wants", "weighs",
                         "considers", "eyes", "mulls", "unveils", "introduces", "announces", "launches",
                         "floats", "pushes", "endorses", "greenlights", "okays", "plans", "seeks", "unveil",
                         "backed", "approved", "adopted", "passed", "proposed", "unveiled", "introduced"})
#: Headline verbs that report a move toward something only with their preposition ("Council votes for a 20mph
#: limit", "Council consults on a pavement parking ban", "Union calls for a four-day week").
_REPORT_FOR_PREP = {"votes": "for", "voted": "for", "consults": "on", "consulted": "on", "calls": "for",
                    "called": "for"}
#: Headline verbs that report a move against something: kept as a stop ("Council scraps ..." -> "scrap").
_REPORT_AGAINST = {"rejects": "scrap", "blocks": "scrap", "scraps": "scrap", "drops": "drop", "axes": "scrap",
                   "kills": "scrap", "shelves": "scrap", "halts": "halt", "ends": "end", "bans": "ban",
                   "cancels": "end", "abolishes": "abolish", "rejected": "scrap", "scrapped": "scrap",
                   "banned": "ban", "ended": "end"}
#: Participles of `_REPORT_FOR` that report what was decided as their subject ("Solar farm approved on 120
#: acres", "Budget passed despite protests"): the subject goes ahead.
_PASSIVE_FOR = frozenset({"approved", "backed", "adopted", "passed", "greenlit", "greenlighted", "okayed"})
#: Words that follow such a participle instead of an object (a place, time or agent).
_AFTER_PASSIVE = frozenset({"on", "in", "at", "for", "by", "despite", "after", "amid", "over", "as", "unanimously"})
#: "<X> given the go-ahead", "<X> given green light": the same, in other words.
_GIVEN_NOD = re.compile(r"^given\s+(?:the\s+|a\s+)?(?:final\s+)?(?:go-ahead|green\s+light|approval)\b\s*",
                        re.IGNORECASE)
#: The agent after such a participle ("by the council"), up to the next preposition: not part of the claim.
_AGENT = re.compile(r"^(?:unanimously\s+)?by\s+(?:(?!(?:on|in|at|for|over|as)\b)[\w.&'\-]+\s*)+", re.IGNORECASE)
#: "<actor> moves 4,000 staff to hot-desking", "<actor> switches buses to electric": a move toward the
#: last thing named.
_MOVES_TO = re.compile(r"^(?P<actor>[A-Z][\w.&'\-]*(?:\s+[\w.&'\-]+){0,4}?)\s+(?:moves|switches|shifts|"
                       r"moved|switched|shifted)\s+(?P<what>(?!to\b)[\w,.&'\-]+(?:\s+[\w,.&'\-]+){0,5}?)\s+"
                       r"(?:to|onto)\s+(?P<to>[\w'\-]+.*)$")
#: "Court tells man to move camera", "Judge orders firm to ...": an order to someone else. The proposition
#: is what the order asks of them ("Ashcombe man should move doorbell camera"), but its verb says nothing
#: of the side it takes on the thing it names (moving a camera restricts it).
ORDERS = re.compile(r"^(?P<actor>[A-Z][\w.&'\-]*(?:\s+[\w.&'\-]+){0,4}?)\s+(?:tells?|told|orders?|ordered|"
                    r"forces?|forced|urges?|urged|asks?|asked)\s+(?P<who>(?:[\w.'\-]+\s+){1,4}?)to\s+"
                    r"(?P<vp>[a-z].*)$")
#: "<actor> votes 6-3 to ...", "<actor> moves to ...", "<actor> to ...", "<actor> will ...": the verb phrase
#: is the proposal.
_REPORT_TO = re.compile(
    r"^(?P<actor>[A-Z][\w.&'\-]*(?:\s+[\w.&'\-]+){0,4}?)\s+"
    r"(?:(?:votes?|voted)(?:\s+\d+\s*[-–]\s*\d+)?|plans?|planned|wants?|moves?|moved|agrees?|agreed|decides?|"
    r"decided|aims?|seeks?|prepares?|is\s+set|are\s+set|set|is|are)?\s*\b(?:to|will)\s+(?P<vp>[a-z][\w'\-]*\b.*)$")
#: What a headline adds after the decision: why or when it came ("... after a rise in shoplifting"), or
#: what comes with it (", with weekly food waste starting the same week").
_REASON_TAIL = re.compile(r"\s+(?:after|amid|despite|following|in\s+wake\s+of)\s+.*$|,\s+with\s+.*$")
#: Words an actor's name may run to before its verb ("Senate budget committee").
_ACTOR_WORDS = 5
#: "a bill requiring X", "a plan to V": the proposal inside the reported object.
_INNER = re.compile(r"^(?:(?:a|an|the|new)\s+)*(?:bill|law|plan|proposal|measure|rule|motion|ordinance|scheme|"
                    r"policy)\s+(?:(?:that\s+would\s+)?(?P<req>requir(?:ing|e))\s+|to\s+(?P<vp>[a-z]))",
                    re.IGNORECASE)
#: Where the news before a question in a title ends ("City scraps X; will it lower rents?").
_CLAUSE_BREAK = re.compile(r"\s*[;:]\s*")
#: A headline's tail after a colon or dash that adds detail ("..., sources say").
_TAIL = re.compile(r"\s*(?:[:;|]|\s[-–—]\s).*$")


def title_proposition(title: str | None) -> tuple[str, str] | None:
    """(proposition, kind) for a question or news title, kind "question" or "report"; else None."""
    if not title:
        return None
    text = " ".join(POST_KIND.sub("", lx.normalize(title)).split())
    if not text:
        return None
    if text.endswith("?"):
        stated = _question(text.rstrip("?").strip())
        if stated:
            return stated, "question"
        # "City scraps parking minimums; will it lower rents?": the news before the question
        head = _CLAUSE_BREAK.split(text, maxsplit=1)
        stated = _report(head[0]) if len(head) == 2 and not head[0].endswith("?") else None
        return (stated, "report") if stated else None
    stated = _report(_REASON_TAIL.sub("", _TAIL.sub("", text)).strip().rstrip("."))
    return (stated, "report") if stated else None


def _question(text: str) -> str | None:
    """A polar question as a statement: "Should the town ban X" -> "The town should ban X"."""
    words = text.split()
    if len(words) < 3:
        return None
    first = words[0].lower()
    rest = words[1:]
    if first in _MODAL_OPEN:
        cut = _subject_end(rest, _VERBS)
        if cut is None:
            return None
        return _sentence([*rest[:cut], _MODAL_OPEN[first], *rest[cut:]])
    if first in ("is", "are", "was", "were"):
        cut = _subject_end(rest, _COMPLEMENT_OPEN, participles=True)
        if cut is None:
            return None
        return _sentence([*rest[:cut], first, *rest[cut:]])
    if first in ("does", "do"):
        cut = _subject_end(rest, _VERBS, last_of_run=True)
        if cut is None:
            return None
        verb = rest[cut] if first == "do" else _third_person(rest[cut])
        return _sentence([*rest[:cut], verb, *rest[cut + 1:]])
    return None


def _subject_end(words: list[str], openers: frozenset[str], *, participles: bool = False,
                 last_of_run: bool = False) -> int | None:
    """Index of the first word after the subject: a word of `openers` after at least one head word."""
    k = 0
    while k < len(words) and words[k].lower() in _DETERMINERS:
        k += 1
    for i in range(k + 1, len(words)):
        if words[i].lower().strip(",") not in openers:
            continue
        if last_of_run and i + 1 < len(words) and words[i + 1].lower() in openers:
            continue  # "a minimum wage increase reduce": the first of two verb-looking words is a noun
        return i
    if participles:  # "Is remote work killing ...": only when no opener word came ("pair programming is")
        for i in range(k + 1, len(words)):
            low = words[i].lower()
            if len(low) > 5 and low.endswith(("ing", "ed")):
                return i
    return None


def _third_person(verb: str) -> str:
    low = verb.lower()
    if low == "have":
        return "has"
    if low == "do" or low == "go":
        return verb + "es"
    if low.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _report(text: str) -> str | None:
    """A news headline's decision as a thesis: "Council votes 7-4 to end X" -> "Council should end X"."""
    words = text.split()
    if not words or not words[0][:1].isupper():
        return None
    ordered = ORDERS.match(text)
    if ordered:
        return _sentence([*ordered.group("who").split(), "should", *ordered.group("vp").split()])
    for i in range(1, min(len(words), _ACTOR_WORDS + 1)):
        verb, actor, obj = words[i], words[:i], " ".join(words[i + 1:])
        nod = _GIVEN_NOD.match(" ".join(words[i:]))
        if nod or (verb in _PASSIVE_FOR and (i + 1 == len(words) or words[i + 1].lower() in _AFTER_PASSIVE)):
            rest = " ".join(words[i:])[nod.end():] if nod else " ".join(words[i + 1:])
            rest = _AGENT.sub("", rest).strip()
            if len(actor) > 1 and actor[-1].islower() and actor[-1].endswith("ly"):
                actor = actor[:-1]  # "Plan unanimously approved"
            return _sentence([*actor, "should", "go", "ahead", *rest.split()])
        if i + 1 == len(words):
            break
        if verb in _REPORT_FOR:
            return _sentence([*actor, "should", *_proposal(obj, "adopt").split()])
        if _REPORT_FOR_PREP.get(verb) == words[i + 1].lower() and len(words) > i + 2:
            return _sentence([*actor, "should", *_proposal(" ".join(words[i + 2:]), "adopt").split()])
        if verb in _REPORT_AGAINST:
            return _sentence([*actor, "should", _REPORT_AGAINST[verb], *obj.split()])
    moved = _MOVES_TO.match(text)
    if moved:
        return _sentence([*moved.group("actor").split(), "should", "move", *moved.group("what").split(), "to",
                          *moved.group("to").split()])
    m = _REPORT_TO.match(text)
    if m and m.group("vp").split()[0].lower() in _VERBS and len(m.group("vp").split()) > 1:  # a verb and its object
        return _sentence([*m.group("actor").split(), "should", *_proposal(m.group("vp")).split()])
    vp = m.group("vp").split() if m else []
    if len(vp) > 2 and _REPORT_FOR_PREP.get(_third_person(vp[0].lower())) == vp[1].lower():
        # "Kelby Council to consult on a wood-burner ban": the move toward it, as "consults on" reports it
        return _sentence([*m.group("actor").split(), "should", *_proposal(" ".join(vp[2:]), "adopt").split()])
    return None


def _proposal(phrase: str, verb: str = "") -> str:
    """The verb phrase of a proposal, with a reported bill or plan opened up ("a bill requiring X")."""
    inner = _INNER.match(phrase)
    if inner:
        if inner.group("req"):
            return "require " + phrase[inner.end():]
        return phrase[inner.start("vp"):]
    return f"{verb} {phrase}".strip()


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:]
