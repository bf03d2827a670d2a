"""The canonical JSON form of a thread: written by `debate parse`, read by every command.

The mapping is mechanical (dataclass field -> JSON key), so it is lossless by
construction: `from_dict(to_dict(t)) == t` for every thread. Loading checks
types, the schema version, label vocabularies and tree integrity, and names the
offending field path in its error. See docs/canonical-json.md.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any

from .errors import InputError
from .model import ACTS, FLAGS, RELATIONS, SCHEMA, STANCES, Thread

_SCALARS = (str, int, float, bool)


def to_dict(thread: Thread) -> dict[str, Any]:
    """The JSON-ready dict of a thread, `schema` first."""
    return {"schema": SCHEMA, **_encode(thread)}


def dumps(thread: Thread, *, indent: int | None = 2) -> str:
    """Deterministic JSON text (keys in field order, no trailing spaces)."""
    return json.dumps(to_dict(thread), ensure_ascii=False, indent=indent)


def from_dict(data: Any, *, path: str | None = None) -> Thread:
    """Rebuild a Thread from its canonical dict, validating as it goes."""
    if not isinstance(data, dict):
        raise InputError("expected a JSON object holding one thread", path=path)
    schema = data.get("schema")
    if schema != SCHEMA:
        if isinstance(schema, str) and schema.startswith("debate.thread/"):
            raise InputError(f"schema {schema!r} is not supported by this version (expected {SCHEMA!r})", path=path)
        raise InputError(f"not a canonical debate thread: 'schema' should be {SCHEMA!r}", path=path)
    body = {k: v for k, v in data.items() if k != "schema"}
    thread = _decode(Thread, body, "thread", path)
    _check_vocabularies(thread, path)
    _check_tree(thread, path)
    return thread


def loads(text: str, *, path: str | None = None) -> Thread:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg}", path=path, where=f"line {e.lineno}") from None
    return from_dict(data, path=path)


def is_canonical(data: Any) -> bool:
    return isinstance(data, dict) and str(data.get("schema", "")).startswith("debate.thread/")


# --- encoding -----------------------------------------------------------------


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict) or isinstance(value, types.MappingProxyType):
        return {k: _encode(v) for k, v in value.items()}
    return value


# --- decoding -----------------------------------------------------------------


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, value: Any, where: str, path: str | None) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            _fail(where, f"expected an object for {tp.__name__}", value, path)
        hints = _hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        unknown = sorted(set(value) - known)
        if unknown:
            raise InputError(f"unknown field {unknown[0]!r} (known: {', '.join(sorted(known))})",
                             path=path, where=where)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in value:
                kwargs[f.name] = _decode(hints[f.name], value[f.name], f"{where}.{f.name}", path)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise InputError(f"missing required field {f.name!r}", path=path, where=where)
        return tp(**kwargs)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _decode(arg, value, where, path)
            except InputError as e:
                errors.append(e)
        _fail(where, "expected " + " or ".join(_name(a) for a in args), value, path)
    if origin is tuple:
        if not isinstance(value, list):
            _fail(where, "expected a list", value, path)
        item = args[0]
        return tuple(_decode(item, v, f"{where}[{i}]", path) for i, v in enumerate(value))
    if origin in (typing.Mapping, dict) or (origin is not None and getattr(origin, "__name__", "") == "Mapping"):
        if not isinstance(value, dict):
            _fail(where, "expected an object", value, path)
        return {str(k): _decode(args[1], v, f"{where}.{k}", path) for k, v in value.items()}
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        _fail(where, "expected a number", value, path)
    if tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        _fail(where, "expected an integer", value, path)
    if tp is bool:
        if isinstance(value, bool):
            return value
        _fail(where, "expected true or false", value, path)
    if tp is str:
        if isinstance(value, str):
            return value
        _fail(where, "expected a string", value, path)
    if tp is type(None):
        if value is None:
            return None
        _fail(where, "expected null", value, path)
    raise TypeError(f"no decoder for {tp!r}")  # a programming error, not an input error


def _name(tp: Any) -> str:
    if tp is type(None):
        return "null"
    if dataclasses.is_dataclass(tp):
        return tp.__name__
    return {str: "string", int: "integer", float: "number", bool: "true/false"}.get(tp, "a value")


def _fail(where: str, expected: str, value: Any, path: str | None) -> typing.NoReturn:
    got = type(value).__name__ if value is not None else "null"
    raise InputError(f"{expected}, got {got}", path=path, where=where)


# --- semantic checks ----------------------------------------------------------


def _check_vocabularies(thread: Thread, path: str | None) -> None:
    for i, c in enumerate(thread.comments):
        bad = sorted(set(c.flags) - FLAGS)
        if bad:
            raise InputError(f"unknown flag {bad[0]!r} (known: {', '.join(sorted(FLAGS))})",
                             path=path, where=f"comments[{i}].flags")
    for cid, tags in thread.tags.items():
        where = f"tags.{cid}"
        if cid != tags.comment_id:
            raise InputError(f"tag key {cid!r} differs from its comment_id {tags.comment_id!r}", path=path, where=where)
        if tags.stance and tags.stance.value not in STANCES:
            raise InputError(f"unknown stance {tags.stance.value!r} (known: {', '.join(STANCES)})", path=path, where=where)
        if tags.relation and tags.relation.value not in RELATIONS:
            raise InputError(f"unknown relation {tags.relation.value!r} (known: {', '.join(RELATIONS)})",
                             path=path, where=where)
        for act in tags.acts:
            if act.value not in ACTS:
                raise InputError(f"unknown discourse act {act.value!r} (known: {', '.join(ACTS)})",
                                 path=path, where=where)


def _check_tree(thread: Thread, path: str | None) -> None:
    ids: dict[str, int] = {}
    for i, c in enumerate(thread.comments):
        if c.id in ids:
            raise InputError(f"duplicate comment id {c.id!r} (also comments[{ids[c.id]}])",
                             path=path, where=f"comments[{i}].id")
        ids[c.id] = i
    parent = {c.id: c.parent for c in thread.comments}
    for i, c in enumerate(thread.comments):
        if c.parent is not None and c.parent not in ids:
            raise InputError(f"parent {c.parent!r} is not a comment of this thread",
                             path=path, where=f"comments[{i}].parent")
    rooted: set[str] = set()  # comments known to reach the article
    for c in thread.comments:
        chain: list[str] = []
        on_chain: set[str] = set()
        node: str | None = c.id
        while node is not None and node not in rooted:
            if node in on_chain:
                raise InputError(f"parent links form a cycle through comment {node!r}", path=path,
                                 where=f"comments[{ids[node]}].parent")
            chain.append(node)
            on_chain.add(node)
            node = parent[node]
        rooted.update(chain)
    for cid in thread.tags:
        if cid not in ids:
            raise InputError(f"tags for unknown comment {cid!r}", path=path, where="tags")
    pids = {p.id for p in thread.participants}
    for i, c in enumerate(thread.comments):
        if c.speaker is not None and thread.participants and c.speaker not in pids:
            raise InputError(f"speaker {c.speaker!r} is not among the participants", path=path,
                             where=f"comments[{i}].speaker")
