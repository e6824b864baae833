"""Writers for assessments: JSONL (the contract in DESIGN.md), CSV, XLSX and Parquet.

Output goes to a temporary file beside the target, renamed into place only when complete,
so an output is never left looking complete when it is not.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError
from ..findings import Assessment
from ..redact import Redactor

WRITER_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".parquet": "parquet",
}

#: Columns of the tabular outputs (CSV, XLSX, Parquet), in order.
TABLE_COLUMNS = (
    "id",
    "status",
    "error",
    "risk",
    "labels",
    "articles",
    "action",
    "explanations",
    "findings",
    "author",
    "date",
    "platform",
    "url",
    "text",
)
#: Columns written by `smrisk redact` (in every format, JSONL included).
REDACTED_COLUMNS = ("id", "status", "error", "author", "date", "platform", "text")
_PARQUET_BATCH = 5_000


def table_row(assessment: Assessment, redactor: Redactor | None = None) -> dict[str, Any]:
    """One assessment as a flat row for spreadsheets: lists joined, findings as JSON.

    With a redactor, the text and the author carry no personal data and the URL (which
    names the account) is left out.
    """
    record = assessment.to_record()
    post = assessment.post
    text, author, url = post.text, post.author, post.url
    if redactor is not None:
        text = redactor.text(text, assessment.findings) if text is not None else None
        author, url = redactor.author(author), None
    return {
        "id": record["id"],
        "status": record["status"],
        "error": record["error"],
        "risk": record["risk"],
        "labels": "; ".join(record["labels"]),
        "articles": "; ".join(assessment.articles),
        "action": assessment.action,
        "explanations": " | ".join(f["explanation"] for f in record["findings"]),
        "findings": json.dumps(record["findings"], ensure_ascii=False),
        "author": author,
        "date": post.date,
        "platform": post.platform,
        "url": url,
        "text": text,
    }


class AssessmentWriter:
    """Writes assessments one by one to ``path`` in the format its suffix names.

    Use as a context manager: the file appears under its name only when the block ends
    without an error.
    """

    def __init__(
        self, path: str | Path, redactor: Redactor | None = None, redacted_only: bool = False
    ) -> None:
        if redacted_only and redactor is None:
            raise ValueError("redacted_only needs a redactor")
        self.path = Path(path)
        self.redactor = redactor
        self.columns = REDACTED_COLUMNS if redacted_only else TABLE_COLUMNS
        self.kind = WRITER_SUFFIXES.get(self.path.suffix.lower())
        if self.kind is None:
            raise InputError(Errors.E010.format(path=self.path, suffix=self.path.suffix))
        self.tmp_path = self.path.with_name(self.path.name + ".smrisk-tmp")
        self.count = 0
        self._handle: Any = None
        self._sink: Any = None
        self._buffer: list[dict[str, Any]] = []

    def __enter__(self) -> AssessmentWriter:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._open()
        except OSError as exc:
            raise InputError(Errors.E011.format(path=self.path, reason=exc.strerror)) from None
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self._close()
            os.replace(self.tmp_path, self.path)
        else:
            self._abort()

    def write(self, assessment: Assessment) -> None:
        """Append one assessment."""
        self.write_row(self.row(assessment))

    def row(self, assessment: Assessment) -> dict[str, Any]:
        """The assessment as this writer writes it: the JSONL contract, or a table row."""
        if self.kind == "jsonl" and self.columns is TABLE_COLUMNS:
            return assessment.to_record()
        full = table_row(assessment, self.redactor)
        return {column: full[column] for column in self.columns}

    def write_row(self, row: dict[str, Any]) -> None:
        """Append one row made by :meth:`row` (possibly by another writer, in another process)."""
        self.count += 1
        if self.kind == "jsonl":
            self._handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif self.kind == "csv":
            self._sink.writerow(row)
        elif self.kind == "xlsx":
            self._sink.append([_xlsx_safe(row[column]) for column in self.columns])
        else:
            self._buffer.append(row)
            if len(self._buffer) >= _PARQUET_BATCH:
                self._flush_parquet()

    def _open(self) -> None:
        if self.kind in ("jsonl", "csv"):
            encoding = "utf-8-sig" if self.kind == "csv" else "utf-8"  # BOM: Excel reads UTF-8
            self._handle = self.tmp_path.open("w", encoding=encoding, newline="")
            if self.kind == "csv":
                self._sink = csv.DictWriter(self._handle, fieldnames=self.columns)
                self._sink.writeheader()
        elif self.kind == "xlsx":
            import openpyxl

            self._handle = openpyxl.Workbook(write_only=True)
            self._sink = self._handle.create_sheet("smrisk")
            self._sink.append(list(self.columns))

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(column, pa.string()) for column in self.columns])
        if self._sink is None:
            self._sink = pq.ParquetWriter(self.tmp_path, schema)
        table = pa.Table.from_pylist(self._buffer, schema=schema)
        self._sink.write_table(table)
        self._buffer = []

    def _close(self) -> None:
        if self.kind == "xlsx":
            self._handle.save(self.tmp_path)
        elif self.kind == "parquet":
            if self._buffer or self._sink is None:
                self._flush_parquet()
            self._sink.close()
        else:
            self._handle.close()

    def _abort(self) -> None:
        try:
            if self.kind in ("jsonl", "csv") and self._handle is not None:
                self._handle.close()
            elif self.kind == "parquet" and self._sink is not None:
                self._sink.close()
        finally:
            self.tmp_path.unlink(missing_ok=True)


def _xlsx_safe(value: Any) -> Any:
    """Cells cannot hold control characters or more than 32,767 characters."""
    if isinstance(value, str):
        value = "".join(ch if ch >= " " or ch in "\t\n\r" else " " for ch in value)
        return value[:32_000]
    return value
