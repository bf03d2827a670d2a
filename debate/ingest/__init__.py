"""Read any supported input into canonical Threads.

Each format lives in its own module exposing `sniff(path, head) -> bool` and
`read(path, options) -> Iterator[Thread]`. `read_threads` detects the format
(or takes a forced one), streams threads out, and applies structure inference
to flat pages unless told not to.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import DebateError, FormatError, InputError, UsageError
from ..model import Thread

#: Format name -> module in this package, in sniffing order (most specific first).
READERS: dict[str, str] = {
    "canonical": "canonical_reader",
    "convokit": "convokit",
    "reddit": "reddit",
    "pushshift": "pushshift",
    "hackernews": "hackernews",
    "youtube": "youtube",
    "wxr": "wxr",
    "disqus": "disqus",
    "json": "generic",
    "jsonl": "generic",
    "csv": "generic",
    "scraped": "scraped",
}
FORMATS: tuple[str, ...] = tuple(READERS)
#: Formats whose comments carry no parent links, so structure must be inferred.
FLAT_FORMATS = frozenset({"scraped"})
#: Tried only after every specific format said no.
_FALLBACKS = frozenset({"json", "jsonl", "csv", "scraped"})


@dataclass(frozen=True)
class FieldMap:
    """Field names for generic JSON / JSONL / CSV records."""

    id: str = "id"
    parent: str = "parent"
    author: str = "author"
    text: str = "text"
    thread: str = "thread"
    time: str = "time"


@dataclass(frozen=True)
class ReadOptions:
    """How to read an input. Every CLI reading option maps to one field here."""

    format: str | None = None  # None = detect
    fields: FieldMap = field(default_factory=FieldMap)
    infer: bool = True  # infer reply structure and speakers on flat pages (and YouTube's @-replies)
    order: str | None = None  # "chronological" | "threaded" | None = detect
    progress: bool = False  # show a progress bar (the CLI sets it on a terminal)
    spill_dir: str | None = None  # where large dumps may spill while grouping by thread


def _module(fmt: str):
    """The reader module of a format, imported on first use (detection asks for each one per file)."""
    mod = _LOADED.get(fmt)
    if mod is None:
        mod = _LOADED[fmt] = importlib.import_module(f".{READERS[fmt]}", __name__)
    return mod


_LOADED: dict[str, object] = {}


def check_format(fmt: str | None) -> str | None:
    if fmt is not None and fmt not in READERS:
        raise UsageError(f"unknown format {fmt!r} (choose from: {', '.join(FORMATS)})", where="--format")
    return fmt


def read_head(path: Path, size: int = 65536) -> str:
    """The first bytes of a file as text, decompressing .zst/.gz, for sniffing."""
    from .common import open_text, read_small_text

    if path.is_dir():
        return ""
    if not path.name.lower().endswith((".gz", ".zst")):
        text = read_small_text(path, size)  # at most `size` bytes: at most `size` characters, all of it
        if text is not None:
            return text
    with open_text(path) as fh:
        return fh.read(size)


def detect_format(path: str | os.PathLike) -> str:
    """Name the format of `path` by its content (and name), or raise FormatError."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file or directory", path=str(path))
    return _detect(p, str(path))


def _detect(p: Path, source: str) -> str:
    """`detect_format` of a path known to exist."""
    head = read_head(p)
    for fmt in FORMATS:
        if fmt in _FALLBACKS:
            continue
        if _module(fmt).sniff(p, head):
            return fmt
    # Generic records before free text: a CSV or JSON file is never a scraped page.
    fmt = _module("json").sniff_generic(p, head)
    if fmt:
        return fmt
    if _module("scraped").sniff(p, head):
        return "scraped"
    raise FormatError(
        f"cannot tell the format of this file; force one with --format ({', '.join(FORMATS)})",
        path=source,
    )


def read_threads(source: str | os.PathLike, options: ReadOptions | None = None) -> Iterator[Thread]:
    """Stream the threads of one input (file, directory or "-" for stdin)."""
    options = options or ReadOptions()
    check_format(options.format)
    if str(source) == "-":
        try:
            yield from _read_stdin(options)
        except _stream_errors() as e:
            raise InputError(f"cannot read or decompress the input: {e}", path="<stdin>") from None
        return
    path = Path(source)
    if not path.exists():
        raise InputError("no such file or directory", path=str(source))
    try:
        fmt = options.format or _detect(path, str(path))
        if path.is_dir() and fmt != "convokit":
            raise FormatError(f"is a directory, not a ConvoKit corpus (no utterances.jsonl); the {fmt} reader "
                              "reads a file", path=str(source))
        mod = _module(fmt)
        given = options if options.format == fmt else replace(options, format=fmt)
        for thread in _guarded(mod.read(path, given), str(source), fmt):
            yield thread if fmt == "canonical" else finish(thread, options)
    except _stream_errors() as e:  # evaluated only when something was raised
        raise InputError(f"cannot read or decompress the file: {e}", path=str(source)) from None
    except RecursionError as e:  # json's decoder recurses once per level of nesting
        if "JSON" not in str(e):
            raise
        raise InputError("JSON nested too deeply to read (thousands of levels of arrays or objects)",
                         path=str(source)) from None


def _guarded(threads: Iterator[Thread], source: str, fmt: str) -> Iterator[Thread]:
    """A reader's threads, with a last line of defence: a value of a type the reader did not check
    for (a list where a name belongs, a number where a list does) is an InputError, not a traceback.
    Only the reader's own work is guarded, not what the caller does with each thread."""
    while True:
        try:
            thread = next(threads)
        except StopIteration:
            return
        except (TypeError, AttributeError, KeyError, IndexError) as e:
            raise InputError(f"a value of an unexpected type where {fmt} data has another ({type(e).__name__}: "
                             f"{e})", path=source) from None
        yield thread


def _stream_errors() -> tuple[type[BaseException], ...]:
    """What an unreadable file or a corrupt .gz / .zst stream raises while a reader reads it."""
    import zlib

    import zstandard

    return (OSError, EOFError, zlib.error, zstandard.ZstdError)


def read_thread(source: str | os.PathLike, options: ReadOptions | None = None) -> Thread:
    """Exactly one thread from `source`; an error if it holds none or several."""
    threads = list(read_threads(source, options))
    if len(threads) != 1:
        raise InputError(f"expected one thread, found {len(threads)}", path=str(source))
    return threads[0]


def finish(thread: Thread, options: ReadOptions) -> Thread:
    """Infer structure on flat pages (unless --no-infer) and derive participants."""
    from ..tree import derive_participants

    if thread.source_format in FLAT_FORMATS and options.infer and not thread.structure_inferred:
        from ..structure import infer_structure

        thread = infer_structure(thread, order=options.order)
    if not thread.participants:
        thread = derive_participants(thread)
    return thread


def _read_stdin(options: ReadOptions) -> Iterator[Thread]:
    """Spool stdin to a temporary file so detection and streaming work as for files."""
    suffix = {"jsonl": ".jsonl", "pushshift": ".jsonl", "csv": ".csv", "json": ".json"}.get(options.format or "", "")
    with tempfile.TemporaryDirectory(prefix="debate-stdin-", dir=options.spill_dir) as tmp:
        spooled = Path(tmp) / "stdin.raw"
        with open(spooled, "wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
        with open(spooled, "rb") as fh:
            magic = fh.read(4)
        # Compressed input is recognised by its magic number, since stdin has no file name.
        compressed = {b"\x28\xb5\x2f\xfd": ".zst"}.get(magic, ".gz" if magic[:2] == b"\x1f\x8b" else "")
        path = Path(tmp) / f"stdin{suffix}{compressed}"
        spooled.rename(path)
        try:
            fmt = options.format or detect_format(path)
            for thread in _guarded(_module(fmt).read(path, replace(options, format=fmt)), str(path), fmt):
                if fmt == "canonical":
                    yield thread  # read back unchanged
                else:
                    yield finish(replace(thread, source_path="-"), options)
        except DebateError as e:
            if e.path == str(path):
                e.path = "<stdin>"
            raise
