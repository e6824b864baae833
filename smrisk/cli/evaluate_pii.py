"""``smrisk evaluate-pii``: precision, recall and F1 of the personal-data stage on gold posts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..pii.corpus import read_conll, read_gold
from ..pii.evaluate import MODES, evaluate_gold
from ..scanner import load
from ._common import ConfigOption, console, user_errors


@user_errors
def evaluate_pii(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (text + spans, or [[surface|LABEL]] markup).")],
    conll: Annotated[
        bool, typer.Option("--conll", help="GOLD is a CoNLL 'token TAG' file; score PERSON only.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Score the personal-data stage: per label and overall, exact and overlap P/R/F1."""
    posts = read_conll(gold) if conll else read_gold(gold)
    scanner = load(config=config)
    report = evaluate_gold(scanner, posts, labels=["PERSON"] if conll else None)
    table = Table(title=f"{gold}: {report.posts} posts")
    table.add_column("label")
    table.add_column("gold", justify="right")
    for mode in MODES:
        table.add_column(f"{mode} P / R / F1", justify="right")
    for row in report.table():
        cells = [" / ".join(f"{v:.3f}" for v in row[mode]) if mode in row else "" for mode in MODES]
        table.add_row(str(row["label"]), str(row["gold"]), *cells)
    console.print(table)
