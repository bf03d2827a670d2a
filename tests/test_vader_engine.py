"""vader_engine gives exactly (==) what vaderSentiment's `polarity_scores`
gives, for a comment and for each of its sentences: on every comment of our
example data and on generated texts built to hit VADER's rules and quirks."""

from __future__ import annotations

import json
import os
import string
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from debate.errors import DebateError
from debate.ingest import read_threads
from debate.tag import vader_engine as engine
from debate.text.sentences import sentence_spans

REPO = Path(__file__).parent.parent
SEEDS = Path("/work/shared/seeds")
#: Generated examples per run, kept small for the suite; raise it when
#: changing the engine (the engine passed VADER_PARITY_EXAMPLES=20000 runs,
#: several seeds, of every generated test).
EXAMPLES = int(os.environ.get("VADER_PARITY_EXAMPLES", "300"))


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def library(text: str) -> tuple[float, float, float, float]:
    d = _analyzer().polarity_scores(text)
    return (d["neg"], d["neu"], d["pos"], d["compound"])


def assert_parity(text: str, spans=None) -> None:
    """The comment's and every span's scores equal the library's, float for float."""
    if spans is None:
        spans = sentence_spans(text)
    whole, parts = engine.score_with_sentences(text, spans)
    assert whole == library(text), text
    assert engine.score(text) == whole, text
    assert len(parts) == len(spans)
    for (a, b), got in zip(spans, parts):
        assert got == library(text[a:b]), (text, text[a:b])


def test_the_installed_version_is_verified_and_the_engine_runs() -> None:
    # If this fails after an upgrade, the engine is falling back to the library:
    # check parity against the new version, then add it to VERIFIED_VERSIONS.
    assert engine.VERSION in engine.VERIFIED_VERSIONS
    assert engine.EXACT


# --- every comment and sentence of our data ---------------------------------------


def _texts_of(path: Path) -> list[str]:
    """Article and comment texts of a readable file; its lines otherwise."""
    try:
        texts = []
        for thread in read_threads(path):
            texts.append(thread.article.text or "")
            texts.extend(c.text for c in thread.comments)
        return texts
    except (DebateError, OSError, ValueError, UnicodeDecodeError):
        return path.read_text(encoding="utf-8", errors="replace").splitlines()


def _data_files() -> list[Path]:
    files = sorted(p for p in (REPO / "threads").rglob("*") if p.is_file())
    files += sorted(p for p in (REPO / "benchmarks" / "data").rglob("*") if p.is_file())
    return [p for p in files if not p.name.startswith((".", "README"))]


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: p.name)
def test_parity_on_every_comment_and_sentence_of_our_data(path: Path) -> None:
    texts = _texts_of(path)
    if path.name == "sentence_gold.jsonl":
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts += [row["text"], *row["sentences"]]
    assert texts
    for text in texts:
        assert_parity(text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present on this machine")
def test_parity_on_the_seeds() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    assert paths
    for path in paths:
        for text in _texts_of(path):
            assert_parity(text)
        # the raw page too: long, with navigation text and odd lines
        raw = path.read_text(encoding="utf-8")
        assert_parity(raw)


# --- generated texts -----------------------------------------------------------------


def _vocabulary() -> dict[str, list[str]]:
    from vaderSentiment import vaderSentiment as vs

    lexicon = sorted(engine._LEX)
    emoji = sorted(engine._EMOJI_CHARS)
    return {
        "lexicon": lexicon,
        "emoji": emoji,
        "rules": sorted(
            {*vs.BOOSTER_DICT, *vs.NEGATE, *vs.SPECIAL_CASES, *vs.SENTIMENT_LADEN_IDIOMS}
        )
        + [
            "but", "BUT", "But", "but,", "kind of", "kind", "of", "least", "at least",
            "very least", "no", "No", "NO", "or", "nor", "never so", "never this", "so",
            "this", "without doubt", "without a doubt", "n't", "isn't", "I", "a", "A",
            "the shit", "cut the mustard", "yeah right", "kiss of death", "The Bomb",
            "bad ass", "to die for", "kind-of", "sort of", "just enough",
        ],  # fmt: skip
        "neutral": [
            "policy", "refugees", "1982", "the", "and", "it", "is", "U.S.", "Mr.", "e.g.",
            "@kim", "#tag", "http://x.org/a?b=c", "12,500", "中国政府。", "naïve", "ΑΣ",
            "Σ", "İx", "ϒ", "ǅ", "--", "...", "—", "'", '"', "(", ")", "[1]",
        ],  # fmt: skip
    }


_V = _vocabulary()
_PUNCT_GLUE = ["", "", "", ".", ",", "!", "?", "!!!!", "???", "?!", "...", "(", ")", "'",
               '"', ":", "-", ":)", ":-(", ";)", "😀", "🆙", "*", "n't"]  # fmt: skip
_SEPARATORS = [" ", " ", " ", " ", "  ", "\n", "\n\n", "\t", "", ". ", "! ", "? ", ".",
               "\u00a0", "\u2003", " - ", "\r\n"]  # fmt: skip


def _case(word: str, how: int) -> str:
    if how == 1:
        return word.upper()
    if how == 2:
        return word.title()
    if how == 3:
        return word.swapcase()
    return word


_token = st.builds(
    lambda pre, word, post, how: pre + _case(word, how) + post,
    st.sampled_from(_PUNCT_GLUE),
    st.one_of(
        st.sampled_from(_V["lexicon"]),
        st.sampled_from(_V["rules"]),
        st.sampled_from(_V["neutral"]),
        st.sampled_from(_V["emoji"]),
    ),
    st.sampled_from(_PUNCT_GLUE),
    st.sampled_from([0, 0, 0, 1, 1, 2, 3]),
)


@st.composite
def _texts(draw, max_words: int = 40) -> str:
    words = draw(st.lists(_token, max_size=max_words))
    out = []
    for w in words:
        out.append(w)
        out.append(draw(st.sampled_from(_SEPARATORS)))
    return draw(st.sampled_from(["", " ", "\n"])) + "".join(out)


@st.composite
def _spans(draw, text: str) -> list[tuple[int, int]]:
    """Arbitrary ordered, non-overlapping spans, also cutting inside tokens."""
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        if draw(st.booleans()):
            spans.append((a, b))
    return spans


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts())
@example("")
@example("   \n\t ")
@example("The plan is GOOD, but the law is BAD!!!! Isn't it??? :) :-(")
@example("It is the shit. He cut the mustard. Yeah right. The kiss of death.")
@example("not good at all. never so good. without a doubt good. at least good. the very least bad.")
@example("no good. no or bad. no, nor bad. NO good")
@example("kind of good. It is kind of. sort of bad, but good, but bad")
@example("good good good but good good")
@example("😀😀x 😀 🆙!! y😀")
@example("ΑΣ good. İx, bad")
def test_parity_on_generated_texts(text: str) -> None:
    assert_parity(text)


@st.composite
def _sentence_texts(draw) -> str:
    """Texts of a few sentences, each with its own case style (all caps,
    lower, as drawn), so that a sentence's ALL-CAPS flag differs from its
    comment's, and rule words fall on sentence edges."""
    sentences = []
    for _ in range(draw(st.integers(1, 5))):
        words = draw(st.lists(_token, min_size=1, max_size=8))
        style = draw(st.sampled_from(["as is", "upper", "lower"]))
        words = [w.upper() if style == "upper" else w.lower() if style == "lower" else w for w in words]
        sentences.append(" ".join(words) + draw(st.sampled_from([".", "!", "?", "!!", "...", ""])))
    return "".join(s + draw(st.sampled_from([" ", "\n", "\n\n", "  "])) for s in sentences)


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_sentence_texts())
@example("It is kind. Of course good. GOOD news. very GOOD! not. Bad, but. Good")
@example("No. Good. no good. The. Shit is good. the shit. Yeah. Right good")
@example("I LOVE it. i love it. LOVE. Love HATE. NOT GOOD. Never. so good. never so good")
def test_parity_on_texts_of_several_sentences(text: str) -> None:
    assert_parity(text)


@settings(max_examples=EXAMPLES // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_parity_on_arbitrary_spans(data) -> None:
    text = data.draw(_texts())
    assert_parity(text, data.draw(_spans(text)))


def _long_text(seed: int, n_words: int = 3000) -> str:
    """n_words tokens drawn like `_token`, from a seeded generator (hypothesis
    cannot shrink inputs this large, so it only draws the seed)."""
    import random

    rnd = random.Random(seed)
    pools = [_V["lexicon"], _V["rules"], _V["neutral"], _V["neutral"], _V["emoji"]]
    out = []
    for _ in range(n_words):
        word = _case(rnd.choice(rnd.choice(pools)), rnd.choice([0, 0, 0, 1, 2, 3]))
        if rnd.random() < 0.2:
            word = rnd.choice(_PUNCT_GLUE) + word + rnd.choice(_PUNCT_GLUE)
        out.append(word + rnd.choice(_SEPARATORS))
    return "".join(out)


@settings(max_examples=max(2, EXAMPLES // 150), deadline=None)
@given(st.integers(0, 2**32))
def test_parity_on_3000_word_texts(seed: int) -> None:
    assert_parity(_long_text(seed))


# --- the fallback --------------------------------------------------------------------


def test_an_unverified_version_falls_back_to_the_library() -> None:
    code = """
import importlib.metadata as md
real = md.version
md.version = lambda name: "0.0-unverified" if name == "vaderSentiment" else real(name)
from debate.tag import vader_engine as e
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
lib = SentimentIntensityAnalyzer().polarity_scores
called = []
orig = e._library().polarity_scores
e._library_analyzer.polarity_scores = lambda t: called.append(t) or orig(t)
text = "Good plan. BAD law!!! but fine :)"
spans = [(0, 10), (11, 24), (25, 33)]
whole, parts = e.score_with_sentences(text, spans)
assert not e.EXACT and e.VERSION == "0.0-unverified"
assert e.polarity_scores(text) == lib(text)
assert whole == tuple(lib(text)[k] for k in e.KEYS)
assert parts == [tuple(lib(text[a:b])[k] for k in e.KEYS) for a, b in spans]
assert len(called) >= 4, called  # every score came from the library
print("ok")
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_the_lexicons_are_the_librarys() -> None:
    assert engine._LEX == _analyzer().lexicon
    assert engine._EMOJI == _analyzer().emojis


def test_polarity_scores_returns_the_librarys_dict() -> None:
    text = "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!"
    assert engine.polarity_scores(text) == _analyzer().polarity_scores(text)
    assert list(engine.polarity_scores(text)) == list(_analyzer().polarity_scores(text))


def test_punctuation_table_is_the_librarys() -> None:
    assert engine._PUNCT == string.punctuation


def _library_but(positions: list[int], values: list[float], bi: int, n: int) -> list[float]:
    """The library's own `_but_check` on the full token list (zeros elsewhere)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    words = ["x"] * n
    words[bi] = "but"
    sentiments = [0] * n
    for p, v in zip(positions, values):
        sentiments[p] = v
    out = SentimentIntensityAnalyzer._but_check(words, sentiments)
    return [out[p] for p in positions]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(st.sampled_from([2.0, 1.0, 0.5, 0.25, 3.0, 1.5, 4.5, -1.0, -2.0, -0.5, 0.0, 3, -2, 1.9]),
             min_size=1, max_size=200),
    st.data(),
)
def test_but_rule_short_and_long_walks_equal_the_library(values: list[float], data) -> None:
    n = 2 * len(values) + 1
    positions = sorted(data.draw(st.sets(st.integers(0, n - 1), min_size=len(values),
                                         max_size=len(values))))
    bi = data.draw(st.sampled_from([i for i in range(n) if i not in positions]))
    expected = _library_but(positions, list(values), bi, n)
    short, long_ = list(values), list(values)
    with patch.object(engine, "BUT_SHORT", len(values)):  # the list.index walk, whatever the length
        engine._but(positions, short, bi)
    engine._but_long(positions, long_, bi)
    via_but = list(values)
    engine._but(positions, via_but, bi)
    assert short == long_ == via_but == expected
    assert [type(x) for x in long_] == [type(x) for x in expected]
