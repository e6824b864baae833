"""Harm (protocol A7): the labelled corpus, the scikit-learn classifier, training and evaluation."""

from .corpus import HARM_LABELS, MAIN_LABELS

__all__ = ["HARM_LABELS", "MAIN_LABELS"]
