"""``smrisk report``: the triage report (one HTML file) from the results of an earlier scan."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from ..config import load_config
from ..report import ReportMeta, read_results, write_report
from ._common import (
    ColumnOption,
    ConfigOption,
    Lang,
    LangOption,
    RedactMode,
    RedactModeOption,
    column_overrides,
    console,
    make_redactor,
    user_errors,
)


@user_errors
def report(
    results: Annotated[
        Path,
        typer.Argument(help="Scan results: .csv, .xlsx or .parquet (with text), or .jsonl with --input."),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The report to write (.html).")],
    input: Annotated[
        Path | None,
        typer.Option("--input", help="The scanned export; needed for .jsonl results, which hold no text."),
    ] = None,
    config: ConfigOption = None,
    lang: LangOption = Lang.nl,
    redact: Annotated[
        bool,
        typer.Option("--redact", help="Placeholders instead of personal data, for sharing beyond the team."),
    ] = False,
    redact_mode: RedactModeOption = RedactMode.placeholder,
    text_column: ColumnOption = None,
    id_column: ColumnOption = None,
) -> None:
    """Write the triage report: overview, work list, reviewer feedback; one file, works offline.

    Give the results file of `smrisk scan` and, for .jsonl results, the export
    that was scanned (rows are matched by order and id). Use the same --config
    as the scan.
    """
    protocol = load_config(config)
    columns = column_overrides(text=text_column, id=id_column)
    assessments = read_results(results, protocol, lang.value, export=input, columns=columns)
    scanned_at = datetime.fromtimestamp(results.stat().st_mtime, UTC).isoformat(timespec="seconds")
    meta = ReportMeta(
        source=str(input or results),
        school=protocol.school.name,
        scanned_at=scanned_at,
        config=protocol.source,
    )
    redactor = make_redactor(redact_mode) if redact else None
    flagged = write_report(assessments, output, meta, lang=lang.value, redactor=redactor)
    console.print(f"{flagged} flagged posts -> {output}", markup=False, highlight=False, soft_wrap=True)
