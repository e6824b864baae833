"""Confusion counts and the precision, recall and F1 derived from them (shared by evaluations)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Counts:
    """True and false positives and negatives of one label (``tn`` where it is defined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
