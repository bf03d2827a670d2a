"""Hand-built tagged threads for the report tests (no dependence on the taggers' quality)."""

from __future__ import annotations

from debate import tree
from debate.model import (Article, Comment, CommentTags, Evidence, Label, Sentiment, SentenceSentiment,
                          Thesis, Thread)


def label(value: str, score: float = 0.8, cue: str = "rule", text: str = "", weight: float = 0.5) -> Label:
    return Label(value, score, (Evidence(cue, text, weight),) if cue else (), "local")


def sentiment(compound: float, text: str = "") -> Sentiment:
    lab = "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"
    pos = max(compound, 0.0)
    neg = max(-compound, 0.0)
    return Sentiment(compound, pos, 1 - pos - neg, neg, lab,
                     (SentenceSentiment(text, compound, pos, 1 - pos - neg, neg, lab),) if text else ())


def make_thread(rows, *, title="Cities should build protected bike lanes", thesis="Cities should build "
                "protected bike lanes", author="Dana Writer", url="https://example.org/bike-lanes",
                thread_id="bikes") -> Thread:
    """rows: (id, author, parent, text, stance, relation, compound[, acts])."""
    comments = []
    tags = {}
    for i, row in enumerate(rows, 1):
        cid, who, parent, text, stance, relation, compound, *rest = row
        acts = rest[0] if rest else ()
        comments.append(Comment(id=cid, text=text, number=str(i), author=who, parent=parent,
                                timestamp=f"2024-05-01T10:{i:02d}:00Z"))
        tags[cid] = CommentTags(
            cid, sentiment(compound, text),
            label(stance, cue="stance_cue", text=text[:20]),
            label(relation, cue="relation_cue", text=text[:10]) if parent else None,
            tuple(label(a, cue="act_cue", text=text[:5]) for a in acts),
        )
    t = Thread(id=thread_id, article=Article(title=title, author=author, date="2024-05-01", url=url,
                                             text="Bike lanes save lives. Cities should build them."),
               comments=tuple(comments), source_path=f"threads/{thread_id}.json", source_format="canonical",
               thesis=Thesis(thesis, "title"), tags=tags)
    return tree.derive_participants(t)


BIKE_ROWS = [
    ("a1", "Alice", None, "Protected lanes should be built everywhere because they save lives. I cycle daily.",
     "favor", None, 0.6, ("evidence",)),
    ("b1", "Bob", "a1", "I disagree. Lanes take parking away and shops must have parking to survive.",
     "against", "disagree", -0.4, ("disagreement", "rebuttal")),
    ("a2", "Alice", "b1", "Studies show shops gain customers; the parking argument is wrong.",
     "favor", "disagree", 0.1, ("evidence", "rebuttal")),
    ("c1", None, "a1", "Agreed, protected lanes should be a priority. My kids could ride to school.",
     "favor", "agree", 0.7, ("agreement",)),
    ("d1", "Dora", None, "What about winter? Nobody cycles in snow.", "against", None, -0.2, ("question",)),
    ("b2", "Bob", "c1", "Kids should take the bus, roads are for cars.", "against", "disagree", -0.1),
    ("e1", None, None, "Nice article, thanks.", "none", None, 0.8, ("appreciation",)),
]


# --- checking Markdown ------------------------------------------------------------------

import re  # noqa: E402

from markdown_it import MarkdownIt  # noqa: E402

#: What GitHub's autolink extension would turn into a link in plain text, plus script schemes.
LIVE_TEXT = re.compile(r"(?i)(?:\b[a-z][a-z0-9+.\-]*://|\bwww\.|\bjavascript:|\bvbscript:|\bdata:|\bmailto:|"
                       r"[\w.+\-]+@[\w\-]+\.[\w.\-]*\w)")
OUR_ANCHOR = re.compile(r'<a id="c-\d+">|</a>|<a id="c-\d+"></a>')  # markdown-it splits open and close


def parse_md(text: str):
    """Tokens of GitHub-flavoured Markdown (CommonMark + tables + strikethrough), children flattened."""
    md = MarkdownIt("commonmark", {"maxNesting": 200}).enable(["table", "strikethrough"])
    out = []
    for tok in md.parse(text):
        out.append(tok)
        out.extend(tok.children or [])
    return out


def assert_inert(text: str, allowed_links: tuple[str, ...] = ()) -> list:
    """No HTML but our anchors, no image, no link but to our anchors (or `allowed_links`),
    no auto-linkable text outside code spans. Returns the tokens."""
    tokens = parse_md(text)
    in_link = False
    for tok in tokens:
        if tok.type in ("link_open", "link_close"):
            in_link = tok.type == "link_open"
        if tok.type in ("html_inline", "html_block"):
            assert OUR_ANCHOR.fullmatch(tok.content.strip()), f"raw HTML in output: {tok.content[:80]!r}"
        assert tok.type != "image", f"image in output: {tok}"
        if tok.type == "link_open":
            href = tok.attrs["href"]
            assert href.startswith("#c-") or href in allowed_links, f"live link to {href!r}"
        if tok.type == "text" and not in_link:
            m = LIVE_TEXT.search(tok.content)
            assert m is None, f"auto-linkable text {m.group(0)!r} in {tok.content[:120]!r}"
    return tokens


def mermaid_blocks(text: str) -> list[str]:
    return [tok.content for tok in parse_md(text) if tok.type == "fence" and tok.info.strip() == "mermaid"]


_LABEL = r"(?:[^\W_]|[ ,.'?/…()]|#\d+;)*"
MERMAID_LINE = re.compile(
    rf'graph LR|  art\(\["Article: {_LABEL}"\]\)|  p\d+\["{_LABEL}"\]'
    r'|  p\d+ -->\|"[a-z0-9 ,]+"\| (?:p\d+|art)|  classDef [a-z]+ [a-z0-9:#,\- ]+|  class [a-z0-9,]+ [a-z]+'
)


def assert_mermaid_safe(block: str) -> None:
    for line in block.splitlines():
        assert MERMAID_LINE.fullmatch(line), f"unexpected Mermaid line: {line!r}"
