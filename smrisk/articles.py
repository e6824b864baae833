"""The protocol's articles as data, so findings can cite them and reports can show their text."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Article:
    """One article of the social-media protocol, e.g. ``B2``."""

    code: str
    title_nl: str
    title_en: str
    text: str

    def title(self, lang: str = "nl") -> str:
        """The short title in ``lang`` (``nl`` or ``en``)."""
        return self.title_en if lang == "en" else self.title_nl


@cache
def _raw_articles() -> dict[str, dict[str, str]]:
    path = resources.files("smrisk") / "resources" / "articles.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


def load_articles(school: str) -> dict[str, Article]:
    """All articles by code, with the school's name filled into their text."""
    return {
        code: Article(
            code=code,
            title_nl=entry["title_nl"],
            title_en=entry["title_en"],
            text=entry["text"].format(school=school),
        )
        for code, entry in _raw_articles().items()
    }
