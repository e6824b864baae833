"""The harm check, switched on in a protocol config, with the shipped model."""

import pytest

import smrisk
from smrisk.models import models_dir

pytestmark = pytest.mark.skipif(not (models_dir() / "smrisk_harm").is_dir(), reason="no harm model")


@pytest.fixture(scope="module")
def scanner(tmp_path_factory):
    config = tmp_path_factory.mktemp("cfg") / "harm.toml"
    config.write_text('[checks]\nenabled = ["personal_data", "harm"]\n')
    return smrisk.load(config=config)


def test_a_threat_is_critical_with_a7_and_an_explanation(scanner):
    assessment = scanner.assess("als ik die gast uit 4h morgen zie sla ik zn kop in ik sweer")
    [finding] = [f for f in assessment.findings if f.label == "threat"]
    assert finding.kind == "harm" and finding.articles == ("A7",) and finding.start is None
    assert assessment.risk == smrisk.RiskLevel.critical
    assert "'kop'" in finding.explanation or "'sla'" in finding.explanation


def test_explanations_never_quote_personal_data(scanner):
    assessment = scanner.assess("sophie de graaf is een vieze kankerlijer, bel haar op 0612345678")
    harm = [f for f in assessment.findings if f.kind == "harm"]
    assert harm and all("sophie" not in f.explanation.lower() for f in harm)
    assert all("0612345678" not in f.explanation for f in harm)
