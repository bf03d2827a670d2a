"""The disclaimer shortcut in line classification gives what the full patterns give."""

from __future__ import annotations

import pytest

from debate.ingest.scraped_furniture import ANYWHERE, line_kind


@pytest.mark.parametrize("line", [
    "This site does not necessarily endorse the opinions expressed in the comments.",
    "Acme Media does not endorse the views of its readers.",
    "The views expressed here are the author\u2019s own.",
    "The views expre\u017f\u017fed in this column are not ours.",  # long s: matched by re.IGNORECASE
    "We DO NOT ENDORSE THE VIEWS of commenters.",
])
def test_disclaimers_are_set_aside(line):
    assert line_kind(line, in_article=False) == "disclaimer"


@pytest.mark.parametrize("line", [
    "I do not endorse this plan at all, and the views of residents were ignored.",
    "Rents rose 5% last year \u2014 nobody disputes that.",
])
def test_other_lines_agree_with_the_full_patterns(line):
    full = next((k for k, rx in ANYWHERE.items() if rx.match(line)), None)
    assert line_kind(line, in_article=False) == full
