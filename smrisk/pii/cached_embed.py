"""spaCy's MultiHashEmbed with a cache of its output per word, for fast prediction.

The embedding layer of the tok2vec reads only attributes of the word itself (NORM, SUFFIX,
SHAPE of the lexeme, and TAG, which the name-features component sets from the lowercase
form), and each row of its output depends on that row's input alone (hash embeddings,
then Maxout and LayerNorm per row). So when predicting, its output for a word can be
computed once and looked up after that: words repeat (Zipf), and the lookup replaces four
hash-table lookups per attribute and the widest matrix product of the network. Training
runs the layer itself and clears the cache, since the weights change.

Registered as ``smrisk.CachedMultiHashEmbed.v1`` with MultiHashEmbed's arguments plus
``cache_size`` (words kept before the cache starts over, so memory stays flat).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import ORTH, intify_attr
from spacy.ml.models.tok2vec import MultiHashEmbed
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model
from thinc.types import Floats2d

#: Mixes the TAG column into the word's key (a TAG set in context must not share a row).
_MIX = numpy.uint64(0x9E3779B97F4A7C15)


class _Cache:
    """Rows of embedding output by key, in one growing matrix."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.clear()

    def clear(self) -> None:
        self.weights: tuple[int, ...] = ()  # which weight arrays the rows were computed with
        self.index: dict[int, int] = {}
        self.rows: numpy.ndarray | None = None
        self.size = 0

    def has_room(self, count: int) -> bool:
        return self.size + count <= self.limit

    def start_over(self) -> None:
        """Forget every row (new words never stop coming), keeping which weights they are for."""
        weights = self.weights
        self.clear()
        self.weights = weights

    def add(self, keys: list[int], rows: numpy.ndarray) -> None:
        if self.rows is None or self.size + len(keys) > len(self.rows):
            grown = numpy.empty((max(1024, 2 * (self.size + len(keys))), rows.shape[1]), dtype=rows.dtype)
            if self.rows is not None:
                grown[: self.size] = self.rows[: self.size]
            self.rows = grown
        self.rows[self.size : self.size + len(keys)] = rows
        for offset, key in enumerate(keys):
            self.index[key] = self.size + offset
        self.size += len(keys)


@registry.architectures("smrisk.CachedMultiHashEmbed.v1")
def cached_multi_hash_embed(
    width: int,
    attrs: list[str | int],
    rows: list[int],
    include_static_vectors: bool = False,
    cache_size: int = 200_000,
) -> Model[list[Doc], list[Floats2d]]:
    """MultiHashEmbed (same arguments, same weights) whose predictions are cached per word."""
    if include_static_vectors:
        raise ValueError("smrisk.CachedMultiHashEmbed.v1 does not take static vectors")
    inner = MultiHashEmbed(width, attrs, rows, include_static_vectors=False)
    columns = [intify_attr(attr) for attr in attrs]
    tag_column = columns.index(intify_attr("TAG")) if intify_attr("TAG") in columns else None
    return Model(
        "cached_multi_hash_embed",
        _forward,
        init=_init,
        layers=[inner],
        dims={"nO": width},
        attrs={"cache": _Cache(cache_size), "columns": [ORTH, *columns], "tag_column": tag_column},
    )


def _init(model: Model, X: list[Doc] | None = None, Y: Any = None) -> None:
    model.layers[0].initialize(X=X, Y=Y)


def _forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Floats2d], Any]:
    inner = model.layers[0]
    cache: _Cache = model.attrs["cache"]
    if is_train:
        cache.clear()  # the weights are about to change
        return inner(docs, is_train)
    # Weights loaded or replaced since the rows were computed (from_bytes, a new optimizer
    # step) are new arrays: the cache only holds rows of the arrays in place now.
    weights = tuple(id(node.get_param(name)) for node in inner.walk() for name in node.param_names)
    if weights != cache.weights:
        cache.clear()
        cache.weights = weights
    features = [doc.to_array(model.attrs["columns"]) for doc in docs]
    lengths = [len(f) for f in features]
    if not sum(lengths):
        return [model.ops.alloc2f(0, model.get_dim("nO")) for _ in docs], lambda d: []
    table = numpy.concatenate(features).astype(numpy.uint64)
    keys = table[:, 0]
    if model.attrs["tag_column"] is not None:
        keys = keys ^ (table[:, 1 + model.attrs["tag_column"]] * _MIX)
    unique, first, inverse = numpy.unique(keys, return_index=True, return_inverse=True)
    unique_keys = unique.tolist()
    rows = [cache.index.get(key, -1) for key in unique_keys]
    missing = [i for i, row in enumerate(rows) if row < 0]
    if len(unique_keys) > cache.limit:  # a batch larger than the cache: computed, not kept
        output = _embed(inner, table[first, 1:])[inverse.reshape(-1)]
    else:
        if missing and not cache.has_room(len(missing)):
            cache.start_over()  # and the rows this batch found go with it: all are new now
            missing = list(range(len(unique_keys)))
        if missing:
            cache.add([unique_keys[i] for i in missing], _embed(inner, table[first[missing], 1:]))
            rows = [cache.index[key] for key in unique_keys]
        assert cache.rows is not None
        output = cache.rows[numpy.asarray(rows)][inverse.reshape(-1)]
    ends = numpy.cumsum(lengths).tolist()
    return [output[end - length : end] for end, length in zip(ends, lengths, strict=True)], lambda d: []


def _embed(inner: Model, ids: numpy.ndarray) -> numpy.ndarray:
    """MultiHashEmbed's output for rows of feature ids (its layers after the extractor)."""
    _extractor, _to_ragged, embeddings, max_out, _to_list = inner.layers
    vectors = embeddings.predict(inner.ops.asarray2i(ids, dtype="uint64"))
    return numpy.asarray(max_out.predict(vectors), dtype="float32")
