"""`debate report` and `debate compare`: threads and articles -> Markdown (or JSON) documents."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..ingest import ReadOptions
from .base import Inputs, ModelOpt, RulesOnlyOpt, ThesisOpt, command, expand_inputs, with_read_options

JsonOpt = Annotated[bool, typer.Option("--json", help="Write the same content as JSON data instead of Markdown.")]


@command("report")
@with_read_options
def report(
    inputs: Inputs,
    *,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Directory for one report per thread, or a file for a single "
                     "thread; '-' or none = stdout.", show_default=False),
    ] = None,
    as_json: JsonOpt = False,
    thesis: ThesisOpt = None,
    model: ModelOpt = None,
    rules_only: RulesOnlyOpt = False,
    explain: Annotated[bool, typer.Option("--explain", help="Add glosses for students: what each label "
                                          "means and which cue fired.")] = False,
    read: ReadOptions,
) -> None:
    """Write a report per thread: summary, participants, who argued what, the reply tree, a
    who-replied-to-whom diagram, interactions, the sentiment arc and the evidence behind every tag.

    Threads that are not tagged yet are tagged first (against --thesis, or the thesis
    extracted from the article).

    Example: debate report threads/scraped_says.txt -o reports/
    """
    from ..report.build import write_reports

    written = write_reports(expand_inputs(inputs), output, read=read, thesis=thesis, model=model,
                            explain=explain, as_json=as_json, reviser=not rules_only)
    if written and len(written) > 1:
        typer.echo(f"wrote {len(written)} report(s) to {output}", err=True)


@command("compare")
@with_read_options
def compare(
    inputs: Inputs,
    *,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Output file; '-' or none = stdout.", show_default=False),
    ] = None,
    as_json: JsonOpt = False,
    thesis: ThesisOpt = None,
    model: ModelOpt = None,
    rules_only: RulesOnlyOpt = False,
    read: ReadOptions,
) -> None:
    """Compare threads and articles side by side: each article's stance and quoted voices, each
    side's share, sentiment and key points, and participants who appear in several threads.

    Example: debate compare threads/ --thesis "Cities should build protected bike lanes"
    """
    from ..report.compare import write_comparison

    write_comparison(expand_inputs(inputs), output, read=read, thesis=thesis, model=model, as_json=as_json,
                     reviser=not rules_only)
