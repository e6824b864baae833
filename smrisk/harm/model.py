"""The A7 harm classifier: one scikit-learn pipeline, per-label thresholds, explanations.

    model = HarmClassifier().fit(texts, Y)            # Y: posts x HARM_LABELS, 0/1
    model.tune_thresholds(dev_texts, dev_Y)           # per-label thresholds on dev data
    model.predict(["ik steek je neer"])               # 0/1 per label
    model.explain("ik steek je neer", "threat")       # ['steek', 'neer']

``build_pipeline()`` is the one place the features and the classifier are defined; the CLI
(`smrisk train`), the notebook and the tests all use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.utils.validation import check_is_fitted

from .corpus import HARM_LABELS
from .normalize import normalize

#: Words too common to explain anything ("je" or "de" pushes a score but tells a reviewer nothing).
FUNCTION_WORDS = frozenset(
    "ik je jij u hij zij ze we wij jullie hun hem haar mij me mijn jouw zijn het de een en of maar "
    "die dat dit deze is was ben bent zijn wordt werd na in op aan te van voor met bij naar om uit "
    "als dan ook nog wel niet geen er hier daar zo al wat wie waar hoe nu dus toch even gewoon "
    "heeft hebben had zit zitten gaat ga gaan kan kun moet wil zal zou".split()
)


@cache
def vulgar_terms() -> frozenset[str]:
    """The packaged vulgar-word lexicon (resources/lexicons/NOTICE.md)."""
    path = resources.files("smrisk") / "resources" / "lexicons" / "vulgar_nl.txt"
    return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}


class LexiconFeatures(TransformerMixin, BaseEstimator):
    """Counts per post: vulgar words, second-person words, and threat-like verbs of harm."""

    SECOND_PERSON = frozenset("je jij jou jouw jullie u ge gij zij hij ze hem haar".split())

    def fit(self, texts: Sequence[str], y: object = None) -> LexiconFeatures:
        self.n_features_in_ = 1
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        check_is_fitted(self, "n_features_in_")
        vulgar = vulgar_terms()
        rows = []
        for text in texts:
            words = text.split()
            n = max(len(words), 1)
            rows.append(
                [
                    sum(w in vulgar for w in words) / n,
                    sum(w in self.SECOND_PERSON for w in words) / n,
                    min(len(words), 80) / 80,
                ]
            )
        return sparse.csr_matrix(np.asarray(rows, dtype=np.float64))


def build_pipeline(C: float = 4.0, char_max_features: int = 150_000, calibrate: bool = True) -> Pipeline:
    """Normalised text -> word and character n-grams + lexicon counts -> one linear
    classifier per label, with calibrated (sigmoid) probabilities."""
    base = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, solver="liblinear")
    classifier = CalibratedClassifierCV(base, method="sigmoid", cv=3) if calibrate else base
    features = FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    min_df=2,
                    sublinear_tf=True,
                    token_pattern=r"(?u)\b\w+\b|[^\w\s]",
                ),
            ),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    min_df=2,
                    sublinear_tf=True,
                    max_features=char_max_features,
                ),
            ),
            ("lexicon", LexiconFeatures()),
        ]
    )
    return Pipeline([("features", features), ("classifier", OneVsRestClassifier(classifier))])


class HarmClassifier(ClassifierMixin, BaseEstimator):
    """Multi-label harm classifier over ``labels`` with per-label decision thresholds."""

    def __init__(
        self,
        labels: tuple[str, ...] = HARM_LABELS,
        C: float = 4.0,
        char_max_features: int = 150_000,
        calibrate: bool = True,
    ) -> None:
        self.labels = labels
        self.C = C
        self.char_max_features = char_max_features
        self.calibrate = calibrate

    def fit(self, texts: Sequence[str], y: np.ndarray) -> HarmClassifier:
        y = np.asarray(y)
        if y.ndim != 2 or y.shape != (len(texts), len(self.labels)):
            raise ValueError(f"y must be {len(texts)} x {len(self.labels)}, got {y.shape}")
        self.pipeline_ = build_pipeline(self.C, self.char_max_features, self.calibrate)
        self.pipeline_.fit([normalize(t) for t in texts], y)
        self.thresholds_ = np.full(len(self.labels), 0.5)
        return self

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Posts x labels probabilities."""
        check_is_fitted(self, "pipeline_")
        return self.pipeline_.predict_proba([normalize(t) for t in texts])

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """Posts x labels 0/1, each label at its own threshold."""
        return (self.predict_proba(texts) >= self.thresholds_).astype(np.int8)

    def tune_thresholds(
        self, texts: Sequence[str], y: np.ndarray, min_recall: dict[str, float] | None = None
    ) -> HarmClassifier:
        """Per label, the threshold with the best F1 on (dev) data; where ``min_recall`` names a
        label, the best F1 among thresholds that keep at least that recall."""
        check_is_fitted(self, "pipeline_")
        proba = self.predict_proba(texts)
        y = np.asarray(y)
        min_recall = min_recall or {}
        thresholds = []
        for j, label in enumerate(self.labels):
            best, best_f1 = 0.5, -1.0
            for threshold in np.arange(0.05, 0.96, 0.01):
                predicted = proba[:, j] >= threshold
                tp = int((predicted & (y[:, j] == 1)).sum())
                fp = int((predicted & (y[:, j] == 0)).sum())
                fn = int((~predicted & (y[:, j] == 1)).sum())
                recall = tp / (tp + fn) if tp + fn else 0.0
                f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
                if recall >= min_recall.get(label, 0.0) and f1 > best_f1:
                    best, best_f1 = float(threshold), f1
            thresholds.append(best)
        self.thresholds_ = np.array(thresholds)
        return self

    def explain(self, text: str, label: str, top: int = 4) -> list[str]:
        """The words and word pairs that pushed the ``label`` score up most (as the model read
        them: normalised), from the linear weights of the word features."""
        check_is_fitted(self, "pipeline_")
        j = self.labels.index(label)
        words = self.pipeline_.named_steps["features"].transformer_list[0][1]
        row = words.transform([normalize(text)])
        weights = self._word_weights()[j]
        contributions = [(row[0, k] * weights[k], k) for k in row.indices]
        names = words.get_feature_names_out()
        ranked = sorted((c for c in contributions if c[0] > 0), reverse=True)
        terms = [str(names[k]) for _, k in ranked]
        return [t for t in terms if not set(t.split()) <= FUNCTION_WORDS][:top]

    def _word_weights(self) -> np.ndarray:
        """Labels x word-features weights: each label's calibrated models' coefficients, averaged."""
        if getattr(self, "word_weights_", None) is None:
            words = self.pipeline_.named_steps["features"].transformer_list[0][1]
            n = len(words.vocabulary_)
            rows = []
            for estimator in self.pipeline_.named_steps["classifier"].estimators_:
                inner = getattr(estimator, "calibrated_classifiers_", None)
                models = [c.estimator for c in inner] if inner else [estimator]
                rows.append(np.mean([m.coef_[0, :n] for m in models], axis=0))
            self.word_weights_ = np.vstack(rows)
        return self.word_weights_
