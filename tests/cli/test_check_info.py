"""`smrisk check`, `smrisk info` and `smrisk --version`."""

import json

from typer.testing import CliRunner

import smrisk
from smrisk.cli import app

runner = CliRunner()


def test_check_shows_findings_and_action(staff_csv):
    result = runner.invoke(
        app,
        [
            "check",
            "Wat een chaos op het Amstelveen College",
            "--author",
            "@mariekedv",
            "--staff",
            str(staff_csv),
        ],
    )
    assert result.exit_code == 0
    assert "employee_disclosure_missing" in result.output and "B2" in result.output
    assert "leidinggevende" in result.output  # action follows B3/B4


def test_check_json_and_english(staff_csv):
    result = runner.invoke(
        app,
        [
            "check",
            "Chaos op het AC vandaag",
            "--author",
            "Jeroen Bakker",
            "--staff",
            str(staff_csv),
            "--json",
            "--lang",
            "en",
        ],
    )
    record = json.loads(result.output)
    assert record["labels"] == ["employee_disclosure_missing", "personal_disclaimer_missing"]
    assert record["findings"][0]["explanation"].startswith("Staff member")


def test_check_student_with_teachers_first_name_is_not_staff(staff_csv):
    result = runner.invoke(
        app,
        [
            "check",
            "Chaos op het AC vandaag",
            "--author",
            "Jeroen",
            "--staff",
            str(staff_csv),
            "--json",
        ],
    )
    assert json.loads(result.output)["labels"] == []


def test_info_and_version(staff_csv):
    result = runner.invoke(app, ["info", "--staff", str(staff_csv)])
    assert result.exit_code == 0
    assert "Amstelveen College" in result.output and "staff_rules" in result.output
    assert "8 staff, 2 official" in result.output
    assert "nl_smrisk_pii" in result.output and "verified" in result.output
    version = runner.invoke(app, ["--version"])
    assert version.output.strip() == f"smrisk {smrisk.__version__}"
