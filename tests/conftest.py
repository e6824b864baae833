"""Shared fixtures: the bundled example files and a scanner loaded once per session."""

from pathlib import Path

import pytest

import smrisk

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def staff_csv() -> Path:
    return EXAMPLES / "staff.csv"


@pytest.fixture(scope="session")
def example_csv() -> Path:
    return EXAMPLES / "school-mentions.csv"


@pytest.fixture(scope="session")
def scanner(staff_csv: Path) -> smrisk.Scanner:
    return smrisk.load(staff=staff_csv)
