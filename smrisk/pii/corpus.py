"""Annotated personal-data posts: the ``[[surface|LABEL]]`` markup and gold JSONL files.

A gold file has one post per line, either ``{"id", "text", "spans": [{"start", "end",
"label"}]}`` or ``{"id", "marked"}`` with the markup of ``data/pii/GUIDE.md``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .labels import PII_LABELS

_MARK = re.compile(r"\[\[(.+?)\|([A-Z_]+)\]\]", re.DOTALL)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class GoldPost:
    id: str
    text: str
    spans: tuple[Span, ...]


def parse_marked(marked: str) -> tuple[str, tuple[Span, ...]]:
    """Plain text and spans from ``"bel [[Sophie|PERSON]]"``; raises ValueError on bad markup."""
    parts: list[str] = []
    spans: list[Span] = []
    position = length = 0
    for match in _MARK.finditer(marked):
        parts.append(marked[position : match.start()])
        length += match.start() - position
        surface, label = match.group(1), match.group(2)
        if label not in PII_LABELS:
            raise ValueError(f"unknown label {label!r}")
        spans.append(Span(length, length + len(surface), label))
        parts.append(surface)
        length += len(surface)
        position = match.end()
    parts.append(marked[position:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise ValueError("unbalanced [[ ]] markup")
    return text, tuple(spans)


def read_gold(path: str | Path) -> list[GoldPost]:
    """Read a gold JSONL file (plain spans or markup)."""
    posts = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            post_id = str(record.get("id", number))
            if "marked" in record:
                text, spans = parse_marked(record["marked"])
            else:
                text = record["text"]
                spans = tuple(Span(s["start"], s["end"], s["label"]) for s in record.get("spans", []))
            posts.append(GoldPost(post_id, text, spans))
    return posts


def read_conll(path: str | Path, label_map: dict[str, str] | None = None) -> list[GoldPost]:
    """A CoNLL-style ``token TAG`` file (IOB1/IOB2, any case) as posts with space-joined text.

    Only types in ``label_map`` are kept (default: per -> PERSON). For evaluation only.
    """
    label_map = label_map or {"PER": "PERSON"}
    posts: list[GoldPost] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if not words:
            return
        text, spans, start, kind, end = "", [], None, None, 0
        for word, tag in zip(words, tags, strict=True):
            begin = len(text) + (1 if text else 0)
            text += (" " if text else "") + word
            tag_kind = tag[2:].upper() if len(tag) > 2 else None
            continues = tag.startswith("I-") and tag_kind == kind and start is not None
            if not continues:
                if start is not None and kind in label_map:
                    spans.append(Span(start, end, label_map[kind]))
                start, kind = (begin, tag_kind) if tag_kind else (None, None)
            end = len(text)
        if start is not None and kind in label_map:
            spans.append(Span(start, end, label_map[kind]))
        posts.append(GoldPost(str(len(posts) + 1), text, tuple(spans)))

    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and not parts[0].startswith("-DOCSTART-"):
                words.append(parts[0])
                tags.append(parts[-1])
            elif not parts:
                flush()
                words, tags = [], []
    flush()
    return posts
