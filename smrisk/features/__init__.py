"""Checks: small, named, switchable stages that read one parsed Doc and return Findings.

A check is a class registered under a name with :func:`register_check`. The protocol
config lists the names to run (``[checks] enabled``/``disabled``); :func:`build_checks`
composes them into a :class:`CheckGroup` that the scanner runs on every post.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc

from ..config import ProtocolConfig
from ..errors import ConfigError, Errors
from ..findings import Finding, Post
from ..roster import StaffRoster


@dataclass(frozen=True)
class CheckContext:
    """The shared resources a check may use, typed (no loose dict of resources)."""

    config: ProtocolConfig
    roster: StaffRoster
    lang: str = "nl"


class Check(Protocol):
    """What the scanner needs of a check."""

    name: str
    labels: tuple[str, ...]

    def __call__(self, doc: Doc, post: Post) -> list[Finding]: ...


_REGISTRY: dict[str, Callable[[CheckContext], Check]] = {}


def register_check(name: str) -> Callable[[type], type]:
    """Class decorator: make a check available under ``name`` in the protocol config."""

    def decorate(cls: type) -> type:
        _REGISTRY[name] = cls
        cls.name = name
        return cls

    return decorate


def available_checks() -> list[str]:
    """Names of all registered checks."""
    _import_builtin_checks()
    return sorted(_REGISTRY)


@dataclass(frozen=True)
class CheckGroup:
    """Named checks run in order on the same Doc; single checks can be switched off per call."""

    checks: tuple[Check, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(check.name for check in self.checks)

    def run_batch(
        self, docs: list[Doc], posts: list[Post], disabled: Iterable[str] = ()
    ) -> list[list[Finding]]:
        """Findings per post for a batch; checks with a ``run_batch`` method score it at once."""
        skip = set(disabled)
        results: list[list[Finding]] = [[] for _ in docs]
        for check in self.checks:
            if check.name in skip:
                continue
            batch = getattr(check, "run_batch", None)
            per_post = (
                batch(docs, posts) if batch else [check(d, p) for d, p in zip(docs, posts, strict=True)]
            )
            for findings, found in zip(results, per_post, strict=True):
                findings.extend(found)
        return results


def build_checks(context: CheckContext, names: Sequence[str] | None = None) -> CheckGroup:
    """Instantiate the checks named in the config (or ``names``), failing fast on unknown ones."""
    _import_builtin_checks()
    names = context.config.checks if names is None else names
    unknown = [name for name in names if name not in _REGISTRY]
    if unknown:
        raise ConfigError(Errors.E103.format(name=unknown[0], available=", ".join(sorted(_REGISTRY))))
    return CheckGroup(tuple(_REGISTRY[name](context) for name in names))


def _import_builtin_checks() -> None:
    # Importing the modules registers their checks.
    from . import harm, personal_data, staff_rules  # noqa: F401
