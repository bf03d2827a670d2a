"""The flat scraped-page reader on our example pages and on tricky pages built from strings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from debate.canonical import dumps, loads
from debate.errors import InputError
from debate.ingest import ReadOptions, read_thread
from debate.ingest import scraped
from debate.ingest.scraped import parse_page
from debate.model import Thread

THREADS = Path(__file__).resolve().parents[1] / "threads"
NO_INFER = ReadOptions(format="scraped", infer=False)


def page(name: str) -> Thread:
    return read_thread(THREADS / name, NO_INFER)


def parse(text: str, name: str = "page.txt") -> Thread:
    return parse_page(text, thread_id="t", source_path=name, name=name)


def kinds(thread: Thread) -> list[str]:
    return [s.kind for s in thread.set_aside]


def aside_text(thread: Thread, kind: str) -> str:
    return "\n".join(s.text for s in thread.set_aside if s.kind == kind)


# --- example pages in threads/ ------------------------------------------------------------


def test_says_page_names_dates_anonymous_and_reply_links():
    t = page("scraped_says.txt")
    assert t.id == "scraped_says" and t.source_format == "scraped" and not t.structure_inferred
    assert [c.author for c in t.comments] == ["Marcus Ibe", "Priya Raman", "Anonymous", "Dana Whitfield"]
    assert [c.timestamp for c in t.comments] == [
        "2023-05-14T09:12:00Z", "2023-05-14T11:47:00Z", "2023-05-15T07:03:00Z", "2023-05-15T22:30:00Z"]
    assert [c.id for c in t.comments] == ["c1", "c2", "c3", "c4"]
    assert all(c.number is None and c.parent is None for c in t.comments)
    assert t.comments[2].extra.get("anonymous") is True
    assert t.comments[2].text == "Nice for the staff. Taxpayers still work five days."
    # Dana's reply keeps both paragraphs; the cue "Marcus," stays for structure inference.
    assert t.comments[3].text.startswith("Marcus, that is a fair point.")
    assert t.comments[3].text.endswith("about pay or about hours?")
    assert t.comments[3].text.count("\n\n") == 1
    assert kinds(t).count("reply_link") == 4
    assert not any("Reply" == line for c in t.comments for line in c.text.splitlines())
    a = t.article
    assert a.title == "Should Cities Pilot a Four-Day Work Week for Municipal Staff?"
    assert a.author == "Dana Whitfield" and a.date == "2023-05-14"
    assert "Share this" not in a.text and "Twitter" not in a.text and "Loading" not in a.text
    assert aside_text(t, "masthead") == "The Civic Ledger"
    assert "Save my name" in aside_text(t, "login_form")
    assert "spam_notice" in kinds(t)


def test_nested_numbering_states_parents():
    t = page("scraped_nested.txt")
    assert [c.number for c in t.comments] == ["1", "1.1", "1.2", "1.2.1", "2", "2.1"]
    assert [c.id for c in t.comments] == ["c1", "c1.1", "c1.2", "c1.2.1", "c2", "c2.1"]
    parents = {c.id: c.parent for c in t.comments}
    assert parents == {"c1": None, "c1.1": "c1", "c1.2": "c1", "c1.2.1": "c1.2", "c2": None, "c2.1": "c2"}
    inf = t.comment("c1.2.1").inferred["parent"]
    assert inf.cue == "nested_numbering" and inf.evidence == "1.2.1" and 0.5 < inf.confidence <= 1
    assert [c.author for c in t.comments] == [
        "Helen Ashdown", "Tomasz Lindqvist", "Ravi Menon", "Helen Ashdown", "Gwen Okafor", "Ravi Menon"]
    assert t.comment("c1.1").timestamp == "2021-09-03T09:40:00Z"
    assert t.comment("c2").timestamp == "2021-09-04T18:55:00Z"
    # Gwen's own numbered list stays inside her comment.
    assert t.comment("c2").text.endswith("1. a bus that runs at 5 am,\n2. an exemption for shift workers,\n"
                                         "3. a published account of the money.")
    assert t.article.author == "Tomasz Lindqvist" and t.article.date == "2021-09-03"
    assert "Image: City Archive" in aside_text(t, "caption")
    assert "Comments are closed." in aside_text(t, "login_form")


def test_empty_comment_section():
    t = page("scraped_empty_section.txt")
    assert t.comments == ()
    a = t.article
    assert a.title == "School Uniforms Do Not Raise Grades, but They Might Still Be Worth It"
    assert a.author == "Ingrid Solberg" and a.date == "2020-02-12"
    assert "freelance education writer" in aside_text(t, "author_bio")
    assert "freelance" not in a.text and "Leave a Reply" not in a.text
    assert "commenting using your Facebook account" in aside_text(t, "login_form")
    assert a.text.endswith("not about learning.")


def test_page_without_comment_section_keeps_its_numbered_list():
    t = page("scraped_no_comments.txt")
    assert t.comments == ()
    a = t.article
    assert a.title == "Why Extending Old Reactors Is Cheaper Than Building New Ones"
    assert a.author == "Maren Holt" and a.inferred["author"].cue == "bio"
    assert a.date is None and a.inferred["date"].evidence == "Summer 2022"
    assert "1. Older designs carry risks" in a.text and "2. Every year spent" in a.text
    assert "[1] International Energy Agency" in aside_text(t, "footnotes")
    assert "Projected Costs" not in a.text and "©" not in a.text and "Figure 1" not in a.text
    assert aside_text(t, "masthead") == "Energy Policy Review"


def test_seed_style_numbered_page():
    t = page("scraped_numbered.txt")
    assert len(t.comments) == 8  # the header says 3: counters are not trusted
    assert [c.number for c in t.comments] == [str(i) for i in range(1, 9)]
    assert all(c.author is None and c.parent is None for c in t.comments)
    c = {x.number: x.text for x in t.comments}
    assert c["1"].endswith("keep something that has to be done at home, on time.")
    assert c["2"].endswith("The evenings are for families, not for the school.")
    assert c["3"].endswith("3. Schools that dropped homework rarely report what happened next.")
    assert c["4"].startswith("Ines,\n\n")
    assert c["5"].startswith("Author’s response:\n\n") and c["5"].endswith("rather than scores.")
    assert c["7"].startswith("@Halvorsen\nFamilies where both parents")
    assert c["8"].startswith("LM,\n\n")
    a = t.article
    assert (a.title, a.author, a.date) == ("Ban Homework in Primary School", "Lena Marsh", "2019-10-08")
    assert "1. First, the evidence." in a.text and "3. Third, time." in a.text  # the essay's list
    assert "(Image: school archive)" in aside_text(t, "caption")


def test_html_page_converted_with_markup_nesting():
    t = page("scraped_voting.html")
    assert t.id == "scraped_voting"
    assert [c.author for c in t.comments] == ["Beatrix Kowalczyk", "Oluwaseun Adeyemi", "Anonymous"]
    assert [c.parent for c in t.comments] == [None, "c1", None]
    assert t.comments[1].inferred["parent"].cue == "html_nesting"
    assert t.comments[0].timestamp == "2022-06-20T10:14:00Z"
    a = t.article
    assert (a.title, a.author, a.date) == ("Votes at Sixteen?", "Oluwaseun Adeyemi", "2022-06-20")
    assert "Town Square Blog" not in a.text and "Home" not in a.text
    assert "Home About" in aside_text(t, "navigation")
    assert kinds(t).count("reply_link") == 3


EXAMPLES = sorted(p.name for p in THREADS.glob("scraped_*"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_round_trip_and_determinism(name):
    t = page(name)
    text = dumps(t)
    assert dumps(loads(text)) == text
    assert dumps(page(name)) == text


def _accounted(t: Thread, source: str) -> list[str]:
    """Source lines found nowhere in the thread (title, body, comments, set-aside, comment metadata)."""
    hay = " ".join(" ".join(x.split()) for x in [t.article.title or "", t.article.text]
                   + [c.text for c in t.comments] + [s.text for s in t.set_aside])
    authors = {c.author for c in t.comments if c.author}
    missing = []
    for line in source.splitlines():
        s = " ".join(line.replace("\u00a0", " ").split())
        s = re.sub(r"^\d+(\.\d+)*[.)]?\s+", "", s)
        if not s or s in hay or any(a in s for a in authors):
            continue
        if re.search(r"\b(19|20)\d\d\b", s) and len(s) < 60:  # a comment's date line
            continue
        missing.append(s)
    return missing


@pytest.mark.parametrize("name", [n for n in EXAMPLES if n.endswith(".txt")])
def test_every_line_is_accounted_for(name):
    source = (THREADS / name).read_text(encoding="utf-8")
    assert _accounted(page(name), source) == []


# --- tricky pages built from strings -----------------------------------------------------------

ESSAY = """The Case for Night Buses

By Ada Nwosu

Cities should run buses all night, for two reasons.

1. First, shift workers need them.

2. Second, they cut drunk driving.

That is all there is to it.
"""


def test_numbered_list_in_article_without_header_is_not_comments():
    t = parse(ESSAY)
    assert t.comments == ()
    assert "1. First, shift workers need them." in t.article.text
    assert t.article.text.endswith("That is all there is to it.")
    assert t.article.author == "Ada Nwosu"


def test_numbered_list_in_article_then_real_comments():
    t = parse(ESSAY + "\n2 Comments\n\n1. I agree.\n\n2. Buses are empty at 3 am.\n")
    assert [c.text for c in t.comments] == ["I agree.", "Buses are empty at 3 am."]
    assert "2. Second, they cut drunk driving." in t.article.text


def test_discussion_heading_in_an_essay_is_not_a_comment_section():
    text = ("Results of the Survey\n\nWe asked 400 parents.\n\nDiscussion\n\n"
            "1. Parents want shorter days.\n2. Teachers disagree.\n\nConclusion\n\nMore work is needed.\n")
    t = parse(text)
    assert t.comments == ()
    assert "Discussion" in t.article.text and "1. Parents want shorter days." in t.article.text


def test_comments_heading_followed_by_author_lines_is_a_section():
    text = "A Title Here\n\nBody text of the article.\n\nComments\n\nJo Park says:\nI disagree.\n"
    t = parse(text)
    assert [(c.author, c.text) for c in t.comments] == [("Jo Park", "I disagree.")]


def test_comment_with_indented_numbered_list_inside():
    text = ("Title Line\n\nBody.\n\n3 Comments\n\n  1. My reasons:\n      1. cost\n      2. time\n"
            "      3. noise\n\n  2. Fine by me.\n\n  3. Not by me.\n")
    t = parse(text)
    assert [c.number for c in t.comments] == ["1", "2", "3"]
    assert t.comments[0].text == "My reasons:\n1. cost\n2. time\n3. noise"


def test_comment_with_flat_numbered_list_that_collides_with_comment_numbers():
    text = ("Title Line\n\nBody.\n\n3 Comments\n\n1. First comment.\n\n2. Three points:\n1. one\n2. two\n3. three\n\n"
            "3. Third comment.\n")
    t = parse(text)
    assert [c.text for c in t.comments] == ["First comment.", "Three points:\n1. one\n2. two\n3. three",
                                            "Third comment."]


def test_last_comment_ending_in_a_tight_list():
    text = "Title Line\n\nBody.\n\n2 Comments\n\n1. Hello.\n\n2. Steps:\n1. a\n2. b\n3. c\n4. d\n"
    t = parse(text)
    assert len(t.comments) == 2
    assert t.comments[1].text == "Steps:\n1. a\n2. b\n3. c\n4. d"


def test_header_count_is_not_trusted():
    t = parse("Title Line\n\nBody.\n\nNo Comments\n\n1. One.\n\n2. Two.\n")
    assert len(t.comments) == 2
    t = parse("Title Line\n\nBody.\n\n12 Responses\n\n1. One.\n")
    assert len(t.comments) == 1


def test_author_line_variants_and_timestamps():
    text = ("Title Line\n\nBody.\n\n3 Comments\n\n"
            "Alice on March 3, 2012 at 4:05 pm said:\nFirst.\n\n"
            "Bob Stone | 4 March 2012\nSecond.\n\n"
            "carol_88 says:\nMarch 5, 2012 at 12:30 am\nThird.\nReply\n")
    t = parse(text)
    assert [(c.author, c.timestamp, c.text) for c in t.comments] == [
        ("Alice", "2012-03-03T16:05:00Z", "First."),
        ("Bob Stone", "2012-03-04T00:00:00Z", "Second."),
        ("carol_88", "2012-03-05T00:30:00Z", "Third."),
    ]
    assert t.comments[1].inferred["timestamp"].cue == "date_only"
    assert "timestamp" not in t.comments[0].inferred
    assert "reply_link" in kinds(t)


def test_headerless_says_comments_with_reply_links():
    body = "The council voted to close the library on Sundays."
    text = f"Title Line\n\n{body}\n\nAnn Li says:\nYes.\n\nReply\n\nAnonymous says:\nNo.\n\nReply\n"
    t = parse(text)
    assert [(c.author, c.text) for c in t.comments] == [("Ann Li", "Yes."), ("Anonymous", "No.")]
    assert t.article.text == body


def test_quoted_speech_in_article_is_not_an_author_line():
    text = "Title Line\n\nThe minister says:\nWe will act.\n\nMore text.\n"
    t = parse(text)
    assert t.comments == ()
    assert "The minister says:" in t.article.text


def test_unstructured_comments_after_a_count_header_are_kept_one_per_paragraph():
    t = parse("Title Line\n\nBody.\n\n2 Comments\n\nGreat piece.\n\nI could not disagree more.\n")
    assert [c.text for c in t.comments] == ["Great piece.", "I could not disagree more."]
    assert [c.id for c in t.comments] == ["c1", "c2"]


def test_text_before_the_first_numbered_comment_is_kept_as_a_comment():
    t = parse("Title Line\n\nBody.\n\n3 Comments\n\nA stray comment.\n\n1. One.\n\n2. Two.\n")
    assert [(c.id, c.number, c.text) for c in t.comments] == [
        ("u1", None, "A stray comment."), ("c1", "1", "One."), ("c2", "2", "Two.")]


def test_nested_number_without_its_parent_stays_top_level():
    t = parse("Title Line\n\nBody.\n\n2 Comments\n\n1. One.\n\n1.1 Reply to one.\n\n2. Two.\n")
    assert [c.parent for c in t.comments] == [None, "c1", None]
    t = parse("Title Line\n\nBody.\n\nComments\n\n3. Three.\n\n3.1 Under three.\n")
    assert [(c.id, c.parent) for c in t.comments] == [("c3", None), ("c3.1", "c3")]


def test_markdown_page():
    text = ("# Should Zoos Exist?\n\n*By Femi Akande*\n\nZoos fund conservation.\n\n## 2 Comments\n\n"
            "**Lea** says:\n\nThey also keep animals in small spaces.\n\n**Tom** says:\n\nLea, modern zoos are bigger.\n")
    t = parse(text, name="zoo.md")
    assert t.article.title == "Should Zoos Exist?" and t.article.inferred["title"].cue == "heading"
    assert t.article.author == "Femi Akande"
    assert t.article.text == "Zoos fund conservation."
    assert [(c.author, c.text) for c in t.comments] == [
        ("Lea", "They also keep animals in small spaces."), ("Tom", "Lea, modern zoos are bigger.")]


def test_byline_variants():
    t = parse("Title Line\n\nBy Ann Smith and Raj Patel | June 3, 2020\n\nBody.\n")
    assert (t.article.author, t.article.date) == ("Ann Smith and Raj Patel", "2020-06-03")
    t = parse("Title Line\n\nBy the end of 2012, the policy had failed.\n")
    assert t.article.author is None and t.article.text == "By the end of 2012, the policy had failed."
    t = parse("Title Line\n\nPosted by Kim Osei on 2021-02-03\n\nBody.\n")
    assert (t.article.author, t.article.date) == ("Kim Osei", "2021-02-03")


def test_empty_and_blank_input():
    for text in ("", "\n\n   \n\u00a0\n"):
        t = parse(text)
        assert t.comments == () and t.article.text == "" and t.article.title is None


def test_binary_input_is_a_clear_error(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    with pytest.raises(InputError) as e:
        read_thread(p, NO_INFER)
    assert "image.txt" in str(e.value) and "not a text page" in str(e.value)
    assert not scraped.sniff(p, p.read_bytes().decode("latin-1"))


def test_sniff_refuses_data_files_and_accepts_pages(tmp_path):
    s = scraped.sniff
    assert not s(Path("x.json"), "hello")
    assert not s(Path("x.csv"), "id,parent,text\n")
    assert not s(Path("x"), '{"a": 1}')
    assert not s(Path("x"), '[{"a": 1}]')
    assert not s(Path("x"), '<?xml version="1.0"?><rss>')
    assert s(Path("x.txt"), "A Title\n\nBody.")
    assert s(Path("x.html"), "<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    assert s(Path("x.txt"), "[1] A footnote first.")
    assert s(Path("x.txt.gz"), "A Title")


def test_compressed_page_reads_like_plain(tmp_path):
    import gzip

    p = tmp_path / "story.txt.gz"
    p.write_bytes(gzip.compress(ESSAY.encode("utf-8")))
    t = read_thread(p, NO_INFER)
    assert t.id == "story" and t.article.author == "Ada Nwosu"


def test_indented_threaded_scrape_with_pingback_and_deleted_comment():
    t = page("scraped_indented.txt")
    assert [c.author for c in t.comments] == ["Harold Finch", "Rosa Delgado", "Harold Finch", None, "Mei Tanaka"]
    assert [c.parent for c in t.comments] == [None, "c1", "c2", None, None]
    assert t.comment("c2").inferred["parent"].cue == "indentation"
    assert t.comment("c3").timestamp == "2018-06-03T08:02:00Z"
    assert t.comment("c4").flags == ("pingback",) and t.stats.pingbacks == 1
    assert t.comment("c5").flags == ("deleted",) and t.stats.deleted == 1
    assert (t.article.author, t.article.date) == ("Rosa Delgado", "2018-06-02")
    assert kinds(t).count("reply_link") == 4


def test_blogger_said_with_time_after_the_text():
    text = ("Title Line\n\nThe school board met on Tuesday to vote on later start times.\n\n2 comments:\n\n"
            "Nadia K. said...\n\nLater starts help teenagers sleep.\n\nMarch 4, 2015 at 9:12 PM\n\n"
            "Owen said...\n\nBuses cost more.\n\nMarch 5, 2015 at 7:01 AM\n\nPost a Comment\n\n"
            "Newer Post Older Post Home\n")
    t = parse(text)
    assert [(c.author, c.text, c.timestamp) for c in t.comments] == [
        ("Nadia K.", "Later starts help teenagers sleep.", "2015-03-04T21:12:00Z"),
        ("Owen", "Buses cost more.", "2015-03-05T07:01:00Z"),
    ]
    assert "navigation" in kinds(t)


def test_relative_times_are_kept_as_printed():
    text = ("Title Line\n\nBody.\n\n3 Comments\n\nSam Reyes • 3 years ago\nToo expensive.\nReply\n\n"
            "Li Wei\n2 days ago\nNot at all.\nReply\n")
    t = parse(text)
    assert [(c.author, c.text, c.timestamp, c.extra.get("time_text")) for c in t.comments] == [
        ("Sam Reyes", "Too expensive.", None, "3 years ago"),
        ("Li Wei", "Not at all.", None, "2 days ago"),
    ]


# --- generated pages: every comment comes back, whole and in order -----------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = ("policy city tax buses school data people vote rent parents cost evidence council "
          "fair plan years children market question answer point trial money").split()
_NAMES = ["Ana Silva", "Ben Okoro", "chen_88", "Dmitri Volkov", "Anonymous", "Eva", "Farid N."]


@st.composite
def _sentence(draw):
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=12))
    end = draw(st.sampled_from([".", "?", "!"]))
    return (words[0].capitalize() + " " + " ".join(words[1:]) + end).strip()


@st.composite
def _paragraph(draw):
    return " ".join(draw(st.lists(_sentence(), min_size=1, max_size=3)))


@st.composite
def _page(draw):
    style = draw(st.sampled_from(["seed", "flat_numbers", "says", "name_date", "on_said"]))
    comments = draw(st.lists(st.tuples(st.sampled_from(_NAMES), st.lists(_paragraph(), min_size=1, max_size=3),
                                       st.integers(1, 28), st.integers(0, 23)), max_size=12))
    shown = draw(st.sampled_from(["No Comments", "{n} Comments", "One thought on “Night Buses”", "{n} Responses"]))
    body = draw(st.lists(_paragraph(), min_size=1, max_size=4))
    out = ["The Case for Night Buses", "", "By Ada Nwosu | May 3, 2020", ""]
    for p in body:
        out += [p, ""]
    out += [shown.format(n=draw(st.integers(0, 30))), ""]
    for k, (name, paras, day, hour) in enumerate(comments, start=1):
        when = f"June {day}, 2020 at {hour % 12 or 12}:05 {'am' if hour < 12 else 'pm'}"
        if style == "seed":
            out += [f"  {k}. {paras[0]}", ""] + [x for p in paras[1:] for x in (f"    {p}", "")]
            continue
        if style == "flat_numbers":
            out += [f"{k}. {paras[0]}", ""] + [x for p in paras[1:] for x in (p, "")]
            continue
        head = {"says": [f"{name} says:", when], "name_date": [name, when],
                "on_said": [f"{name} on {when} said:"]}[style]
        out += head + [""] + [x for p in paras for x in (p, "")] + ["Reply", ""]
    out += ["Leave a Reply", "", "This site uses Akismet to reduce spam. Learn how your comment data is processed."]
    return style, comments, "\n".join(out) + "\n"


@settings(max_examples=150, deadline=None)
@given(_page())
def test_generated_pages_give_back_every_comment(case):
    style, comments, text = case
    t = parse(text)
    assert len(t.comments) == len(comments)
    for got, (name, paras, day, hour) in zip(t.comments, comments):
        assert got.text == "\n\n".join(paras)
        if style in ("seed", "flat_numbers"):
            assert got.author is None
        else:
            assert got.author == name
            assert got.timestamp == f"2020-06-{day:02d}T{hour:02d}:05:00Z"
    assert t.article.author == "Ada Nwosu" and t.article.date == "2020-05-03"
    assert t.article.text.split("\n\n")[0] == t.article.text.split("\n\n")[0].strip()
    assert "Akismet" not in t.article.text + "".join(c.text for c in t.comments)


# --- detection and the command line ----------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_pages_are_detected_as_scraped(name):
    from debate.ingest import detect_format

    assert detect_format(THREADS / name) == "scraped"


def test_cli_parse_no_infer_and_bad_input(tmp_path):
    import json

    from typer.testing import CliRunner

    from debate.cli.app import app

    runner = CliRunner()
    result = runner.invoke(app, ["parse", str(THREADS / "scraped_says.txt"), "--no-infer"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source_format"] == "scraped" and len(data["comments"]) == 4
    assert data["structure_inferred"] is False
    bad = tmp_path / "blob.txt"
    bad.write_bytes(b"\x00\x01\x02binary" * 10)
    result = runner.invoke(app, ["parse", str(bad), "--format", "scraped"])
    assert result.exit_code == 1
    assert "blob.txt" in result.stderr and "not a text page" in result.stderr and "Traceback" not in result.stderr


def test_html_post_title_beats_a_site_name_heading():
    markup = ('<html><body><header><h1 class="site-title">My Blog</h1></header><article>'
              '<h2 class="entry-title">Rent Caps, Ten Years On</h2><p>Rents rose more slowly than in the '
              'neighbouring towns.</p></article></body></html>')
    t = parse(markup, name="rent.html")
    assert t.article.title == "Rent Caps, Ten Years On" and t.article.inferred["title"].cue == "post_title"
    assert t.article.text == "Rents rose more slowly than in the neighbouring towns."
    assert aside_text(t, "masthead") == "My Blog"


def test_date_above_the_headline_and_titled_responses_header():
    text = ("March 3, 2012\n\nThe Real Title\n\nBy Al Green\n\nBody text here.\n\n"
            "Responses to “The Real Title”\n\n1. Hi.\n")
    t = parse(text)
    a = t.article
    assert (a.title, a.author, a.date, a.text) == ("The Real Title", "Al Green", "2012-03-03", "Body text here.")
    assert [c.text for c in t.comments] == ["Hi."]


def test_text_around_an_indented_comment_list_or_after_a_bare_form_is_set_aside():
    t = parse("Title Here\n\nBody text.\n\n2 Comments\n\n  1. One.\n\n    More one.\n\n  2. Two.\n\n"
              "Related Posts\n\nAnother story\n")
    assert [c.text for c in t.comments] == ["One.\n\nMore one.", "Two."]
    assert aside_text(t, "page_text") == "Another story"
    t = parse("Title Here\n\nBody text.\n\nLeave a Reply\n\nAnother story\n")
    assert t.comments == () and aside_text(t, "page_text") == "Another story"


def test_a_call_to_comment_inside_a_sentence_does_not_open_a_section():
    t = parse("Title Here\n\nBody text.\n\nLeave a comment below and tell us which bus route you would cut first.\n\n"
              "More body.\n")
    assert t.comments == () and t.article.text.endswith("More body.")


def test_html_fragment_without_html_tag_is_converted():
    t = parse("<h1>Tidal Power Now</h1>\n<p>By Iris Vance</p>\n<p>Tidal barrages last a century.</p>\n"
              "<h2>2 Comments</h2><div><b>Ola</b> says:</div><p>Too costly.</p>")
    assert (t.article.title, t.article.author, t.article.text) == (
        "Tidal Power Now", "Iris Vance", "Tidal barrages last a century.")
    assert [(c.author, c.text) for c in t.comments] == [("Ola", "Too costly.")]


def test_numbered_items_with_name_and_date_lines():
    text = ("Title Here\n\nBody.\n\n2 Comments\n\n1. Alice Wong\nMarch 3, 2012 at 4:05 pm\nFirst.\n\n"
            "2. March 4, 2012\nSecond.\n")
    t = parse(text)
    assert [(c.number, c.author, c.timestamp, c.text) for c in t.comments] == [
        ("1", "Alice Wong", "2012-03-03T16:05:00Z", "First."),
        ("2", None, "2012-03-04T00:00:00Z", "Second."),
    ]


def test_numeric_dates_only_when_day_and_month_can_be_told_apart():
    text = ("Title Here\n\nBody.\n\n3 Comments\n\nAl Kim says:\n29/03/2012 at 4:05 pm\nOne.\n\n"
            "Bo Lin says:\n03/29/2012\nTwo.\n\nCy Day says:\n03/04/2012\nThree.\n")
    t = parse(text)
    assert [(c.timestamp, c.extra.get("time_text"), c.text) for c in t.comments] == [
        ("2012-03-29T16:05:00Z", None, "One."),
        ("2012-03-29T00:00:00Z", None, "Two."),
        (None, "03/04/2012", "Three."),  # ambiguous: kept as printed, no date claimed
    ]


def test_empty_file_is_detected_and_gives_an_empty_thread(tmp_path):
    p = tmp_path / "nothing.txt"
    p.write_text("")
    t = read_thread(p, ReadOptions(infer=False))
    assert t.source_format == "scraped" and t.comments == () and t.article.text == ""


def test_headline_with_full_stops_under_a_site_name_is_the_title():
    t = parse("The Staff Room\n\nStop Banning ChatGPT. Teach It.\n\nBy Miriam Okonkwo | February 27, 2024\n\n"
              "Last year our district blocked AI chatbots on every school laptop.\n\n"
              "A ban did not keep the tools out of the classroom.\n\n2 Comments\n\n"
              "  1. I teach 10th grade English and it stays banned in my room.\n\n"
              "  2. Thank you for writing this.\n")
    assert t.article.title == "Stop Banning ChatGPT. Teach It."
    assert t.article.author == "Miriam Okonkwo"
    assert "Staff Room" not in t.article.text and len(t.comments) == 2


def test_body_sentence_ending_in_a_full_stop_is_not_a_title():
    t = parse("Last year our district blocked AI chatbots.\n\nIt did not work, and here is why we should "
              "teach the tools instead of banning them.\n")
    assert t.article.title != "Last year our district blocked AI chatbots."


def test_category_line_without_a_colon_is_set_aside_but_a_comment_saying_so_is_kept():
    t = parse("Let Apartments Into Eastside\n\nBy Ana Ruiz\n\nThe council's draft plan would allow small "
              "apartment buildings.\n\nPosted in Housing, City Hall\n\n2 Comments\n\n"
              "  1. Posted in the wrong thread, sorry.\n\n  2. Posted in Housing\n")
    assert "Posted in" not in t.article.text
    assert "Posted in Housing, City Hall" in aside_text(t, "navigation")
    assert [c.text for c in t.comments] == ["Posted in the wrong thread, sorry.", "Posted in Housing"]
