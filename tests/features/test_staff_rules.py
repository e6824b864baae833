"""Staff rules B2/C2/C3 on the regression cases in tests/cases/staff_rules.jsonl."""

import json

import pytest

import smrisk
from smrisk.roster import StaffMember, StaffRoster

from ..conftest import CASES

RULE_LABELS = {
    "employee_disclosure_missing",
    "employee_role_missing",
    "personal_disclaimer_missing",
}
# staff_rules.jsonl was written with the rules; staff_rules_blind.jsonl and
# staff_rules_blind2.jsonl were written apart from them, by writers who saw neither the code
# nor the other sets, to measure generalisation (130/140 and 118/120 held before the rules
# were corrected for the misses; see docs/staff-rules.md).
CASE_LIST = [
    json.loads(line)
    for path in sorted(CASES.glob("staff_rules*.jsonl"))
    for line in path.open(encoding="utf-8")
]


def test_enough_cases_cover_every_outcome():
    outcomes = {tuple(case["expected"]) for case in CASE_LIST}
    assert len(CASE_LIST) >= 300
    assert {
        (),
        ("employee_disclosure_missing",),
        ("employee_role_missing",),
        ("personal_disclaimer_missing",),
    } <= outcomes


@pytest.mark.parametrize("case", CASE_LIST, ids=[case["id"] for case in CASE_LIST])
def test_case(scanner, case):
    assessment = scanner.assess(case["text"], author=case["author"])
    assert sorted(set(assessment.labels) & RULE_LABELS) == case["expected"], case["why"]


def test_rule_findings_carry_articles_and_explanation(scanner):
    assessment = scanner.assess("Chaos vandaag op het Amstelveen College.", author="@mariekedv")
    by_label = {f.label: f for f in assessment.findings}
    assert by_label["employee_disclosure_missing"].articles == ("B2", "C2")
    assert by_label["personal_disclaimer_missing"].articles == ("C3",)
    for finding in assessment.findings:
        assert finding.kind == "rule" and finding.start is None and finding.end is None
        assert "docent Nederlands" in finding.explanation


def test_colleague_name_is_not_quoted_in_explanation(scanner):
    assessment = scanner.assess("Mooie wandeling met Jeroen Bakker vandaag", author="@mariekedv")
    assert assessment.labels  # a colleague makes the post about the school
    assert all("Jeroen" not in f.explanation for f in assessment.findings)


def test_without_roster_no_rule_fires():
    scanner = smrisk.load()
    assert scanner.assess("Chaos op het Amstelveen College", author="@mariekedv").labels == []


def test_official_account_in_config_is_exempt_even_when_on_roster_as_staff():
    roster = StaffRoster((StaffMember("Schoolaccount", ("@AmstelveenColl",), "communicatie"),))
    scanner = smrisk.load(staff=roster)
    assert scanner.assess("Open dag op het Amstelveen College!", author="@amstelveencoll").labels == []


def test_english_explanations(staff_csv):
    scanner = smrisk.load(staff=staff_csv, lang="en")
    assessment = scanner.assess("Chaos vandaag op het Amstelveen College.", author="@mariekedv")
    assert all(f.explanation.startswith("Staff member") for f in assessment.findings)
