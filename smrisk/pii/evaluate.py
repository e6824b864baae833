"""Precision, recall and F1 of personal-data spans against gold annotations.

Three views, each overall and per label:
- ``exact``: same start, end and label;
- ``overlap``: same label and overlapping characters (each gold span matched at most once);
- ``found``: any overlapping prediction, label ignored (was the personal data found at all?).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..metrics import Counts
from .corpus import GoldPost, Span
from .labels import PII_LABELS

MODES = ("exact", "overlap", "found")


@dataclass
class PiiReport:
    """Scores by mode ("exact", "overlap", "found") and label ("ALL" for micro-averages)."""

    posts: int = 0
    scores: dict[str, dict[str, Counts]] = field(default_factory=lambda: {mode: {} for mode in MODES})

    def score(self, mode: str, label: str = "ALL") -> Counts:
        return self.scores[mode].setdefault(label, Counts())

    def table(self) -> list[dict[str, object]]:
        """Rows for printing: label, gold count, then P/R/F1 for each mode."""
        labels = [label for label in PII_LABELS if label in self.scores["exact"]] + ["ALL"]
        rows = []
        for label in labels:
            exact = self.score("exact", label)
            row: dict[str, object] = {"label": label, "gold": exact.tp + exact.fn}
            for mode in MODES if label == "ALL" else MODES[:2]:
                s = self.score(mode, label)
                row[mode] = (round(s.precision, 3), round(s.recall, 3), round(s.f1, 3))
            rows.append(row)
        return rows


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _match(gold: Sequence[Span], predicted: Sequence[Span], same: Callable[[Span, Span], bool]):
    """Greedy one-to-one matching; returns (matched predictions, matched gold) index sets."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for i, pred in enumerate(predicted):
        for j, g in enumerate(gold):
            if j not in used_gold and same(pred, g):
                used_gold.add(j)
                used_pred.add(i)
                break
    return used_pred, used_gold


def evaluate_spans(gold_posts: Iterable[GoldPost], predictions: Iterable[Sequence[Span]]) -> PiiReport:
    """Compare predicted spans with gold spans, post by post."""
    report = PiiReport()
    tests: dict[str, Callable[[Span, Span], bool]] = {
        "exact": lambda p, g: (p.start, p.end, p.label) == (g.start, g.end, g.label),
        "overlap": lambda p, g: p.label == g.label and _overlaps(p, g),
        "found": _overlaps,
    }
    for post, predicted in zip(gold_posts, predictions, strict=True):
        report.posts += 1
        for mode, same in tests.items():
            used_pred, used_gold = _match(post.spans, predicted, same)
            counts: Counter[tuple[str, str]] = Counter()
            for i, pred in enumerate(predicted):
                counts[("tp" if i in used_pred else "fp", pred.label)] += 1
            for j, g in enumerate(post.spans):
                if j not in used_gold:
                    counts[("fn", g.label)] += 1
            for (kind, label), n in counts.items():
                for key in (label, "ALL") if mode != "found" else ("ALL",):
                    score = report.score(mode, key)
                    setattr(score, kind, getattr(score, kind) + n)
            if mode != "found":  # make sure every gold label has a row, even with no prediction
                for g in post.spans:
                    report.score(mode, g.label)
    return report


def predict_spans(scanner, texts: Iterable[str]) -> list[list[Span]]:
    """Personal-data spans the scanner's ``personal_data`` check finds in each text."""
    from ..findings import Post

    posts = [Post(id=str(i), text=text) for i, text in enumerate(texts)]
    spans = []
    for assessment in scanner.assess_posts(posts):
        spans.append(
            [Span(f.start, f.end, f.label) for f in assessment.findings if f.kind == "personal_data"]
        )
    return spans


def evaluate_gold(scanner, gold_posts: Sequence[GoldPost], labels: Sequence[str] | None = None) -> PiiReport:
    """Run the scanner on gold posts and score its personal data (only ``labels``, if given)."""
    predictions = predict_spans(scanner, [post.text for post in gold_posts])
    if labels is not None:
        keep = set(labels)
        predictions = [[s for s in spans if s.label in keep] for spans in predictions]
        gold_posts = [
            GoldPost(p.id, p.text, tuple(s for s in p.spans if s.label in keep)) for p in gold_posts
        ]
    return evaluate_spans(gold_posts, predictions)
