"""Generic comment records: JSON, JSONL and CSV with configurable field names.

For data that no specific reader knows. Field names come from
`options.fields` (`--id-field`, `--parent-field`, ...). Choices, so a user can
predict the result:

- A record without a thread value belongs to one thread per file, whose id is
  the file name without extensions. Many thread values give many threads, in
  order of first appearance.
- A parent that is empty, null, "0", "root" or "none" means "answers the
  article" unless a record really has that id.
- A record whose id equals its thread id is the article, not a comment: its
  text, author, time, and optional `title` / `url` fields fill the Article.
  A JSON object holding the records under a key may carry the article itself
  as top-level `title`, `url`, `author`, `date` and `text` fields.
- In JSON, replies nested under a record's `replies` or `children` list
  answer that record (unless they name a parent themselves).
- Optional truthy `deleted`, `removed`, `spam`, `unapproved` fields become
  flags, and so does a text that is only a marker ("[deleted]", "[removed]");
  every other scalar field is kept in `Comment.extra`.
- HTML in the text is converted to plain text with the original kept.

JSONL and CSV stream (records are grouped by thread with a disk spill past
a limit); a JSON document is loaded whole, so prefer JSONL for large inputs.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Comment, Thread
from .assembly import assemble
from .common import GONE_MARKERS, html_to_text, looks_like_html, open_text, to_utc_iso
from .grouping import Grouper
from .progress import Progress

#: Keys under which a JSON object commonly holds its list of records.
CONTAINER_KEYS: tuple[str, ...] = ("comments", "data", "items", "records", "results", "rows", "posts")
#: Keys under which a JSON record may nest its replies; a nested reply's parent is the record.
NESTED_KEYS: tuple[str, ...] = ("replies", "children")
#: Internal key carrying the implied parent of a nested reply.
NESTED_PARENT = "\x00parent"
#: Parent values meaning "no parent" unless a record has that id.
TOP_LEVEL_PARENTS = frozenset({"", "0", "root", "none", "null"})
#: Optional boolean fields mapped to comment flags.
FLAG_FIELDS: tuple[str, ...] = ("deleted", "removed", "spam", "unapproved")
#: Longest CSV field accepted: the csv module's default (128 KiB) is shorter than some essays people post.
CSV_FIELD_LIMIT = 64 * 1024 * 1024
#: Lines between progress updates.
PROGRESS_EVERY = 4096
_TRUE = frozenset({"1", "true", "yes", "y", "t"})
_COMPRESSED = (".gz", ".zst")


def sniff(path: Path, head: str) -> bool:
    """Generic records are only a fallback (see `sniff_generic`)."""
    return False


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for ext in _COMPRESSED:
        if name.endswith(ext):
            name = name[: -len(ext)]
    return Path(name).suffix


def stem(path: Path) -> str:
    """File name without its (compression) extensions: the default thread id."""
    name = path.name
    for ext in _COMPRESSED:
        if name.lower().endswith(ext):
            name = name[: -len(ext)]
    return Path(name).stem or name


def sniff_generic(path: Path, head: str) -> str | None:
    """"json", "jsonl", "csv" or None, by extension first, then by content."""
    if path.is_dir():
        return None
    ext = _suffix(path)
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext == ".json":
        return "json"
    if ext in (".csv", ".tsv"):
        return "csv"
    text = head.lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        first, _, rest = text.partition("\n")
        try:
            json.loads(first)
        except json.JSONDecodeError:
            return "json"
        return "jsonl" if rest.lstrip().startswith("{") or not rest.strip() else "json"
    first_line = text.split("\n", 1)[0].strip()
    names = [n.strip().strip('"').lower() for n in re.split(r"[,\t;]", first_line)]
    if len(names) >= 2 and all(re.fullmatch(r"[\w.-]+", n) for n in names) and {"id", "text"} <= set(names):
        return "csv"
    return None


def read(path: Path, options) -> Iterator[Thread]:
    fmt = options.format
    if path.is_dir():
        raise InputError(f"is a directory; expected a {fmt.upper()} file of comment records", path=str(path))
    if fmt == "jsonl":
        records = _jsonl_records(path, options.progress)
        container: dict[str, Any] = {}
    elif fmt == "csv":
        records = _csv_records(path)
        container = {}
    elif fmt == "json":
        container, records = _json_records(path, options.fields)
    else:  # pragma: no cover - the registry only routes these three formats here
        raise InputError(f"the generic reader does not handle format {fmt!r}", path=str(path))
    yield from build_threads(records, path=path, fmt=fmt, fields=options.fields, container=container,
                             spill_dir=options.spill_dir)


# --- record sources: (where, record) pairs ------------------------------------------


def _jsonl_records(path: Path, progress: bool = False) -> Iterator[tuple[str, dict]]:
    bar = Progress(f"reading {path.name}", None, enabled=progress)
    done = 0
    with open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            done += len(line)
            if lineno % PROGRESS_EVERY == 0:
                bar.update(done, lineno)
            if not line.strip():
                continue
            try:
                record = _object_line(line)
            except json.JSONDecodeError as e:
                raise InputError(f"invalid JSON ({e.msg}); expected one JSON object per line",
                                 path=str(path), where=f"line {lineno}") from None
            if not isinstance(record, dict):
                raise InputError(f"expected a JSON object, got {type(record).__name__}",
                                 path=str(path), where=f"line {lineno}")
            yield f"line {lineno}", record
        bar.done(done, lineno if done else 0)


def _object_line(line: str) -> Any:
    """`json.loads(line)`, with the usual line ("{...}" and a newline) decoded by json's scanner directly.

    The scanner is what `json.loads` runs after skipping JSON whitespace; calling it skips three Python
    layers per record (a fifth of the reading time of a short-comment JSONL file). Anything else (leading
    whitespace, trailing data, an error) goes through `json.loads`, so values and messages are the same.
    """
    if line[:1] == "{":
        try:
            value, end = _SCAN_ONCE(line, 0)
        except (json.JSONDecodeError, StopIteration):
            pass
        else:
            if end == len(line) or not line[end:].strip(_JSON_SPACE):
                return value
    return json.loads(line)


#: json's own scanner for one value (the default decoder's settings) and what it counts as whitespace.
_SCAN_ONCE = json.JSONDecoder().scan_once
_JSON_SPACE = " \t\n\r"


def _json_records(path: Path, fields) -> tuple[dict[str, Any], list[tuple[str, dict]]]:
    with open_text(path) as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as e:
            raise InputError(f"invalid JSON: {e.msg}", path=str(path), where=f"line {e.lineno}") from None
    container: dict[str, Any] = {}
    if isinstance(data, dict):
        container = data
        key = next((k for k in CONTAINER_KEYS if isinstance(data.get(k), list)), None)
        if key is None:
            lists = [k for k, v in data.items() if isinstance(v, list)]
            if len(lists) != 1:
                raise InputError(
                    "expected a list of records, or an object holding one under a key such as "
                    + ", ".join(repr(k) for k in CONTAINER_KEYS), path=str(path))
            key = lists[0]
        data = data[key]
    if not isinstance(data, list):
        raise InputError(f"expected a list of records, got {type(data).__name__}", path=str(path))
    out = []
    stack: list[tuple[str, Any, Any]] = [(f"record {i}", r, None) for i, r in reversed(list(enumerate(data, 1)))]
    while stack:  # depth-first, so nested replies follow their parent as on the page
        where, record, parent = stack.pop()
        if not isinstance(record, dict):
            raise InputError(f"expected a JSON object, got {type(record).__name__}", path=str(path), where=where)
        if parent is not None:
            record = {**record, NESTED_PARENT: parent}
        out.append((where, record))
        key = next((k for k in NESTED_KEYS if isinstance(record.get(k), list)), None)
        if key is not None:
            _, own_id = get_field(record, fields.id)
            stack.extend((f"{where}.{key}[{j}]", child, own_id)
                         for j, child in reversed(list(enumerate(record[key], 1))))
    return container, out


def _csv_records(path: Path) -> Iterator[tuple[str, dict]]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    delimiter = "\t" if _suffix(path) == ".tsv" else _sniff_delimiter(path)
    with open_text(path) as fh:
        # strict: an unclosed quote must be an error, not swallow every row after it into one field
        reader = csv.DictReader(fh, delimiter=delimiter, strict=True)
        try:
            for row in reader:
                if None in row:
                    raise InputError(f"this row has more fields than the header's {len(reader.fieldnames or [])}",
                                     path=str(path), where=f"line {reader.line_num}")
                if not any(v for v in row.values()):
                    continue
                yield f"line {reader.line_num}", row
        except csv.Error as e:
            # DictReader.line_num is where the last good row ended: the broken row starts on the next line
            raise InputError(f"malformed CSV: {e} (in the row starting on this line)", path=str(path),
                             where=f"line {reader.line_num + 1}") from None


def _sniff_delimiter(path: Path) -> str:
    with open_text(path) as fh:
        header = fh.readline()
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


# --- records -> threads ------------------------------------------------------------------


def get_field(record: dict, name: str) -> tuple[bool, Any]:
    """(present, value) of a field; "a.b" reaches into nested objects."""
    if name in record:
        return True, record[name]
    node: Any = record
    for part in name.split("."):
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    return True, node


def _str(value: Any) -> str | None:
    if type(value) is str:  # the usual case, first
        return value.strip()
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    return isinstance(value, str) and value.strip().lower() in _TRUE


def build_threads(records: Iterable[tuple[str, dict]], *, path: Path, fmt: str, fields,
                  container: dict[str, Any] | None = None, spill_dir: str | None = None) -> Iterator[Thread]:
    """Group records into threads (in order of first appearance) and build each."""
    default_thread = stem(path)
    with Grouper(spill_dir=spill_dir) as groups:
        f_thread = fields.thread
        for where, record in records:
            if f_thread in record:  # get_field's first case, without the call
                present, value = True, record[f_thread]
            else:
                present, value = get_field(record, f_thread)
            key = _str(value) if present else None
            groups.add(key or default_thread, (where, record))
        keys = groups.keys() or ([default_thread] if container else [])
        for thread_id in keys:
            items = [(where, record) for where, record in groups.get(thread_id)]
            yield _thread(thread_id, items, path=path, fmt=fmt, fields=fields,
                          container=container if thread_id == default_thread else None)


def _require(record: dict, name: str, option: str, where: str, path: Path) -> Any:
    present, value = get_field(record, name)
    if not present:
        keys = ", ".join(sorted(map(str, record))[:12])
        raise InputError(f"no {name!r} field (fields here: {keys}); name the right one with {option}",
                         path=str(path), where=where)
    return value


def _thread(thread_id: str, items: list[tuple[str, dict]], *, path: Path, fmt: str, fields,
            container: dict[str, Any] | None) -> Thread:
    mapped = {fields.id, fields.parent, fields.author, fields.text, fields.thread, fields.time}
    article = _container_article(container or {}, path)
    f_id, f_text, f_author, f_time, f_parent = fields.id, fields.text, fields.author, fields.time, fields.parent
    flat_time = "." not in f_time  # an absent plain name is absent: get_field need not look deeper
    rows = []
    for where, record in items:
        # `name in record` first: the usual flat field, without get_field's call (same values).
        cid = _str(record[f_id] if f_id in record else _require(record, f_id, "--id-field", where, path))
        if not cid:
            raise InputError(f"empty {fields.id!r} field; every record needs an id (see --id-field)",
                             path=str(path), where=where)
        raw_text = record[f_text] if f_text in record else _require(record, f_text, "--text-field", where, path)
        rows.append((where, record, cid, raw_text))
    ids = {cid for _, _, cid, _ in rows}
    not_extra = mapped | set(FLAG_FIELDS) | {NESTED_PARENT}
    source = str(path)
    comments: list[Comment] = []
    for where, record, cid, raw_text in rows:
        author = _str(record[f_author] if f_author in record else get_field(record, f_author)[1]) or None
        when = record.get(f_time) if f_time in record or flat_time else get_field(record, f_time)[1]
        timestamp = None if when is None else to_utc_iso(when, path=source, where=where)
        markup = raw_text if type(raw_text) is str else "" if raw_text is None else str(raw_text)
        if looks_like_html(markup):
            text, original = html_to_text(markup), markup
        else:
            text, original = markup.strip(), None
        if cid == thread_id:  # the article record
            title = _str(record.get("title"))
            article = Article(title=title or article.title, author=author or article.author,
                              date=timestamp or article.date, url=_str(record.get("url")) or article.url,
                              text=text or article.text)
            continue
        if f_parent in record:
            present, parent_value = True, record[f_parent]
        else:
            present, parent_value = get_field(record, f_parent)
        parent = _str(parent_value if present and parent_value not in (None, "") else record.get(NESTED_PARENT))
        if parent is None or (parent.lower() in TOP_LEVEL_PARENTS and parent not in ids) or parent == thread_id:
            parent = None
        flags = {f for f in FLAG_FIELDS if f in record and _truthy(record[f])}  # absent: None, never truthy
        if not text:
            flags.add("empty")
        elif text in GONE_MARKERS:  # an export of a Reddit-style site keeps the marker in place of the words
            flags.add(GONE_MARKERS[text])
        extra = {str(k): v for k, v in record.items()
                 if k not in not_extra and (v is None or isinstance(v, _SCALARS))}
        comments.append(Comment(id=cid, text=text, author=author, parent=parent, timestamp=timestamp,
                                original=original, flags=tuple(sorted(flags)) if flags else (), extra=extra))
    return assemble(thread_id=thread_id, article=article, comments=comments,
                    source_path=str(path), source_format=fmt)


#: Value types kept in a comment's `extra` (with None).
_SCALARS = (str, int, float, bool)


def _container_article(container: dict[str, Any], path: Path) -> Article:
    def text(key: str) -> str | None:
        value = container.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    body = text("text") or text("body") or ""
    if body and looks_like_html(body):
        body = html_to_text(body)
    date = text("date")
    return Article(title=text("title"), author=text("author"), url=text("url"),
                   date=to_utc_iso(date, path=str(path), where="top-level 'date'") if date else None, text=body)
