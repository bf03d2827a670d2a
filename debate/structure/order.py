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
STRONG_CUES = frozenset({"quote", "quote_you", "addr_match", "addr_author"})
#: A link whose parent is off the threaded path counts as evidence for chronological order when
#: it is at least this sure (a quotation, an address that names the writer, an author's reply).
STRONG_LINK = 0.75
#: Mean per-comment score the threaded constraint must cost before we call the page chronological.
#: Tuned on the benchmark's training sources (see benchmarks/structure_benchmark.py --order-sweep).
ORDER_MARGIN = 0.35


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


def from_cues(violations: Sequence[tuple[int, int, float, str]], margin: float, n: int) -> tuple[str, Inference]:
    """Decide from the decoded trees: `violations` are (child, parent, confidence, cue) of the
    unconstrained tree that break the threaded constraint; `margin` is the total score the
    constraint costs."""
    strong = [v for v in violations if v[2] >= STRONG_LINK and v[3] in STRONG_CUES]
    per_comment = margin / max(1, n)
    if strong:
        child, parent, conf, cue = strong[0]
        where = "the article" if parent < 0 else f"comment {parent + 1}"
        return "chronological", Inference(
            "links_off_path", round(min(0.95, 0.5 + 0.1 * len(strong) + per_comment / 4), 3),
            f"comment {child + 1} -> {where} ({cue}, {conf:.2f})",
            f"{len(strong)} confident link(s) answer a comment that a threaded page could not have shown above",
        )
    if per_comment > ORDER_MARGIN:
        return "chronological", Inference(
            "links_off_path", 0.55, f"mean cost {per_comment:.2f}",
            "the best tree under the threaded constraint scores clearly worse",
        )
    return "threaded", Inference(
        "links_on_path", round(0.55 + 0.3 * (1 - min(1.0, per_comment / ORDER_MARGIN)), 3), "",
        "every confident link fits a depth-first (threaded) listing",
    )
