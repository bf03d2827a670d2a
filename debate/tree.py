"""Reply-tree helpers: integrity checks, repair, traversal, participants.

Readers hand over comments with parent ids exactly as the source gave them;
`repair_tree` makes them a valid tree (orphans and cycles reattached to the
article and flagged, never dropped) and says what it changed.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from .errors import TreeError
from .model import Comment, Participant, Thread


@dataclass(frozen=True)
class RepairReport:
    orphaned: tuple[str, ...] = ()
    cycles_broken: tuple[str, ...] = ()


def check_unique_ids(comments: Sequence[Comment], path: str | None = None) -> None:
    seen: set[str] = set()
    for c in comments:
        if c.id in seen:
            raise TreeError(f"duplicate comment id {c.id!r}; ids must be unique in a thread", path=path)
        seen.add(c.id)


def repair_tree(
    comments: Sequence[Comment], path: str | None = None
) -> tuple[tuple[Comment, ...], RepairReport]:
    """Reattach comments whose parent is missing or lies on a cycle.

    A comment whose parent id is not in the thread is attached to the article
    and flagged "orphaned". For each cycle, the comment of the cycle that
    comes first in source order is attached to the article and flagged
    "cycle_repaired". Order and everything else are kept.
    """
    ids: set[str] = set()
    parent: dict[str, str | None] = {}
    position: dict[str, int] = {}
    for i, c in enumerate(comments):  # check_unique_ids and the three maps in one pass
        cid = c.id
        if cid in ids:
            raise TreeError(f"duplicate comment id {cid!r}; ids must be unique in a thread", path=path)
        ids.add(cid)
        parent[cid] = c.parent
        position[cid] = i
    orphaned = []
    for c in comments:
        if c.parent is not None and c.parent not in ids:
            orphaned.append(c.id)
            parent[c.id] = None
    cut: list[str] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = known to reach the article
    for c in comments:
        walk: list[str] = []
        node: str | None = c.id
        while node is not None and state.get(node) is None:
            state[node] = 1
            walk.append(node)
            node = parent[node]
        if node is not None and state.get(node) == 1:
            cycle = walk[walk.index(node):]
            first = min(cycle, key=position.__getitem__)
            parent[first] = None
            cut.append(first)
        for n in walk:
            state[n] = 2
    orphan_set, cut_set = set(orphaned), set(cut)
    if not orphan_set and not cut_set:  # nothing to repair: the comments as they came
        return tuple(comments), RepairReport()
    out = []
    for c in comments:
        if c.id in orphan_set:
            c = replace(c, parent=None, flags=_add_flag(c.flags, "orphaned"),
                        extra={**c.extra, "source_parent": c.parent})
        elif c.id in cut_set:
            c = replace(c, parent=None, flags=_add_flag(c.flags, "cycle_repaired"),
                        extra={**c.extra, "source_parent": c.parent})
        out.append(c)
    return tuple(out), RepairReport(tuple(orphaned), tuple(sorted(cut_set, key=position.__getitem__)))


def _add_flag(flags: tuple[str, ...], flag: str) -> tuple[str, ...]:
    return tuple(sorted(set(flags) | {flag}))


def children_of(comments: Iterable[Comment]) -> dict[str | None, list[Comment]]:
    """Map parent id (None = the article) to its replies, in source order."""
    kids: dict[str | None, list[Comment]] = {}
    for c in comments:
        kids.setdefault(c.parent, []).append(c)
    return kids


def walk(thread: Thread) -> Iterator[tuple[Comment, int]]:
    """Depth-first traversal in source order: (comment, depth), depth 1 = top level.

    Every comment of a valid tree is yielded exactly once.
    """
    kids = children_of(thread.comments)
    stack: list[tuple[Comment, int]] = [(c, 1) for c in reversed(kids.get(None, []))]
    while stack:
        c, d = stack.pop()
        yield c, d
        stack.extend((k, d + 1) for k in reversed(kids.get(c.id, [])))


def depths(thread: Thread) -> dict[str, int]:
    return {c.id: d for c, d in walk(thread)}


def max_depth(thread: Thread) -> int:
    return max(depths(thread).values(), default=0)


def placeholder(index: int) -> str:
    """Stable placeholder names: Commenter A..Z, then AA, AB..."""
    letters = string.ascii_uppercase
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = letters[rem] + name
    return f"Commenter {name}"


def derive_participants(thread: Thread) -> Thread:
    """Give every comment a speaker, and the thread its participant list.

    Comments already carrying a `speaker` keep it. Named comments are grouped
    by name (case-insensitive, whitespace-normalised); each unnamed comment
    without a speaker becomes its own participant with a placeholder label,
    numbered in order of first appearance. The article's author, when named
    and present among commenters, is marked.
    """
    author_key = _name_key(thread.article.author) if thread.article.author else None
    ids: dict[str, str] = {}
    labels: dict[str, str] = {}
    names: dict[str, str | None] = {}
    members: dict[str, list[str]] = {}
    inferred: dict[str, dict] = {}
    anon = 0
    used: set[str] = set()
    comments = []
    # author -> (name key, display name) or None when anonymous: people write several comments each
    seen_authors: dict[str, tuple[str, str] | None] = {}
    for c in thread.comments:
        speaker = c.speaker
        author = c.author
        if author:
            if author in seen_authors:
                known = seen_authors[author]
            else:
                display = " ".join(author.split())
                key = display.casefold()  # _name_key(author) (is_anonymous is this test)
                known = seen_authors[author] = (key, display) if key not in ANONYMOUS_NAMES else None
        else:
            known = None
        if speaker is None:
            if known is not None:
                speaker = ids.get(known[0])
                if speaker is None:
                    speaker = _unique_id("p:" + known[0].replace(" ", "-"), used)
                    ids[known[0]] = speaker
            else:
                speaker = _unique_id(f"anon:{c.id}", used)
            c = _with_speaker(c, speaker)
        used.add(speaker)
        if speaker not in members:
            members[speaker] = []
            names[speaker] = known[1] if known is not None else None
            if names[speaker]:
                labels[speaker] = names[speaker]
            else:
                labels[speaker] = placeholder(anon)
                anon += 1
            if "author" in c.inferred:
                inferred[speaker] = {"name": c.inferred["author"]}
        elif names[speaker] is None and known is not None:
            names[speaker] = labels[speaker] = known[1]
        members[speaker].append(c.id)
        comments.append(c)
    participants = tuple(
        _participant(
            id=pid,
            label=labels[pid],
            name=names[pid],
            comments=tuple(members[pid]),
            is_article_author=bool(author_key and names[pid] and _name_key(names[pid]) == author_key),
            inferred=inferred.get(pid, {}),
        )
        for pid in members
    )
    return replace(thread, comments=tuple(comments), participants=participants)


def _participant(**fields) -> Participant:
    """`Participant(**fields)` given every field, in field order, about twice as fast: a thread has a
    participant for every other comment, and the frozen dataclass's `__init__` sets each field through
    `object.__setattr__`. Participant has no __post_init__, so its __dict__ is exactly its fields."""
    new = object.__new__(Participant)
    new.__dict__.update(fields)
    return new


def _with_speaker(c: Comment, speaker: str) -> Comment:
    """`replace(c, speaker=speaker)`, several times faster: it runs once per comment of every thread read,
    and `replace` inspects the dataclass fields on every call. A Comment's __dict__ is its fields (it has
    no __post_init__ to run), so a copy of it with the speaker set is the same value."""
    new = object.__new__(Comment)  # the same fields, without re-running __init__ (frozen: set via __dict__)
    fields = new.__dict__
    fields.update(c.__dict__)
    fields["speaker"] = speaker
    return new


#: Names that say nobody in particular: each such comment stays its own participant.
ANONYMOUS_NAMES = frozenset({"anonymous", "anon", "guest", "unknown", "[deleted]", "deleted", "[removed]",
                             "a reader", "reader"})


def is_anonymous(name: str) -> bool:
    return _name_key(name) in ANONYMOUS_NAMES


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _unique_id(base: str, used: set[str]) -> str:
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"
