"""`debate worksheet` and `debate agreement`: material for teaching discourse analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..ingest import ReadOptions
from .base import Input, ModelOpt, RulesOnlyOpt, ThesisOpt, command, expand_inputs, with_read_options, write_text


@command("worksheet")
@with_read_options
def worksheet(
    input: Input,
    *,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Directory for the files (default: the current directory).",
                     show_default=False),
    ] = None,
    thesis: ThesisOpt = None,
    model: ModelOpt = None,
    rules_only: RulesOnlyOpt = False,
    read: ReadOptions,
) -> None:
    """Write a labelling exercise for students and its answer key, per thread: NAME-worksheet.md
    (comments with empty label columns), NAME-answers.csv (to fill in), NAME-key.md (the tool's
    labels with their cues) and NAME-key.csv (for `debate agreement`).

    Example: debate worksheet threads/scraped_says.txt -o class/
    """
    from ..report.worksheet import write_worksheets

    written = write_worksheets(expand_inputs([input]), output, read=read, thesis=thesis, model=model,
                               reviser=not rules_only)
    typer.echo("wrote " + ", ".join(str(p) for p in written), err=True)


@command("agreement")
def agreement(
    first: Annotated[Path, typer.Argument(help="First annotator's CSV (e.g. a student's answers).",
                                          show_default=False)],
    second: Annotated[Path, typer.Argument(help="Second annotator's CSV (e.g. the answer key).",
                                           show_default=False)],
    label_col: Annotated[
        Optional[list[str]],
        typer.Option("--label-col", help="Label column to compare (repeatable; default: stance, relation, acts "
                     "where both files have them).", show_default=False),
    ] = None,
    id_col: Annotated[str, typer.Option("--id-col", help="Column holding the comment id.")] = "comment",
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output file; '-' or none = stdout.",
                                                   show_default=False)] = None,
) -> None:
    """Compare two annotators' labels: Cohen's kappa, agreement per label and the confusion table.

    Example: debate agreement class/thread-answers.csv class/thread-key.csv
    """
    import json

    from ..report.agreement import agreement as compute, render

    result = compute(first, second, label_cols=tuple(label_col or ()), id_col=id_col)
    write_text(json.dumps(result, ensure_ascii=False, indent=2) if as_json else render(result), output)
