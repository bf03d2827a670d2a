"""The article part of a flat scraped page: title, by-line, date, body, and its furniture.

How each field was found is recorded as an `Inference` in `Article.inferred`
("h1", "first_line", "after_masthead", "byline", "essay_byline", "bio",
"date_line", "season"...), so a reader can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article, Inference, SetAside
from .scraped_dates import MONTHS, SEASON, find_date, is_date_line
from .scraped_furniture import ANYWHERE, BIO_HEADING, REFERENCES_HEADING, line_kind, normalise
from .scraped_lines import Line, is_name, paragraphs, set_aside_runs

# Confidences: how often each cue names the right value on the pages we checked by hand
# (threads/ and the seed pages); rounded, since they rank cues rather than measure them.
CONF_MARKUP_TITLE = 0.95  # <h1> / Markdown "# " heading
CONF_FIRST_LINE = 0.8  # first headline-like line of the page
CONF_AFTER_MASTHEAD = 0.7  # second headline-like line, the first being a short site name
CONF_BYLINE = 0.95  # "By Alice Smith"
CONF_ESSAY_BYLINE = 0.9  # a by-line under the essay's own repeated title (cross-posts)
CONF_BIO = 0.8  # a name line over "<name> is a ..." at the end
CONF_BIO_SENTENCE = 0.6  # "<name> is a ..." closing the article, without a name line
CONF_META = 0.9  # HTML <meta> author / published time
CONF_DATE_LINE = 0.9  # a line holding only a date in the page head
CONF_SEASON = 0.0  # a season is no date: nothing is claimed

#: How many blocks after the title can still hold the by-line and date (a lead-in
#: paragraph and a repeated title come before the by-line of a cross-posted essay).
HEAD_BLOCKS = 12
#: Headline length limit, in words (news headlines rarely exceed 20 words).
HEADLINE_MAX_WORDS = 25
#: A site name over the headline is short (e.g. "Energy Policy Review").
MASTHEAD_MAX_WORDS = 4
#: A role line under the by-line ("Europe Correspondent").
ROLE_MAX_WORDS = 6
#: A closing bio is one of the last blocks of the article.
BIO_TAIL_BLOCKS = 3
#: A one-paragraph bio is a sentence or two; a longer closing paragraph is article text.
BIO_MAX_CHARS = 400

_BYLINE = re.compile(r"^(?:(?:posted|written|story|words|article|text|reporting)\s+)?by\b\s*:?\s*(?P<rest>.*)$"
                     r"|^(?:author|written by|words)\s*:\s*(?P<rest2>.*)$", re.I)
_DATE_THEN_BY = re.compile(r"^(?:posted|published|written)\s+(?:on\s+)?(?P<date>.{6,60}?)\s+by\s+(?P<name>.{1,60})$",
                           re.I)
_PART_SPLIT = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+|,\s+(?=(?:posted|published|updated)\b)", re.I)
_BIO_SENTENCE = re.compile(r"^(?P<name>[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){1,3})(?:,[^,]{1,80},)?\s+"
                           r"(?:is|was|serves as|works as|has been)\s+(?:a|an|the|currently|formerly)\b")
_STOP_TOKENS = frozenset({"on", "at", "posted", "published", "updated", "in", "|"})


@dataclass(frozen=True)
class Hints:
    """What markup told us before the page became text (HTML <h1>/<meta>, Markdown "# ")."""

    title: str | None = None
    title_cue: str = "h1"
    author: str | None = None
    date: str | None = None


@dataclass
class _Byline:
    name: str | None
    date: str | None
    season: str | None
    text: str


def parse_byline(text: str) -> _Byline | None:
    """Read "By Alice Smith | March 3, 2012 | 4 Comments" and kin; None if not a by-line."""
    if len(text) > 160:
        return None
    m = _BYLINE.match(text)
    if not m:
        pair = _name_and_date(text)
        if pair:
            return _Byline(pair[0], pair[1], None, text)
        m = _DATE_THEN_BY.match(text)
        if not m:
            return None
        found = is_date_line(m["date"])
        if not found or not is_name(m["name"]):
            return None
        return _Byline(m["name"].strip(), found.iso[:10], None, text)
    rest = (m["rest"] if m["rest"] is not None else m["rest2"]).strip()
    parts = [p for p in _PART_SPLIT.split(rest)] if rest else [""]
    if rest.startswith(("|", "•", "·")):
        parts = [""] + [p for p in _PART_SPLIT.split(rest.lstrip("|•· ")) if p]
    tokens = parts[0].split()
    name_tokens: list[str] = []
    for k, tok in enumerate(tokens):
        tail = " ".join(tokens[k:])
        if tok.lower() in _STOP_TOKENS or tok[0].isdigit() or (
            tok.lower().strip(".,") in MONTHS and find_date(tail)) or SEASON.match(tail):
            parts[1:1] = [tail]
            break
        name_tokens.append(tok)
    name = " ".join(name_tokens).strip(" ,") or None
    if name is not None and not is_name(name):
        return None
    date = season = None
    for part in parts[1:]:
        found = find_date(part)
        if found and date is None:
            date = found.iso[:10]
        s = SEASON.search(part)
        if s and season is None and not found:
            season = s.group(0)
    if name is None and date is None and season is None:
        return None
    return _Byline(name, date, season, text)


def _name_and_date(text: str) -> tuple[str, str] | None:
    """"June 2, 2018 · Rosa Delgado" or "Rosa Delgado | June 2, 2018": a by-line without "by"."""
    parts = [p.strip() for p in re.split(r"\s+[|•·]\s+|\s+[–—]\s+", text)]
    if len(parts) != 2:
        return None
    for a, b in (parts, parts[::-1]):
        found = is_date_line(a)
        if found and is_name(b) and len(b.split()) >= 2:
            return b, found.iso[:10]
    return None


def _headline_like(block: list[Line]) -> bool:
    if len(block) != 1:
        return False
    s = block[0].text
    words = s.split()
    return (0 < len(words) <= HEADLINE_MAX_WORDS
            and (not s.endswith((".", ",", ";", ":")) or (s.endswith(".") and _title_case(words)))
            and (s[0].isupper() or s[0].isdigit() or s[0] in "\"“‘'")
            and parse_byline(s) is None and is_date_line(s) is None)


def _title_case(words: list[str]) -> bool:
    """Headline capitalisation ("Stop Banning ChatGPT. Teach It."): a headline may end with a full
    stop, a sentence of the body does not capitalise its longer words."""
    long = [w for w in words if len(w.strip(".,;:!?\"“”‘’'")) > 3]
    return len(long) >= 2 and all(w.lstrip("\"“‘'")[:1].isupper() for w in long)


def _line_kinds(lines: list[Line]) -> list[str | None]:
    """Furniture kind per line; reference lists run on over their indented continuation lines."""
    kinds: list[str | None] = []
    mode: str | None = None  # "references" after a heading, "footnote" after a "[1]" line, "bio"
    for ln in lines:
        if ln.blank:
            kinds.append(None)
            continue
        kind = line_kind(ln.text, in_article=True)
        if REFERENCES_HEADING.match(ln.text):
            kind, mode = "footnotes", "references"
        elif BIO_HEADING.match(ln.text):
            kind, mode = "author_bio", "bio"
        elif kind is None:
            if mode == "references" or (mode == "footnote" and ln.indent > 0):
                kind = "footnotes"
            elif mode == "bio":
                kind = "author_bio"
            else:
                mode = None  # text back at the margin ends a footnote
        elif kind == "footnotes":
            mode = mode if mode == "references" else "footnote"
        elif mode in ("footnote", "bio"):
            mode = None
        kinds.append(kind)
    return kinds


def parse_article(lines: list[Line], hints: Hints = Hints()) -> tuple[Article, list[SetAside]]:
    """Split the article part into fields and body; everything else is set aside."""
    kinds = _line_kinds(lines)
    aside: list[tuple[str, Line]] = [(k, ln) for k, ln in zip(kinds, lines) if k]
    blocks = paragraphs([ln if not k else Line(ln.no, 0, "") for k, ln in zip(kinds, lines)])
    role: dict[int, str] = {}  # block index -> what it is, when not body
    _mark_captions(blocks, lines, kinds, role)
    inferred: dict[str, Inference] = {}
    title = _find_title(blocks, role, hints, inferred)
    author, date, season = _read_head(blocks, role, title, inferred)
    bio = _find_bio(blocks, role)
    if author is None and bio:
        author = bio[0]
        inferred["author"] = Inference(bio[1], CONF_BIO if bio[1] == "bio" else CONF_BIO_SENTENCE, bio[0])
    if author is None and hints.author:
        author = hints.author
        inferred["author"] = Inference("html_meta", CONF_META, hints.author)
    if date is None and hints.date:
        date = hints.date
        inferred["date"] = Inference("html_meta", CONF_META, hints.date)
    if date is None and season:
        inferred["date"] = Inference("season", CONF_SEASON, season,
                                     "the page gives a season, not a date; no date is claimed")
    for i, b in enumerate(blocks):
        if i in role:
            aside.extend((role[i], ln) for ln in b)
    body = "\n\n".join(_text(b) for i, b in enumerate(blocks) if i not in role)
    aside.sort(key=lambda kl: kl[1].no)
    article = Article(title=title, author=author, date=date, text=body, inferred=inferred)
    return article, set_aside_runs(aside)


def _mark_captions(blocks: list[list[Line]], lines: list[Line], kinds: list[str | None], role: dict[int, str]) -> None:
    """The same text twice in a row (image alt text + caption); a short title right over "Figure 1 ..."."""
    norm = [normalise(_text(b)) for b in blocks]  # each block normalised once, not once per neighbour
    for i in range(len(blocks) - 1):
        if norm[i] == norm[i + 1]:
            role[i] = role[i + 1] = "caption"
    caption_lines = {ln.no for k, ln in zip(kinds, lines) if k == "caption"}
    for i, b in enumerate(blocks):
        nxt = b[-1].no + 1
        while nxt <= len(lines) and lines[nxt - 1].blank:
            nxt += 1
        if nxt in caption_lines and _headline_like(b) and i not in role:
            role[i] = "caption"


def _find_title(blocks: list[list[Line]], role: dict[int, str], hints: Hints,
                inferred: dict[str, Inference]) -> str | None:
    """The markup's title, else the first headline-like line (the second, under a short site name)."""
    if hints.title:
        inferred["title"] = Inference(hints.title_cue, CONF_MARKUP_TITLE, hints.title)
        title_key = normalise(hints.title)
        for i, b in enumerate(blocks):
            if i not in role and normalise(_text(b)) == title_key:
                role[i] = "title"
                for j in range(i):  # a site name printed above the post's title
                    if j not in role and _headline_like(blocks[j]):
                        role[j] = "masthead"
                break
        return hints.title
    lead: list[int] = []
    for i, b in enumerate(blocks):
        if i in role:
            continue
        if len(b) == 1 and (parse_byline(_text(b)) or is_date_line(_text(b))):
            if lead:
                break
            continue  # a date or by-line printed above the headline
        if not _headline_like(b):
            break
        lead.append(i)
        if len(lead) == 2:
            break
    if not lead:
        return None
    pick, cue, conf = lead[0], "first_line", CONF_FIRST_LINE
    if len(lead) == 2:
        first, second = (len(_text(blocks[k]).split()) for k in lead)
        if first <= MASTHEAD_MAX_WORDS and second > first:
            role[lead[0]] = "masthead"
            pick, cue, conf = lead[1], "after_masthead", CONF_AFTER_MASTHEAD
    role[pick] = "title"
    title = _text(blocks[pick])
    inferred["title"] = Inference(cue, conf, title)
    return title


def _read_head(blocks: list[list[Line]], role: dict[int, str], title: str | None,
               inferred: dict[str, Inference]) -> tuple[str | None, str | None, str | None]:
    """(author, date, season) from the by-lines and date lines of the page head.

    A by-line under a repeated title is the cross-posted essay's own, and
    names the author even when the site's by-line named someone else.
    """
    author = date = season = None
    after_title_repeat = False
    seen = 0
    title_key = normalise(title) if title else None
    for i, b in enumerate(blocks):
        if i in role:
            continue
        seen += 1
        if seen > HEAD_BLOCKS:
            break
        text = _text(b)
        if title and normalise(text) == title_key:
            role[i] = "title"
            after_title_repeat = True
            continue
        by = parse_byline(text) if len(b) == 1 else None
        if by:
            role[i] = "byline"
            if by.name and (author is None or after_title_repeat):
                cue = "essay_byline" if after_title_repeat else "byline"
                author = by.name
                inferred["author"] = Inference(cue, CONF_ESSAY_BYLINE if after_title_repeat else CONF_BYLINE,
                                               by.text)
            if by.date and date is None:
                date = by.date
                inferred["date"] = Inference("byline", CONF_BYLINE, by.text)
            season = season or by.season
            after_title_repeat = False
            if i + 1 < len(blocks) and i + 1 not in role and _role_line(blocks[i + 1]):
                role[i + 1] = "byline"
            continue
        found = is_date_line(text) if len(b) == 1 else None
        if found:
            role[i] = "dateline"
            if date is None:
                date = found.iso[:10]
                inferred["date"] = Inference("date_line", CONF_DATE_LINE, text)
        elif len(b) == 1 and SEASON.fullmatch(text.strip()):
            role[i] = "dateline"
            season = season or text.strip()
    return author, date, season


def _find_bio(blocks: list[list[Line]], role: dict[int, str]) -> tuple[str, str] | None:
    """(name, cue) of a closing bio: "Name" over "Name is a ...", or a last paragraph "Name is a ..."."""
    tail = [i for i in range(len(blocks)) if i not in role][-BIO_TAIL_BLOCKS:]
    for k, i in enumerate(tail):
        text = _text(blocks[i])
        if len(blocks[i]) == 1 and is_name(text) and len(text.split()) >= 2 and k + 1 < len(tail):
            follow = _text(blocks[tail[k + 1]])
            if follow.startswith(text) and _BIO_SENTENCE.match(follow):
                role[i] = role[tail[k + 1]] = "author_bio"
                return text, "bio"
    if tail:
        text = _text(blocks[tail[-1]])
        m = _BIO_SENTENCE.match(text)
        if m and len(text) <= BIO_MAX_CHARS and is_name(m["name"]):
            role[tail[-1]] = "author_bio"
            return m["name"], "bio_sentence"
    return None


def _role_line(block: list[Line]) -> bool:
    """A job title under a by-line ("Europe Correspondent")."""
    s = _text(block)
    return (len(block) == 1 and 0 < len(s.split()) <= ROLE_MAX_WORDS and s[0].isupper()
            and not s.endswith((".", "!", "?")) and is_date_line(s) is None
            and not any(rx.match(s) for rx in ANYWHERE.values()))


def _text(block: list[Line]) -> str:
    return "\n".join(ln.text for ln in block)
