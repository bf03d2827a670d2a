"""Streaming XML for the export readers (WXR, Disqus): bounded memory, safe, one-line errors.

Exports reach gigabytes, so elements are handed out as they close and the
caller clears them. The standard library's expat parser never fetches
external entities, and Python's bundled expat (>= 2.4) limits entity
amplification; on top of that a document declaring its own entities is
refused, since no genuine export needs them.
"""

from __future__ import annotations

import re
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
