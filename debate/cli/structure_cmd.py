"""`debate structure`: show the reply tree and speakers inferred for a flat page, with the evidence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..ingest import ReadOptions
from .base import Inputs, command, expand_inputs, with_read_options, write_text


@command("structure")
@with_read_options
def structure(
    inputs: Inputs,
    *,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Print every link and speaker decision with its cue, confidence and "
                     "evidence."),
    ] = False,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write the listing to this file instead of stdout.", show_default=False),
    ] = None,
    read: ReadOptions,
) -> None:
    """Infer who replied to whom, and who is who, on flat comment pages.

    Reads each input; on a flat page (no reply structure), infers every
    comment's parent and speaker from addresses ("@name", "Adam,"), the
    article author's replies, quotations, overlap, second person,
    back-and-forth and recency, choosing all parents together under the tree
    constraint of the display order (detected, or --order). Prints the tree
    compactly, or with --explain each decision with its evidence and
    confidence. Threads that already have structure are shown as given;
    --no-infer shows a flat page as a flat list.

    Example: debate structure threads/scraped_numbered.txt --explain
    """
    from ..ingest import FLAT_FORMATS, finish, read_threads
    from ..structure import analyse_thread
    from ..structure.explain import explain_lines, tree_lines

    blocks: list[str] = []
    for source in expand_inputs(inputs):
        for thread in read_threads(source, replace(read, infer=False)):
            note = None
            if thread.source_format in FLAT_FORMATS and read.infer and not thread.structure_inferred:
                analysis = analyse_thread(thread, read.order)
                thread, note = analysis.thread, analysis.order_inference
            thread = finish(thread, replace(read, infer=False))
            title = f"# {thread.id}" + (f": {thread.article.title}" if thread.article.title else "")
            body = explain_lines(thread, note) if explain else tree_lines(thread)
            blocks.append("\n".join([title, *body]))
    write_text("\n\n".join(blocks) if blocks else "(no threads)", output)
