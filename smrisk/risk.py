"""From findings to a risk level and a recommended action, following protocol B3/B4 and D."""

from __future__ import annotations

from collections.abc import Sequence

from .config import ProtocolConfig
from .findings import Assessment, Finding, Post, RiskLevel, labels_of


def risk_level(findings: Sequence[Finding], config: ProtocolConfig) -> RiskLevel:
    """The highest level any finding maps to, one level up when harm comes with personal data."""
    level = RiskLevel.none
    has_harm = has_personal_data = False
    for finding in findings:
        if finding.kind == "personal_data":
            has_personal_data = True
            level = max(level, config.personal_data_risk.get(finding.label, RiskLevel.low))
        else:
            has_harm = has_harm or finding.kind == "harm"
            level = max(level, config.label_risk.get(finding.label, RiskLevel.low))
    if has_harm and has_personal_data and config.escalate_harm_with_personal_data:
        level = RiskLevel(min(level + 1, RiskLevel.critical))
    return level


def recommended_action(
    level: RiskLevel, labels: Sequence[str], config: ProtocolConfig, lang: str = "nl"
) -> str:
    """The level's action followed by the advice for each label found, in ``lang``."""
    parts = [config.actions[lang][level.name]]
    label_actions = config.label_actions[lang]
    parts += [label_actions[label] for label in labels if label in label_actions]
    return " ".join(parts)


def assess(
    post: Post,
    findings: tuple[Finding, ...],
    config: ProtocolConfig,
    lang: str = "nl",
    level: RiskLevel | None = None,
) -> Assessment:
    """The verdict on a post from its findings: risk level (computed unless given), articles, action."""
    level = risk_level(findings, config) if level is None else level
    articles = tuple(dict.fromkeys(code for finding in findings for code in finding.articles))
    action = recommended_action(level, labels_of(findings), config, lang)
    return Assessment(post=post, findings=findings, risk=level, action=action, articles=articles)
