"""Assessments and scan metadata turned into the JSON the report page embeds.

A :class:`ReportBuilder` takes assessments one at a time (so `smrisk scan --report` collects
while it scans), counts every post for the overview and keeps the flagged ones for the work
list, highest risk first. With a redactor, texts and authors are redacted here, before
anything reaches the page, and links (which name the account) are left out.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..articles import load_articles
from ..findings import Assessment, Finding, RiskLevel
from ..models import MANIFEST, models_dir, sha256_file
from ..pii.labels import PLACEHOLDERS
from ..redact import Redactor
from .strings import STRINGS

if TYPE_CHECKING:
    from ..scanner import Scanner

#: Placeholders a redactor writes (``[NAAM]``, ``[NAAM:4f0c2a91]``), marked as personal data.
_PLACEHOLDER = re.compile(
    r"\[(?:"
    + "|".join(re.escape(p[1:-1]) for p in [*PLACEHOLDERS.values(), "[PERSOONSGEGEVEN]"])
    + r")(?::[0-9a-f]{8})?\]"
)
#: The quoted words of a harm explanation ("...; woorden die de doorslag gaven: 'a', 'b'.").
_HARM_TERM = re.compile(r"'(.+?)'(?=, '|\.$)")
_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_DAY = re.compile(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


@dataclass(frozen=True)
class ReportMeta:
    """What was scanned and with what; shown at the top of the report."""

    source: str
    school: str = "Amstelveen College"
    scanned_at: str | None = None
    models: dict[str, str] = field(default_factory=dict)  # model name -> version (manifest hash)
    config: str | None = None


def scan_meta(scanner: Scanner, source: str | Path) -> ReportMeta:
    """Metadata for a scan of ``source`` by ``scanner`` now, its models named by manifest hash."""
    from ..nlp import PII_MODEL

    names = [PII_MODEL]
    if "harm" in scanner.config.checks:
        from ..harm.train import DEFAULT_NAME

        names.append(DEFAULT_NAME)
    manifests = {name: models_dir() / name / MANIFEST for name in names}
    return ReportMeta(
        source=str(source),
        school=scanner.config.school.name,
        scanned_at=_now(),
        models={name: sha256_file(path)[:12] for name, path in manifests.items() if path.is_file()},
        config=scanner.config.source,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ReportBuilder:
    """Collects assessments into the report's data: overview counts and the flagged posts."""

    def __init__(self, meta: ReportMeta, lang: str = "nl", redactor: Redactor | None = None) -> None:
        if lang not in STRINGS:
            raise ValueError(f"lang must be one of {tuple(STRINGS)}, got {lang!r}")
        self.meta = meta
        self.lang = lang
        self.redactor = redactor
        self.rows = 0
        self.errors = 0
        self.risk: Counter[str] = Counter()
        self.articles: Counter[tuple[str, str | None]] = Counter()
        self.platforms: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # platform -> [posts, flagged]
        self.days: dict[str, list[int]] = defaultdict(lambda: [0] * len(RiskLevel))  # day -> per level
        self.posts: list[dict[str, Any]] = []

    def add(self, assessment: Assessment) -> None:
        """Count one assessment and keep it for the work list when it has findings."""
        self.rows += 1
        if assessment.status == "error" or assessment.risk is None:
            self.errors += 1
            return
        post, level = assessment.post, assessment.risk
        flagged = bool(assessment.findings)
        self.risk[level.name] += 1
        platform = self.platforms[post.platform or ""]
        platform[0] += 1
        platform[1] += flagged
        day = day_of(post.date)
        self.days[day or ""][level] += 1
        if not flagged:
            return
        for code in assessment.articles:
            self.articles[code, None] += 1
        for label in {f.label for f in assessment.findings if f.kind == "harm"}:
            self.articles["A7", label] += 1
        self.posts.append(self._post(assessment, day))

    def _post(self, assessment: Assessment, day: str | None) -> dict[str, Any]:
        post, findings = assessment.post, assessment.findings
        text, author, url = post.text or "", post.author, post.url
        if self.redactor is not None:
            text = self.redactor.text(text, findings)
            author, url = self.redactor.author(author), None
            personal = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
        else:
            personal = [
                (f.start, f.end)
                for f in findings
                if f.kind == "personal_data" and f.start is not None and f.end <= len(text)  # type: ignore[operator]
            ]
        return {
            "id": post.id,
            "risk": int(assessment.risk or 0),
            "text": text,
            "author": author,
            "date": post.date,
            "day": day,
            "platform": post.platform,
            "url": url if url and url.startswith(("https://", "http://")) else None,
            "action": assessment.action,
            "articles": list(assessment.articles),
            "findings": [finding.to_dict() for finding in findings],
            "marks": marks(text, personal, harm_terms(findings)),
        }

    def data(self) -> dict[str, Any]:
        """Everything the page shows, as one JSON-ready dict."""
        from .. import __version__

        posts = sorted(self.posts, key=lambda p: (p["risk"], p["day"] or "", p["date"] or ""), reverse=True)
        articles = load_articles(self.meta.school)
        labels = sorted({f["label"] for p in posts for f in p["findings"]})
        return {
            "report_id": self._report_id(posts),
            "lang": self.lang,
            "strings": STRINGS[self.lang],
            "meta": {
                "source": self.meta.source,
                "school": self.meta.school,
                "rows": self.rows,
                "errors": self.errors,
                "scanned_at": self.meta.scanned_at,
                "made_at": _now(),
                "versions": {"smrisk": __version__, **self.meta.models},
                "config": self.meta.config,
                "redacted": self.redactor is not None,
            },
            "counts": {
                "risk": {level.name: self.risk[level.name] for level in reversed(RiskLevel)},
                "articles": [
                    {"article": code, "label": label, "posts": n}
                    for (code, label), n in sorted(
                        self.articles.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
                    )
                ],
                "platforms": [
                    {"platform": name, "posts": n, "flagged": flagged}
                    for name, (n, flagged) in sorted(self.platforms.items(), key=lambda kv: -kv[1][0])
                ],
                "days": [[day, *levels] for day, levels in sorted(self.days.items()) if day],
                "undated": sum(self.days.get("", [])),
            },
            "articles": {
                code: {"title": article.title(self.lang), "text": article.text}
                for code, article in articles.items()
            },
            "labels": labels,
            "posts": posts,
        }

    def _report_id(self, posts: list[dict[str, Any]]) -> str:
        """The same for the same results, so decisions kept in the browser survive a rebuild."""
        digest = hashlib.sha256()
        for post in posts:
            digest.update(json.dumps([post["id"], post["findings"]], sort_keys=True).encode("utf-8"))
        return digest.hexdigest()[:16]


def day_of(date: str | None) -> str | None:
    """The calendar day (``YYYY-MM-DD``) of an export's date cell, ISO or Dutch day-first."""
    if not date:
        return None
    if match := _ISO_DAY.match(date):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DMY_DAY.match(date):
        day, month, year = (int(part) for part in match.groups())
    else:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def harm_terms(findings: tuple[Finding, ...]) -> list[str]:
    """The words a harm finding's explanation names as decisive (at least three letters)."""
    terms = []
    for finding in findings:
        if finding.kind == "harm":
            for term in _HARM_TERM.findall(finding.explanation):
                term = term.strip(' .,;:!?"')
                if sum(ch.isalpha() for ch in term) >= 3 and term not in terms:
                    terms.append(term)
    return terms


def marks(text: str, personal: list[tuple[int, int]], terms: list[str]) -> list[list[Any]]:
    """Non-overlapping ``[start, end, "pd"|"harm"]`` spans to highlight, personal data first."""
    spans = [(start, end, "pd") for start, end in personal if start < end]
    for term in terms:
        pattern = re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)
        spans += [(m.start(), m.end(), "harm") for m in pattern.finditer(text)]
    result: list[list[Any]] = []
    cursor = 0
    for start, end, kind in sorted(spans, key=lambda s: (s[0], s[2] != "pd")):
        if start >= cursor:
            result.append([start, end, kind])
            cursor = end
    return result
