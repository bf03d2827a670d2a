"""Common ways of stating a thesis, rewritten into the few forms `profile.py` reads.

The profile reads a thesis by its shape: "<actor> should <verb> <object>", "<subject> is <judgement>",
"<subject> <claim verb> <object>". Op-eds say the same things in other shapes: the passive ("Leaf
blowers should be banned"), idioms for stopping ("get rid of", "do away with", "phase out"). A
rewrite keeps the profile's rules few; the thesis as written is what reports show.
"""

from __future__ import annotations

import re

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


def canonical_form(text: str) -> str:
    """The thesis in a shape the profile reads; unchanged when it already has one.

    "Leaf blowers should be banned" -> "We should ban Leaf blowers"; "Supermarkets should get rid of
    self-checkout" -> "Supermarkets should ban self-checkout" (the supermarkets act; what ends is the
    machines). A negated passive ("Tipping should not
    be abolished") keeps the thing: "We should not abolish Tipping". "Riverton should switch off its
    streetlights" -> "Riverton should ban its streetlights" (the town is not criticised, as an actor told
    to stop what it does would be); "Platforms should be required to verify
    ages" -> "Platforms should verify ages" (the obligation is the proposal).
    """
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
