"""`debate parse`: any supported input -> canonical JSON, one document per thread."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..ingest import ReadOptions
from .base import Inputs, command, expand_inputs, with_read_options


@command("parse")
@with_read_options
def parse(
    inputs: Inputs,
    *,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Output file, or directory for one file per thread; '-' = stdout.",
                     show_default=False),
    ] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Write JSON Lines: one thread per line.")] = False,
    stats: Annotated[
        bool,
        typer.Option("--stats", help="Print per-thread counts (loaded, deleted, spam, not loaded, orphaned, "
                     "repaired) to stderr."),
    ] = False,
    read: ReadOptions,
) -> None:
    """Read threads in any supported format and write canonical JSON.

    One thread goes to stdout (or -o FILE). Several threads need -o DIR (one
    <thread-id>.json each) or --jsonl. Flat pages get their reply structure
    and speakers inferred unless --no-infer.

    Example: debate parse threads/scraped_says.txt -o says.json
    """
    from ..pipeline import parse_to

    summary = parse_to(expand_inputs(inputs), output, read=read, jsonl=jsonl)
    if stats:
        typer.echo(summary.stats_table(), err=True)
    elif summary.written_dir is not None:
        typer.echo(f"wrote {summary.threads} thread(s) to {summary.written_dir}", err=True)
