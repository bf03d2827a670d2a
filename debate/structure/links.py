"""Features of a candidate reply link (comment i answers candidate j, or the article).

The decoder scores every candidate link as a weighted sum of these features.
Some depend only on the two texts ("static": quotation, overlap, distance);
others on what the decoder has already decided about earlier comments
("dynamic": the name a reply gave a comment, who answered whom), so they are
computed against a decoding state.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from . import cues

ARTICLE = -1  # candidate index of the article

#: Coverage at which a quotation counts as taken from a text (0.6: allows typos and small edits,
#: checked on the fuzzy quote in the cue tests).
QUOTE_MIN = 0.6
#: Candidates beyond this many comments back are considered only when a strong cue points at them
#: (keeps decoding linear on long pages; replies further back than this without a cue are rare).
WINDOW = 60

FEATURES: tuple[str, ...] = (
    "article",  # the candidate is the article (bias for top-level comments)
    "prev",  # the candidate is the comment just before
    "dist",  # log distance in comments (0 for the article)
    "sim",  # tf-idf cosine of the two texts
    "sim_top",  # the candidate is the most similar one (article included)
    "quote",  # the comment quotes the candidate (shared quotes split)
    "quote_you",  # ... introduced as the addressee's words ("you said ...")
    "self_quoted",  # the comment quotes the candidate as its own earlier words ("I said ...")
    "addr_match",  # an address in the comment names the candidate's writer
    "addr_other",  # the comment addresses someone, the candidate's writer is someone else
    "addr_unknown",  # the comment addresses someone, the candidate's writer is unknown
    "addr_article",  # the comment addresses a person but the candidate is the article
    "addr_author",  # the comment addresses the article's author, the candidate is the author's comment
    "addr_author_article",  # ... and the candidate is the article itself
    "you",  # second person and the candidate is a comment
    "opening",  # a reply-only opening ("But", "Exactly") and the candidate is a comment
    "answer_q",  # the candidate asks a question and the comment opens like an answer
    "mention_article",  # the comment talks about "the article" and the candidate is the article
    "same_writer",  # the candidate was written by the same person
    "back_forth",  # the candidate answered this comment's writer (A -> B -> A)
    "author_reply",  # the comment is the article author's and the candidate is a reader's comment
    "author_to_author",  # the comment and the candidate are both the article author's
    "author_article",  # the comment is the article author's and the candidate is the article
    "name_mention",  # the candidate's writer is named somewhere in the comment
    "backref_chain",  # the comment refers to its writer's earlier words; the candidate is a reply
    "replied",  # the candidate already has replies (log count)
    "echo",  # the comment opens with a short question echoing the candidate's words ("Empty where?")
    "new_topic",  # the comment says it starts a new point ("Separate question:") and the candidate is the article
    "your_my",  # the comment speaks of "your X" and the candidate of "my X" ("your son" / "my son")
    "number_ref",  # the comment refers to the candidate by number or position ("comment 3", "the first comment")
)


@dataclass(frozen=True)
class Info:
    """What the cue detectors found in one comment."""

    addresses: tuple[cues.Address, ...]
    self_ref: str | None
    quotes: tuple[cues.Quote, ...]
    opening: str | None
    answer: str | None
    you: str | None
    asks: bool
    backref: str | None
    article_mention: str | None
    references: tuple[tuple[str, str], ...] = ()
    echo: tuple[str, tuple[str, ...]] | None = None
    new_topic: str | None = None
    signature: tuple[str, str] | None = None
    yours: frozenset[str] = frozenset()
    mine: frozenset[str] = frozenset()


def analyse(text: str) -> Info:
    addresses = cues.find_addresses(text)
    body = cues.strip_opening_address(text, addresses)  # "Adam, Because ..." opens with "Because"
    return Info(
        addresses=addresses,
        self_ref=cues.author_self_reference(text),
        quotes=cues.find_quotes(text),
        opening=cues.reply_opening(body),
        answer=cues.answer_opening(body),
        you=cues.second_person(text),
        asks=cues.asks_question(text),
        backref=cues.self_backreference(text),
        article_mention=cues.mentions_article(text),
        references=cues.comment_references(text),
        echo=cues.echo_opening(body),
        new_topic=cues.new_topic(body),
        signature=cues.signature(text),
        yours=cues.your_things(text),
        mine=cues.my_things(text),
    )


@dataclass
class Context:
    """Everything static about one thread: texts, cues, overlaps, quotation matches."""

    texts: Sequence[str]
    names: Sequence[str | None]  # names the page gave (None = hidden)
    article_author: str | None
    article_text: str
    numbers: Sequence[str | None] = ()  # display numbers ("3", "1.2"), for "comment 3" references
    infos: list[Info] = field(init=False)
    tfidf: cues.TfIdf = field(init=False)
    paragraphs: list[str] = field(init=False)
    quote_hits: list[dict[int, tuple[float, str]]] = field(init=False)  # i -> {j: (score, quote)}
    you_hits: list[dict[int, tuple[float, str]]] = field(init=False)
    self_hits: list[dict[int, tuple[float, str]]] = field(init=False)
    _sim: dict[tuple[int, int], float] = field(init=False, default_factory=dict)
    _stems: dict[int, set[str]] = field(init=False, default_factory=dict)
    # Per-comment and per-pair work the decoder would otherwise redo for every beam state and order.
    _word_keys: dict[int, frozenset[str]] = field(init=False, default_factory=dict)
    _folded: dict[int, str] = field(init=False, default_factory=dict)
    _cands: dict[int, list[int]] = field(init=False, default_factory=dict)
    _top: dict[int, tuple[list[int], int | None]] = field(init=False, default_factory=dict)
    _author_addr: dict[int, cues.Address | None] = field(init=False, default_factory=dict)
    _static: dict[tuple[int, int], tuple] = field(init=False, default_factory=dict)
    _name_index: dict[str, list[int]] | None = field(init=False, default=None)
    _memos: dict[tuple, "LinkScores"] = field(init=False, default_factory=dict)
    _own: dict[int, tuple] = field(init=False, default_factory=dict)
    _self_authored: dict[int, bool] = field(init=False, default_factory=dict)
    _name_cues: dict[tuple[int, str | None], tuple] = field(init=False, default_factory=dict)
    _top_of: dict[tuple[int, tuple[int, ...]], int | None] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.infos = [analyse(t) for t in self.texts]
        shown = [n for n in self.names if n]
        for i, info in enumerate(self.infos):
            if shown and not any(a.strength >= 1.0 for a in info.addresses):
                known = cues.known_name_address(self.texts[i], [n for n in self.names[:i] if n])
                if known is not None:
                    self.infos[i] = replace(info, addresses=(known, *info.addresses))
        # The article is compared paragraph by paragraph (best paragraph wins), so that a long article
        # is not made to look unlike every comment just because its vector is spread over many words.
        self.paragraphs = article_paragraphs(self.article_text)
        self.tfidf = cues.TfIdf([*self.texts, *self.paragraphs])
        self.quote_hits, self.you_hits, self.self_hits = [], [], []
        position = {str(num): k for k, num in enumerate(self.numbers) if num}
        self.ref_hits: list[dict[int, str]] = []
        for i, info in enumerate(self.infos):
            refs: dict[int, str] = {}
            for target, span in info.references:
                k = i - 1 if target == "previous" else position.get(target, int(target) - 1 if
                                                                     target.isdigit() and not position else -2)
                if 0 <= k < i:
                    refs.setdefault(k, span)
            self.ref_hits.append(refs)
        quoted = {w for info in self.infos for q in info.quotes for w in cues.quote_tokens(q.text)}
        containing = _word_index(self.texts, quoted) if quoted else {}
        for i, info in enumerate(self.infos):
            hits: dict[int, tuple[float, str]] = {}
            you: dict[int, tuple[float, str]] = {}
            selfq: dict[int, tuple[float, str]] = {}
            for q in info.quotes:
                found = {}
                for j in _quote_sources(q.text, i, containing):
                    cov = cues.quote_coverage(q.text, self.texts[j], QUOTE_MIN)
                    if cov >= QUOTE_MIN:
                        found[j] = cov
                if not found:
                    continue
                share = len(found)
                for j, cov in found.items():
                    target = selfq if q.introducer == "self" else hits
                    score = cov / share
                    if score > target.get(j, (0.0, ""))[0]:
                        target[j] = (score, q.text)
                    if q.introducer == "you" and score > you.get(j, (0.0, ""))[0]:
                        you[j] = (score, q.text)
            self.quote_hits.append(hits)
            self.you_hits.append(you)
            self.self_hits.append(selfq)

    def link_memo(self, weights: Mapping[str, float]) -> "LinkScores":
        """Scored links, shared by every decoding of this thread with these weights (chronological and
        threaded ask for many of the same links)."""
        key = tuple(weights.items())
        hit = self._memos.get(key)
        if hit is None:
            hit = self._memos[key] = LinkScores(weights)
        return hit

    def stems(self, j: int) -> set[str]:
        if j not in self._stems:
            self._stems[j] = cues.stems(self.texts[j])
        return self._stems[j]

    def sim(self, i: int, j: int) -> float:
        key = (i, j)
        if key not in self._sim:
            if j == ARTICLE:
                self._sim[key] = max((self.tfidf.cosine(i, p) for p in self.paragraph_rows()), default=0.0)
            else:
                self._sim[key] = self.tfidf.cosine(i, j)
        return self._sim[key]

    def paragraph_rows(self) -> range:
        return range(len(self.texts), len(self.texts) + len(self.paragraphs))

    def shared_terms(self, i: int, j: int) -> list[str]:
        """The words behind the overlap of comment i with j (or the article's closest paragraph)."""
        if j != ARTICLE:
            return self.tfidf.shared(i, j)
        rows = list(self.paragraph_rows())
        if not rows:
            return []
        best = max(rows, key=lambda p: (self.tfidf.cosine(i, p), -p))
        return self.tfidf.shared(i, best)

    def candidates(self, i: int) -> list[int]:
        """The article plus earlier comments in reach (the window, or any a cue points at), ascending.

        One list per comment, shared by every beam state and decoding: callers must not change it.
        """
        hit = self._cands.get(i)
        if hit is None:
            near = list(range(max(0, i - WINDOW), i))
            far = self._far_cued(i, i - WINDOW) if i > WINDOW else []
            hit = self._cands[i] = [ARTICLE, *far, *near]
        return hit

    def sim_top(self, i: int, cands: Sequence[int]) -> int | None:
        """`sim_top(self, i, cands, features)`: it reads only the overlaps, which no state changes, so it
        is worked out once for the shared candidate list of `candidates(i)` and once per distinct list
        otherwise (threaded decoding: the hypotheses' paths)."""
        hit = self._top.get(i)
        if hit is not None and hit[0] is cands:
            return hit[1]
        shared = cands is self._cands.get(i)
        if not shared:
            key = (i, tuple(cands))
            if key in self._top_of:
                return self._top_of[key]
        sim = self.sim
        best, best_j = 0.0, None
        for j in cands:
            s = sim(i, j) or 0.0
            if s > best:
                best, best_j = s, j
        top = best_j if best_j is not None and best >= SIM_TOP_MIN else None
        if shared:
            self._top[i] = (cands, top)
        else:
            self._top_of[key] = top
        return top

    def _far_cued(self, i: int, stop: int) -> list[int]:
        """The comments before `stop` that a cue of comment i points at (a quotation, "comment 3", or an
        address naming the writer the page shows), found without visiting every earlier comment."""
        hits = {j for j in (*self.quote_hits[i], *self.you_hits[i], *self.ref_hits[i]) if 0 <= j < stop}
        addresses = self.infos[i].addresses
        if addresses:
            for name, where in self._by_name().items():
                if any(cues.address_matches(a, name) for a in addresses):
                    hits.update(j for j in where if j < stop)
        return sorted(hits)

    def _by_name(self) -> dict[str, list[int]]:
        """Comments by the name the page gave their writer."""
        if self._name_index is None:
            index: dict[str, list[int]] = {}
            for j, name in enumerate(self.names):
                if name:
                    index.setdefault(name, []).append(j)
            self._name_index = index
        return self._name_index

    def self_authored(self, i: int) -> bool:
        """Does comment i say it is the article author's ("Author's response", or signed with the
        author's name or initials)? Read from the text alone, so worked out once per comment."""
        hit = self._self_authored.get(i)
        if hit is None:
            info = self.infos[i]
            sig = info.signature
            signed_author = bool(sig and self.article_author and cues.address_matches(
                cues.Address(sig[0], "initials" if sig[0].isupper() and len(sig[0]) <= 3 else "vocative", sig[1]),
                self.article_author))
            hit = self._self_authored[i] = bool(info.self_ref or signed_author)
        return hit

    def is_author_addressed(self, i: int) -> cues.Address | None:
        if i not in self._author_addr:
            self._author_addr[i] = next(
                (a for a in self.infos[i].addresses if cues.address_matches(a, self.article_author)), None)
        return self._author_addr[i]

    def word_keys(self, i: int) -> frozenset[str]:
        """Name keys of comment i's words (for "is this writer named in it"), computed once."""
        if i not in self._word_keys:
            self._word_keys[i] = cues.word_keys(self.texts[i])
        return self._word_keys[i]

    def names_in(self, i: int, name: str) -> bool:
        """`_named_in(name, texts[i])`, without keying the comment's words when the name cannot be
        among them: a word's key is a piece of the text with '_', '-', '.', '@' dropped and case
        folded (casefold maps character by character), so a key missing from that text is no word's."""
        key = cues.name_key(name)
        if len(key) < 3:
            return False
        folded = self._folded.get(i)
        if folded is None:
            folded = self._folded[i] = cues.key_text(self.texts[i])
        first = cues.name_key(name.split()[0]) if name.split() else key
        if key not in folded and (len(first) < 3 or first not in folded):
            return False
        return _named_in_keys(name, self.word_keys(i))

    def static_features(self, i: int, j: int) -> tuple:
        """The parts of the link i -> j's features that no decoding state changes, computed once.

        (head, middle, addressed_author, tail): `features` interleaves them with the state-dependent
        ones, keeping the feature order (and so every float sum) as before; `tail` holds the overlap.
        """
        key = (i, j)
        hit = self._static.get(key)
        if hit is not None:
            return hit
        info, addressed_author, person_addr, article_head, you_opening, cued = self._own_static(i)
        s = self.sim(i, j)
        tail = (("sim", s),) if s else ()
        if j == ARTICLE:
            hit = (article_head, (), addressed_author, tail)
            self._static[key] = hit
            return hit
        head: list[tuple[str, float]] = [("dist", math.log1p(abs(i - j)))]  # abs: a layout parent may come later
        if j == i - 1:
            head.append(("prev", 1.0))
        if cued:  # most comments quote, number, echo and "your X" no one: nothing more to look up
            if j in self.quote_hits[i]:
                head.append(("quote", self.quote_hits[i][j][0]))
            if j in self.you_hits[i]:
                head.append(("quote_you", self.you_hits[i][j][0]))
            if j in self.self_hits[i]:
                head.append(("self_quoted", self.self_hits[i][j][0]))
            if j in self.ref_hits[i]:
                head.append(("number_ref", 1.0))
            if info.yours and info.yours & self.infos[j].mine:
                head.append(("your_my", 1.0))
            if info.echo and set(info.echo[1]) & self.stems(j):
                head.append(("echo", 1.0))
        middle = you_opening + (("answer_q", 1.0),) if info.answer and self.infos[j].asks else you_opening
        hit = (tuple(head), middle, addressed_author, tail)
        self._static[key] = hit
        return hit

    def name_cues(self, i: int, name: str | None) -> tuple[tuple[str, float] | None, bool]:
        """What comment i's words say about a candidate whose writer has this name (None: unknown):
        the address feature ("addr_match", "addr_other" or "addr_unknown", and its value) if i addresses
        a person, and whether i names the writer without addressing them ("name_mention"). The same
        few names come back for every candidate and hypothesis: worked out once per comment and name."""
        key = (i, name)
        hit = self._name_cues.get(key)
        if hit is None:
            person_addr = self._own_static(i)[2]
            addressed = None
            if person_addr:
                best = max((a.strength for a in person_addr if cues.address_matches(a, name)), default=0.0)
                if best:
                    addressed = ("addr_match", best)
                elif name:
                    addressed = ("addr_other", max(a.strength for a in person_addr))
                else:
                    addressed = ("addr_unknown", max(a.strength for a in person_addr))
            mentioned = bool(name and not any(cues.address_matches(a, name) for a in self.infos[i].addresses)
                             and self.names_in(i, name))
            hit = self._name_cues[key] = (addressed, mentioned)
        return hit

    def _own_static(self, i: int) -> tuple:
        """What `static_features` needs of comment i alone, whatever the candidate: computed once per comment."""
        hit = self._own.get(i)
        if hit is not None:
            return hit
        info = self.infos[i]
        addressed_author = self.is_author_addressed(i)
        person_addr = tuple(a for a in info.addresses if a is not addressed_author)
        article_head: list[tuple[str, float]] = [("article", 1.0)]
        if info.article_mention:
            article_head.append(("mention_article", 1.0))
        if info.new_topic:
            article_head.append(("new_topic", 1.0))
        if person_addr:
            article_head.append(("addr_article", max(a.strength for a in person_addr)))
        if addressed_author is not None:
            article_head.append(("addr_author_article", addressed_author.strength))
        you_opening = tuple(kv for kv, on in ((("you", 1.0), info.you), (("opening", 1.0), info.opening)) if on)
        cued = bool(self.quote_hits[i] or self.you_hits[i] or self.self_hits[i] or self.ref_hits[i] or info.yours
                    or info.echo)
        hit = (info, addressed_author, person_addr, tuple(article_head), you_opening, cued)
        self._own[i] = hit
        return hit


def _word_index(texts: Sequence[str], wanted: set[str] | None = None) -> dict[str, list[int]]:
    """Word -> the comments that use it, in display order (to find where a quotation may come from).

    With `wanted` (the words of the page's quotations: the only ones ever looked up), other words
    are left out of the index.
    """
    index: dict[str, list[int]] = {}
    for j, text in enumerate(texts):
        words = cues.quote_words(text)
        for w in (words if wanted is None else words & wanted):
            index.setdefault(w, []).append(j)
    return index


def _quote_sources(quote: str, i: int, containing: Mapping[str, list[int]]) -> list[int]:
    """The comments before i that hold enough of the quotation's words to cover QUOTE_MIN of it.

    A window can match no more of the quote's words (counted with repeats) than the text contains,
    so the rest could never reach QUOTE_MIN: this keeps long pages from aligning every quote
    with every earlier comment.
    """
    counts: dict[str, int] = {}
    for w in cues.quote_tokens(quote):
        counts[w] = counts.get(w, 0) + 1
    n = sum(counts.values())
    present: dict[int, int] = {}
    for w, c in counts.items():
        for j in containing.get(w, ()):
            if j >= i:
                break
            present[j] = present.get(j, 0) + c
    return sorted(j for j, c in present.items() if c >= QUOTE_MIN * n)


class View(NamedTuple):
    """What the decoder currently believes about earlier comments (for dynamic features).

    A NamedTuple (not a frozen dataclass): the decoder makes one for every hypothesis it scores.
    """

    parents: Mapping[int, int]
    names: Mapping[int, str]  # given or inferred writer names
    authored: frozenset[int]  # comments believed written by the article's author
    replies: Mapping[int, int]  # comment -> number of replies so far


def features(ctx: Context, i: int, j: int, view: View) -> dict[str, float]:
    """Feature values of the link i -> j (j = ARTICLE for the article). Zero features are left out."""
    head, middle, addressed_author, tail = ctx.static_features(i, j)
    before, after = _state_terms(ctx, i, j, view, addressed_author)
    f: dict[str, float] = dict(head)
    f.update(before)
    f.update(middle)
    f.update(after)
    f.update(tail)
    return f


def _state_terms(ctx: Context, i: int, j: int, view: View, addressed_author) -> tuple[list, list]:
    """The (feature, value) pairs of the link i -> j that read the decoding state, in the features'
    order: those that come before the static middle features, and those after them. `features` and
    `score` both build on this, so they cannot disagree on which features fire."""
    before: list[tuple[str, float]] = []
    after: list[tuple[str, float]] = []
    i_author = i in view.authored
    if j == ARTICLE:
        if i_author:
            after.append(("author_article", 1.0))
        return before, after
    names = view.names
    j_name = names.get(j)
    addressed, mentioned = ctx.name_cues(i, j_name)
    if addressed:
        before.append(addressed)
    if addressed_author is not None and j in view.authored:
        before.append(("addr_author", addressed_author.strength))
    i_name = names.get(i)
    if i_name and j_name and cues.name_key(i_name) == cues.name_key(j_name):
        after.append(("same_writer", 1.0))
    elif i_author and j in view.authored:
        after.append(("author_to_author", 1.0))
    grand = view.parents.get(j, ARTICLE)
    if grand != ARTICLE and i_name and names.get(grand) and cues.name_key(names[grand]) == cues.name_key(i_name):
        after.append(("back_forth", 1.0))
    if i_author and j not in view.authored:
        after.append(("author_reply", 1.0))
    if mentioned:
        after.append(("name_mention", 1.0))
    if ctx.infos[i].backref and grand != ARTICLE:
        after.append(("backref_chain", 1.0))
    if view.replies.get(j):
        after.append(("replied", math.log1p(view.replies[j])))
    return before, after


class LinkScores:
    """Link scores under one weight vector, for every decoding of one thread.

    `static[(i, j)]` holds the weighted static parts of the link (see `score`); `tables` is the
    decoder's memo of whole scores, per (comment, its writer's name, is it the author's): a table of
    plain scores and one of scores marked "sim_top", by the facts of the decoding state the link
    reads (see decode._facts).
    """

    __slots__ = ("weights", "static", "tables", "top_bonus")

    def __init__(self, weights: Mapping[str, float]):
        self.weights = weights
        self.static: dict[tuple[int, int], tuple] = {}
        self.tables: dict[tuple, tuple[dict[tuple, float], dict[tuple, float]]] = {}
        #: What the "sim_top" mark adds to a score: the decoder appends it as the last feature.
        self.top_bonus = weights.get("sim_top", 0.0) * 1.0

    def weighted_static(self, ctx: Context, i: int, j: int) -> tuple:
        """(weighted head features, weighted middle ones, addressed_author, weighted tail ones) of
        `ctx.static_features(i, j)`: the products `weighted` would add, in its order."""
        key = (i, j)
        hit = self.static.get(key)
        if hit is None:
            wget = self.weights.get
            head, middle, addressed_author, tail = ctx.static_features(i, j)
            hit = self.static[key] = (tuple([wget(k, 0.0) * v for k, v in head]),
                                      tuple([wget(k, 0.0) * v for k, v in middle]), addressed_author,
                                      tuple([wget(k, 0.0) * v for k, v in tail]))
        return hit


def weighted(f: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """A link's score: its features' weighted sum, added in the features' order."""
    wget = weights.get
    return sum([wget(k, 0.0) * v for k, v in f.items()])


def score(ctx: Context, i: int, j: int, view: View, scores: LinkScores, top: bool = False) -> float:
    """`weighted(features(ctx, i, j, view), weights)`, without building the features dict; with `top`, the
    score of the same link marked "sim_top" (which the decoder adds as the last feature).

    The decoder scores many more links than it explains. The static parts come weighted once per link
    (`LinkScores.weighted_static`), and `sum` gets the same products in the same order as `weighted`
    would (the features' order): the same float, whatever way `sum` adds floats (Python 3.12 made it
    compensated); tests/test_structure_links_score.py compares the two.
    """
    head, middle, addressed_author, tail = scores.weighted_static(ctx, i, j)
    before, after = _state_terms(ctx, i, j, view, addressed_author)
    wget = scores.weights.get
    parts = [*head, *[wget(k, 0.0) * v for k, v in before], *middle, *[wget(k, 0.0) * v for k, v in after], *tail]
    if top:
        parts.append(scores.top_bonus)
    return sum(parts)


#: Article paragraphs shorter than this many characters join the next one (captions, one-line leads).
MIN_PARAGRAPH = 200


def article_paragraphs(text: str) -> list[str]:
    """The article cut into paragraph-sized pieces (title and short lines merged forward)."""
    out: list[str] = []
    buf = ""
    for para in (p.strip() for p in text.split("\n")):
        if not para:
            continue
        buf = f"{buf} {para}".strip()
        if len(buf) >= MIN_PARAGRAPH:
            out.append(buf)
            buf = ""
    if buf:
        if out and len(buf) < MIN_PARAGRAPH:
            out[-1] = f"{out[-1]} {buf}"
        else:
            out.append(buf)
    return out


def _named_in(name: str, text: str) -> bool:
    return _named_in_keys(name, cues.word_keys(text))


def _named_in_keys(name: str, tokens: frozenset[str]) -> bool:
    """Is the name (or its first word) one of the words whose name keys are `tokens`?"""
    key = cues.name_key(name)
    if len(key) < 3:
        return False
    first = cues.name_key(name.split()[0]) if name.split() else key
    return key in tokens or (len(first) >= 3 and first in tokens)


def add_sim_top(ctx: Context, i: int, cands: Sequence[int], feats: dict[int, dict[str, float]]) -> None:
    """Mark the candidate with the highest overlap (needs all candidates at once)."""
    best_j = sim_top(ctx, i, cands, feats)
    if best_j is not None:
        feats[best_j]["sim_top"] = 1.0


def sim_top(ctx: Context, i: int, cands: Sequence[int], feats: Mapping[int, Mapping[str, float]]) -> int | None:
    """The candidate with the highest overlap, if it is high enough to mean anything."""
    best, best_j = 0.0, None
    for j in cands:
        s = feats[j].get("sim", 0.0)
        if s > best:
            best, best_j = s, j
    if best_j is not None and best >= SIM_TOP_MIN:
        return best_j
    return None


#: Below this cosine the "most similar" candidate is noise (short comments share a word by chance).
SIM_TOP_MIN = 0.05
