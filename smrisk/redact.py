"""Redaction: personal data replaced by a Dutch placeholder ("[NAAM]") or a keyed hash.

A keyed hash ("[NAAM:4f0c2a91]") lets a reader see that two posts name the same person
without seeing the name; it needs a secret key (HMAC-SHA256), because an unkeyed hash of a
name or phone number is undone by trying all names or numbers.

    redact("bel sophie op 06-12345678", findings)          # 'bel [NAAM] op [TELEFOON]'
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .findings import Finding
from .pii.labels import PLACEHOLDERS

MODES = ("placeholder", "hash")


@dataclass(frozen=True)
class Redactor:
    """Replaces spans by placeholders, or by placeholders with a keyed hash of the span."""

    mode: str = "placeholder"
    key: bytes | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {self.mode!r}")
        if self.mode == "hash" and not self.key:
            raise ValueError("hash mode needs a secret key (an unkeyed hash of a name is easily undone)")

    def fingerprint(self) -> str:
        """Identifies mode and key (a hash of the key, never the key) e.g. for a job checkpoint."""
        key_hash = hashlib.sha256(b"smrisk-redactor:" + (self.key or b"")).hexdigest()[:16]
        return f"{self.mode}:{key_hash}"

    def token(self, label: str, surface: str) -> str:
        placeholder = PLACEHOLDERS.get(label, "[PERSOONSGEGEVEN]")
        if self.mode == "placeholder":
            return placeholder
        normal = " ".join(unicodedata.normalize("NFKC", surface).casefold().split())
        digest = hmac.new(self.key or b"", normal.encode("utf-8"), hashlib.sha256).hexdigest()[:8]
        return f"{placeholder[:-1]}:{digest}]"

    def text(self, text: str, findings: Iterable[Finding]) -> str:
        """``text`` with every personal-data finding's span replaced."""
        spans = sorted(
            (f.start, f.end, f.label)
            for f in findings
            if f.kind == "personal_data" and f.start is not None and f.end is not None
        )
        parts, cursor = [], 0
        for start, end, label in spans:
            if start < cursor:  # overlapping spans: the first one covers it
                continue
            parts += [text[cursor:start], self.token(label, text[start:end])]
            cursor = end
        parts.append(text[cursor:])
        return "".join(parts)

    def author(self, author: str | None) -> str | None:
        """The author handle or name, which identifies the poster, redacted the same way."""
        if not author:
            return author
        return self.token("HANDLE" if author.startswith("@") else "PERSON", author)


def redact(
    text: str, findings: Iterable[Finding], mode: str = "placeholder", key: bytes | None = None
) -> str:
    """``text`` with its personal data replaced (see :class:`Redactor`)."""
    return Redactor(mode, key).text(text, findings)
