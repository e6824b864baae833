"""``smrisk batch``: score a large export (or many) overnight: streaming, parallel, resumable."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn, TimeRemainingColumn

from ..batch import run_batch
from ..batch.job import CHUNK_SIZE, ProgressCallback, default_workers
from ._common import (
    ColumnOption,
    ConfigOption,
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
from .scan import summary_line, summary_table


class Engine(StrEnum):
    local = "local"
    dask = "dask"


@user_errors
def batch(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Export files, or folders of part files (CSV, JSONL, Parquet, XLSX, JSON)."),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Result file: .jsonl, .csv or .parquet.", dir_okay=False)
    ],
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue a killed job from its checkpoint beside OUTPUT.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, help="Worker processes (default: the cores present)."),
    ] = None,
    engine: Annotated[
        Engine, typer.Option(help="local processes, or a Dask cluster (one task per file).")
    ] = (Engine.local),
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)."),
    ] = None,
    staff: StaffOption = None,
    config: ConfigOption = None,
    lang: LangOption = Lang.nl,
    text_column: ColumnOption = None,
    author_column: ColumnOption = None,
    author_name_column: ColumnOption = None,
    id_column: ColumnOption = None,
    date_column: ColumnOption = None,
    url_column: ColumnOption = None,
    platform_column: ColumnOption = None,
    redact: Annotated[
        bool, typer.Option("--redact", help="Tabular outputs with text and author redacted, no URL.")
    ] = False,
    redact_mode: RedactModeOption = RedactMode.placeholder,
    chunk_size: Annotated[
        int, typer.Option(min=1, help="Posts per chunk: the unit of work and of checkpointing.")
    ] = CHUNK_SIZE,
    log_every: Annotated[
        float, typer.Option(help="Seconds between progress lines when not on a terminal (cron, CI).")
    ] = 60.0,
    quiet: QuietOption = False,
) -> None:
    """Score every row of large exports into one output, in input order, resumably.

    Reads in chunks and writes as it goes, so memory stays flat; scores on all
    cores (or a Dask cluster); keeps a checkpoint beside OUTPUT so that after a
    crash or kill the same command with --resume finishes the job. OUTPUT
    appears only when complete.
    """
    columns = column_overrides(
        text=text_column,
        author=author_column,
        author_name=author_name_column,
        id=id_column,
        date=date_column,
        url=url_column,
        platform=platform_column,
    )
    options = dict(
        config=config,
        staff=staff,
        lang=lang.value,
        columns=columns,
        redactor=make_redactor(redact_mode) if redact else None,
        workers=workers or default_workers(),
        resume=resume,
        engine=engine.value,
        scheduler=scheduler,
        chunk_size=chunk_size,
    )
    if is_terminal():
        with _bar() as bar:
            task = bar.add_task("scoring", total=None, rate="")
            summary = run_batch(inputs, output, on_progress=_bar_updates(bar, task), **options)
    else:
        summary = run_batch(inputs, output, on_progress=_log_lines(log_every), **options)
    if summary.resumed_at:
        err_console.print(f"resumed at row {summary.resumed_at:,}", markup=False, highlight=False)
    if not quiet:
        console.print(summary_table(summary))
        console.print(summary_line(summary), markup=False, highlight=False, soft_wrap=True)


def _bar() -> Progress:
    """A progress bar with rate and time left, on stderr."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.completed:,} rows {task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )


def _bar_updates(bar: Progress, task: TaskID) -> ProgressCallback:
    """A progress callback moving ``task`` of ``bar``, with the rate of this run."""
    rate = _Rate()

    def update(done: int, total: int | None) -> None:
        bar.update(task, completed=done, total=total, rate=f"({rate(done):,.0f}/s)")

    return update


class _Rate:
    """Rows per second since the first call (a resumed job starts at its checkpoint)."""

    def __init__(self) -> None:
        self.first: int | None = None
        self.started = time.monotonic()

    def __call__(self, done: int) -> float:
        if self.first is None:
            self.first, self.started = done, time.monotonic()
        return (done - self.first) / max(time.monotonic() - self.started, 1e-9)


def _log_lines(every: float) -> ProgressCallback:
    """A progress callback printing one line per ``every`` seconds to stderr."""
    rate = _Rate()
    last = time.monotonic()

    def report(done: int, total: int | None) -> None:
        nonlocal last
        per_second = rate(done)
        if time.monotonic() - last < every:
            return
        last = time.monotonic()
        line = f"smrisk batch: {done:,} rows"
        if total:
            eta = (total - done) / per_second if per_second else 0.0
            line += f" of ~{total:,} ({100 * done / total:.0f}%), ETA {eta / 60:.0f} min"
        typer.echo(f"{line}, {per_second:,.0f} rows/s", err=True)

    return report
