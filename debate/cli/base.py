"""The Typer app, the error boundary and the option types every command shares.

Command modules register themselves on `app` with `@command(...)`, which turns
a DebateError into a one-line message on stderr and its exit code, so no
command ever shows a traceback for bad input.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer

from ..errors import DebateError

app = typer.Typer(
    name="debate",
    help=(
        "Analyse comment-thread debates: parse a thread into a reply tree, tag sentiment, stance, "
        "agreement and discourse acts, and report who argued what.\n\n"
        "Example: debate report threads/scraped_says.txt -o reports/"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def fail(error: DebateError) -> typer.Exit:
    typer.echo(f"debate: error: {error}", err=True)
    return typer.Exit(error.exit_code)


def command(*args, **kwargs) -> Callable:
    """Register a command on `app`, behind the error boundary."""

    def register(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*a, **kw):
            try:
                return func(*a, **kw)
            except DebateError as e:
                raise fail(e) from None
            except BrokenPipeError:  # e.g. `debate parse x | head`
                sys.stderr.close()
                raise typer.Exit(0) from None

        return app.command(*args, **kwargs)(wrapper)

    return register


# --- shared option types -------------------------------------------------------------

Inputs = Annotated[
    list[Path],
    typer.Argument(help="Input files or directories ('-' reads standard input).", show_default=False,
                   metavar="INPUT"),
]
Input = Annotated[Path, typer.Argument(help="Input file ('-' reads standard input).", show_default=False,
                                       metavar="INPUT")]
FormatOpt = Annotated[
    Optional[str],
    typer.Option(
        "--format",
        "-f",
        help="Force the input format instead of detecting it: canonical, scraped, reddit, pushshift, "
        "hackernews, youtube, wxr, disqus, convokit, json, jsonl, csv.",
        show_default=False,
    ),
]
NoInferOpt = Annotated[
    bool,
    typer.Option("--no-infer", help="Keep a flat page's comments as a flat list (no reply or speaker "
                                    "inference), and YouTube replies where YouTube filed them (not "
                                    "re-attached by their opening @handle)."),
]
OrderOpt = Annotated[
    Optional[str],
    typer.Option(
        "--order",
        help="How a flat page lists its comments: chronological or threaded (default: detect).",
        show_default=False,
    ),
]
IdFieldOpt = Annotated[str, typer.Option("--id-field", help="Generic JSON/JSONL/CSV: field holding the comment id.")]
ParentFieldOpt = Annotated[str, typer.Option("--parent-field", help="Generic: field holding the parent id.")]
AuthorFieldOpt = Annotated[str, typer.Option("--author-field", help="Generic: field holding the author name.")]
TextFieldOpt = Annotated[str, typer.Option("--text-field", help="Generic: field holding the comment text.")]
ThreadFieldOpt = Annotated[str, typer.Option("--thread-field", help="Generic: field holding the thread id.")]
TimeFieldOpt = Annotated[str, typer.Option("--time-field", help="Generic: field holding the timestamp.")]
SpillDirOpt = Annotated[
    Optional[str],
    typer.Option("--spill-dir", help="Where large dumps spill to disk while grouping comments by thread "
                 "(default: the system temporary folder).", show_default=False),
]
ThesisOpt = Annotated[
    Optional[str],
    typer.Option("--thesis", help="The thesis to judge stance against, as a claim (\"Cities should ban cars "
                 "downtown\"). Default: extracted from the article (its title, lead or conclusion; for a news "
                 "report or a question post, the decision reported or the question asked). Giving it is "
                 "more reliable.", show_default=False),
]
ModelOpt = Annotated[
    Optional[Path],
    typer.Option("--model", help="A stance model trained with `debate train` (default: the built-in tagger).",
                 show_default=False),
]
RulesOnlyOpt = Annotated[
    bool,
    typer.Option("--rules-only", help="Stance from the hand-written rules alone: no learned reviser reading a side "
                 "in the opening words of comments where the rules found none (it is off with --model too)."),
]


def with_read_options(func: Callable | None = None, *, input_format_flag: str | None = None) -> Callable:
    """Give a command the shared input options; it receives them as `read: ReadOptions`.

    The options are declared once here instead of on every command that reads
    threads, so `--format`, `--no-infer`, `--order` and the generic field
    mapping mean the same everywhere. `input_format_flag` renames `--format`
    for a command whose own `--format` names its output (`debate export`).
    """
    import inspect

    from ..ingest import FieldMap, ReadOptions

    if func is None:
        return functools.partial(with_read_options, input_format_flag=input_format_flag)
    format_opt = FormatOpt
    if input_format_flag is not None:
        format_opt = Annotated[Optional[str], typer.Option(
            input_format_flag, help="Force the input format instead of detecting it (see `debate parse --help`).",
            show_default=False)]
    shared = [
        inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=format_opt),
        inspect.Parameter("no_infer", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=NoInferOpt),
        inspect.Parameter("order", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=OrderOpt),
        inspect.Parameter("id_field", inspect.Parameter.KEYWORD_ONLY, default="id", annotation=IdFieldOpt),
        inspect.Parameter("parent_field", inspect.Parameter.KEYWORD_ONLY, default="parent", annotation=ParentFieldOpt),
        inspect.Parameter("author_field", inspect.Parameter.KEYWORD_ONLY, default="author", annotation=AuthorFieldOpt),
        inspect.Parameter("text_field", inspect.Parameter.KEYWORD_ONLY, default="text", annotation=TextFieldOpt),
        inspect.Parameter("thread_field", inspect.Parameter.KEYWORD_ONLY, default="thread", annotation=ThreadFieldOpt),
        inspect.Parameter("time_field", inspect.Parameter.KEYWORD_ONLY, default="time", annotation=TimeFieldOpt),
        inspect.Parameter("spill_dir", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=SpillDirOpt),
    ]
    names = [p.name for p in shared]
    import typing

    hints = typing.get_type_hints(func, include_extras=True)
    sig = inspect.signature(func)
    own = [p.replace(annotation=hints.get(p.name, p.annotation))
           for p in sig.parameters.values() if p.name != "read"]

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        values = {n: kwargs.pop(n) for n in names}
        if values["order"] not in (None, "chronological", "threaded"):
            raise typer.BadParameter("must be chronological or threaded", param_hint="--order")
        read = ReadOptions(
            format=values["format"],
            infer=not values["no_infer"],
            order=values["order"],
            fields=FieldMap(
                id=values["id_field"], parent=values["parent_field"], author=values["author_field"],
                text=values["text_field"], thread=values["thread_field"], time=values["time_field"],
            ),
            progress=sys.stderr.isatty(),
            spill_dir=values["spill_dir"],
        )
        return func(*args, read=read, **kwargs)

    wrapper.__signature__ = sig.replace(parameters=own + shared)
    # Resolved objects, not strings: Typer evaluates hints in this module's namespace.
    wrapper.__annotations__ = {p.name: p.annotation for p in own + shared}
    if "return" in hints:
        wrapper.__annotations__["return"] = hints["return"]
    del wrapper.__wrapped__  # Typer must see the new signature, not the original
    return wrapper


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; directories expanded, recursively, to their files and ConvoKit corpora (sorted).

    A ConvoKit corpus folder stays whole; hidden entries are skipped.
    """

    def corpus(d: Path) -> bool:
        return d.is_dir() and any((d / u).exists() for u in ("utterances.jsonl", "utterances.json"))

    def inside(d: Path) -> list[Path]:
        found: list[Path] = []
        for q in sorted(d.iterdir()):
            if q.name.startswith("."):
                continue  # hidden files and folders (.git, .DS_Store) are not inputs
            if q.is_file() or corpus(q):
                found.append(q)
            elif q.is_dir():
                found.extend(inside(q))  # subfolders too: nothing under a given folder is skipped
        return found

    out: list[Path] = []
    for p in paths:
        if str(p) != "-" and p.is_dir() and not corpus(p):
            out.extend(inside(p))
        else:
            out.append(p)
    return out


def write_text(text: str, output: Path | None) -> None:
    """Write to a file, or to stdout for None / '-'."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
