"""``smrisk info``: versions, the protocol config in force, checks and models."""

from __future__ import annotations

import platform

import typer

from .. import __version__
from ..config import load_config
from ..errors import ModelError
from ..features import available_checks
from ..models import models_dir, verify_model
from ..roster import read_roster
from ._common import ConfigOption, StaffOption, user_errors


@user_errors
def info(staff: StaffOption = None, config: ConfigOption = None) -> None:
    """Show versions, the protocol config in force, the checks and the models."""
    import pandas
    import sklearn
    import spacy

    protocol = load_config(config)
    lines = {
        "smrisk": __version__,
        "python": platform.python_version(),
        "spacy / scikit-learn / pandas": (
            f"{spacy.__version__} / {sklearn.__version__} / {pandas.__version__}"
        ),
        "protocol config": protocol.source,
        "school": protocol.school.name,
        "checks enabled": ", ".join(protocol.checks) or "(none)",
        "checks available": ", ".join(available_checks()),
    }
    if staff is not None:
        roster = read_roster(staff)
        officials = sum(member.is_official for member in roster.members)
        lines["staff roster"] = f"{staff}: {len(roster) - officials} staff, {officials} official"
    folder = models_dir()
    found = sorted(p.parent for p in folder.glob("*/SHA256SUMS")) if folder.is_dir() else []
    lines["models"] = f"{folder} ({len(found)} found)"
    for model in found:
        try:
            verified = verify_model(model)
            state = (
                f"{verified.size_bytes / 1e6:.1f} MB, SHA256SUMS {verified.manifest_sha256[:16]}…, verified"
            )
        except ModelError as exc:
            state = f"NOT USABLE: {exc}"
        card = model / "MODEL_CARD.md"
        lines[f"  {model.name}"] = state + (f"; card {card}" if card.is_file() else "; no model card")
    for key, value in lines.items():
        typer.echo(f"{key + ':':<31}{value}")
