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
from typing import Any

import numpy as np
from scipy import sparse
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.utils.validation import check_is_fitted

from .corpus import HARM_LABELS, MAIN_LABELS
from .fast_tfidf import FastTfidfVectorizer, WordBatch
from .normalize import GluedWords, normalize

#: Words too common to explain anything ("je" or "de" pushes a score but tells a reviewer nothing).
FUNCTION_WORDS = frozenset(
    "ik je jij u hij zij ze we wij jullie hun hem haar mij me mijn jouw zijn het de een en of maar "
    "die dat dit deze is was ben bent zijn wordt werd na in op aan te van voor met bij naar om uit "
    "als dan ook nog wel niet geen er hier daar zo al wat wie waar hoe nu dus toch even gewoon "
    "heeft hebben had zit zitten gaat ga gaan kan kun moet wil zal zou mn m'n zn z'n".split()
)


#: Inverse regularisation strength, chosen by scripts/harm_select.py: fitted without two
#: whole writing sessions (train-h, train-k) and scored on them, C 10 / 30 gave macro-F1
#: 0.842 / 0.847 at 4.2% / 3.9% false alarms, the worst spelling variant 0.049 / 0.051 lower.
DEFAULT_C = 30.0
#: Attributes a fitted HarmClassifier builds from its models when first needed (not saved).
_DERIVED = ("stacked_", "word_names_", "word_weights_", "explainable_")


def _words_of(term: str) -> set[str]:
    """The words of a feature name, punctuation left out (an explanation names words)."""
    return {token for token in term.split() if any(c.isalnum() for c in token)}


@cache
def vulgar_terms() -> frozenset[str]:
    """The packaged vulgar-word lexicon (resources/lexicons/NOTICE.md)."""
    path = resources.files("smrisk") / "resources" / "lexicons" / "vulgar_nl.txt"
    return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}


class LexiconFeatures(TransformerMixin, BaseEstimator):
    """Per post: the share of vulgar words, the share of second-person words, and the length."""

    SECOND_PERSON = frozenset("je jij jou jouw jullie u ge gij zij hij ze hem haar".split())

    def fit(self, texts: Sequence[str], y: object = None) -> LexiconFeatures:
        self.n_features_in_ = 1
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        check_is_fitted(self, "n_features_in_")
        is_vulgar, is_second_person = vulgar_terms().__contains__, self.SECOND_PERSON.__contains__
        rows = []
        for text in texts:
            words = text.split()
            n = max(len(words), 1)
            rows.append(
                [
                    sum(map(is_vulgar, words)) / n,
                    sum(map(is_second_person, words)) / n,
                    min(len(words), 80) / 80,
                ]
            )
        return sparse.csr_matrix(np.asarray(rows, dtype=np.float64))

    def transform_words(self, batch: WordBatch) -> sparse.csr_matrix:
        """:meth:`transform` from words already split (lowercased: the same for normalised text)."""
        check_is_fitted(self, "n_features_in_")
        vulgar, second_person = vulgar_terms(), self.SECOND_PERSON
        lengths = np.diff(batch.indptr)
        post = np.repeat(np.arange(len(lengths)), lengths)
        rows = [
            np.bincount(
                post,
                weights=np.array([w in terms for w in batch.distinct], dtype=np.float64)[batch.codes],
                minlength=len(lengths),
            )
            / np.maximum(lengths, 1)
            for terms in (vulgar, second_person)
        ]
        return sparse.csr_matrix(np.column_stack([*rows, np.minimum(lengths, 80) / 80]))


def build_pipeline(C: float = 4.0, char_max_features: int = 150_000, calibrate: bool = True) -> Pipeline:
    """Normalised text -> word and character n-grams + lexicon counts -> one linear
    classifier per label, with calibrated (sigmoid) probabilities."""
    features = FeatureUnion(
        [
            (
                "words",
                FastTfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    min_df=2,
                    sublinear_tf=True,
                    token_pattern=r"\w+|[^\w\s]",  # words and punctuation marks
                ),
            ),
            (
                "chars",
                FastTfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(3, 5),
                    min_df=2,
                    sublinear_tf=True,
                    max_features=char_max_features,
                ),
            ),
            ("lexicon", LexiconFeatures()),
        ]
    )
    classifier = OneVsRestClassifier(_linear(C, calibrate))
    return Pipeline([("features", features), ("classifier", classifier)])


def build_gate(C: float = DEFAULT_C) -> CalibratedClassifierCV:
    """The "harmful at all" classifier, read on the same features as the label classifiers."""
    return _linear(C, calibrate=True)


def _linear(C: float, calibrate: bool) -> LogisticRegression | CalibratedClassifierCV:
    """The one linear model both use: balanced logistic regression, sigmoid-calibrated."""
    base = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, solver="liblinear")
    return CalibratedClassifierCV(base, method="sigmoid", cv=3, ensemble=False) if calibrate else base


class HarmClassifier(ClassifierMixin, BaseEstimator):
    """Multi-label harm classifier over ``labels`` with per-label decision thresholds.

    A label fires when its probability reaches its threshold and, with ``gate``, the post's
    probability of being harmful at all reaches ``gate_threshold_``: a second opinion,
    trained on every labelled post at once, that keeps idioms and reports from firing.
    """

    def __init__(
        self,
        labels: tuple[str, ...] = HARM_LABELS,
        C: float = DEFAULT_C,
        char_max_features: int = 150_000,
        calibrate: bool = True,
        gate: bool = True,
    ) -> None:
        self.labels = labels
        self.C = C
        self.char_max_features = char_max_features
        self.calibrate = calibrate
        self.gate = gate

    def fit(self, texts: Sequence[str], y: np.ndarray, groups: Sequence[int] | None = None) -> HarmClassifier:
        """Fit on posts and their 0/1 label matrix. ``groups`` keeps copies of one post (spelling
        variants) in the same calibration fold, so calibration never sees a post's twin."""
        y = np.asarray(y)
        if y.ndim != 2 or y.shape != (len(texts), len(self.labels)):
            raise ValueError(f"y must be {len(texts)} x {len(self.labels)}, got {y.shape}")
        folds = list(GroupKFold(n_splits=3).split(texts, groups=groups)) if groups is not None else 3
        for derived in _DERIVED:
            self.__dict__.pop(derived, None)
        self.pipeline_ = build_pipeline(self.C, self.char_max_features, self.calibrate)
        if self.calibrate:
            self.pipeline_.set_params(classifier__estimator__cv=folds)
        normalized = [normalize(t) for t in texts]
        self.pipeline_.fit(normalized, y)
        words = self.pipeline_.named_steps["features"].transformer_list[0][1]
        idf = words.idf_
        self.glued_words_ = GluedWords(
            {w: float(idf[i]) for w, i in words.vocabulary_.items() if " " not in w}
        )
        self.gate_ = None
        if self.gate:
            features = self.pipeline_.named_steps["features"].transform(normalized)
            gate = build_gate(self.C).set_params(cv=folds)
            self.gate_ = gate.fit(features, (y.sum(axis=1) > 0).astype(int))
        self.thresholds_ = np.full(len(self.labels), 0.5)
        self.gate_threshold_ = 0.0
        return self

    def features(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """The posts' feature rows (normalised text; word, character and lexicon columns)."""
        check_is_fitted(self, "pipeline_")
        batch = WordBatch.of([self.glued_words_(normalize(t)) for t in texts])
        # Every step reads the one split of the batch; FeatureUnion.transform would split it
        # for each, and its stacking goes through COO, several times slower.
        features = self.pipeline_.named_steps["features"]
        blocks = [step.transform_words(batch) for _, step in features.transformer_list]
        return sparse.hstack(blocks, format="csr")

    def scores(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Posts x labels probabilities, and per post the probability of any harm (1 without gate)."""
        return self.scores_of(self.features(texts))

    def scores_of(self, features: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`scores` for feature rows from :meth:`features`."""
        rows, n = features.shape[0], len(self.labels)
        stacked = self._stacked()
        if stacked is not None:
            found = stacked(features)
            return found[:, :n], found[:, n] if self.gate_ is not None else np.ones(rows)
        proba = self.pipeline_.named_steps["classifier"].predict_proba(features)
        gate = self.gate_.predict_proba(features)[:, 1] if self.gate_ is not None else np.ones(rows)
        return proba, gate

    def _stacked(self) -> StackedLinear | None:
        """The label classifiers and the gate as one :class:`StackedLinear`, where they allow."""
        if getattr(self, "stacked_", None) is None:
            classifier = self.pipeline_.named_steps["classifier"]
            outputs = [
                *getattr(classifier, "estimators_", []),
                *([self.gate_] if self.gate_ is not None else []),
            ]
            usable = getattr(classifier, "multilabel_", False) and StackedLinear.applies(outputs)
            self.stacked_ = StackedLinear(outputs) if usable else False
        return self.stacked_ or None

    def __getstate__(self) -> dict:
        state = dict(super().__getstate__())  # a copy: scikit-learn hands out the live __dict__
        for derived in _DERIVED:  # rebuilt from the fitted models when needed
            state.pop(derived, None)
        return state

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Posts x labels probabilities."""
        return self.scores(texts)[0]

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        """Posts x labels 0/1: each label at its own threshold, where the gate lets it."""
        return self.decide(*self.scores(texts))

    def decide(self, proba: np.ndarray, gate: np.ndarray) -> np.ndarray:
        """The 0/1 decisions for scores from :meth:`scores`."""
        return ((proba >= self.thresholds_) & (gate >= self.gate_threshold_)[:, None]).astype(np.int8)

    def tune_thresholds(
        self,
        texts: Sequence[str],
        y: np.ndarray,
        min_recall: dict[str, float] | None = None,
        max_false_alarm: float = 0.05,
        min_f1: float = 0.80,
    ) -> HarmClassifier:
        """Tune the thresholds on (dev) posts: :meth:`tune_on_scores` for their scores."""
        return self.tune_on_scores(*self.scores(texts), y, min_recall, max_false_alarm, min_f1)

    def tune_on_scores(
        self,
        proba: np.ndarray,
        gate: np.ndarray,
        y: np.ndarray,
        min_recall: dict[str, float] | None = None,
        max_false_alarm: float = 0.05,
        min_f1: float = 0.80,
    ) -> HarmClassifier:
        """Tune on scores of labelled posts (from :meth:`scores`, or from models that never saw
        those posts). For each gate threshold: per label the threshold with the best F1 (where
        ``min_recall`` names a label, among those keeping that recall), then thresholds raised
        one step at a time, where it costs the least F1, until at most ``max_false_alarm`` of
        the acceptable posts get a label. Keeps the gate threshold with the best mean F1, less
        penalties for false alarms left over the budget and main labels under ``min_f1``."""
        y = np.asarray(y)
        floors = [(min_recall or {}).get(label, 0.0) for label in self.labels]
        acceptable = y.sum(axis=1) == 0
        best: tuple[float, float, np.ndarray] | None = None
        for gate_threshold in np.round(np.arange(0.0, 0.61, 0.05), 2) if self.gate_ is not None else [0.0]:
            gated = proba * (gate >= gate_threshold)[:, None]
            tuned = [_best_threshold(gated[:, j], y[:, j], floors[j]) for j in range(len(self.labels))]
            if any(t is None for t in tuned):
                continue  # a required recall cannot be kept behind this gate
            thresholds = _hold_false_alarms(
                gated, y, np.array([t for t, _ in tuned]), floors, acceptable, max_false_alarm
            )
            f1s = [_f1(gated[:, j] >= t, y[:, j]) for j, t in enumerate(thresholds)]
            false_alarms = (
                float((gated[acceptable] >= thresholds).any(axis=1).mean()) if acceptable.any() else 0.0
            )
            main = [f1 for f1, label in zip(f1s, self.labels, strict=True) if label in MAIN_LABELS]
            shortfall = sum(max(0.0, min_f1 - f1) for f1 in main)
            objective = float(np.mean(f1s)) - 2 * max(0.0, false_alarms - max_false_alarm) - 2 * shortfall
            if best is None or objective > best[0]:
                best = (objective, float(gate_threshold), thresholds)
        if best is None:
            raise ValueError("no thresholds keep the required recall on these data")
        _, self.gate_threshold_, self.thresholds_ = best
        return self

    def explain(self, text: str, label: str, top: int = 4) -> list[str]:
        """The words and word pairs that pushed the ``label`` score up most (as the model read
        them: normalised), from the linear weights of the word features."""
        return self.explain_many([(text, label)], top)[0]

    def explain_many(
        self, cases: Sequence[tuple[str, str]], top: int = 4, features: sparse.csr_matrix | None = None
    ) -> list[list[str]]:
        """:meth:`explain` for many (text, label) pairs at once; ``features`` (their rows from
        :meth:`features`, if already computed) saves vectorising the texts again."""
        check_is_fitted(self, "pipeline_")
        if not cases:
            return []
        weights, names, explainable = self._word_weights(), self._word_names(), self._explainable()
        if features is None:
            features = self.features([text for text, _ in cases])
        rows = sparse.csr_matrix(features[:, : len(names)])  # the word columns come first
        # Every word feature of every case with its push on the case's label, then per case
        # the strongest pushes up, at most ``top``; words that explain nothing left out.
        case = np.repeat(np.arange(len(cases)), np.diff(rows.indptr))
        label = np.array([self.labels.index(label) for _, label in cases], dtype=np.int64)
        push = rows.data * weights[label[case], rows.indices]
        kept = (push > 0) & explainable[rows.indices]
        case, push, column = case[kept], push[kept], rows.indices[kept]
        order = np.lexsort((-column, -push, case))  # by case, strongest first
        case, column = case[order], column[order]
        starts = np.searchsorted(case, np.arange(len(cases)))
        rank = np.arange(len(case)) - starts[case]
        explanations: list[list[str]] = [[] for _ in cases]
        for i, k in zip(case[rank < top].tolist(), column[rank < top].tolist(), strict=True):
            explanations[i].append(names[k])
        return explanations

    def _explainable(self) -> np.ndarray:
        """Per word feature: whether it names a word that is no function word."""
        if getattr(self, "explainable_", None) is None:
            self.explainable_ = np.array(
                [not _words_of(name) <= FUNCTION_WORDS for name in self._word_names()]
            )
        return self.explainable_

    def _word_names(self) -> list[str]:
        """Word feature names by column, built once (scikit-learn rebuilds them on every call)."""
        if getattr(self, "word_names_", None) is None:
            words = self.pipeline_.named_steps["features"].transformer_list[0][1]
            self.word_names_ = [str(name) for name in words.get_feature_names_out()]
        return self.word_names_

    def _word_weights(self) -> np.ndarray:
        """Labels x word-features weights: each label's calibrated models' coefficients, averaged."""
        if getattr(self, "word_weights_", None) is None:
            words = self.pipeline_.named_steps["features"].transformer_list[0][1]
            n = len(words.vocabulary_)
            rows = []
            for estimator in self.pipeline_.named_steps["classifier"].estimators_:
                rows.append(np.mean([m.coef_[0, :n] for m, _ in _members(estimator)], axis=0))
            self.word_weights_ = np.vstack(rows)
        return self.word_weights_


class StackedLinear:
    """The logistic regressions (sigmoid-calibrated or not) behind some binary outputs as
    one weight matrix with a row per feature, so that a batch is scored by one sparse
    product reading each feature's weights together. scikit-learn's ``predict_proba``
    checks its input on every call and per calibrated model: at a scan's batches of a few
    hundred posts that cost ten times the product itself."""

    def __init__(self, outputs: Sequence[BaseEstimator]) -> None:
        parts = [(i, *part) for i, output in enumerate(outputs) for part in _logistic_parts(output)]
        self.weights = np.ascontiguousarray(np.column_stack([e.coef_[0] for _, e, _ in parts]))
        self.intercepts = np.array([e.intercept_[0] for _, e, _ in parts])
        self.a = np.array([c.a_ if c is not None else -1.0 for _, _, c in parts])  # plain: expit(d)
        self.b = np.array([c.b_ if c is not None else 0.0 for _, _, c in parts])
        # parts x outputs: each output is the mean of its parts
        self.mean = np.zeros((len(parts), len(outputs)))
        for row, (output, _, _) in enumerate(parts):
            self.mean[row, output] = 1.0
        self.mean /= self.mean.sum(axis=0)

    @staticmethod
    def applies(outputs: Sequence[BaseEstimator]) -> bool:
        """Whether every output is a binary logistic regression, sigmoid-calibrated or not."""
        return all(_logistic_parts(output) for output in outputs)

    def __call__(self, features: sparse.csr_matrix) -> np.ndarray:
        """Posts x outputs: each output's ``predict_proba(features)[:, 1]``."""
        decision = features @ self.weights + self.intercepts
        return expit(-(self.a * decision + self.b)) @ self.mean


def _members(model: BaseEstimator) -> list[tuple[BaseEstimator, list | None]]:
    """(fitted model, its calibrators) per model averaged into ``model``'s probability: the
    members of a calibrated ensemble, or ``model`` itself with no calibrators."""
    calibrated = getattr(model, "calibrated_classifiers_", None)
    return [(c.estimator, c.calibrators) for c in calibrated] if calibrated else [(model, None)]


def _logistic_parts(model: BaseEstimator) -> list[tuple[LogisticRegression, Any]]:
    """(logistic regression, sigmoid calibrator or None) per model averaged into ``model``'s
    probability; empty when ``model`` is something else."""
    found = []
    for estimator, calibrators in _members(model):
        if not (isinstance(estimator, LogisticRegression) and len(estimator.classes_) == 2):
            return []
        if calibrators is not None and not (len(calibrators) == 1 and hasattr(calibrators[0], "a_")):
            return []
        found.append((estimator, calibrators[0] if calibrators else None))
    return found


THRESHOLD_STEPS = np.round(np.arange(0.01, 0.96, 0.01), 2)


def _f1(predicted: np.ndarray, truth: np.ndarray) -> float:
    tp = int((predicted & (truth == 1)).sum())
    return 2 * tp / (int(predicted.sum()) + int((truth == 1).sum())) if tp else 0.0


def _hold_false_alarms(
    proba: np.ndarray,
    y: np.ndarray,
    thresholds: np.ndarray,
    floors: Sequence[float],
    acceptable: np.ndarray,
    budget: float,
) -> np.ndarray:
    """Raise thresholds step by step, each time on the label that gives up the least F1 per
    acceptable post it stops firing on, until the false-alarm rate is within ``budget`` (or
    no step helps without breaking a label's required recall)."""
    thresholds = thresholds.copy()
    negatives = proba[acceptable]
    if not len(negatives):
        return thresholds
    while (negatives >= thresholds).any(axis=1).mean() > budget:
        best: tuple[float, int, float] | None = None
        for j, threshold in enumerate(thresholds):
            positives = y[:, j] == 1
            fired = int((negatives[:, j] >= threshold).sum())
            for step in THRESHOLD_STEPS[threshold + 1e-9 < THRESHOLD_STEPS]:
                if positives.any() and (proba[positives, j] >= step).mean() < floors[j]:
                    break
                saved = fired - int((negatives[:, j] >= step).sum())
                if saved > 0:  # the lowest step up that stops the label on an acceptable post
                    cost = _f1(proba[:, j] >= threshold, y[:, j]) - _f1(proba[:, j] >= step, y[:, j])
                    if best is None or cost / saved < best[0]:
                        best = (cost / saved, j, float(step))
                    break
        if best is None:
            break
        thresholds[best[1]] = best[2]
    return thresholds


def _best_threshold(proba: np.ndarray, truth: np.ndarray, min_recall: float) -> tuple[float, float] | None:
    """(threshold, F1) with the best F1 among those keeping ``min_recall``; None if none does."""
    best: tuple[float, float] | None = None
    positives = truth == 1
    for threshold in THRESHOLD_STEPS:
        predicted = proba >= threshold
        recall = float(predicted[positives].mean()) if positives.any() else 0.0
        f1 = _f1(predicted, truth)
        if recall >= min_recall and (best is None or f1 > best[1]):
            best = (float(threshold), f1)
    return best
