"""`debate structure` through Typer's runner: the tree, --explain, --order, --no-infer, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli.app import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_7dcb752eaa51856d.txt"

PAGE = """Scrap Parking Minimums Near Stations

By Dana Whitfield | May 2, 2024 | 4 Comments

The council wants to drop the rule that every new flat near a station comes with a parking space.

Every underground space adds thirty thousand to the price of a flat, and half of them stand empty.

4 Comments

  1. Rents are set by demand, so parking rules make little difference to what tenants pay.

  2. Shops near the station will lose trade if nobody can park in front of them.

  3. @kettle_lake When you said \u201cshops near the station will lose trade\u201d, which shops? Most customers walk.

  4. Author here. You wrote \u201crents are set by demand\u201d but supply is the other half of that equation.

This site uses Akismet to reduce spam. Learn how your comment data is processed.
"""


@pytest.fixture()
def page(tmp_path):
    p = tmp_path / "parking.txt"
    p.write_text(PAGE, encoding="utf-8")
    return p


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_tree_is_printed_compactly(page):
    r = invoke("structure", page)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[1] == "order: chronological"
    assert any(line.startswith("  #3 Commenter") for line in lines)  # indented under #2
    assert any(line.startswith("  #4 Dana Whitfield") for line in lines)  # the author, under #1


def test_explain_prints_every_decision_with_evidence(page):
    r = invoke("structure", page, "--explain")
    assert r.exit_code == 0, r.output
    out = r.output
    assert out.splitlines()[1].startswith("order: chronological [crossing_links")
    assert "comment 4 -> comment 1" in out.splitlines()[1]
    assert "#3 -> #2  [quotation" in out and "shops near the station will lose trade" in out
    assert "#4 -> #1  [quotation" in out
    assert "#2: kettle_lake  [author: addressed_by_reply" in out and "@kettle_lake" in out
    assert "#4: Dana Whitfield  [author: author_response" in out and "Author here" in out
    assert "#1: Commenter A  [no evidence: placeholder]" in out
    for n in range(1, 5):
        assert f"  #{n} -> " in out and f"  #{n}: " in out


def test_order_option_constrains_the_tree(page):
    r = invoke("structure", page, "--explain", "--order", "threaded")
    assert r.exit_code == 0, r.output
    assert "order: threaded [given" in r.output
    # Both quotations fit a depth-first listing only if comment 2 hangs under comment 1.
    assert "#2 -> #1" in r.output and "#4 -> #1" in r.output and "#3 -> #2" in r.output


def test_no_infer_lists_flat(page):
    r = invoke("structure", page, "--no-infer")
    assert r.exit_code == 0, r.output
    assert all(not line.startswith(" ") for line in r.output.splitlines()[2:])


def test_bad_order_is_a_usage_error(page):
    r = invoke("structure", page, "--order", "sideways")
    assert r.exit_code == 2


def test_missing_file_is_one_line_error(tmp_path):
    r = invoke("structure", tmp_path / "nope.txt")
    assert r.exit_code == 1
    assert "nope.txt" in r.output and "Traceback" not in r.output


def test_output_file(page, tmp_path):
    out = tmp_path / "tree.txt"
    r = invoke("structure", page, "-o", out)
    assert r.exit_code == 0, r.output
    assert "order: chronological" in out.read_text(encoding="utf-8")


def test_seed_explain():
    if not SEED.exists():
        pytest.skip("seed pages not available")
    r = invoke("structure", SEED, "--explain")
    assert r.exit_code == 0, r.output
    assert "#5 -> #1  [quotation" in r.output
    assert "#3: Adam  [author: addressed_by_reply" in r.output
    assert "#8: Juchechosunmanse" in r.output
