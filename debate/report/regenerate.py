"""Regenerate `reports/` from `threads/`: one report per example thread, a comparison, an index.

Run from the repository root:

    python -m debate.report.regenerate            # rewrites reports/
    python -m debate.report.regenerate --check    # exit 1 if reports/ is stale

`tests/test_reports_in_sync.py` runs the same `build` and fails on any
difference, so the committed reports always match the code and the examples.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import DebateError
from ..ingest import FieldMap, ReadOptions
from ..pipeline import load_threads, safe_name
from .build import thread_report
from .escape import inline, table_cell

ROOT = Path(__file__).resolve().parents[2]
INDEX = "README.md"
COMPARE = "compare.md"
#: Examples also reported with --explain (glosses for students), as "<name>-explained.md".
EXPLAINED = ("scraped_numbered.txt",)
#: Read options of examples that need more than detection (the field names a generic export uses,
#: as a user would pass them with --id-field etc.). Keyed by file name in threads/.
EXAMPLE_OPTIONS = {
    "generic_forum_export.json": ReadOptions(fields=FieldMap(id="comment_id", parent="reply_to",
                                                             author="user.name", text="body", time="posted")),
}


def example_inputs(threads_dir: Path) -> list[Path]:
    """Every example in threads/: files, and directories that are one corpus (ConvoKit), sorted."""
    from ..cli.base import expand_inputs

    entries = sorted(p for p in threads_dir.iterdir() if not p.name.startswith(".") and p.name != "README.md")
    return expand_inputs(entries) if entries else []


def build(threads_dir: Path) -> dict[str, str]:
    """File name -> content of every file reports/ should hold."""
    from .compare import compare_data
    from .compare_markdown import render as render_compare
    from .data import ensure_tagged

    files: dict[str, str] = {}
    index_rows = []
    tagged_all = []
    used: set[str] = set()
    failed = []
    for source in example_inputs(threads_dir):
        try:
            threads = [ensure_tagged(t) for t in load_threads([source], EXAMPLE_OPTIONS.get(source.name,
                                                                                           ReadOptions()))]
        except DebateError as e:  # listed in the index, so a broken example cannot vanish
            failed.append((source.name, str(e).replace(str(threads_dir) + "/", "")))
            continue
        stem = safe_name(source.name.split(".")[0] if source.is_file() else source.name)
        for t in threads:
            name = stem if len(threads) == 1 else f"{stem}--{safe_name(t.id)}"
            base, n = name, 2
            while name.casefold() in used or name.casefold() in (INDEX.casefold()[:-3], COMPARE[:-3]):
                name, n = f"{base}-{n}", n + 1
            used.add(name.casefold())
            files[f"{name}.md"] = thread_report(t)
            index_rows.append((source.name, name, t))
            if source.name in EXPLAINED:
                files[f"{name}-explained.md"] = thread_report(t, explain=True)
            tagged_all.append(t)
    if tagged_all:
        files[COMPARE] = render_compare(compare_data(tagged_all))
    files[INDEX] = _index(index_rows, failed)
    return files


def _index(rows, failed) -> str:
    out = ["# Example reports", "",
           "Generated from the examples in `threads/` by `python -m debate.report.regenerate` "
           "(checked by `tests/test_reports_in_sync.py`). "
           f"[{COMPARE}]({COMPARE}) puts all the threads side by side; "
           + ", ".join(f"[{_stem(n)}-explained]({_stem(n)}-explained.md)" for n in EXPLAINED)
           + " shows `--explain` (glosses for students).", "",
           "| Example | Report | Format | Comments | Participants | Thesis |", "| --- | --- | --- | --- | --- | --- |"]
    for source, name, t in rows:
        thesis = t.thesis.text if t.thesis and t.thesis.text else "—"
        out.append(f"| {table_cell(source)} | [{inline(name)}]({name}.md) | {table_cell(t.source_format or '?')} | "
                   f"{len(t.comments)} | {len(t.participants)} | {table_cell(thesis, 90)} |")
    if failed:
        out += ["", "Examples that could not be read:", ""]
        out += [f"- {inline(name)}: {inline(error)}" for name, error in failed]
    return "\n".join(out) + "\n"


def _stem(name: str) -> str:
    return safe_name(name.split(".")[0])


def write(files: dict[str, str], reports_dir: Path) -> None:
    """Make reports_dir hold exactly `files` (stale Markdown reports are removed)."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    for old in reports_dir.glob("*.md"):
        if old.name not in files:
            old.unlink()
    for name, text in files.items():
        path = reports_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def stale(files: dict[str, str], reports_dir: Path) -> list[str]:
    """Names of files that differ, are missing, or should not be there."""
    have = {p.name: p.read_text(encoding="utf-8") for p in reports_dir.glob("*.md")} if reports_dir.is_dir() else {}
    return sorted({n for n in files if have.get(n) != files[n]} | {n for n in have if n not in files})


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    files = build(ROOT / "threads")
    if "--check" in args:
        diff = stale(files, ROOT / "reports")
        if diff:
            sys.stderr.write("reports/ is stale: " + ", ".join(diff) + "\n"
                             "regenerate with: python -m debate.report.regenerate\n")
            return 1
        return 0
    write(files, ROOT / "reports")
    sys.stderr.write(f"wrote {len(files)} file(s) to {ROOT / 'reports'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
