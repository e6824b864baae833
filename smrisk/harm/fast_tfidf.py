"""TF-IDF vectorisers with the output of scikit-learn's and a several times faster transform.

``FastTfidfVectorizer`` is a ``TfidfVectorizer`` whose ``fit`` is scikit-learn's own. For
the settings the harm classifier uses (analyzer "char_wb", or "word" 1- and 2-grams with a
token pattern whose tokens never span whitespace; sublinear tf; l2 norm; lowercase)
``transform`` counts the n-grams with the help of the words between spaces: posts repeat
words, so each distinct word of a batch is analysed once (and cached across batches), and
the counts per post are a sparse product, (post x word) @ (word x n-gram), or for word
bigrams a vectorised lookup of token-id pairs. The weighting is scikit-learn's. Other
settings fall back to scikit-learn. Tests check the matrices are equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

_CACHE_LIMIT = 200_000
#: Token patterns whose tokens never hold whitespace, so tokenising the words between
#: spaces one by one gives the tokens of the whole text.
_WORD_PATTERNS = frozenset((r"\w+|[^\w\s]", r"(?u)\b\w+\b|[^\w\s]", r"(?u)\b\w\w+\b"))
_NO_TOKEN = -1


class FastTfidfVectorizer(TfidfVectorizer):
    """``TfidfVectorizer`` with a fast ``transform`` for char_wb and word n-grams."""

    def _fast(self) -> bool:
        settings = (
            self.sublinear_tf
            and self.norm == "l2"
            and self.lowercase
            and self.stop_words is None
            and self.preprocessor is None
            and self.tokenizer is None
            and self.strip_accents is None
        )
        if self.analyzer == "word":
            return settings and self.token_pattern in _WORD_PATTERNS and self.ngram_range[1] <= 2
        return settings and self.analyzer == "char_wb"

    def transform(self, raw_documents: Iterable[str]) -> sparse.csr_matrix:
        check_is_fitted(self, "vocabulary_")
        if not self._fast():
            return super().transform(raw_documents)
        words_per_document = [document.lower().split() for document in raw_documents]
        index: dict[str, int] = {}  # distinct word of the batch -> its row
        add = index.setdefault
        codes = np.fromiter(
            (add(word, len(index)) for word in chain.from_iterable(words_per_document)), dtype=np.int64
        )
        indptr = np.zeros(len(words_per_document) + 1, dtype=np.int64)
        np.cumsum([len(words) for words in words_per_document], out=indptr[1:])
        if self.analyzer == "word":
            counts = self._word_counts(list(index), codes, indptr)
        else:
            counts = self._char_counts(list(index), codes, indptr)
        counts.data = (1.0 + np.log(counts.data)) * self.idf_[counts.indices]
        return normalize(counts, norm="l2", copy=False)

    def _cache(self) -> dict[str, list[int]]:
        """Per word, what the analyzer found in it (char n-gram columns or token ids)."""
        cache = self.__dict__.setdefault("_columns_cache", {})
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        return cache

    def _char_counts(self, distinct: list[str], codes: np.ndarray, indptr: np.ndarray) -> sparse.csr_matrix:
        """Counts of char n-grams per post: (post x word) @ (word x n-gram)."""
        cache = self._cache()
        columns = []
        for word in distinct:
            found = cache.get(word)
            if found is None:
                found = cache[word] = self._char_columns(word)
            columns.append(found)
        words = _rows(columns, len(self.vocabulary_))
        posts = sparse.csr_matrix(
            (np.ones(len(codes)), codes, indptr), shape=(len(indptr) - 1, len(distinct))
        )
        return (posts @ words).tocsr()

    def _char_columns(self, word: str) -> list[int]:
        """Columns of the char n-grams of one word, as scikit-learn's char_wb counts them."""
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
        return columns

    def _word_counts(self, distinct: list[str], codes: np.ndarray, indptr: np.ndarray) -> sparse.csr_matrix:
        """Counts of word 1- and 2-grams per post, from the token ids of each word."""
        tokens, unigram_columns, bigram_keys, bigram_columns = self._token_tables()
        cache, pattern = self._cache(), self.__dict__["_token_regex"]
        ids = []
        for word in distinct:
            found = cache.get(word)
            if found is None:
                found = cache[word] = [tokens.get(token, _NO_TOKEN) for token in pattern.findall(word)]
            ids.append(found)
        # The posts' token ids in order: each word's ids, gathered by the word's code.
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        starts = np.cumsum(lengths) - lengths
        flat_ids = np.fromiter(chain.from_iterable(ids), dtype=np.int64, count=int(lengths.sum()))
        taken = lengths[codes]
        ends = np.cumsum(taken)
        sequence = flat_ids[
            np.repeat(starts[codes] - (ends - taken), taken) + np.arange(ends[-1] if len(ends) else 0)
        ]
        post_ends = np.concatenate(([0], ends))[indptr]
        post = np.repeat(np.arange(len(indptr) - 1), np.diff(post_ends))
        rows, columns = [], []
        low, high = self.ngram_range
        if low == 1:
            column = np.where(sequence >= 0, unigram_columns[sequence], _NO_TOKEN)
            rows.append(post[column >= 0])
            columns.append(column[column >= 0])
        if high == 2 and len(sequence) > 1:
            first, second = sequence[:-1], sequence[1:]
            pair = (post[:-1] == post[1:]) & (first >= 0) & (second >= 0)
            keys = first[pair] * len(tokens) + second[pair]
            at = np.minimum(np.searchsorted(bigram_keys, keys), max(len(bigram_keys) - 1, 0))
            hit = bigram_keys[at] == keys if len(bigram_keys) else np.zeros(len(keys), dtype=bool)
            rows.append(post[:-1][pair][hit])
            columns.append(bigram_columns[at[hit]])
        rows_, columns_ = np.concatenate(rows or [[]]), np.concatenate(columns or [[]])
        shape = (len(indptr) - 1, len(self.vocabulary_))
        return sparse.csr_matrix(
            (np.ones(len(rows_)), (rows_.astype(np.int64), columns_.astype(np.int64))), shape=shape
        )

    def _token_tables(self) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
        """Built once from ``vocabulary_``: an id per token of any n-gram; per token id its
        unigram column (or -1); the bigrams as sorted keys (first id * tokens + second id)
        and their columns."""
        tables = self.__dict__.get("_token_tables_")
        if tables is None:
            self.__dict__["_token_regex"] = re.compile(self.token_pattern)
            tokens: dict[str, int] = {}
            for gram in self.vocabulary_:
                for token in gram.split(" "):
                    tokens.setdefault(token, len(tokens))
            unigram_columns = np.full(len(tokens), _NO_TOKEN, dtype=np.int64)
            keys, columns = [], []
            for gram, column in self.vocabulary_.items():
                parts = gram.split(" ")
                if len(parts) == 1:
                    unigram_columns[tokens[gram]] = column
                else:
                    keys.append(tokens[parts[0]] * len(tokens) + tokens[parts[1]])
                    columns.append(column)
            order = np.argsort(np.asarray(keys, dtype=np.int64))
            bigram_keys = np.asarray(keys, dtype=np.int64)[order]
            bigram_columns = np.asarray(columns, dtype=np.int64)[order]
            tables = self.__dict__["_token_tables_"] = (tokens, unigram_columns, bigram_keys, bigram_columns)
        return tables

    def __getstate__(self) -> dict:
        state = super().__getstate__()
        for derived in ("_columns_cache", "_token_regex", "_token_tables_"):  # not part of the model
            state.pop(derived, None)
        return state


def _rows(columns: list[list[int]], width: int) -> sparse.csr_matrix:
    """A count matrix with one row per list of column indices."""
    lengths = np.fromiter(map(len, columns), dtype=np.int64, count=len(columns))
    indptr = np.zeros(len(columns) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.fromiter(chain.from_iterable(columns), dtype=np.int64, count=int(indptr[-1]))
    return sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(columns), width))
