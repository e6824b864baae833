"""TF-IDF vectorisers with the output of scikit-learn's and a several times faster transform.

``FastTfidfVectorizer`` is a ``TfidfVectorizer`` whose ``fit`` is scikit-learn's own. For
the settings the harm classifier uses (analyzer "char_wb", or "word" n-grams; sublinear
tf; l2 norm; lowercase) ``transform`` maps n-grams to columns directly, caching each
distinct word's character n-gram columns (words repeat a lot), and applies the same
weighting. Other settings fall back to scikit-learn. Tests check the matrices are equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

_CACHE_LIMIT = 200_000


class FastTfidfVectorizer(TfidfVectorizer):
    """``TfidfVectorizer`` with a fast ``transform`` for char_wb and word n-grams."""

    def _fast(self) -> bool:
        return (
            self.analyzer in ("char_wb", "word")
            and self.sublinear_tf
            and self.norm == "l2"
            and self.lowercase
            and self.stop_words is None
            and self.preprocessor is None
            and self.tokenizer is None
            and self.strip_accents is None
        )

    def _char_columns(self, word: str) -> list[int]:
        cache: dict[str, list[int]] = self.__dict__.setdefault("_columns_cache", {})
        columns = cache.get(word)
        if columns is None:
            vocabulary = self.vocabulary_
            padded = f" {word} "
            columns = []
            for n in range(self.ngram_range[0], self.ngram_range[1] + 1):
                for start in range(max(len(padded) - n + 1, 1)):
                    column = vocabulary.get(padded[start : start + n])
                    if column is not None:
                        columns.append(column)
                if len(padded) <= n:  # as scikit-learn: a short word's n-grams are counted once
                    break
            if len(cache) < _CACHE_LIMIT:
                cache[word] = columns
        return columns

    def _word_columns(self, document: str) -> list[int]:
        pattern = self.__dict__.get("_token_regex")
        if pattern is None:
            pattern = self.__dict__["_token_regex"] = re.compile(self.token_pattern)
        tokens = pattern.findall(document)
        get = self.vocabulary_.get
        low, high = self.ngram_range
        columns = []
        for n in range(low, high + 1):
            if n == 1:
                grams = tokens
            elif n == 2:
                grams = [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
            else:
                grams = [" ".join(tokens[start : start + n]) for start in range(len(tokens) - n + 1)]
            columns += [column for column in map(get, grams) if column is not None]
        return columns

    def transform(self, raw_documents: Iterable[str]) -> sparse.csr_matrix:
        check_is_fitted(self, "vocabulary_")
        if not self._fast():
            return super().transform(raw_documents)
        columns: list[int] = []
        indptr = [0]
        cached = self.__dict__.setdefault("_columns_cache", {}).get
        for document in raw_documents:
            document = document.lower()
            if self.analyzer == "word":
                columns += self._word_columns(document)
            else:
                for word in document.split():
                    found = cached(word)  # most words: a dictionary lookup, no method call
                    columns += found if found is not None else self._char_columns(word)
            indptr.append(len(columns))
        matrix = sparse.csr_matrix(
            (np.ones(len(columns)), np.asarray(columns, dtype=np.int64), np.asarray(indptr)),
            shape=(len(indptr) - 1, len(self.vocabulary_)),
        )
        matrix.sum_duplicates()
        matrix.data = (1.0 + np.log(matrix.data)) * self.idf_[matrix.indices]
        return normalize(matrix, norm="l2", copy=False)

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        state.pop("_columns_cache", None)  # caches, not part of the model
        state.pop("_token_regex", None)
        return state
