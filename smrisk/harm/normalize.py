"""Text normalisation for the harm classifier: spelling variants map to one form.

Teenagers write "k4nker", "kaaaanker", "k a n k e r"; the classifier should see "kanker".
Lowercase, accents stripped, leetspeak letters read as letters inside words, runs of a
letter shortened to two, and @handles and URLs replaced by a marker (who is addressed
matters, not their name).
"""

from __future__ import annotations

import re
import unicodedata

from .packing import PackedTerms

_LEET = str.maketrans(
    {"4": "a", "@": "a", "3": "e", "1": "i", "!": "i", "0": "o", "5": "s", "$": "s", "7": "t", "€": "e"}
)
_URL = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"@(?<![\w@]@)\w[\w.]*")
# Leet characters inside a word ("k4nker", "st33k", "h0er"), not "3b" or "4havo".
_LEET_RUN = re.compile(r"[0-9@$€!](?<=[a-z][0-9@$€!])[0-9@$€!]*(?=[a-z])")
_REPEATS = re.compile(r"(.)\1\1+")  # = (.)\1{2,}, which the regex engine runs slower
_COMBINING = re.compile(r"[\u0300-\u036f]")  # accents after NFKD decomposition
_SPACED = re.compile(r"\w(?<!\w\w)(?: \w){3,}\b")  # "k a n k e r"
_SPACED_HINT = re.compile(r" \w \w ")  # what every spaced word holds, found much faster


def normalize(text: str) -> str:
    """The form the classifier reads (see module docstring)."""
    text = _URL.sub(" url ", text)
    text = _HANDLE.sub(" @user ", text)
    text = text.lower()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = _LEET_RUN.sub(lambda m: m.group(0).translate(_LEET), text)
    if _SPACED_HINT.search(text):
        text = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    return _REPEATS.sub(r"\1\1", text)


# A word long enough to hide two (normalised text has its accents removed; a plain letter
# range is scanned twice as fast as any letter).
_LONG_WORD = re.compile(r"[a-z]{6,}")


class GluedWords:
    """Splits words written together ("ikmaakjedood") into words the classifier knows.

    ``vocabulary`` maps known words to a cost (their IDF: common words cost little). A word
    of 6 letters or more that is not known is split into the fewest known words of 2
    letters or more, the cheapest first; a word that does not split into known words stays.
    Results are cached per word (words repeat), and the cache is not pickled.
    """

    _CACHE_LIMIT = 100_000

    def __init__(self, vocabulary: dict[str, float]) -> None:
        self.vocabulary = vocabulary
        self.longest = max((len(w) for w in vocabulary), default=0)
        self._cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        """``text`` (normalised) with its glued words split."""
        known = self.vocabulary
        unknown = [word for word in _LONG_WORD.findall(text) if word not in known]
        if not unknown:
            return text
        splits = {word: split for word in unknown if (split := self._split(word)) != word}
        if not splits:
            return text  # unknown words that are no glued words (names, typos): the usual case
        return _LONG_WORD.sub(lambda match: splits.get(match.group(), match.group()), text)

    def _split(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            found = self._segment(word)
            if len(self._cache) >= self._CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = found
        return found

    def _segment(self, word: str) -> str:
        n, known = len(word), self.vocabulary
        # best[i]: (pieces, cost, start of the last piece) of the cheapest split of word[:i];
        # only the ends of such splits (``reachable``, ascending) can start the next piece
        best: list[tuple[int, float, int] | None] = [None] * (n + 1)
        best[0] = (0, 0.0, 0)
        reachable = [0]
        for end in range(2, n + 1):
            for start in reachable:
                if start > end - 2:
                    break
                cost = known.get(word[start:end]) if start >= end - self.longest else None
                if cost is None:
                    continue
                previous = best[start]
                candidate = (previous[0] + 1, previous[1] + cost, start)  # type: ignore[index]
                if best[end] is None or candidate[:2] < best[end][:2]:  # type: ignore[index]
                    best[end] = candidate
            if best[end] is not None:
                reachable.append(end)
        if best[n] is None or best[n][0] < 2:  # type: ignore[index]
            return word
        pieces, end = [], n
        while end:
            start = best[end][2]  # type: ignore[index]
            pieces.append(word[start:end])
            end = start
        return " ".join(reversed(pieces))

    def __getstate__(self) -> dict:
        return {"vocabulary": PackedTerms.of(self.vocabulary), "longest": self.longest}

    def __setstate__(self, state: dict) -> None:
        vocabulary = state["vocabulary"]
        self.vocabulary = vocabulary.unpack() if isinstance(vocabulary, PackedTerms) else vocabulary
        self.longest = state["longest"]
        self._cache = {}
