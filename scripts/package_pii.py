"""Package a trained NER into the personal-data pipeline under models/ and hash it.

    python scripts/package_pii.py TRAINED_DIR [--out models/nl_smrisk_pii]

Adds the smrisk_personal_data component after the NER, saves the pipeline, and writes
SHA256SUMS (the model card is written by scripts/train_pii.py).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import spacy

from smrisk.models import write_manifest
from smrisk.pii import component, tokenizer  # noqa: F401  (registers factory and tokenizer)

ROOT = Path(__file__).resolve().parents[1]


def package(trained: Path, out: Path) -> str:
    nlp = spacy.load(trained)
    if "smrisk_personal_data" not in nlp.pipe_names:
        nlp.add_pipe("smrisk_personal_data")
    nlp.meta.update(
        {
            "name": "smrisk_pii",
            "version": "0.1.0",
            "license": "CC BY-SA 4.0",
            "description": "Dutch social-media personal-data pipeline of smrisk",
        }
    )
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8") if (out / "MODEL_CARD.md").exists() else None
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    if card is not None:
        (out / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    return write_manifest(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trained", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "nl_smrisk_pii")
    args = parser.parse_args()
    print(f"{args.out}: SHA256SUMS {package(args.trained, args.out)}")


if __name__ == "__main__":
    main()
