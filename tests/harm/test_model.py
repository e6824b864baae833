"""The harm classifier on a small sample of the project's corpus (fast; the full model is
measured by `smrisk evaluate`, not here)."""

import numpy as np
import pytest

from smrisk.harm.corpus import HARM_LABELS, label_matrix, read_corpus
from smrisk.harm.model import HarmClassifier, LexiconFeatures, build_pipeline
from smrisk.harm.normalize import normalize

from ..conftest import ROOT


@pytest.fixture(scope="module")
def sample():
    posts = read_corpus([ROOT / "data" / "harm" / "train-a.jsonl"])
    return posts[:900]


@pytest.fixture(scope="module")
def model(sample):
    texts = [p.text for p in sample]
    return HarmClassifier(calibrate=False).fit(texts, label_matrix(sample))


def test_build_pipeline_is_one_sklearn_pipeline():
    pipeline = build_pipeline()
    assert [name for name, _ in pipeline.steps] == ["features", "classifier"]


def test_fit_predict_shapes_and_thresholds(model, sample):
    texts = [p.text for p in sample[:50]]
    proba = model.predict_proba(texts)
    assert proba.shape == (50, len(HARM_LABELS)) and ((proba >= 0) & (proba <= 1)).all()
    assert set(np.unique(model.predict(texts))) <= {0, 1}
    assert (model.thresholds_ == 0.5).all()


def test_thresholds_tuned_per_label_keep_required_recall(model, sample):
    texts, y = [p.text for p in sample], label_matrix(sample)
    model.tune_thresholds(texts, y, min_recall={"threat": 0.95})
    threat = HARM_LABELS.index("threat")
    predicted = model.predict(texts)[:, threat].astype(bool)
    recall = (predicted & (y[:, threat] == 1)).sum() / y[:, threat].sum()
    assert recall >= 0.95


def test_learns_the_difference_on_seen_words(model):
    threat = HARM_LABELS.index("threat")
    proba = model.predict_proba(["ik steek je neer na school", "wat een gezellige ouderavond"])
    assert proba[0, threat] > proba[1, threat]


def test_explain_names_words_from_the_post(model):
    text = "ik steek je neer na school"
    reasons = model.explain(text, "threat")
    assert reasons and all(set(reason.split()) <= set(text.split()) for reason in reasons)


def test_fit_rejects_a_wrong_label_matrix():
    with pytest.raises(ValueError, match="y must be"):
        HarmClassifier().fit(["a", "b"], np.zeros((2, 3)))


@pytest.mark.parametrize("calibrate", [False, True])
def test_scores_equal_scikit_learns_predict_proba(sample, calibrate):
    texts = [p.text for p in sample]
    model = HarmClassifier(calibrate=calibrate).fit(texts[:600], label_matrix(sample[:600]))
    features = model.features(texts[600:])
    proba, gate = model.scores_of(features)
    assert np.abs(proba - model.pipeline_.named_steps["classifier"].predict_proba(features)).max() < 1e-12
    assert np.abs(gate - model.gate_.predict_proba(features)[:, 1]).max() < 1e-12


def test_lexicon_features_per_post():
    rows = LexiconFeatures().fit([]).transform(["jij bent een kut", "", "a " * 100]).toarray()
    assert rows.tolist() == [[0.25, 0.25, 4 / 80], [0.0, 0.0, 0.0], [0.0, 0.0, 1.0]]


def test_features_equal_the_feature_union(model, sample):
    """features() splits each batch once for every step; the pipeline's FeatureUnion, used in
    training, splits it per step: the same rows."""
    texts = [p.text for p in sample[:200]] + ["", "JIJ Kut!!"]
    union = model.pipeline_.named_steps["features"]
    expected = union.transform([model.glued_words_(normalize(t)) for t in texts])
    assert abs(model.features(texts) - expected).max() < 1e-12
