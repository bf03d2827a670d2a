"""Structure inference scales: long pages and huge comments finish, with work bounded by the input.

No wall-clock asserts: we count the work (link evaluations, per-comment word scans) that made the
slow cases slow, and check the answers a user would look at (every comment kept, every guess explained).
"""

from __future__ import annotations

import importlib
import random

import pytest

from debate.ingest import ReadOptions, read_thread
from debate.structure import cues, infer_structure, links

decoder = importlib.import_module("debate.structure.decode")  # the package re-exports decode()

#: Sentences commenters write, with the cues the decoder reads (addresses, quotes, "you", questions).
_SENTENCES = [
    "I think the council is right about this.",
    "You have not read the report, have you?",
    "The numbers in the article do not add up.",
    "Bus lanes would help more than another car park.",
    "My son takes the train every day and it is always full.",
    "Why should shops pay for parking they do not need?",
    "Exactly, that is what I meant earlier.",
    "Nonsense. Nobody walks two miles with shopping.",
    "Where is the evidence for that claim?",
    "Good point, but the cost falls on renters.",
]
_NAMES = ["Ann", "Bob", "Chidi", "Dana", "Eitan", "Farah"]


def _page(n: int, big_comment: str | None = None, names: bool = False) -> str:
    """A scraped page in the numbered layout: title, by-line, article, 'N Comments', then n comments."""
    rnd = random.Random(n)
    lines = ["Scrap parking minimums", "", f"By Jo Reed | {n} Comments", "",
             "The council wants to scrap parking minimums for new flats near stations. Supporters say it "
             "cuts rents; critics say streets will fill with parked cars.", "", f"{n} Comments", ""]
    for k in range(1, n + 1):
        text = " ".join(rnd.choice(_SENTENCES) for _ in range(rnd.randint(1, 3)))
        if k > 1 and rnd.random() < 0.3:
            text = f"{rnd.choice(_NAMES)}, {text}"
        if big_comment is not None and k == 2:
            text = big_comment
        if names:
            lines += [f"  {k}. {_NAMES[k % len(_NAMES)]} says:", "", f"    {text}", ""]
        else:
            lines += [f"  {k}. {text}", ""]
    lines.append("This site uses Akismet to reduce spam. Learn how your comment data is processed.")
    return "\n".join(lines) + "\n"


def _read(tmp_path, text: str, name: str = "page.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_thread(path, ReadOptions(format="scraped", infer=False))


def _count(monkeypatch, module, name: str) -> list[int]:
    calls = [0]
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_thousand_comment_page_completes_with_linear_link_work(tmp_path, monkeypatch):
    flat = _read(tmp_path, _page(1000))
    assert len(flat.comments) == 1000
    scored = _count(monkeypatch, links, "score")  # the decoder scores links without their features
    explained = _count(monkeypatch, links, "features")  # ... and works those out for the chosen ones
    out = infer_structure(flat)
    assert [c.id for c in out.comments] == [c.id for c in flat.comments]  # nothing lost or reordered
    assert all(c.inferred["parent"].cue for c in out.comments)  # every link explained
    ids = {c.id for c in out.comments}
    assert all(c.parent is None or c.parent in ids for c in out.comments)
    # Above BEAM_MAX_COMMENTS one hypothesis is kept: each comment weighs at most the article and the
    # WINDOW comments before it (plus any far one a cue names; this page names only six people),
    # once per display order tried. Quadratic work (all earlier comments) would be ~10x this bound.
    assert len(flat.comments) > decoder.BEAM_MAX_COMMENTS
    assert scored[0] + explained[0] <= 2 * len(flat.comments) * (links.WINDOW + 1 + 6)
    assert explained[0] <= 2 * len(flat.comments)


def test_long_page_with_names_finds_people(tmp_path):
    flat = _read(tmp_path, _page(600, names=True))
    out = infer_structure(flat)
    assert len(out.comments) == 600
    assert {p.name for p in out.participants} == set(_NAMES)


def test_three_megabyte_comment_is_scanned_once(tmp_path, monkeypatch):
    big = " ".join(_SENTENCES) * (3_000_000 // len(" ".join(_SENTENCES)) + 1)
    big = big[:3_000_000]
    flat = _read(tmp_path, _page(12, big_comment=big, names=True))
    assert len(flat.comments) == 12
    assert len(flat.comments[1].text) >= 2_900_000  # the huge comment arrived whole
    scans = _count(monkeypatch, cues, "word_keys")
    out = infer_structure(flat)
    assert len(out.comments) == 12 and all(c.inferred["parent"].cue for c in out.comments)
    # Whether a writer is named in a comment is asked for many candidate pairs; the comment's words
    # are keyed once per comment, not once per pair (which took ~12 s on a 3 MB comment).
    assert scans[0] <= len(out.comments)


@pytest.mark.parametrize("text", ["Ann, you are wrong", "ann_b. said", "Mr-Smith@home", "  spaced\u00a0out\tword ",
                                  "Ann -- you", "--", "...\n@\u2003_", "", "a .b. c", "STRASSE \u00df -"])
def test_word_keys_agree_with_name_key(text):
    assert cues.word_keys(text) == frozenset(cues.name_key(w) for w in text.split())


def test_stop_words_are_scikit_learns_list():
    # Loaded from scikit-learn's own module file (skipping the ~1 s package import): the same list.
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert cues._english_stop_words() == frozenset(ENGLISH_STOP_WORDS)
    assert ENGLISH_STOP_WORDS <= cues._stop_words()


def test_names_in_agrees_with_keying_every_word():
    """The substring shortcut of Context.names_in never changes whether a writer is named."""
    from debate.structure.links import Context, _named_in

    texts = ["Ann, you are wrong", "thanks ann_b. for that", "Mr-Smith@home said so", "STRASSE is long",
             "Stra\u00dfe and \u212aim", "-- -- .", "", "annabel was here", "Jo-Ann. O'Neil; j.r.r. tolkien"]
    names = ["Ann", "ann_b", "Smith", "Mr Smith", "Strasse", "stra\u00dfe", "Kim", "Jo", "Jo-Ann", "JoAnn",
             "O'Neil", "JRR Tolkien", "Annabel Lee", "--", "Al", "a.n.n"]
    ctx = Context(texts, [None] * len(texts), None, "")
    checked = named = 0
    for i, text in enumerate(texts):
        for name in names:
            assert ctx.names_in(i, name) == _named_in(name, text), (name, text)
            checked += 1
            named += _named_in(name, text)
    assert checked == len(texts) * len(names) and named >= 8
