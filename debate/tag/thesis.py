"""The article's thesis: the claim it argues, where it was found, and what it is about.

An opinion piece usually states its position in the title, the lead or the
conclusion, in a normative ("should", "must", "it is time to") or evaluative
("is a mistake", "is the right thing") sentence. We score the sentences of
those three places by such markers and keep the best; when no sentence scores
enough the thesis is marked not clear and the title stands in for the topic.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Article, Evidence, Thesis
from . import lexicons as lx
from .spans import sentences, stop_words
from .thesis_forms import called_object, imperative_verb
from .thesis_title import POST_KIND, title_proposition
from .topic_terms import CLAIM_VERBS, PLURAL_CLAIM

#: Normative markers: the author says what ought to happen.
_NORMATIVE = re.compile(
    r"\b(?:should(?!\s+(?:the|it|they|this|that|any|we|you|he|she)\b)|must|ought to|need to|needs to|it is time|it's time|let us|let's|we cannot|we can't|"
    r"shouldn't|should not|must not|would rather|i propose|i urge|(?:is|are) worth|is the answer)\b|"
    # a call to stop: a gerund subject ("Ceasing their crackdowns ... is") or an imperative opening
    r"^(?:ceasing|stopping|ending|banning|abolishing|scrapping|dropping)\b|"
    r"^(?:stop|end|ban|abolish|scrap|drop|reform|cease)\b",
    re.IGNORECASE,
)
#: Evaluative markers: the author judges a policy or an actor.
_EVALUATIVE = re.compile(
    r"\b(?:mistake|wrong|right thing|the right|counterproductive|failure|failed|harmful|dangerous|"
    r"unjust|unfair|immoral|in (?:\w+'s |its |their |our )?(?:national |own |best )?interest|"
    r"better served|better off|worse|best|crucial|essential|necessary|unacceptable|shameful|"
    r"problem|threat|disaster|success|benefit|beneficial)\b",
    re.IGNORECASE,
)
#: Weights of where a sentence stands (opinion pieces state their position last, or in the title).
#: "should" followed by its subject ("should the floodgates open") is a conditional, not a claim.
_PLACE_WEIGHT = {"title": 1.0, "lead": 1.0, "conclusion": 1.2}
#: Below this score no sentence states a position (one normative marker in the lead scores 1.0).
CLEAR_MIN = 1.0
#: Bonus per content word a lead/conclusion sentence shares with the title (at most two count):
#: the title names the topic, so the thesis sentence usually repeats its words.
TITLE_OVERLAP = 0.5
#: Discourse connectives that open a sentence without belonging to its claim.
_CONNECTIVE = re.compile(r"^\s*(?:but|and|so|yet|however|therefore|thus|hence|in short|in the end|"
                         r"ultimately|finally|in conclusion|to conclude|my view is that|i think that|i think|i believe|in my view|in my opinion)\b,?\s*", re.IGNORECASE)
#: A title that is a call to act ("Ban Homework in Primary School") states the thesis outright.
IMPERATIVE_TITLE = 1.5
_IMPERATIVE = re.compile(r"^\s*(?:ban|stop|end|abolish|scrap|legali[sz]e|decriminali[sz]e|keep|save|build|"
                         r"cut|raise|lower|fund|defund|close|open|free|protect|repeal|reform|make|let|tax|"
                         r"charge|require|mandate|allow|cap|bring back|don't|do not|never)\b", re.IGNORECASE)
#: A question ("Should cities ban cars?") asks rather than argues: its score is scaled down.
QUESTION_FACTOR = 0.3
#: A lead or conclusion sentence the writer introduces as the gist ("Short version:", "TL;DR:",
#: "Bottom line:") states the position even without a normative word: it scores this much more
#: (enough alone to count as a position).
SUMMARY_BONUS = 1.0
_SUMMARY = re.compile(r"^\s*(?:the\s+)?(?:short\s+version|tl;?\s?dr|bottom\s+line|in\s+a\s+nutshell|upshot|"
                      r"long\s+story\s+short|(?:my\s+|the\s+)?verdict|short\s+answer|takeaway)\s*[:,\-–—]\s*",
                      re.IGNORECASE)
#: A lead or conclusion sentence whose subject is a pronoun points back at a subject named elsewhere:
#: its score is scaled down (chosen on the tuning sets: 0.5 lets a title or a sentence that names the
#: subject win over it).
ANAPHORIC_FACTOR = 0.5
_ANAPHORIC = re.compile(r"^(?:it|this|that|they|these|those|he|she)\s+(?!is\s+time\b)[a-z]", re.IGNORECASE)
#: How many lead / conclusion sentences to consider.
_LEAD_SENTENCES = 3
_CONCLUSION_SENTENCES = 3

#: Runs of capitalised words (entities), allowing "of"/"the"/"and" inside: "Liberty in North Korea".
_ENTITY = re.compile(r"\b(?:[A-Z][\w'\-]*|[A-Z]{2,})(?:\s+(?:of|the|for|and|de|in)?\s*(?:[A-Z][\w'\-]*))*")
_STOP_CAPS = frozenset({
    "The", "A", "An", "In", "On", "At", "For", "And", "But", "Or", "If", "When", "While", "This",
    "That", "These", "Those", "It", "Its", "They", "Their", "We", "Our", "I", "He", "She", "His",
    "Her", "There", "Even", "Despite", "However", "As", "By", "To", "From", "With", "Without", "Every",
    "Yes", "No", "Not", "What", "Does", "Do", "Did", "Should", "Would", "Could", "Can", "Will", "Is", "Are",
    "My", "Your", "Most", "Half", "Now", "So", "Then", "Here", "Why", "Where", "Why", "How", "Who", "Many", "Some", "All",
    "Whether", "Although", "Though", "Because", "Since", "Unless", "Once", "After", "Before", "Until", "Although",
})
#: Policy phrases: a gerund or action noun with its object ("forcibly repatriating refugees").
_POLICY = re.compile(
    r"\b(?!(?i:ceasing|stopping|ending|banning|abolishing|halting|allowing|letting|making|saying|thinking|"
    r"being|having|doing|going|nothing|something|anything|everything|thing|during|according|morning|evening)\b)"
    r"(?:(?:forcibly|forced|illegally|continuing|continued)\s+)?"
    r"(?:\w+ing|crackdowns?|bans?|repatriations?|deportations?|sanctions?|policy|policies|tax(?:es)?|"
    r"reforms?)\s+(?:(?:on|of|against|to)\s+)?(?:the\s+)?(?:[\w\-']+\s+){0,3}?"
    r"(?:[A-Z][\w\-']*\s+)*(?!(?:this|was|has|is|its|does|always|perhaps|thus|less|unless)\b)[a-z]{3,}s\b",
)
#: The thesis's subject: the words before its first modal, copula or claim verb ("Nuclear power" is ...,
#: "Rent control" protects ...; the claim verbs are those the profile reads).
_SUBJECT = re.compile(r"^\s*((?:[\w'\-]+\s+){0,4}?[\w'\-]+)\s+(?:should|must|ought|is|are|was|were|will|can|"
                      r"needs?|has|have|" + "|".join(sorted(CLAIM_VERBS | set(PLURAL_CLAIM))) + r")\b",
                      re.IGNORECASE)
#: A possessive or contracted "'s" ("Council's", "It's"): not part of a name.
_POSSESSIVE = re.compile(r"['’]s$")
#: A lower-case plural noun right after an entity ("North Korean refugees").
_NOUN_AFTER = re.compile(r"\s+([a-z]{3,}s)\b")
#: Adjectival names of peoples and places end like this (Korean, Chinese, British, Israeli).
_DEMONYM_END = re.compile(r"(?:an|ese|ish|ian|i|ch)$")


def extract_thesis(article: Article, given: str | None = None) -> Thesis:
    """The thesis given with --thesis, or the best thesis sentence of the article."""
    if given is not None and given.strip():
        text = " ".join(given.split())
        return Thesis(text=text, source="given", targets=targets_of(text),
                      evidence=(Evidence("given", text, 1.0),))
    best: tuple[float, str, str, tuple[Evidence, ...]] | None = None
    title_words = _content(article.title or "")
    for place, sentence in _candidates(article):
        summary = _SUMMARY.match(sentence) if place != "title" else None
        if summary:
            sentence = sentence[summary.end():]
        sentence = _CONNECTIVE.sub("", sentence).strip()
        sentence = sentence[:1].upper() + sentence[1:]
        if place != "title":
            sentence = _claim_core(sentence)
        score, ev = _score(sentence, place)
        if summary:
            # "Short version: in a cold climate it costs more than it saves": the writer's own verdict
            score += SUMMARY_BONUS
            ev = ev + (Evidence("summary", summary.group(0).strip(), SUMMARY_BONUS),)
        if score > 0 and place != "title" and _ANAPHORIC.match(sentence):
            # "It has failed and should go": the claim's subject is named elsewhere, so the sentence
            # alone does not say what is argued about
            score *= ANAPHORIC_FACTOR
            ev = ev + (Evidence("anaphoric", sentence.split()[0], ANAPHORIC_FACTOR),)
        if score > 0 and place != "title" and title_words:  # the title's words only help a claim
            shared = sorted(title_words & _content(sentence))
            if shared:
                bonus = TITLE_OVERLAP * min(len(shared), 2)
                score += bonus
                ev = ev + (Evidence("title_overlap", ", ".join(shared), bonus),)
        if best is None or score > best[0] + 1e-9:
            best = (score, place, sentence, ev)
    if best is None:
        return Thesis(text="", source="none", clear=False,
                      evidence=(Evidence("no_text", "the article has neither title nor text", 0.0),))
    score, place, sentence, ev = best
    if score < CLEAR_MIN:
        ev = ev + (Evidence("no_position", "no normative or evaluative sentence in the title, lead or conclusion",
                            round(score, 3)),)
        proposed = title_proposition(article.title)
        if proposed is not None:
            # a news report or a question post: no position of its own, but a proposition its thread
            # argues about (the decision reported, the question asked)
            text, kind = proposed
            why = ("the title reports a proposal or decision: stance is read toward it" if kind == "report" else
                   "the title asks a question: stance is read toward its yes answer")
            return Thesis(text=text, source=f"title_{kind}", targets=targets_of(text, article), clear=False,
                          evidence=ev + (Evidence(f"title_{kind}", why, 0.0),))
        topic = article.title or sentence
        return Thesis(text=topic, source="title" if article.title else place, targets=targets_of(topic, article),
                      clear=False, evidence=ev)
    return Thesis(text=sentence, source=place, targets=targets_of(sentence, article), evidence=ev)


#: "should follow France, Portugal and Ontario and pass ...": the precedents a claim cites are not what it
#: is about (they would become targets); the claim is the act after them.
_FOLLOW = re.compile(r"\b(should|must|ought to|needs? to)\s+follow\s+(?:the\s+(?:lead|example)\s+of\s+)?"
                     r"[A-Z][^.;:]{0,80}?\s+and\s+(?=[a-z])")


def _claim_core(sentence: str) -> str:
    """A lead or conclusion sentence without what only spells its claim out or cites precedents for it."""
    # "X should pass a law: every employer would need ...": what follows the colon spells the claim out;
    # the claim is before it (when it holds one)
    head, colon, _ = sentence.partition(": ")
    if colon and len(head.split()) >= 4 and _markers(head)[0]:
        sentence = head + "."
    # (every match holds "follow": without it the pattern, tried at every position, is not run)
    return _FOLLOW.sub(r"\1 ", sentence, count=1) if "follow" in sentence else sentence


def _content(text: str) -> set[str]:
    """Content-word stems, for comparing a sentence with the title."""
    stop = stop_words()
    return {w[:6] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in stop}


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
#: A paragraph needs this many words to hold a lead or a conclusion (shorter ones are bylines, captions).
_PARAGRAPH_WORDS = 8


def _candidates(article: Article) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if article.title:
        out.append(("title", article.title.strip()))
    # Only the first and the last paragraph of 8+ words are read (a paragraph's words are counted up
    # to 8, not all of them).
    parts = _PARAGRAPH_BREAK.split(article.text or "")
    full = [i for i, p in enumerate(parts) if len(p.split(None, _PARAGRAPH_WORDS - 1)) >= _PARAGRAPH_WORDS]
    if full:
        out.extend(("lead", s) for s in sentences(parts[full[0]].strip())[:_LEAD_SENTENCES])
        if len(full) > 1:
            out.extend(("conclusion", s) for s in sentences(parts[full[-1]].strip())[-_CONCLUSION_SENTENCES:])
    return [(p, s) for p, s in out if 3 <= len(s.split()) <= 80]


#: Substrings every match of `_NORMATIVE` contains (of its "^" alternatives: how the sentence starts),
#: and of `_EVALUATIVE`: a sentence in ASCII whose lower-cased text holds none cannot match, and skips the
#: case-insensitive scan (which tries every alternative at every position). tests/test_tag_thesis_speed.py
#: checks the shortcut against the plain scan.
_NORMATIVE_KEYS = ("should", "must", "ought to", "need", "time", "let", "we can", "rather", "propose", "urge",
                   "worth", "answer")
_NORMATIVE_STARTS = ("ceas", "stop", "end", "ban", "abolish", "scrap", "drop", "reform")
_EVALUATIVE_KEYS = ("mistake", "wrong", "right", "counterproductive", "fail", "harmful", "dangerous", "unjust",
                    "unfair", "immoral", "interest", "better", "worse", "best", "crucial", "essential",
                    "necessary", "unacceptable", "shameful", "problem", "threat", "disaster", "success", "benefi")


#: (The keys are looked for with `in`, one fast substring scan each: an alternation regex of them was
#: several times slower.) Substrings every match of `_POLICY` contains (it is case-sensitive there): without one, no policy.
_POLICY_KEYS = re.compile("ing|crackdown|ban|repatriation|deportation|sanction|polic|tax|reform")


#: The characters other than A-Z that `re.IGNORECASE` matches to an ASCII letter (İ, ı, ſ and the Kelvin
#: sign; found by trying every code point against [a-z]): lower-casing does not turn the first three
#: into that letter, so a sentence holding one is scanned in full.
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _markers(sentence: str) -> tuple[list[str], list[str]]:
    """The normative and the evaluative markers of a sentence, as written."""
    if sentence.isascii() or not any(c in sentence for c in _CASE_TRAPS):
        # (then a letter the case-insensitive match takes for a key's letter is that letter once lower-cased)
        low = sentence.lower()
        norm_possible = low.startswith(_NORMATIVE_STARTS) or any(k in low for k in _NORMATIVE_KEYS)
        eval_possible = any(k in low for k in _EVALUATIVE_KEYS)
    else:
        norm_possible = eval_possible = True
    norm = [m.group(0) for m in _NORMATIVE.finditer(sentence)] if norm_possible else []
    evals = [m.group(0) for m in _EVALUATIVE.finditer(sentence)] if eval_possible else []
    return norm, evals


def _score(sentence: str, place: str) -> tuple[float, tuple[Evidence, ...]]:
    ev: list[Evidence] = []
    norm, evals = _markers(sentence)
    raw = min(len(norm), 2) * 1.0 + min(len(evals), 2) * 0.6
    if norm:
        ev.append(Evidence("normative", ", ".join(norm), 1.0))
    if evals:
        ev.append(Evidence("evaluative", ", ".join(evals), 0.6))
    score = raw * _PLACE_WEIGHT[place]
    if sentence.rstrip().endswith("?") or (place == "title" and "?" in sentence):
        score *= QUESTION_FACTOR
        ev.append(Evidence("question", "a question asks rather than states a position", QUESTION_FACTOR))
    reported = _REPORTED.match(sentence) if place != "title" and score else None
    if reported:
        # "Some Sunday league managers say the rule will ...": the article reports someone else's view
        score *= REPORTED_FACTOR
        ev.append(Evidence("reported", reported.group(0)[:60], REPORTED_FACTOR))
    if place == "title" and _IMPERATIVE.match(sentence) and not sentence.rstrip().endswith("?"):
        score += IMPERATIVE_TITLE
        ev.append(Evidence("imperative_title", sentence.split()[0], IMPERATIVE_TITLE))
    ev.insert(0, Evidence(f"place:{place}", sentence, _PLACE_WEIGHT[place]))
    return score, tuple(ev)


#: A sentence that reports what others say ("Critics argue ...", "Some managers say ..."): the writer's own
#: position is elsewhere (an "I"/"we" who says so is the writer).
_REPORTED = re.compile(r"^(?!(?:I|We)\b)(?:[\w'’\-]+\s+){1,6}?(?:say|says|said|argue|argues|argued|claim|claims|"
                       r"claimed|insist|insists|warn|warns|warned|believe|believes|contend|contends)\b")
REPORTED_FACTOR = 0.3


#: Words that open a question title ("Why Extending Old Reactors Is Cheaper ...").
_QUESTION_OPEN = frozenset({"why", "how", "what", "when", "where", "who", "which", "whether", "is", "are", "does",
                            "do", "can", "should"})


def targets_of(text: str, article: Article | None = None) -> tuple[str, ...]:
    """Entities and policies the thesis is about, most salient first.

    Entities are capitalised runs in the thesis (ranked by how often the
    article repeats them); policies are action phrases with their object.
    """
    entities: list[str] = []
    text = POST_KIND.sub("", text)
    body = article.text if article is not None else ""
    words_all = re.findall(r"[A-Za-z][\w'\-]*", text)
    if _title_case(words_all):
        return _title_targets(text)
    imperative = imperative_verb(text)
    for m in _ENTITY.finditer(text):
        words = m.group(0).split()
        if imperative and m.start() == 0 and words[0].lower() == imperative:
            words = words[1:]  # "Build more bike lanes": the call's verb is not what it is about
        sentence_initial = m.start() == 0 or text[:m.start()].rstrip()[-1:] in ".!?:\"“"
        while words and (_POSSESSIVE.sub("", words[0]) in _STOP_CAPS or (sentence_initial and (
                words[0].endswith(("ing", "ed")) or words[0].lower() in lx.STOPPING_VERBS))):  # "End cash bail"
            words, sentence_initial = words[1:], False
        while words and words[0][:1].islower():  # "Keeping the Harlow Point": not "the Harlow Point"
            words = words[1:]
        if not words:
            continue
        if len(words) == 1 and m.start() == 0 and re.search(r"\b" + re.escape(words[0].lower()) + r"\b", body + " "
                                                          + text[1:].lower()) and words[0].lower() in (body + text[1:]):
            continue  # a common word capitalised only because it starts the sentence ("Most", "City")
        name = _POSSESSIVE.sub("", " ".join(words))
        follow = _NOUN_AFTER.match(text, m.end())
        if follow and _DEMONYM_END.search(name):
            name += " " + follow.group(1)  # "North Korean" + "refugees"
        entities.append(name)
    policies = [m.group(0).strip() for m in _POLICY.finditer(text)
                if not (imperative and m.start() == 0)] if _POLICY_KEYS.search(text) else []
    policies += _stopped_object(text)
    _, called, _ = called_object(text)
    if called and called not in policies:
        policies.append(called)  # "Bring back the buttons": the call is about the buttons
    subject = _SUBJECT.match(text)
    if subject:
        head = re.sub(r"^(?:the|a|an|our|their|its)\s+", "", subject.group(1).strip(), flags=re.IGNORECASE)
        inside = [e for e in entities if e.lower() in head.lower()]
        if head and not any(head.lower() in e.lower() for e in entities):
            entities = [head] + [e for e in entities if e not in inside]
    counts = Counter({e: body.count(e) for e in entities})
    ordered = sorted(dict.fromkeys(entities), key=lambda e: (-counts[e], entities.index(e)))
    out = list(dict.fromkeys(ordered + policies))
    return tuple(t for t in out if t)


def _stopped_object(text: str) -> list[str]:
    """The object of an opening call to stop something: "End cash bail" is about cash bail."""
    words = re.findall(r"[\w'\-]+|[^\w\s]", text)
    if not words or words[0].lower() not in lx.STOPPING_VERBS or words[0].endswith(("ing", "ed")):
        return []  # ("Scrapping parking minimums will ..." names its policy as the subject)
    obj = []
    for w in words[1:]:
        low = w.lower()
        if low in _TITLE_BREAK or not (w[:1].isalpha() and w[:1].islower()) or low in ("now", "today"):
            break
        obj.append(w)
    while obj and obj[0] in ("the", "a", "an", "our", "their", "its", "all"):
        obj = obj[1:]
    return [" ".join(obj)] if obj else []


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) / len(long) >= 0.75


#: Small words that end the object of an imperative title ("Ban Homework | in Primary School").
_TITLE_BREAK = frozenset({"in", "at", "on", "for", "from", "to", "of", "with", "by", "if", "only", "is", "are",
                          "beats", "works", "what", "when", "and", "or", "between", "?", ":", ".", "-", "–"})
#: Participles that open a title by saying what the piece does ("Exploring ...", "Rethinking ...").
_DISCOURSE_VERBS = frozenset({"exploring", "understanding", "examining", "explaining", "rethinking", "revisiting",
                              "analysing", "analyzing", "assessing", "evaluating", "reconsidering", "investigating",
                              "discussing", "considering", "questioning", "unpacking", "inside", "introducing"})
#: A series marker after the title ("Part II", "Episode 3"): names no target.
_SERIES = re.compile(r"^(?:part|episode|chapter|vol|volume|no|number)\.?\s+(?:[ivxlc]+|\d+|one|two|three|four|five)$")


def _title_targets(title: str) -> tuple[str, ...]:
    """Targets of a Title Case title: the object of its opening verb, then the other noun groups."""
    words = re.findall(r"[\w'\-]+|[?:.–-]", title.lower())
    groups: list[list[str]] = [[]]
    for w in words:
        if w in _TITLE_BREAK:
            groups.append([])
        else:
            groups[-1].append(w)
    out = []
    for g in groups:
        if g[:2] == ["bring", "back"]:
            g = g[2:]  # "Bring Back the Buttons"
        elif g and _IMPERATIVE.match(g[0]):
            g = g[1:]  # "Ban homework": the verb is not the target
        elif g is groups[0] and len(g) > 1 and g[0] in _DISCOURSE_VERBS:
            g = g[1:]  # "Exploring the connection ...": what the piece does is not what it is about
        while len(g) > 1 and g[0] in _QUESTION_OPEN:
            g = g[1:]  # "Why extending old reactors ...": the question word is no part of the topic
        if g and g[0] in ("a", "an", "the", "should"):
            g = g[1:]
        if g and not _SERIES.match(" ".join(g)):
            out.append(" ".join(g))
    return tuple(dict.fromkeys(out))
