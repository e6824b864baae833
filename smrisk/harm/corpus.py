"""The A7 corpus (data/harm/*.jsonl, see data/ANNOTATION.md): posts with multi-labels."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: Labels the classifier is trained for, in output order; the first four are the main ones.
HARM_LABELS = ("bullying", "threat", "defamation", "insult", "stalking", "hacking", "radicalisation")
MAIN_LABELS = HARM_LABELS[:4]


@dataclass(frozen=True)
class HarmPost:
    id: str
    text: str
    labels: tuple[str, ...]
    neg_type: str | None = None


def read_corpus(paths: Iterable[str | Path]) -> list[HarmPost]:
    """Posts of one or more JSONL files; unknown labels are an error, not silently dropped."""
    posts = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                record = json.loads(line)
                labels = tuple(record.get("labels", []))
                unknown = set(labels) - set(HARM_LABELS)
                if unknown:
                    raise ValueError(f"{path}:{number}: unknown label {sorted(unknown)[0]!r}")
                posts.append(
                    HarmPost(str(record.get("id", number)), record["text"], labels, record.get("neg_type"))
                )
    return posts


def label_matrix(posts: list[HarmPost], labels: tuple[str, ...] = HARM_LABELS) -> np.ndarray:
    """A posts x labels 0/1 matrix."""
    return np.array([[label in post.labels for label in labels] for post in posts], dtype=np.int8)
