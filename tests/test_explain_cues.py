"""Every cue the taggers give as evidence has a gloss a student can read (`--explain`)."""

from __future__ import annotations

from pathlib import Path

from debate.ingest import ReadOptions, read_threads
from debate.model import Article, Comment, Thread
from debate.report.explain import CUES
from debate.report.regenerate import EXAMPLE_OPTIONS, example_inputs
from debate.tag import tag_thread

ROOT = Path(__file__).resolve().parents[1]

#: Comments that fire this session's cues, under a thesis that proposes something.
EXTRA = [
    "I'd back it, honestly.", "Count me out.", "Scrap it.", "Build it now.", "Do it.",
    "Hygienist here. Since they stopped I've seen a third more kids with fillings.",
    "Rents went up anyway. Yes please.", "Who pays for the staff at night?",
    "We'll pay for this out of our own pockets.", "It costs nothing.",
    "A voucher. From the Town Hall. Which shuts at 4. Marvellous.",
]


def _cues(thread: Thread) -> set[str]:
    return {e.cue for tags in thread.tags.values() for label in (tags.stance, tags.relation, *tags.acts)
            for e in label.evidence}


def test_every_cue_fired_on_the_examples_has_a_gloss():
    cues: set[str] = set()
    for path in example_inputs(ROOT / "threads"):
        for t in read_threads(path, EXAMPLE_OPTIONS.get(path.name, ReadOptions())):
            cues |= _cues(tag_thread(t))
    comments = tuple(Comment(id=f"c{i}", text=text, parent="c0" if i else None, speaker=f"s{i}")
                     for i, text in enumerate(EXTRA))
    extra = Thread(id="x", article=Article(title="The council should build the ferry terminal now"),
                   comments=comments)
    cues |= _cues(tag_thread(extra, thesis="The council should build the ferry terminal now"))
    missing = sorted(c for c in cues if c not in CUES and c.split(":")[0] not in CUES)
    assert not missing, f"cues without a gloss in debate/report/explain.py: {missing}"
    assert {"endorse", "oppose", "restates_thesis", "refuses_thesis", "testimony", "sarcastic_closer"} <= cues
