"""The Python API researchers use: load once, assess a text, a DataFrame or a file."""

import json

import pandas as pd

import smrisk
from smrisk.findings import Finding, RiskLevel


def test_assess_one_text(scanner):
    assessment = scanner.assess("Wij werken samen aan #amstelveencollege", author="@pvdijk")
    assert assessment.status == "ok"
    assert assessment.risk == RiskLevel.medium
    assert set(assessment.articles) == {"B2", "C2", "C3"}
    assert assessment.action.startswith("Deze week oppakken")


def test_a_post_with_no_finding_is_risk_none(scanner):
    assessment = scanner.assess("Gezellig schoolfeest gisteren!", author="@iemand")
    assert (assessment.risk, assessment.labels, assessment.findings) == (RiskLevel.none, [], ())
    assert assessment.action == "Geen actie nodig."


def test_assess_frame_keeps_index_and_rows(scanner):
    frame = pd.DataFrame(
        {"bericht": ["Chaos op het AC", None, "mooi weer"], "auteur": ["@mariekedv", "@x", "@y"]},
        index=[10, 11, 12],
    )
    result = scanner.assess_frame(frame)
    assert list(result.index) == [10, 11, 12]
    assert result["status"].tolist() == ["ok", "error", "ok"]
    assert result.loc[10, "labels"] == ["employee_disclosure_missing", "personal_disclaimer_missing"]


def test_scan_file_returns_summary_and_writes_output(tmp_path, scanner, example_csv):
    out = tmp_path / "r.jsonl"
    summary = scanner.scan_file(example_csv, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert summary.rows == len(lines) == len(pd.read_csv(example_csv, sep=";"))
    assert summary.errors == 0
    assert sum(summary.risk_counts.values()) == summary.rows
    flagged = sum(1 for line in lines if json.loads(line)["labels"])
    assert flagged == summary.rows - summary.risk_counts["none"]


def test_finding_validates_itself():
    for bad in ({"score": 1.5}, {"start": 3, "end": None}, {"kind": "vibes"}, {"start": 5, "end": 2}):
        fields = {
            "kind": "harm",
            "label": "threat",
            "start": None,
            "end": None,
            "score": 0.5,
            "articles": ("A7",),
            "explanation": "x",
        } | bad
        try:
            Finding(**fields)
        except ValueError:
            continue
        raise AssertionError(f"accepted {bad}")


def test_risk_escalates_when_harm_comes_with_personal_data(scanner):
    from smrisk.risk import risk_level

    harm = Finding("harm", "bullying", None, None, 0.9, ("A7",), "x")
    name = Finding("personal_data", "ADDRESS", 0, 5, 0.9, ("A2",), "x")
    assert risk_level([harm], scanner.config) == RiskLevel.high
    assert risk_level([harm, name], scanner.config) == RiskLevel.critical
    assert risk_level([name], scanner.config) == RiskLevel.medium


def test_public_api_names():
    for name in smrisk.__all__:
        assert hasattr(smrisk, name)
