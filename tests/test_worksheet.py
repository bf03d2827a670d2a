"""Worksheets: an exercise with every comment and empty label columns, an answer key the agreement command reads."""

from __future__ import annotations

import csv
import io

from report_helpers import BIKE_ROWS, assert_inert, make_thread
from typer.testing import CliRunner

from debate import canonical
from debate.cli.app import app
from debate.report.agreement import agreement
from debate.report.worksheet import COLUMNS, worksheet_files

runner = CliRunner()


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_exercise_lists_every_comment_in_full_with_empty_label_columns():
    t = make_thread(BIKE_ROWS)
    files = worksheet_files(t, "bikes")
    assert sorted(files) == ["bikes-answers.csv", "bikes-key.csv", "bikes-key.md", "bikes-worksheet.md"]
    sheet = files["bikes-worksheet.md"]
    assert_inert(sheet)
    for c in t.comments:
        assert c.text.split(".")[0] in sheet  # the full text, not an excerpt
    table = sheet.split("## Your labels")[1]
    rows = [line for line in table.splitlines() if line.startswith("| #")]
    assert len(rows) == len(t.comments)
    assert all(line.endswith("|  |  |  |") for line in rows)
    assert "favor" in sheet and "rebuttal" in sheet  # the label sets are explained
    # the tool's answers are not in the exercise
    assert "disagree ↩" not in sheet and "stance_cue" not in sheet


def test_answer_sheet_is_blank_and_key_has_the_tools_labels_with_evidence():
    t = make_thread(BIKE_ROWS)
    files = worksheet_files(t, "bikes")
    blank = _csv(files["bikes-answers.csv"])
    key = _csv(files["bikes-key.csv"])
    assert [r["comment"] for r in blank] == [r["comment"] for r in key]
    assert {r["comment"] for r in key} == {c.id for c in t.comments}
    assert list(blank[0]) == list(COLUMNS)
    assert all(not r["stance"] and not r["relation"] and not r["acts"] for r in blank)
    by = {r["comment"]: r for r in key}
    assert by["b1"]["stance"] == "against" and by["b1"]["relation"] == "disagree"
    assert by["b1"]["acts"] == "disagreement;rebuttal"
    assert by["b2"]["acts"] == "other"  # no act found is an answer, not a blank
    assert "stance_cue" in by["b1"]["stance_evidence"]
    md = files["bikes-key.md"]
    assert_inert(md)
    assert "relation disagree: disagrees with" in md


def test_a_student_filling_the_sheet_can_be_compared_with_the_key(tmp_path):
    files = worksheet_files(make_thread(BIKE_ROWS), "bikes")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    rows = _csv(files["bikes-answers.csv"])
    key = {r["comment"]: r for r in _csv(files["bikes-key.csv"])}
    for r in rows:  # the student agrees with the key except on one stance
        r.update(stance=key[r["comment"]]["stance"], relation=key[r["comment"]]["relation"],
                 acts=key[r["comment"]]["acts"])
    rows[0]["stance"] = "Against"
    with open(tmp_path / "student.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    result = agreement(tmp_path / "student.csv", tmp_path / "bikes-key.csv")
    assert result["shared"] == 7
    stance = result["columns"]["stance"]
    assert stance["compared"] == 7 and stance["observed"] == round(6 / 7, 3)
    assert result["columns"]["acts"]["observed"] == 1.0


def test_worksheet_cli_writes_the_four_files(tmp_path):
    src = tmp_path / "bikes.json"
    src.write_text(canonical.dumps(make_thread(BIKE_ROWS)), encoding="utf-8")
    out = tmp_path / "class"
    result = runner.invoke(app, ["worksheet", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["bikes-answers.csv", "bikes-key.csv", "bikes-key.md",
                                                     "bikes-worksheet.md"]
    help_ = runner.invoke(app, ["worksheet", "--help"])
    assert "Example:" in help_.output


def test_spreadsheet_formulas_in_names_are_defused():
    rows = [("f1", "=HYPERLINK(\"http://evil\")", None, "Lanes should be built.", "favor", None, 0.2)]
    files = worksheet_files(make_thread(rows), "x")
    for name in ("x-answers.csv", "x-key.csv"):
        (row,) = _csv(files[name])
        assert row["author"].startswith("'=")
