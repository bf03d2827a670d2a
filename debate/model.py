"""The data model every step shares: a thread, its article, comments and tags.

Plain frozen dataclasses. Steps never mutate a thread; they return a new one
with `dataclasses.replace`. Every value that the source did not give but a step
inferred carries an `Inference` saying by which cue and with what confidence,
so that a reader (or a student) can check it.

Mappings inside the dataclasses are plain dicts for convenience: treat them as
read-only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

#: Version tag written into every canonical JSON document.
SCHEMA = "debate.thread/1"

#: Markers a source (or a repair step) can put on a comment.
FLAGS = frozenset(
    {
        "deleted",  # the author or the site deleted it; text may be a marker like "[deleted]"
        "removed",  # removed by a moderator
        "spam",  # marked as spam by the site
        "unapproved",  # held for moderation, never shown publicly
        "pingback",  # WordPress pingback: another site linked here, not a discussion turn
        "trackback",  # WordPress trackback, likewise
        "orphaned",  # its parent was missing from the source; reattached to the article
        "cycle_repaired",  # its parent link closed a cycle; reattached to the article
        "edited",  # the source says it was edited
        "empty",  # the source gave no text
        "author_deleted",  # the source hides the author (Reddit "[deleted]" account); text may be intact
    }
)

Order = Literal["chronological", "threaded"]
ORDERS: tuple[str, ...] = ("chronological", "threaded")

STANCES: tuple[str, ...] = ("favor", "against", "none")
RELATIONS: tuple[str, ...] = ("agree", "disagree", "neutral")
#: Discourse acts; after the Coarse Discourse label set, plus argumentation acts.
ACTS: tuple[str, ...] = (
    "question",
    "answer",
    "agreement",
    "disagreement",
    "elaboration",
    "rebuttal",
    "concession",
    "evidence",
    "appeal_to_emotion",
    "personal_attack",
    "humor",
    "appreciation",
    "announcement",
    "negative_reaction",
    "other",
)
SENTIMENT_LABELS: tuple[str, ...] = ("positive", "neutral", "negative")


@dataclass(frozen=True)
class Inference:
    """How a value was inferred when the source did not state it.

    `cue` names the kind of evidence ("vocative", "at_mention", "author_response",
    "byline", ...); `evidence` quotes the text span that fired; `confidence` is
    in [0, 1]; `note` is a free sentence for `--explain`.
    """

    cue: str
    confidence: float
    evidence: str = ""
    note: str = ""


@dataclass(frozen=True)
class Article:
    """The piece the comments answer. Any field may be unknown (None / "")."""

    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601: a date "2012-03-29" or a UTC timestamp
    url: str | None = None
    text: str = ""
    inferred: Mapping[str, Inference] = field(default_factory=dict)


@dataclass(frozen=True)
class Comment:
    """One comment. `parent` None means it answers the article.

    `number` is the label the page showed ("4", "1.1"), kept for display.
    `speaker` is the id of the Participant who wrote it (None until known).
    `original` keeps the source's markup (HTML/Markdown) when `text` is its
    plain-text rendering. `extra` holds source-specific scalars (score,
    permalink...) for provenance only; no step reads them.
    """

    id: str
    text: str
    number: str | None = None
    author: str | None = None
    parent: str | None = None
    timestamp: str | None = None
    speaker: str | None = None
    original: str | None = None
    flags: tuple[str, ...] = ()
    inferred: Mapping[str, Inference] = field(default_factory=dict)
    extra: Mapping[str, str | int | float | bool | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Participant:
    """A person in the thread. `label` is the name, or a stable placeholder."""

    id: str
    label: str
    name: str | None = None
    comments: tuple[str, ...] = ()
    is_article_author: bool = False
    inferred: Mapping[str, Inference] = field(default_factory=dict)


@dataclass(frozen=True)
class SetAside:
    """Page furniture kept out of the analysed text, recorded so nothing vanishes."""

    kind: str  # "navigation", "spam_notice", "login_form", "author_bio", "caption", "footnotes", ...
    text: str
    line: int | None = None  # 1-based line in the source where it starts


@dataclass(frozen=True)
class SourceStats:
    """What the reader saw, so every source item is accounted for."""

    loaded: int = 0  # comments in the thread (including deleted/spam ones, which are kept)
    deleted: int = 0  # of which deleted or removed
    spam: int = 0  # of which spam or unapproved
    not_loaded: int = 0  # comments the source only announced (Reddit "more" stubs)
    orphaned: int = 0  # comments whose parent was missing
    repaired: int = 0  # comments whose parent link was cut to break a cycle
    pingbacks: int = 0  # pingbacks / trackbacks (kept, flagged, not discussion)


# --- tags ------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """One cue behind a tag: which rule or cue fired, on what text, with what weight."""

    cue: str
    text: str = ""
    weight: float = 0.0


@dataclass(frozen=True)
class Label:
    """A tag value with its score and the evidence that produced it.

    `decided_by` says which step settled it: "local" (the comment's own cues),
    "model" (a trained model), "reviser" (the learned stance reviser), "flag", or a thread-level rule name.
    """

    value: str
    score: float
    evidence: tuple[Evidence, ...] = ()
    decided_by: str = "local"


@dataclass(frozen=True)
class SentenceSentiment:
    text: str
    compound: float
    pos: float
    neu: float
    neg: float
    label: str


@dataclass(frozen=True)
class Sentiment:
    """VADER scores for a whole comment plus each of its sentences."""

    compound: float
    pos: float
    neu: float
    neg: float
    label: str
    sentences: tuple[SentenceSentiment, ...] = ()


@dataclass(frozen=True)
class CommentTags:
    comment_id: str
    sentiment: Sentiment | None = None
    stance: Label | None = None
    relation: Label | None = None
    acts: tuple[Label, ...] = ()


@dataclass(frozen=True)
class Thesis:
    """The position the article argues, and what it is about.

    `source` is "given" (--thesis), or where it was extracted from ("title",
    "lead", "conclusion"), or "title_report" / "title_question" for the decision a
    news title reports or the question a title asks, stated as a claim (the article
    itself argues neither). `clear` is False when the article takes no position.
    """

    text: str
    source: str
    targets: tuple[str, ...] = ()
    clear: bool = True
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Voice:
    """A quotation attributed to someone inside the article ("said Professor Kang")."""

    speaker: str
    quote: str
    role: str | None = None
    stance: Label | None = None


# --- the thread --------------------------------------------------------------


@dataclass(frozen=True)
class Thread:
    """An article, its comments and everything later steps add.

    `comments` are in source (display) order. `order` says how a flat page
    listed them, when known. `tags` maps comment id -> CommentTags once tagged.
    """

    id: str
    article: Article
    comments: tuple[Comment, ...] = ()
    participants: tuple[Participant, ...] = ()
    set_aside: tuple[SetAside, ...] = ()
    source_path: str | None = None
    source_format: str | None = None
    order: str | None = None
    structure_inferred: bool = False
    stats: SourceStats = field(default_factory=SourceStats)
    #: Thread-level values that were inferred ("order": how the page listed its comments).
    inferred: Mapping[str, Inference] = field(default_factory=dict)
    thesis: Thesis | None = None
    voices: tuple[Voice, ...] = ()
    tags: Mapping[str, CommentTags] = field(default_factory=dict)

    def comment(self, comment_id: str) -> Comment:
        for c in self.comments:
            if c.id == comment_id:
                return c
        raise KeyError(comment_id)

    def by_id(self) -> dict[str, Comment]:
        return {c.id: c for c in self.comments}

    def participant(self, participant_id: str) -> Participant:
        for p in self.participants:
            if p.id == participant_id:
                return p
        raise KeyError(participant_id)


# --- fast construction of tag records ------------------------------------------


def _fill_dict_init(cls: type) -> bool:
    """Give the plain frozen dataclass `cls` an `__init__` that fills its `__dict__` directly.

    Why: a frozen dataclass's generated `__init__` sets each field through
    `object.__setattr__`, about twice the cost of a dict store, and tagging builds
    ten or so of these records per comment (issue 5's throughput target). The
    record is the same: same fields in the same order, same defaults, equal and
    hash-equal to one built the usual way, still frozen (tests/test_tag_speed.py).
    Classes with a `__post_init__`, slots, default factories or fields that are
    not plain `__init__` arguments keep their generated `__init__` (returns False).
    """
    from dataclasses import MISSING, fields

    params = getattr(cls, "__dataclass_params__", None)
    fs = fields(cls)
    if (params is None or not params.frozen or hasattr(cls, "__post_init__") or "__slots__" in vars(cls)
            or any(f.default_factory is not MISSING or not f.init or f.kw_only for f in fs)):
        return False
    defaults = {f"_default_{f.name}": f.default for f in fs if f.default is not MISSING}
    args = ", ".join(f.name if f.default is MISSING else f"{f.name}=_default_{f.name}" for f in fs)
    body = "".join(f"    d[{f.name!r}] = {f.name}\n" for f in fs)
    namespace = dict(defaults)
    exec(f"def __init__(self, {args}):\n    d = self.__dict__\n{body}", namespace)  # noqa: S102 (as dataclasses does)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init
    return True


#: The records tagging builds per comment (and per sentence), built the fast way.
FAST_RECORDS = tuple(c for c in (Evidence, Label, CommentTags, SentenceSentiment, Sentiment) if _fill_dict_init(c))
