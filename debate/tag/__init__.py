"""Tag a thread: thesis, and per comment sentiment, stance, relation to its parent, discourse acts.

`tag_thread` is the one entry point. Local taggers (`stance`, `relation`,
`acts`) read each comment's own cues; `collective` then decides stance for the
whole thread at once (the article's author, same speakers, agreeing and
disagreeing replies); relations left neutral by their cues are settled from
the final stances where both sides are clear. Every label keeps its evidence
and says what decided it.
"""

from __future__ import annotations

import gc
import re
from dataclasses import replace

from ..model import CommentTags, Evidence, Label, Thesis, Thread
from ..text.clip import clip
from . import collective, stance_reviser
from .acts import acts_of
from .article_side import report_side, restates, stating_evidence
from .spans import analyze
from .relation import score_relation
from .stance_reviser import StanceReviser
from .stance import StanceScore, arguing_reply, profile_of, score_stance
from .thesis import extract_thesis
from .thesis_title import ORDERS, title_proposition

__all__ = ["tag_thread", "extract_thesis"]

#: Relation inferred from the two final stances only when both are this sure (a polar final stance
#: already has its side at least collective.SIDE_RATIO times as likely as the other, with "none" taking
#: the rest of the mass: 0.35 is about the weakest decided side).
STANCE_RELATION_MIN = 0.35
#: A stated thesis the article itself favors this much counts as the article's position.
ARTICLE_FAVOR = (0.9, 0.05, 0.05)
#: A link post whose title reports news (not a question): the thesis written for its thread names that
#: news, and readers answer it as they would an article arguing it; weaker than an article's own
#: position (on the tuning sets any value from 0.5 to 0.9 gave the same labels).
NEWS_FAVOR = (0.6, 0.15, 0.25)
#: News of a decision that is the thesis's opposite ("Solar farm approved on farmland" under "Solar farms
#: should not be built on farmland"): approving it argues against the thesis.
NEWS_AGAINST = (0.15, 0.6, 0.25)
#: Flags of comments that are not discussion turns: tagged "none"/"neutral" with that reason.
NOT_DISCUSSION = frozenset({"spam", "pingback", "trackback", "empty"})
#: Deleted or removed comments count as gone only when their text is a marker ("[deleted]") or nothing;
#: an export that keeps a trashed comment's words still lets us read them.
GONE = frozenset({"deleted", "removed"})
_MARKER_MAX_WORDS = 8


def tag_thread(thread: Thread, *, thesis: str | None = None, model=None,
               reviser: StanceReviser | bool = True) -> Thread:
    """The thread with `.thesis` and `.tags` filled (every comment gets a CommentTags).

    `thesis`: judge stance against this text instead of the extracted thesis.
    `model`: a trained `debate.tag.supervised.StanceModel` used for local stance.
    `reviser`: True re-reads the rules' final stances with the built-in learned reviser
    (`stance_reviser`), False keeps the rules' alone, or a fitted `StanceReviser` to use instead.
    Not applied with `model` (the reviser learned the rules' mistakes, not a model's).

    Python's cyclic garbage collector is paused meanwhile: tagging builds many small
    objects that live until the end (analysed comments, labels, evidence), which the
    collector would traverse again and again (a third of the time on a 3000-comment
    thread) to find nothing: tagging creates no reference cycles (checked in
    tests/test_tag_speed.py). It is resumed, as it was, before returning.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        if reviser is True:
            reviser = stance_reviser.builtin() or False
        return _tag_thread(thread, thesis, model, reviser if model is None else False)
    finally:
        if paused:
            gc.enable()


def _tag_thread(thread: Thread, thesis: str | None, model, reviser) -> Thread:
    if thesis is None and thread.thesis is not None and thread.thesis.source == "given":
        thesis = thread.thesis.text  # re-tagging a thread tagged against a given thesis keeps it
    th = extract_thesis(thread.article, thesis)
    if not thread.comments and th.source != "given":
        return replace(thread, thesis=th, tags={})  # nothing to tag; the article favors its own thesis
    # a news post (no position of its own, its decision the thesis): "Good." and "Bad idea." judge it
    own = extract_thesis(thread.article) if th.source == "given" and thread.article.text.strip() else None
    news = _news_side(thread, th, own)
    if news and th.source == "given":  # shown with the thesis, and read by the profile (the article's side)
        th = replace(th, evidence=th.evidence + (_news_note(thread, news),))
    profile = profile_of(th, thread.article.text)
    article_stance, article_note = _article_stance(thread, th, profile, news, own)
    if article_note is not None:  # shown with the thesis: why the article counts for the thesis
        th = replace(th, evidence=th.evidence + (article_note,))
    sentiments_of = _sentiment_function()
    comments = thread.comments
    by_id = thread.by_id()
    model_probs = (model.predict_proba_for([c.text or "" for c in comments], th)
                   if model is not None and comments else None)
    # Each step runs over every comment before the next starts: one step's code and lexicons then stay in
    # the processor's caches (interleaved per comment, the same calls cost about a tenth more).
    docs = {c.id: analyze(c.text or "") for c in comments}
    authors = _author_comments(thread, docs)
    skips = [_not_discussion(c) for c in comments]
    local_stances: list[tuple[tuple[float, float, float], Label, StanceScore | None]] = []  # per comment
    for i, c in enumerate(comments):
        s = None
        if skips[i] and model_probs is None and not (c.parent is None and c.id in authors):
            # no discussion turn: its flag decides its labels below, nobody reads its stance cues (only a
            # top-level comment that may be the author's has them read: do they name the thesis)
            local_stances.append(_FLAGGED)
            continue
        if model_probs is not None:
            probs = tuple(float(x) for x in model_probs[i])
            k = max(range(3), key=lambda j: (probs[j], -j))
            local = Label(collective.STANCES[k], round(probs[k], 4),
                          (Evidence("model", f"{type(model).__name__}: p(favor, against, none) = "
                                    f"{', '.join(f'{p:.2f}' for p in probs)}", round(probs[k], 4)),), "model")
        else:
            doc = docs[c.id]
            s = score_stance(doc, profile)
            probs, local = s.probs, s.label()
            if c.id in authors and c.parent is None and not s.relevant and not doc.cues.get("disagree") \
                    and not doc.cues.get("agree"):
                # a top-level note by the author that names nothing of the thesis ("Thanks for watching,
                # keep it civil") is procedural: it argues nothing
                authors = {k: v for k, v in authors.items() if k != c.id}
        local_stances.append((probs, local, s))
    locals_: dict[str, Label] = {}
    asks = _answers_title(thread.article.title, th)  # a question post: "Yes," and "No," answer it
    notices: set[str] = set()  # bots' and moderators' notices about the rules: they announce them
    nodes: list[collective.Node] = []
    relations: dict[str, Label] = {}
    rel_margin: dict[str, float] = {}
    for c, skip, (probs, local, s) in zip(comments, skips, local_stances):
        if skip:
            why = Evidence("not_discussion", f"flagged {', '.join(sorted(skip))}", 0.0)
            probs = (0.0, 0.0, 1.0)
            local = Label("none", 1.0, (why,), "flag")
            relations[c.id] = Label("neutral", 1.0, (why,), "flag")
            rel_probs = (0.0, 0.0, 1.0)
            if skip & _NOTICE_FLAGS:
                notices.add(c.id)
        else:
            parent = by_id.get(c.parent) if c.parent is not None else None
            grand = by_id.get(parent.parent) if parent is not None and parent.parent is not None else None
            rel = score_relation(docs[c.id], top_level=c.parent is None,
                                 parent=docs.get(c.parent) if c.parent is not None else None,
                                 parent_answers=grand is not None and _asks(grand.text))
            relations[c.id] = rel.label()
            rel_probs = rel.probs
            rel_margin[c.id] = rel.margin
            if (asks or news) and c.parent is None and local.value == "none" and model_probs is None:
                answer = _answer(rel.evidence, yes_no_only=asks, news_side=1 if asks else news)
                if answer is not None:
                    probs, local = answer
            if s is not None and local.value == "none" and local.decided_by == "local" and rel.margin:
                # no side in its own words, but it argues with what it answers: the thread may side it
                cue = max((e for e in rel.evidence if e.weight * rel.margin > 0), key=lambda e: abs(e.weight),
                          default=None)
                argued = cue and arguing_reply(s, cue)
                if argued:
                    probs, local = argued.probs, argued.label()
        locals_[c.id] = local
        # (id, local, relation, parent, speaker, is_author, author_cue), positional: a named tuple's
        # keyword arguments cost more than building it
        nodes.append(collective.Node(c.id, probs, rel_probs, c.parent if c.parent in by_id else None,
                                     c.speaker, c.id in authors, authors.get(c.id, "")))
    decisions = collective.infer(nodes, article_stance)
    article_side = _article_side(article_stance)
    finish_label = collective.finish_label
    stances: dict[str, Label] = {}
    for c in comments:
        cid = c.id
        local = locals_[cid]
        stance = local if local.decided_by == "flag" else finish_label(local, decisions[cid])
        if local.decided_by == "model" and stance.decided_by == "local":
            stance = replace(stance, decided_by="model")
        if reviser and stance.decided_by != "flag":
            stance = _revised(reviser, docs[cid].toks, stance)
        stances[cid] = stance
    # relations left neutral are read off the final (revised) stances: the evidence names what the report shows
    sides = {cid: (label.value, label.score) for cid, label in stances.items()}
    final: list[tuple[Label, Label]] = []  # (stance, relation) per comment
    for c in comments:
        stance, relation = stances[c.id], relations[c.id]
        if relation.value == "neutral" and relation.decided_by != "flag":
            relation = _settle_relation(c, relation, stance, sides, by_id, article_side,
                                        rel_margin.get(c.id, 0.0))
        final.append((stance, relation))
    all_acts: list[tuple[Label, ...]] = []
    for c, (_, relation) in zip(comments, final):
        parent = by_id.get(c.parent) if c.parent else None
        if relation.decided_by == "flag":  # spam, pingbacks, deleted markers: not a discussion turn
            act = "announcement" if c.id in notices else "other"
            all_acts.append((Label(act, 1.0, relation.evidence, "flag"),))
        else:
            all_acts.append(acts_of(docs[c.id], is_reply=parent is not None,
                                    parent_asks=parent is not None and "?" in (parent.text or ""),
                                    relation=relation))
    sentiment = sentiments_of([c.text or "" for c in comments]) if sentiments_of else [None] * len(comments)
    tags: dict[str, CommentTags] = {}
    for c, (stance, relation), acts, feeling in zip(comments, final, all_acts, sentiment):
        tags[c.id] = CommentTags(c.id, feeling, stance, relation, acts)
    return replace(thread, thesis=th, tags=tags)


def _revised(reviser: StanceReviser, tokens: list[str], rules: Label) -> Label:
    """The rules' final stance; where they found no side, the reviser's reading if it finds one (with the
    words that moved it, then the rules' evidence). A side the rules found stands: on the tuning sets,
    left out one at a time, the reviser's changes of side were wrong more often than right, while its
    readings of a side where the rules saw none were right about three times as often as wrong."""
    if rules.value != "none":
        return rules
    probs, row = reviser.read(tokens, rules.value, rules.score)
    k = stance_reviser.best(probs)
    value = stance_reviser.CLASSES[k]
    if value == rules.value:
        return rules
    words = ", ".join(f'"{w}" (+{x:.2f})' for w, x in reviser.explain_row(row, value, rules.value))
    note = (f"{'opening words ' + words if words else 'its opening'} read as {value}: p(favor, against, none) = "
            f"{', '.join(f'{p:.2f}' for p in probs)}; the rules found no side ({rules.score:.2f}); "
            f"learned from {reviser.trained_on_:,} labelled comments")
    return Label(value, round(probs[k], 4), (Evidence("reviser", note, round(probs[k], 4)), *rules.evidence),
                 "reviser")


#: The local stance entry of a comment that is no discussion turn, before its flag replaces it.
_FLAGGED = ((0.0, 0.0, 1.0), Label("none", 1.0, (), "flag"), None)


#: Signatures of moderation bots (Reddit's AutoModerator and its imitators): their notices are no turn.
_BOT_SIGNATURE = re.compile(r"\bI am a bot\b|\bthis action was performed automatically\b", re.IGNORECASE)
_BOT_AUTHORS = frozenset({"automoderator"})


#: A moderator's notice about the house rules ("A reminder that comments on this story are
#: pre-moderated", "Comments naming staff will be removed"), when the comment opens as a notice does
#: (an argument that ends "please keep comments civil" is still an argument).
_MODERATION = re.compile(
    r"\bcomments?\s+(?:on|under|in|below)\s+(?:this|the)\s+(?:story|article|post|thread|video|page)\s+"
    r"(?:are|is|will\s+be)\s+(?:pre-?)?moderated\b|"
    r"\b(?:posts?|comments?)\s+(?:that|which|naming|containing|attacking|with)\b.{0,60}?\bwill\s+"
    r"(?:not\s+be\s+(?:published|approved)|be\s+(?:removed|deleted|hidden))\b|"
    r"\b(?:please\s+|to\s+)?(?:keep|remain)\s+(?:it|comments|the\s+discussion|things)\s+civil\b|"
    r"\b(?:personal\s+)?(?:abuse|insults|attacks)\s+will\s+be\s+(?:removed|deleted)\b|"
    r"\bthis\s+(?:thread|discussion)\s+(?:is|has\s+been)\s+(?:now\s+)?(?:locked|closed)\b", re.IGNORECASE)
_NOTICE_OPEN = re.compile(r"^\W*(?:a\s+)?(?:friendly\s+|quick\s+)?(?:reminder|note|mod(?:erator)?\s+note|"
                          r"moderator|please|comments|posts|this\s+thread)\b", re.IGNORECASE)


#: The flags of a notice about the house rules (see `_not_discussion`).
_NOTICE_FLAGS = frozenset({"bot", "moderation"})


def _not_discussion(c) -> set[str]:
    """The flags that make a comment no discussion turn (empty for almost every comment); a moderation
    bot's notice counts as flagged "bot", a moderator's notice about the rules as "moderation"."""
    if (c.author and c.author.casefold() in _BOT_AUTHORS) or (c.text and "bot" in c.text
                                                                and _BOT_SIGNATURE.search(c.text)):
        return {"bot", *(set(c.flags) & NOT_DISCUSSION)}
    if c.text and _NOTICE_OPEN.match(c.text) and _MODERATION.search(c.text):
        return {"moderation", *(set(c.flags) & NOT_DISCUSSION)}
    if not c.flags:
        return set()
    flags = set(c.flags)
    skip = flags & NOT_DISCUSSION
    if flags & GONE and len((c.text or "").split()) <= _MARKER_MAX_WORDS:
        skip |= flags & GONE
    return skip


def _news_side(thread: Thread, th: Thesis, own: Thesis | None = None) -> int:
    """The post reports news without arguing it, and its thread answers the news as it would an article
    arguing it: +1 when the news is what the thesis asks for, -1 when it is its opposite, 0 for no news post.

    A news title read as the thesis is news for it. Under a given thesis, so is a post whose title reports
    a decision ("Council votes to resume fluoridating", see `thesis_title`) and a link post (its title is
    all it says) whose title does not ask; the decision's side is read by `article_side.report_side`
    ("Booking system to stay for good" is against "Recycling centres should not require booking"), and
    taken as the thesis's own when the two share no topic word, the title states no decision, or it reports
    an order to someone ("Court tells man to move doorbell camera": moving it restricts the camera).
    `own`: the thesis the article states itself, when already read.
    """
    if th.source == "title_report":
        return 1
    if th.source != "given":
        return 0
    title = (thread.article.title or "").strip()
    if not title or _asks(title):
        return 0
    prop = title_proposition(title)
    reported = prop is not None and prop[1] == "report"
    if thread.article.text.strip() and (not reported or (own or extract_thesis(thread.article)).clear):
        return 0  # an article that argues a thesis of its own ("It's time supermarkets scrapped X") is no news
    if reported and not ORDERS.match(title) and report_side(prop[0], th.text) < 0:
        return -1
    return 1


def _article_stance(thread: Thread, th: Thesis, profile, news: int | None = None, own: Thesis | None = None
                    ) -> tuple[tuple[float, float, float] | None, Evidence | None]:
    """The article's own stance, and the evidence when its title or conclusion stating a given thesis
    decided it: it favors a thesis drawn from it and a given thesis its title or conclusion states; news
    takes the side of the decision it reports (`news`: `_news_side`, worked out here when None; see
    `_news_note` for its evidence); otherwise a given thesis is scored on the article's text. `own`: the
    thesis the article states itself, when already read."""
    side = _news_side(thread, th, own) if news is None else news
    if side:
        return (NEWS_FAVOR if side > 0 else NEWS_AGAINST), None
    if not th.clear:
        return None, None
    if th.source != "given":
        return ARTICLE_FAVOR, None
    if not thread.article.text.strip():
        return None, None  # a link post that asks, or has no title
    if _EXPLAINER.search(thread.article.title or ""):
        return None, None  # "The golf ball rollback explained": a piece that explains takes no side
    own = own or extract_thesis(thread.article)
    stated = stating_evidence(own, th.text, thread.article.title)
    if stated is not None:
        return ARTICLE_FAVOR, stated
    probs = score_stance(thread.article.text, profile, calibrated=False).probs
    if max(probs) == probs[2] and not own.clear and (
            _asks(thread.article.title) or _asks(thread.article.text)):
        return None, None  # a post that only asks ("Which is it?", "Where do you land?") takes no position
    if max(probs) == probs[2]:
        # The article's own cues do not place it: a thesis given for a thread is, unless its text says
        # otherwise, the position its article argues (use the article's stance from `stance_toward`
        # to compare articles instead).
        return ARTICLE_FAVOR, None
    return probs, None


def _news_note(thread: Thread, side: int) -> Evidence:
    """Why a news post counts for (+1) or against (-1) a given thesis: the news it reports."""
    return Evidence("article_side", f"reports news ({clip(thread.article.title or '', 120)!r}): approving it is "
                    f"{'for' if side > 0 else 'against'} the thesis", float(side))


def _answers_title(title: str | None, th: Thesis) -> bool:
    """Whether a "Yes," or "No," opening a top-level comment answers the thesis: the title asks a yes/no
    question and the thesis is its statement (drawn from it, or given in much the same words and the
    same polarity: "Ask HN: Is mandatory code review worth the delay?" for "Mandatory code review is
    worth the delay")."""
    if th.source == "title_question":
        return True
    if th.source != "given" or not _asks(title):
        return False
    prop = title_proposition(title)
    return prop is not None and prop[1] == "question" and restates(prop[0], th.text)


#: Titles of pieces that explain rather than argue ("X explained", "What we know about X", "A guide to X").
_EXPLAINER = re.compile(r"\b(?:explained|explainer|what (?:you need to|we) know|everything you need to know|"
                        r"q\s*&\s*a|faq|a guide to|a primer)\b", re.IGNORECASE)


#: Openers that answer a yes/no question (of the relation tagger's approval and disapproval openers).
_YES_NO = re.compile(r"(?:yes|yeah|yep|yup|no|nope|nah)\b", re.IGNORECASE)
#: The local stance of a comment that opens by answering the title's yes/no question ("Yes, ban them"):
#: as sure as a clear cue of the comment's own (tuning sets: 0.6-0.8 gave the same labels).
ANSWER_SURE = 0.7


def _answer(relation_evidence, *, yes_no_only: bool, news_side: int = 1
            ) -> tuple[tuple[float, float, float], Label] | None:
    """(probabilities, label) of a top-level comment whose opener answers the title's question
    (`yes_no_only`) or judges the news the post reports ("Good.", "Bad idea."; `news_side` -1: the news
    is the thesis's opposite, so approving it is against the thesis)."""
    for e in relation_evidence:
        # only a yes or a no answers a question ("Finally, someone asks" approves of asking it)
        if e.cue in ("approval_opener", "disapproval_opener") and (not yes_no_only or _YES_NO.match(e.text)):
            rest = (1.0 - ANSWER_SURE) / 2
            yes = (e.cue == "approval_opener") == (news_side > 0)
            probs = (ANSWER_SURE, rest, rest) if yes else (rest, ANSWER_SURE, rest)
            cue, what = (("answers_title", "answering the title's question") if yes_no_only else
                         ("judges_news", "judging the news the post reports" +
                          ("" if news_side > 0 else ", the thesis's opposite")))
            why = Evidence(cue, f"opens by {what}: {e.text!r}", ANSWER_SURE if yes else -ANSWER_SURE)
            return probs, Label("favor" if yes else "against", ANSWER_SURE, (why,), "local")
    return None


def _asks(text: str | None) -> bool:
    """The text ends by asking (its last sentence is a question)."""
    return bool(text) and text.rstrip().endswith("?")


def _author_comments(thread: Thread, docs) -> dict[str, str]:
    """Comment id -> why we think the article's author wrote it."""
    out: dict[str, str] = {}
    author_speakers = {p.id for p in thread.participants if p.is_article_author}
    key = " ".join((thread.article.author or "").split()).casefold()
    for c in thread.comments:
        if c.speaker and c.speaker in author_speakers:
            out[c.id] = "speaker is the article's author"
        elif key and c.author and " ".join(c.author.split()).casefold() == key:
            out[c.id] = "signed with the article author's name"
        elif docs[c.id].cues.get("author_voice"):
            voice = docs[c.id].texts("author_voice")
            out[c.id] = f"speaks as the author: {voice[0]!r}"
    return out


def _article_side(article_stance) -> tuple[str, float] | None:
    """The article's most probable stance and its probability (the first on a tie), or None."""
    if article_stance is None:
        return None
    k = max(range(3), key=lambda j: article_stance[j])
    return collective.STANCES[k], article_stance[k]


def _settle_relation(c, local: Label, stance: Label, sides, by_id, article_side, margin: float) -> Label:
    """Keep a relation the comment's cues decided; else read it off the two stances when both are clear.

    `sides`: comment id -> (stance, its probability); `article_side`: `_article_side` of the article's stance.
    """
    if local.decided_by == "flag" or local.value != "neutral":
        return local
    if c.parent is not None and c.parent in by_id:
        other_value, other_p = sides[c.parent]
        what = f"comment {c.parent}"
    elif c.parent is None and article_side is not None:
        other_value, other_p = article_side
        what = "the article"
    else:
        return local
    mine_p = stance.score
    if "none" in (stance.value, other_value) or min(mine_p, other_p) < STANCE_RELATION_MIN:
        return local
    value = "agree" if stance.value == other_value else "disagree"
    if (value == "agree" and margin < 0) or (value == "disagree" and margin > 0):
        return local  # the comment's own cues lean the other way: leave it neutral
    ev = local.evidence + (Evidence("rule:stance_consistency",
                                    f"this comment is {stance.value}, {what} is {other_value}",
                                    round(min(mine_p, other_p), 3)),)
    return Label(value, round(min(mine_p, other_p), 4), ev, "rule:stance_consistency")


def _sentiment_function():
    """`debate.tag.sentiment.sentiments` (texts -> their Sentiment records), written by another module;
    None until it exists."""
    try:
        from .sentiment import sentiments
    except ImportError:
        return None
    return sentiments
