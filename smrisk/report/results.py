"""Scan results read back as Assessments, so that a report can be made after the scan.

A tabular result (.csv, .xlsx, .parquet) carries the posts. A .jsonl result holds no text,
so its rows are paired with the scanned export row by row (scan writes one row per input
row, in input order) and their ids must agree. The recommended action is derived again from
the risk level and labels, in the report's language.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import zip_longest
from pathlib import Path
from typing import Any

from ..config import ProtocolConfig
from ..errors import Errors, InputError
from ..findings import Assessment, Finding, Post, RiskLevel
from ..io import PostSource, open_posts
from ..risk import assess

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TABULAR_SUFFIXES = (".csv", ".xlsx", ".parquet")
NEEDED_COLUMNS = ("id", "status", "error", "risk", "findings", "text")


def read_results(
    path: str | Path,
    config: ProtocolConfig,
    lang: str = "nl",
    export: str | Path | None = None,
    columns: dict[str, str] | None = None,
) -> Iterator[Assessment]:
    """The assessments of a results file; a .jsonl one needs the scanned ``export`` too."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(Errors.E001.format(path=path))
    if suffix in JSONL_SUFFIXES:
        if export is None:
            raise InputError(Errors.E013.format(path=path))
        return _paired(path, open_posts(export, columns), config, lang)
    if suffix in TABULAR_SUFFIXES:
        return _tabular(path, config, lang)
    raise InputError(Errors.E012.format(path=path, reason="use .jsonl, .csv, .xlsx or .parquet"))


def assessment_from_record(
    record: dict[str, Any], post: Post, config: ProtocolConfig, lang: str = "nl"
) -> Assessment:
    """One output-contract record (DESIGN.md) and its post as an Assessment; ValueError if malformed."""
    if record.get("status") == "error":
        return Assessment(post=post, status="error", error=record.get("error"), risk=None)
    findings = tuple(
        Finding(
            f["kind"],
            f["label"],
            f["start"],
            f["end"],
            float(f["score"]),
            tuple(f["articles"]),
            f["explanation"],
        )
        for f in record["findings"]
    )
    return assess(post, findings, config, lang, level=RiskLevel.parse(str(record["risk"])))


def _paired(path: Path, source: PostSource, config: ProtocolConfig, lang: str) -> Iterator[Assessment]:
    export, posts = source.path, iter(source)
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip())
        for row, (line, post) in enumerate(zip_longest(lines, posts), start=1):
            if line is None or post is None:
                ends = "the results end first" if line is None else "the export ends first"
                raise InputError(Errors.E015.format(results=path, export=export, row=row, reason=ends))
            with _malformed(path, row):
                record = json.loads(line)
                record_id = str(record["id"])
            if record_id != post.id:
                reason = f"id {record_id!r} in the results, {post.id!r} in the export"
                raise InputError(Errors.E015.format(results=path, export=export, row=row, reason=reason))
            with _malformed(path, row):
                assessment = assessment_from_record(record, post, config, lang)
            yield assessment


def _tabular(path: Path, config: ProtocolConfig, lang: str) -> Iterator[Assessment]:
    import pandas as pd

    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        elif suffix == ".xlsx":
            frame = pd.read_excel(path, dtype=str)
        else:
            frame = pd.read_parquet(path)
    except Exception as exc:  # pandas and its engines raise many types for a broken file
        raise InputError(
            Errors.E007.format(path=path, kind=suffix[1:].upper(), reason=type(exc).__name__)
        ) from None
    if missing := [column for column in NEEDED_COLUMNS if column not in frame.columns]:
        raise InputError(Errors.E012.format(path=path, reason="missing columns " + ", ".join(missing)))
    for row, values in enumerate(frame.to_dict("records"), start=1):
        cell = {key: _cell(value) for key, value in values.items()}
        post = Post(
            id=cell["id"] or str(row),
            text=cell["text"],
            author=cell.get("author"),
            date=cell.get("date"),
            url=cell.get("url"),
            platform=cell.get("platform"),
            row=row,
        )
        with _malformed(path, row):
            assessment = assessment_from_record(
                cell | {"findings": json.loads(cell["findings"] or "[]")}, post, config, lang
            )
        yield assessment


def _cell(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    return str(value)


@contextmanager
def _malformed(path: Path, row: int) -> Iterator[None]:
    """Report a malformed row by its number (never by its content)."""
    try:
        yield
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(
            Errors.E014.format(path=path, row=row, reason=f"malformed result ({type(exc).__name__})")
        ) from None
