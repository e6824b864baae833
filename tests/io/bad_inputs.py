"""Bad and awkward input files, written for real to disk, with what smrisk must do with each.

Each case is either ``fails`` (the file is unusable: exit 2, one line naming the problem)
or a list of expected row statuses (``ok``/``error``), one per input row, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl

ONE_MB_POST = "Lange tekst over het Amstelveen College. " * 26_000  # about 1 MB


@dataclass(frozen=True)
class BadInput:
    name: str
    write: Callable[[Path], None]
    statuses: tuple[str, ...] = ()
    fails: str | None = None  # a fragment of the one-line error message
    ids: tuple[str, ...] = ()


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _xlsx_other_sheet(path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Uitleg"
    workbook.active.append(["Export van Coosto, november 2026"])
    sheet = workbook.create_sheet("Berichten")
    sheet.append(["Datum", "Auteur", "Bericht", "Id"])
    sheet.append(["2026-11-01", "@a", "hoi allemaal", "x1"])
    sheet.append(["2026-11-02", "@b", 612345678, "x2"])  # numeric cell
    sheet.append(["2026-11-03", "@c", None, "x3"])  # missing text
    workbook.save(path)


def _xlsx_merged_header(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Vermeldingen Amstelveen College"
    sheet.merge_cells("A1:C1")
    sheet.append(["id", "auteur", "tekst"])
    sheet.append(["m1", "@a", "de toetsweek begint"])
    sheet.append([None, None, None])  # an empty row is not a row
    sheet.append(["m2", "@b", "ouderavond morgen"])
    workbook.save(path)


def _xlsx_no_text(path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["datum", "aantal"])
    workbook.active.append(["2026-11-01", 3])
    workbook.create_sheet("Leeg")
    workbook.save(path)


def _png(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)


CASES = [
    BadInput("empty.csv", _bytes(b""), fails="file is empty"),
    BadInput("whitespace.csv", _bytes(b"  \n\n"), fails="file is empty"),
    BadInput("header-only.csv", _bytes(b"id,text,author\n")),
    BadInput("header-only.jsonl", _bytes(b"\n"), fails="file is empty"),
    BadInput(
        "truncated.csv",
        _bytes(b'id,text\n1,"hoi"\n2,"afgekapt na een aanhalings'),
        statuses=("ok", "ok"),
        ids=("1", "2"),
    ),
    BadInput(
        "truncated-row.csv",
        _bytes(b"id,text,author\n1,hoi,@a\n2"),
        statuses=("ok", "error"),
        ids=("1", "2"),
    ),
    BadInput("semicolon.csv", _bytes(b'id;tekst\n1;"hallo, jij daar"\n2;doei\n'), statuses=("ok", "ok")),
    BadInput("tab-delimited.csv", _bytes(b"id\tbericht\n1\thoi\n"), statuses=("ok",)),
    BadInput("pipe-delimited.csv", _bytes(b"id|message|author\n1|hoi|@x\n"), statuses=("ok",)),
    BadInput(
        "no-text-column.csv",
        _bytes(b"datum,aantal\n2026-11-01,3\n"),
        fails="no text column found; columns are: 'datum', 'aantal'",
    ),
    BadInput("cp1252.csv", _bytes("id;bericht\n1;café met ëen ü\n".encode("cp1252")), statuses=("ok",)),
    BadInput("bom.csv", _bytes(b"\xef\xbb\xbfid,text\n1,h\xc3\xa9 daar\n"), statuses=("ok",)),
    BadInput(
        "utf16-tab.csv",
        _bytes("Hit Sentence\tInfluencer\nhoi\t@x\n".encode("utf-16")),
        statuses=("ok",),
    ),
    BadInput("mojibake.csv", _bytes("id,text\n1,CafÃ© Ã«en â€“ ðŸ˜‚\n".encode()), statuses=("ok",)),
    BadInput("binary.csv", _png, fails="looks like a binary file"),
    BadInput("xlsx-renamed.csv", _xlsx_merged_header, statuses=("ok", "ok"), ids=("m1", "m2")),
    BadInput(
        "other-sheet.xlsx",
        _xlsx_other_sheet,
        statuses=("ok", "ok", "error"),
        ids=("x1", "x2", "x3"),
    ),
    BadInput("merged-header.xlsx", _xlsx_merged_header, statuses=("ok", "ok"), ids=("m1", "m2")),
    BadInput("no-text.xlsx", _xlsx_no_text, fails="no sheet with a text column"),
    BadInput("corrupt.xlsx", _bytes(b"PK\x03\x04 this is no zip"), fails="cannot read as XLSX"),
    BadInput(
        "rows.csv",
        _bytes(b"id,text\n1,\n2\n3,12345\n4,x,extra,more\n5,   \n"),
        statuses=("error", "error", "ok", "error", "error"),
        ids=("1", "2", "3", "4", "5"),
    ),
    BadInput(
        "one-mb-post.csv",
        lambda p: p.write_text(f'id,text\n1,"{ONE_MB_POST}"\n2,kort\n'),
        statuses=("error", "ok"),
    ),
    BadInput(
        "controls-emoji.csv",
        _bytes('id,text\n1,"a\x00b\x07c\x1b 😀🔥 ‮x"\n2,👍🏽\n'.encode()),
        statuses=("ok", "ok"),
    ),
    BadInput(
        "bad-lines.jsonl",
        _bytes(b'{"id": "a", "text": "hoi"}\nnot json\n[1, 2]\n{"id": "d", "text": 5}\n{"id": "e"}\n'),
        statuses=("ok", "error", "error", "ok", "error"),
        ids=("a", "2", "3", "d", "e"),
    ),
    BadInput("broken.json", _bytes(b'[{"id": 1, "text": "hoi"'), fails="cannot read as JSON"),
    BadInput("scalar.json", _bytes(b'"just a string"'), fails="holds no list of posts"),
    BadInput(
        "mixed.json",
        _bytes(b'{"meta": {"n": 2}, "posts": [{"id": 7, "text": "hoi"}, 3]}'),
        statuses=("ok", "error"),
        ids=("7", "2"),
    ),
    BadInput("not-parquet.parquet", _bytes(b"PAR1 broken"), fails="cannot read as Parquet"),
    BadInput("unknown.docx", _bytes(b"hello"), fails="unsupported file type"),
]
