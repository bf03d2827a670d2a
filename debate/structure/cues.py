"""Text cues a careful reader uses to see whom a comment answers, and who wrote it.

Pure functions over one comment's text (or a pair of texts). Each detector
returns the text span that fired, so every inference can quote its evidence.
Nothing here knows about a particular site: the patterns are the conventions
commenters use everywhere ("@name", "Adam,", "Dear X", "When you said '...'",
"Author's response").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import ge, sub

from ..text.stopwords import english_stop_words, load_english_stop_words
from . import scan

# --- addresses -------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    """A person the comment speaks to: `name` as written, `kind` of cue, the span.

    `strength` is 1.0 for unambiguous forms ("@name", a name alone on the first
    line, "Dear X"), lower for a capitalised word before a comma that might be
    an ordinary word ("Funny, ...").
    """

    name: str
    kind: str  # "at_mention" | "vocative" | "initials"
    span: str
    strength: float = 1.0


_AT = re.compile(r"(?<![\w@])@([A-Za-z0-9_][\w.\-]{0,38}[A-Za-z0-9_]|[A-Za-z0-9_])")
_NAME_WORD = r"[A-Z][\w'\-]{0,30}"
_VOCATIVE = re.compile(
    rf"^\s*(?:(?i:dear|hi|hey|hello|thanks|thank you|ok|okay|well|sorry|no|yes|yeah|look|listen)[\s,]+)?"
    rf"((?:{_NAME_WORD}|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)(?:\s+{_NAME_WORD})?)\s*(,|:|\s[-\u2013\u2014]\s)(.*)$",
)
_INITIALS = re.compile(r"^[A-Z]{2,3}$")
#: Words that open a sentence followed by a comma but are not names ("However, ...").
_NOT_NAMES = frozenset(
    """
    yes no yeah yep nope well so ok okay oh ah also however but and or then now still again sure indeed
    agreed exactly true right wrong actually honestly frankly look listen sorry thanks thank please hmm
    first second third finally lastly anyway besides meanwhile moreover furthermore otherwise instead
    sadly unfortunately fortunately clearly obviously interestingly basically personally seriously
    lol haha wow update edit note ps p.s re fwiw imo imho btw tl tldr source sources correction
    author authors article update response reply question answer point example fact result meanwhile
    yesterday today tomorrow here there this that these those it its he she they we you i me my our
    china america europe russia korea japan germany france britain england india iran israel
    """.split()
)
#: Phrases that introduce a quotation of the replier's own earlier words.
_SELF_QUOTE = re.compile(
    r"\bI\s+(?:\w+ly\s+)?(?:said|wrote|stated|argued|claimed|suggested|proposed|noted|meant)\s*[:,]?\s*$", re.I
)
#: Phrases that introduce a quotation of the addressee's words.
_YOU_QUOTE = re.compile(
    r"\b(?:you|you've|you\s+have|you\s+had)\s+(?:\w+ly\s+)?(?:said|wrote|say|write|stated|claim|claimed|"
    r"argue|argued|mentioned|suggest|suggested)\b[^.?!]{0,20}$|\byour\s+(?:claim|statement|words|point|comment)"
    r"[^.?!]{0,20}$",
    re.I,
)


def find_addresses(text: str) -> tuple[Address, ...]:
    """Every "@name", and a vocative opening the comment ("Adam,", "Dear Ms Lee:", "SP,")."""
    found: list[Address] = []
    for m in (_AT.finditer(text) if "@" in text else ()):
        name = m.group(1).rstrip(".-")
        if "." in name and re.search(r"\.[a-z]{2,4}$", name):  # an e-mail or domain, not a handle
            continue
        found.append(Address(name, "at_mention", m.group(0)))
    first = text.lstrip().split("\n", 1)[0][:120]
    m = _VOCATIVE.match(first)
    if m:
        name = re.sub(r"^(?:Mr|Mrs|Ms|Dr)\.?\s+", "", m.group(1).strip())
        parts = name.split()
        if _plausible_name(parts):
            kind = "initials" if len(parts) == 1 and _INITIALS.match(parts[0]) else "vocative"
            rest = m.group(3).strip()
            prefixed = m.start(1) > len(first) - len(first.lstrip())  # "Dear X", "No, X", "Thanks X"
            strong = (not rest or prefixed or kind == "initials" or len(parts) == 2 or m.group(1) != name
                      or bool(_YOU.match(rest)))
            span = first[: m.end(2)].strip()
            if not any(a.name.casefold() == name.casefold() for a in found):
                found.append(Address(name, kind, span, 1.0 if strong else WEAK_VOCATIVE))
    return tuple(found)


#: Confidence in a lone capitalised word before a comma mid-sentence ("Funny, ..." vs "Adam, you ...").
WEAK_VOCATIVE = 0.4


def _plausible_name(words: Sequence[str]) -> bool:
    if not words or any(w.casefold().strip("'") in _NOT_NAMES for w in words):
        return False
    head = words[0]
    if head.isupper() and not _INITIALS.match(head):
        return False  # "WRONG," shouting, not a name
    if len(words) == 1 and head.lower().endswith(("ly", "ing", "ness", "ment", "tion", "ful", "ous", "ive")):
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words)


def strip_opening_address(text: str, addresses: Sequence[Address]) -> str:
    """The text after an opening address ("@ann ", "Adam,"), so the next words can be read as the opening."""
    body = text.lstrip()
    for a in addresses:
        if body.startswith(a.span):
            return body[len(a.span):].lstrip(" ,:\n\t-\u2013\u2014")
    return body


_NAME_KEY_DROP = re.compile(r"[\s_\-.@]+")
#: Characters `name_key` drops from a word that has no whitespace (str.split() words).
_WORD_KEY_DROP = str.maketrans("", "", "_-.@")
_INITIAL_WORDS = re.compile(r"[A-Za-z][\w'\-]*")


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Comparable form of a name or handle: case, spaces, '_' and '-' ignored.

    Cached: the decoder compares the same few names for every candidate pair.
    """
    return _NAME_KEY_DROP.sub("", name).casefold()


def key_text(text: str) -> str:
    """The text with the characters `name_key` drops (but whitespace) removed, case folded."""
    return text.replace("_", "").replace("-", "").replace(".", "").replace("@", "").casefold()


def word_keys(text: str) -> frozenset[str]:
    """`name_key` of every whitespace-separated word of a text, computed once per distinct word.

    Words from str.split() hold no whitespace (re's \\s and str.isspace agree), so dropping
    '_', '-', '.', '@' and casefolding gives exactly name_key(word).
    """
    keys = key_text(text).split()  # casefold never makes or removes whitespace
    if len(keys) != len(text.split()):
        keys.append("")  # a word made only of dropped characters ("--") keys to "" and vanished
    return frozenset(keys)


@lru_cache(maxsize=4096)
def initials(name: str) -> str:
    words = _INITIAL_WORDS.findall(name)
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


@lru_cache(maxsize=16384)
def address_matches(address: Address, name: str | None) -> bool:
    """Does the address name this person (full name, first name, handle or initials)?"""
    if not name:
        return False
    a, n = name_key(address.name), name_key(name)
    if not a or not n:
        return False
    if a == n:
        return True
    if address.kind == "initials" or (len(address.name) <= 3 and address.name.isupper()):
        return address.name.upper() == initials(name)
    first = name_key(name.split()[0]) if name.split() else ""
    if len(a) >= 3 and (a == first or (len(name.split()) > 1 and a == name_key(name.split()[-1]))):
        return True
    return False


def known_name_address(text: str, names: Sequence[str]) -> Address | None:
    """An opening address to someone the page names, whatever its case ("bob, you're wrong")."""
    first = text.lstrip().split("\n", 1)[0][:80].casefold()
    for name in sorted(set(names), key=lambda n: (-len(n), n)):
        key = name.casefold().lstrip("@")
        for candidate in (key, key.split()[0] if " " in key else None):
            if candidate and len(candidate) >= 3 and first.startswith((candidate, "@" + candidate)) and re.match(
                    rf"(?:@)?{re.escape(candidate)}\s*(?:,|:|\s[-\u2013\u2014]\s|$)", first):
                return Address(name, "vocative", text.lstrip()[: len(candidate) + 1].strip())
    return None


_SIGNATURE = re.compile(
    r"(?:^|\n)\s*(?:[-\u2013\u2014~]+|(?i:cheers|regards|best|thanks),?)\s*"
    r"([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2})\s*$",
)


#: A sign-off after the last sentence on the same line ("... it's a photo op. — Pete"): a dash (not a single
#: hyphen) right after the sentence's end mark; after a closing quotation mark it would attribute a quote.
_INLINE_SIGNATURE = re.compile(r"(?<=[.!?])[ \t]+(?:\u2014|\u2013|--)[ \t]*([A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*)?)[ \t]*$")


def signature(text: str) -> tuple[str, str] | None:
    """A name signed at the end ("-- Maria", "- SP", "Cheers, Tom", "... the point. — Pete"): (name, span)."""
    body = text.rstrip()
    m = next((m for m in map(_SIGNATURE.match, repeat(body), _line_starts(body)) if m), None)
    if not m and ("\u2014" in body or "\u2013" in body or "--" in body):
        m = _INLINE_SIGNATURE.search(body)
    if not m:
        return None
    name = m.group(1).strip().rstrip(".")
    if not _plausible_name(name.split()):
        return None
    return name, m.group(0).strip()


def _line_starts(text: str) -> Iterator[int]:
    """0 and every newline's position: where a _SIGNATURE match can start ("(?:^|\\n)")."""
    yield 0
    at = text.find("\n")
    while at >= 0:
        yield at
        at = text.find("\n", at + 1)


# --- the article's author speaking --------------------------------------------------

_AUTHOR_SELF = [
    re.compile(r"^\W*(?:the\s+)?author'?s?[\u2019']?s?\s+(?:response|reply|note|comment|here)\b:?", re.I),
    re.compile(r"\b(?:author here|writer here|OP here|(?:I am|I'm) (?:the author|OP))\b", re.I),
    re.compile(r"\bI\s+(?:wrote|write|published|authored)\s+(?:this|the|that)\s+(?:article|piece|post|essay|"
               r"column|op-?ed)\b", re.I),
    re.compile(r"\bmy\s+(?:article|piece|post|essay|column|op-?ed|blog post)\b", re.I),
    re.compile(r"\bI(?:'m|\s+am|\s+was|\s+have|'ve)?\s+(?:\w+ly\s+)?(?:(?:wrote|argued|said|noted|mentioned|"
               r"explained|meant|stated|described|detailed|tried to \w+)\s+(?:in|from|with)|following on from|"
               r"building on|referring (?:back )?to)\s+(?:the|this|my)\s+(?:above\s+)?"
               r"(?:article|piece|post|essay|column)\b", re.I),
    re.compile(r"\b(?:in|from) the (?:article|piece|post|essay) I\s+(?:wrote|argued|said|noted)\b", re.I),
]


#: Words without which a pattern of _AUTHOR_SELF cannot match (the first and second need "author",
#: "writer" or "OP" phrases; the others name the piece).
_AUTHOR_SELF_NEEDS = (
    ("author",),
    ("author here", "writer here", "op here", "i am the author", "i'm the author", "i am op", "i'm op"),
    *[("article", "piece", "post", "essay", "column", "op-ed", "oped")] * 4,
)


#: Where each _AUTHOR_SELF match can start, for `scan`: None (anchored at the start: a plain search
#: gives up at once), (keys, prefix) for `scan.search`, or a finder pattern for `scan.search_from`
#: (the fourth opens with "I", then "'m" or whitespace: every such "i" in the folded text).
_AUTHOR_SELF_STARTS: tuple = (
    None,
    (("author here", "writer here", "op here", "i am ", "i'm "), None),
    (("wrote", "write", "published", "authored"), "i"),
    (("my",), None),
    re.compile(r"i(?='|\s)"),
    (("in the ", "from the "), None),
)


def author_self_reference(text: str) -> str | None:
    """The span where the writer says they wrote the article, or None."""
    present: dict[tuple[str, ...], bool] = {}  # four patterns share one word list: look once
    for pattern, needs, starts in zip(_AUTHOR_SELF, _AUTHOR_SELF_NEEDS, _AUTHOR_SELF_STARTS):
        if needs not in present:
            present[needs] = scan.has_any(text, needs)
        if not present[needs]:
            continue
        if starts is None:
            m = pattern.search(text)
        elif isinstance(starts, re.Pattern):
            m = scan.search_from(pattern, text, starts)
        else:
            m = scan.search(pattern, text, starts[0], prefix=starts[1])
        if m:
            return m.group(0).strip()
    return None


_ARTICLE_MENTION = re.compile(
    r"\b(?:th(?:is|e)\s+(?:article|piece|post|essay|column|op-?ed|blog post|story|report|author|writer)|"
    r"(?:your|the author'?s)\s+(?:article|piece|post|essay|column)|great read|good read|nice piece|"
    r"well written|well said,? author)\b",
    re.I,
)


#: Words every _ARTICLE_MENTION match contains.
_ARTICLE_MENTION_NEEDS = ("article", "piece", "post", "essay", "column", "op-ed", "oped", "story", "report",
                          "author", "writer", "great read", "good read", "well written", "well said")


#: Where an _ARTICLE_MENTION match starts, for `scan.search_from` ("the author's" opens with "the ";
#: no finder match holds the start of another).
_ARTICLE_MENTION_STARTS = re.compile(r"th(?:is|e)\s|your\s|great read|good read|nice piece|well written|well said")


def mentions_article(text: str) -> str | None:
    if not scan.has_any(text, _ARTICLE_MENTION_NEEDS):
        return None
    m = scan.search_from(_ARTICLE_MENTION, text, _ARTICLE_MENTION_STARTS)
    return m.group(0) if m else None


# --- references to other comments by number or position ---------------------------------

_NUMBER_REF = re.compile(
    r"\b(?:comment|post|reply|response)\s*(?:no\.?\s*|number\s*|#\s*)?(\d{1,4}(?:\.\d{1,3})*)\b|"
    r"(?<![\w&])[#@](\d{1,4}(?:\.\d{1,3})*)\b",
    re.I,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
#: "my first comment" is the writer's own, not a reference to someone's.
_POSITION_VETO = r"(?<!\bmy )(?<!\bour )(?<!\byour )(?<!\bhis )(?<!\bher )(?<!\btheir )"
_POSITION_ORDINAL = (r"\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|previous|last|above)\s+"
                     r"(?:comment|commenter|commentator|poster|reply|response|post)\b")
_POSITION_AFTER = r"\b(?:the\s+)?(?:comment|commenter|poster|post|reply)\s+(above)\b"
_POSITION_REF = re.compile(_POSITION_VETO + _POSITION_ORDINAL + "|" + _POSITION_AFTER, re.I)


#: Where a _NUMBER_REF match starts (see `scan`).
_NUMBER_REF_STARTS = ("comment", "post", "reply", "response", "#", "@")
#: Words every _POSITION_REF match contains, and where one starts (or at a "the" just before them).
_POSITION_NEEDS = ("comment", "post", "reply", "response")
_POSITION_STARTS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                    "tenth", "previous", "last", "above", "comment", "post", "reply", "response")

#: "^ this", "^^": the caret points at the comment shown just above.
_CARET = re.compile(r"^\s*\^+(?:\s|$)")


def comment_references(text: str) -> tuple[tuple[str, str], ...]:
    """References to other comments by display number or position: (number or "previous", span).

    "comment 3", "#3", "@3" give "3"; "the first comment" gives "1"; "the comment above" and
    "the previous commenter" give "previous".
    """
    refs: list[tuple[str, str]] = []
    for m in scan.finditer(_NUMBER_REF, text, _NUMBER_REF_STARTS):
        refs.append((m.group(1) or m.group(2), m.group(0)))
    m = _CARET.match(text)
    if m:
        refs.append(("previous", m.group(0).strip()))
    for span, word in _position_refs(text):
        word = word.casefold()
        refs.append((str(_ORDINALS[word]) if word in _ORDINALS else "previous", span))
    return tuple(refs)


# The matches of _POSITION_REF.finditer, found about twice as fast on long texts: its six lookbehinds
# are tried at every position, so search without them and check them only where the rest matched.
_POSITION_BLOCKED_NOT = re.compile(_POSITION_VETO, re.I)
_POSITION_FREE = re.compile(_POSITION_ORDINAL + "|" + _POSITION_AFTER, re.I)
_POSITION_ABOVE = re.compile(_POSITION_AFTER, re.I)


def _position_refs(text: str) -> list[tuple[str, str]]:
    """(span, ordinal or "above") of each _POSITION_REF match, left to right, non-overlapping."""
    out: list[tuple[str, str]] = []
    if not scan.has_any(text, _POSITION_NEEDS):
        return out
    pos, n = 0, len(text)
    searcher = scan.Searcher(_POSITION_FREE, text, _POSITION_STARTS, prefix="the")
    while pos <= n:
        m = searcher.search(pos)
        if m is None:
            break
        if m.group(1) is not None and not _POSITION_BLOCKED_NOT.match(text, m.start()):
            # "my first comment": the first alternative is vetoed here; the second may still match.
            m2 = _POSITION_ABOVE.match(text, m.start())
            if m2 is None:
                pos = m.start() + 1
                continue
            out.append((m2.group(0), m2.group(1)))
            pos = m2.end()
            continue
        out.append((m.group(0), m.group(1) or m.group(2)))
        pos = m.end()
    return out


# --- how a comment opens ----------------------------------------------------------------

_REPLY_OPENING = re.compile(
    r"^\W*(?:yes|no|nope|yep|yeah|exactly|agreed|indeed|true|wrong|nonsense|rubbish|bullshit|"
    r"but|because|so|and|actually|really|not really|not true|not quite|that'?s|this is|this|"
    r"i (?:agree|disagree|doubt|think you|don'?t think)|you(?:'re| are)|your|"
    r"source|citation|lol|haha|ha|thanks|thank you|good point|fair point|well|sure|then|"
    r"same|correct|incorrect|absolutely|totally|right|huh|eh|wait|seriously|if so|even if|as if|"
    r"is that|isn'?t|aren'?t|except|or|fair enough|ok|okay|agree|disagree|exactly my point|what\?|how so)"
    r"(?=[\s.,!?:;]|$)",
    re.I,
)
_ANSWER_OPENING = re.compile(
    r"^\W*(?:yes|no|nope|yep|yeah|because|probably|maybe|perhaps|sure|of course|"
    r"i think|i believe|i guess|i'd say|it depends|depends|the answer|partly|mostly|"
    r"neither|none|all of|some of|exactly|about|around|roughly|same|the (?:two|ones?)|that'?s it)"
    r"(?=[\s.,!?:;]|$)",
    re.I,
)
_YOU = re.compile(r"\b(?:you|your|you're|yours|yourself|you've|you'd|you'll)\b", re.I)
_GENERIC_YOU = re.compile(
    r"\b(?:you know|you see|if you ask me|mind you|thank you|you can't make this up|out of your way|"
    r"where you can|you can say|if you (?:think|look|ask|consider)|when you think about it|you never know|"
    r"you get what you pay for|you name it|believe you me)\b",
    re.I,
)
_SELF_BACKREF = re.compile(
    r"\b(?:as I (?:said|mentioned|wrote|noted|pointed out|argued|suggested|explained)|"
    r"I (?:previously|already|earlier|originally) (?:said|proposed|suggested|mentioned|wrote|argued|asked|pointed out)|"
    r"my (?:original|earlier|previous|first) (?:comment|point|post|question|reply)|"
    r"my point (?:was|is|being)|what I (?:meant|said|was saying)|I (?:never|didn'?t) (?:said|say|claim|claimed)|"
    r"you (?:misunderstood|misread|misquoted|missed) (?:me|my)|(?:that'?s|this is) not what I (?:said|meant|wrote)|"
    r"to (?:clarify|repeat) my|I stand by (?:my|what))\b",
    re.I,
)


#: An echo is a fragment ("Empty where?", "Six months?"); a longer opening question is a question.
ECHO_MAX_WORDS = 3
_SHORT_FIRST = re.compile(r"^\W*([^.?!\n]{1,40}[?!])")


def echo_opening(text: str) -> tuple[str, tuple[str, ...]] | None:
    """A short exclamation or question that opens by echoing someone's words ("Empty where?",
    "Overdue?!"): the span and its content terms, to look for in the comment answered."""
    m = _SHORT_FIRST.match(text)
    if not m or len(words(m.group(1))) > ECHO_MAX_WORDS:
        return None
    terms = tuple(_stem(w) for w in words(m.group(1)) if len(w) > 2 and w not in _ECHO_SKIP)
    return (m.group(1), terms) if terms else None


#: Question words and interjections: an echo is the *other* words ("Empty where?" echoes "empty").
_ECHO_SKIP = frozenset("what where when why how who which whose really seriously sure yes not the and but "
                       "you your are is was that this it's its for with from about did does have has can "
                       "could would will any some all much many".split())


def stems(text: str) -> set[str]:
    return set(map(_stem, words(text)))


_NEW_TOPIC = re.compile(
    r"^\W*(?:separate (?:question|point|issue)|on (?:another|a different|a separate) (?:note|point|topic)|"
    r"unrelated|off[- ]topic|different (?:point|question|topic)|back to the (?:article|topic|point)|"
    r"to the (?:article|author|writer)|re(?:garding)? the article|general (?:comment|question|point))\b",
    re.I,
)


def new_topic(text: str) -> str | None:
    """An opening that says the comment is not a reply ("Separate question:", "Back to the article")."""
    m = _NEW_TOPIC.match(text)
    return m.group(0).strip() if m else None


def reply_opening(text: str) -> str | None:
    """An opening that only makes sense as a reply ("But ...", "Exactly.", "You're wrong")."""
    m = _REPLY_OPENING.match(text)
    return m.group(0).strip() if m else None


def answer_opening(text: str) -> str | None:
    m = _ANSWER_OPENING.match(text)
    return m.group(0).strip() if m else None


#: Where a _GENERIC_YOU match starts (see `scan`).
_GENERIC_YOU_STARTS = ("you", "if you", "mind you", "thank you", "out of your", "where you", "when you",
                       "believe you")


def second_person(text: str) -> str | None:
    """A "you" addressed to someone (not "you know", "thank you")."""
    if not scan.has_any(text, ("you",)):
        return None
    cleaned = scan.sub(_GENERIC_YOU, " ", text, _GENERIC_YOU_STARTS)
    m = scan.search(_YOU, cleaned, ("you",))
    if not m:
        return None
    start = max(0, m.start() - 25)
    return cleaned[start : m.end() + 25].strip()


#: Where a _SELF_BACKREF match starts (the literal opening of each alternative, lowercased).
_SELF_BACKREF_STARTS = ("as i ", "i previously ", "i already ", "i earlier ", "i originally ", "my original ",
                        "my earlier ", "my previous ", "my first ", "my point ", "what i ", "i never ", "i didn",
                        "you mis", "that's not what i ", "thats not what i ", "this is not what i ",
                        "to clarify my", "to repeat my", "i stand by ")


def self_backreference(text: str) -> str | None:
    """The writer points back to an earlier comment of their own ("as I said", "I previously proposed")."""
    m = scan.search(_SELF_BACKREF, text, _SELF_BACKREF_STARTS)
    return m.group(0) if m else None


_YOUR = re.compile(r"\byour\s+(?:own\s+|old\s+|little\s+)?([a-z][a-z'\-]{2,})", re.I)
_MY = re.compile(r"\b(?:my|our)\s+(?:own\s+|old\s+|little\s+)?([a-z][a-z'\-]{2,})", re.I)


def your_things(text: str) -> frozenset[str]:
    """What the comment says belongs to its addressee ("your son", "your numbers"), stemmed."""
    stop = _stop_words()
    return frozenset(_stem(m.group(1).casefold()) for m in scan.finditer(_YOUR, text, ("your",))
                     if m.group(1).casefold() not in stop)


def my_things(text: str) -> frozenset[str]:
    """What the writer says is theirs ("my son", "our bank"), stemmed: a reply's "your son" points here."""
    stop = _stop_words()
    return frozenset(_stem(m.group(1).casefold()) for m in scan.finditer(_MY, text, ("my", "our"))
                     if m.group(1).casefold() not in stop)


def asks_question(text: str) -> bool:
    """Does the comment ask something (a '?' in its last few sentences)?"""
    tail = text.strip()[-400:]
    return "?" in tail


# --- quotations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    text: str
    introducer: str  # "self" (I said ...), "you" (you said ...), "" (neutral)


_QUOTED = re.compile(r"[\u201c\"\u00ab]([^\u201c\u201d\"\u00ab\u00bb]{12,800})[\u201d\"\u00bb]")
_BLOCK = re.compile(r"^\s*>\s?(.+)$", re.M)
#: A quotation shorter than this many words is a scare quote ("refugees"), not a citation.
MIN_QUOTE_WORDS = 3


def find_quotes(text: str) -> tuple[Quote, ...]:
    """Quoted passages (in quotation marks or '>' lines), with who the writer says said them."""
    quotes: list[Quote] = []
    for m in (_QUOTED.finditer(text) if any(c in text for c in "\u201c\"\u00ab") else ()):
        q = m.group(1).strip()
        if len(quote_tokens(q)) < MIN_QUOTE_WORDS:  # the words quote matching reads, split once
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        intro = "self" if _SELF_QUOTE.search(before) else "you" if _YOU_QUOTE.search(before) else ""
        quotes.append(Quote(q, intro))
    for m in (_BLOCK.finditer(text) if ">" in text else ()):
        q = m.group(1).strip()
        if len(quote_tokens(q)) >= MIN_QUOTE_WORDS:
            quotes.append(Quote(q, ""))
    return tuple(quotes)


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("\u2019", "'"))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[str, ...], str, frozenset[str]]:
    """Words of a text, joined (with spaces at both ends, so containment is word-aligned), and as a set."""
    w = tuple(words(text))
    return w, " " + " ".join(w) + " ", frozenset(w)


def quote_tokens(text: str) -> tuple[str, ...]:
    """The words `quote_coverage` aligns, in order."""
    return _tokens(text)[0]


def quote_words(text: str) -> frozenset[str]:
    """The distinct words `quote_coverage` looks for in a text."""
    return _tokens(text)[2]


def quote_coverage(quote: str, text: str, at_least: float = 0.0) -> float:
    """How much of `quote` appears in `text`, in order: 1.0 = verbatim, ~0.6+ = close paraphrase.

    With `at_least`, a coverage below it comes back as 0.0: windows that cannot reach it (or beat the
    best so far) are skipped, which saves most of the alignments when the caller only wants a match.
    Coverages at or above `at_least` are exactly those of the full search.
    """
    q, qs, qset = _tokens(quote)
    t, ts, tset = _tokens(text)
    if not q or not t:
        return 0.0
    if qs in ts:
        return 1.0
    # Best window of the text aligned with the quote (fuzzy: typos, small edits).
    best = 0  # matched words of the best window
    n = len(q)
    if sum(1 for w in q if w in tset) / n < 0.5:
        return 0.0
    # Upper bound of a window's matched words: the window words found in the quote (and at most n),
    # since difflib pairs equal words one to one. Prefix sums give it per window in O(1); the windows
    # whose bound reaches the floor (and 1: a window matching nothing cannot raise the best) are
    # picked out in one pass, and of those only the ones that could still beat the best are aligned.
    hits = list(accumulate(map(qset.__contains__, t), initial=0))
    floor = at_least * n
    step = max(1, n // 4)
    span = n + n // 3
    size = len(t)
    starts = range(0, max(1, size - n // 2), step)
    ends = hits[span::step][: len(starts)]  # hits[start + span] while that is inside the text
    ends += [hits[size]] * (len(starts) - len(ends))
    raw = list(map(sub, ends, hits[0 : len(starts) * step : step]))
    for k in compress(range(len(starts)), map(ge, raw, repeat(max(floor, 1)))):
        bound = min(n, raw[k])
        if bound <= best or bound < floor:
            continue  # cannot raise the best above what the full search keeps (see docstring)
        start = starts[k]
        window = t[start : start + span]
        sm = SequenceMatcher(None, q, window, autojunk=False)
        best = max(best, sum(b.size for b in sm.get_matching_blocks()))
        if best / n >= 0.95:
            break
    return best / n if best / n >= at_least else 0.0


# --- lexical overlap ------------------------------------------------------------------------


#: scikit-learn's English stop words (`debate.text.stopwords`: loaded without importing scikit-learn).
_english_stop_words = load_english_stop_words


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return english_stop_words() | {"don't", "it's", "i'm", "that's", "can't", "isn't", "doesn't", "just",
                                             "like", "think", "really", "people", "thing", "things", "lot",
                                             "going", "make", "way", "want", "know", "say", "said"}


#: Suffixes `_stem` strips, the first that fits winning.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s")
#: The same, grouped by their last letter (order kept): a word is tried only against the suffixes it
#: could end with, and most words end with none of "s", "n", "g", "d".
_SUFFIXES_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(s for s in _SUFFIXES if s[-1] == last) for last in {s[-1] for s in _SUFFIXES}}


@lru_cache(maxsize=65536)
def _stem(w: str) -> str:
    for suffix in _SUFFIXES_BY_LAST.get(w[-1:], ()):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return w


def content_terms(text: str) -> list[str]:
    return list(filter(None, map(_content_term, words(text))))


@lru_cache(maxsize=65536)
def _content_term(w: str) -> str:
    """The stemmed term a word counts as for overlap, or "" for stop words, short words and numbers.

    Cached per word (bounded): a thread repeats most of its words, and so does a stream of threads.
    """
    if len(w) <= 2 or w in _stop_words() or w.isdigit():
        return ""
    return _stem(w.partition("'")[0])


class TfIdf:
    """Tf-idf vectors over one thread's texts (article + comments), for cosine overlap."""

    def __init__(self, texts: Sequence[str]):
        # The words of a text are those `quote_coverage` reads (cached per text): split once per text.
        docs = [Counter(filter(None, map(_content_term, _tokens(t)[0]))) for t in texts]
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        n = len(docs)
        # Each term's idf and each count's tf computed once (the same floats as per document).
        by_count = {k: math.log((n + 1) / (k + 0.5)) for k in set(df.values())}  # few distinct counts
        idf = {w: by_count[k] for w, k in df.items()}
        tf = {c: 1 + math.log(c) for c in {c for d in docs for c in d.values()}}
        self.vectors: list[dict[str, float]] = []
        for d in docs:
            vals = [tf[c] * idf[w] for w, c in d.items()]
            norm = math.sqrt(sum([v * v for v in vals])) or 1.0
            self.vectors.append(dict(zip(d, [v / norm for v in vals])))

    def cosine(self, a: int, b: int) -> float:
        va, vb = self.vectors[a], self.vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        if not va:
            return 0
        # Terms missing from vb would add exactly 0.0: skip them (same sum, same order, fewer steps).
        # Most pairs of comments share no term at all: that test runs in C (it walks va).
        if vb.keys().isdisjoint(va):
            return 0.0
        return sum([v * vb[w] for w, v in va.items() if w in vb], 0.0)

    def shared(self, a: int, b: int, limit: int = 4) -> list[str]:
        """The terms that carry the overlap, strongest first (for explanations)."""
        va, vb = self.vectors[a], self.vectors[b]
        common = sorted(((va[w] * vb[w], w) for w in va.keys() & vb.keys()), reverse=True)
        return [w for _, w in common[:limit]]
