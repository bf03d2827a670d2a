"""Plain-text explanation of a tagged thread: each label, what decided it, and the cues behind it."""

from __future__ import annotations

from ..model import Label, Thread
from ..tree import walk

#: Evidence lines shown per label (the JSON keeps all of them).
MAX_EVIDENCE = 6
_GLOSS = {
    "local": "the comment's own cues",
    "model": "the trained model",
    "reviser": "the learned reviser, which read a side in the opening words where the rules found none",
    "flag": "the source's flag",
    "rule:article_author": "the article's author favors their own thesis",
    "rule:reply_disagree": "it disagrees with its parent, so it likely holds the opposite stance",
    "rule:reply_agree": "it agrees with its parent, so it likely holds the same stance",
    "rule:replied_to": "what its replies say about it",
    "rule:reply_relation": "how far it agrees or disagrees with its parent",
    "rule:same_speaker": "the same person's other comments",
    "rule:article_relation": "how far it agrees or disagrees with the article, which favors its thesis",
    "rule:stance_consistency": "the two stances: same side = agree, opposite sides = disagree",
}


def explain(thread: Thread) -> str:
    """One block per comment, in reply-tree order, for `debate tag --explain`."""
    lines = []
    th = thread.thesis
    if th is not None:
        clear = {"title_report": " (a news report: stance is judged toward the proposal or decision it reports)",
                 "title_question": " (a question: stance is judged toward its yes answer)"}.get(
            th.source, "" if th.clear else " (no clear position found: stance is judged against the topic)")
        lines.append(f"thesis [{th.source}]{clear}: {th.text}")
        if th.targets:
            lines.append(f"targets: {'; '.join(th.targets)}")
        lines.append("")
    for c, depth in walk(thread):
        tags = thread.tags.get(c.id)
        head = f"{'  ' * (depth - 1)}#{c.number or c.id}"
        parent = f" -> #{thread.comment(c.parent).number or c.parent}" if c.parent else " -> article"
        lines.append(head + parent)
        if tags is None:
            lines.append("    (not tagged)")
            continue
        if tags.sentiment is not None:
            lines.append(f"    sentiment: {tags.sentiment.label} (compound {tags.sentiment.compound:+.3f})")
        for name, label in (("stance", tags.stance), ("relation", tags.relation)):
            if label is not None:
                lines.extend(_label_lines(name, label))
        if tags.acts:
            lines.append("    acts: " + ", ".join(f"{a.value} ({a.score:.2f}: "
                                                   f"{'; '.join(e.text for e in a.evidence[:2])})" for a in tags.acts))
    return "\n".join(lines) + "\n"


def _label_lines(name: str, label: Label) -> list[str]:
    gloss = _GLOSS.get(label.decided_by, label.decided_by)
    out = [f"    {name}: {label.value} ({label.score:.2f}), decided by {label.decided_by} ({gloss})"]
    ranked = sorted(label.evidence, key=lambda e: (-abs(e.weight), e.cue, e.text))
    for e in ranked[:MAX_EVIDENCE]:
        out.append(f"      {e.weight:+.2f} {e.cue}: {' '.join(e.text.split())[:140]}")
    if len(ranked) > MAX_EVIDENCE:
        out.append(f"      ... {len(ranked) - MAX_EVIDENCE} more cue(s) in the JSON")
    return out
