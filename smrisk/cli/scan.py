"""``smrisk scan``: assess every post of an export and write one result row per input row."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..findings import RiskLevel
from ..report import ReportBuilder, save_report, scan_meta
from ..scanner import ScanSummary, load
from ._common import (
    ColumnOption,
    ConfigOption,
    FailOnOption,
    Lang,
    LangOption,
    QuietOption,
    RedactMode,
    RedactModeOption,
    StaffOption,
    column_overrides,
    console,
    err_console,
    is_terminal,
    make_redactor,
    user_errors,
)


@user_errors
def scan(
    input: Annotated[Path, typer.Argument(help="Export to scan: CSV, XLSX, JSON, JSONL or Parquet.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write results; the format follows the extension (.jsonl, .csv, .xlsx, .parquet).",
        ),
    ] = None,
    staff: StaffOption = None,
    config: ConfigOption = None,
    lang: LangOption = Lang.nl,
    fail_on: FailOnOption = None,
    text_column: ColumnOption = None,
    author_column: ColumnOption = None,
    author_name_column: ColumnOption = None,
    id_column: ColumnOption = None,
    date_column: ColumnOption = None,
    url_column: ColumnOption = None,
    platform_column: ColumnOption = None,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="Tabular outputs without personal data: text and author "
            "redacted, URL left out (JSONL never holds text).",
        ),
    ] = False,
    redact_mode: RedactModeOption = RedactMode.placeholder,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            help="Also write the triage report (one HTML file; with --redact without personal data).",
            dir_okay=False,
        ),
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Scan an export of posts and write one result per post, in input order.

    Every input row gives exactly one output row; a row that cannot be scored gets
    status "error" and the reason. Exit codes: 0 done, 2 unusable input or config,
    3 a post reached the --fail-on level.
    """
    threshold = fail_on.level if fail_on else None
    scanner = load(config=config, staff=staff, lang=lang.value)
    columns = column_overrides(
        text=text_column,
        author=author_column,
        author_name=author_name_column,
        id=id_column,
        date=date_column,
        url=url_column,
        platform=platform_column,
    )
    redactor = make_redactor(redact_mode) if redact else None
    builder = ReportBuilder(scan_meta(scanner, input), lang.value, redactor) if report else None
    with _progress() as progress:
        task = progress.add_task("scanning", total=None) if progress else None
        summary = scanner.scan_file(
            input,
            output,
            redactor=redactor,
            columns=columns,
            on_progress=(lambda rows: progress.update(task, completed=rows)) if progress else None,
            on_assessment=builder.add if builder else None,
        )
    if builder and report:
        save_report(builder.data(), report)
    if not quiet:
        console.print(summary_table(summary))
        console.print(summary_line(summary), markup=False, highlight=False, soft_wrap=True)
        if builder:
            console.print(
                f"report: {len(builder.posts)} flagged posts -> {report}", markup=False, soft_wrap=True
            )
        if output is None:
            console.print("No --output given: results were not written.", style="yellow")
    if threshold is not None and summary.max_risk >= threshold:
        typer.echo(
            f"smrisk: a post reached risk level {summary.max_risk.name} (--fail-on {threshold.name})",
            err=True,
        )
        raise typer.Exit(3)


def _progress() -> Progress | contextlib.nullcontext[None]:
    """A progress display on a terminal; a do-nothing context elsewhere (cron, CI, pipes)."""
    if not is_terminal():
        return contextlib.nullcontext()
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} posts"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def summary_table(summary: ScanSummary) -> Table:
    """The scan's counts by risk level and label, as a Rich table."""
    table = Table()
    table.add_column("risk / label")
    table.add_column("posts", justify="right")
    styles = {
        "critical": "bold red",
        "high": "red",
        "medium": "yellow",
        "low": "cyan",
        "none": "green",
    }
    for level in reversed(RiskLevel):
        table.add_row(f"[{styles[level.name]}]{level.name}[/]", str(summary.risk_counts[level.name]))
    if summary.errors:
        table.add_row("[magenta]error (not scored)[/]", str(summary.errors))
    if summary.label_counts:
        table.add_section()
        for label, count in summary.label_counts.most_common():
            table.add_row(label, str(count))
    return table


def summary_line(summary: ScanSummary) -> str:
    """One line saying what was scanned, how fast, and where the results went."""
    rate = summary.rows / summary.seconds if summary.seconds else 0.0
    line = (
        f"{summary.input}: {summary.rows} rows, {summary.errors} errors, "
        f"{summary.seconds:.1f} s ({rate:,.0f} posts/s)"
    )
    return line + (f" -> {summary.output}" if summary.output else "")
