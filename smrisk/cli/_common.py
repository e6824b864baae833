"""What the commands share: option types, error handling and the console."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from ..errors import SmriskError
from ..findings import RiskLevel
from ..redact import Redactor

console = Console()
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])

StaffOption = Annotated[
    Path | None,
    typer.Option("--staff", help="Staff roster CSV (name, handles, role, type).", dir_okay=False),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Protocol config TOML merged over the default (Amstelveen College).",
        dir_okay=False,
    ),
]

ColumnOption = Annotated[
    str | None,
    typer.Option(help="Column holding this field (found by name if not given).", rich_help_panel="Columns"),
]


def column_overrides(**columns: str | None) -> dict[str, str]:
    """The --*-column options that were given, as the ``columns`` mapping of the readers."""
    return {name: column for name, column in columns.items() if column}


class Lang(StrEnum):
    nl = "nl"
    en = "en"


class FailLevel(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"
    critical = "critical"

    @property
    def level(self) -> RiskLevel:
        return RiskLevel.parse(self.value)


LangOption = Annotated[Lang, typer.Option("--lang", help="Language of actions and explanations.")]
FailOnOption = Annotated[
    FailLevel | None,
    typer.Option("--fail-on", help="Exit with code 3 when any post reaches this risk level."),
]


def user_errors(command: F) -> F:
    """Turn errors into one line on stderr and an exit code, never a traceback with data in it."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except SmriskError as exc:
            typer.echo(f"smrisk: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("smrisk: interrupted", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:
            if os.environ.get("SMRISK_DEBUG"):
                raise
            typer.echo(
                f"smrisk: internal error ({type(exc).__name__}); set SMRISK_DEBUG=1 for "
                "a traceback (it may show post text)",
                err=True,
            )
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def is_terminal() -> bool:
    return sys.stderr.isatty()


class RedactMode(StrEnum):
    placeholder = "placeholder"
    hash = "hash"


RedactModeOption = Annotated[
    RedactMode,
    typer.Option("--redact-mode", help="With --redact: placeholder or hash (key in $SMRISK_REDACT_KEY)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No summary table.")]

KEY_ENV = "SMRISK_REDACT_KEY"


def make_redactor(mode: RedactMode) -> Redactor:
    """A redactor; hash mode takes its secret key from $SMRISK_REDACT_KEY (never an argument,
    which would end up in shell history)."""
    if mode == RedactMode.hash:
        key = os.environ.get(KEY_ENV)
        if not key:
            raise SmriskError(f"--redact-mode hash needs a secret key in ${KEY_ENV}")
        return Redactor("hash", key.encode("utf-8"))
    return Redactor()
