"""Streaming XML for the export readers (WXR, Disqus): bounded memory, safe, one-line errors.

Exports reach gigabytes, so elements are handed out as they close and are
cleared once read; a small file (most threads) is parsed whole instead, which
is faster and hands out the same elements. The standard library's expat parser never fetches
external entities, and Python's bundled expat (>= 2.4) limits entity
amplification; on top of that a document declaring its own entities is
refused, since no genuine export needs them.
"""

from __future__ import annotations

import os
import re
import stat
from functools import cache
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .common import open_text
from .progress import Progress

#: Bytes fed to the parser per read: large enough to be fast, small enough to stay flat.
CHUNK_BYTES = 1 << 16
#: C0 control characters XML 1.0 forbids (all but tab, LF, CR). Real WordPress exports carry them
#: from pasted text and expat stops at the first, so they are removed from the byte stream; in
#: UTF-8 these bytes never occur inside a multi-byte character, so nothing else is touched.
ILLEGAL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))
_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)


@cache  # a file has few distinct tags and millions of elements
def local(tag: str) -> str:
    """Tag name without its namespace: "{http://...}comment" -> "comment"."""
    return tag.rsplit("}", 1)[-1]


@cache
def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _open(path: Path) -> BinaryIO:
    name = path.name.lower()
    if name.endswith((".gz", ".zst")):
        return _Encoder(open_text(path))
    return open(path, "rb")


class _Encoder:
    """Bytes from a decompressing text stream (the parser then sees UTF-8)."""

    def __init__(self, text_stream):
        self._fh = text_stream

    def read(self, size: int) -> bytes:
        return self._fh.read(size).encode("utf-8")

    def close(self) -> None:
        self._fh.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


#: Uncompressed documents up to this size are parsed whole when no progress bar is wanted: the tree
#: is built in C without handing ~30 start/end events per comment to Python (measured on a 23-comment
#: WXR export: 390 us streamed, 230 us whole), and 1 MiB of XML makes a tree of some 10 MB.
#: Bigger ones are streamed.
WHOLE_BYTES = 1 << 20


def elements(path: Path, expected: str, root: str, ancestors: int, *, progress: bool = False
             ) -> Iterator[ET.Element]:
    """The complete elements with `ancestors` ancestors (1: the root's children), in document order.

    The root element must be named `root` (local name); otherwise, and for malformed XML, an
    InputError saying `expected`. Each element handed out is dropped from the tree once the
    caller asks for the next one, so memory stays flat on streamed exports.
    """
    document = _whole(path, progress)
    if document is None:
        yield from _streamed(path, expected, root, ancestors, progress)
        return
    _check_root(document, root, path, expected)
    level = [document]
    for _ in range(ancestors):
        level = [child for parent in level for child in parent]
    yield from level


def _whole(path: Path, progress: bool) -> ET.Element | None:
    """The root of a small, uncompressed, well-formed document parsed in one go, or None: then the
    streaming reader reads it and says what is wrong, if anything.

    For a well-formed document both ways see the same elements in the same order, and reader errors
    come in the same order; everything else (malformed XML, an unknown encoding, an entity declaration
    anywhere, a directory, a file too big) is left to the streaming reader, which reports it as ever.
    """
    if progress or path.name.lower().endswith((".gz", ".zst")):
        return None
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > WHOLE_BYTES:
                return None
            data = fh.read()  # read(WHOLE_BYTES + 1) would set aside the whole megabyte first: 3x slower
    except OSError:
        return None
    if len(data) > WHOLE_BYTES:  # grew since
        return None
    data = data.translate(None, ILLEGAL_BYTES)
    # Decoded only when a declaration may be there: in the pattern's case-blind match, only "e" and "E"
    # stand for its "E", so every match has one of these bytes sequences.
    if (b"<!E" in data or b"<!e" in data) and _ENTITY_DECL.search(data.decode("utf-8", "replace")):
        return None
    parser = ET.XMLParser()
    try:
        parser.feed(data)
        return parser.close()
    except (ET.ParseError, LookupError, ValueError):
        return None


def _check_root(elem: ET.Element, root: str, path: Path, expected: str) -> None:
    if local(elem.tag) != root:
        raise InputError(f"the root element is <{local(elem.tag)}>; expected {expected}", path=str(path),
                         where="line 1")


def _streamed(path: Path, expected: str, root: str, ancestors: int, progress: bool) -> Iterator[ET.Element]:
    """`elements` read from a stream of start/end events, each element cut from the tree once read."""
    stack: list[ET.Element] = []
    seen_root = False
    for batch in event_batches(path, expected, progress=progress):
        for event, elem in batch:
            if event == "start":
                if not stack:
                    _check_root(elem, root, path, expected)
                    seen_root = True
                stack.append(elem)
                continue
            stack.pop()
            if len(stack) == ancestors:  # most events are deeper
                yield elem
                stack[-1].remove(elem)  # keep memory flat: each element is read once
                elem.clear()
    if not seen_root:
        raise InputError(f"empty document; expected {expected}", path=str(path))


def event_batches(path: Path, expected: str, *, progress: bool = False
                  ) -> Iterator[list[tuple[str, ET.Element]]]:
    """Lists of ("start" | "end", element) pairs, one list per block read; malformed XML -> InputError
    with line and column.

    `expected` names the format for the error message ("a WordPress WXR export"). Lists rather
    than single events: a reader loops over a list at C speed instead of resuming this generator
    for each of the ~30 events a comment has. Where the XML breaks, the events before the break
    are handed out first and the error is raised on the next request, as one event at a time would.
    """
    if path.is_dir():
        raise InputError(f"is a directory; expected {expected} file", path=str(path))
    parser = ET.XMLPullParser(events=("start", "end"))
    checked = False  # True once the root element has opened: no DOCTYPE can come after it
    tail = b""  # the end of the previous block, so a declaration split between blocks is seen
    compressed = path.name.lower().endswith((".gz", ".zst"))
    bar = Progress(f"reading {path.name}", None if compressed else path.stat().st_size, enabled=progress)
    done = lines = 0
    with _open(path) as fh:
        try:
            while True:
                chunk = fh.read(CHUNK_BYTES)
                if not chunk:
                    break
                done, lines = done + len(chunk), lines + chunk.count(b"\n")
                bar.update(done, lines)
                chunk = chunk.translate(None, ILLEGAL_BYTES)
                if not checked:
                    prolog, tail = tail + chunk, chunk[-len("<!ENTITY"):]
                    if _ENTITY_DECL.search(prolog.decode("utf-8", "replace")):
                        raise InputError(f"the document declares XML entities, which {expected} never does; "
                                         "refusing to expand them", path=str(path), where="DOCTYPE")
                parser.feed(chunk)
                batch, error = _drain(parser)
                if batch:
                    checked = True
                    yield batch
                if error is not None:
                    raise error
            parser.close()
            batch, error = _drain(parser)
            if batch:
                yield batch
            if error is not None:
                raise error
            bar.done(done, lines)
        except ET.ParseError as e:
            line, col = getattr(e, "position", (None, None))
            reason = str(e).split(":", 1)[0]
            raise InputError(f"malformed XML ({reason}); expected {expected}", path=str(path),
                             where=f"line {line}, column {col}" if line else None) from None
        except (LookupError, ValueError) as e:  # <?xml encoding="..."?>: unknown, or multi-byte (expat can't)
            if isinstance(e, ValueError) and "encoding" not in str(e):
                raise
            raise InputError(f"the XML declaration names an encoding this reader cannot use ({e}); expected "
                             f"{expected} in UTF-8", path=str(path), where="line 1") from None


def _drain(parser: ET.XMLPullParser) -> tuple[list[tuple[str, ET.Element]], ET.ParseError | None]:
    """The events parsed so far, and the parse error met after them (the parser queues it there)."""
    batch: list[tuple[str, ET.Element]] = []
    try:
        batch.extend(parser.read_events())  # extend keeps what it took before an error
    except ET.ParseError as e:
        return batch, e
    return batch, None


def children(elem: ET.Element | None) -> dict[str, ET.Element]:
    """Local name -> first child of that name (one pass instead of one scan per field)."""
    out: dict[str, ET.Element] = {}
    if elem is not None:
        for child in elem:
            out.setdefault(local(child.tag), child)
    return out


def text_of(elem: ET.Element | None) -> str:
    """Text of an element (CDATA included), "" when absent."""
    if elem is None:
        return ""
    if not len(elem):  # a leaf, as most fields are: its itertext() is just its text
        return elem.text or ""
    return "".join(elem.itertext())
