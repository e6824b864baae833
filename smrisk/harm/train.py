"""Train, save and load the harm classifier as a hash-checked artefact with a model card."""

from __future__ import annotations

import pickle
import platform
import time
from collections.abc import Sequence
from pathlib import Path

import joblib
import numpy as np
import sklearn

from ..errors import ModelError
from ..models import verify_model, write_manifest
from ..scanner import BATCH_SIZE
from .corpus import HarmPost, label_matrix, read_corpus
from .evaluate import VARIANTS, HarmReport, evaluate, spelling_variant
from .feedback import Feedback
from .model import DEFAULT_C, HarmClassifier

MODEL_FILE = "model.joblib"
#: Spelling-variant copies of each training post.
VARIANT_COPIES = 3
#: Groups of writing sessions scored across (session_scores).
SESSION_FOLDS = 3
DEFAULT_NAME = "smrisk_harm"


def train(
    train_paths: Sequence[Path],
    dev_path: Path,
    output: Path,
    test_path: Path | None = None,
    C: float = DEFAULT_C,
    min_threat_recall: float = 0.93,
    augment: bool = True,
    feedback: Feedback | None = None,
) -> tuple[HarmClassifier, HarmReport, HarmReport | None]:
    """Fit on ``train_paths`` (one writing session per file), tune thresholds on ``dev_path`` and
    the sessions scored across (:func:`fit_tuned`), save to ``output`` with a card.

    ``test_path`` (optional) is only evaluated, for the card; nothing is tuned on it.
    ``feedback`` (from :func:`~smrisk.harm.feedback.read_feedback`) adds the reviewed posts.
    """
    sessions = [read_corpus([path]) for path in train_paths]
    extra = list(feedback.posts) if feedback else []
    dev_posts = read_corpus([dev_path])
    started = time.perf_counter()
    model = fit_tuned(
        sessions, dev_posts, C=C, min_threat_recall=min_threat_recall, augment=augment, extra=extra
    )
    seconds = time.perf_counter() - started
    dev_report = evaluate(model, dev_posts, robustness=False)
    test_posts = read_corpus([test_path]) if test_path else []
    test_report = evaluate(model, test_posts) if test_path else None
    rates = unseen_throughput(
        model, [p for session in sessions for p in session], dev_posts, test_posts or dev_posts
    )
    card = _card(
        model,
        train_paths,
        dev_path,
        test_path,
        sum(map(len, sessions)) + len(extra),
        seconds,
        rates,
        dev_report,
        test_report,
        feedback,
    )
    save(model, output, card)
    return model, dev_report, test_report


def fit(posts: Sequence[HarmPost], C: float = DEFAULT_C, augment: bool = True) -> HarmClassifier:
    """A classifier fitted on ``posts`` (with ``augment``, also on VARIANT_COPIES spelling
    variants of each; a post and its variants share a calibration fold). Thresholds stay at 0.5."""
    texts, y = [p.text for p in posts], label_matrix(posts)
    groups = list(range(len(texts)))
    if augment:
        texts, y = with_spelling_variants(texts, y, VARIANT_COPIES)
        groups *= VARIANT_COPIES + 1
    return HarmClassifier(C=C).fit(texts, y, groups=groups)


def session_scores(
    sessions: Sequence[Sequence[HarmPost]],
    C: float = DEFAULT_C,
    augment: bool = True,
    extra: Sequence[HarmPost] = (),
    folds: int = SESSION_FOLDS,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every session's posts scored by a classifier that never saw that session: the sessions
    are dealt into ``folds`` groups and each group is scored by a model fitted on the others
    (and ``extra``), which is how the model does on writers it has never read. Returns
    probabilities, gate scores and labels, group after group."""
    groups = [sessions[i :: min(folds, len(sessions))] for i in range(min(folds, len(sessions)))]
    parts = []
    for i, group in enumerate(groups):
        held_out = [post for session in group for post in session]
        others = [post for j, g in enumerate(groups) if j != i for session in g for post in session]
        proba, gate = fit([*others, *extra], C, augment).scores([p.text for p in held_out])
        parts.append((proba, gate, label_matrix(held_out)))
    return tuple(np.concatenate([part[k] for part in parts]) for k in range(3))  # type: ignore[return-value]


def fit_tuned(
    sessions: Sequence[Sequence[HarmPost]],
    dev: Sequence[HarmPost],
    C: float = DEFAULT_C,
    min_threat_recall: float = 0.93,
    augment: bool = True,
    extra: Sequence[HarmPost] = (),
) -> HarmClassifier:
    """Fit on every session (writing sessions of the training data, one per file) and tune the
    thresholds on the dev posts plus, with two sessions or more, each session as scored by a
    model that never saw it (:func:`session_scores`): thresholds tuned on 900 dev posts alone
    did not carry to other writers."""
    model = fit([post for session in sessions for post in session] + list(extra), C, augment)
    proba, gate = model.scores([p.text for p in dev])
    scored = [(proba, gate, label_matrix(dev))]
    if len(sessions) > 1:
        scored.append(session_scores(sessions, C, augment, extra))
    model.tune_on_scores(
        *(np.concatenate([part[k] for part in scored]) for k in range(3)),
        min_recall={"threat": min_threat_recall},
    )
    return model


def with_spelling_variants(texts: list[str], y: np.ndarray, copies: int = 1) -> tuple[list[str], np.ndarray]:
    """The posts plus ``copies`` spelling-variant copies of each, each copy of another kind
    (kinds in turn: leet, missing and extra spaces, swapped letters, elongations), so the
    classifier sees how people misspell."""
    kinds = list(VARIANTS)
    variants = [
        spelling_variant(text, kinds[(i + copy) % len(kinds)], seed=1 + copy)
        for copy in range(copies)
        for i, text in enumerate(texts)
    ]
    return texts + variants, np.vstack([y] * (copies + 1))


def throughput(
    model: HarmClassifier,
    texts: Sequence[str],
    warm_up: Sequence[str],
    batch_size: int = BATCH_SIZE,
    repeats: int = 5,
) -> float:
    """Posts per second of the classifier alone (one process), as the scanner calls it: a
    copy as loaded from disk (no word caches), warmed up on ``warm_up``, then scoring
    ``texts`` once, in batches of ``batch_size``; the median of ``repeats`` fresh copies
    (one pass takes a fraction of a second, and a busy machine shows in a single one)."""
    rates = []
    for _ in range(repeats):
        fresh = pickle.loads(pickle.dumps(model))
        for start in range(0, len(warm_up), batch_size):
            fresh.scores(warm_up[start : start + batch_size])
        started = time.perf_counter()
        for start in range(0, len(texts), batch_size):
            fresh.scores(texts[start : start + batch_size])
        rates.append(len(texts) / (time.perf_counter() - started))
    return float(np.median(rates))


def unseen_throughput(
    model: HarmClassifier,
    train_posts: Sequence[HarmPost],
    dev_posts: Sequence[HarmPost],
    held_out: Sequence[HarmPost],
) -> tuple[float, float]:
    """:func:`throughput` on the ``held_out`` posts, unseen: after the model has read only the
    dev posts, and after it has read the training and dev posts (as in a long scan)."""
    texts, dev = [p.text for p in held_out], [p.text for p in dev_posts]
    return throughput(model, texts, dev), throughput(model, texts, [p.text for p in train_posts] + dev)


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
    rates: tuple[float, float],
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
        "accents, leetspeak, elongations, spaced letters; words written together split into words "
        "the classifier knows), word 1-2-grams and character 3-5-grams (TF-IDF), lexicon counts; "
        "one logistic regression per label with sigmoid-calibrated "
        f"probabilities (C={model.C}); a gate (one more calibrated logistic regression on the same "
        f"features: is the post harmful at all?) at {model.gate_threshold_:.2f}; per-label thresholds "
        f"({thresholds}) tuned on the dev set together with the training files (one writing "
        f"session each, dealt into {SESSION_FOLDS} groups) as scored by models fitted on the other "
        "groups: first for the best F1 per label (threat: keeping the required recall), then raised "
        "where that costs the least F1 until at most 5% of the acceptable posts there get a label. "
        f"Training sees every post {VARIANT_COPIES + 1} times: as written and as {VARIANT_COPIES} "
        "spelling variants of different kinds (leet, missing or extra spaces, swapped letters, "
        "elongations, in turn); a post and its variants stay in the same calibration fold. "
        "Stalking, hacking and radicalisation are trained like the others (the corpus carries "
        "them with 150-400 examples each).",
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
        f"- Thresholds: {dev_path} (written in a separate session) and the training files "
        "scored across sessions. The settings (C, spelling-variant copies) were chosen by "
        "`scripts/harm_select.py`: fitted without two whole writing sessions (train-h, train-k) "
        "and scored on them, never on the test set.",
        "- Lexicon: `smrisk/resources/lexicons/vulgar_nl.txt`, from LDNOOBW (CC BY 4.0).",
        "",
        "## Command",
        "",
        "```sh",
        "smrisk train data/harm/train-*.jsonl --dev data/harm/dev.jsonl --test data/harm/test.jsonl \\",
        "    --output models/smrisk_harm",
        "```",
        "",
        f"Training took {seconds:.0f} s. Scoring, the classifier alone in one process, a fresh "
        f"copy of the model scoring the held-out posts once, {BATCH_SIZE} at a time as a scan "
        f"calls it: {rates[1]:,.0f} posts/s after it has read the training and dev posts (words "
        f"it has met are analysed once, as in a long scan), {rates[0]:,.0f} posts/s after only "
        f"the dev posts.",
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
