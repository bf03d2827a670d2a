"""Claim sentences: which sentences of a comment state a position, and how central they are.

"Who argued what" quotes each participant's main claims. A sentence counts as a
claim when it carries a claim marker (a normative "should", an opinion frame
"I think", a reasoning connective "because", an evaluative "is wrong"), after
the argument-mining practice of spotting claims by such indicators; its
salience is how central its vocabulary is to the whole thread (cosine
similarity of its TF-IDF vector to the thread's centroid), so that a marked
sentence about the topic outranks a marked aside. Pure functions; deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Thread

#: Claim markers and their weights. Normative and opinion frames state a position outright
#: (weight 1.0 / 0.8); reasoning connectives signal a claim with its support (0.6); evaluative
#: and certainty words mark a judgement (0.5). Hand-written for this project; the ranking, not
#: the exact numbers, matters (they only order sentences within one participant).
MARKERS: tuple[tuple[str, float, str], ...] = (
    ("normative", 1.0, r"\b(?:should(?:n't| not)?|must(?:n't| not)?|ought to|need(?:s)? to|has to|have to|"
                       r"(?:is|are) (?:required|obliged) to|cannot|can't)\b"),
    ("opinion", 0.8, r"\b(?:i (?:(?:do not|don't|really|still|honestly) )?(?:think|believe|feel|doubt|suspect|guess|agree|"
                     r"disagree|want|would rather|prefer)|in my (?:view|opinion)|we need|"
                     r"imo|imho|my (?:view|point|opinion) is|i'm (?:sure|convinced)|i am (?:sure|convinced))\b"),
    ("reasoning", 0.6, r"\b(?:because|since|therefore|thus|hence|so that|that's why|that is why|which means|"
                       r"as a result|consequently|the (?:point|problem|issue|fact) is)\b"),
    ("evaluation", 0.5, r"\b(?:(?:is|are|was|were)(?: not)? (?:wrong|right|unfair|fair|absurd|ridiculous|"
                        r"unacceptable|necessary|essential|better|worse|true|false|a mistake|the answer)|"
                        r"clearly|obviously|undeniably|of course|no doubt|it is time|it's time)\b"),
    ("contrast", 0.3, r"\b(?:but|however|yet|nevertheless|on the other hand|instead)\b"),
)
_COMPILED = tuple((name, weight, re.compile(rx, re.IGNORECASE)) for name, weight, rx in MARKERS)
#: Sentences shorter than this many words rarely state a claim ("Exactly.", "Thanks!").
MIN_WORDS = 4
#: Without any marked sentence, a participant is represented by a central sentence of at least this
#: many words when there is one (list fragments like "2. an exemption," are central but say little).
FALLBACK_MIN_WORDS = 6
#: A question asserts less than a statement; its marker score is scaled by this factor.
QUESTION_FACTOR = 0.5
#: Claims quoted per participant in "who argued what" (readability of the section).
CLAIMS_PER_PARTICIPANT = 3
#: Claim sentences a single comment contributes to key points, so one long comment cannot
#: outweigh several short ones that make the same point.
CLAIMS_PER_COMMENT = 3
#: Flags of comments that are not discussion turns: they state no claim.
NOT_DISCUSSION = frozenset({"deleted", "removed", "spam", "unapproved", "pingback", "trackback", "empty"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@dataclass(frozen=True)
class Claim:
    """A sentence of a comment with its claim score.

    `markers` names the marker kinds that fired with the words that fired them;
    `score` = marker score + salience (+ thesis overlap), used only for ranking.
    """

    comment_id: str
    speaker: str | None
    sentence: str
    position: int  # sentence index within the comment
    markers: tuple[tuple[str, str], ...]
    marker_score: float
    salience: float
    score: float

    @property
    def is_marked(self) -> bool:
        return self.marker_score > 0


def split(text: str) -> list[str]:
    """Sentences of a text, using the project's offline splitter."""
    from ..text.sentences import split_sentences

    return [s for s in split_sentences(text or "") if s.strip()]


def markers_in(sentence: str) -> tuple[tuple[tuple[str, str], ...], float]:
    """The claim markers a sentence carries, and its marker score."""
    found: list[tuple[str, str]] = []
    score = 0.0
    for name, weight, rx in _COMPILED:
        m = rx.search(sentence)
        if m:
            found.append((name, m.group(0)))
            score += weight
    if sentence.rstrip().endswith("?"):
        score *= QUESTION_FACTOR
    return tuple(found), round(score, 3)


def claim_sentences(thread: Thread) -> list[Claim]:
    """Every sentence of every comment (long enough to be a claim) with its scores, in source order."""
    rows: list[tuple[str, str | None, int, str]] = []
    for c in thread.comments:
        if NOT_DISCUSSION & set(c.flags):
            continue
        for i, s in enumerate(split(c.text)):
            if len(_WORD.findall(s)) >= MIN_WORDS:
                rows.append((c.id, c.speaker, i, s))
    if not rows:
        return []
    salience = _salience([r[3] for r in rows])
    thesis_terms = _terms(thread.thesis.text) if thread.thesis else set()
    out = []
    for (cid, speaker, pos, sentence), sal in zip(rows, salience):
        found, mscore = markers_in(sentence)
        overlap = 0.0
        if thesis_terms:
            overlap = len(_terms(sentence) & thesis_terms) / len(thesis_terms)
        out.append(Claim(cid, speaker, sentence, pos, found, mscore, round(sal, 3),
                         round(mscore + sal + overlap, 3)))
    return out


def main_claims(claims: list[Claim], per_participant: int = CLAIMS_PER_PARTICIPANT) -> dict[str | None, list[Claim]]:
    """Each speaker's best claims: marked sentences first, by score; an unmarked one only if none is marked.

    Ties are broken by source order, so the result is deterministic.
    """
    order = {id(c): i for i, c in enumerate(claims)}
    by_speaker: dict[str | None, list[Claim]] = {}
    for c in claims:
        by_speaker.setdefault(c.speaker, []).append(c)
    out = {}
    for speaker, cs in by_speaker.items():
        marked = [c for c in cs if c.is_marked]
        pool = marked or _substantial(cs)
        best = sorted(pool, key=lambda c: (-c.score, order[id(c)]))[:per_participant if marked else 1]
        out[speaker] = sorted(best, key=lambda c: order[id(c)])
    return out


def comment_claims(claims: list[Claim]) -> list[Claim]:
    """The claim sentences key points are built from: every marked sentence, and for a comment
    with none, its most salient sentence (so every comment can count towards a key point)."""
    by_comment: dict[str, list[Claim]] = {}
    for c in claims:
        by_comment.setdefault(c.comment_id, []).append(c)
    out = []
    for cs in by_comment.values():
        marked = [c for c in cs if c.is_marked]
        if marked:
            best = sorted(marked, key=lambda c: (-c.score, c.position))[:CLAIMS_PER_COMMENT]
            out.extend(sorted(best, key=lambda c: c.position))
        else:
            out.append(max(_substantial(cs), key=lambda c: (c.salience, -c.position)))
    return out


def _substantial(cs: list[Claim]) -> list[Claim]:
    """The sentences long enough to stand for a comment on their own, or all if none is."""
    return [c for c in cs if len(_WORD.findall(c.sentence)) >= FALLBACK_MIN_WORDS] or cs


def _terms(text: str, stop: frozenset[str] | None = None) -> set[str]:
    if stop is None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as stop
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in stop}


def _salience(sentences: list[str]) -> list[float]:
    """Cosine similarity of each sentence's TF-IDF vector to the mean vector of all sentences."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(sentences)
    except ValueError:  # only stop words everywhere
        return [0.0] * len(sentences)
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = float(np.linalg.norm(centroid))
    if norm == 0:
        return [0.0] * len(sentences)
    sims = matrix @ (centroid / norm)
    return [float(v) for v in np.asarray(sims).ravel()]
