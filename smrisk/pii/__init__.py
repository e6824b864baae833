"""Personal data (AVG art. 4) in Dutch social-media posts: tokenizer, recognizers, NER, redaction."""

from .labels import PII_LABELS, PLACEHOLDERS

__all__ = ["PII_LABELS", "PLACEHOLDERS"]
