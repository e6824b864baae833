"""`smrisk scan --report` and `smrisk report` as users run them on the bundled example."""

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from smrisk.cli import app

from .conftest import embedded

runner = CliRunner()


def posts_of(path):
    return [(post["id"], post["risk"], post["text"], post["findings"]) for post in embedded(path)["posts"]]


def test_scan_report_holds_every_flagged_post(example_report):
    data = embedded(example_report.html)
    flagged = [row for row in example_report.rows if row["findings"]]
    assert sorted(post["id"] for post in data["posts"]) == sorted(row["id"] for row in flagged)
    assert data["meta"]["rows"] == len(example_report.rows)
    assert set(data["meta"]["versions"]) == {"smrisk", "nl_smrisk_pii", "smrisk_harm"}
    assert data["meta"]["scanned_at"] and not data["meta"]["redacted"]


@pytest.mark.parametrize("source", ["csv", "jsonl"])
def test_report_from_results_matches_the_scan_report(example_report, example_csv, harm_config, source):
    out = example_report.folder / f"from-{source}.html"
    args = ["report", str(getattr(example_report, source)), "-o", str(out), "--config", str(harm_config)]
    if source == "jsonl":
        args += ["--input", str(example_csv)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert posts_of(out) == posts_of(example_report.html)
    assert embedded(out)["report_id"] == embedded(example_report.html)["report_id"]


def test_report_in_english_and_redacted(example_report, tmp_path):
    out = tmp_path / "shared.html"
    result = runner.invoke(
        app, ["report", str(example_report.csv), "-o", str(out), "--lang", "en", "--redact"]
    )
    assert result.exit_code == 0, result.output
    data = embedded(out)
    assert data["lang"] == "en" and data["meta"]["redacted"]
    assert any("[NAAM]" in post["text"] for post in data["posts"])


def test_jsonl_results_need_the_matching_export(example_report, tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(example_report.jsonl), "-o", str(out)])
    assert result.exit_code == 2 and "--input EXPORT" in result.output
    short = tmp_path / "short.csv"
    short.write_text("id;text\ncst-100301589;hallo\nanders;hoi\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(example_report.jsonl), "-o", str(out), "--input", str(short)])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "row 2: id 'cst-100336187' in the results, 'anders' in the export" in result.output
    assert not out.exists()


def test_report_errors_are_one_line_without_post_text(example_report, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text("id,text\n1,Geheime tekst van Sophie de Graaf\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "smrisk", "report", str(broken), "-o", str(tmp_path / "r.html")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "missing columns status, error, risk, findings" in done.stderr
    assert "Sophie" not in done.stdout + done.stderr and len(done.stderr.strip().splitlines()) == 1
