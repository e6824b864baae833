"""``smrisk check``: assess one text typed on the command line."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ..scanner import load
from ._common import (
    ConfigOption,
    FailOnOption,
    Lang,
    LangOption,
    StaffOption,
    console,
    user_errors,
)


@user_errors
def check(
    text: Annotated[str, typer.Argument(help="The post text.")],
    author: Annotated[str | None, typer.Option(help="The author's handle or full name.")] = None,
    staff: StaffOption = None,
    config: ConfigOption = None,
    lang: LangOption = Lang.nl,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSONL record instead.")] = False,
    fail_on: FailOnOption = None,
) -> None:
    """Assess one post and show its risk, findings and recommended action."""
    threshold = fail_on.level if fail_on else None
    scanner = load(config=config, staff=staff, lang=lang.value)
    assessment = scanner.assess(text, author=author)
    if as_json:
        typer.echo(json.dumps(assessment.to_record(), ensure_ascii=False))
    elif assessment.status == "error":
        console.print(f"not scored: {assessment.error}", markup=False)
    else:
        console.print(f"risk: [bold]{assessment.risk.name}[/]")
        for finding in assessment.findings:
            span = "" if finding.start is None else f", characters {finding.start}-{finding.end}"
            console.print(
                f"- [bold]{finding.label}[/] ({', '.join(finding.articles)}; "
                f"score {finding.score:.2f}{span})",
                highlight=False,
            )
            console.print(f"  {finding.explanation}", markup=False, highlight=False)
        console.print(f"action: {assessment.action}", markup=False, highlight=False)
    if threshold is not None and assessment.risk is not None and assessment.risk >= threshold:
        raise typer.Exit(3)
