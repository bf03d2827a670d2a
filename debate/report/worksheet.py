"""Teaching material: a labelling exercise for students and the tool's answer key.

`debate worksheet FILE` writes, per thread:
- `<name>-worksheet.md`: the thread comment by comment (full text, who answers
  whom) with the label sets explained, and a table with empty label columns;
- `<name>-answers.csv`: the same table as CSV for the students to fill in;
- `<name>-key.md`: the tool's labels with the cues behind them, for the teacher;
- `<name>-key.csv`: the tool's labels in the answer CSV's columns, so
  `debate agreement <name>-answers.csv <name>-key.csv` compares a student with the tool.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from .. import tree
from ..model import ACTS, RELATIONS, STANCES, Thread
from . import explain as ex
from .escape import inline, quote_block, table_cell
from .markdown import thesis_origin

#: Columns of the answer sheet and the key; `debate agreement` reads them (`comment` is the id).
COLUMNS = ("comment", "number", "author", "replies_to", "stance", "relation", "acts")
LABEL_COLUMNS = ("stance", "relation", "acts")
#: Separator of several acts in one cell.
ACT_SEPARATOR = ";"


def worksheet_files(thread: Thread, name: str) -> dict[str, str]:
    """File name -> content of the four worksheet files of one (tagged) thread."""
    rows = _rows(thread)
    return {
        f"{name}-worksheet.md": _exercise(thread, rows, name),
        f"{name}-answers.csv": _csv([{**r, "stance": "", "relation": "", "acts": ""} for r in rows]),
        f"{name}-key.md": _key(thread, rows),
        f"{name}-key.csv": _csv(rows, evidence=True),
    }


def write_worksheets(inputs, output: Path | None, *, read=None, thesis: str | None = None,
                     model: Any = None, reviser: bool = True) -> list[Path]:
    """Worksheet files for every thread of every input, into `output` (a directory, default '.')."""
    from ..errors import InputError
    from ..pipeline import load_threads
    from ..pipeline import unique_names
    from .data import ensure_tagged

    out_dir = Path(".") if output is None or str(output) == "-" else output
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for t, name in unique_names(load_threads(inputs, read), ""):
        for fname, text in worksheet_files(ensure_tagged(t, thesis, model, reviser=reviser), name).items():
            path = out_dir / fname
            path.write_text(text, encoding="utf-8", newline="")
            written.append(path)
    if not written:
        raise InputError("the input holds no thread")
    return written


def _rows(thread: Thread) -> list[dict[str, Any]]:
    labels = {p.id: p.label for p in thread.participants}
    index = {c.id: i for i, c in enumerate(thread.comments, 1)}
    by_id = thread.by_id()
    rows = []
    for c, depth in tree.walk(thread):
        t = thread.tags.get(c.id)
        parent = by_id.get(c.parent) if c.parent else None
        rows.append({
            "comment": c.id,
            "number": c.number or str(index[c.id]),
            "author": labels.get(c.speaker or "", c.author or tree.placeholder(index[c.id] - 1)),
            "replies_to": (parent.number or str(index[parent.id])) if parent else "article",
            "stance": t.stance.value if t and t.stance else "",
            "relation": t.relation.value if t and t.relation else "",
            # no act found = "other" (does none of the listed acts), so a blank cell always means "not labelled"
            "acts": (ACT_SEPARATOR.join(a.value for a in t.acts) or "other") if t else "",
            "_depth": depth,
            "_text": c.text,
            "_tags": t,
            "_flags": c.flags,
        })
    return rows


def _csv(rows: list[dict[str, Any]], evidence: bool = False) -> str:
    buf = io.StringIO()
    cols = list(COLUMNS) + (["stance_evidence", "relation_evidence", "acts_evidence"] if evidence else [])
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rows:
        row = {k: _cell(v) for k, v in r.items() if not k.startswith("_")}
        if evidence:
            t = r["_tags"]
            row["stance_evidence"] = _cues(t.stance) if t and t.stance else ""
            row["relation_evidence"] = _cues(t.relation) if t and t.relation else ""
            row["acts_evidence"] = " / ".join(f"{a.value}: {_cues(a)}" for a in t.acts) if t else ""
            row = {k: _cell(v) for k, v in row.items()}
        w.writerow(row)
    return buf.getvalue()


def _cell(value: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP CSV-injection advice)."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _cues(label) -> str:
    return "; ".join(f"{e.cue}" + (f" \"{e.text}\"" if e.text else "") + f" ({e.weight:+.2f})"
                     for e in label.evidence) or "no cue (default)"


def _vocabulary() -> list[str]:
    out = ["**Stance** toward the thesis — write one of:", ""]
    out += [f"- `{v}`: {inline(ex.gloss('stance', v))}" for v in STANCES]
    out += ["", "**Relation** to the comment it replies to (for a top-level comment: to the article) — one of:", ""]
    out += [f"- `{v}`: {inline(ex.gloss('relation', v))}" for v in RELATIONS]
    out += ["", f"**Acts** — any number of these, separated by `{ACT_SEPARATOR}`:", ""]
    out += [f"- `{v}`: {inline(ex.gloss('act', v))}" for v in ACTS]
    return out


def _exercise(thread: Thread, rows: list[dict[str, Any]], name: str) -> str:
    a = thread.article
    out = [f"# Worksheet: {inline(a.title or thread.id, 200)}", ""]
    if a.author:
        out.append(f"Article by {inline(a.author)}" + (f", {inline(a.date)}" if a.date else "") + ".")
        out.append("")
    thesis = thread.thesis.text if thread.thesis else ""
    out += ["## Your task", "",
            "Read each comment and label it: its **stance** toward the thesis below, its **relation** to the "
            "comment it answers, and the discourse **acts** it performs. Write your labels in the table at the "
            f"end, or in `{name}-answers.csv` (one row per comment; keep the `comment` column as it is) so "
            f"your teacher can compare them with `debate agreement`.", "",
            "**Thesis:**", "", f"> {inline(thesis) or '*(no thesis: label stance as none)*'}", "",
            "## Labels", ""]
    out += _vocabulary()
    out += ["", "## The comments", ""]
    for r in rows:
        where = "answers the article" if r["replies_to"] == "article" else f"replies to #{inline(r['replies_to'])}"
        flags = f" *(flagged: {', '.join(inline(f) for f in r['_flags'])})*" if r["_flags"] else ""
        out += [f"### Comment #{inline(r['number'])}", "",
                f"**{inline(r['author'])}** {where}{flags}:", "", quote_block(r["_text"]), ""]
    out += ["## Your labels", "", "| Comment | Replies to | Stance | Relation | Acts |", "| --- | --- | --- | --- | --- |"]
    out += [f"| #{table_cell(r['number'])} | {table_cell(r['replies_to'])} |  |  |  |" for r in rows]
    return "\n".join(out) + "\n"


def _key(thread: Thread, rows: list[dict[str, Any]]) -> str:
    a = thread.article
    out = [f"# Answer key: {inline(a.title or thread.id, 200)}", "",
           "The tool's labels with the cues that produced them. The tool can be wrong: where you disagree "
           "with it, the cues show what it looked at.", ""]
    if thread.thesis:
        out += [f"**Thesis** ({thesis_origin(thread.thesis.source)}): {inline(thread.thesis.text)}", ""]
    out += ["| Comment | Author | Stance | Relation | Acts |", "| --- | --- | --- | --- | --- |"]
    for r in rows:
        out.append(f"| #{table_cell(r['number'])} | {table_cell(r['author'])} | {table_cell(r['stance'] or '—')} | "
                   f"{table_cell(r['relation'] or '—')} | {table_cell(r['acts'].replace(ACT_SEPARATOR, ', ') or '—')} |")
    out += ["", "## Why", ""]
    for r in rows:
        t = r["_tags"]
        out += [f"### Comment #{inline(r['number'])} ({inline(r['author'])})", ""]
        if t is None:
            out += ["Not tagged.", ""]
            continue
        if t.stance:
            out.append(f"- {inline(ex.why('stance', t.stance))}")
        if t.relation:
            out.append(f"- {inline(ex.why('relation', t.relation))}")
        for act in t.acts:
            out.append(f"- {inline(ex.why('act', act))}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
