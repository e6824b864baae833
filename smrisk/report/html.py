"""Rendering the report: one self-contained HTML file (template, CSS, script and data inlined).

The page loads nothing from the network (its Content-Security-Policy forbids it), so it
works offline and from a USB stick. The data is one JSON blob in a
``<script type="application/json">``; every ``<`` in it is written as ``\\u003c``, so no
post text can close the script element.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError
from ..findings import Assessment
from ..redact import Redactor
from .model import ReportBuilder, ReportMeta

_SLOT = re.compile(r"\{\{(\w+)\}\}")


@cache
def _asset(name: str) -> str:
    return (resources.files("smrisk") / "report" / "assets" / name).read_text(encoding="utf-8")


def embed_json(data: Any) -> str:
    """``data`` as JSON that is safe inside a script element (no ``<`` left in it)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render(data: dict[str, Any]) -> str:
    """The report page for ``data`` (from :meth:`ReportBuilder.data`)."""
    slots = {key: html.escape(value) for key, value in data["strings"].items()}
    slots |= {
        "lang": data["lang"],
        "school": html.escape(data["meta"]["school"]),
        "css": _asset("report.css"),
        "js": _asset("report.js"),
        "data": embed_json(data),
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("report.html"))


def save_report(data: dict[str, Any], path: str | Path) -> None:
    """Write the page for ``data`` to ``path``, via a temporary file renamed when complete."""
    path = Path(path)
    tmp = path.with_name(path.name + ".smrisk-tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(render(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(Errors.E011.format(path=path, reason=exc.strerror)) from None


def write_report(
    assessments: Iterable[Assessment],
    path: str | Path,
    meta: ReportMeta,
    lang: str = "nl",
    redactor: Redactor | None = None,
) -> int:
    """Write the triage report for ``assessments`` to ``path``; returns the flagged posts in it."""
    builder = ReportBuilder(meta, lang=lang, redactor=redactor)
    for assessment in assessments:
        builder.add(assessment)
    save_report(builder.data(), path)
    return len(builder.posts)
