"""Quotation matching skips what cannot match, and finds exactly what the full search finds."""

from __future__ import annotations

import random

from debate.structure import cues, links

_WORDS = "the grant covers pump only council said rents would fall by half next year if we build more homes".split()


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n))


def test_thresholded_coverage_equals_full_search_above_the_threshold():
    rng = random.Random(7)
    checked = above = 0
    for _ in range(400):
        quote, text = _text(rng, rng.randint(3, 12)), _text(rng, rng.randint(1, 60))
        if rng.random() < 0.3:  # a near-verbatim copy with an edit
            words = text.split()
            k = rng.randrange(len(words))
            quote = " ".join(words[k : k + 8] + ["typo"])
        full = cues.quote_coverage(quote, text)
        fast = cues.quote_coverage(quote, text, links.QUOTE_MIN)
        assert fast == (full if full >= links.QUOTE_MIN else 0.0)
        checked += 1
        above += full >= links.QUOTE_MIN
    assert checked == 400 and 20 < above < 380  # both sides of the threshold were exercised


def test_quote_sources_are_every_earlier_comment_that_can_reach_the_threshold():
    rng = random.Random(11)
    texts = [_text(rng, rng.randint(5, 40)) for _ in range(30)]
    index = links._word_index(texts)
    for i in range(1, 30):
        quote = " ".join(texts[rng.randrange(i)].split()[:6])
        found = links._quote_sources(quote, i, index)
        brute = [j for j in range(i) if cues.quote_coverage(quote, texts[j]) >= links.QUOTE_MIN]
        assert set(brute) <= set(found) and found == sorted(found) and all(j < i for j in found)
        # The index restricted to the quotations' words gives the same sources.
        assert links._quote_sources(quote, i, links._word_index(texts, set(cues.quote_tokens(quote)))) == found


def test_context_finds_a_quotation_far_back_on_a_long_page():
    texts = [f"Comment number {k} talks about buses and trains in general terms." for k in range(300)]
    texts[5] = "Scrapping parking minimums will lower rents for everyone near stations."
    texts[290] = 'You said "scrapping parking minimums will lower rents for everyone" but rents rose.'
    ctx = links.Context(texts, [None] * 300, None, "Parking minimums article text.")
    assert 5 in ctx.quote_hits[290] or 5 in ctx.you_hits[290]
    assert 5 in ctx.candidates(290)  # beyond the window, yet a candidate because it is quoted
    # The decoder ranks candidates with a stable sort that relies on them coming in ascending order.
    assert all(ctx.candidates(i) == sorted(set(ctx.candidates(i))) for i in range(300))
    assert ctx.candidates(290) is ctx.candidates(290)  # one shared list per comment


def _window_search(quote: str, text: str) -> float:
    """quote_coverage by its definition: every window aligned, no bound used (with the same early stop)."""
    from difflib import SequenceMatcher

    q, t = cues.words(quote), cues.words(text)
    if not q or not t:
        return 0.0
    if " " + " ".join(q) + " " in " " + " ".join(t) + " ":
        return 1.0
    n = len(q)
    if sum(1 for w in q if w in set(t)) / n < 0.5:
        return 0.0
    best = 0
    for start in range(0, max(1, len(t) - n // 2), max(1, n // 4)):
        sm = SequenceMatcher(None, q, t[start : start + n + n // 3], autojunk=False)
        best = max(best, sum(b.size for b in sm.get_matching_blocks()))
        if best / n >= 0.95:
            break
    return best / n


def test_coverage_equals_the_plain_window_search():
    rng = random.Random(23)
    for _ in range(600):
        quote, text = _text(rng, rng.randint(1, 20)), _text(rng, rng.randint(0, 90))
        if rng.random() < 0.4:
            words = text.split()
            k = rng.randrange(len(words) or 1)
            quote = " ".join(words[k : k + rng.randint(3, 16)] + ["typo"] * rng.randint(0, 2))
        plain = _window_search(quote, text)
        assert cues.quote_coverage(quote, text) == plain
        for floor in (0.3, links.QUOTE_MIN, 0.9):
            assert cues.quote_coverage(quote, text, floor) == (plain if plain >= floor else 0.0)
