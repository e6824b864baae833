"""A named-entity recogniser that tags tokens (BILUO) instead of running a transition parser,
and the tok2vec that feeds it only the posts that may hold a name.

spaCy's ``ner`` predicts one transition at a time; for a single label (PERSON) a softmax over
the BILUO tags of each token, read off the shared ``tok2vec``, is as accurate here and far
cheaper: one matrix product per batch. Registered as the factory ``smrisk_ner_tagger``; in
the personal-data pipeline it is the component named ``ner`` and sets ``doc.ents``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline import Tagger, Tok2Vec
from spacy.pipeline.tok2vec import DEFAULT_TOK2VEC_MODEL
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_examples
from thinc.api import Config, Model, SequenceCategoricalCrossentropy

from .component import MAY_NAME

LABEL = "PERSON"
#: BILUO tags of the one label; index 0 is "outside".
TAGS = ("O", f"B-{LABEL}", f"I-{LABEL}", f"L-{LABEL}", f"U-{LABEL}")
_OUT, _BEGIN, _IN, _LAST, _UNIT = range(len(TAGS))

DEFAULT_MODEL = Config().from_str(
    """
[model]
@architectures = "spacy.Tagger.v2"

[model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 48
upstream = "*"
"""
)["model"]


def decode(tag_ids: Iterable[int]) -> list[tuple[int, int]]:
    """Token spans (start, end) from a BILUO tag sequence, mending invalid sequences: a
    span opens at B or U, or at I or L after O; it closes at L or U, and before O, B or U."""
    spans: list[tuple[int, int]] = []
    start = -1
    for i, tag in enumerate(tag_ids):
        if tag == _OUT:
            if start >= 0:
                spans.append((start, i))
            start = -1
            continue
        if tag in (_BEGIN, _UNIT) and start >= 0:
            spans.append((start, i))
            start = -1
        if start < 0:
            start = i
        if tag in (_LAST, _UNIT):
            spans.append((start, i + 1))
            start = -1
    if start >= 0:
        spans.append((start, i + 1))
    return spans


class NerTagger(Tagger):
    """Tags each token with a BILUO tag of PERSON and writes the spans to ``doc.ents``.
    Posts that cannot hold a name (see :class:`GatedTok2Vec`) are tagged "outside" unread."""

    def predict(self, docs: Iterable[Doc]) -> list[Any]:
        return _gated(docs, self._tag_ids, lambda doc: numpy.zeros(len(doc), dtype="int64"))

    def _tag_ids(self, docs: list[Doc]) -> list[Any]:
        """Per doc, the index of its best tag per token (one argmax over the whole batch)."""
        scores = self.model.ops.to_numpy(self.model.ops.flatten(self.model.predict(docs)))
        return numpy.split(scores.argmax(axis=1), numpy.cumsum([len(doc) for doc in docs])[:-1])

    def set_annotations(self, docs: Iterable[Doc], batch_tag_ids: list[Any]) -> None:
        for doc, tag_ids in zip(docs, batch_tag_ids, strict=True):
            if tag_ids.any():
                # set_ents: the ``ents`` setter would build every span a second time
                doc.set_ents([Span(doc, start, end, label=LABEL) for start, end in decode(tag_ids.tolist())])

    def get_loss(self, examples: Iterable[Example], scores: list[Any]) -> tuple[float, Any]:
        """Cross-entropy against the gold BILUO tags; unannotated ("-") and misaligned
        tokens are missing values, not "outside"."""
        validate_examples(examples, "NerTagger.get_loss")
        loss_func = SequenceCategoricalCrossentropy(names=self.labels, normalize=False)
        truths = [[tag if tag in TAGS else None for tag in eg.get_aligned_ner()] for eg in examples]
        d_scores, loss = loss_func(scores, truths)
        return float(loss), d_scores

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]],
        *,
        nlp: Language | None = None,
        labels: Any = None,
    ) -> None:
        for tag in TAGS:
            self.add_label(tag)
        docs, truths = [], []
        for example in islice(get_examples(), 10):
            docs.append(example.x)
            gold = example.get_aligned_ner()
            truths.append(numpy.array([[float(tag == t) for t in TAGS] for tag in gold], dtype="float32"))
        self.model.initialize(X=docs, Y=[self.model.ops.asarray(t) for t in truths])


@Language.factory(
    "smrisk_ner_tagger",
    default_config={"model": DEFAULT_MODEL, "scorer": {"@scorers": "spacy.ner_scorer.v1"}},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0},
)
def make_ner_tagger(nlp: Language, name: str, model: Model, scorer: Callable | None) -> NerTagger:
    """Factory registered with spaCy, so a saved pipeline can rebuild the component."""
    return NerTagger(nlp.vocab, model, name, overwrite=True, scorer=scorer)


class GatedTok2Vec(Tok2Vec):
    """spaCy's tok2vec that, when predicting, leaves out the posts in which the name-features
    component found no word that could be a name (``doc.user_data[MAY_NAME]`` False: no
    word in the name lists, no form of address, no capitalised word but common words
    opening a sentence). Those get zero vectors, and :class:`NerTagger` sets no entity in
    them: a fifth of the posts of the A7 corpus, and the network is the dearest
    part of the pipeline. Training is unchanged."""

    def predict(self, docs: Iterable[Doc]) -> list[Any]:
        width = self.model.get_dim("nO")
        return _gated(docs, super().predict, lambda doc: self.model.ops.alloc2f(len(doc), width))


def _gated(
    docs: Iterable[Doc], predict: Callable[[list[Doc]], list[Any]], empty: Callable[[Doc], Any]
) -> list[Any]:
    """``predict`` run on the docs that may hold a name, ``empty(doc)`` for the others, in order."""
    docs = list(docs)
    wanted = [doc for doc in docs if _may_hold_name(doc)]
    found = iter(predict(wanted) if wanted else ())
    return [next(found) if _may_hold_name(doc) else empty(doc) for doc in docs]


def _may_hold_name(doc: Doc) -> bool:
    """Whether the post goes through the network: it has tokens and the name-features
    component did not rule out a name (``doc.user_data[MAY_NAME]``)."""
    return len(doc) > 0 and doc.user_data.get(MAY_NAME, True)


@Language.factory(
    "smrisk_tok2vec",
    default_config={"model": DEFAULT_TOK2VEC_MODEL},
)
def make_gated_tok2vec(nlp: Language, name: str, model: Model) -> GatedTok2Vec:
    """Factory registered with spaCy, so a saved pipeline can rebuild the component."""
    return GatedTok2Vec(nlp.vocab, model, name)
