"""Turning bytes and cells into clean text: encodings, mojibake, control characters."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import math
import re
from typing import Any

#: Bytes that start the formats we sniff by content rather than by file name.
MAGIC = {b"PK\x03\x04": "xlsx", b"PAR1": "parquet"}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A run of characters that UTF-8 bytes become when decoded as cp1252: "Ã©", "â€™", "ðŸ˜‚".
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+"
)


def sniff_format(sample: bytes) -> str | None:
    """``xlsx`` or ``parquet`` when the bytes say so, whatever the file is called."""
    for magic, kind in MAGIC.items():
        if sample.startswith(magic):
            return kind
    return None


def looks_binary(sample: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (images, archives, ...).

    Valid UTF-8 is text even with a few control characters in it; otherwise many control
    bytes (NUL and friends, which cp1252 text never holds) mean binary.
    """
    if not sample or sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if detect_encoding(sample) != "cp1252":
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.01


def detect_encoding(sample: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 by BOM, else cp1252 (Windows Excel exports)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)  # a sample may end inside a character
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as cp1252 ("CafÃ© â€“" -> "Café –"), run by run."""

    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        try:
            return run.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return run

    return _MOJIBAKE.sub(fix, text) if _MOJIBAKE.search(text) else text


def clean_text(text: str) -> str:
    """Repair mojibake and blank out control characters (same length, so offsets stay true)."""
    return _CONTROL.sub(" ", repair_mojibake(text))


def cell_to_str(value: Any) -> str | None:
    """A cell from any reader as text, or None when it is empty or missing."""
    if type(value) is str:  # every CSV and JSON text cell: the common case first
        return value
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "isoformat"):  # pandas/numpy timestamps
        return value.isoformat()
    text = str(value)
    return None if text in ("nan", "NaT", "<NA>") and not isinstance(value, str) else text
