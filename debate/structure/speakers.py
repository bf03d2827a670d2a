"""Who wrote each comment: names the page gave, names the replies reveal, and same-person links.

- A name the page shows ("Alice says:") is taken as given.
- A reply that opens "@Ann" or "Ann," names the writer of the comment it answers.
- An address by the article author's initials or name ("SP,") marks the
  answered comment as the article author's.
- "Author's response", "my article" mark the writer as the article's author.
- "I said '...'" quoting an earlier comment, or "as I said" in a reply to a
  reply to an earlier comment (A -> B -> A), links two comments to one person.
Everyone else gets a stable placeholder ("Commenter A"), one per comment: we
never merge unnamed comments without such evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Comment, Inference, Participant
from ..tree import placeholder
from . import cues
from .decode import Result
from .links import ARTICLE, Context

#: Confidence of a name revealed by a reply's address: as sure as the link it rides on,
#: capped because handles can be misspelt or shared.
ADDRESS_NAME_CAP = 0.95
#: "Author's response" / "my article" is explicit self-identification.
SELF_REFERENCE_CONFIDENCE = 0.9
#: "I said '...'" quoting an earlier comment: explicit, but quotes can be misattributed.
SELF_QUOTE_CONFIDENCE = 0.85
#: "as I said" in an A -> B -> A exchange: plausible, weaker.
BACK_AND_FORTH_CONFIDENCE = 0.7
#: A name signed at the end of a comment ("-- Maria"): the writer's own word, but signatures can be quotes.
SIGNATURE_CONFIDENCE = 0.8
ARTICLE_AUTHOR_ID = "p:article-author"
ARTICLE_AUTHOR_LABEL = "Article author"


@dataclass(frozen=True)
class Speakers:
    comments: tuple[Comment, ...]
    participants: tuple[Participant, ...]


def resolve(comments: Sequence[Comment], ctx: Context, result: Result, parents: Sequence[int],
            article_author: str | None, given: Sequence[str | None]) -> Speakers:
    n = len(comments)
    group = list(range(n))

    def find(k: int) -> int:
        while group[k] != k:
            group[k] = group[group[k]]
            k = group[k]
        return k

    names: dict[int, str] = {}
    name_inf: dict[int, Inference] = {}
    for k in range(n):
        if given[k]:
            names[k] = given[k]  # type: ignore[assignment]
        elif k in result.names:
            names[k] = result.names[k]
            if k in result.name_source and result.name_source[k][0] == k:  # signed by its writer
                name_inf[k] = Inference("signature", SIGNATURE_CONFIDENCE, result.name_source[k][1],
                                        "the comment is signed with this name")
            elif k in result.name_source:
                src, span = result.name_source[k]
                conf = min(ADDRESS_NAME_CAP, result.decisions[src].confidence)
                if article_author and result.names[k] == article_author:
                    name_inf[k] = Inference("author_addressed", round(conf, 3), span,
                                            f"comment {_num(comments, src)} answers it addressing the article's "
                                            f"author ({span})")
                else:
                    name_inf[k] = Inference("addressed_by_reply", round(conf, 3), span,
                                            f"comment {_num(comments, src)} answers it and opens with {span}")
            elif ctx.infos[k].self_ref:
                name_inf[k] = Inference("author_response", SELF_REFERENCE_CONFIDENCE, ctx.infos[k].self_ref,
                                        "the writer says they wrote the article")
            elif ctx.infos[k].signature:
                name_inf[k] = Inference("signature", SIGNATURE_CONFIDENCE, ctx.infos[k].signature[1],
                                        "signed with the article author's name or initials")
    authored = set(result.authored)
    for k in authored:
        if k not in name_inf and not given[k]:
            if ctx.infos[k].self_ref:
                name_inf[k] = Inference("author_response", SELF_REFERENCE_CONFIDENCE, ctx.infos[k].self_ref,
                                        "the writer says they wrote the article")
            elif k in result.name_source:
                src, span = result.name_source[k]
                name_inf[k] = Inference("author_addressed", round(min(ADDRESS_NAME_CAP,
                                        result.decisions[src].confidence), 3), span,
                                        f"comment {_num(comments, src)} answers it addressing the article's author")

    same: dict[int, Inference] = {}

    def link(a: int, b: int, inf: Inference) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        na, nb = _group_name(ra, names, find, n), _group_name(rb, names, find, n)
        if na and nb and cues.name_key(na) != cues.name_key(nb):
            return  # evidence contradicts the names: keep them apart
        group[max(ra, rb)] = min(ra, rb)
        same.setdefault(max(a, b), inf)

    # Every comment of the article's author is one person.
    author_list = sorted(authored)
    for k in author_list[1:]:
        link(author_list[0], k, name_inf.get(k) or Inference("author_response", SELF_REFERENCE_CONFIDENCE))
    for i in range(n):
        for k, (score, quote) in sorted(ctx.self_hits[i].items()):
            link(k, i, Inference("self_quotation", SELF_QUOTE_CONFIDENCE, quote[:120],
                                 f"quotes comment {_num(comments, k)} as its own words"))
        j = parents[i]
        if ctx.infos[i].backref and j != ARTICLE:
            k = parents[j]
            if k != ARTICLE and find(k) != find(j) and find(i) != find(j):
                link(k, i, Inference("back_and_forth", BACK_AND_FORTH_CONFIDENCE, ctx.infos[i].backref,
                                     f"answers comment {_num(comments, j)}, which answered comment "
                                     f"{_num(comments, k)}, and refers to its writer's earlier words"))

    # Labels: a group's name, or the article author, or a placeholder in order of first appearance.
    roots: dict[int, tuple[str, str | None, bool]] = {}
    anon = 0
    out: list[Comment] = []
    members: dict[str, list[str]] = {}
    plist: dict[str, Participant] = {}
    author_roots = _roots(authored, find)
    by_root: dict[int, list[int]] = {}  # the groups are final now: list each one's members once
    for m in range(n):
        by_root.setdefault(find(m), []).append(m)
    for k, c in enumerate(comments):
        r = find(k)
        if r not in roots:
            name = next((names[m] for m in by_root[r] if m in names), None)
            is_author = r in author_roots or bool(
                name and article_author and cues.name_key(name) == cues.name_key(article_author))
            if name:  # one participant per name, even if the evidence left two groups
                pid, label = "p:" + " ".join(name.split()).casefold().replace(" ", "-"), name
            elif is_author:
                pid, label = ARTICLE_AUTHOR_ID, ARTICLE_AUTHOR_LABEL
            else:
                pid, label = _unique(f"anon:{c.id}", plist), placeholder(anon)
                anon += 1
            roots[r] = (pid, name, is_author)
            if pid not in plist:  # a second group with the same name joins the first one's participant
                group_members = by_root[r]
                inferred_names = [name_inf[m] for m in group_members if m in name_inf]
                pinf = {}
                if name and inferred_names and not any(given[m] for m in group_members):
                    pinf["name"] = max(inferred_names, key=lambda x: (x.confidence, x.cue))
                plist[pid] = Participant(id=pid, label=label, name=name, is_article_author=is_author,
                                         inferred=pinf)
        pid, name, _ = roots[r]
        inferred = dict(c.inferred)
        author = c.author
        if not given[k] and name:
            author = name
            inferred["author"] = name_inf.get(k) or same.get(k) or _first_evidence(by_root[r], name_inf)
        if k in same:
            inferred["speaker"] = same[k]
        members.setdefault(pid, []).append(c.id)
        out.append(replace_comment(c, author=author, speaker=pid, inferred=inferred))
    participants = tuple(
        Participant(id=p.id, label=p.label, name=p.name, comments=tuple(members[p.id]),
                    is_article_author=p.is_article_author, inferred=p.inferred)
        for p in plist.values()
    )
    return Speakers(tuple(out), participants)


def _first_evidence(group_members, name_inf) -> Inference:
    """Why a comment carries its group's name: the evidence that tied it to the group."""
    for m in group_members:
        if m in name_inf:
            inf = name_inf[m]
            return Inference("same_speaker", round(inf.confidence * BACK_AND_FORTH_CONFIDENCE, 3), inf.evidence,
                             f"same writer as a comment named by: {inf.note}")
    return Inference("same_speaker", 0.5)


def _group_name(r: int, names: dict[int, str], find, n: int) -> str | None:
    for m in range(n):
        if find(m) == r and m in names:
            return names[m]
    return None


def _roots(ks, find) -> set[int]:
    return {find(k) for k in ks}


def _unique(pid: str, used: dict) -> str:
    if pid not in used:
        return pid
    k = 2
    while f"{pid}-{k}" in used:
        k += 1
    return f"{pid}-{k}"


def _num(comments: Sequence[Comment], k: int) -> str:
    return comments[k].number or comments[k].id


def replace_comment(c: Comment, **kw) -> Comment:
    """`dataclasses.replace` for a Comment, ~3x faster (a Comment's __dict__ is its init fields)."""
    return Comment(**{**c.__dict__, **kw})
