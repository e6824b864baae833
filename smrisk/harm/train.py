"""Train, save and load the harm classifier as a hash-checked artefact with a model card."""

from __future__ import annotations

import platform
import time
from collections.abc import Sequence
from pathlib import Path

import joblib
import numpy as np
import sklearn

from ..errors import ModelError
from ..models import verify_model, write_manifest
from .corpus import label_matrix, read_corpus
from .evaluate import VARIANTS, HarmReport, evaluate, spelling_variant
from .feedback import Feedback
from .model import HarmClassifier

MODEL_FILE = "model.joblib"
DEFAULT_NAME = "smrisk_harm"


def train(
    train_paths: Sequence[Path],
    dev_path: Path,
    output: Path,
    test_path: Path | None = None,
    C: float = 10.0,
    min_threat_recall: float = 0.93,
    augment: bool = True,
    feedback: Feedback | None = None,
) -> tuple[HarmClassifier, HarmReport, HarmReport | None]:
    """Fit on ``train_paths``, tune thresholds on ``dev_path``, save to ``output`` with a card.

    ``test_path`` (optional) is only evaluated, for the card; nothing is tuned on it.
    ``feedback`` (from :func:`~smrisk.harm.feedback.read_feedback`) adds the reviewed posts.
    """
    train_posts = read_corpus(train_paths) + list(feedback.posts if feedback else ())
    dev_posts = read_corpus([dev_path])
    started = time.perf_counter()
    texts, y = [p.text for p in train_posts], label_matrix(train_posts)
    groups = list(range(len(texts)))
    if augment:
        texts, y = with_spelling_variants(texts, y)
        groups += groups
    model = HarmClassifier(C=C).fit(texts, y, groups=groups)
    model.tune_thresholds(
        [p.text for p in dev_posts], label_matrix(dev_posts), min_recall={"threat": min_threat_recall}
    )
    seconds = time.perf_counter() - started
    dev_report = evaluate(model, dev_posts, robustness=False)
    test_posts = read_corpus([test_path]) if test_path else []
    test_report = evaluate(model, test_posts) if test_path else None
    rate = throughput(model, [p.text for p in test_posts or dev_posts])
    card = _card(
        model,
        train_paths,
        dev_path,
        test_path,
        len(train_posts),
        seconds,
        rate,
        dev_report,
        test_report,
        feedback,
    )
    save(model, output, card)
    return model, dev_report, test_report


def with_spelling_variants(texts: list[str], y: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The posts plus one spelling-variant copy of each (kinds in turn: leet, missing and extra
    spaces, swapped letters, elongations), so the classifier sees how people misspell."""
    kinds = list(VARIANTS)
    variants = [spelling_variant(text, kinds[i % len(kinds)], seed=1) for i, text in enumerate(texts)]
    return texts + variants, np.vstack([y, y])


def throughput(model: HarmClassifier, texts: Sequence[str], copies: int = 10) -> float:
    """Posts per second of the classifier alone (one process), best of three runs."""
    batch = list(texts) * copies
    model.scores(batch[:100])  # warm the caches
    best = 0.0
    for _ in range(3):
        started = time.perf_counter()
        model.scores(batch)
        best = max(best, len(batch) / (time.perf_counter() - started))
    return best


def save(model: HarmClassifier, folder: Path, card: str) -> str:
    """Write the model, its card and SHA256SUMS; returns the manifest's hash."""
    folder.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, folder / MODEL_FILE, compress=3)
    sha = write_manifest(folder)
    (folder / "MODEL_CARD.md").write_text(card.replace("{manifest_sha}", sha), encoding="utf-8")
    return sha


def load(folder: Path) -> HarmClassifier:
    """Load a saved classifier, after checking every file against its SHA256SUMS."""
    verify_model(folder)
    model = joblib.load(folder / MODEL_FILE)
    if not isinstance(model, HarmClassifier):
        raise ModelError(f"{folder}: {MODEL_FILE} holds no HarmClassifier")
    return model


def _card(
    model: HarmClassifier,
    train_paths: Sequence[Path],
    dev_path: Path,
    test_path: Path | None,
    n_train: int,
    seconds: float,
    rate: float,
    dev: HarmReport,
    test: HarmReport | None,
    feedback: Feedback | None = None,
) -> str:
    thresholds = ", ".join(
        f"{label} {t:.2f}" for label, t in zip(model.labels, model.thresholds_, strict=True)
    )
    sections = [
        "# Model card: smrisk_harm (A7 harm classifier)",
        "",
        "A scikit-learn pipeline (`smrisk.harm.model.build_pipeline`): normalised text (lowercase, "
        "accents, leetspeak, elongations, spaced letters), word 1-2-grams and character 3-5-grams "
        "(TF-IDF), lexicon counts; one logistic regression per label with sigmoid-calibrated "
        f"probabilities (C={model.C}); a gate (one more calibrated logistic regression on the same "
        f"features: is the post harmful at all?) at {model.gate_threshold_:.2f}; per-label thresholds "
        f"tuned on the dev set ({thresholds}). "
        "Training sees every post twice: as written and as one spelling variant (leet, missing or "
        "extra spaces, swapped letters, elongations, in turn); a post and its variant stay in the "
        "same calibration fold. Stalking, hacking and radicalisation are trained like the others "
        "(the corpus carries them with 100-300 examples each).",
        "",
        f"- Versions: scikit-learn {sklearn.__version__}, Python {platform.python_version()}.",
        "- **SHA-256 of `SHA256SUMS`: `{manifest_sha}`**; loading checks every file first "
        "(a joblib file can run code).",
        "",
        "## Data and licences",
        "",
        f"- Training: {', '.join(str(p) for p in train_paths)} ({n_train} posts), written by the "
        "project following `data/ANNOTATION.md` (MIT, with the code).",
        *(
            [
                "- Reviewer feedback from the triage report (in the count above): "
                + "; ".join(feedback.lines())
                + "."
            ]
            if feedback
            else []
        ),
        f"- Thresholds: {dev_path} (written in a separate session).",
        "- Lexicon: `smrisk/resources/lexicons/vulgar_nl.txt`, from LDNOOBW (CC BY 4.0).",
        "",
        "## Command",
        "",
        "```sh",
        "smrisk train data/harm/train-*.jsonl --dev data/harm/dev.jsonl --test data/harm/test.jsonl \\",
        "    --output models/smrisk_harm",
        "```",
        "",
        f"Training took {seconds:.0f} s. Scoring: {rate:,.0f} posts/s for the classifier alone "
        "(one process, best of three runs over ten copies of the held-out posts).",
        "",
        "## Metrics on the dev set (thresholds were tuned here)",
        "",
        "```",
        *dev.lines(),
        "```",
    ]
    if test is not None:
        sections += [
            "",
            f"## Metrics on the test set {test_path} (held out: never trained or tuned on)",
            "",
            "```",
            *test.lines(),
            "```",
        ]
    return "\n".join(sections) + "\n"
