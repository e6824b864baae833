"""Model artefacts under ``models/``: where they are, and loading only what matches its hash.

Every model folder holds ``SHA256SUMS`` (``sha256sum`` format, one line per file) and a
``MODEL_CARD.md``. Loading checks every listed file before anything is deserialised (a
joblib file can run code), and refuses files that are missing, changed or not listed.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelError

MANIFEST = "SHA256SUMS"
CARD = "MODEL_CARD.md"
UNHASHED = {MANIFEST, CARD}


def models_dir() -> Path:
    """``$SMRISK_MODELS`` if set, else ``models/`` of the source tree smrisk runs from."""
    env = os.environ.get("SMRISK_MODELS")
    return Path(env) if env else Path(__file__).resolve().parents[1] / "models"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(folder: Path) -> str:
    """Hash every file of a model folder into its SHA256SUMS; returns the manifest's own hash."""
    lines = [
        f"{sha256_file(path)}  {path.relative_to(folder).as_posix()}"
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in UNHASHED
    ]
    (folder / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sha256_file(folder / MANIFEST)


@dataclass(frozen=True)
class ModelInfo:
    """A verified model folder and the hash of its manifest (quoted in the model card)."""

    name: str
    path: Path
    manifest_sha256: str
    size_bytes: int


def verify_model(folder: Path) -> ModelInfo:
    """Check every file of ``folder`` against its SHA256SUMS; raise ModelError on any mismatch."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise ModelError(f"{folder}: no {MANIFEST}; refusing to load an unverified model")
    listed: dict[str, str] = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, _, name = line.partition("  ")
            listed[name] = digest
    present = {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and path.name not in UNHASHED
    }
    if unlisted := sorted(present - listed.keys()):
        raise ModelError(f"{folder}: file not in {MANIFEST}: {unlisted[0]}")
    size = 0
    for name, digest in listed.items():
        path = folder / name
        if not path.is_file():
            raise ModelError(f"{folder}: {name} is missing")
        if sha256_file(path) != digest:
            raise ModelError(f"{folder}: {name} does not match its SHA-256 in {MANIFEST}")
        size += path.stat().st_size
    return ModelInfo(folder.name, folder, sha256_file(manifest), size)
