"""ConvoKit corpus directories: `utterances.jsonl`, `speakers.json`, `conversations.json`, ...

Layout per ConvoKit's "Data Format" documentation and what `Corpus.dump`
writes: one utterance per line with `id`, `speaker`, `conversation_id`,
`reply_to`, `timestamp`, `text`, `meta`. Older corpora say `user`, `root` and
`reply-to` (ConvoKit's own dump still writes `reply-to`), `users.json` instead
of `speakers.json`, and the oldest a single `utterances.json` list. All are read.

Choices:
- One Thread per conversation, in order of first appearance; its id is the
  conversation id.
- The conversation's root utterance (the one whose id is the conversation id,
  else the first with no `reply_to`) becomes the article: its text, speaker
  and time are the article's text, author and date; the title comes from the
  conversation's (or the root's) `title` meta. This is right for Reddit-style
  corpora, where the root is the post everyone answers, and also for talk-page
  corpora, where the root is the opening comment that the others answer:
  stance is then judged against that opening turn. `article.inferred["text"]`
  records the choice and the root's id. Replies to the root answer the article.
- Reddit markers: text "[deleted]" -> "deleted", "[removed]" -> "removed";
  speaker "[deleted]" -> unknown author.
- Scalar utterance meta is kept in `Comment.extra`; meta written by
  `debate export --format convokit` (`debate_*` keys) restores flags, numbers
  and original markup exactly.
- Pickled binary meta ("<##bin{...}&&@**>" references) is never unpickled.

Utterances stream: a first pass notes where each conversation's lines lie
(one byte range per contiguous run, so memory grows with the number of
conversations, not utterances); a second pass reads each conversation's lines.
Speaker and conversation files are loaded whole, as ConvoKit itself does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import FLAGS, Article, Comment, Inference, Thread
from .assembly import assemble
from .common import GONE_MARKERS, to_utc_iso
from .progress import Progress

UTTERANCES = "utterances.jsonl"
LEGACY_UTTERANCES = "utterances.json"
#: Epoch seconds below this (1973-03-03) are not dates but ordinals (line numbers, offsets).
MIN_EPOCH = 100_000_000
#: Meta keys `debate export` writes so a round trip is exact.
META_PREFIX = "debate_"
#: Participant ids made from ConvoKit speaker ids (kept apart from name-derived "p:" ids).
SPEAKER_PREFIX = "ck:"
#: Lines between progress updates (a cheap modulo; redraws are rate-limited anyway).
PROGRESS_EVERY = 4096


def corpus_dir(path: Path) -> Path | None:
    """The corpus directory `path` names (the directory or its utterances file), else None."""
    if path.is_dir():
        if (path / UTTERANCES).is_file() or (path / LEGACY_UTTERANCES).is_file():
            return path
        return None
    if path.name in (UTTERANCES, LEGACY_UTTERANCES) and any(
        (path.parent / f).is_file() for f in ("speakers.json", "users.json", "conversations.json", "index.json")
    ):
        return path.parent
    return None


def sniff(path: Path, head: str) -> bool:
    return corpus_dir(path) is not None


def _load_json(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg}", path=str(path), where=f"line {e.lineno}") from None
    except UnicodeDecodeError as e:  # as for utterances: not UTF-8 is an error, not a guess
        raise InputError(f"not UTF-8 (byte {e.start + 1}); expected a JSON file", path=str(path)) from None


def _meta_table(directory: Path, *names: str) -> dict[str, dict]:
    """id -> meta dict from speakers.json / conversations.json (new {"meta": ...} or flat form)."""
    for name in names:
        f = directory / name
        if f.is_file():
            data = _load_json(f)
            if not isinstance(data, dict):
                raise InputError(f"expected a JSON object mapping ids to metadata, got {type(data).__name__}",
                                 path=str(f))
            out = {}
            for key, value in data.items():
                if isinstance(value, dict) and isinstance(value.get("meta"), dict):
                    value = value["meta"]
                out[str(key)] = value if isinstance(value, dict) else {}
            return out
    return {}


def read(path: Path, options) -> Iterator[Thread]:
    directory = corpus_dir(path)
    if directory is None:
        raise InputError(f"not a ConvoKit corpus: expected a directory holding {UTTERANCES}", path=str(path))
    speakers = _meta_table(directory, "speakers.json", "users.json")
    conversations = _meta_table(directory, "conversations.json")
    for conv_id, utterances in _conversations(directory, options.progress):
        conv_meta = conversations.get(conv_id, {})
        thread = _thread(conv_id, utterances, speakers, conv_meta, directory)
        original_id = conv_meta.get(f"{META_PREFIX}thread_id")
        if original_id:
            thread = replace(thread, id=str(original_id))
        if conv_meta.get(f"{META_PREFIX}structure_inferred") is True:
            thread = replace(thread, structure_inferred=True)
        yield thread


# --- utterances, grouped by conversation ---------------------------------------------------


def _parse(line: bytes, f: Path, lineno: int) -> dict:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        msg = e.msg if isinstance(e, json.JSONDecodeError) else "not UTF-8"
        raise InputError(f"invalid JSON ({msg}); expected one utterance object per line",
                         path=str(f), where=f"line {lineno}") from None
    if not isinstance(record, dict):
        raise InputError(f"expected an utterance object, got {type(record).__name__}", path=str(f),
                         where=f"line {lineno}")
    if record.get("id") is None:
        raise InputError("utterance has no 'id'; expected a unique id", path=str(f), where=f"line {lineno}")
    return record


def _conv_of(record: dict, f: Path, where: str) -> str:
    conv = record.get("conversation_id", record.get("root"))
    if conv is None:
        if _reply_to(record) is None:
            return str(record["id"])  # a root without a conversation id starts its own conversation
        raise InputError("utterance has no 'conversation_id' (or 'root'); expected the id of its "
                         "conversation's first utterance", path=str(f), where=where)
    return str(conv)


def _reply_to(record: dict) -> str | None:
    value = record.get("reply_to", record.get("reply-to"))
    return None if value is None else str(value)


def _conversations(directory: Path, progress: bool = False) -> Iterator[tuple[str, list[tuple[int, dict]]]]:
    f = directory / UTTERANCES
    if not f.is_file():
        yield from _legacy(directory / LEGACY_UTTERANCES)
        return
    runs: dict[str, list[tuple[int, int, int]]] = {}  # conv -> [(start byte, end byte, first line)]
    bar = Progress(f"indexing {f.name}", f.stat().st_size, enabled=progress)
    with open(f, "rb") as fh:
        offset, lineno, current = 0, 0, None
        for line in fh:
            lineno += 1
            if lineno % PROGRESS_EVERY == 0:
                bar.update(offset, lineno)
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            conv = _conv_of(_parse(line, f, lineno), f, f"line {lineno}")
            if conv == current:
                s, _, first = runs[conv][-1]
                runs[conv][-1] = (s, offset, first)
            else:
                runs.setdefault(conv, []).append((start, offset, lineno))
                current = conv
        bar.done(offset, lineno)
        for conv, spans in runs.items():
            utterances = []
            for start, end, first in spans:
                fh.seek(start)
                for i, line in enumerate(fh.read(end - start).splitlines()):
                    if line.strip():
                        utterances.append((first + i, _parse(line, f, first + i)))
            yield conv, utterances


def _legacy(f: Path) -> Iterator[tuple[str, list[tuple[int, dict]]]]:
    data = _load_json(f)
    if not isinstance(data, list):
        raise InputError(f"expected a JSON list of utterances, got {type(data).__name__}", path=str(f))
    groups: dict[str, list[tuple[int, dict]]] = {}
    for i, record in enumerate(data, 1):
        if not isinstance(record, dict) or record.get("id") is None:
            raise InputError("expected an utterance object with an 'id'", path=str(f), where=f"record {i}")
        groups.setdefault(_conv_of(record, f, f"record {i}"), []).append((i, record))
    yield from groups.items()


# --- one conversation -> Thread -------------------------------------------------------------


def _time(value: Any, f: Path, where: str) -> tuple[str | None, Any]:
    """(UTC ISO time, raw value kept when it is not a date)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (to_utc_iso(value, path=str(f), where=where), None) if value >= MIN_EPOCH else (None, value)
    if isinstance(value, str):
        try:
            return to_utc_iso(value, path=str(f), where=where), None
        except InputError:
            return None, value
    return None, json.dumps(value)


def _speaker_name(speaker: Any, speakers: dict[str, dict]) -> str | None:
    if speaker is None:
        return None
    meta = speakers.get(str(speaker), {})
    if f"{META_PREFIX}name" in meta:  # written by debate export: None for anonymous participants
        name = meta[f"{META_PREFIX}name"]
        return str(name) if name else None
    name = str(speaker)
    return None if name in GONE_MARKERS else name


def _scalars(meta: Any) -> dict[str, Any]:
    if not isinstance(meta, dict):
        return {}
    return {str(k): v for k, v in meta.items()
            if not str(k).startswith(META_PREFIX) and (v is None or isinstance(v, (str, int, float, bool)))
            and not (isinstance(v, str) and v.startswith("<##bin{"))}


def _thread(conv_id: str, utterances: list[tuple[int, dict]], speakers: dict[str, dict],
            conv_meta: dict, directory: Path) -> Thread:
    f = directory / UTTERANCES
    root = next((r for _, r in utterances if str(r["id"]) == conv_id and _reply_to(r) is None), None)
    if root is None:
        root = next((r for _, r in utterances if _reply_to(r) is None), None)
    root_id = str(root["id"]) if root is not None else conv_id
    article = _article(root, conv_meta, speakers, f, root_id)
    comments = []
    for lineno, r in utterances:
        if r is root:
            continue
        where = f"line {lineno}"
        meta = r.get("meta") if isinstance(r.get("meta"), dict) else {}
        text = r.get("text")
        text = "" if text is None else str(text)
        timestamp, raw_time = _time(r.get("timestamp"), f, where)
        given_flags = meta.get(f"{META_PREFIX}flags")
        flags = {flag for flag in given_flags if flag in FLAGS} if isinstance(given_flags, list) else set()
        if not isinstance(given_flags, list):
            if text.strip() in GONE_MARKERS:
                flags.add(GONE_MARKERS[text.strip()])
            if not text.strip():
                flags.add("empty")
        extra = _scalars(meta)
        if raw_time is not None:
            extra["source_timestamp"] = raw_time
        parent = _reply_to(r)
        speaker = r.get("speaker", r.get("user"))
        comments.append(Comment(
            id=str(meta.get(f"{META_PREFIX}id", r["id"])),
            text=text,
            number=_opt_str(meta.get(f"{META_PREFIX}number")),
            author=_speaker_name(speaker, speakers),
            parent=None if parent is None or parent == root_id else parent,
            # the corpus's speaker id is the identity; "[deleted]" accounts are many different people
            speaker=None if speaker is None or str(speaker) in GONE_MARKERS else f"{SPEAKER_PREFIX}{speaker}",
            timestamp=timestamp,
            original=_opt_str(meta.get(f"{META_PREFIX}original")),
            inferred=_inferences(meta.get(f"{META_PREFIX}inferred")),
            flags=tuple(sorted(flags)),
            extra=extra,
        ))
    comments = _restore_ids(comments, utterances, root)
    thread = assemble(thread_id=conv_id, article=article, comments=comments, source_path=str(directory),
                      source_format="convokit")
    # Repairs made before an export travel as flags: count them again so the stats survive a round trip.
    flagged = [set(c.flags) for c in thread.comments]
    not_loaded = conv_meta.get(f"{META_PREFIX}not_loaded")
    return replace(thread, stats=replace(
        thread.stats,
        orphaned=sum("orphaned" in f for f in flagged),
        repaired=sum("cycle_repaired" in f for f in flagged),
        not_loaded=not_loaded if isinstance(not_loaded, int) and not isinstance(not_loaded, bool) else 0,
    ))


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _inferences(value: Any) -> dict[str, Inference]:
    """Inferences written by `debate export` (cue, confidence, evidence, note per field)."""
    if not isinstance(value, dict):
        return {}
    out = {}
    for key, inf in value.items():
        if isinstance(inf, dict) and isinstance(inf.get("cue"), str) and isinstance(inf.get("confidence"), (int, float)):
            out[str(key)] = Inference(cue=inf["cue"], confidence=float(inf["confidence"]),
                                      evidence=str(inf.get("evidence", "")), note=str(inf.get("note", "")))
    return out


def _restore_ids(comments: list[Comment], utterances: list[tuple[int, dict]], root: dict | None) -> list[Comment]:
    """Map parents through `debate_id` when an export had to prefix utterance ids."""
    renamed = {str(r["id"]): str(r["meta"][f"{META_PREFIX}id"]) for _, r in utterances
               if r is not root and isinstance(r.get("meta"), dict) and f"{META_PREFIX}id" in r["meta"]}
    if not renamed:
        return comments
    return [replace(c, parent=renamed.get(c.parent, c.parent)) if c.parent else c for c in comments]


def _article(root: dict | None, conv_meta: dict, speakers: dict[str, dict], f: Path, root_id: str) -> Article:
    root_meta = (root or {}).get("meta") if isinstance((root or {}).get("meta"), dict) else {}
    title = conv_meta.get("title") or root_meta.get("title") or conv_meta.get("page_title")
    url = next((v for v in (conv_meta.get("url"), root_meta.get("url"), root_meta.get("permalink"))
                if isinstance(v, str) and v.startswith(("http://", "https://"))), None)
    if root is None:
        return Article(title=str(title) if title else None, url=url, inferred={"text": Inference(
            cue="conversation_root", confidence=1.0, evidence=root_id,
            note="the conversation's root utterance is missing from the corpus; the article is unknown")})
    date, _ = _time(root.get("timestamp"), f, f"utterance {root_id}")
    return Article(
        title=str(title) if title else None,
        author=_speaker_name(root.get("speaker", root.get("user")), speakers),
        date=date,
        url=url,
        text="" if root.get("text") is None else str(root["text"]),
        inferred={"text": Inference(
            cue="conversation_root", confidence=1.0, evidence=root_id,
            note="ConvoKit has no article: the conversation's root utterance stands for it")},
    )
