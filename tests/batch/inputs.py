"""Inputs for batch tests: the bundled example's posts repeated, with unique ids, in real files."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "examples" / "school-mentions.csv"


def example_rows() -> list[dict[str, str]]:
    with EXAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def many_posts(count: int, start: int = 0) -> pd.DataFrame:
    """``count`` posts cycling through the example, ids ``p{n}``."""
    rows = example_rows()
    frame = pd.DataFrame([rows[n % len(rows)] for n in range(start, start + count)])
    frame["Id"] = [f"p{n}" for n in range(start, start + count)]
    return frame


def write_csv(path: Path, frame: pd.DataFrame) -> Path:
    frame.to_csv(path, sep=";", index=False)
    return path
