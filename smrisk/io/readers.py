"""Readers for exports: CSV/TSV, XLSX, JSON, JSONL and Parquet, row by row, no row lost.

Every data row of the input becomes exactly one :class:`~smrisk.findings.Post`, in input
order. A row that cannot be read still becomes a Post, with ``problem`` saying why; only a
file that is unusable as a whole raises :class:`~smrisk.errors.InputError`. Blank lines and
wholly empty spreadsheet rows are not rows.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError
from ..findings import Post
from .columns import ColumnMap, find_columns, is_text_header, platform_from_url
from .text import cell_to_str, clean_text, detect_encoding, looks_binary, sniff_format

SAMPLE_BYTES = 1 << 20
HEADER_SEARCH_ROWS = 30
SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
OVERRIDE_OPTIONS = {
    "text": "text-column",
    "author": "author-column",
    "author_name": "author-name-column",
    "date": "date-column",
    "url": "url-column",
    "platform": "platform-column",
    "id": "id-column",
}

# A row as read: the cells by column name, or None and the reason it could not be read.
RawRow = tuple[dict[str, Any] | None, str | None]

csv.field_size_limit(max(csv.field_size_limit(), 1 << 28))


@dataclass
class PostSource:
    """An opened export: its format, columns and column map; iterate it for the Posts."""

    path: Path
    kind: str
    columns: list[str]
    column_map: ColumnMap
    rows: Iterator[RawRow] = field(repr=False)

    def __iter__(self) -> Iterator[Post]:
        for number, (values, problem) in enumerate(self.rows, start=1):
            yield post_from_record(number, values, problem, self.column_map)


def open_posts(path: str | Path, columns: dict[str, str] | None = None) -> PostSource:
    """Open an export for reading; ``columns`` maps fields (text, author, ...) to column names."""
    path = Path(path)
    if not path.is_file():
        raise InputError(Errors.E001.format(path=path))
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if not sample.strip():
        raise InputError(Errors.E002.format(path=path))
    kind = sniff_format(sample) or SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(Errors.E004.format(path=path, suffix=path.suffix))
    if kind in ("csv", "json", "jsonl") and looks_binary(sample):
        raise InputError(Errors.E003.format(path=path, kind=kind.upper(), magic=sample[:4].hex(" ")))
    overrides = columns or {}
    text_override = overrides.get("text")
    reader = {
        "csv": _read_csv,
        "xlsx": _read_xlsx,
        "json": _read_json,
        "jsonl": _read_jsonl,
        "parquet": _read_parquet,
    }[kind]
    header, rows = reader(path, sample, text_override)
    try:
        column_map = find_columns(header, overrides)
    except KeyError as exc:
        field_name = exc.args[0]
        raise InputError(
            Errors.E006.format(
                path=path,
                column=overrides[field_name],
                option=OVERRIDE_OPTIONS[field_name],
                columns=_listing(header),
            )
        ) from None
    if column_map is None:
        raise InputError(Errors.E005.format(path=path, columns=_listing(header)))
    return PostSource(path, kind, header, column_map, rows)


def _listing(columns: list[str]) -> str:
    shown = ", ".join(repr(c) for c in columns[:20]) or "(none)"
    return shown + (f" and {len(columns) - 20} more" if len(columns) > 20 else "")


def post_from_record(
    number: int, values: dict[str, Any] | None, problem: str | None, column_map: ColumnMap
) -> Post:
    """Row ``number`` (1-based) as a Post; its id is the id cell or, lacking one, the number."""

    def get(field_name: str) -> str | None:
        column = getattr(column_map, field_name)
        if values is None or column is None:
            return None
        value = cell_to_str(values.get(column))
        return value.strip() if value is not None and field_name != "text" else value

    post_id = get("id") or str(number)
    text = get("text")
    if problem is None and text is not None:
        text = clean_text(text)
    url = get("url")
    return Post(
        id=post_id,
        text=text,
        author=get("author"),
        author_name=get("author_name"),
        date=get("date"),
        url=url,
        platform=get("platform") or platform_from_url(url),
        row=number,
        problem=problem,
    )


# --- CSV -------------------------------------------------------------------------------------


def sniff_delimiter(sample: str) -> str:
    """The delimiter among , ; tab | that splits the first lines into the most consistent columns."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    best, best_score = ",", 0
    for delimiter in (",", ";", "\t", "|"):
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        counts = [c for c in counts if c > 1]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = counts.count(mode) * mode
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(path: Path, sample: bytes, text_override: str | None):
    encoding = detect_encoding(sample)
    text_sample = sample.decode(encoding, errors="replace")
    delimiter = sniff_delimiter(text_sample)
    handle = path.open(encoding=encoding, errors="replace", newline="")
    reader = csv.reader(handle, delimiter=delimiter)
    head = _take_rows(reader, HEADER_SEARCH_ROWS)
    header_at = next((i for i, row in enumerate(head) if is_text_header(row, text_override)), 0)
    header = _unique_names(head[header_at] if head else [])
    rest = itertools.chain(head[header_at + 1 :], _rows_until_error(reader))

    def rows() -> Iterator[RawRow]:
        try:
            for cells in rest:
                if isinstance(cells, str):  # a parse error, reported as a row
                    yield None, cells
                elif any(cell.strip() for cell in cells):
                    yield _csv_row(header, cells)
        finally:
            handle.close()

    return header, rows()


def _take_rows(reader: Iterator[list[str]], count: int) -> list[list[str]]:
    rows = []
    for cells in _rows_until_error(reader):
        if isinstance(cells, str):
            break
        rows.append(cells)
        if len(rows) >= count:
            break
    return rows


def _rows_until_error(reader: Iterator[list[str]]) -> Iterator[list[str] | str]:
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield f"CSV parse error: {exc}"
            return


def _csv_row(header: list[str], cells: list[str]) -> RawRow:
    if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
        return None, (
            f"row has {len(cells)} fields but the header has {len(header)} "
            "(an unquoted delimiter in the text?)"
        )
    return dict(zip(header, cells, strict=False)), None


def _unique_names(cells: Iterable[Any]) -> list[str]:
    names: list[str] = []
    for index, cell in enumerate(cells, start=1):
        name = (cell_to_str(cell) or "").replace("\ufeff", "").strip() or f"column_{index}"
        while name in names:
            name += "_"
        names.append(name)
    return names


# --- XLSX ------------------------------------------------------------------------------------


def _read_xlsx(path: Path, sample: bytes, text_override: str | None):
    import openpyxl

    handle = path.open("rb")  # a file object, so that a workbook renamed .csv still opens
    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken workbook
        handle.close()
        reason = f"not a valid workbook ({type(exc).__name__})"
        raise InputError(Errors.E007.format(path=path, kind="XLSX", reason=reason)) from None
    for sheet in workbook.worksheets:
        sheet_rows = sheet.iter_rows(values_only=True)
        head = list(itertools.islice(sheet_rows, HEADER_SEARCH_ROWS))
        for index, row in enumerate(head):
            cells = [cell_to_str(cell) or "" for cell in row]
            if is_text_header(cells, text_override):
                header = _unique_names(row)
                rest = itertools.chain(head[index + 1 :], sheet_rows)
                return header, _xlsx_rows(workbook, header, rest)
    sheets = ", ".join(repr(s.title) for s in workbook.worksheets)
    first = workbook.worksheets[0] if workbook.worksheets else None
    header = _unique_names(next(first.iter_rows(values_only=True), ())) if first else []
    workbook.close()
    if len(workbook.sheetnames) > 1:
        raise InputError(Errors.E009.format(path=path, sheets=sheets))
    return header, iter(())


def _xlsx_rows(workbook: Any, header: list[str], rows: Iterable[tuple]) -> Iterator[RawRow]:
    try:
        for row in rows:
            if any(cell_to_str(cell) not in (None, "") for cell in row):
                yield dict(zip(header, row, strict=False)), None
    finally:
        workbook.close()


# --- JSON, JSONL -----------------------------------------------------------------------------


def _read_json(path: Path, sample: bytes, text_override: str | None):
    try:
        data = json.loads(path.read_bytes().decode(detect_encoding(sample), errors="replace"))
    except json.JSONDecodeError as exc:
        raise InputError(
            Errors.E007.format(path=path, kind="JSON", reason=exc.msg + f" at line {exc.lineno}")
        ) from None
    if isinstance(data, dict):
        data = next((value for value in data.values() if isinstance(value, list)), None)
    if not isinstance(data, list):
        raise InputError(Errors.E008.format(path=path))
    records = [_flatten(item) if isinstance(item, dict) else item for item in data]
    header = _union_keys(r for r in records if isinstance(r, dict))
    return header, (
        (record, None)
        if isinstance(record, dict)
        else (None, f"item is a JSON {type(record).__name__}, not an object")
        for record in records
    )


def _read_jsonl(path: Path, sample: bytes, text_override: str | None):
    encoding = detect_encoding(sample)
    # Columns come from the first lines; later lines may add keys, which are then ignored.
    with path.open(encoding=encoding, errors="replace") as handle:
        head = [_jsonl_record(line)[0] for line in itertools.islice(handle, 1000)]
    header = _union_keys(r for r in head if r is not None)

    def rows() -> Iterator[RawRow]:
        with path.open(encoding=encoding, errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    record, problem = _jsonl_record(line)
                    yield record, (f"line {number}: {problem}" if problem else None)

    return header, rows()


def _jsonl_record(line: str) -> RawRow:
    if not line.strip():
        return None, None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON ({exc.msg})"
    if not isinstance(record, dict):
        return None, f"a JSON {type(record).__name__}, not an object"
    return _flatten(record), None


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects become dotted keys: {"author": {"name": x}} -> {"author.name": x}."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, prefix=name + "."))
        else:
            flat[name] = value
    return flat


def _union_keys(records: Iterable[dict[str, Any]]) -> list[str]:
    keys: dict[str, None] = {}
    for record in records:
        keys.update(dict.fromkeys(record))
    return list(keys)


# --- Parquet ---------------------------------------------------------------------------------


def _read_parquet(path: Path, sample: bytes, text_override: str | None):
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, ...
        reason = f"not a valid Parquet file ({type(exc).__name__})"
        raise InputError(Errors.E007.format(path=path, kind="Parquet", reason=reason)) from None
    header = list(parquet.schema_arrow.names)

    def rows() -> Iterator[RawRow]:
        for batch in parquet.iter_batches(batch_size=10_000):
            for record in batch.to_pylist():
                yield record, None

    return header, rows()
