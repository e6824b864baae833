"""Protocol config: packaged default, a school's override, and errors."""

import pytest

import smrisk
from smrisk.config import load_config
from smrisk.errors import ConfigError
from smrisk.findings import RiskLevel

from .conftest import EXAMPLES

LINDENHOUT = EXAMPLES / "protocol-lindenhout.toml"


def test_default_is_amstelveen_college():
    config = load_config()
    assert config.school.name == "Amstelveen College"
    assert config.checks == ("personal_data", "staff_rules")
    assert "harm" in smrisk.features.available_checks()
    assert config.label_risk["threat"] == RiskLevel.critical


def test_a_school_adapts_without_code(tmp_path):
    config = load_config(LINDENHOUT)
    assert config.school.name == "Lindenhout Lyceum"
    assert config.label_risk["insult"] == RiskLevel.high  # overridden
    assert config.label_risk["threat"] == RiskLevel.critical  # kept from the default
    assert config.actions["nl"]["high"].startswith("Vandaag oppakken: meld het bij de teamleider")
    assert config.actions["en"]["high"] == load_config().actions["en"]["high"]
    roster = tmp_path / "staff.csv"
    roster.write_text("name,handles,role\nEls Postma,@elsp,docent Duits\n")
    scanner = smrisk.load(config=LINDENHOUT, staff=roster)
    about_lindenhout = scanner.assess("Wat een drukte op het Lindenhout vandaag", author="@elsp")
    about_amstelveen = scanner.assess("Wat een drukte op het Amstelveen College", author="@elsp")
    assert "employee_disclosure_missing" in about_lindenhout.labels
    assert not {"employee_disclosure_missing", "personal_disclaimer_missing"} & set(about_amstelveen.labels)
    assert "Lindenhout Lyceum" in scanner.articles["B2"].text


def test_checks_can_be_disabled_by_name(tmp_path, staff_csv):
    path = tmp_path / "p.toml"
    path.write_text('[checks]\ndisabled = ["staff_rules"]\n')
    scanner = smrisk.load(config=path, staff=staff_csv)
    assert scanner.checks.names == ("personal_data",)
    assert scanner.assess("Chaos op het AC", author="@mariekedv").labels == []


@pytest.mark.parametrize(
    "toml, message",
    [
        ("[school\n", "invalid TOML"),
        ('[risk.labels]\nthreat = "apocalyptic"\n', "unknown risk level 'apocalyptic'"),
        ("[limits]\nmax_text_chars = 0\n", "limits.max_text_chars: must be >= 1"),
        ('[school]\naliases = "AC"\n', "school.aliases: must be a list of strings"),
        ('[checks]\nenabled = ["nope"]\n', "unknown check 'nope'"),
    ],
)
def test_bad_config_fails_fast_with_the_key(tmp_path, toml, message):
    path = tmp_path / "bad.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=message):
        smrisk.load(config=path)


def test_bad_roster_names_the_problem(tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text("naam,rol\nA,docent\n")
    with pytest.raises(ConfigError, match="staff roster needs columns name, handles, role"):
        smrisk.read_roster(path)
    path.write_text("name,handles,role,type\nA,@a,docent,intern\n")
    with pytest.raises(ConfigError, match="row 2: type must be one of staff, official"):
        smrisk.read_roster(path)
