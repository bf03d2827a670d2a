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

#: Features that identify a parent by themselves (a quotation, an address naming its writer).
STRONG_CUES = frozenset({"quote", "quote_you", "addr_match", "addr_author", "number_ref"})
#: A link whose parent is off the threaded path counts as evidence for chronological order when
#: it is at least this sure (a quotation, an address that names the writer, an author's reply).
STRONG_LINK = 0.75
#: Summed confidence of off-path links needed to call a page chronological. 0.9: a threaded page
#: decoded without the constraint showed at most one such link (mostly weak) on the benchmark,
#: a chronological page usually several.
OFF_PATH_EVIDENCE = 0.5


def from_timestamps(comments: Sequence[Comment]) -> tuple[str, Inference] | None:
    """Chronological if the stated times never go back, threaded if they do; None without times."""
    stamps = [c.timestamp for c in comments]
    if len(comments) < 2 or any(s is None for s in stamps):
        return None
    backwards = [(a, b) for a, b in zip(comments, comments[1:]) if b.timestamp < a.timestamp]
    if not backwards:
        return "chronological", Inference("timestamps", 0.9, "", "the stated times never go back")
    a, b = backwards[0]
    return "threaded", Inference(
        "timestamps", 0.9, f"{b.number or b.id} ({b.timestamp}) after {a.number or a.id} ({a.timestamp})",
        f"{len(backwards)} comment(s) posted earlier than the one shown before them: replies are shown "
        "under what they answer",
    )


def from_cues(crossing: Sequence[tuple[int, int, float, str]], off_path: Sequence[tuple[int, int, float, str]],
              n: int) -> tuple[str, Inference]:
    """Decide from the tree decoded without the order constraint.

    `crossing` are confident links that no threaded listing can show together
    (decisive); `off_path` are links whose parent is off the path to the
    previous comment (each weighs its confidence).
    """
    if crossing:
        child, parent, conf, cue = crossing[0]
        return "chronological", Inference(
            "crossing_links", round(min(0.95, 0.75 + 0.05 * len(crossing)), 3),
            f"comment {child + 1} -> comment {parent + 1} ({cue}, {conf:.2f})",
            "confident links cross: a threaded page keeps each reply chain together, this one does not",
        )
    weight = sum(v[2] for v in off_path)
    if weight >= OFF_PATH_EVIDENCE:
        child, parent, conf, cue = max(off_path, key=lambda v: (v[2], -v[0]))
        where = "the article" if parent < 0 else f"comment {parent + 1}"
        return "chronological", Inference(
            "links_off_path", round(min(0.9, 0.5 + 0.1 * weight), 3), f"comment {child + 1} -> {where} ({cue})",
            f"{len(off_path)} likely link(s) answer comments a threaded listing could not have shown above them",
        )
    return "threaded", Inference(
        "links_on_path", round(max(0.5, 0.8 - 0.3 * weight / OFF_PATH_EVIDENCE), 3), "",
        "the likely links fit a depth-first (threaded) listing",
    )
