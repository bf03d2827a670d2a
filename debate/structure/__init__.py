"""Infer reply structure and speakers on flat pages (placeholder until issue 4 lands)."""

from __future__ import annotations

from dataclasses import replace

from ..model import Thread


def infer_structure(thread: Thread, order: str | None = None) -> Thread:
    return replace(thread, structure_inferred=True)
