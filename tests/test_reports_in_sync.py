"""reports/ holds exactly what `python -m debate.report.regenerate` makes from threads/ (no stale report)."""

from __future__ import annotations

import re
from pathlib import Path

from report_helpers import assert_inert, assert_mermaid_safe, mermaid_blocks

from debate.report.regenerate import build, stale, write

ROOT = Path(__file__).resolve().parents[1]


def test_reports_are_in_sync_with_threads(tmp_path):
    files = build(ROOT / "threads")
    write(files, tmp_path)  # the same files a regeneration writes
    assert stale(files, tmp_path) == []
    diff = stale(files, ROOT / "reports")
    assert not diff, f"reports/ is stale ({', '.join(diff)}): run python -m debate.report.regenerate"


def test_every_example_thread_has_a_report_and_every_report_is_inert():
    files = build(ROOT / "threads")
    assert "compare.md" in files and "README.md" in files
    index = files["README.md"]
    assert "could not be read" not in index, index
    for name, text in files.items():
        links = tuple(re.findall(r"<(https?://[^>]+)>", text))
        assert_inert(text, allowed_links=links + tuple(n for n in files))
        for block in mermaid_blocks(text):
            assert_mermaid_safe(block)
        if name not in ("README.md", "compare.md"):
            assert text.count('<a id="c-') == int(re.search(r"\*\*(\d+) comment\(s\)\*\*", text).group(1))
