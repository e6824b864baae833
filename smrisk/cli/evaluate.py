"""``smrisk evaluate``: a saved harm classifier on labelled posts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..harm.corpus import read_corpus
from ..harm.evaluate import evaluate as evaluate_model
from ..harm.train import load
from ._common import console, user_errors


@user_errors
def evaluate(
    model: Annotated[Path, typer.Argument(help="Model folder (e.g. models/smrisk_harm).")],
    test: Annotated[list[Path], typer.Argument(help="Labelled JSONL files to evaluate on.")],
    robustness: Annotated[bool, typer.Option(help="Also score spelling-variant copies of the posts.")] = True,
) -> None:
    """Per-label precision, recall, F1 and confusion counts, false alarms, robustness."""
    report = evaluate_model(load(model), read_corpus(test), robustness=robustness)
    console.print(f"{report.posts} posts", markup=False)
    for line in report.lines():
        console.print(line, markup=False, highlight=False)
