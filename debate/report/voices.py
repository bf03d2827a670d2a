"""Attributed quotations in article text: who is quoted saying what, and in what role.

Articles argue through the people they quote ("... ," said Professor Kang;
Mr Kim, honorary chairman of ..., told ST: "..."; ... according to Dr Park, a
professor in ...). This module finds such attributions with patterns for the
news-writing conventions of English: quote-first ("X," said Y / "X," Y told Z),
speaker-first (Y, ROLE, said (that) X / Y told Z: "X"), "according to Y", and
pronouns ("he added") resolved to the last person quoted. Short references
("Mr Kang", "Prof Kang") are joined to the fullest earlier name with the same
kind of title. Pure functions; the stance of each voice is added by `tag_voices`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Thesis, Voice

_VERBS = (r"said|says|say|added|adds|told|tells|argued|argues|noted|notes|wrote|writes|explained|explains|"
          r"warned|warns|stated|states|claimed|claims|insisted|insists|suggested|suggests|stressed|stresses|"
          r"believes|believed|pointed out|points out|emphasised|emphasized|cautioned|admitted|acknowledged|"
          r"observed|remarked|concluded|maintains|maintained|contends|contended")
#: Titles before a name, grouped by kind, so "Prof Kang" joins "Professor Kang" but not "Mr Kang".
TITLES = {
    "Mr": "honorific", "Mrs": "honorific", "Ms": "honorific", "Miss": "honorific", "Mx": "honorific",
    "Dr": "doctor", "Doctor": "doctor",
    "Prof": "professor", "Professor": "professor",
    "President": "president", "Premier": "premier", "Minister": "minister", "Ambassador": "ambassador",
    "Senator": "senator", "Sen": "senator", "Rep": "representative", "General": "general", "Gen": "general",
    "Judge": "judge", "Justice": "judge", "Rev": "reverend", "Father": "reverend", "Sir": "sir",
    "Dame": "dame", "Lord": "lord", "Lady": "lady", "Chairman": "chair", "Chairwoman": "chair",
}
_TITLE = r"(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.?"
_NAMEWORD = r"[A-Z][A-Za-z’'\-]+"
_GROUP_NOUNS = (r"human rights activists|human rights groups|rights groups|observers|analysts|experts|officials|"
                r"activists|critics|researchers|scholars|diplomats|lawyers|defectors|residents|sources|authorities|"
                r"groups|campaigners|advocates|opponents|supporters|businesses|shopkeepers|parents|locals|unions|"
                r"economists|scientists|doctors|teachers|police|tenants|landlords|renters|homeowners|drivers|"
                r"cyclists|motorists|commuters|workers|employers|employees|farmers|nurses|patients|voters|"
                r"students|retailers|shoppers")
#: A group of people as a speaker ("observers", "cycling groups", "some analysts").
_FUNCTION_WORDS = (r"where|but|and|or|so|that|which|when|while|as|if|because|though|although|since|then|also|"
                   r"yet|who|whom|whose|what|how|why|these|those|this|their|our|its|his|her|many of")
_GROUP = rf"(?:(?!(?:{_FUNCTION_WORDS})\s)[A-Za-z]+\s+)?(?:{_GROUP_NOUNS})"
#: One person named by office rather than by name ("the mayor", "a government spokesperson").
_ROLE_NOUNS = (r"mayor|spokesperson|spokesman|spokeswoman|official|minister|governor|councillor|councilor|"
               r"senator|professor|analyst|expert|researcher|economist|lawyer|activist|defector|director|"
               r"chairman|chairwoman|chair|president|prime minister|ambassador|diplomat|commissioner|judge")
_ROLE_SPEAKER = (rf"(?:[Tt]he|[Aa]n?)\s+(?:(?!(?:{_FUNCTION_WORDS})\s)[a-z\-]+\s+){{0,2}}(?:{_ROLE_NOUNS})"
                 rf"(?:\s+of\s+(?:the\s+)?{_NAMEWORD}(?:\s+{_NAMEWORD}){{0,3}})?")
_SPEAKER = (rf"(?P<spk>{_ROLE_SPEAKER}|{_TITLE}\s+{_NAMEWORD}(?:\s+{_NAMEWORD}){{0,2}}"
            rf"|{_NAMEWORD}(?:\s+{_NAMEWORD}){{0,3}}"
            rf"|[Hh]e|[Ss]he|[Tt]hey|{_GROUP})")
_APPOSITION = r"(?P<app>,[^“”\"]{1,220}?,)?"
_TOLD_OBJ = r"(?:\s+(?:the\s+|The\s+)?(?:[A-Z][\w.’']*\s*){1,4}|\s+reporters|\s+journalists)?(?:\s*recently|\s*last\s+\w+)?"
_SPEAKER_FIRST = re.compile(
    rf"(?<![\w’'])({_SPEAKER}){_APPOSITION}\s+(?:also\s+|later\s+|recently\s+|then\s+|has\s+|had\s+)?"
    rf"(?P<verb>{_VERBS})\b(?P<obj>{_TOLD_OBJ})"
)
_QUOTE_TAIL = re.compile(
    rf"^\s*,?\s*(?:(?P<verb1>{_VERBS})\s+(?P<spk1>{_ROLE_SPEAKER}|{_TITLE}\s+{_NAMEWORD}(?:\s+{_NAMEWORD}){{0,2}}|"
    rf"{_NAMEWORD}(?:\s+{_NAMEWORD}){{0,3}}|he|she|they)(?P<role1>,.*)?"
    rf"|(?P<spk2>{_ROLE_SPEAKER}|{_TITLE}\s+{_NAMEWORD}(?:\s+{_NAMEWORD}){{0,2}}|{_NAMEWORD}(?:\s+{_NAMEWORD}){{0,3}}|"
    rf"[Hh]e|[Ss]he|[Tt]hey){_APPOSITION}\s+(?:also\s+)?(?P<verb2>{_VERBS})\b)"
)
#: Reported speech with the attribution at the end: "Any change ... would spark a collapse, they said."
_TAIL_ATTRIBUTION = re.compile(
    rf"^(?P<quote>[^“”\"]{{12,}}?),\s+{_SPEAKER}{_APPOSITION}\s+(?:also\s+)?(?P<verb>{_VERBS})\b"
    rf"(?P<obj>{_TOLD_OBJ})(?:\s+(?:in|on|at|to|during|last|this|after|before|when)\b[^“”\"]{{0,80}})?\s*[.!?]?$"
)
_ACCORDING_AFTER = re.compile(r"^(?P<quote>.{12,}?),\s+according to\s+(?P<spk>[^,.;]{2,120}?)(?P<role>,\s+[^;]+?)?[.!?]?$")
_ACCORDING_BEFORE = re.compile(
    r"^According to\s+(?P<spk>[^,]{2,120}?(?:(?:,\s+[A-Z][\w’'\-]+)*,?\s+and\s+[A-Z][\w’'\-]+)?),\s+"
    r"(?P<quote>.{12,})$")
_OPEN, _CLOSE = "“", "”"
#: Capitalised words that start sentences or name places/things, never a speaker on their own.
NOT_SPEAKERS = frozenset(
    """The A An In On At But And Or So Yet If When While After Before Since Although Though However
    This That These Those It Its There Here Then Also Even Many Some Most Such What Who Why How
    Under Over From With Without For About Into Using Given Whether Nowadays Today Because As Whereas
    Therefore Thus Can Could Should Would Will Do Does Did Is Are Was Were Has Have Had May Might Must
    Not No Yes Let We You I Our Their His Her My
    Half Both All Each Every Everyone Everybody Nobody Someone Somebody Anyone Anybody Few Several Others
    None Neither Either People""".split()  # quantities and anyone at all: "Half say ...", "Everyone says ..."
)
#: A quotation must have at least this many words to count (shorter ones are scare quotes).
MIN_QUOTE_WORDS = 4
_PRONOUNS = {"he", "she", "they"}


@dataclass(frozen=True)
class _Found:
    speaker: str
    quote: str
    role: str | None
    position: int


def extract_voices(text: str) -> tuple[Voice, ...]:
    """Every attributed quotation in an article's text, in order of appearance (stance not set)."""
    found: list[_Found] = []
    offset = 0
    for para in re.split(r"\n+", text or ""):
        for start, sentence in _sentences(para):
            found.extend(_in_sentence(sentence, offset + start))
        offset += len(para) + 1
    return _resolve(found)


def tag_voices(voices: tuple[Voice, ...], thesis: Thesis, article_text: str | None = None) -> tuple[Voice, ...]:
    """Each voice with its stance toward the thesis (the project's stance tagger, which reads the
    article too, to learn which side each named party is on)."""
    from ..tag.stance import stance_toward

    return tuple(replace(v, stance=stance_toward(v.quote, thesis, article_text=article_text)) for v in voices)


def _sentences(para: str) -> list[tuple[int, str]]:
    """Split a paragraph at sentence ends outside quotation marks (a quote may hold several sentences)."""
    out = []
    depth = 0
    start = 0
    i = 0
    while i < len(para):
        ch = para[i]
        if ch == _OPEN:
            depth += 1
        elif ch == _CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
        elif ch in ".!?" and depth == 0:
            word = re.search(r"(\w+)$", para[start:i])
            abbreviation = word is not None and word.group(1) in TITLES
            after = para[i + 1:].lstrip()
            gap = len(para) - i - 1 - len(after)
            if gap and after and (after[0].isupper() or after[0] in (_OPEN, '"')) and not abbreviation:
                out.append((start, para[start:i + 1].strip()))
                start = i + 1 + gap
        i += 1
    if para[start:].strip():
        out.append((start, para[start:].strip()))
    return [(s, t) for s, t in out if t]


def _clean_quote(q: str) -> str:
    q = q.strip().strip(",:;").strip()
    if q.startswith(_OPEN) and q.count(_OPEN) == 1 and (q.endswith(_CLOSE) or _CLOSE not in q):
        q = q[1:].rstrip(_CLOSE).strip()
    elif q.startswith('"') and q.count('"') <= 2 and (q.endswith('"') or q.count('"') == 1):
        q = q.strip('"').strip()
    q = q.rstrip(",").strip()
    return q[:-1].rstrip() if q.endswith(".") and not q.endswith("..") else q


def _role(text: str | None) -> str | None:
    """The speaker's role from an apposition: ", 55, who is also president of X," -> "president of X"."""
    if not text:
        return None
    role = text.strip().strip(",").strip()
    role = re.sub(r"^\d{1,3},\s*", "", role)  # an age
    role = re.sub(r"^(?:who|which)\s+(?:is|was)\s+(?:also\s+)?", "", role)
    role = re.sub(r"^who\s+", "", role)
    role = re.sub(r"^(?:a|an)\s+", "", role)
    role = re.sub(r"[.!?]+$", "", role).strip()
    if not role or len(role.split()) > 30:
        return None
    return role


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _speaker(spk: str) -> str | None:
    """The speaker a match names, or None: "But observers" -> "observers", "The" -> None."""
    if re.fullmatch(_GROUP, spk, flags=re.IGNORECASE):
        return spk
    if re.fullmatch(_ROLE_SPEAKER, spk):
        return spk[0].lower() + spk[1:]
    if spk.split()[0] not in NOT_SPEAKERS:
        return spk
    tail = re.search(rf"\b(?:{_GROUP_NOUNS})$", spk)
    return tail.group(0) if tail else None


def _in_sentence(sentence: str, position: int) -> list[_Found]:
    s = sentence.strip()
    # 1. Quote first: “...,” said X, ROLE.  /  “...,” X, ROLE, told Y.
    if s[:1] in (_OPEN, '"'):
        close = s.find(_CLOSE if s[0] == _OPEN else '"', 1)
        if close > 0:
            m = _QUOTE_TAIL.match(s[close + 1:])
            quote = s[1:close]
            if m and _words(quote) >= MIN_QUOTE_WORDS:
                spk = m.group("spk1") or m.group("spk2")
                role = m.group("role1") if m.group("spk1") else m.group("app")
                spk = _speaker(spk)
                if spk:
                    return [_Found(spk, _clean_quote(quote), _role(role), position)]
    # 2. According to.
    m = _ACCORDING_AFTER.match(s)
    if m and _words(m.group("quote")) >= MIN_QUOTE_WORDS:
        spk = _according_speaker(m.group("spk"))
        if spk:
            return [_Found(spk, _clean_quote(m.group("quote")), _role(m.group("role")), position)]
    m = _ACCORDING_BEFORE.match(s)
    if m and _words(m.group("quote")) >= MIN_QUOTE_WORDS:
        spk = _according_speaker(m.group("spk"))
        if spk:
            return [_Found(spk, _clean_quote(m.group("quote")), None, position)]
    m = _TAIL_ATTRIBUTION.match(s)
    if m and _words(m.group("quote")) >= MIN_QUOTE_WORDS:
        spk = _speaker(m.group("spk"))
        if spk:
            return [_Found(spk, _clean_quote(m.group("quote")), _role(m.group("app")), position)]
    # 3. Speaker first: X, ROLE, said (that) ... / X told Y: “...”
    for m in _SPEAKER_FIRST.finditer(s):
        spk = m.group("spk")
        spk = _speaker(spk)
        if not spk:
            continue
        if s[:m.start()].count(_OPEN) > s[:m.start()].count(_CLOSE):
            continue  # inside a quotation
        end = m.end() if m.group("verb") in ("told", "tells") else m.end("verb")
        rest = s[end:].strip()
        rest = re.sub(r"^[:,]\s*", "", rest)
        # "said on Monday that ...", "said in an interview that ...": skip the circumstance
        rest = re.sub(r"^(?:(?:on|in|at|last|this|during|after|before)\b[^“”\",]{0,40}?\s)?that\s+", "", rest)
        more: list[_Found] = []
        for semi in re.finditer(r";\s+", rest):
            # "Landlords say it will freeze construction; tenants say it's overdue": a second voice
            nxt = _SPEAKER_FIRST.match(rest, semi.end())
            if nxt and _speaker(nxt.group("spk")):
                more = _in_sentence(rest[semi.end():], position + s.find(rest) + semi.end())
                rest = rest[:semi.start()]
                break
        if _words(rest) < MIN_QUOTE_WORDS:
            return more
        return [_Found(spk, _clean_quote(re.sub(r"[.!?]$", "", rest)), _role(m.group("app")), position)] + more
    return []


def _according_speaker(text: str) -> str | None:
    spk = re.split(r"\s+(?:that|which|who)\s+", text.strip())[0]
    spk = re.sub(r"^(?:the|an?)\s+", "", spk, flags=re.IGNORECASE).strip()
    if not spk or _words(spk) > 8:
        return None
    return spk


def _title_kind(name: str) -> tuple[str | None, list[str]]:
    tokens = name.replace(".", "").split()
    if tokens and tokens[0] in TITLES:
        return TITLES[tokens[0]], tokens[1:]
    return None, tokens


def _resolve(found: list[_Found]) -> tuple[Voice, ...]:
    """Resolve pronouns and short names; carry a speaker's known role; drop exact repeats."""
    canonical: list[str] = []  # full names seen, in order
    roles: dict[str, str] = {}
    last_person: str | None = None
    last_group: str | None = None
    out: list[Voice] = []
    seen: set[tuple[str, str]] = set()
    for f in sorted(found, key=lambda f: f.position):
        spk = f.speaker
        low = spk.lower()
        if low in ("he", "she"):
            if last_person is None:
                continue
            spk = last_person
        elif low == "they":
            if last_group is None:
                continue
            spk = last_group
        elif re.fullmatch(_GROUP, spk, flags=re.IGNORECASE):
            spk = re.sub(r"^(?:the|some|many|most|several|other)\s+", "", spk, flags=re.IGNORECASE)
            spk = spk[0].lower() + spk[1:]
            last_group = spk
        else:
            spk = _canonical(spk, canonical)
            last_person = spk
        if f.role and spk not in roles:
            roles[spk] = f.role
        key = (spk, f.quote)
        if key in seen:
            continue
        seen.add(key)
        role = f.role or roles.get(spk) or (CITED_WORK if _is_cited_work(spk) else None)
        out.append(Voice(speaker=spk, quote=f.quote, role=role))
    return tuple(out)


#: The role given to a quoted source that is a document, not a person ("Goodwin-Gill (1996)").
CITED_WORK = "cited work"
_CITATION = re.compile(
    r"\(\s*(?:1[6-9]|20)\d\d[a-z]?(?:\s*[,:;]\s*(?:p{1,2}\.?\s*)?[\d\-–]+)?\s*\)\s*$"  # "(2009)", "(1996, p. 59)"
    r"|\b(?:research|study|studies|report|survey|paper|conclusions?|convention|resolution|guidelines|"
    r"handbook|article|book|statute|act|treaty|census)\b", re.IGNORECASE)


def _is_cited_work(speaker: str) -> bool:
    """The speaker is a publication or document (a citation, "the report", "Holliday's research (2009)"):
    the article brings in its words, but nobody is speaking in person."""
    return bool(_CITATION.search(speaker))


def _canonical(name: str, known: list[str]) -> str:
    kind, tokens = _title_kind(name)
    best = None
    for full in known:
        k2, t2 = _title_kind(full)
        if full == name:
            return full
        if kind is not None and k2 == kind and tokens and len(t2) >= len(tokens) \
                and (t2[:len(tokens)] == tokens or t2[-len(tokens):] == tokens):
            best = full
        elif kind is None and len(tokens) == 1 and tokens[0] in t2:
            best = best or full
    if best:
        return best
    if kind is not None:  # a fuller name may refine an earlier short one: keep the first full form
        for i, full in enumerate(known):
            k2, t2 = _title_kind(full)
            if k2 == kind and t2 and len(tokens) > len(t2) and tokens[:len(t2)] == t2:
                return full
    known.append(name)
    return name
