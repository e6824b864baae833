"""The spaCy pipeline every post is parsed with, once: the checks all read the same Doc.

With the trained personal-data pipeline in ``models/nl_smrisk_pii`` (verified against its
SHA-256 manifest before loading) that is: social-media tokenizer, name-list features,
tok2vec, NER (PERSON) and the ``smrisk_personal_data`` component. Without it, the
tokenizer and the pattern recognizers only (names are then found only after a title such
as "meneer").
"""

from __future__ import annotations

import logging
import re

import spacy
from spacy.attrs import (
    IS_ALPHA,
    IS_DIGIT,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LOWER,
    NORM,
    PREFIX,
    SHAPE,
    SUFFIX,
)
from spacy.lang.lex_attrs import word_shape as spacy_word_shape
from spacy.language import Language
from spacy.vocab import Vocab

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
    nlp.max_length = max_length + 1
    keep_lexical_attributes(nlp.vocab)
    return nlp


#: The lexical attributes the pipeline reads: the tok2vec's features and the word shapes
#: smrisk's own rules test (name_spans.py).
LEXICAL_ATTRIBUTES = frozenset(
    (LOWER, NORM, PREFIX, SUFFIX, SHAPE, IS_ALPHA, IS_DIGIT, IS_LOWER, IS_SPACE, IS_TITLE, IS_UPPER, IS_PUNCT)
)


def keep_lexical_attributes(vocab: Vocab) -> None:
    """Compute only LEXICAL_ATTRIBUTES for words new to the vocabulary, the shape the fast
    way. spaCy sets two dozen (like_url, is_currency, ...), each a Python call, for every new
    word; posts bring several new words each (names, numbers, handles), and those calls were
    a fifth of the scan."""
    getters = {k: v for k, v in vocab.lex_attr_getters.items() if k in LEXICAL_ATTRIBUTES}
    getters[SHAPE] = word_shape
    vocab.lex_attr_getters = getters


# spaCy's word shape ("Sophie" -> "Xxxxx", "06-1234" -> "dd-dddd"): letters to X or x, digits
# to d, other characters kept, runs cut at four. Done here by str.translate and one regex
# for the Latin characters, and by spaCy's own loop for the rest (equal output: tested).
_SHAPE_CHARS = {
    code: "d" if char.isdigit() else ("X" if char.isupper() else "x")
    for code in range(0x250)
    if (char := chr(code)).isalpha() or char.isdigit()
}
_LONG_RUN = re.compile(r"(.)\1{4,}")


def word_shape(text: str) -> str:
    """spaCy's ``word_shape``, faster for Latin text."""
    if len(text) >= 100:
        return "LONG"
    if text and max(text) >= "\u0250":
        return spacy_word_shape(text)
    return _LONG_RUN.sub(r"\1\1\1\1", text.translate(_SHAPE_CHARS))


def blank_pipeline() -> Language:
    """A Dutch pipeline with the social-media tokenizer and no components."""
    return spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "smrisk.social_tokenizer.v2"}}})
