"""Which display order a flat page used: chronological, or threaded (depth-first).

Chronological: comments in posting order, so any earlier comment can be the
parent. Threaded: each reply shown under its parent, numbered depth-first, so
the parent lies on the path from the article to the previous comment.
Timestamps settle it when the page gives them; otherwise the cues do: if the
best tree without the threaded constraint needs links that the constraint
forbids, and those links rest on strong cues, the page is chronological.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Comment, Inference

#: Features that identify a parent by themselves (a quotation, an address naming its writer, "comment 3").
#: Only links resting on one count as order evidence: overlap, openings and "you" point back in any
#: listing, and on the benchmark they fired as often on threaded pages as on chronological ones.
STRONG_CUES = frozenset({"quote", "quote_you", "addr_match", "addr_author", "number_ref"})
#: Evidence (link confidence x how surely an in-between comment answers something else) needed to call
#: a page chronological. Tuned on the benchmark (structure_benchmark.py), where 0.3-0.5 worked alike.
CROSSING_EVIDENCE = 0.4
#: Score (summed link log-odds) the threaded constraint must cost before crossing links count. 1.0: a
#: threaded benchmark page that the crossing test misread cost -0.55; chronological ones cost 1.5 and up.
THREADED_COST = 1.0
#: Share of links (expected) whose likeliest parents sit off the threaded path, above which a page reads as
#: chronological. Reading a chronological page as threaded cost nothing on the benchmark, reading a
#: threaded page as chronological cost 3-4 points, so the threshold leans to threaded: 0.35 (0.30 misread
#: four threaded pages with names hidden; see benchmarks/structure_results.md).
OFF_PATH_SHARE = 0.35
#: Below this many comments the share is too noisy to decide anything.
MIN_COMMENTS_FOR_SHARE = 6


def from_timestamps(comments: Sequence[Comment]) -> tuple[str, Inference] | None:
    """Chronological if the stated times never go back, threaded if they do; None without times."""
    stamps = [c.timestamp for c in comments]
    if len(comments) < 2 or any(s is None for s in stamps):
        return None
    backwards = [(a, b) for a, b in zip(comments, comments[1:]) if b.timestamp < a.timestamp]
    if not backwards:
        if len(set(stamps)) * 2 < len(stamps):
            return None  # mostly ties (dates without times): says nothing about the order
        return "chronological", Inference("timestamps", 0.9, "", "the stated times never go back")
    a, b = backwards[0]
    return "threaded", Inference(
        "timestamps", 0.9, f"{b.number or b.id} ({b.timestamp}) after {a.number or a.id} ({a.timestamp})",
        f"{len(backwards)} comment(s) posted earlier than the one shown before them: replies are shown "
        "under what they answer",
    )


def from_cues(crossing: Sequence[tuple[int, int, float, str]], off_path: float, n: int,
              cost: float = float("inf")) -> tuple[str, Inference]:
    """Decide from the tree decoded without the order constraint.

    `crossing` are (child, parent, evidence, cue): links that a threaded
    listing could only show if comments that look like they answer something
    else sat inside the parent's subtree (see structure._crossing). `cost` is
    how much worse the best threaded tree scores than the best unconstrained one
    (log-odds units): crossing links count only when the constraint costs
    something, i.e. no threaded reading explains them about as well.
    """
    if crossing and crossing[0][2] >= CROSSING_EVIDENCE and cost >= THREADED_COST:
        child, parent, weight, cue = crossing[0]
        strong = [c for c in crossing if c[2] >= CROSSING_EVIDENCE]
        return "chronological", Inference(
            "crossing_links", round(min(0.95, 0.5 + weight / 2), 3),
            f"comment {child + 1} -> comment {parent + 1} ({cue})",
            f"{len(strong)} link(s) reach back past comments that answer something else: a threaded page "
            "keeps each reply chain together",
        )
    share = off_path / max(1, n)
    if n >= MIN_COMMENTS_FOR_SHARE and share >= OFF_PATH_SHARE:
        return "chronological", Inference(
            "links_off_path", round(min(0.8, 0.5 + share), 3), f"{off_path:.1f} of {n} links",
            "many likely links answer comments that a threaded listing could not have shown just above",
        )
    best = crossing[0][2] if crossing else 0.0
    return "threaded", Inference(
        "links_on_path", round(0.5 + 0.3 * max(0.0, 1 - best / CROSSING_EVIDENCE)
                               * max(0.0, 1 - share / OFF_PATH_SHARE), 3),
        f"{off_path:.1f} of {n} links off the path",
        "the likely links fit a depth-first (threaded) listing",
    )
