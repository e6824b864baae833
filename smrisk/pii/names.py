"""Known first names and surnames (packaged lists, see resources/names/NOTICE.md)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def name_list(kind: str) -> frozenset[str]:
    """A packaged list, lowercased: ``first_names``, ``surnames`` or ``places``."""
    path = resources.files("smrisk") / "resources" / "names" / f"{kind}.txt"
    return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}


def is_first_name(word: str) -> bool:
    """Whether ``word`` (any case) is a known first name."""
    return word.lower() in name_list("first_names")


def is_surname(words: str) -> bool:
    """Whether ``words`` (any case, with or without tussenvoegsel) is a known surname."""
    lowered = words.lower()
    return lowered in name_list("surnames") or lowered.split()[-1] in name_list("surnames")


def is_place(words: str) -> bool:
    """Whether ``words`` (any case) is a known Dutch or Belgian place, province or country."""
    return words.lower() in name_list("places")
