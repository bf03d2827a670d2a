"""Bookkeeping shared by the platform readers, so no source item goes unrecorded.

Duplicated ids (dumps concatenated from overlapping crawls, a pinned comment
listed twice) would make the tree ambiguous; the first copy is kept and the
others are recorded as a SetAside. Comments a platform only announced (Reddit
`more` stubs, Hacker News `kids` absent from the file) are recorded by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Comment, SetAside

#: SetAside kinds written by these readers.
NOT_LOADED = "not_loaded"  # text: space-separated ids the source announced but did not include
NOT_LOADED_UNKNOWN = "not_loaded_unknown"  # text: ids of comments whose hidden replies were not counted
DUPLICATE = "duplicate"  # text: space-separated ids seen again after their first copy


def drop_duplicates(comments: Sequence[Comment]) -> tuple[tuple[Comment, ...], SetAside | None]:
    """Keep the first comment of each id; name the later copies in a SetAside."""
    if len({c.id for c in comments}) == len(comments):  # the usual case, checked in one pass
        return tuple(comments), None
    seen: set[str] = set()
    kept: list[Comment] = []
    dups: list[str] = []
    for c in comments:
        if c.id in seen:
            dups.append(c.id)
            continue
        seen.add(c.id)
        kept.append(c)
    aside = SetAside(kind=DUPLICATE, text=" ".join(dups)) if dups else None
    return tuple(kept), aside


def id_list_aside(kind: str, ids: Iterable[str]) -> SetAside | None:
    """A SetAside listing ids (in the order given, each once), or None when there are none."""
    unique = list(dict.fromkeys(i for i in ids if i))
    return SetAside(kind=kind, text=" ".join(unique)) if unique else None
