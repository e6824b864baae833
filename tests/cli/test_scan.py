"""`smrisk scan` as users run it: on the bundled example and on every bad input file."""

import json
import subprocess
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from smrisk.cli import app

from ..io.bad_inputs import CASES

runner = CliRunner()


def scan(*args):
    return runner.invoke(app, ["scan", *map(str, args)])


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_example_scan_writes_one_contract_row_per_input_row_in_order(tmp_path, example_csv, staff_csv):
    out = tmp_path / "results.jsonl"
    result = scan(example_csv, "--output", out, "--staff", staff_csv)
    assert result.exit_code == 0, result.output
    rows = read_jsonl(out)
    ids = pd.read_csv(example_csv, sep=";", dtype=str)["Id"].tolist()
    assert [row["id"] for row in rows] == ids
    for row in rows:
        assert list(row) == ["id", "status", "error", "risk", "labels", "findings"]
        assert row["status"] == "ok" and row["risk"] in (
            "none",
            "low",
            "medium",
            "high",
            "critical",
        )
        for finding in row["findings"]:
            assert list(finding) == [
                "kind",
                "label",
                "start",
                "end",
                "score",
                "articles",
                "explanation",
            ]
    flagged = [row for row in rows if row["labels"]]
    assert flagged and all(row["risk"] != "none" for row in flagged)
    assert "employee_disclosure_missing" in result.output  # the summary table


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_tabular_outputs_hold_the_same_rows(tmp_path, example_csv, staff_csv, suffix):
    jsonl, other = tmp_path / "r.jsonl", tmp_path / f"r{suffix}"
    assert scan(example_csv, "-o", jsonl, "--staff", staff_csv, "-q").exit_code == 0
    assert scan(example_csv, "-o", other, "--staff", staff_csv, "-q").exit_code == 0
    reader = {".csv": pd.read_csv, ".xlsx": pd.read_excel, ".parquet": pd.read_parquet}[suffix]
    frame = reader(other, dtype=str, keep_default_na=False) if suffix != ".parquet" else reader(other)
    expected = read_jsonl(jsonl)
    assert frame["id"].tolist() == [row["id"] for row in expected]
    assert frame["risk"].tolist() == [row["risk"] for row in expected]
    assert frame["labels"].tolist() == ["; ".join(row["labels"]) for row in expected]
    assert not list(tmp_path.glob("*.smrisk-tmp"))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(tmp_path, scanner, case):
    path, out = tmp_path / case.name, tmp_path / "out.jsonl"
    case.write(path)
    result = runner.invoke(app, ["scan", str(path), "-o", str(out), "-q"])
    if case.fails:
        assert result.exit_code == 2
        assert result.output.count("\n") == 1 and case.fails in result.output
        assert "Traceback" not in result.output
        assert not out.exists()
    else:
        assert result.exit_code == 0, result.output
        rows = read_jsonl(out)
        assert tuple(row["status"] for row in rows) == case.statuses
        for row in rows:
            assert (row["error"] is None) == (row["status"] == "ok")
            assert row["risk"] is None if row["status"] == "error" else row["risk"] is not None


def test_fail_on_exits_3_when_a_post_reaches_the_level(tmp_path, example_csv, staff_csv):
    out = tmp_path / "r.jsonl"
    assert scan(example_csv, "-o", out, "--staff", staff_csv, "--fail-on", "medium").exit_code == 3
    calm = tmp_path / "calm.csv"
    calm.write_text("id,text\n1,Gezellig schoolfeest gisteren!\n2,De toetsweek begint maandag.\n")
    assert scan(calm, "-o", out, "--fail-on", "low").exit_code == 0
    assert scan(example_csv, "-o", out, "--fail-on", "purple").exit_code == 2


def test_unknown_output_format_is_a_one_line_error(tmp_path, example_csv):
    result = scan(example_csv, "-o", tmp_path / "r.docx")
    assert result.exit_code == 2 and "cannot write '.docx' output" in result.output


def test_config_errors_are_one_line(tmp_path, example_csv):
    bad = tmp_path / "bad.toml"
    bad.write_text("[school\nname = 'x'")
    result = scan(example_csv, "--config", bad)
    assert result.exit_code == 2 and "invalid TOML" in result.output
    bad.write_text("[checks]\nenabled = ['staff_rules', 'telepathy']\n")
    result = scan(example_csv, "--config", bad)
    assert result.exit_code == 2 and "unknown check 'telepathy'" in result.output


def test_real_command_prints_no_traceback_and_no_post_text(tmp_path):
    secret = "Geheime tekst van Sophie de Graaf 0612345678"
    path = tmp_path / "posts.csv"
    path.write_text(f'id,text\n1,{secret}\n2,"{"x" * 30_000}"\n')
    bad = tmp_path / "broken.json"
    bad.write_text('[{"text": "' + secret)
    for args in (["scan", str(path), "-o", str(tmp_path / "o.jsonl")], ["scan", str(bad)]):
        done = subprocess.run(
            [sys.executable, "-m", "smrisk", *args], capture_output=True, text=True, timeout=120
        )
        assert "Traceback" not in done.stderr
        assert "Sophie" not in done.stdout + done.stderr
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


def test_example_staff_findings_match_the_expected_table(tmp_path, example_csv, staff_csv):
    """data/examples/EXPECTED.md was written with the example, by hand, per docs/staff-rules.md."""
    import re

    expected = {}
    for line in (example_csv.parent / "EXPECTED.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| cst-"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            expected[cells[0]] = sorted(re.findall(r"employee_\w+|personal_disclaimer_missing", cells[5]))
    out = tmp_path / "r.jsonl"
    assert scan(example_csv, "-o", out, "--staff", staff_csv, "-q").exit_code == 0
    rules = {"employee_disclosure_missing", "employee_role_missing", "personal_disclaimer_missing"}
    got = {row["id"]: sorted(set(row["labels"]) & rules) for row in read_jsonl(out)}
    assert got.keys() == expected.keys()
    assert {k: v for k, v in got.items() if v} == {k: v for k, v in expected.items() if v}
