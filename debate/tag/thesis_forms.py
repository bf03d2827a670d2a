"""Common ways of stating a thesis, rewritten into the few forms `profile.py` reads.

The profile reads a thesis by its shape: "<actor> should <verb> <object>", "<subject> is <judgement>",
"<subject> <claim verb> <object>". Op-eds say the same things in other shapes: the passive ("Leaf
blowers should be banned"), idioms for stopping ("get rid of", "do away with", "phase out"). A
rewrite keeps the profile's rules few; the thesis as written is what reports show.
"""

from __future__ import annotations

import re

#: Past participles of stopping verbs and the verb a thesis in the active voice would use.
_STOPPED = {"banned": "ban", "abolished": "abolish", "scrapped": "scrap", "stopped": "stop", "ended": "end",
            "outlawed": "outlaw", "prohibited": "prohibit", "phased out": "end", "eliminated": "eliminate",
            "repealed": "repeal", "dropped": "drop", "removed": "remove", "axed": "scrap", "cancelled": "end",
            "canceled": "end", "discontinued": "end"}
#: "<X> should be banned ...": the thing to stop is the subject.
_PASSIVE_STOP = re.compile(
    r"^(?P<x>.+?)\s+(?P<modal>should|must|ought to|needs? to|has to|have to)\s+(?P<neg>not\s+|never\s+)?be\s+"
    r"(?:\w+ly\s+)?(?P<v>" + "|".join(sorted(map(re.escape, _STOPPED), key=len, reverse=True)) + r")\b(?P<rest>.*)$",
    re.IGNORECASE)
#: Idioms for stopping something, as one verb.
_STOP_IDIOMS = re.compile(r"\b(?:get(?:ting)? rid of|do(?:ing)? away with|put(?:ting)? an end to|"
                          r"phas(?:e|ing) out)\b", re.IGNORECASE)


def canonical_form(text: str) -> str:
    """The thesis in a shape the profile reads; unchanged when it already has one.

    "Leaf blowers should be banned" -> "We should ban Leaf blowers"; "Supermarkets should get rid of
    self-checkout" -> "Supermarkets should ban self-checkout" (the supermarkets act; what ends is the
    machines). A negated passive ("Tipping should not
    be abolished") keeps the thing: "We should not abolish Tipping".
    """
    text = _STOP_IDIOMS.sub("ban", text)
    m = _PASSIVE_STOP.match(text)
    if m:
        verb = _STOPPED[m.group("v").lower()]
        text = f"We {m.group('modal').lower()} {m.group('neg') or ''}{verb} {m.group('x').strip()}{m.group('rest')}"
    return text
