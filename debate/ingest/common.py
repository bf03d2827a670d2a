"""Helpers every reader shares: opening (compressed) files, timestamps, markup, thread assembly."""

from __future__ import annotations

import gzip
import html
import io
import math
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..model import Article, Comment, SourceStats, Thread
from ..tree import repair_tree


def open_text(path: Path) -> IO[str]:
    """Open a text file, transparently decompressing `.gz` and `.zst`."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    if name.endswith(".zst"):
        try:
            import zstandard
        except ImportError:  # pragma: no cover - zstandard is a dependency
            raise InputError("reading .zst needs the 'zstandard' package", path=str(path)) from None
        from .pushshift import _zst_chunks  # every frame, and an error for a frame cut short

        raw = open(path, "rb")
        reader = io.BufferedReader(_ChunkStream(_zst_chunks(raw, str(path)), raw))
        return io.TextIOWrapper(reader, encoding="utf-8", errors="replace")
    raw = open(path, "rb")  # opened once: the mark is peeked at, then the same buffer is decoded
    try:
        # What open(path, encoding=..., errors="replace", newline="") builds over the same buffered reader.
        return io.TextIOWrapper(raw, encoding=text_encoding(raw.peek(4)), errors="replace", newline="")
    except BaseException:
        raw.close()
        raise


def text_encoding(head: bytes) -> str:
    """The codec `open_text` decodes an uncompressed file with, from its first bytes."""
    # Windows tools ("Unicode Text" in Excel, PowerShell) write UTF-16 with a byte-order mark.
    return next((enc for bom, enc in _BOMS if head.startswith(bom)), "utf-8-sig")


def read_small_text(path: Path, size: int) -> str | None:
    """The whole text of an uncompressed file of at most `size` bytes, as `open_text(path).read()` gives
    it, read and decoded in one go (twice as fast as through a text stream); None for a larger file.

    Files of under 3 bytes are left to `open_text` (None): its stream keeps a cut-off UTF-8 byte-order
    mark ("\xef\xbb") back as undecided where a one-go decode replaces it.
    """
    with open(path, "rb") as raw:
        data = raw.read(size + 1)
    if len(data) > size or len(data) < 3:
        return None
    return data.decode(text_encoding(data[:4]), "replace")


#: Byte-order marks of the encodings besides UTF-8 a text file announces itself in (UTF-32 first:
#: its little-endian mark begins with UTF-16's). The codecs named here consume the mark.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


class _ChunkStream(io.RawIOBase):
    """A readable byte stream over decompressed chunks.

    zstandard's own `stream_reader` stops quietly where a truncated download
    ends, so a cut file would read as a shorter thread; the chunks come from a
    decompressor that says so instead.
    """

    def __init__(self, chunks, raw):
        self._chunks, self._raw, self._pending = chunks, raw, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            self._pending = next(self._chunks, None)
            if self._pending is None:
                self._pending = b""
                return 0
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


# --- timestamps -----------------------------------------------------------------


_EPOCH = re.compile(r"\d{9,13}(\.\d+)?")  # epoch seconds or milliseconds written as text
_SPACED_ISO = re.compile(r"\d{4}-\d\d-\d\d \d")  # "2012-03-29 14:03:00" (SQL style): fromisoformat wants "T"


def to_utc_iso(value: object, *, path: str | None = None, where: str | None = None) -> str | None:
    """Normalise a timestamp to ISO 8601 UTC ("2012-03-29T14:03:00Z").

    Accepts epoch seconds or milliseconds (int/float/str of digits), ISO 8601
    strings with or without offset (naive ones are taken as UTC), and RFC 2822
    dates. None and "" give None; anything else unparseable is an InputError.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InputError(f"expected a timestamp, got {value!r}", path=path, where=where)
    if isinstance(value, (int, float)) or (isinstance(value, str) and _EPOCH.fullmatch(value.strip())):
        seconds = float(value)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000.0
        try:
            dt = datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, ValueError, OSError):  # NaN, infinity, beyond year 9999
            raise InputError(f"timestamp {value!r} is out of range; expected epoch seconds or milliseconds",
                             path=path, where=where) from None
        return _fmt(dt)
    if isinstance(value, str):
        s = value.strip()
        iso = s.replace("Z", "+00:00") if s.endswith("Z") else s
        try:
            dt = datetime.fromisoformat(iso.replace(" ", "T", 1) if _SPACED_ISO.match(iso) else iso)
        except ValueError:
            try:
                dt = parsedate_to_datetime(s)
            except (TypeError, ValueError, IndexError):
                raise InputError(f"cannot read timestamp {value!r}", path=path, where=where) from None
        if dt.tzinfo is None:  # taken as UTC: already the time to write
            return _fmt(dt)
        try:
            return _fmt(dt.astimezone(timezone.utc))
        except OverflowError:  # "0001-01-01T00:00+01:00" has no UTC time
            raise InputError(f"timestamp {value!r} is out of range", path=path, where=where) from None
    raise InputError(f"expected a timestamp, got {type(value).__name__}", path=path, where=where)


def _fmt(dt: datetime) -> str:
    """A UTC time (aware, or naive meaning UTC) as "2012-03-29T14:03:00Z", fraction without trailing 0s."""
    if dt.year < 1000:  # strftime writes such years unpadded ("5-01-02"): kept as it always was
        if dt.microsecond:
            return dt.strftime("%Y-%m-%dT%H:%M:%S.%f").rstrip("0") + "Z"
        return dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    # isoformat is strftime("%Y-%m-%dT%H:%M:%S[.%f]") for 4-digit years, then "+00:00" when aware;
    # several times faster (it runs once per comment of every thread read)
    text = dt.isoformat()
    if dt.tzinfo is not None:
        text = text[:-6]
    return (text.rstrip("0") if dt.microsecond else text) + "Z"


# --- markup -----------------------------------------------------------------------

_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4",
                         "h5", "h6", "tr", "table", "hr"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in ("p", "div", "blockquote", "pre") else "\n")
        if tag == "blockquote":
            self.parts.append("> ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, paragraphs kept."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    parts = _simple_parts(markup)
    if parts is None:
        parser = _TextExtractor()
        parser.feed(markup)
        parser.close()
        parts = parser.parts
    text = "".join(parts)
    # Each rewrite is skipped where it would change nothing: a lone space already is " ", so runs of
    # blanks matter only where a text has two spaces in a row or another blank character.
    if _ODD_BLANKS.search(text):
        text = _BLANKS.sub(" ", text)
    if "\n" in text:
        text = _SPACED_NEWLINE.sub("\n", text)
        if "\n\n\n" in text:
            text = _NEWLINES.sub("\n\n", text)
    return text.strip()


_BLANKS = re.compile(r"[ \t\r\f\v]+")
_ODD_BLANKS = re.compile(r"[\t\r\f\v]|  ")
_SPACED_NEWLINE = re.compile(r" *\n *")
_NEWLINES = re.compile(r"\n{3,}")

#: Tags the fast path of `html_to_text` reads itself: the block tags, common inline ones and the
#: sectioning ones of a whole saved page, none of which html.parser treats specially (it switches to
#: raw text inside script and style, and newer Pythons inside title, textarea, iframe, xmp, noembed,
#: noframes and noscript too: those always go to the parser).
_SIMPLE_TAGS = _BLOCK_TAGS | {"a", "b", "i", "u", "s", "em", "strong", "code", "span", "sub", "sup", "small",
                              "del", "ins", "abbr", "cite", "q", "mark",
                              "html", "body", "main", "article", "section", "header", "footer", "aside",
                              "time", "figure", "figcaption"}
#: One start tag with only double-quoted attributes free of "<" and ">", one bare end tag, one comment
#: without "-", "<" or ">" inside (WordPress's "<!-- wp:paragraph -->"), or one "<!DOCTYPE ...>"
#: without "<" or ">" inside: html.parser reads each such tag as exactly one start tag, end tag,
#: comment or declaration ending at its ">". Groups: "/", name, attributes (all None for a comment or
#: a declaration, which the extractor both ignores).
_SIMPLE_TAG = re.compile(r'<(?:(/?)([a-zA-Z][a-zA-Z0-9]*)((?: +[a-zA-Z][-a-zA-Z0-9:]*="[^"<>]*")*)|!--[^-<>]*--|'
                         r'![dD][oO][cC][tT][yY][pP][eE][^<>]*)>')


def _simple_parts(markup: str) -> list[str] | None:
    """The pieces `_TextExtractor` collects from `markup`, or None when it needs the real parser.

    Most comments with markup are paragraphs and links ("<p>I&#x27;d say...</p>"). When every "<"
    opens a tag of `_SIMPLE_TAG`'s form with a name in `_SIMPLE_TAGS`, html.parser hands the text
    between two tags to handle_data as one unescaped run (with convert_charrefs it only ever cuts
    data at a "<") and calls handle_starttag / handle_endtag with the lower-cased name for each tag;
    this replays exactly that, several times faster than building a parser per comment.
    """
    pieces = _SIMPLE_TAG.split(markup)  # data, "/", name, attributes, data, ... (None, None, None: a comment)
    parts: list[str] = []
    for k in range(0, len(pieces), 4):
        data = pieces[k]
        if data:
            if "<" in data:
                return None
            parts.append(html.unescape(data) if "&" in data else data)
        if k + 1 == len(pieces):
            break
        closing, tag = pieces[k + 1], pieces[k + 2]
        if tag is None:  # a comment or a declaration: the extractor keeps nothing of it
            continue
        tag = tag.lower()
        if tag not in _SIMPLE_TAGS or (closing and pieces[k + 3]):
            return None
        if tag in _BLOCK_TAGS:  # what _TextExtractor's handlers append
            if closing:
                parts.append("\n")
            else:
                parts.append("\n\n" if tag in ("p", "div", "blockquote", "pre") else "\n")
                if tag == "blockquote":
                    parts.append("> ")
    return parts


_HTML_TAG = re.compile(r"</?(p|a|br|i|b|em|strong|blockquote|code|pre|span|div|ul|li)\b[^>]*>", re.I)
_HTML_ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.I)


def looks_like_html(text: str) -> bool:
    # A tag needs "<" and an entity "&": most comments have neither, and the scans are skipped.
    return ("<" in text and bool(_HTML_TAG.search(text))) or ("&" in text and bool(_HTML_ENTITY.search(text)))


_MD_RULES = [
    # (pattern, replacement, text one of which every match contains: rules whose text is absent are skipped)
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1", ("](",)),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1", ("](",)),  # links -> link text
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), "", ("#",)),  # headings
    (re.compile(r"^\s{0,3}>\s?", re.M), "", (">",)),  # quote markers (the quote stays as text)
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2", ("**", "__")),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1", ("*",)),  # italic *x*
    (re.compile(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)"), r"\1", ("_",)),  # italic _x_
    (re.compile(r"~~(.+?)~~"), r"\1", ("~~",)),  # strikethrough
    (re.compile(r"`([^`]+)`"), r"\1", ("`",)),  # inline code
    (re.compile(r"^\s*[-*+]\s+", re.M), "- ", ("-", "*", "+")),  # bullets normalised
    (re.compile(r"&gt;"), ">", ("&gt;",)),
    (re.compile(r"&lt;"), "<", ("&lt;",)),
    (re.compile(r"&amp;"), "&", ("&amp;",)),
]


def markdown_to_text(markup: str) -> str:
    """Plain text of a Markdown comment (Reddit-style): markers dropped, words kept."""
    text = markup
    for pattern, repl, needs in _MD_RULES:
        for n in needs:  # `any(n in text for n in needs)` without a generator: 13 rules per comment
            if n in text:
                text = pattern.sub(repl, text)
                break
    return text.strip()


def plain_text(markup: str | None, kind: str) -> tuple[str, str | None]:
    """(text for analysis, original markup or None when nothing was converted)."""
    if markup is None:
        return "", None
    if kind == "html":
        text = html_to_text(markup)
    elif kind == "markdown":
        text = markdown_to_text(markup)
    else:
        text = markup.strip()
    return text, (markup if text != markup else None)


def unescape(text: str | None) -> str | None:
    return html.unescape(text) if text else text


# --- assembly -----------------------------------------------------------------------


def build_thread(
    *,
    thread_id: str,
    article: Article,
    comments: Sequence[Comment],
    source_path: str,
    source_format: str,
    not_loaded: int = 0,
    extra_stats: dict[str, int] | None = None,
) -> Thread:
    """Repair the tree (orphans, cycles: flagged, never dropped) and count everything."""
    comments = [_json_safe(c) for c in comments]
    _check_text_fields(article, comments, source_path)
    repaired, report = repair_tree(comments, path=source_path)
    flags = [set(c.flags) for c in repaired if c.flags]  # comments without flags count in no sum
    stats = SourceStats(
        loaded=len(repaired),
        deleted=sum(1 for f in flags if f & {"deleted", "removed"}),
        spam=sum(1 for f in flags if f & {"spam", "unapproved"}),
        not_loaded=not_loaded,
        orphaned=len(report.orphaned),
        repaired=len(report.cycles_broken),
        pingbacks=sum(1 for f in flags if f & {"pingback", "trackback"}),
    )
    if extra_stats:
        stats = replace(stats, **extra_stats)
    return Thread(
        id=thread_id,
        article=article,
        comments=repaired,
        source_path=source_path,
        source_format=source_format,
        stats=stats,
    )


def _json_safe(c: Comment) -> Comment:
    """NaN and infinity are not JSON: a source's `"score": NaN` is kept as the text "nan"."""
    if not c.extra:
        return c
    bad = {k: str(v) for k, v in c.extra.items() if isinstance(v, float) and not math.isfinite(v)}
    return replace(c, extra={**c.extra, **bad}) if bad else c


#: Texts that stand for a comment's words once gone (Reddit and the exports and corpora made from it):
#: the comment is flagged "deleted" or "removed" instead of being read as one that says so.
GONE_MARKERS = {"[deleted]": "deleted", "[removed]": "removed", "[ Removed by Reddit ]": "removed",
                "[deleted by user]": "deleted", "[removed by moderator]": "removed"}


#: Fields the model holds as text (or None): a reader copying a list or a number into one had a broken file.
_ARTICLE_TEXT = ("title", "author", "date", "url", "text")
_COMMENT_TEXT = ("text", "author", "parent", "timestamp", "original", "speaker")


def _check_text_fields(article: Article, comments: Sequence[Comment], path: str) -> None:
    """Said once here for every reader: a source value of the wrong type never reaches the output."""
    for name in _ARTICLE_TEXT:
        value = getattr(article, name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"the article's {name} is a {type(value).__name__}; expected text", path=path)
    for c in comments:
        fields = c.__dict__  # a Comment's fields (read per comment of every thread: no getattr calls)
        if not isinstance(c.id, str):
            raise InputError(f"a comment id is a {type(c.id).__name__}; expected text", path=path)
        for name in _COMMENT_TEXT:
            value = fields[name]
            if value is not None and not isinstance(value, str):
                raise InputError(f"comment {c.id!r}: its {name} is a {type(value).__name__}; expected text",
                                 path=path)
