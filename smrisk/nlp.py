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
from spacy.language import Language

from .models import models_dir, verify_model
from .pii import component, tokenizer  # noqa: F401  (registers the factory and the tokenizer)

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
    tokenizer.skip_letter_chunks(nlp.tokenizer)
    nlp.max_length = max_length + 1
    return nlp


def blank_pipeline() -> Language:
    """A Dutch pipeline with the social-media tokenizer and no components."""
    return spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "smrisk.social_tokenizer.v1"}}})
