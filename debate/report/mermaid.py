"""The who-replied-to-whom diagram as a Mermaid flowchart that GitHub renders.

Node ids are generated (`p1`, `p2`, `art`), never taken from input; every label
is double-quoted and escaped with Mermaid's `#code;` entities (see
`escape.mermaid_label`); colours come from `classDef` classes named after the
stance vocabulary, attached with `class` statements.
"""

from __future__ import annotations

from typing import Any

from .escape import mermaid_id, mermaid_label

#: Fill/stroke per participant stance; colour-blind-safe pairs (blue/orange, after the
#: Okabe-Ito palette) rather than green/red, with dark text for contrast.
CLASSES = {
    "favor": "fill:#cfe6ff,stroke:#0072b2,color:#111111",
    "against": "fill:#ffe0c2,stroke:#d55e00,color:#111111",
    "mixed": "fill:#f3e6ff,stroke:#8e44ad,color:#111111",
    "none": "fill:#eeeeee,stroke:#777777,color:#111111",
    "untagged": "fill:#ffffff,stroke:#999999,color:#111111,stroke-dasharray:3 3",
    "article": "fill:#fff8c4,stroke:#8a6d00,color:#111111",
}
LEGEND = ("blue = favours the thesis, orange = against, purple = mixed, grey = no stance, "
          "dashed = not tagged; arrows point from the replier to the person replied to")


def diagram(graph: dict[str, Any], article_title: str | None) -> str:
    """Mermaid source (without the ``` fence) for a report's `graph` data."""
    ids = {n["id"]: mermaid_id("p", i) for i, n in enumerate(graph["nodes"], 1)}
    lines = ["graph LR"]
    title = mermaid_label(article_title) if article_title else "the article"
    lines.append(f'  art(["Article: {title}"])')
    for n in graph["nodes"]:
        lines.append(f'  {ids[n["id"]]}["{mermaid_label(n["label"])} ({n["stance"]}, {n["comments"]})"]')
    for r in graph["article_replies"]:
        lines.append(f'  {ids[r["from"]]} -->|"{r["count"]}"| art')
    for e in graph["edges"]:
        parts = [f'{e[k]} {k}' for k in ("agree", "disagree", "neutral", "untagged") if e[k]]
        lines.append(f'  {ids[e["from"]]} -->|"{", ".join(parts)}"| {ids[e["to"]]}')
    for name, style in CLASSES.items():
        lines.append(f"  classDef {name} {style}")
    by_class: dict[str, list[str]] = {}
    for n in graph["nodes"]:
        by_class.setdefault(n["stance"], []).append(ids[n["id"]])
    for name in CLASSES:
        if name in by_class:
            lines.append(f"  class {','.join(by_class[name])} {name}")
    lines.append("  class art article")
    return "\n".join(lines)
