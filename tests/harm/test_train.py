"""Fitting across writing sessions and tuning thresholds on scores (smrisk.harm.train, model)."""

from dataclasses import replace

import numpy as np
import pytest

from smrisk.harm.corpus import HARM_LABELS, read_corpus
from smrisk.harm.model import HarmClassifier
from smrisk.harm.train import fit, fit_tuned, session_scores

from ..conftest import ROOT

THREAT = HARM_LABELS.index("threat")


def synthetic_scores(seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """2,000 posts, a third harmful: positives score higher than acceptable posts, with overlap."""
    rng = np.random.default_rng(seed)
    y = np.zeros((2000, len(HARM_LABELS)), dtype=int)
    harmful = rng.random(2000) < 0.33
    y[harmful, rng.integers(0, 4, harmful.sum())] = 1
    proba = np.clip(rng.beta(1.2, 6, y.shape) + y * (0.3 + 0.4 * rng.random(y.shape)), 0, 1)
    return proba, np.ones(2000), y


def false_alarms(model: HarmClassifier, proba: np.ndarray, gate: np.ndarray, y: np.ndarray) -> float:
    return float(model.decide(proba, gate)[y.sum(axis=1) == 0].any(axis=1).mean())


@pytest.mark.parametrize("budget", [0.03, 0.10])
def test_thresholds_hold_the_false_alarm_budget_and_the_threat_recall(budget):
    proba, gate, y = synthetic_scores()
    model = HarmClassifier(gate=False)
    model.gate_ = None
    model.tune_on_scores(proba, gate, y, min_recall={"threat": 0.8}, max_false_alarm=budget)
    assert false_alarms(model, proba, gate, y) <= budget
    threat = model.decide(proba, gate)[:, THREAT].astype(bool)
    assert threat[y[:, THREAT] == 1].mean() >= 0.8


def test_a_tighter_budget_raises_thresholds():
    proba, gate, y = synthetic_scores()
    loose, tight = HarmClassifier(gate=False), HarmClassifier(gate=False)
    loose.gate_ = tight.gate_ = None
    loose.tune_on_scores(proba, gate, y, max_false_alarm=0.5)
    tight.tune_on_scores(proba, gate, y, max_false_alarm=0.02)
    assert (tight.thresholds_ >= loose.thresholds_).all() and (tight.thresholds_ > loose.thresholds_).any()
    assert false_alarms(tight, proba, gate, y) < false_alarms(loose, proba, gate, y)


@pytest.fixture(scope="module")
def sessions():
    a = read_corpus([ROOT / "data" / "harm" / "train-a.jsonl"])[:300]
    b = read_corpus([ROOT / "data" / "harm" / "train-b.jsonl"])[:300]
    # A word only session b uses for threats: a model that never read b cannot know it.
    threats = [p for p in b if "threat" in p.labels][:20]
    marked = [replace(p, text=f"zorblax {p.text} zorblax") for p in threats]
    return [a, b[:280] + marked]


def test_session_scores_come_from_models_that_never_saw_the_session(sessions):
    proba, gate, y = session_scores(sessions, C=1.0, augment=False)
    assert proba.shape == (600, len(HARM_LABELS)) and gate.shape == (600,) and y.shape == proba.shape
    assert (y[-20:, THREAT] == 1).all()
    seen = fit(sessions[0] + sessions[1], C=1.0, augment=False)
    marked = [p.text for p in sessions[1][-20:]]
    assert proba[-20:, THREAT].mean() < seen.predict_proba(marked)[:, THREAT].mean() - 0.1


def test_fit_tuned_tunes_on_dev_and_across_sessions(sessions):
    dev = read_corpus([ROOT / "data" / "harm" / "dev.jsonl"])[:150]
    model = fit_tuned(sessions, dev, C=1.0, min_threat_recall=0.5, augment=False)
    assert model.thresholds_.shape == (len(HARM_LABELS),) and not (model.thresholds_ == 0.5).all()
    assert 0.0 <= model.gate_threshold_ <= 0.6
