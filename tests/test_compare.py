"""`debate compare` and the voices quoted in articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_helpers import BIKE_ROWS, assert_inert, make_thread
from typer.testing import CliRunner

from debate import canonical
from debate.cli.app import app
from debate.model import Article, Thread
from debate.report.compare import compare_data
from debate.report.compare_markdown import render
from debate.report.voices import extract_voices

runner = CliRunner()
SEEDS = Path("/work/shared/seeds")
SEED_THESIS = "China should stop repatriating North Korean refugees"

# Written for this test in the conventions of news writing; not taken from any page.
NEWS = """City council weighs new bike lanes

The council will vote next week on a plan to add 40km of protected lanes.

"Every protected lane we build saves lives," said Dr Maria Lopez, a traffic safety researcher at Northfield University.

Mr Tom Baker, 61, who runs a bakery on Main Street, told the Gazette: "My customers need somewhere to park."

"We lose deliveries when the street narrows," Mr Baker said. "It is as simple as that," he added.

Cycling groups say the plan does not go far enough.

Fewer parking spaces will hurt trade on Main Street, shopkeepers warned. Deliveries will suffer as well, they said.

Parking spaces fell by a third in similar cities, according to Prof Anna Kim, an urban economist at the Institute of Transport Studies.

According to the city's own survey, most residents support safer streets for children.

Professor Kim said the evidence on shop revenue was mixed, adding that "nobody should expect miracles".
"""


def test_voices_are_found_with_speaker_role_and_quote():
    voices = extract_voices(NEWS)
    got = [(v.speaker, v.role) for v in voices]
    assert ("Dr Maria Lopez", "traffic safety researcher at Northfield University") in got
    assert ("Mr Tom Baker", "runs a bakery on Main Street") in got or \
        ("Mr Tom Baker", "who runs a bakery on Main Street") in got
    quotes = {v.quote: v.speaker for v in voices}
    assert quotes["Every protected lane we build saves lives"] == "Dr Maria Lopez"
    assert quotes["My customers need somewhere to park"] == "Mr Tom Baker"
    # a short reference joins the full name; "he added" is the last person quoted
    assert quotes["We lose deliveries when the street narrows"] == "Mr Tom Baker"
    assert quotes["It is as simple as that"] == "Mr Tom Baker"
    assert quotes["the plan does not go far enough"] == "cycling groups"
    assert quotes["Fewer parking spaces will hurt trade on Main Street"] == "shopkeepers"
    assert quotes["Deliveries will suffer as well"] == "shopkeepers"  # "they" = the last group quoted
    prof = [v for v in voices if v.speaker == "Prof Anna Kim"]
    assert prof and prof[0].quote.startswith("Parking spaces fell by a third")
    assert prof[0].role == "urban economist at the Institute of Transport Studies"
    # "Professor Kim" is the same person as "Prof Anna Kim"
    later = [v for v in voices if "miracles" in v.quote]
    assert later and later[0].speaker == "Prof Anna Kim"
    assert any(v.speaker.startswith("city") and "residents support" in v.quote for v in voices)


def test_cited_documents_are_voices_with_the_role_cited_work():
    text = ("Refugee status begins at the border: \u201cthe fact of having fled is an intrinsic part of being a "
            "refugee\u201d, according to Goodwin-Gill (1996). The 2019 survey found that \u201cmost border towns "
            "depend on the trade\u201d, according to the Harbour Report. Mr Lee said \u201cwe were never asked "
            "about any of this\u201d.")
    roles = {v.speaker: v.role for v in extract_voices(text)}
    assert roles["Goodwin-Gill (1996)"] == "cited work"
    assert roles["Harbour Report"] == "cited work"
    assert roles["Mr Lee"] is None  # a person quoted in person keeps no role


def test_unattributed_and_scare_quotes_are_not_voices():
    text = 'The so-called "war on cars" is a slogan. Mayors love "quick wins". The plan is big.'
    assert extract_voices(text) == ()


@pytest.mark.parametrize("text", [
    "Our team is split. Half say code review catches real bugs; half say it mostly delays merges.",
    "Everyone says the bus is late again this winter.",
    "Both say the plan will fail within a year.",
])
def test_a_quantity_or_anyone_at_all_is_no_voice(text):
    assert extract_voices(text) == ()


def test_two_voices_in_one_sentence_are_two_voices():
    voices = extract_voices("Landlords say it will freeze new construction; tenants say it is long overdue.")
    assert [(v.speaker, v.quote) for v in voices] == [("landlords", "it will freeze new construction"),
                                                      ("tenants", "it is long overdue")]
    # a semicolon inside one voice's words does not cut them
    one = extract_voices("The mayor said the plan works; it cuts traffic and saves money.")
    assert [v.quote for v in one] == ["the plan works; it cuts traffic and saves money"]


def _article_only(tid: str, text: str) -> Thread:
    return Thread(id=tid, article=Article(title="Bike lanes", author="A. Writer", text=text),
                  source_path=f"{tid}.json")


def test_compare_shows_articles_voices_and_commenters_side_by_side():
    thesis = "Cities should build protected bike lanes"
    threads = [make_thread(BIKE_ROWS, thread_id="bikes"), _article_only("news", NEWS)]
    data = compare_data(threads, thesis=thesis)
    assert [t["key"] for t in data["threads"]] == [1, 2]
    news = data["threads"][1]
    assert news["summary"]["comments"] == 0 and len(news["voices"]) >= 5
    assert all(v["stance"] is not None for v in news["voices"])
    assert news["article_stance"] is not None
    bikes = data["threads"][0]
    assert bikes["summary"]["stance_counts"] == {"favor": 3, "against": 3, "none": 1}
    text = render(data)
    assert_inert(text)
    assert "Dr Maria Lopez" in text and "Mr Tom Baker" in text
    assert "| [1] Cities should build protected bike lanes |" in text


def test_an_article_whose_title_states_the_thesis_favors_it():
    # its text deplores the status quo, which scored alone reads against the change it argues for
    body = ("When I started as a dog warden most strays had slipped a collar. By the time I retired, most were "
            "dumped, unchipped and untraceable, and nobody paid a penny for any of it.")
    piece = Thread(id="dogs", article=Article(title="Bring Back the Dog Licence", author="S. Warden", text=body),
                   source_path="dogs.json")
    stance = compare_data([piece], thesis="Dog licences should be brought back")["threads"][0]["article_stance"]
    assert stance["value"] == "favor"
    assert "states the thesis" in stance["evidence"][0]["text"]


def test_participants_in_several_threads_are_listed():
    a = make_thread(BIKE_ROWS, thread_id="one")
    b = make_thread(BIKE_ROWS[:3], thread_id="two")
    data = compare_data([a, b])
    names = [p["label"] for p in data["shared_participants"]]
    assert names == ["Alice", "Bob"]  # unnamed commenters are never matched across threads
    assert [x["key"] for x in data["shared_participants"][0]["threads"]] == [1, 2]


def test_compare_cli_json_and_determinism(tmp_path):
    src = tmp_path / "bikes.json"
    src.write_text(canonical.dumps(make_thread(BIKE_ROWS)), encoding="utf-8")
    r1 = runner.invoke(app, ["compare", str(src), str(src)])
    r2 = runner.invoke(app, ["compare", str(src), str(src)])
    assert r1.exit_code == 0, r1.output
    assert r1.stdout == r2.stdout and "Participants in several threads" in r1.stdout
    j = runner.invoke(app, ["compare", str(src), "--json", "-o", str(tmp_path / "c.json")])
    assert j.exit_code == 0, j.output
    assert json.loads((tmp_path / "c.json").read_text())["schema"] == "debate.compare/1"
    d = runner.invoke(app, ["compare", str(src), str(src), "-o", str(tmp_path)])
    assert d.exit_code == 0 and (tmp_path / "compare.md").read_text() == r1.stdout


@pytest.mark.skipif(not SEEDS.is_dir() or not list(SEEDS.glob("*.txt")), reason="seed pages not available")
def test_compare_on_the_seed_pages_shows_stance_voices_and_commenters():
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    result = runner.invoke(app, ["compare", *files, "--thesis", SEED_THESIS])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert_inert(text)
    assert text.count("**Article's stance:**") == len(files)
    assert "### Voices quoted in the article" in text and "### Commenters" in text
    data = json.loads(runner.invoke(app, ["compare", *files, "--thesis", SEED_THESIS, "--json"]).stdout)
    with_comments = [t for t in data["threads"] if t["summary"]["comments"]]
    assert len(with_comments) == 1 and with_comments[0]["summary"]["comments"] == 9
    assert len(with_comments[0]["commenters"]) >= 2
    # the news article quoting several named people yields several named voices with roles
    richest = max(data["threads"], key=lambda t: len(t["voices"]))
    speakers = {v["speaker"] for v in richest["voices"]}
    assert len(speakers) >= 3 and any(v["role"] for v in richest["voices"])
    assert all(t["article_stance"] for t in data["threads"])


def test_voices_named_by_office_and_with_circumstances():
    text = ('"We will review every lane," said a city spokesperson.\n\n'
            "The mayor of Springfield warned on Tuesday that costs would rise sharply next year. "
            "He added that the lanes would stay.\n\n"
            "The plan is reckless and will cost jobs, Mr Smith argued in a letter to the council.\n\n"
            "According to a 2019 study by the Urban Institute, rents fell three percent after the change.")
    got = [(v.speaker, v.quote) for v in extract_voices(text)]
    assert got == [
        ("a city spokesperson", "We will review every lane"),
        ("the mayor of Springfield", "costs would rise sharply next year"),
        ("the mayor of Springfield", "the lanes would stay"),
        ("Mr Smith", "The plan is reckless and will cost jobs"),
        ("2019 study by the Urban Institute", "rents fell three percent after the change"),
    ]
