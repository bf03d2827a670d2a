"""Make untrusted text (comments, names, titles, cues) inert in Markdown and Mermaid.

Comment text comes from strangers. In a report it must read as text and do
nothing else: no raw HTML, no live links or images, no table cells broken by a
pipe, no heading or list started by a comment, no Mermaid statement closed by a
name like `x"]-->y`. Everything here is a pure function of its input.

Markdown strategy (GitHub-flavoured, checked against markdown-it-py in tests):
- `&`, `<`, `>` become entities, so no HTML tag or `<http://...>` autolink can form;
- the other inline punctuation (`\\ ` * _ [ ] | ~ !` ...) is backslash-escaped;
- anything GitHub would auto-link (`http://...`, `www.`, `javascript:`, e-mail
  addresses) is put in a code span, where nothing is ever linked; inside it
  backticks and pipes are percent-encoded, which keeps a URL meaning the same;
- `inline` flattens to one line, so nothing can start a block; `block` keeps the
  lines but escapes block starts (headings, quotes, lists, fences, indentation).
"""

from __future__ import annotations

import re

#: Default length of a comment excerpt in the thread list (characters); about two lines of a
#: GitHub page, enough to recognise a comment without reprinting it.
EXCERPT_CHARS = 160
#: Longest name or label put into a Mermaid node; longer ones are cut (diagram legibility).
MERMAID_LABEL_CHARS = 40
ELLIPSIS = "…"

# Inline punctuation with a meaning in CommonMark/GFM. `&<>` are turned into entities instead.
_MD_ALWAYS = set("\\`*_[]|~!#")  # escaped wherever they stand
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# What GitHub's autolink extension (and linkify) would turn into a link, plus script schemes.
_LINKY = re.compile(
    r"""(?ix)
    (?:\b[a-z][a-z0-9+.\-]{1,30}://\S+)            # scheme://...
    | (?:\b(?:javascript|vbscript|data|mailto|file|xmpp|tel|ftp)\s*:\S*)   # dangerous or linkable schemes
    | (?:\bwww\d{0,3}\.\S+)                         # www.example.com
    | (?:[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)            # e-mail addresses
    | (?:\b(?:[a-z0-9\-]+\.)+[a-z]{2,24}/\S*)       # bare domain with a path
    """
)
_MAYBE_LINKY = re.compile(r"[:@/]|www", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\"”’<>"
_WS = re.compile(r"\s+")
# Block starts that a line of comment text could trigger at its beginning.
_BLOCK_START = re.compile(r"^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+|-{2,}|_{3,}|\*{3,})")


# Control characters and bidirectional overrides ("Trojan Source", CVE-2021-42574) could reorder or
# hide what a reader sees; in reports they become U+FFFD (the JSON keeps the original text).
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def visible(text: str) -> str:
    """Text with control characters and bidi overrides replaced by U+FFFD."""
    return _INVISIBLE.sub("\ufffd", text or "")


def one_line(text: str) -> str:
    """Collapse all whitespace (newlines included) to single spaces; controls made visible."""
    return _WS.sub(" ", visible(text)).strip()


def truncate(text: str, limit: int = EXCERPT_CHARS) -> str:
    """Cut `text` to at most `limit` characters at a word boundary, marking the cut with an ellipsis."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


_PLAIN_TABLE = str.maketrans({**_ENTITIES, **{ch: "\\" + ch for ch in _MD_ALWAYS}})


def _escape_plain(text: str) -> str:
    return text.translate(_PLAIN_TABLE)


def _code_span(text: str) -> str:
    """A URL-like token as an inert code span; ` and | percent-encoded (same URL, no span break)."""
    inner = text.replace("`", "%60").replace("|", "%7C")
    if inner.startswith(" ") or inner.endswith(" "):
        inner = inner.strip()
    return f"`{inner}`"


def _split_linky(text: str) -> list[tuple[str, bool]]:
    """Split into (piece, is_link_like) keeping order; trailing sentence punctuation stays text."""
    if not _MAYBE_LINKY.search(text):  # fast path: most text has no URL-ish character at all
        return [(text, False)]
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _LINKY.finditer(text):
        start, end = m.span()
        token = m.group(0)
        stripped = token.rstrip(_TRAILING)
        # keep a closing bracket that belongs to the URL, e.g. wiki/Foo_(bar)
        while stripped and len(stripped) < len(token) and token[len(stripped)] == ")" \
                and stripped.count("(") > stripped.count(")"):
            stripped += ")"
        if not stripped:
            continue
        end = start + len(stripped)
        if start > pos:
            parts.append((text[pos:start], False))
        parts.append((stripped, True))
        pos = end
    if pos < len(text):
        parts.append((text[pos:], False))
    return parts


def escape_md(text: str) -> str:
    """Escape text for a Markdown inline context, keeping its line breaks (used by `inline`/`block`)."""
    return "".join(_code_span(p) if linky else _escape_plain(p) for p, linky in _split_linky(text or ""))


def inline(text: str | None, limit: int | None = None) -> str:
    """Untrusted text as one inert line of Markdown (table cells, list items, headings' tails).

    With `limit`, the text is cut to that many characters first (see `truncate`).
    """
    flat = one_line(text or "")
    if limit is not None:
        flat = truncate(flat, limit)
    return _line(flat)


def block(text: str | None) -> str:
    """Untrusted multi-line text as inert Markdown paragraphs, e.g. for a block quote.

    Lines keep their breaks (as hard breaks would change nothing a reader needs,
    they are joined into paragraphs at blank lines); a line that would open a
    heading, quote, list, rule or code block is neutralised by escaping its first
    character, and leading indentation (which would make a code block) is dropped.
    """
    paragraphs = re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for para in paragraphs:
        lines = []
        for line in para.split("\n"):
            line = one_line(line)
            if line:
                lines.append(_line(line))
        if lines:
            out.append("\n".join(lines))
    return "\n\n".join(out)


def _line(line: str) -> str:
    """One line escaped, with a block start (heading, quote, list, rule) at its head neutralised,
    so the line is inert even where it begins a Markdown line."""
    m = _BLOCK_START.match(line)
    if not m:
        return escape_md(line)
    head = m.group(0)
    if head[0].isdigit():  # "1." -> "1\." keeps the number, kills the list
        line = head[:-1] + "\\" + head[-1] + line[len(head):]
    else:
        line = "\\" + line
    return _escape_after_first(line)


def _escape_after_first(line: str) -> str:
    """Escape a line whose first characters are already a backslash escape we put there."""
    m = re.match(r"^(\\.|\d{1,9}\\[.)])", line)
    assert m is not None
    return m.group(0) + escape_md(line[m.end():])


def quote_block(text: str | None) -> str:
    """Untrusted text as a Markdown block quote (every line prefixed with '> ')."""
    body = block(text)
    if not body:
        return "> *(no text)*"
    return "\n".join("> " + line if line else ">" for line in body.split("\n"))


def table_cell(text: str | None, limit: int | None = None) -> str:
    """Untrusted text for a GFM table cell: one line, pipes escaped, never empty-looking."""
    return inline(text, limit) or " "


def anchor_id(index: int) -> str:
    """The HTML anchor id of the index-th comment (1-based, source order): `c-<index>`.

    Built only from the position, never from input text, so it is always safe.
    """
    return f"c-{int(index)}"


def anchor(index: int) -> str:
    """The one piece of raw HTML a report emits: an empty named anchor for a comment."""
    return f'<a id="{anchor_id(index)}"></a>'


# --- Mermaid ----------------------------------------------------------------------

# Characters allowed verbatim in a quoted Mermaid label; anything else becomes a `#code;` entity
# (Mermaid's own escape form), so quotes, brackets, arrows, `%%` comments, `;` and HTML cannot act.
_MERMAID_SAFE = re.compile(r"[^\W_]|[ ,.'?/]", re.UNICODE)


def mermaid_label(text: str | None, limit: int = MERMAID_LABEL_CHARS) -> str:
    """Untrusted text as the inside of a double-quoted Mermaid label (without the quotes)."""
    flat = truncate(one_line(text or ""), limit) if text else ""
    out = []
    for ch in flat:
        if ch == ELLIPSIS or _MERMAID_SAFE.fullmatch(ch):
            out.append(ch)
        else:
            out.append(f"#{ord(ch)};")
    return "".join(out) or " "


def mermaid_id(prefix: str, index: int) -> str:
    """A Mermaid node id from a fixed prefix and a number; never from input text."""
    if not re.fullmatch(r"[a-z]+", prefix):
        raise ValueError("Mermaid id prefixes are fixed lowercase words")
    return f"{prefix}{int(index)}"
