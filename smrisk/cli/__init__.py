"""The ``smrisk`` command: one small module per command, each a thin face of the Python API."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from .batch import batch
from .check import check
from .evaluate import evaluate
from .evaluate_pii import evaluate_pii
from .info import info
from .redact import redact
from .report import report
from .scan import scan
from .train import train

app = typer.Typer(
    name="smrisk",
    help="Flag social-media posts about a school that break its social-media protocol.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals hold post texts and personal data
    add_completion=False,
)
app.command()(scan)
app.command()(batch)
app.command()(check)
app.command()(info)
app.command("evaluate-pii")(evaluate_pii)
app.command()(redact)
app.command()(train)
app.command()(evaluate)
app.command()(report)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"smrisk {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Flag social-media posts about a school that break its social-media protocol."""


def main() -> None:
    """Entry point of the ``smrisk`` script."""
    app()
