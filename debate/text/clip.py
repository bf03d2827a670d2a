"""One line of a text for evidence and explanations: quoted, not reflowed."""

from __future__ import annotations


def clip(text: str, limit: int = 160) -> str:
    """`text` on one line (each run of white space one space), cut to `limit` characters with an ellipsis."""
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"
