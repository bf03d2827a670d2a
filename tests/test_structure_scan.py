"""`scan` gives exactly what a full regex scan gives, including the Unicode characters that
`re.IGNORECASE` matches to ASCII letters; and the cue detectors that use it agree with plain scans."""

from __future__ import annotations

import random
import re

import pytest

from debate.structure import cues, scan

SPECIALS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K: match i, i, s, k under re.IGNORECASE


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    pieces = ["your", "YOUR", "you", "Yo\u017fu", "\u0130", "my", "our", "comment 3", "#4", "@ann", "as I said",
              "thank you", "  ", "\n", "x", "Your own house", "\u212aim", "ſon", "the first comment", "I'm OP"]
    return ["".join(rng.choice(pieces + list(SPECIALS)) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_no_other_character_folds_to_an_ascii_letter():
    """The premise of `scan.fold`: only four non-ASCII characters match ASCII letters case-insensitively,
    and str.lower keeps every other character one character long."""
    letter = re.compile("[a-z]", re.I)
    every = [chr(cp) for cp in range(128, 0x110000) if not 0xD800 <= cp < 0xE000]
    assert {c for c in every if letter.match(c)} == set(SPECIALS)
    assert [c for c in every if len(c.lower()) != 1] == ["\u0130"]
    assert all(len(scan.fold(c)) == 1 and scan.fold(c) == c.lower() for c in every if c not in SPECIALS)


@pytest.mark.parametrize("pattern, keys", [
    (re.compile(r"\byour\s+(\w+)", re.I), ("your",)),
    (re.compile(r"\b(?:my|our)\s+(\w+)", re.I), ("my", "our")),
    (re.compile(r"\bI(?:'m| am) OP\b", re.I), ("i'm op", "i am op")),
    (re.compile(r"(?<![\w@])@(\w+)|\bcomment\s*(\d)", re.I), ("@", "comment")),
])
def test_scan_matches_full_scan(pattern, keys):
    for text in _texts(3, 400):
        assert [m.span() for m in scan.finditer(pattern, text, keys)] == [m.span() for m in pattern.finditer(text)]
        full = pattern.search(text, 2)
        got = scan.search(pattern, text, keys, 2)
        assert (got and got.span()) == (full and full.span())
        assert scan.sub(pattern, " ", text, keys) == pattern.sub(" ", text)


def test_long_texts_search_lazily_with_the_same_result(monkeypatch):
    pattern = re.compile(r"\b(?:my|our)\s+(\w+)", re.I)
    for text in _texts(5, 40):
        long = (text + " filler words here ") * 50
        monkeypatch.setattr(scan, "LAZY_FROM", 10)
        lazy = [scan.search(pattern, long, ("my", "our"), pos) for pos in (0, 7, len(long) // 2)]
        monkeypatch.setattr(scan, "LAZY_FROM", 10**9)
        eager = [scan.search(pattern, long, ("my", "our"), pos) for pos in (0, 7, len(long) // 2)]
        full = [pattern.search(long, pos) for pos in (0, 7, len(long) // 2)]
        assert [m and m.span() for m in lazy] == [m and m.span() for m in eager] == [m and m.span() for m in full]


def test_special_characters_still_match():
    assert cues.your_things("YOUR \u017fON is late") == frozenset({"son"})
    assert cues.self_backreference("As \u0130 said before") == "As \u0130 said"
    assert cues.comment_references("See re\u017fponse 4") == (("4", "re\u017fponse 4"),)
    assert cues.second_person("Thank you. Then YO\u212a... no: YOU are wrong") is not None
    assert cues.second_person("Thank you, and thank YOU") is None


# --- the key lists in cues.py stay in step with their patterns -------------------------------------

_PHRASES = ["comment 3", "#4", "@bob", "the first comment", "my first comment", "the  comment above", "As I said",
            "you know", "THANK YOU", "You're", "your son", "our bank", "my article", "Author's response:", "I'm OP",
            "author here", "I wrote this article", "in the article I wrote", "great read", "This piece",
            "what I meant", "to clarify my", "I didn't say", "that's not what I said", "mind you", "believe you me",
            "poster above", "the\nprevious comment", "reply 2.1", "if you think", "out of your way", "views expressed",
            "I was referring back to the post", "well said author", "the last reply", "YOU MISREAD me", "x", " ", "\n"]


def _cue_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(_PHRASES + list(SPECIALS)) for _ in range(rng.randint(1, 12))]
        text = " ".join(parts)
        out.append(text.upper() if rng.random() < 0.2 else text)
    return out


@pytest.mark.parametrize("pattern, keys, prefix", [
    (cues._NUMBER_REF, cues._NUMBER_REF_STARTS, None),
    (cues._SELF_BACKREF, cues._SELF_BACKREF_STARTS, None),
    (cues._YOUR, ("your",), None),
    (cues._MY, ("my", "our"), None),
    (cues._YOU, ("you",), None),
    (cues._GENERIC_YOU, cues._GENERIC_YOU_STARTS, None),
    (cues._POSITION_FREE, cues._POSITION_STARTS, "the"),
])
def test_cue_starts_cover_every_match(pattern, keys, prefix):
    hits = 0
    for text in _cue_texts(13, 1500):
        for pos in (0, 5):
            full = pattern.search(text, pos)
            got = scan.search(pattern, text, keys, pos, prefix)
            assert (got and got.span()) == (full and full.span()), text
            hits += full is not None
    assert hits > 50  # the texts exercise the pattern


@pytest.mark.parametrize("patterns, needs", [
    (cues._AUTHOR_SELF, cues._AUTHOR_SELF_NEEDS),
    ([cues._ARTICLE_MENTION], [cues._ARTICLE_MENTION_NEEDS]),
    ([cues._POSITION_FREE], [cues._POSITION_NEEDS]),
])
def test_cue_prefilters_never_skip_a_match(patterns, needs):
    matched = 0
    for text in _cue_texts(17, 1500):
        for pattern, words in zip(patterns, needs):
            if pattern.search(text):
                matched += 1
                assert scan.has_any(text, words), text
    assert matched > 20


def _plain_author_self_reference(text: str) -> str | None:
    for pattern in cues._AUTHOR_SELF:
        m = pattern.search(text)
        if m:
            return m.group(0).strip()
    return None


def _plain_mentions_article(text: str) -> str | None:
    m = cues._ARTICLE_MENTION.search(text)
    return m.group(0) if m else None


def test_author_and_article_cues_agree_with_plain_searches():
    """The start keys and finder of _AUTHOR_SELF and _ARTICLE_MENTION miss no match a full search finds."""
    extra = ["I'm the author", "I  wrote\tthis article", "i'VE mentioned in this post", "I\u00a0said in the essay",
             "from the piece I noted", "my op-ed", "Author's reply:", "\u0130 wrote the column", "I \u017fAID in my post"]
    found = 0
    for text in _cue_texts(19, 1500) + [" ".join(extra[k:k + 3]) for k in range(len(extra))]:
        for t in (text, text.replace("I ", "I'm ").replace(" the", " this")):
            assert cues.author_self_reference(t) == _plain_author_self_reference(t), t
            assert cues.mentions_article(t) == _plain_mentions_article(t), t
            found += cues.author_self_reference(t) is not None
    assert found > 50
