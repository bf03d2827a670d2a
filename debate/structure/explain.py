"""Turn decoded links into Inferences and readable explanations.

The cue named on a link is the feature that contributed most to choosing it;
the evidence is the text span behind that feature (the address, the quoted
words, the shared terms), so a reader can check each decision on the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Comment, Inference, Thread
from ..text.clip import clip as _clip
from .links import ARTICLE, Context

#: Feature -> the cue name shown to users.
CUE_OF = {
    "quote": "quotation",
    "quote_you": "quotation",
    "addr_match": "address",
    "addr_unknown": "address",
    "addr_author": "author_addressed",
    "addr_author_article": "author_addressed",
    "answer_q": "question_answer",
    "opening": "reply_opening",
    "you": "second_person",
    "sim": "overlap",
    "sim_top": "overlap",
    "prev": "recency",
    "dist": "recency",
    "back_forth": "back_and_forth",
    "author_reply": "author_response",
    "name_mention": "name_mention",
    "backref_chain": "back_and_forth",
    "mention_article": "mentions_article",
    "article": "top_level",
    "replied": "recency",
    "number_ref": "comment_reference",
    "echo": "echo",
    "new_topic": "new_topic",
    "your_my": "your_my",
}


#: Cues that point at one particular parent; named before the generic ones when they fired.
SPECIFIC = ("number_ref", "quote", "quote_you", "addr_match", "addr_author", "addr_author_article", "echo", "your_my",
            "name_mention", "answer_q", "new_topic", "mention_article", "author_reply", "back_forth",
            "addr_unknown")


def describe_decision(ctx: Context, comments: Sequence[Comment], k: int, d) -> Inference:
    positives = sorted(((v, f) for f, v in d.contributions.items() if v > 0), reverse=True)
    if d.candidates == 1 and d.parent == ARTICLE and k == 0:
        return Inference("first_comment", 1.0, "", "the first comment can only answer the article")
    if d.candidates == 1:
        return Inference("thread_order", round(d.confidence, 3), "",
                         "the threaded order leaves only one possible parent")
    # Name the most specific cue first (a quotation or an address says more than shared words), then
    # the rest by how much they weighed.
    feats = [f for _, f in positives if f in SPECIFIC] + [f for _, f in positives if f not in SPECIFIC]
    feats = feats or ["article" if d.parent == ARTICLE else "prev"]
    top = feats[0]
    cue = CUE_OF.get(top, top)
    evidence = evidence_for(ctx, k, d.parent, top)
    others = []
    for f in feats[1:4]:
        c = CUE_OF.get(f, f)
        if c != cue and c not in others:
            others.append(c)
    if d.parent != ARTICLE and ctx.infos[k].addresses and "address" not in others and \
            cue not in ("address", "author_addressed"):
        others.insert(0, "address")  # it speaks to a person, which rules out the article
    target = "the article" if d.parent == ARTICLE else f"comment {_num(comments, d.parent)}"
    note = f"answers {target}: {cue}"
    if evidence:
        note += f" ({evidence})"
    if others:
        note += "; also " + ", ".join(others)
    if d.runner_up is not None:
        alt = "the article" if d.runner_up == ARTICLE else f"comment {_num(comments, d.runner_up)}"
        note += f"; next best: {alt}"
    return Inference(cue, round(d.confidence, 3), evidence, note)


def evidence_for(ctx: Context, i: int, j: int, feature: str) -> str:
    info = ctx.infos[i]
    if feature in ("quote", "quote_you") and j in ctx.quote_hits[i]:
        return _clip(ctx.quote_hits[i][j][1], 80)
    if feature in ("addr_match", "addr_unknown", "addr_author", "addr_author_article") and info.addresses:
        return info.addresses[0].span
    if feature == "answer_q":
        return info.answer or _clip(ctx.texts[i], 40)
    if feature == "opening":
        return info.opening or ""
    if feature == "you":
        return _clip(info.you or "", 60)
    if feature in ("sim", "sim_top"):
        return ", ".join(ctx.shared_terms(i, j))
    if feature == "author_reply":
        return info.self_ref or ""
    if feature == "mention_article":
        return info.article_mention or ""
    if feature == "your_my":
        shared = sorted(info.yours & ctx.infos[j].mine) if j != ARTICLE else []
        return f"your {shared[0]} / my {shared[0]}" if shared else ""
    if feature == "new_topic":
        return info.new_topic or ""
    if feature == "echo":
        return info.echo[0] if info.echo else ""
    if feature == "number_ref":
        return ctx.ref_hits[i].get(j, "")
    if feature == "backref_chain":
        return info.backref or ""
    return ""




def _num(comments: Sequence[Comment], k: int) -> str:
    return comments[k].number or comments[k].id


# --- printing --------------------------------------------------------------------


def explain_lines(thread: Thread, order_note: Inference | None = None) -> list[str]:
    """Every link and speaker decision with its cue, confidence and evidence."""
    lines = []
    head = f"order: {thread.order or 'unknown'}"
    if order_note is not None:
        head += _describe(order_note, bracket_prefix=" [", quote=False)
    lines.append(head)
    by_id = thread.by_id()
    lines.append("links:")
    for c in thread.comments:
        target = "article" if c.parent is None else f"#{by_id[c.parent].number or c.parent}"
        inf = c.inferred.get("parent")
        line = f"  #{c.number or c.id} -> {target}"
        if inf is not None:
            line += _describe(inf)
        else:
            line += "  [given by the source]"
        lines.append(line)
    lines.append("speakers:")
    labels = {p.id: p for p in thread.participants}
    for c in thread.comments:
        p = labels.get(c.speaker or "")
        label = p.label if p else (c.author or "?")
        line = f"  #{c.number or c.id}: {label}"
        for key in ("author", "speaker"):
            inf = c.inferred.get(key)
            if inf is not None:
                line += _describe(inf, bracket_prefix=f"  [{key}: ")
        if not any(k in c.inferred for k in ("author", "speaker")):
            line += "  [given by the page]" if c.author else "  [no evidence: placeholder]"
        lines.append(line)
    return lines


def _describe(inf: Inference, *, bracket_prefix: str = "  [", quote: bool = True) -> str:
    """`[cue confidence] “evidence” - note`, the one way every decision is shown."""
    text = f"{bracket_prefix}{inf.cue} {inf.confidence:.2f}]"
    if inf.evidence:
        text += f" \u201c{_clip(inf.evidence, 80)}\u201d" if quote else f" {inf.evidence}"
    if inf.note:
        text += f" - {inf.note}"
    return text


def tree_lines(thread: Thread) -> list[str]:
    """The inferred tree, compactly: one comment a line, indented under its parent."""
    from ..tree import walk

    labels = {p.id: p.label for p in thread.participants}
    lines = [f"order: {thread.order or 'unknown'}"]
    for c, depth in walk(thread):
        who = labels.get(c.speaker or "", c.author or "?")
        inf = c.inferred.get("parent")
        conf = f" ({inf.cue} {inf.confidence:.2f})" if inf is not None else ""
        lines.append(f"{'  ' * (depth - 1)}#{c.number or c.id} {who}{conf}: {_clip(c.text, 60)}")
    return lines
