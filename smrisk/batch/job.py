"""A batch job: every row of one or many input files scored into one output, resumably.

Reading streams (CSV, JSONL and Parquet in chunks; XLSX and JSON whole), scoring runs on
local worker processes or a Dask cluster, rows come out in input order and land in a spool
with a checkpoint (see :mod:`.checkpoint`), so a killed job continues where it stopped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import Errors, InputError
from ..findings import Post
from ..io import AssessmentWriter, open_posts
from ..io.readers import SAMPLE_BYTES, SUFFIXES, sniff_delimiter
from ..io.text import detect_encoding
from ..io.writers import WRITER_SUFFIXES
from ..models import models_dir
from ..redact import Redactor
from ..scanner import ScanSummary
from .checkpoint import Spool
from .local import chunked, score_locally
from .scoring import ChunkResult, JobSettings, read_part

logger = logging.getLogger(__name__)

CHUNK_SIZE = 1_000
BATCH_OUTPUTS = ("jsonl", "csv", "parquet")
ENGINES = ("local", "dask")

#: Called with (rows done, estimated total rows) after every chunk.
ProgressCallback = Callable[[int, int | None], None]


@dataclass
class BatchSummary(ScanSummary):
    """A scan summary plus where the job started (rows already done when resumed)."""

    resumed_at: int = 0


def run_batch(
    inputs: str | Path | Sequence[str | Path],
    output: str | Path,
    *,
    config: str | Path | None = None,
    staff: str | Path | None = None,
    lang: str = "nl",
    columns: dict[str, str] | None = None,
    redactor: Redactor | None = None,
    workers: int | None = None,
    resume: bool = False,
    engine: str = "local",
    scheduler: object | None = None,
    chunk_size: int = CHUNK_SIZE,
    on_progress: ProgressCallback | None = None,
) -> BatchSummary:
    """Score every row of ``inputs`` (files, or folders of part files) into ``output``.

    The output holds one row per input row, in input order (files in the order given,
    folders' files by name). With ``resume`` a job killed earlier continues from its
    checkpoint; without it the job starts over. ``engine="dask"`` scores one task per
    input file on the cluster at ``scheduler`` (an address, a Client, or None for a local
    cluster).
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    output = Path(output)
    kind = WRITER_SUFFIXES.get(output.suffix.lower())
    if kind is None:
        raise InputError(Errors.E010.format(path=output, suffix=output.suffix))
    if kind not in BATCH_OUTPUTS:
        raise InputError(Errors.E019.format(path=output))
    parts = expand_inputs(inputs)
    for part in parts:  # an unusable file fails now, not hours into the job
        open_posts(part, columns)
    settings = JobSettings(
        output=output,
        config=Path(config) if config is not None else None,
        staff=Path(staff) if staff is not None else None,
        lang=lang,
        columns=tuple(sorted((columns or {}).items())),
        redactor=redactor,
    )
    spool = Spool(output, job_fingerprint(parts, settings))
    state = spool.start(resume)
    summary = BatchSummary(input=", ".join(map(str, parts)), output=str(output), resumed_at=state.rows)
    summary.rows = state.rows
    started = time.perf_counter()
    total = estimate_rows(parts)
    if on_progress:
        on_progress(summary.rows, total)
    if not state.input_done:
        prefixes = [part.stem if len(parts) > 1 else None for part in parts]
        if engine == "dask":
            from .dask_engine import score_parts_on_dask

            todo = list(zip(parts, prefixes, strict=True))[state.parts :]
            results: Iterator[ChunkResult] = score_parts_on_dask(settings, todo, scheduler)
            whole_parts = True
        else:
            posts = itertools.islice(_posts(parts, prefixes, settings), state.rows, None)
            results = score_locally(settings, chunked(posts, chunk_size), workers or default_workers())
            whole_parts = False
        for result in results:
            spool.append(result.lines, result.summary.rows, part_done=whole_parts)
            summary.merge(result.summary)
            if on_progress:
                on_progress(summary.rows, total)
        spool.finish_input()
    _finalize(spool, output, kind, redactor)
    summary.seconds = time.perf_counter() - started
    logger.info("batch done: %d rows (%d errors) in %.1f s", summary.rows, summary.errors, summary.seconds)
    return summary


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def expand_inputs(inputs: str | Path | Sequence[str | Path]) -> list[Path]:
    """Input files in job order: files as given, each folder's readable files by name."""
    items = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    parts: list[Path] = []
    for item in map(Path, items):
        if item.is_dir():
            found = sorted(p for p in item.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError(Errors.E018.format(path=item))
            parts.extend(found)
        else:
            parts.append(item)
    return parts


def estimate_rows(parts: Iterable[Path]) -> int | None:
    """Rows to expect, for progress: exact for Parquet, line counts for text, unknown for XLSX."""
    total = 0
    for part in parts:
        suffix = SUFFIXES.get(part.suffix.lower())
        if suffix == "parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(part).metadata.num_rows
        elif suffix in ("csv", "jsonl"):
            with part.open("rb") as handle:
                lines = sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
            total += round(lines * _rows_per_line(part)) if suffix == "csv" else lines
        else:
            return None
    return total


def _rows_per_line(path: Path) -> float:
    """CSV rows per line break in the first megabyte (quoted texts may span lines), header aside."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    sample = sample[: sample.rfind(b"\n") + 1]
    if not sample:
        return 0.0
    text = sample.decode(detect_encoding(sample), errors="replace")
    rows = sum(1 for _ in csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    return max(rows - 1, 0) / sample.count(b"\n")


def job_fingerprint(parts: Sequence[Path], settings: JobSettings) -> str:
    """What makes a checkpoint valid: the inputs as they are now, the settings and the models."""
    from .. import __version__

    digest = hashlib.sha256()

    def file_id(path: Path | None) -> list[object] | None:
        if path is None:
            return None
        stat = path.stat()
        return [str(path.resolve()), stat.st_size, stat.st_mtime_ns]

    manifests = sorted(models_dir().glob("*/SHA256SUMS"))
    facts = {
        "smrisk": __version__,
        "parts": [file_id(part) for part in parts],
        "config": file_id(settings.config),
        "staff": file_id(settings.staff),
        "lang": settings.lang,
        "columns": settings.columns,
        "redact": None if settings.redactor is None else settings.redactor.fingerprint(),
        "models": [hashlib.sha256(path.read_bytes()).hexdigest() for path in manifests],
    }
    digest.update(json.dumps(facts, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


def _posts(parts: Sequence[Path], prefixes: Sequence[str | None], settings: JobSettings) -> Iterator[Post]:
    for part, prefix in zip(parts, prefixes, strict=True):
        yield from read_part(part, settings, prefix)


def _finalize(spool: Spool, output: Path, kind: str, redactor: Redactor | None) -> None:
    """Put the complete output in place, then drop the checkpoint and spool."""
    if spool.path.exists():
        if kind == "jsonl":
            os.replace(spool.path, output)  # the spool is the output, line for line
        else:
            with AssessmentWriter(output, redactor) as writer:
                for row in spool.rows():
                    writer.write_row(row)
    spool.remove()
