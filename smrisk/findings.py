"""The data model: a Post goes in, Findings come out of the checks, an Assessment sums them up."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import IntEnum
from operator import attrgetter
from typing import Any

#: Kinds of finding, one per family of checks (see DESIGN.md).
KINDS = ("personal_data", "harm", "rule")


class RiskLevel(IntEnum):
    """Risk of a post, ordered so that levels compare (``RiskLevel.high > RiskLevel.low``)."""

    none = 0
    low = 1
    medium = 2
    high = 3
    critical = 4

    @classmethod
    def parse(cls, value: str) -> RiskLevel:
        """Return the level named ``value`` (case-insensitive), or raise ValueError."""
        try:
            return cls[value.strip().lower()]
        except KeyError:
            names = ", ".join(level.name for level in cls)
            raise ValueError(f"unknown risk level {value!r}; use one of: {names}") from None


@dataclass(frozen=True)
class Post:
    """One row of an export. ``problem`` is set by a reader when the row cannot be scored."""

    id: str
    text: str | None
    author: str | None = None
    author_name: str | None = None
    date: str | None = None
    url: str | None = None
    platform: str | None = None
    row: int | None = None
    problem: str | None = None

    def __reduce__(self) -> tuple[type[Post], tuple]:
        # Pickled as its fields in order: batch jobs send posts to workers by the thousand,
        # and a dataclass's default pickling costs five times as much.
        return Post, _post_fields(self)


_post_fields = attrgetter(*(f.name for f in fields(Post)))


@dataclass(frozen=True)
class Finding:
    """One thing a check found: a labelled span (or the whole post), why, and under which articles."""

    kind: str
    label: str
    start: int | None
    end: int | None
    score: float
    articles: tuple[str, ...]
    explanation: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown finding kind {self.kind!r}; use one of {KINDS}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must lie in 0..1, got {self.score}")
        if (self.start is None) != (self.end is None):
            raise ValueError("start and end are both set or both None")
        if self.start is not None and not 0 <= self.start <= self.end:  # type: ignore[operator]
            raise ValueError(f"bad span {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        """The finding as in the JSONL output contract."""
        return {
            "kind": self.kind,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "articles": list(self.articles),
            "explanation": self.explanation,
        }


def labels_of(findings: tuple[Finding, ...] | list[Finding]) -> list[str]:
    """Distinct labels in order of first finding; every personal-data label counts as one."""
    labels: list[str] = []
    for finding in findings:
        label = "personal_data" if finding.kind == "personal_data" else finding.label
        if label not in labels:
            labels.append(label)
    return labels


@dataclass(frozen=True)
class Assessment:
    """The verdict on one post: its findings, risk level and recommended action."""

    post: Post
    status: str = "ok"
    error: str | None = None
    findings: tuple[Finding, ...] = ()
    risk: RiskLevel | None = RiskLevel.none
    action: str = ""
    articles: tuple[str, ...] = field(default=())

    @property
    def labels(self) -> list[str]:
        """Harm and rule labels found, plus ``personal_data`` when any personal data was found."""
        return labels_of(self.findings)

    def to_record(self) -> dict[str, Any]:
        """The assessment as one JSONL line of the output contract (DESIGN.md)."""
        return {
            "id": self.post.id,
            "status": self.status,
            "error": self.error,
            "risk": self.risk.name if self.risk is not None else None,
            "labels": self.labels,
            "findings": [finding.to_dict() for finding in self.findings],
        }
