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


def test_context_finds_a_quotation_far_back_on_a_long_page():
    texts = [f"Comment number {k} talks about buses and trains in general terms." for k in range(300)]
    texts[5] = "Scrapping parking minimums will lower rents for everyone near stations."
    texts[290] = 'You said "scrapping parking minimums will lower rents for everyone" but rents rose.'
    ctx = links.Context(texts, [None] * 300, None, "Parking minimums article text.")
    assert 5 in ctx.quote_hits[290] or 5 in ctx.you_hits[290]
    assert 5 in ctx.candidates(290)  # beyond the window, yet a candidate because it is quoted
