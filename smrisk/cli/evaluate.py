"""``smrisk evaluate``: a saved harm classifier on labelled posts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import SmriskError
from ..harm.corpus import read_corpus
from ..harm.evaluate import evaluate as evaluate_model
from ..harm.feedback import read_feedback
from ..harm.train import load
from ._common import console, user_errors


@user_errors
def evaluate(
    model: Annotated[Path, typer.Argument(help="Model folder (e.g. models/smrisk_harm).")],
    test: Annotated[
        list[Path] | None,
        typer.Argument(help="Labelled JSONL files to evaluate on (optional with --feedback)."),
    ] = None,
    robustness: Annotated[bool, typer.Option(help="Also score spelling-variant copies of the posts.")] = True,
    feedback: Annotated[
        list[Path] | None,
        typer.Option(help="Reviewer feedback CSV from the triage report: also score the reviewed posts."),
    ] = None,
) -> None:
    """Per-label precision, recall, F1 and confusion counts, false alarms, robustness.

    With --feedback, also on the posts reviewers judged: confirmed harm
    findings are the positives. Only flagged posts were reviewed, so recall
    there counts confirmed findings only.
    """
    if not test and not feedback:
        raise SmriskError("give labelled TEST files, --feedback FEEDBACK.csv, or both")
    classifier = load(model)
    if test:
        report = evaluate_model(classifier, read_corpus(test), robustness=robustness)
        console.print(f"{report.posts} posts", markup=False)
        for line in report.lines():
            console.print(line, markup=False, highlight=False)
    if feedback:
        reviewed = read_feedback(feedback)
        console.print(f"reviewed posts (feedback): {len(reviewed.posts)}", markup=False)
        for line in reviewed.lines():
            console.print(f"feedback: {line}", markup=False, highlight=False)
        if reviewed.posts:
            for line in evaluate_model(classifier, list(reviewed.posts), robustness=False).lines():
                console.print(line, markup=False, highlight=False)
