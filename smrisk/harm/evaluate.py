"""Evaluation of a harm classifier: per-label scores, false alarms, robustness to spelling.

Spelling variants are the augmentation templates the corpus rules allow: leetspeak,
missing spaces, extra spaces, swapped letters and elongations, applied to test posts.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..metrics import Counts
from .corpus import HARM_LABELS, MAIN_LABELS, HarmPost, label_matrix

_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def _words(text: str, rng: random.Random, change: Callable[[str], str], share: float = 0.5) -> str:
    return " ".join(change(w) if len(w) > 3 and rng.random() < share else w for w in text.split(" "))


def _swap(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _elongate(word: str, rng: random.Random) -> str:
    vowels = [i for i, ch in enumerate(word) if ch in "aeiou"]
    if not vowels:
        return word
    i = rng.choice(vowels)
    return word[:i] + word[i] * rng.randint(3, 6) + word[i + 1 :]


VARIANTS: dict[str, Callable[[str, random.Random], str]] = {
    "leet": lambda t, rng: _words(
        t, rng, lambda w: "".join(_LEET.get(c, c) if rng.random() < 0.5 else c for c in w)
    ),
    "no_spaces": lambda t, rng: re.sub(r" (?=\S)", lambda m: "" if rng.random() < 0.4 else " ", t),
    "extra_spaces": lambda t, rng: _words(t, rng, lambda w: " ".join(w) if rng.random() < 0.3 else w + " "),
    "swapped_letters": lambda t, rng: _words(t, rng, lambda w: _swap(w, rng)),
    "elongated": lambda t, rng: _words(t, rng, lambda w: _elongate(w, rng), share=0.3),
}


def spelling_variant(text: str, kind: str, seed: int = 0) -> str:
    """``text`` rewritten with one kind of spelling variation (deterministic per seed)."""
    return VARIANTS[kind](text, random.Random(f"{seed}:{kind}:{text}"))


@dataclass
class HarmReport:
    """What `smrisk evaluate` prints."""

    posts: int
    labels: dict[str, Counts]
    false_alarm_rate: float  # acceptable posts (no label) on which any label fired
    acceptable: int
    robustness: dict[str, float] = field(default_factory=dict)  # variant -> macro-F1 (main labels)

    @property
    def macro_f1(self) -> float:
        return float(np.mean([self.labels[label].f1 for label in MAIN_LABELS]))

    def lines(self) -> list[str]:
        out = [f"{'label':15} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5} {'TN':>6}"]
        for label, s in self.labels.items():
            out.append(
                f"{label:15} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5} {s.fp:5} "
                f"{s.fn:5} {s.tn:6}"
            )
        out.append(f"macro-F1 ({', '.join(MAIN_LABELS)}): {self.macro_f1:.3f}")
        out.append(
            f"false alarms on acceptable posts: {self.false_alarm_rate:.3f} "
            f"({round(self.false_alarm_rate * self.acceptable)} of {self.acceptable})"
        )
        if self.robustness:
            out.append("robustness (macro-F1 on spelling-variant copies of the posts):")
            for kind, score in self.robustness.items():
                out.append(f"  {kind:16} {score:.3f}  ({score - self.macro_f1:+.3f})")
        return out


def score(y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[str] = HARM_LABELS) -> dict[str, Counts]:
    result = {}
    for j, label in enumerate(labels):
        t, p = y_true[:, j] == 1, y_pred[:, j] == 1
        result[label] = Counts(
            int((t & p).sum()), int((~t & p).sum()), int((t & ~p).sum()), int((~t & ~p).sum())
        )
    return result


def evaluate(model, posts: Sequence[HarmPost], robustness: bool = True) -> HarmReport:
    """Score ``model`` (a fitted HarmClassifier) on labelled posts."""
    texts = [post.text for post in posts]
    y = label_matrix(posts, model.labels)
    predicted = model.predict(texts)
    acceptable = y.sum(axis=1) == 0
    report = HarmReport(
        posts=len(posts),
        labels=score(y, predicted, model.labels),
        false_alarm_rate=float((predicted[acceptable].sum(axis=1) > 0).mean()) if acceptable.any() else 0.0,
        acceptable=int(acceptable.sum()),
    )
    if robustness:
        for kind in VARIANTS:
            varied = model.predict([spelling_variant(text, kind) for text in texts])
            scores = score(y, varied, model.labels)
            report.robustness[kind] = float(np.mean([scores[label].f1 for label in MAIN_LABELS]))
    return report
