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
from dataclasses import dataclass
from itertools import chain, count

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from .packing import PackedTerms

_CACHE_LIMIT = 200_000
#: Token patterns whose tokens never hold whitespace, so tokenising the words between
#: spaces one by one gives the tokens of the whole text.
_WORD_PATTERNS = frozenset((r"\w+|[^\w\s]", r"(?u)\b\w+\b|[^\w\s]", r"(?u)\b\w\w+\b"))
#: Of those, the patterns that take any word of letters and digits as one token.
_WHOLE_WORD_PATTERNS = frozenset((r"\w+|[^\w\s]", r"(?u)\b\w+\b|[^\w\s]"))
_NO_TOKEN = -1
#: What a fitted vectoriser builds from its vocabulary when first needed: not saved, and
#: dropped by a new fit.
_DERIVED = ("_columns_cache", "_token_tables_", "_gram_tables_")


@dataclass(frozen=True)
class WordBatch:
    """A batch of documents split between spaces, lowercased: each distinct word once (in
    order of first appearance), the row of each word in ``distinct``, and where each
    document's words start and end in ``codes``. The harm classifier's vectorisers and
    lexicon features all read the same split."""

    documents: list[str]
    distinct: list[str]
    codes: np.ndarray
    indptr: np.ndarray

    @classmethod
    def of(cls, documents: list[str]) -> WordBatch:
        words_per_document = [document.lower().split() for document in documents]
        words = list(chain.from_iterable(words_per_document))
        # Each word is given its position and keeps the first position of its kind (all in C,
        # no Python call per word); the first positions, numbered in order, are the rows.
        index: dict[str, int] = {}
        first = np.fromiter(map(index.setdefault, words, count()), dtype=np.int64, count=len(words))
        rank = np.cumsum(first == np.arange(len(words))) - 1
        return cls(documents, list(index), rank[first], _offsets(map(len, words_per_document)))


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
        return self.transform_words(WordBatch.of(list(raw_documents)))

    def transform_words(self, batch: WordBatch) -> sparse.csr_matrix:
        """:meth:`transform` of ``batch.documents``, from their words already split."""
        check_is_fitted(self, "vocabulary_")
        if not self._fast():
            return super().transform(batch.documents)
        if self.analyzer == "word":
            counts = self._word_counts(batch.distinct, batch.codes, batch.indptr)
        else:
            counts = self._char_counts(batch.distinct, batch.codes, batch.indptr)
        counts.data = (1.0 + np.log(counts.data)) * self.idf_[counts.indices]
        return _l2_normalized(counts)

    def _cache(self) -> dict[str, np.ndarray]:
        """Per word, what the analyzer found in it (char n-gram columns or token ids)."""
        cache = self.__dict__.setdefault("_columns_cache", {})
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        return cache

    def _char_counts(self, distinct: list[str], codes: np.ndarray, indptr: np.ndarray) -> sparse.csr_matrix:
        """Counts of char n-grams per post: (post x word) @ (word x n-gram)."""
        cache = self._cache()
        new = [word for word in distinct if word not in cache]
        cache.update(zip(new, self._char_columns_many(new), strict=True))
        words = _rows([cache[word] for word in distinct], len(self.vocabulary_))
        posts = sparse.csr_matrix(
            (np.ones(len(codes)), codes, indptr), shape=(len(indptr) - 1, len(distinct))
        )
        return (posts @ words).tocsr()

    def _char_columns(self, word: str) -> np.ndarray:
        """Columns of the char n-grams of one word, as scikit-learn's char_wb counts them."""
        padded = f" {word} "
        low, high = self.ngram_range
        # as scikit-learn: lengths past the padded word's own count it once, then stop
        grams = [
            padded[start : start + n]
            for n in range(low, min(high, max(low, len(padded))) + 1)
            for start in range(max(len(padded) - n + 1, 1))
        ]
        found = [column for column in map(self.vocabulary_.get, grams) if column is not None]
        return np.array(found, dtype=np.int64)

    def _char_columns_many(self, words: list[str]) -> list[np.ndarray]:
        """:meth:`_char_columns` of many words at once: every n-gram of every word becomes an
        integer key (its length, then a small id per character), looked up among the keys of
        the vocabulary's n-grams with one sorted search per n-gram length."""
        low, high = self.ngram_range
        tables = self._gram_tables()
        if not words:
            return []
        if tables is None or any(len(word) + 2 < low for word in words):
            return [self._char_columns(word) for word in words]  # the rare settings and words
        char_ids, bits, keys, columns = tables
        text = "".join(f" {word} " for word in words)
        ids = char_ids[
            np.minimum(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32), len(char_ids) - 1)
        ]
        lengths = np.array([len(word) + 2 for word in words], dtype=np.int64)
        word_of = np.repeat(np.arange(len(words)), lengths)
        word_end = np.cumsum(lengths)[word_of]
        found_word, found_column = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        for n in range(low, high + 1):
            count = len(ids) - n + 1
            if count <= 0:
                break
            known = np.arange(count) + n <= word_end[:count]  # the n-gram stays inside its word
            key = np.full(count, n << (bits * high), dtype=np.uint64)
            for offset in range(n):
                part = ids[offset : offset + count]
                known &= part > 0  # a character no n-gram of the vocabulary holds
                key |= part << np.uint64(bits * offset)
            at = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
            hit = known & (keys[at] == key)
            found_word.append(word_of[:count][hit])
            found_column.append(columns[at[hit]])
        word, column = np.concatenate(found_word), np.concatenate(found_column)
        column = column[np.argsort(word, kind="stable")]
        return np.split(column, np.cumsum(np.bincount(word, minlength=len(words)))[:-1])

    def _gram_tables(self) -> tuple[np.ndarray, int, np.ndarray, np.ndarray] | None:
        """Built once from ``vocabulary_``: an id per character of the vocabulary's n-grams
        (by code point; 0 for any other), the bits an id takes, and the n-grams of lengths
        ``ngram_range`` as sorted integer keys with their columns. None when the keys would
        not fit in 64 bits."""
        if "_gram_tables_" not in self.__dict__:
            low, high = self.ngram_range
            alphabet = sorted({char for gram in self.vocabulary_ for char in gram})
            bits = len(alphabet).bit_length()
            tables = None
            if alphabet and bits * high + high.bit_length() <= 64:
                char_ids = np.zeros(ord(alphabet[-1]) + 2, dtype=np.uint64)
                char_ids[[ord(char) for char in alphabet]] = np.arange(1, len(alphabet) + 1)
                rank = {char: i + 1 for i, char in enumerate(alphabet)}
                pairs = [
                    (
                        sum(rank[char] << (bits * k) for k, char in enumerate(gram))
                        | len(gram) << (bits * high),
                        column,
                    )
                    for gram, column in self.vocabulary_.items()
                    if low <= len(gram) <= high
                ]
                keys = np.array([key for key, _ in pairs], dtype=np.uint64)
                order = np.argsort(keys)
                tables = (char_ids, bits, keys[order], np.array([c for _, c in pairs], dtype=np.int64)[order])
            self.__dict__["_gram_tables_"] = tables
        return self.__dict__["_gram_tables_"]

    def _word_counts(self, distinct: list[str], codes: np.ndarray, indptr: np.ndarray) -> sparse.csr_matrix:
        """Counts of word 1- and 2-grams per post, from the token ids of each word."""
        pattern, tokens, unigram_columns, bigram_keys, bigram_columns = self._token_tables()
        cache = self._cache()
        whole = self.token_pattern in _WHOLE_WORD_PATTERNS
        ids = []
        for word in distinct:
            found = cache.get(word)
            if found is None:
                # most words are letters and digits only: one token where the pattern says so
                parts = (word,) if whole and word.isalnum() else pattern.findall(word)
                found = cache[word] = np.array(
                    [tokens.get(part, _NO_TOKEN) for part in parts], dtype=np.int64
                )
            ids.append(found)
        # The posts' token ids in order: each word's ids, gathered by the word's code.
        offsets = _offsets(map(len, ids))
        lengths, starts = np.diff(offsets), offsets[:-1]
        flat_ids = _concatenated(ids)
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

    def _token_tables(self) -> tuple[re.Pattern[str], dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
        """Built once from ``vocabulary_``: the compiled token pattern; an id per token of any
        n-gram; per token id its unigram column (or -1); the bigrams as sorted keys (first id
        * tokens + second id) and their columns."""
        tables = self.__dict__.get("_token_tables_")
        if tables is None:
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
            tables = self.__dict__["_token_tables_"] = (
                re.compile(self.token_pattern),
                tokens,
                unigram_columns,
                bigram_keys,
                bigram_columns,
            )
        return tables

    def fit(self, raw_documents: Iterable[str], y: object = None) -> FastTfidfVectorizer:
        self._forget_derived()
        return super().fit(raw_documents, y)

    def fit_transform(self, raw_documents: Iterable[str], y: object = None) -> sparse.csr_matrix:
        self._forget_derived()
        return super().fit_transform(raw_documents, y)

    def _forget_derived(self) -> None:
        """Drop the caches and tables built from the vocabulary (a new fit makes a new one)."""
        for derived in _DERIVED:
            self.__dict__.pop(derived, None)

    def __getstate__(self) -> dict:
        state = dict(super().__getstate__())  # a copy: scikit-learn hands out the live __dict__
        for derived in _DERIVED:
            state.pop(derived, None)  # built again when needed
        if isinstance(state.get("vocabulary_"), dict):
            state["vocabulary_"] = PackedTerms.of(state["vocabulary_"])
        return state

    def __setstate__(self, state: dict) -> None:
        if isinstance(state.get("vocabulary_"), PackedTerms):
            state = {**state, "vocabulary_": state["vocabulary_"].unpack()}
        super().__setstate__(state)


def _offsets(lengths: Iterable[int]) -> np.ndarray:
    """Where each of consecutive runs of ``lengths`` starts, and the end of the last (CSR's indptr)."""
    sizes = np.fromiter(lengths, dtype=np.int64)
    offsets = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    return offsets


def _rows(columns: list[np.ndarray], width: int) -> sparse.csr_matrix:
    """A count matrix with one row per array of column indices."""
    indptr = _offsets(map(len, columns))
    indices = _concatenated(columns)
    return sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(columns), width))


def _concatenated(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)


def _l2_normalized(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each row scaled to unit length, in place (scikit-learn's ``normalize`` checks its input
    first, which costs more than the work at a few hundred posts)."""
    row = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    norms = np.sqrt(np.bincount(row, weights=matrix.data * matrix.data, minlength=matrix.shape[0]))
    norms[norms == 0.0] = 1.0
    matrix.data /= norms[row]
    return matrix
