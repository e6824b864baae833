"""The tok2vec's cached embedding layer equals spaCy's MultiHashEmbed (smrisk.pii.cached_embed)."""

import numpy
import pytest
import spacy
from spacy.training import Example
from thinc.api import Config

from ..conftest import ROOT

TEXTS = [
    "Ik sprak gisteren met Jan de Vries en Pieter van der Berg!!",
    "bel sophie op 06-12345678 of mail s.devries@gmail.com 😀",
    "Ik sprak gisteren met Daan",
    "",
    "JAN DE VRIES",
]


@pytest.fixture(scope="module")
def pipeline():
    config = Config().from_disk(ROOT / "configs" / "pii_ner.cfg")
    config["components"]["smrisk_name_features"]["frequencies"] = False  # no wordfreq needed
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    docs = [nlp.make_doc(text) for text in TEXTS if text]
    nlp.initialize(lambda: [Example.from_dict(doc, {"entities": ["O"] * len(doc)}) for doc in docs])
    return nlp


def embed_layer(nlp):
    return nlp.get_pipe("tok2vec").model.get_ref("embed")


def parsed(nlp, texts):
    features = nlp.get_pipe("smrisk_name_features")
    return [features(nlp.make_doc(text)) for text in texts]


def test_cached_output_equals_the_layer_it_caches(pipeline):
    embed = embed_layer(pipeline)
    docs = parsed(pipeline, TEXTS)
    expected = embed.layers[0].predict(docs)
    for _ in range(2):  # the first call fills the cache, the second reads it
        got = embed.predict(docs)
        assert [g.shape for g in got] == [e.shape for e in expected]
        assert all(numpy.array_equal(g, e) for g, e in zip(got, expected, strict=True))


def test_new_weights_empty_the_cache(pipeline):
    embed = embed_layer(pipeline)
    docs = parsed(pipeline, TEXTS[:1])
    before = embed.predict(docs)[0]
    table = next(node for node in embed.walk() if node.name == "hashembed")
    table.set_param("E", table.get_param("E") + 1.0)  # as loading other weights would
    after = embed.predict(docs)[0]
    assert not numpy.array_equal(before, after)
    assert numpy.array_equal(after, embed.layers[0].predict(docs)[0])


def test_a_full_cache_starts_over_without_losing_rows(pipeline):
    """Regression: when a batch's new words overflowed the cache, the cache emptied itself and
    the words this batch had found in it were gone (KeyError after ~300,000 posts a worker)."""
    embed = embed_layer(pipeline)
    cache = embed.attrs["cache"]
    limit = cache.limit
    try:
        docs = parsed(pipeline, TEXTS)
        cache.limit = sum(len(doc) for doc in docs[:2])  # room for the first two posts' words
        cache.start_over()
        for batch in (docs[:2], docs, docs[1:], docs):  # hits and overflowing new words together
            got = embed.predict(batch)
            expected = embed.layers[0].predict(batch)
            assert all(numpy.array_equal(g, e) for g, e in zip(got, expected, strict=True))
        cache.limit = 3  # smaller than one batch: computed, not kept
        assert all(
            numpy.array_equal(g, e)
            for g, e in zip(embed.predict(docs), embed.layers[0].predict(docs), strict=True)
        )
    finally:
        cache.limit = limit
        cache.start_over()
