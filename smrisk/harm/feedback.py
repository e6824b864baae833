"""Reviewer feedback from the triage report, folded into the harm classifier's data.

The report exports one CSV row per reviewed finding (:data:`FEEDBACK_COLUMNS`). For the
harm labels a confirmed finding (``terecht``) makes its post a positive for that label and
a rejected one (``onterecht``) a negative; a reviewed post is labelled with its confirmed
harm findings only, so every other label counts as absent. Feedback on personal-data and
staff-rule findings is counted and reported, but the harm model does not learn from it.

    feedback = read_feedback(["feedback.csv"])
    train(paths, dev, output, feedback=feedback)       # or: smrisk train ... --feedback feedback.csv
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Errors, InputError
from ..findings import KINDS
from .corpus import HARM_LABELS, HarmPost

FEEDBACK_COLUMNS = (
    "report_id",
    "post_id",
    "label",
    "kind",
    "article",
    "start",
    "end",
    "decision",
    "note",
    "text",
)
CONFIRMED, REJECTED = "terecht", "onterecht"


@dataclass(frozen=True)
class Feedback:
    """Reviewed findings: counts by kind and decision, and the harm posts they make."""

    counts: Counter[tuple[str, str]]  # (kind, decision) -> findings
    posts: tuple[HarmPost, ...]

    def lines(self) -> list[str]:
        """A summary for the command line and the model card."""
        out = []
        for kind in KINDS:
            confirmed, rejected = self.counts[kind, CONFIRMED], self.counts[kind, REJECTED]
            if confirmed or rejected:
                use = (
                    f"{len(self.posts)} posts for training"
                    if kind == "harm"
                    else "not used for the harm model"
                )
                out.append(f"{kind}: {confirmed} {CONFIRMED}, {rejected} {REJECTED} ({use})")
        return out or ["no reviewed findings"]


def read_feedback(paths: Iterable[str | Path]) -> Feedback:
    """Read feedback CSVs exported by the report; a finding reviewed twice keeps its last decision."""
    decisions: dict[tuple[str, ...], tuple[str, str, str]] = {}  # finding -> (kind, decision, text)
    for path in map(Path, paths):
        if not path.is_file():
            raise InputError(Errors.E001.format(path=path))
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if missing := [c for c in FEEDBACK_COLUMNS if c not in (reader.fieldnames or [])]:
                raise InputError(
                    Errors.E016.format(
                        path=path, needed=", ".join(missing), columns=reader.fieldnames or "(none)"
                    )
                )
            for row_number, row in enumerate(reader, start=2):
                kind, label, decision = row["kind"], row["label"], row["decision"].strip().lower()
                if reason := _problem(kind, label, decision, row["text"]):
                    raise InputError(Errors.E014.format(path=path, row=row_number, reason=reason))
                key = (row["report_id"], row["post_id"], kind, label, row["start"], row["end"])
                decisions[key] = (kind, decision, row["text"])
    counts: Counter[tuple[str, str]] = Counter((kind, decision) for kind, decision, _ in decisions.values())
    posts: dict[tuple[str, str], tuple[str, set[str]]] = {}
    for (report_id, post_id, _, label, _, _), (kind, decision, text) in decisions.items():
        if kind == "harm":
            _, confirmed = posts.setdefault((report_id, post_id), (text, set()))
            if decision == CONFIRMED:
                confirmed.add(label)
    return Feedback(
        counts=counts,
        posts=tuple(
            HarmPost(f"feedback:{report_id}:{post_id}", text, tuple(x for x in HARM_LABELS if x in labels))
            for (report_id, post_id), (text, labels) in posts.items()
        ),
    )


def _problem(kind: str, label: str, decision: str, text: str) -> str | None:
    if decision not in (CONFIRMED, REJECTED):
        return f"decision must be {CONFIRMED!r} or {REJECTED!r}"
    if kind not in KINDS:
        return f"unknown kind {kind!r}"
    if kind == "harm" and label not in HARM_LABELS:
        return f"unknown harm label {label!r}"
    if kind == "harm" and not text.strip():
        return "a harm finding without the post text"
    return None
