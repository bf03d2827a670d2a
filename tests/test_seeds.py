"""Acceptance on the real scraped pages in /work/shared/seeds/ (skipped when they are absent).

The expectations were written by reading the pages, not by running the parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from debate.ingest import ReadOptions, read_thread
from debate.model import Thread

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
if not SEEDS.is_dir():
    SEEDS = Path("/work/shared/seeds")

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed pages not available")


def seed(prefix: str) -> Thread:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not available")
    return read_thread(matches[0], ReadOptions(format="scraped", infer=False))


def kinds(thread: Thread) -> set[str]:
    return {s.kind for s in thread.set_aside}


def aside_text(thread: Thread, kind: str) -> str:
    return "\n".join(s.text for s in thread.set_aside if s.kind == kind)


# --- 000: article with nine numbered, unnamed comments ------------------------------------


def test_000_has_exactly_nine_comments_numbered_in_order():
    t = seed("000")
    assert len(t.comments) == 9
    assert [c.number for c in t.comments] == [str(i) for i in range(1, 10)]
    assert [c.id for c in t.comments] == [f"c{i}" for i in range(1, 10)]
    assert all(c.author is None and c.parent is None for c in t.comments)
    assert t.source_format == "scraped" and not t.structure_inferred
    assert t.stats.loaded == 9


def test_000_comment_texts_begin_and_end_right():
    c = {x.number: x.text for x in seed("000").comments}
    assert c["1"].startswith("For the most part, China")
    assert c["1"].endswith("for the election season, NFP.")
    assert c["2"].startswith("Without real commitment from the South Korean government")
    assert c["2"].endswith("The ball is in South Korea’s court.")
    assert c["3"].startswith("Funny thing, Chinese media")
    assert c["3"].endswith("Why is that?")
    assert c["4"].startswith("Adam,")
    assert c["4"].endswith("explicitly criticize South Korea?")
    assert c["5"].startswith("Author’s response:")
    assert c["7"].startswith("@Juchechosunmanse")
    assert c["8"].startswith("SP,")
    assert c["9"] == "But you need a better understanding that North Koreans, who fled their country, are also human beings."


def test_000_continuation_paragraphs_join_the_right_comment():
    c = {x.number: x.text for x in seed("000").comments}
    assert "South Korea is definately not in any position" in c["1"]
    assert "\n\nFirst of all lets not conflate" in c["5"]
    assert "After making it to SK, NK refugees undergo an investigation" in c["5"]
    assert "I don’t think it is fair to say" in c["6"]
    assert "I agree with you that the ideal (realistic) situation" in c["7"]
    assert "South Korea needs to understand the situation China finds itself in" in c["8"]
    # No paragraph of one comment leaked into another.
    assert "First of all lets not conflate" not in c["4"] + c["6"]
    assert c["5"].count("\n\n") == 7  # "Author's response:" + seven paragraphs


def test_000_article_fields_and_furniture():
    t = seed("000")
    a = t.article
    assert a.title == "China’s North Korean Refugee Problem"
    assert a.author == "Sokeel Park"
    assert a.date == "2012-03-29"
    assert a.inferred["author"].cue == "essay_byline"
    assert "Western media attention on North Korea" in a.text
    assert a.text.rstrip().endswith("it is also in China’s national interest.")
    # The site's own counter ("No Comments") is not trusted, and not in the text.
    assert "No Comments" not in a.text
    assert "Akismet" not in a.text and "Akismet" not in "".join(c.text for c in t.comments)
    assert {"spam_notice", "comment_header", "byline", "caption"} <= kinds(t)
    assert "(Image:" in aside_text(t, "caption") and "(Image:" not in a.text


# --- 001-004: articles without comments ------------------------------------------------


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_articles_without_comments_have_none(prefix):
    t = seed(prefix)
    assert t.comments == ()
    assert len(t.article.text) > 1000


def test_001_author_from_bio_and_site_name_is_not_the_title():
    t = seed("001")
    assert t.article.title == "Beijing Needs to Rethink its North Korean Refugee Policy"
    assert t.article.author == "Gary Sands"
    assert t.article.inferred["author"].cue == "bio"
    assert "Senior Analyst at Wikistrat" in aside_text(t, "author_bio")
    assert "Senior Analyst" not in t.article.text
    assert aside_text(t, "masthead") == "Foreign Policy Blogs"
    assert "holds binoculars" not in t.article.text  # the image caption, twice
    assert t.article.text.startswith("In an apparent act of defiance")


def test_002_byline_and_date():
    t = seed("002")
    a = t.article
    assert a.title == "China unlikely to cave under pressure to stop sending North Korean defectors back: Observers"
    assert a.author == "Wendy Teo"
    assert a.date == "2024-01-01"
    assert a.text.startswith("SEOUL")
    assert "Correspondent" not in a.text and "top of page" not in a.text and "bottom of page" not in a.text
    assert "navigation" in kinds(t)


def test_003_season_is_recorded_not_a_date_and_references_set_aside():
    t = seed("003")
    a = t.article
    assert a.title == "China's Response to the North Korean Refugee Crisis"
    assert a.author == "Yiyuan Qi"
    assert a.date is None
    assert a.inferred["date"].cue == "season" and a.inferred["date"].evidence == "Spring 2019"
    refs = aside_text(t, "footnotes")
    assert "[1] Biao" in refs and "[29] Whiejin" in refs and "Northeast China. Development" in refs
    assert not any(line.startswith("[") for line in a.text.splitlines())
    assert "Goodwin-Gill, G. S. (1996)" not in a.text
    assert "All rights reserved" not in a.text and "does not endorse" not in a.text
    assert "Figure 1 UNHCR Data Online" not in a.text
    assert a.text.rstrip().endswith("protect North Korean refugees’ human rights.")


def test_004_no_author_references_and_login_form_set_aside():
    t = seed("004")
    a = t.article
    assert a.title == "Exploring the Connection between China and North Korea: Part II"
    assert a.author is None
    assert "[1] Ko, Chung, and Oh" in aside_text(t, "footnotes")
    assert not any(line.startswith("[") for line in a.text.splitlines())  # inline markers stay, the list goes
    assert "Ko, Chung, and Oh, 70." not in a.text
    form = aside_text(t, "login_form")
    assert "Fill in your details below" in form and "Connecting to %s" in form
    assert "commenting using your" not in a.text and "Leave a Reply" not in a.text
    assert a.text.rstrip().endswith("a nation safe for its people.")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_source_line_is_accounted_for(prefix):
    """Each non-blank line ends up in the title, body, a comment or the set-aside list."""
    import re

    t = seed(prefix)
    source = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    hay = " ".join(" ".join(x.split()) for x in [t.article.title or "", t.article.text]
                   + [c.text for c in t.comments] + [s.text for s in t.set_aside])
    missing = []
    for line in source.splitlines():
        s = re.sub(r"^\d+\.\s+", "", " ".join(line.replace("\u00a0", " ").split()))
        if s and s not in hay:
            missing.append(s)
    assert missing == []
