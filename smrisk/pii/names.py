"""Known first names and surnames (packaged lists, see resources/names/NOTICE.md)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def _names(kind: str) -> frozenset[str]:
    path = resources.files("smrisk") / "resources" / "names" / f"{kind}.txt"
    return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}


def is_first_name(word: str) -> bool:
    """Whether ``word`` (any case) is a known first name."""
    return word.lower() in _names("first_names")


def is_surname(words: str) -> bool:
    """Whether ``words`` (any case, with or without tussenvoegsel) is a known surname."""
    lowered = words.lower()
    return lowered in _names("surnames") or lowered.split()[-1] in _names("surnames")


def is_place(words: str) -> bool:
    """Whether ``words`` (any case) is a known Dutch or Belgian place, province or country."""
    return words.lower() in _names("places")
