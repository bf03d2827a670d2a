"""`debate export`: threads in any supported input -> a ConvoKit corpus, canonical JSON or JSONL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..ingest import ReadOptions
from .base import Inputs, command, expand_inputs, with_read_options


@command("export")
@with_read_options(input_format_flag="--from")
def export(
    inputs: Inputs,
    *,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", help="Output format: convokit (a corpus directory ConvoKit loads), "
                     "canonical (one JSON per thread) or jsonl (one thread per line). The input format is "
                     "detected, or forced with --from."),
    ] = "convokit",
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Output directory (convokit, or canonical with several threads), "
                     "or file; '-' = stdout for canonical/jsonl.", show_default=False),
    ] = None,
    read: ReadOptions,
) -> None:
    """Write threads for other tools: a ConvoKit corpus, canonical JSON or JSON Lines.

    In a ConvoKit corpus each thread is a conversation whose root utterance
    is the article; comments reply to their parents; flags, numbers and
    original markup travel in `debate_*` meta so `debate` reads it back whole.

    Example: debate export threads/wxr_transit_blog.xml --format convokit -o corpus/
    """
    from ..export import export as run_export

    summary = run_export(expand_inputs(inputs), output_format, output, read=read)
    if output_format == "convokit":
        typer.echo(f"wrote {summary.threads} conversation(s), {summary.utterances} utterance(s), "
                   f"{summary.speakers} speaker(s) to {output}", err=True)
