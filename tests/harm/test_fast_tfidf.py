"""The fast TF-IDF transform gives scikit-learn's matrices exactly."""

import pickle

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from smrisk.harm.corpus import read_corpus
from smrisk.harm.fast_tfidf import FastTfidfVectorizer
from smrisk.harm.normalize import normalize

from ..conftest import ROOT


@pytest.fixture(scope="module")
def texts():
    posts = read_corpus([ROOT / "data" / "harm" / "dev.jsonl"])
    return [normalize(p.text) for p in posts]


@pytest.mark.parametrize(
    "settings",
    [
        {"analyzer": "char_wb", "ngram_range": (3, 5), "min_df": 2, "sublinear_tf": True},
        {"analyzer": "char_wb", "ngram_range": (1, 6), "sublinear_tf": True, "max_features": 5000},
        {
            "analyzer": "word",
            "ngram_range": (1, 2),
            "min_df": 2,
            "sublinear_tf": True,
            "token_pattern": r"(?u)\b\w+\b|[^\w\s]",
        },
        {"analyzer": "word", "ngram_range": (1, 2), "sublinear_tf": True, "token_pattern": r"\w+|[^\w\s]"},
        {"analyzer": "word", "ngram_range": (2, 2), "min_df": 2, "sublinear_tf": True},
        {"analyzer": "word", "ngram_range": (1, 1), "sublinear_tf": True, "max_features": 300},
        {"analyzer": "char", "ngram_range": (2, 3)},  # not a fast setting: falls back
    ],
)
def test_same_matrix_as_scikit_learn(texts, settings):
    test = texts[600:] + ["", "a", "een heel kort", "tab\tnieuwe\nregel  dubbel", "ik ik ik, jij!!"]
    expected = TfidfVectorizer(**settings).fit(texts[:600]).transform(test)
    fast = FastTfidfVectorizer(**settings).fit(texts[:600])
    assert fast._fast() is (settings["analyzer"] != "char")
    restored = pickle.loads(pickle.dumps(fast))  # the vocabulary is pickled packed
    assert isinstance(fast.vocabulary_, dict) and restored.vocabulary_ == fast.vocabulary_
    for vectorizer in (fast, fast, restored):  # the second time from the word caches
        got = vectorizer.transform(test)
        assert got.shape == expected.shape
        assert abs(got - expected).max() < 1e-12


@pytest.mark.parametrize("analyzer", ["char_wb", "word"])
def test_a_new_fit_forgets_what_the_old_vocabulary_built(texts, analyzer):
    settings = {
        "analyzer": analyzer,
        "ngram_range": (1, 2) if analyzer == "word" else (3, 5),
        "sublinear_tf": True,
    }
    fast = FastTfidfVectorizer(**settings).fit(texts[:300])
    fast.transform(texts[600:])  # fills the word caches and tables of the first vocabulary
    fast.fit(texts[300:600])
    expected = TfidfVectorizer(**settings).fit(texts[300:600]).transform(texts[600:])
    assert abs(fast.transform(texts[600:]) - expected).max() < 1e-12
    fast.fit_transform(texts[:300])
    expected = TfidfVectorizer(**settings).fit(texts[:300]).transform(texts[600:])
    assert abs(fast.transform(texts[600:]) - expected).max() < 1e-12
