"""Rebuild the personal-data pipeline models/nl_smrisk_pii from its sources, end to end.

    python scripts/train_pii.py [--shared ../shared/data] [--skip-build] [--skip-train]

1. compose the NER training set (scripts/build_pii_training.py);
2. train the NER with spaCy (configs/pii_ner.cfg);
3. package it with the smrisk_personal_data component under models/ and hash every file;
4. evaluate on data/pii/dev.jsonl (never trained on) and CoNLL-2002 Dutch dev (evaluation
   only), time loading and throughput, and write the model card with the figures.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from package_pii import package  # noqa: E402

import smrisk  # noqa: E402
from smrisk.models import verify_model  # noqa: E402
from smrisk.pii.corpus import read_conll, read_gold  # noqa: E402
from smrisk.pii.evaluate import evaluate_gold  # noqa: E402

MODEL = ROOT / "models" / "nl_smrisk_pii"
BUILD = ROOT / "data" / "pii" / "build"


def run(*args: str) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, check=True, cwd=ROOT)


def metrics_table(report) -> str:
    lines = ["| label | gold | exact P / R / F1 | overlap P / R / F1 |", "|---|---|---|---|"]
    for row in report.table():
        cells = [" / ".join(f"{v:.3f}" for v in row[mode]) for mode in ("exact", "overlap")]
        lines.append(f"| {row['label']} | {row['gold']} | {cells[0]} | {cells[1]} |")
    found = report.score("found")
    lines.append(
        f"\nFound (any label, overlapping): P {found.precision:.3f}, R {found.recall:.3f}, F1 {found.f1:.3f}."
    )
    return "\n".join(lines)


def tok2vec_summary(config_path: Path) -> str:
    """The tok2vec settings of a saved pipeline, for the model card."""
    model = spacy.util.load_config(config_path, interpolate=True)["components"]["tok2vec"]["model"]
    embed, encode = model["embed"], model["encode"]
    return (
        f"width {encode['width']}, depth {encode['depth']}, window {encode['window_size']}, "
        f"{encode['maxout_pieces']} maxout pieces, hashed embeddings of {', '.join(embed['attrs'])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-train", action="store_true")
    args = parser.parse_args()
    trained = BUILD / "ner" / "model-best"
    if not args.skip_build:
        run(sys.executable, "scripts/build_pii_training.py", "--shared", str(args.shared))
    if not args.skip_train:
        run(
            sys.executable,
            "-m",
            "spacy",
            "train",
            "configs/pii_ner.cfg",
            "--output",
            str(BUILD / "ner"),
        )
    manifest_sha = package(trained, MODEL)

    started = time.perf_counter()
    info = verify_model(MODEL)
    scanner = smrisk.load()
    load_seconds = time.perf_counter() - started
    dev = read_gold(ROOT / "data" / "pii" / "dev.jsonl")
    dev_report = evaluate_gold(scanner, dev)
    conll_path = args.shared / "conll2002-nl" / "conll2002-ner-nld.dev.txt"
    conll_report = evaluate_gold(scanner, read_conll(conll_path), labels=["PERSON"])
    person = conll_report.score("exact", "PERSON")
    meta = json.loads((MODEL / "meta.json").read_text())
    train_stats = (BUILD / "stats.txt").read_text() if (BUILD / "stats.txt").exists() else ""
    card = (
        (ROOT / "configs" / "pii_model_card.md")
        .read_text(encoding="utf-8")
        .format(
            manifest_sha=manifest_sha,
            size_mb=info.size_bytes / 1e6,
            load_seconds=load_seconds,
            spacy_version=spacy.__version__,
            python=platform.python_version(),
            pipeline=", ".join(meta.get("pipeline", [])),
            tok2vec=tok2vec_summary(MODEL / "config.cfg"),
            dev_table=metrics_table(dev_report),
            dev_posts=dev_report.posts,
            conll_p=person.precision,
            conll_r=person.recall,
            conll_f=person.f1,
            conll_posts=conll_report.posts,
            train_stats=train_stats.strip(),
            smrisk_version=smrisk.__version__,
        )
    )
    (MODEL / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    print(card)


if __name__ == "__main__":
    main()
