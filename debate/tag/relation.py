"""Relation of a comment to its parent (or, for a top-level comment, to the article): agree / disagree / neutral.

Cues, each kept as evidence: agreement and disagreement markers (stronger in
the opening sentence, where replies usually take position), "Yes, ... but"
concessions (which turn against the parent: an agreement marker inside one
does not count), an opening "But"/"No", corrections ("Only if ...", "...
though."), challenging questions ("Are you saying ...?"), personal attacks,
and thanks (mild agreement; praise of the article itself is agreement with
it). A top-level comment relates to the article only through what it says
about it ("this article", "the author"); the rest is left to the thread step.

A reply with no cue at all is read for what it does: one that argues a claim of its own to a parent
that made one leans disagree (`argues_against`), unless it answers a question, only asks, or adds
to the parent ("Also, ...", "And ..."); so does one that corrects a figure of its parent.
"""

from __future__ import annotations

import math
import re
from itertools import compress, count
from typing import NamedTuple

from ..model import Evidence, Label
from ..text.clip import clip as _clip
from . import lexicons as lx
from .spans import Doc, analyze

#: Softmax logit of "neutral" for top-level comments: one clear marker (weight 1, 1.5 when opening) decides.
NEUTRAL_LOGIT = 0.8
#: Replies: most replies in argumentative threads take a side (Coarse Discourse finds agreement and
#: disagreement far more often in replies than in top-level comments), so a single weaker cue suffices.
NEUTRAL_LOGIT_REPLY = 0.45
#: Cues in the first sentence count this much more (replies state their position first).
OPENING_BOOST = 1.5
#: Markers that often appear in other senses ("exactly how", "indeed") count for half, and only opening a sentence.
WEAK = frozenset({"exactly", "absolutely", "indeed", "correct", "precisely", "wrong", "false", "hardly",
                  "naive", "a stretch", "not so", "disagree", "i doubt", "not at all", "no way",
                  "the problem is", "the problem with", "with respect", "respectfully", "except that",
                  "irrelevant", "incorrect", "yep", "yup", "amen"})
W_CONCESSION = 1.0
W_OPENING_CONTRAST = 1.0
W_CHALLENGE = 0.6
W_ATTACK = 1.0
#: Thanks alone say nothing of agreement: on the tuning sets (280 comments) the replies and comments
#: carrying one disagreed 7 times in 9 ("Thanks, council." in irony, "No thanks.", "Good catch, thank
#: you" before a correction); weighted 0.5 they were right 3 times in 9.
W_THANKS = 0.0
W_ARTICLE_PRAISE = 1.5
W_CORRECTIVE = 0.7
#: "Good." / "Bad idea." opening a top-level comment: a verdict on the article's proposal or news.
W_OPENER = 1.0
_OPENER_END = frozenset({".", "!", ",", "-", ":", "—"})
#: A last sentence that grants the parent's point and stops there.
_CLOSING_GRANT = re.compile(r"\s*(?:fair enough|fair point|good point|point taken|touch[eé]|you'?re right|"
                            r"ok,? (?:fair|you win)|noted|i stand corrected)\W*$", re.IGNORECASE)
#: A closing sentence this short that opens with a verdict ("Yes please.", "Good call by the council.")
#: judges the article as an opener does.
CLOSER_MAX_TOKENS = 6
W_EMPHATIC = 0.7
#: The reply negates words of its parent.
W_NEGATED_ECHO = 0.6
#: The reply quotes its parent: it answers a claim, most often to contest it.
W_QUOTE_REPLY = 0.3
#: A reply that argues (a claim of its own, engaging the parent's words, a negation or a figure) and
#: shows no agreement: in debate threads such replies are far more often rebuttals than asides, so
#: it leans disagree (0.6 > NEUTRAL_LOGIT_REPLY: alone it just tips the label; any agreement cue,
#: an "Also, ..." addition, an answer to a question, or a question-only reply cancels it).
W_ARGUES = 0.6
#: Words a claim needs to count as arguing ("There is a protected lane on the ring road").
ARGUES_MIN_WORDS = 5
#: The reply repeats one of the parent's figures and gives another ("the 18% is gross ... closer to 7%").
W_FIGURE = 0.6
#: "Good point, but ...": an agreement marker followed by a turn in its sentence concedes, then contests.
W_MARKER_TURN = 0.5
#: "Fair," / "True." opening a reply, with no turn after it: granting the parent's point.
_GRANT_WORDS = frozenset({"fair", "true", "right", "correct", "agreed"})
W_GRANT = 1.0
#: A top-level comment without a word about the article: its cues may address anyone.
TOP_LEVEL_UNANCHORED = 0.5
#: Reply openings that correct or qualify what they answer ("Only if ...", "It doesn't have to").
_CORRECTIVE_OPEN = re.compile(r"^\W*(?:only if|not if|not necessarily|not really|that's not|that is not|"
                              r"it doesn't|it does not|it isn't|it is not|nothing in|then|even so|except)\b",
                              re.IGNORECASE)
#: "@name", "Adam," or "SP," at the start: the address, not the first word of the reply.
_ADDRESS = re.compile(r"^\s*(?:@[\w.\-]+[,:]?|(?:dear\s+)?[A-Z][\w.\-]{0,30}(?:\s[A-Z][\w.\-]{0,30})?\s*,)\s*")
#: Words that open a reply with a comma but address nobody ("Agree, but ...", "Exactly, ...").
_NOT_ADDRESS = re.compile(r"\s*(?:but|no|yes|however|actually|well|so|and|sure|true|ok|okay|agree|agreed|exactly|"
                          r"right|correct|indeed|absolutely|this|same|wrong|nope|nah|yeah|yep|fair|thanks|honestly|"
                          r"interesting|hmm|wow|also|still|then|sorry|look|listen|again|anyway)\s*,", re.IGNORECASE)
_YOU = frozenset({"you", "your", "you're", "yours"})


class RelationScore(NamedTuple):
    """A comment's relation cues as a margin and a distribution (immutable; a named tuple, as
    `stance.StanceScore`: one is made per comment, and a frozen dataclass costs several times more
    to build)."""

    margin: float  # > 0 agree, < 0 disagree
    probs: tuple[float, float, float]  # agree, disagree, neutral
    evidence: tuple[Evidence, ...]

    def label(self) -> Label:
        p = self.probs
        i = 0  # the most probable; on a tie, the first
        if p[1] > p[i]:
            i = 1
        if p[2] > p[i]:
            i = 2
        ev = self.evidence or _NO_CUE
        # (value, score, evidence, decided_by), positional: keywords cost a third more per record
        return Label(("agree", "disagree", "neutral")[i], round(self.probs[i], 4), ev, "local")


_NO_CUE = (Evidence("no_cue", "no agreement or disagreement cue", 0.0),)  # (built once: records are immutable)


def relation_of(text: str, *, top_level: bool = False) -> Label:
    """Local relation label of one comment to what it answers."""
    return score_relation(text, top_level=top_level).label()


def score_relation(text: str | Doc, *, top_level: bool = False, parent: Doc | None = None,
                   parent_answers: bool = False) -> RelationScore:
    """Relation cues of one comment; `parent` (the analysed parent comment) enables the negated-echo cue;
    `parent_answers`: the parent answers a question (a reply to an answer takes it in or asks on, rather
    than argues against it, unless its own cues say so)."""
    doc = text if isinstance(text, Doc) else analyze(text)
    ev: list[Evidence] = []
    margin = 0.0
    inside: set[int] = set()
    for a, b in concessions(doc):
        margin -= W_CONCESSION
        inside.update(range(a, b))
        ev.append(Evidence("concession", _clip(doc.span_text(a, b)), -W_CONCESSION))
    cues, toks = doc.cues, doc.toks
    # only sentences holding a cue of these families can add evidence below
    # (a Doc's cues hold only the families that matched: most comments have none of these)
    cued = sorted({doc.sentence_of(a) for fam in _SENTENCE_FAMILIES for a, _ in cues.get(fam, ())}) \
        if not _SENTENCE_FAMILY_SET.isdisjoint(cues) else ()
    for i in cued:
        boost = OPENING_BOOST if i == 0 else 1.0
        first = doc.sent_first_tok[i]
        for a, b in doc.in_sentence("agree", i):
            if a in inside:
                continue  # "I agree ... but": the turn decides
            cue = " ".join(toks[a:b])
            if cue in WEAK and a != first:
                continue
            if not top_level and any(ta >= b for ta, _ in doc.in_sentence("concession_turn", i)):
                margin -= W_MARKER_TURN  # "Habits are a fair point, though nobody has measured them"
                ev.append(Evidence("conceded_marker", _clip(doc.sentence(i)), -W_MARKER_TURN))
                continue
            w = (0.5 if cue in WEAK else 1.0) * boost
            margin += w
            ev.append(Evidence("agree_marker", doc.span_text(a, b), round(w, 3)))
        for a, b in doc.in_sentence("disagree", i):
            cue = " ".join(toks[a:b])
            if cue in WEAK and a != first:
                continue
            w = (0.5 if cue in WEAK else 1.0) * boost
            margin -= w
            ev.append(Evidence("disagree_marker", doc.span_text(a, b), round(-w, 3)))
        rhetorical = doc.in_sentence("rhetorical", i)
        attacks = doc.in_sentence("attack", i)
        if rhetorical or attacks:
            rng = doc.sentence_tokens(i)
            has_you = not _YOU.isdisjoint(toks[rng.start:rng.stop])
            if has_you and rng and toks[rng.stop - 1] == "?" and rhetorical:
                margin -= W_CHALLENGE
                ev.append(Evidence("challenge_question", _clip(doc.sentence(i)), -W_CHALLENGE))
            if has_you:
                for a, b in attacks:
                    margin -= W_ATTACK
                    ev.append(Evidence("personal_attack", doc.span_text(a, b), -W_ATTACK))
        for a, b in doc.in_sentence("appreciation", i):
            # praising the article itself ("Great article") is agreeing with it
            w = W_ARTICLE_PRAISE if top_level and doc.in_sentence("article_ref", i) else W_THANKS
            if top_level and " ".join(toks[a:b]).endswith(("article", "piece", "post", "essay")):
                w = W_ARTICLE_PRAISE
            if w:
                margin += w
                ev.append(Evidence("appreciation", doc.span_text(a, b), w))
    body = _skip_address(doc.text)
    if not top_level:
        m = _CORRECTIVE_OPEN.match(body)
        corr = next(((a, b) for a, b in cues["corrective"] if doc.sentence_of(a) < 2), None) \
            if "corrective" in cues else None
        if m or corr:
            margin -= W_CORRECTIVE
            ev.append(Evidence("corrective", (m.group(0).strip() if m else doc.span_text(*corr)), -W_CORRECTIVE))
        if doc.quotes or (">" in doc.text and doc.text.lstrip().startswith(">")):
            margin -= W_QUOTE_REPLY
            ev.append(Evidence("quotes_parent", "answers a quoted claim", -W_QUOTE_REPLY))
    if top_level and toks:
        opener = [(fam, a) for fam in ("approval_open", "disapproval_open") for a, _ in cues.get(fam, ())
                  if a == 0 and (len(toks) == 1 or toks[_end(doc, fam)] in _OPENER_END)]
        for fam, a in opener:
            w = W_OPENER if fam == "approval_open" else -W_OPENER
            margin += w / TOP_LEVEL_UNANCHORED  # an opener judges the article: not scaled down below
            ev.append(Evidence("approval_opener" if w > 0 else "disapproval_opener",
                               doc.span_text(a, _end(doc, fam)), w))
        if not opener and len(doc.sent_spans) > 1:
            # a short verdict to close ("... Yes please.", "... Good call by the council.")
            last = doc.sentence_tokens(len(doc.sent_spans) - 1)
            if len(last) <= CLOSER_MAX_TOKENS and doc.text.rstrip()[-1:] != "?":
                for fam in ("approval_open", "disapproval_open"):
                    b = next((b for a, b in cues.get(fam, ()) if a == last.start), None)
                    if fam == "approval_open" and doc.toks[last.start] in lx.SARCASTIC_CLOSERS:
                        continue  # "... become criminals overnight. Great.": mock praise (acts: sarcasm)
                    if b is not None and (b >= last.stop or doc.toks[b] in _OPENER_END or fam == "approval_open"):
                        w = W_OPENER if fam == "approval_open" else -W_OPENER
                        margin += w / TOP_LEVEL_UNANCHORED
                        ev.append(Evidence("approval_closer" if w > 0 else "disapproval_closer",
                                           doc.span_text(last.start, min(b, last.stop)), w))
                        break
    if not top_level:
        emph = _emphatic_do(doc)
        if emph:
            margin -= W_EMPHATIC
            ev.append(Evidence("emphatic_do", emph, -W_EMPHATIC))
    if parent is not None and not top_level and "?" not in parent.text:
        # (an answer to a question often negates its words without disagreeing: "Why not X?" "Because ... don't X")
        # (every "?" of a comment's text is one of its tokens: the text is searched, at C speed, not the tokens)
        echo = negated_echo(doc, parent)
        if echo:
            margin -= W_NEGATED_ECHO
            ev.append(Evidence("negated_echo", echo, -W_NEGATED_ECHO))
    if not top_level and toks and toks[0] == "so" and (len(doc.sent_spans) == 1 or doc.sent_first_tok[1] > 1) \
            and toks[doc.sentence_tokens(0).stop - 1] == "?":
        # "So the only acceptable policy is one with zero waste?": restating the parent to question its premise
        margin -= W_CHALLENGE
        ev.append(Evidence("premise_question", _clip(doc.sentence(0)), -W_CHALLENGE))
    elif "and" in toks[:4] and _follow_up_challenge(doc):
        # "And where do the other 23 cars go?": a question the parent's (or the article's) plan leaves open
        margin -= W_CHALLENGE
        ev.append(Evidence("follow_up_challenge", _clip(doc.sentence(0)), -W_CHALLENGE))
    first_word = _FIRST_WORD.match(body)
    opening = first_word.group(1).lower() if first_word else ""  # (letters only: empty without a match)
    if opening == "agree" and not cues.get("agree"):
        # "Agree, but ..." (the bare verb is no cue elsewhere: "I don't agree")
        margin += OPENING_BOOST
        ev.append(Evidence("agree_marker", first_word.group(1), OPENING_BOOST))
    elif not top_level and opening in _GRANT_WORDS and \
            body[first_word.end():first_word.end() + 1] in (",", ".", "!") and not concessions(doc) and \
            not any(doc.sentence_of(a) == 0 for a, _ in cues.get("concession_turn", ())):
        # "Fair, the shelter is a real problem." / "True." granting the parent's point without a turn
        margin += W_GRANT
        ev.append(Evidence("agree_marker", first_word.group(1), W_GRANT))
    if not top_level and len(doc.sent_spans) > 1 and not concessions(doc) and \
            _CLOSING_GRANT.match(doc.sentence(len(doc.sent_spans) - 1)):
        # "Huh, didn't know that. Fair enough.": a reply that ends by granting the point accepts it
        margin += W_GRANT
        ev.append(Evidence("agree_marker", doc.sentence(len(doc.sent_spans) - 1).strip(), W_GRANT))
    if opening in ("but", "no", "however", "actually", "nope"):
        margin -= W_OPENING_CONTRAST
        ev.append(Evidence("opening_contrast", first_word.group(1), -W_OPENING_CONTRAST))
    at = _after_address(toks)  # "@paula this.": after the address
    if not top_level and toks and len(toks) <= 3 + at and toks[at] in ("this", "same") and \
            (len(toks) == at + 1 or toks[at + 1] in "!."):
        margin += OPENING_BOOST  # "This." or "Same." alone opening a reply: Reddit's "+1"
        ev.append(Evidence("agree_marker", doc.span_text(at, at + 1), OPENING_BOOST))
    elif not top_level and len(toks) > at + 1 and toks[at] in ("this", "same") and toks[at + 1] in (".", "!") \
            and doc.sent_first_tok[1:2] == [at + 2]:
        # "This. ..." / "Same. ..." opening a reply (a sentence of its own)
        margin += OPENING_BOOST
        ev.append(Evidence("agree_marker", doc.span_text(at, at + 1), OPENING_BOOST))
    if parent is not None and not top_level and -NEUTRAL_LOGIT_REPLY < margin <= 0 and \
            (not ev or all(e.weight < 0 for e in ev)):
        # nothing decided it, and nothing agrees: does the reply correct a figure, or argue a claim of its own?
        fig = corrected_figure(doc, parent)
        if fig:
            margin -= W_FIGURE
            ev.append(Evidence("corrects_figure", fig, -W_FIGURE))
        else:
            claim = "" if parent_answers else arguing_claim(doc, parent)
            if claim:
                margin -= W_ARGUES
                ev.append(Evidence("argues_against", claim, -W_ARGUES))
    if top_level and not cues.get("article_ref") and \
            not _opens(cues, "agree") and not _opens(cues, "disagree"):
        margin *= TOP_LEVEL_UNANCHORED  # ("Agree, but ..." opening a top-level comment answers the article)
    return RelationScore(round(margin, 4), _distribution(margin, NEUTRAL_LOGIT if top_level else NEUTRAL_LOGIT_REPLY),
                         tuple(ev))


def _distribution(margin: float, neutral_logit: float) -> tuple[float, float, float]:
    """Softmax of (margin, -margin, neutral_logit), rounded. Remembered (up to `_DISTRIBUTIONS_MAX`):
    margins are sums of a few fixed cue weights, so most comments share a handful of them."""
    key = (margin, neutral_logit)
    got = _DISTRIBUTIONS.get(key)
    if got is None:
        logits = (margin, -margin, neutral_logit)
        top = max(logits)
        e0, e1, e2 = math.exp(logits[0] - top), math.exp(logits[1] - top), math.exp(logits[2] - top)
        z = sum((e0, e1, e2))  # sum(), not +: from Python 3.12 it rounds differently, and scores must not move
        got = (round(e0 / z, 6), round(e1 / z, 6), round(e2 / z, 6))
        if len(_DISTRIBUTIONS) < _DISTRIBUTIONS_MAX:
            _DISTRIBUTIONS[key] = got
    return got


_DISTRIBUTIONS: dict[tuple[float, float], tuple[float, float, float]] = {}
_DISTRIBUTIONS_MAX = 4096


#: Cue families read sentence by sentence in `score_relation`.
_SENTENCE_FAMILIES = ("agree", "disagree", "rhetorical", "attack", "appreciation")
_SENTENCE_FAMILY_SET = frozenset(_SENTENCE_FAMILIES)


def _opens(cues: dict[str, list[tuple[int, int]]], family: str) -> bool:
    """A match of `family` starts at token 0 (a family's matches are in token order)."""
    spans = cues.get(family)
    return bool(spans) and spans[0][0] == 0
_FIRST_WORD = re.compile(r"\W*([A-Za-z]+)")


def _end(doc: Doc, family: str) -> int:
    """End token of the family's match at token 0 (clamped to the last token)."""
    b = next(b for a, b in doc.cues[family] if a == 0)
    return min(b, len(doc.toks) - 1)


def concessions(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of "Yes/Granted/Of course ... but" turns (opener, then a turn within one more sentence).

    Computed once per doc (relation and acts both read them); do not change the list returned.
    """
    got = doc.memo.get("concessions")
    if got is None:
        got = doc.memo["concessions"] = _concessions(doc)
    return got


def _concessions(doc: Doc) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not doc.cues.get("concession_open"):
        return out
    CONCESSION_SPAN = lx.CONCESSION_SPAN
    turns = doc.cues.get("concession_turn", [])
    last = -1
    for a, b in doc.cues.get("concession_open", []):
        if a < last:
            continue
        s = doc.sentence_of(a)
        for ta, tb in turns:
            if ta >= b and ta - a <= CONCESSION_SPAN and doc.sentence_of(ta) <= s + 1:
                out.append((a, tb))
                last = tb
                break
    return out


#: Emphatic "do" in a statement ("Readers do use them", "studies do find losses"): insisting on
#: what the other said is not so. Auxiliary "do" before a pronoun or in a question is excluded.
_EMPHATIC = re.compile(
    r"\b(?!(?:i|we|they|you|he|she|it|what|as|that|which|who|how|why|if|than)\b)[A-Za-z]\w*\s+(?:do|does|did)\s+"
    r"(?!(?:not|you|we|they|it|so|too|that|this|every|the|a|an|all|more|less|well|what|nothing|something|"
    r"anything|much|both|either)\b|n't)[a-z]{3,}", re.IGNORECASE)


_DO = frozenset({"do", "does", "did"})
#: The white space just before a "do", "does" or "did" followed by white space, as `_EMPHATIC` reads
#: them (same flags: case-insensitive matching may take other letters for these in non-ASCII text).
_DO_AFTER_SPACE = re.compile(r"\s(?=(?:do|does|did)\s)", re.IGNORECASE)


def _emphatic_do(doc: Doc) -> str:
    # The pattern needs "do", "does" or "did" between spaces, hence as a token of the sentence: the
    # pattern runs only on sentences that have one (on any sentence of non-ASCII text, where
    # case-insensitive matching may take other letters for these).
    ascii = doc.text.isascii()
    if ascii and _DO.isdisjoint(doc.toks):
        return ""
    for i in range(min(3, len(doc.sent_spans))):
        if ascii:
            rng = doc.sentence_tokens(i)
            if _DO.isdisjoint(doc.toks[rng.start:rng.stop]):
                continue
        s = doc.sentence(i)
        if s.rstrip().endswith("?"):
            continue
        found = _emphatic_in(s)
        if found:
            return found
    return ""


def _emphatic_in(s: str) -> str:
    """The text of `_EMPHATIC.search(s)` ("" if none), several times faster: the pattern is tried only
    where a match can start.

    A match is a word, white space, then "do"/"does"/"did" and white space: it starts where the word
    before such a "do" starts (the white space before the "do" found at C speed, then the word walked
    back to by hand: `str.isspace` and `str.isalnum` or "_" are the pattern's \\s and \\w). Those
    starts rise with the "do"s, so the first that matches is the match `search` finds.
    """
    for m in _DO_AFTER_SPACE.finditer(s):
        end = m.start()  # the word before the "do" ends where its white space starts
        while end > 0 and s[end - 1].isspace():
            end -= 1
        start = end
        while start > 0 and (s[start - 1].isalnum() or s[start - 1] == "_"):
            start -= 1
        if start < end:
            got = _EMPHATIC.match(s, start)
            if got:
                return got.group(0)
    return ""


def negated_echo(doc: Doc, parent: Doc) -> str:
    """A sentence that repeats the parent's words under a negation ("It doesn't have to require it"
    after "Nothing requires lower rents"): the classic sign of contradicting what was said."""
    if True not in doc.negated:
        return ""
    said = parent.content_words()
    if not said:
        return ""
    toks, negated = doc.toks, doc.negated
    # the first sentence with such a word is the one of the first such token (the negated tokens, usually
    # a few, picked at C speed)
    first = next((j for j in compress(count(), negated) if toks[j] in said), None)
    if first is None:
        return ""
    i = doc.sentence_of(first)
    shared = sorted({toks[j] for j in doc.sentence_tokens(i) if negated[j] and toks[j] in said})
    return f"{', '.join(shared[:3])} (negated): {_clip(doc.sentence(i), 100)}"


#: Figures as the tokenizer reads them ("18%", "1,200", "3.5").
#: (A plain character class: Python scans for its first character quickly, several times faster than
#: a pattern starting with \d; a trailing "." or "," is stripped after.)
_NUMBER = re.compile(r"[0-9][0-9.,]*%?")


def corrected_figure(doc: Doc, parent: Doc) -> str:
    """The reply names a figure of its parent and a different one: a correction of the figure."""
    mine = _NUMBER.findall(doc.text)
    if len(mine) < 2:
        return ""
    mine = [n.rstrip(".,") for n in mine]
    theirs = {n.rstrip(".,") for n in _NUMBER.findall(parent.text)}
    same = [t for t in mine if t in theirs]
    other = [t for t in mine if t not in theirs]
    if not same or not other:
        return ""
    return f"{same[0]} -> {other[0]}"


def arguing_claim(doc: Doc, parent: Doc) -> str:
    """The sentence that shows a reply argues a point of its own to a parent that made one.

    Empty when the parent asks (a reply answers it), is gone or says nothing, when the reply only asks,
    opens as an addition ("Also, ...") or an answer ("Because ..."), or its claims have fewer than
    `ARGUES_MIN_WORDS` words. The evidence is the reply's first claim. (The parent's content words are
    not compared: computing them for every parent costs more than the cue gains.)
    """
    if "?" in parent.text or len(parent.toks) < ARGUES_MIN_WORDS:
        return ""  # it asks (a reply answers it), or it is gone ("[deleted]") or says next to nothing
    elab = doc.cues.get("elaboration")
    if (elab and elab[0][0] == 0) or _adds(doc.toks):
        return ""
    if doc.cues.get("answer") and doc.cues["answer"][0][0] == 0:
        return ""
    toks = doc.toks
    if doc.cues.get("appreciation") and not doc.cues.get("concession_turn"):
        # "Thanks, I had not seen that.", "Lovely article, I've shared it.", "That's the point I should have led
        # with. Thanks.": it takes the point in or praises (a turn, "Thanks, but ...", still argues)
        return ""
    if len(doc.sent_spans) > 1 and doc.sent_first_tok[1] <= 3 and \
            " ".join(t for t in toks[:doc.sent_first_tok[1]] if t[0].isalpha()) in _TAKING_IN:
        return ""  # "Oh. Well that's fine then", "Good. Internal is where ...": it takes the parent's point in
    # "Incidence is an empirical question Is there ...?": a quoted opening is no claim of the reply's own
    # (it only matters when the rest asks)
    skip = _quoted_prefix(toks, parent.toks) if "?" in doc.text else 0
    first = -1  # the first claim: a sentence that states rather than asks
    words = 0
    asks_first = False
    for i in range(len(doc.sent_spans)):
        rng = doc.sentence_tokens(i)
        if not rng or rng.stop <= skip:
            continue
        if toks[rng.stop - 1] == "?":
            asks_first = asks_first or first < 0
            continue
        start = max(rng.start, skip)
        if asks_first:
            sent = toks[start:rng.stop]
            if lx.NEGATORS.isdisjoint(sent) and "n't" not in doc.sentence(i):
                continue  # "Do you have a link? I'd like to read it": a request, not a counter-claim
        if first < 0:
            first = i
        if words < ARGUES_MIN_WORDS:
            # (a sentence of twice as many tokens surely has that many words)
            n = rng.stop - start
            words += n if n >= 2 * ARGUES_MIN_WORDS else sum(1 for t in toks[start:rng.stop] if t[0].isalnum())
        if words >= ARGUES_MIN_WORDS:
            break
    if words < ARGUES_MIN_WORDS:
        return ""
    return _clip(doc.sentence(first), 100)


#: A first sentence that only takes in what the parent said ("Oh.", "Ah, ok.", "Good.", "Got it."): what
#: follows builds on it rather than argues against it.
_TAKING_IN = frozenset({"oh", "ah", "ahh", "huh", "ok", "okay", "oh ok", "ah ok", "oh okay", "ah okay", "good",
                        "got it", "gotcha", "i see", "makes sense", "right", "oh right", "ah right", "noted"})


#: Openings that add to the parent's point rather than answer it ("And the buildings ...", "Plus, ...",
#: "Even worse, ..."), besides the elaboration cues ("Also", "In addition").
_ADDITION_WORDS = frozenset({"and", "plus"})
_ADDITION_OPEN = ("not to mention", "even worse", "worse still", "what's worse", "worse yet", "on top of")


def _adds(toks: list[str]) -> bool:
    if not toks:
        return False
    if toks[0] in _ADDITION_WORDS:
        return True
    return toks[0] in ("not", "even", "worse", "what's", "on") and " ".join(toks[:3]).startswith(_ADDITION_OPEN)


#: Tokens a reply must repeat from its parent's text to count as quoting it (Reddit quotes whose ">" was lost).
QUOTE_MIN_TOKENS = 4


def _quoted_prefix(toks: list[str], parent: list[str]) -> int:
    """How many opening tokens of the reply repeat a run of the parent's tokens (0 if under `QUOTE_MIN_TOKENS`)."""
    if len(toks) < QUOTE_MIN_TOKENS or " ".join(toks[:QUOTE_MIN_TOKENS]) not in " ".join(parent):
        return 0  # (the common case, checked at C speed)
    best = 0
    for j, t in enumerate(parent):
        if t != toks[0]:
            continue
        k = 0
        while k < len(toks) and j + k < len(parent) and parent[j + k] == toks[k]:
            k += 1
        best = max(best, k)
    return best if best >= QUOTE_MIN_TOKENS else 0


_WH = frozenset({"how", "where", "what", "who", "whose", "why", "when", "which"})


def _follow_up_challenge(doc) -> bool:
    """The reply opens (after an @address) with "And" and a question word, and its first sentence asks
    ("And how exactly would this be enforced?", "@Steve And where do the cars go?"): gold replies of
    this shape disagreed 4 times in 4 (session 9); with "whose" ("And whose fault is that?") 1 in 1. At the
    article ("And who pays for it?", 2 gold comments, both disagree) it is shown as evidence, but alone it
    does not outweigh a top-level comment's lean to neutral."""
    toks = doc.toks
    k = _after_address(toks)
    return toks[k] == "and" and k + 1 < len(toks) and toks[k + 1] in _WH \
        and toks[doc.sentence_tokens(0).stop - 1] == "?"


def _after_address(toks: list[str]) -> int:
    """Index of the first token after an opening "@name" (tokens "@", "name"), else 0."""
    return 2 if toks[:1] == ["@"] and len(toks) > 2 else 0


def _skip_address(text: str) -> str:
    m = _ADDRESS.match(text)
    if m and not _NOT_ADDRESS.match(m.group(0)):
        return text[m.end():]
    return text
