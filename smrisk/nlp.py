"""The spaCy pipeline every post is parsed with, once: the checks all read the same Doc.

With the trained personal-data pipeline in ``models/nl_smrisk_pii`` (verified against its
SHA-256 manifest before loading) that is: social-media tokenizer, name-list features,
tok2vec, NER (PERSON) and the ``smrisk_personal_data`` component. Without it, the
tokenizer and the pattern recognizers only (names are then found only after a title such
as "meneer").
"""

from __future__ import annotations

import logging

import spacy
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_SPACE, IS_TITLE, LOWER, NORM, SHAPE, SUFFIX
from spacy.language import Language
from spacy.vocab import Vocab

from .models import models_dir, verify_model
from .pii import cached_embed, component, ner_tagger, tokenizer  # noqa: F401  (register spaCy functions)

logger = logging.getLogger(__name__)

PII_MODEL = "nl_smrisk_pii"


def build_nlp(max_length: int, use_model: bool = True) -> Language:
    """The pipeline for texts up to ``max_length`` characters (the trained one if present)."""
    folder = models_dir() / PII_MODEL
    if use_model and folder.is_dir():
        verify_model(folder)
        nlp = spacy.load(folder)
    else:
        if use_model:
            logger.warning("no personal-data model at %s: person names only after titles", folder)
        nlp = blank_pipeline()
        nlp.add_pipe("smrisk_personal_data", config={"use_ner": False})
    nlp.max_length = max_length + 1
    keep_lexical_attributes(nlp.vocab)
    return nlp


#: The lexical attributes the pipeline reads: the tok2vec's features (NORM, SUFFIX, SHAPE),
#: the name features' LOWER, and the word shapes smrisk's own rules test (name_spans.py).
LEXICAL_ATTRIBUTES = frozenset((LOWER, NORM, SUFFIX, SHAPE, IS_ALPHA, IS_LOWER, IS_SPACE, IS_TITLE))


def keep_lexical_attributes(vocab: Vocab) -> None:
    """Compute only LEXICAL_ATTRIBUTES for words new to the vocabulary. spaCy sets two dozen
    (like_url, is_currency, ...), each a Python call, for every new word; posts bring several
    new words each (names, numbers, handles), and those calls were a fifth of the scan."""
    vocab.lex_attr_getters = {k: v for k, v in vocab.lex_attr_getters.items() if k in LEXICAL_ATTRIBUTES}


def blank_pipeline() -> Language:
    """A Dutch pipeline with the social-media tokenizer and no components."""
    return spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "smrisk.social_tokenizer.v2"}}})
