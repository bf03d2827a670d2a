"""Finish a reader's thread: duplicate ids set aside (recorded, never silently lost), then the tree built.

Exports concatenated from overlapping downloads repeat comments; a repeated id
would make the tree ambiguous, so the first copy is kept and the others are
named in a SetAside (see `accounting.drop_duplicates`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Article, Comment, Thread
from .accounting import drop_duplicates
from .common import build_thread


def assemble(*, thread_id: str, article: Article, comments: Sequence[Comment], source_path: str,
             source_format: str) -> Thread:
    kept, aside = drop_duplicates(comments)
    thread = build_thread(thread_id=thread_id, article=article, comments=kept, source_path=source_path,
                          source_format=source_format)
    return replace(thread, set_aside=thread.set_aside + (aside,)) if aside else thread
