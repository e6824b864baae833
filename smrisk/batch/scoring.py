"""Worker side of a batch job: load the scanner once per process, then score chunks of posts.

Workers hand back output rows already serialised as JSON lines, so the parent process only
writes; both engines (local processes and Dask) call these same functions.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..findings import Post
from ..io import AssessmentWriter, open_posts
from ..redact import Redactor
from ..scanner import Scanner, ScanSummary, load


@dataclass(frozen=True)
class JobSettings:
    """Everything a worker needs to score posts exactly as the parent would (picklable)."""

    output: Path
    config: Path | None = None
    staff: Path | None = None
    lang: str = "nl"
    columns: tuple[tuple[str, str], ...] = ()
    redactor: Redactor | None = None


@dataclass
class ChunkResult:
    """A scored chunk: its output rows as JSON lines, and their summary counts."""

    lines: list[str]
    summary: ScanSummary


@functools.lru_cache(maxsize=4)
def scanner_for(config: Path | None, staff: Path | None, lang: str) -> Scanner:
    """The scanner for these settings, loaded once per process."""
    return load(config=config, staff=staff, lang=lang)


def score_chunk(settings: JobSettings, posts: list[Post]) -> ChunkResult:
    """Assess ``posts`` in order and return their output rows."""
    scanner = scanner_for(settings.config, settings.staff, settings.lang)
    writer = AssessmentWriter(settings.output, settings.redactor)  # forms rows, opens no file
    summary = ScanSummary(input="", output=None)
    lines = []
    for assessment in scanner.assess_posts(posts):
        summary.add(assessment)
        lines.append(json.dumps(writer.row(assessment), ensure_ascii=False))
    return ChunkResult(lines, summary)


def score_part(settings: JobSettings, part: Path, id_prefix: str | None) -> ChunkResult:
    """Read and assess one whole input part (a Dask task); ids get ``id_prefix`` if numbered."""
    return score_chunk(settings, list(read_part(part, settings, id_prefix)))


def read_part(part: Path, settings: JobSettings, id_prefix: str | None) -> Iterator[Post]:
    """The posts of one input part; posts numbered by row get ``id_prefix`` in a multi-part job."""
    source = open_posts(part, dict(settings.columns) or None)
    numbered = source.column_map.id is None and id_prefix is not None
    for post in source:
        yield replace(post, id=f"{id_prefix}:{post.id}") if numbered else post
