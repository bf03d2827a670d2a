"""Write threads out for other tools: a ConvoKit corpus, or canonical JSON / JSONL.

The ConvoKit corpus follows ConvoKit's documented layout (utterances.jsonl,
speakers.json, conversations.json, corpus.json, index.json) and loads with
`convokit.Corpus(filename=DIR)`. Mapping:

- each thread is a conversation; the article is its root utterance (id =
  conversation id = thread id, `reply_to` null, text = article text, speaker
  = article author), so replies to the article reply to the root;
- each comment is an utterance replying to its parent (or to the root);
- a named participant is a speaker whose id is the name (shared across
  threads, as ConvoKit's Reddit corpora share usernames); an unnamed one is
  "<thread id>:<participant id>", local to its thread;
- timestamps are epoch seconds, as in ConvoKit's own corpora;
- what ConvoKit has no field for (flags, display number, original markup,
  tags) goes into `meta` under `debate_*` keys, which `debate` reads back, so
  read -> export -> read keeps every comment, parent and flag.

Utterance ids must be unique in a corpus: a comment id already used by an
earlier thread is written as "<conversation id>:<comment id>" with the
original in `meta["debate_id"]`. Output is deterministic: same threads, same bytes.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import UsageError
from .model import Participant, Thread

EXPORT_FORMATS: tuple[str, ...] = ("convokit", "canonical", "jsonl")
CORPUS_FILES = ("utterances.jsonl", "speakers.json", "conversations.json", "corpus.json", "index.json")
#: ConvoKit's index names the Python type of each meta key, e.g. "<class 'int'>".
INDEX_KEYS = {"utterance": "utterances-index", "speaker": "speakers-index",
              "conversation": "conversations-index", "corpus": "overall-index"}


@dataclass
class ExportSummary:
    threads: int = 0
    utterances: int = 0
    speakers: int = 0
    renamed: int = 0  # comment ids prefixed to keep utterance ids unique


def epoch(iso: str | None) -> int | float | None:
    """ISO 8601 UTC -> epoch seconds (int when whole); None stays None; a bare date is its midnight UTC."""
    if not iso:
        return None
    text = iso[:-1] + "+00:00" if iso.endswith("Z") else iso
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    if dt.tzinfo is None:
        from datetime import timezone

        dt = dt.replace(tzinfo=timezone.utc)
    seconds = dt.timestamp()
    return int(seconds) if seconds.is_integer() else seconds


class _Index:
    """Collects the type list ConvoKit records for every meta key."""

    def __init__(self) -> None:
        self.types: dict[str, dict[str, set[str]]] = {k: {} for k in INDEX_KEYS}

    def add(self, obj_type: str, meta: dict[str, Any]) -> None:
        table = self.types[obj_type]
        for key, value in meta.items():
            table.setdefault(key, set()).add(str(type(value)))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {INDEX_KEYS[k]: {key: sorted(types) for key, types in sorted(t.items())}
                               for k, t in self.types.items()}
        out["version"] = 1
        out["vectors"] = []
        return out


def _speaker_ids(thread: Thread) -> dict[str, str]:
    """Participant id -> ConvoKit speaker id."""
    names: dict[str, int] = {}
    for p in thread.participants:
        if p.name:
            names[p.name] = names.get(p.name, 0) + 1
    out = {}
    for p in thread.participants:
        if p.name and names[p.name] == 1:
            out[p.id] = p.name
        elif p.name:
            out[p.id] = f"{p.name} ({thread.id}:{p.id})"  # two people of one name in a thread stay two
        else:
            out[p.id] = f"{thread.id}:{p.id}"
    return out


def _tag_meta(thread: Thread, comment_id: str) -> dict[str, Any]:
    tags = thread.tags.get(comment_id)
    if tags is None:
        return {}
    meta: dict[str, Any] = {}
    if tags.sentiment is not None:
        meta["debate_sentiment"] = tags.sentiment.label
        meta["debate_compound"] = tags.sentiment.compound
    if tags.stance is not None:
        meta["debate_stance"] = tags.stance.value
    if tags.relation is not None:
        meta["debate_relation"] = tags.relation.value
    if tags.acts:
        meta["debate_acts"] = [a.value for a in tags.acts]
    return meta


def write_convokit(threads: Iterable[Thread], directory: str | Path, *, name: str | None = None) -> ExportSummary:
    """Write `threads` as a ConvoKit corpus in `directory` (created; its five corpus files replaced)."""
    from .tree import derive_participants

    out_dir = Path(directory)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir} is a file; a ConvoKit corpus is a directory (give -o DIR)")
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary()
    used: set[str] = set()
    speakers: dict[str, dict[str, Any]] = {}
    conversations: dict[str, dict[str, Any]] = {}
    index = _Index()
    with open(out_dir / "utterances.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for thread in threads:
            if not thread.participants:
                thread = derive_participants(thread)
            conv_id = _unique(thread.id, used)
            used.add(conv_id)
            ids = {}
            for c in thread.comments:
                new = c.id if c.id not in used and c.id not in ids.values() else f"{conv_id}:{c.id}"
                ids[c.id] = new
            summary.renamed += sum(1 for old, new in ids.items() if old != new)
            used.update(ids.values())
            sid = _speaker_ids(thread)
            people = {p.id: p for p in thread.participants}
            author_speaker = _article_speaker(thread, sid, speakers)
            root_meta = {"debate_role": "article"}
            index.add("utterance", root_meta)
            _write(fh, {"id": conv_id, "conversation_id": conv_id, "text": thread.article.text,
                        "speaker": author_speaker, "meta": root_meta, "reply-to": None, "reply_to": None,
                        "timestamp": epoch(thread.article.date), "vectors": []})
            for c in thread.comments:
                speaker = sid.get(c.speaker or "") or f"{thread.id}:anon:{c.id}"
                _add_speaker(speakers, speaker, people.get(c.speaker or ""), c.author)
                meta = {k: v for k, v in c.extra.items() if not k.startswith("debate_")}
                meta["debate_flags"] = list(c.flags)
                if c.number is not None:
                    meta["debate_number"] = c.number
                if c.original is not None:
                    meta["debate_original"] = c.original
                if ids[c.id] != c.id:
                    meta["debate_id"] = c.id
                if c.inferred:  # a reply link or speaker that was inferred, not given, says so
                    meta["debate_inferred"] = {k: dataclasses.asdict(v) for k, v in sorted(c.inferred.items())}
                meta.update(_tag_meta(thread, c.id))
                index.add("utterance", meta)
                parent = ids.get(c.parent, c.parent) if c.parent is not None else conv_id
                _write(fh, {"id": ids[c.id], "conversation_id": conv_id, "text": c.text, "speaker": speaker,
                            "meta": meta, "reply-to": parent, "reply_to": parent, "timestamp": epoch(c.timestamp),
                            "vectors": []})
            conv_meta = {"title": thread.article.title, "url": thread.article.url,
                         "author": thread.article.author, "date": thread.article.date,
                         "source_format": thread.source_format, "debate_thread_id": thread.id,
                         "debate_structure_inferred": thread.structure_inferred,
                         "debate_loaded": thread.stats.loaded, "debate_not_loaded": thread.stats.not_loaded}
            index.add("conversation", conv_meta)
            conversations[conv_id] = {"meta": conv_meta, "vectors": []}
            summary.threads += 1
            summary.utterances += 1 + len(thread.comments)
    for meta in speakers.values():
        index.add("speaker", meta["meta"])
    corpus_meta: dict[str, Any] = {"generator": "debate"}  # no path or date: same threads, same bytes
    if name:
        corpus_meta["name"] = name
    index.add("corpus", corpus_meta)
    _dump(out_dir / "speakers.json", dict(sorted(speakers.items())))
    _dump(out_dir / "conversations.json", conversations)
    _dump(out_dir / "corpus.json", corpus_meta)
    _dump(out_dir / "index.json", index.to_dict())
    summary.speakers = len(speakers)
    return summary


def _unique(base: str, used: set[str]) -> str:
    if base not in used:
        return base
    n = 2
    while f"{base}#{n}" in used:
        n += 1
    return f"{base}#{n}"


def _article_speaker(thread: Thread, sid: dict[str, str], speakers: dict[str, dict]) -> str:
    author = thread.article.author
    for p in thread.participants:
        if p.is_article_author:
            _add_speaker(speakers, sid[p.id], p, p.name)
            return sid[p.id]
    if author:
        _add_speaker(speakers, author, None, author)
        return author
    speaker = f"{thread.id}:article-author"
    speakers.setdefault(speaker, {"meta": {"debate_name": None, "debate_label": "article author"},
                                  "vectors": []})
    return speaker


def _add_speaker(speakers: dict[str, dict], speaker: str, p: Participant | None, author: str | None) -> None:
    if speaker in speakers:
        return
    name = p.name if p is not None else author
    label = p.label if p is not None else (author or speaker)
    speakers[speaker] = {"meta": {"debate_name": name, "debate_label": label}, "vectors": []}


def _write(fh, obj: dict[str, Any]) -> None:
    fh.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _dump(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")


def export(inputs: Iterable[str | Path], fmt: str, output: Path | None, *, read=None) -> ExportSummary:
    """Read every input and write it in `fmt` (see `debate export --help`)."""
    from .pipeline import load_threads, parse_to

    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (choose from: {', '.join(EXPORT_FORMATS)})")
    if fmt == "convokit":
        if output is None or str(output) == "-":
            raise UsageError("a ConvoKit corpus is a directory: give it with -o DIR")
        return write_convokit(load_threads(inputs, read), output)
    try:
        parsed = parse_to(inputs, output, read=read, jsonl=fmt == "jsonl")
    except UsageError as e:
        if "several threads" not in e.message:
            raise
        raise UsageError("the input holds several threads: write them with -o DIR or --format jsonl") from None
    return ExportSummary(threads=parsed.threads, utterances=sum(r[2] for r in parsed.rows))
