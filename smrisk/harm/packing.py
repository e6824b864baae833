"""Dictionaries of terms packed for pickling: one string, and the terms' lengths and values as arrays.

joblib unpickles with Python's own unpickler, one call per object: the 300,000 n-grams of the
harm classifier's vocabularies took it over a second to load. Packed they are a few
objects, and unpacking them is a few loops in C.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class PackedTerms:
    """A ``dict`` of terms (``str`` keys, numeric values) in pickling form."""

    text: str
    lengths: np.ndarray
    values: np.ndarray

    @classmethod
    def of(cls, terms: dict[str, Any]) -> PackedTerms:
        return cls(
            "".join(terms), np.fromiter(map(len, terms), dtype=np.int64), np.array(list(terms.values()))
        )

    def unpack(self) -> dict[str, Any]:
        ends = np.cumsum(self.lengths).tolist()
        starts = [0, *ends[:-1]]
        return dict(
            zip(map(self.text.__getitem__, map(slice, starts, ends)), self.values.tolist(), strict=True)
        )
