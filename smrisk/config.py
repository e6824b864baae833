"""The protocol config: a school's TOML merged over the packaged default, then frozen."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError, Errors
from .findings import RiskLevel

DEFAULT_PROTOCOL = "amstelveen-college.toml"
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class School:
    """Who the school is and how people refer to it."""

    name: str
    aliases: tuple[str, ...]
    aliases_case_sensitive: tuple[str, ...]
    hashtags: tuple[str, ...]
    official_handles: tuple[str, ...]
    internal_topics: tuple[str, ...]
    public_phones: tuple[str, ...]
    public_emails: tuple[str, ...]
    public_addresses: tuple[str, ...]
    public_websites: tuple[str, ...]


@dataclass(frozen=True)
class ProtocolConfig:
    """Everything a school can change without code; ``source`` says where it came from."""

    source: str
    school: School
    checks_enabled: tuple[str, ...]
    checks_disabled: tuple[str, ...]
    max_text_chars: int
    label_risk: dict[str, RiskLevel]
    personal_data_risk: dict[str, RiskLevel]
    escalate_harm_with_personal_data: bool
    actions: dict[str, dict[str, str]]
    label_actions: dict[str, dict[str, str]]

    @property
    def checks(self) -> tuple[str, ...]:
        """Names of the checks to run, in order."""
        return tuple(name for name in self.checks_enabled if name not in self.checks_disabled)


def load_config(path: str | Path | None = None) -> ProtocolConfig:
    """Load the packaged default protocol, with the TOML at ``path`` (if any) merged over it."""
    raw = _read_toml(resources.files("smrisk") / "resources" / "protocols" / DEFAULT_PROTOCOL)
    source = f"default ({DEFAULT_PROTOCOL})"
    if path is not None:
        path = Path(path)
        if not path.is_file():
            raise ConfigError(Errors.E001.format(path=path))
        raw = _merge(raw, _read_toml(path))
        source = str(path)
    return _freeze(raw, source)


def _read_toml(path: Any) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Errors.E101.format(path=path, reason=exc)) from None


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Tables merge key by key; any other value in ``override`` replaces the one in ``base``."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _freeze(raw: dict[str, Any], source: str) -> ProtocolConfig:
    def get(dotted: str, kind: type) -> Any:
        node: Any = raw
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                raise ConfigError(Errors.E102.format(path=source, key=dotted, reason="missing"))
            node = node[part]
        if kind is tuple:
            if not isinstance(node, list) or not all(isinstance(item, str) for item in node):
                raise ConfigError(
                    Errors.E102.format(path=source, key=dotted, reason="must be a list of strings")
                )
            return tuple(node)
        if not isinstance(node, kind) or (kind is int and isinstance(node, bool)):
            reason = f"must be {kind.__name__}, got {type(node).__name__}"
            raise ConfigError(Errors.E102.format(path=source, key=dotted, reason=reason))
        return node

    def levels(dotted: str) -> dict[str, RiskLevel]:
        try:
            return {label: RiskLevel.parse(value) for label, value in get(dotted, dict).items()}
        except (ValueError, AttributeError) as exc:
            raise ConfigError(Errors.E102.format(path=source, key=dotted, reason=exc)) from None

    def texts(dotted: str, keys: tuple[str, ...] = ()) -> dict[str, dict[str, str]]:
        table = get(dotted, dict)
        for lang in LANGUAGES:
            for key in keys:
                get(f"{dotted}.{lang}.{key}", str)
        return {lang: dict(table.get(lang, {})) for lang in LANGUAGES}

    max_chars = get("limits.max_text_chars", int)
    if max_chars < 1:
        raise ConfigError(Errors.E102.format(path=source, key="limits.max_text_chars", reason="must be >= 1"))
    school = School(
        name=get("school.name", str),
        aliases=get("school.aliases", tuple),
        aliases_case_sensitive=get("school.aliases_case_sensitive", tuple),
        hashtags=get("school.hashtags", tuple),
        official_handles=get("school.official_handles", tuple),
        internal_topics=get("school.internal_topics", tuple),
        public_phones=get("school.public_contact.phones", tuple),
        public_emails=get("school.public_contact.emails", tuple),
        public_addresses=get("school.public_contact.addresses", tuple),
        public_websites=get("school.public_contact.websites", tuple),
    )
    return ProtocolConfig(
        source=source,
        school=school,
        checks_enabled=get("checks.enabled", tuple),
        checks_disabled=get("checks.disabled", tuple),
        max_text_chars=max_chars,
        label_risk=levels("risk.labels"),
        personal_data_risk=levels("risk.personal_data"),
        escalate_harm_with_personal_data=get("risk.rules.escalate_harm_with_personal_data", bool),
        actions=texts("actions", tuple(level.name for level in RiskLevel)),
        label_actions=texts("label_actions"),
    )
