"""``smrisk redact``: write an export's posts with their personal data replaced."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..scanner import load
from ._common import (
    ConfigOption,
    RedactMode,
    StaffOption,
    console,
    make_redactor,
    user_errors,
)


@user_errors
def redact(
    input: Annotated[Path, typer.Argument(help="Export to redact: CSV, XLSX, JSON, JSONL or Parquet.")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Where to write (.jsonl, .csv, .xlsx, .parquet)."),
    ],
    mode: Annotated[
        RedactMode,
        typer.Option(
            "--redact-mode",
            help="Placeholders ([NAAM]) or placeholders with a keyed hash "
            "([NAAM:4f0c2a91], key in $SMRISK_REDACT_KEY).",
        ),
    ] = RedactMode.placeholder,
    staff: StaffOption = None,
    config: ConfigOption = None,
    text_column: Annotated[str | None, typer.Option(help="Column holding the text.")] = None,
) -> None:
    """Write every post with its personal data replaced by placeholders.

    Output columns: id, status, error, author, date, platform, text. The author is redacted
    too and URLs (which name the account) are left out.
    """
    redactor = make_redactor(mode)
    scanner = load(config=config, staff=staff)
    columns = {"text": text_column} if text_column else None
    summary = scanner.scan_file(input, output, columns=columns, redactor=redactor, redacted_only=True)
    console.print(
        f"{summary.input}: {summary.rows} rows, {summary.errors} errors -> {output}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
