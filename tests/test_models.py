"""Model artefacts: hash manifests are checked before anything is loaded."""

import pytest

from smrisk.errors import ModelError
from smrisk.models import models_dir, verify_model, write_manifest


def _model(tmp_path):
    folder = tmp_path / "m"
    (folder / "ner").mkdir(parents=True)
    (folder / "ner" / "model").write_bytes(b"weights")
    (folder / "config.cfg").write_text("[nlp]\n")
    (folder / "MODEL_CARD.md").write_text("card")
    write_manifest(folder)
    return folder


def test_a_verified_model_reports_its_manifest_hash(tmp_path):
    info = verify_model(_model(tmp_path))
    assert len(info.manifest_sha256) == 64 and info.size_bytes == len(b"weights") + len("[nlp]\n")


@pytest.mark.parametrize(
    "tamper, message",
    [
        (lambda f: (f / "ner" / "model").write_bytes(b"evil"), "does not match its SHA-256"),
        (lambda f: (f / "ner" / "model").unlink(), "is missing"),
        (lambda f: (f / "extra.joblib").write_bytes(b"x"), "file not in SHA256SUMS"),
        (lambda f: (f / "SHA256SUMS").unlink(), "refusing to load an unverified model"),
    ],
)
def test_tampered_models_are_refused(tmp_path, tamper, message):
    folder = _model(tmp_path)
    tamper(folder)
    with pytest.raises(ModelError, match=message):
        verify_model(folder)


def test_models_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SMRISK_MODELS", str(tmp_path))
    assert models_dir() == tmp_path
