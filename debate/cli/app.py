"""Entry point of the `debate` command: the app plus every command module."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .. import __version__
from .base import app

# Importing a command module registers its commands on `app`.
from . import parse_cmd  # noqa: F401,E402
from . import structure_cmd  # noqa: F401,E402
from . import tag_cmd  # noqa: F401,E402
from . import report_cmd  # noqa: F401,E402
from . import teach_cmd  # noqa: F401,E402
from . import export_cmd  # noqa: F401,E402


def _version(value: bool) -> None:
    if value:
        typer.echo(f"debate {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Analyse comment-thread debates: parse a thread into a reply tree, tag sentiment, stance,
    agreement and discourse acts, and report who argued what.

    Example: debate report threads/scraped_says.txt -o reports/
    """


def run() -> None:
    """Console-script entry point."""
    app()
