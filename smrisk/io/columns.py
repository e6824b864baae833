"""Finding the text, author, date, ... columns of an export by the names tools give them."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from urllib.parse import urlparse

# Candidate names per field, most specific first, compared after normalize_column().
# Dutch and English common names plus the headers of Coosto, OBI4wan, Brandwatch and
# Meltwater exports.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": (
        "full text",
        "hit sentence",
        "text",
        "tekst",
        "bericht",
        "berichttekst",
        "bericht tekst",
        "message",
        "message text",
        "content",
        "post",
        "post text",
        "posttekst",
        "body",
        "caption",
        "inhoud",
        "tweet",
        "tweet text",
        "comment",
        "reactie",
        "mention",
        "mention text",
        "snippet",
        "opening text",
        "description",
        "beschrijving",
    ),
    "author": (
        "author",
        "auteur",
        "username",
        "user name",
        "gebruikersnaam",
        "handle",
        "author handle",
        "author username",
        "screen name",
        "screenname",
        "twitter screen name",
        "account",
        "user",
        "gebruiker",
        "influencer",
        "from",
        "afzender",
        "author name",
        "naam",
        "name",
        "profile",
        "profiel",
    ),
    "author_name": ("full name", "display name", "author full name", "naam auteur", "author name"),
    "date": (
        "date",
        "datum",
        "created at",
        "published",
        "published at",
        "publication date",
        "publicatiedatum",
        "datum tijd",
        "date time",
        "datetime",
        "timestamp",
        "tijdstip",
        "time",
        "posted at",
        "gepubliceerd",
    ),
    "url": ("url", "link", "permalink", "post url", "bericht url", "tweet url", "original url"),
    "platform": (
        "platform",
        "bron",
        "source",
        "source type",
        "kanaal",
        "channel",
        "medium",
        "media type",
        "mediatype",
        "page type",
        "network",
        "social network",
        "site",
        "type bron",
    ),
    "id": (
        "id",
        "post id",
        "bericht id",
        "message id",
        "mention id",
        "document id",
        "tweet id",
        "resource id",
        "guid",
        "uid",
        "nr",
        "nummer",
    ),
}

PLATFORM_HOSTS = {
    "twitter.com": "X",
    "x.com": "X",
    "instagram.com": "Instagram",
    "tiktok.com": "TikTok",
    "facebook.com": "Facebook",
    "fb.com": "Facebook",
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "linkedin.com": "LinkedIn",
    "reddit.com": "Reddit",
    "snapchat.com": "Snapchat",
    "threads.net": "Threads",
    "bsky.app": "Bluesky",
}


def normalize_column(name: str) -> str:
    """Compare column names without case, BOMs, quotes, ``_``, ``-`` or ``.``."""
    name = name.replace("\ufeff", "").strip().strip("\"'").lower()
    return " ".join(re.sub(r"[_\-.:/()]+", " ", name).split())


@dataclass(frozen=True)
class ColumnMap:
    """Which column of the input holds which field; None when the input lacks it."""

    text: str
    author: str | None = None
    author_name: str | None = None
    date: str | None = None
    url: str | None = None
    platform: str | None = None
    id: str | None = None


def is_text_header(cells: list[str], override: str | None = None) -> bool:
    """Whether a row of cells looks like a header holding the text column."""
    wanted = {normalize_column(override)} if override else set(CANDIDATES["text"])
    return any(normalize_column(cell) in wanted for cell in cells if cell)


def find_columns(columns: list[str], overrides: dict[str, str] | None = None) -> ColumnMap | None:
    """Map fields to columns by name; ``overrides`` (field -> column) win. None: no text column.

    Raises KeyError(field) when an override names a column that is not there.
    """
    overrides = {k: v for k, v in (overrides or {}).items() if v}
    by_norm: dict[str, str] = {}
    for column in columns:
        by_norm.setdefault(normalize_column(column), column)
    chosen: dict[str, str | None] = {}
    taken: set[str] = set()
    for field in (f.name for f in fields(ColumnMap)):
        if field in overrides:
            if overrides[field] in columns:
                chosen[field] = overrides[field]
            elif normalize_column(overrides[field]) in by_norm:
                chosen[field] = by_norm[normalize_column(overrides[field])]
            else:
                raise KeyError(field)
        else:
            chosen[field] = next(
                (
                    by_norm[name]
                    for name in CANDIDATES[field]
                    if name in by_norm and by_norm[name] not in taken
                ),
                None,
            )
        if chosen[field] is not None:
            taken.add(chosen[field])  # type: ignore[arg-type]
    if chosen["text"] is None:
        return None
    return ColumnMap(**chosen)  # type: ignore[arg-type]


def platform_from_url(url: str | None) -> str | None:
    """The platform a post URL points at (``https://x.com/...`` -> ``X``), if known."""
    if not url:
        return None
    host = urlparse(url if "://" in url else f"https://{url}").netloc.lower()
    host = host.removeprefix("www.").removeprefix("m.").removeprefix("mobile.")
    for known, platform in PLATFORM_HOSTS.items():
        if host == known or host.endswith("." + known):
            return platform
    return None
