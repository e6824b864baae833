"""The staff roster: who works at the school, under which handles, and which accounts are official."""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError, Errors

REQUIRED_COLUMNS = ("name", "handles", "role")
MEMBER_TYPES = ("staff", "official")


def normalize_name(value: str) -> str:
    """Case, accents and runs of spaces do not matter when names are compared."""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def normalize_handle(value: str) -> str:
    """``@MarieKEDV`` and ``mariekedv`` are the same handle."""
    return value.strip().lstrip("@").casefold()


@dataclass(frozen=True)
class StaffMember:
    """A roster row: a person on the staff or one of the school's official accounts."""

    name: str
    handles: tuple[str, ...]
    role: str
    type: str = "staff"

    @property
    def is_official(self) -> bool:
        return self.type == "official"


@dataclass(frozen=True)
class StaffRoster:
    """Looks up authors by handle or full name; a first name alone never matches."""

    members: tuple[StaffMember, ...] = ()
    source: str | None = None

    def __post_init__(self) -> None:
        by_handle: dict[str, StaffMember] = {}
        by_name: dict[str, StaffMember] = {}
        for member in self.members:
            by_name[normalize_name(member.name)] = member
            for handle in member.handles:
                by_handle[normalize_handle(handle)] = member
        object.__setattr__(self, "_by_handle", by_handle)
        object.__setattr__(self, "_by_name", by_name)

    def __len__(self) -> int:
        return len(self.members)

    def match(self, *authors: str | None) -> StaffMember | None:
        """The member whose handle or full name equals one of ``authors``, if any."""
        for author in authors:
            if not author or not author.strip():
                continue
            member = self._by_handle.get(normalize_handle(author)) or self._by_name.get(  # type: ignore[attr-defined]
                normalize_name(author)
            )
            if member is not None:
                return member
        return None


def read_roster(path: str | Path) -> StaffRoster:
    """Read a roster CSV (``name``, ``handles`` split on ``;``, ``role``, optional ``type``)."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(Errors.E001.format(path=path))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = [(name or "").strip().lower() for name in reader.fieldnames or []]
    if not set(REQUIRED_COLUMNS) <= set(columns):
        raise ConfigError(Errors.E104.format(path=path, needed=", ".join(REQUIRED_COLUMNS), columns=columns))
    members = []
    for row_number, row in enumerate(reader, start=2):
        row = {(key or "").strip().lower(): (value or "").strip() for key, value in row.items()}
        if not row.get("name"):
            if any(row.values()):
                raise ConfigError(Errors.E105.format(path=path, row=row_number, reason="no name"))
            continue
        member_type = (row.get("type") or "staff").lower()
        if member_type not in MEMBER_TYPES:
            reason = f"type must be one of {', '.join(MEMBER_TYPES)}, got {member_type!r}"
            raise ConfigError(Errors.E105.format(path=path, row=row_number, reason=reason))
        handles = tuple(h.strip() for h in row.get("handles", "").split(";") if h.strip())
        members.append(StaffMember(row["name"], handles, row.get("role", ""), member_type))
    return StaffRoster(tuple(members), source=str(path))
