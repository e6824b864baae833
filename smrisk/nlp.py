"""The spaCy pipeline every post is parsed with, once: the checks all read the same Doc."""

from __future__ import annotations

import spacy
from spacy.language import Language


def build_nlp(max_length: int) -> Language:
    """A Dutch pipeline able to parse texts up to ``max_length`` characters.

    For now this is spaCy's rule-based Dutch tokenizer; the trained personal-data pipeline
    (issue 3) will be loaded here from ``models/``.
    """
    nlp = spacy.blank("nl")
    nlp.max_length = max_length + 1
    return nlp
