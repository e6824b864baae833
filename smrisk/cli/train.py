"""``smrisk train``: fit the A7 harm classifier and save it under models/ with its card."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..harm.feedback import read_feedback
from ..harm.model import DEFAULT_C
from ..harm.train import DEFAULT_NAME
from ..harm.train import train as train_model
from ..models import models_dir
from ._common import console, user_errors


@user_errors
def train(
    data: Annotated[list[Path], typer.Argument(help="Training JSONL files (data/ANNOTATION.md format).")],
    dev: Annotated[Path, typer.Option(help="Dev JSONL for the per-label thresholds.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Model folder to write.")] = None,
    test: Annotated[
        Path | None, typer.Option(help="Held-out JSONL, only evaluated for the model card.")
    ] = None,
    c: Annotated[float, typer.Option("--C", help="Inverse regularisation strength.")] = DEFAULT_C,
    feedback: Annotated[
        list[Path] | None,
        typer.Option(help="Reviewer feedback CSV exported from the triage report (repeatable)."),
    ] = None,
) -> None:
    """Train the harm classifier, tune its thresholds on DEV and save it with a model card.

    With --feedback, reviewed harm findings join the training data: a confirmed
    finding labels its post, a rejected one makes the post a negative for that
    label.
    """
    output = output or models_dir() / DEFAULT_NAME
    reviewed = read_feedback(feedback) if feedback else None
    if reviewed:
        for line in reviewed.lines():
            console.print(f"feedback: {line}", markup=False, highlight=False)
    with console.status("training"):
        _, dev_report, test_report = train_model(data, dev, output, test_path=test, C=c, feedback=reviewed)
    console.print(f"saved to {output}", markup=False)
    console.print("dev:", markup=False)
    for line in dev_report.lines():
        console.print("  " + line, markup=False, highlight=False)
    if test_report:
        console.print("test:", markup=False)
        for line in test_report.lines():
            console.print("  " + line, markup=False, highlight=False)
