"""Text normalisation for the harm classifier: spelling variants map to one form.

Teenagers write "k4nker", "kaaaanker", "k a n k e r"; the classifier should see "kanker".
Lowercase, accents stripped, leetspeak letters read as letters inside words, runs of a
letter shortened to two, and @handles and URLs replaced by a marker (who is addressed
matters, not their name).
"""

from __future__ import annotations

import re
import unicodedata

_LEET = str.maketrans(
    {"4": "a", "@": "a", "3": "e", "1": "i", "!": "i", "0": "o", "5": "s", "$": "s", "7": "t", "€": "e"}
)
_URL = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"(?<![\w@])@\w[\w.]*")
# Leet characters inside a word ("k4nker", "st33k", "h0er"), not "3b" or "4havo".
_LEET_RUN = re.compile(r"(?<=[a-z])[0-9@$€!]+(?=[a-z])")
_REPEATS = re.compile(r"(.)\1{2,}")
_COMBINING = re.compile(r"[\u0300-\u036f]")  # accents after NFKD decomposition
_SPACED = re.compile(r"\b(?:\w ){3,}\w\b")  # "k a n k e r"


def normalize(text: str) -> str:
    """The form the classifier reads (see module docstring)."""
    text = _URL.sub(" url ", text)
    text = _HANDLE.sub(" @user ", text)
    text = text.lower()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = _LEET_RUN.sub(lambda m: m.group(0).translate(_LEET), text)
    text = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    return _REPEATS.sub(r"\1\1", text)
