"""The spaCy component that collects personal data: pattern recognizers plus NER person names.

Added after ``ner`` in the personal-data pipeline; its result is ``doc._.personal_data``, a
list of :class:`~smrisk.pii.recognizers.PiiMatch` with exact character offsets.

    nlp = spacy.load("models/nl_smrisk_pii")
    doc = nlp("bel sophie de graaf op 06-12345678")
    [(m.label, doc.text[m.start:m.end]) for m in doc._.personal_data]
    # [('PERSON', 'sophie de graaf'), ('PHONE', '06-12345678')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .name_spans import name_bounds
from .names import name_list
from .recognizers import TITLES, PiiMatch, build_recognizers, find_matches, resolve_overlaps
from .tokenizer import doc_text

#: Score given to a person name found by the NER model (it has no calibrated confidence).
NER_SCORE = 0.85

Doc.set_extension("personal_data", default=None, force=True)


class PersonalDataComponent:
    """Runs the pattern recognizers on the text and adds the NER's PERSON entities."""

    def __init__(self, name: str, min_score: float, use_ner: bool) -> None:
        self.name = name
        self.min_score = min_score
        self.use_ner = use_ner
        self.recognizers = build_recognizers()

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        matches = find_matches(text, self.recognizers, self.min_score)
        if self.use_ner:
            for ent in doc.ents:
                bounds = name_bounds(ent) if ent.label_ == "PERSON" else None
                if bounds is not None:
                    span = doc[bounds[0] : bounds[1]]
                    matches.append(
                        PiiMatch(span.start_char, span.end_char, "PERSON", NER_SCORE, "ner", "ner")
                    )
        doc._.personal_data = resolve_overlaps(matches)
        return doc


@Language.factory(
    "smrisk_personal_data",
    default_config={"min_score": 0.5, "use_ner": True},
)
def make_personal_data(nlp: Language, name: str, min_score: float, use_ner: bool) -> PersonalDataComponent:
    """Factory registered with spaCy, so a saved pipeline can rebuild the component."""
    return PersonalDataComponent(name, min_score, use_ner)


_TAG_CACHE_LIMIT = 200_000
#: ``doc.user_data`` key: False when the post holds no word that could be (part of) a name.
MAY_NAME = "smrisk_may_name"
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]*")
_SENTENCE_OPENING = re.compile(r".*(?:[.!?:]\s*|\n)$", re.DOTALL)  # text just before a sentence
_COMMON_ZIPF = 4  # Zipf class of words common enough to open a sentence without being a name
_FREQUENCY_FILE = "word_frequencies.tsv"


class NameFeatures:
    """Marks each token's class in the packaged name lists, as a feature for the NER.

    The pipeline has no part-of-speech tagger, so the class goes into ``token.tag_``
    ("VOORNAAM", "ACHTERNAAM", "NAAM", "PLAATS" or "-"), which the tok2vec embedding reads
    (attr TAG). With ``frequencies``, the class is followed by how common the word is in
    Dutch (Zipf class 1-7 from wordfreq, 0 when unknown: "ACHTERNAAM3", "-6"), so an
    unknown capitalised word reads differently from a common word at a sentence start.
    The frequency table is built by :meth:`initialize` and saved with the pipeline.
    Classes are cached per lowercase form and written in one array.
    """

    def __init__(self, name: str, vocab: Vocab, frequencies: bool = False) -> None:
        self.name = name
        self.strings = vocab.strings
        self.frequencies = frequencies
        self.zipf: dict[str, int] = {}  # lowercase word -> Zipf class (with ``frequencies``)
        self._tags: dict[int, int] = {}  # hash of the lowercase form -> hash of its class
        self._name_tags: set[int] = set()  # hashes of the classes of names in the lists
        self._titles = {self.strings.add(t) for title in TITLES for t in (title, title + ".")}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            lowers = doc.to_array(LOWER).tolist()
            tags = [self._tags.get(lower) or self._tag(lower) for lower in lowers]
            doc.from_array([TAG], numpy.array(tags, dtype="uint64").reshape(-1, 1))
            doc.user_data[MAY_NAME] = (
                not self._name_tags.isdisjoint(tags)
                or not self._titles.isdisjoint(lowers)
                or self._capitalised_word(doc_text(doc))
            )
        return doc

    def _capitalised_word(self, text: str) -> bool:
        """Whether a word starts with a capital, other than a common word opening a sentence."""
        for found in _CAPITALISED.finditer(text):
            start = found.start()
            opens_sentence = not start or _SENTENCE_OPENING.match(text, max(0, start - 3), start)
            if not opens_sentence or self.zipf.get(found.group().lower(), 0) < _COMMON_ZIPF:
                return True
        return False

    def _tag(self, lower: int) -> int:
        """The class of a lowercase form (by its hash), cached."""
        word = self.strings[lower]
        first, last = word in name_list("first_names"), word in name_list("surnames")
        if first and last:
            tag = "NAAM"
        elif first:
            tag = "VOORNAAM"
        elif last:
            tag = "ACHTERNAAM"
        elif word in name_list("places"):
            tag = "PLAATS"
        else:
            tag = "-"
        if self.frequencies:
            tag += str(self.zipf.get(word, 0))
        if len(self._tags) >= _TAG_CACHE_LIMIT:  # new words never stop coming: keep memory flat
            self._tags.clear()
        # Kept past memory zones: the cache holds the hash beyond the batch that added it.
        self._tags[lower] = self.strings.add(tag, allow_transient=False)
        if first or last:
            self._name_tags.add(self._tags[lower])
        return self._tags[lower]

    def initialize(
        self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Build the frequency table from wordfreq (only needed when training)."""
        if self.frequencies:
            self.zipf = dutch_zipf_classes()
            self._tags.clear()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.frequencies:
            lines = (f"{word}\t{zipf}\n" for word, zipf in sorted(self.zipf.items()))
            (path / _FREQUENCY_FILE).write_text("".join(lines), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NameFeatures:
        table = Path(path) / _FREQUENCY_FILE
        if self.frequencies and table.exists():
            rows = (line.split("\t") for line in table.read_text(encoding="utf-8").splitlines())
            self.zipf = {word: int(zipf) for word, zipf in rows}
            self._tags.clear()
        return self


def dutch_zipf_classes(top: int = 300_000) -> dict[str, int]:
    """The ``top`` most frequent Dutch words in wordfreq (data CC BY-SA 4.0) with their Zipf
    class (1-7). wordfreq is needed only here, when the pipeline is trained."""
    import wordfreq

    return {
        word: max(1, min(7, int(wordfreq.zipf_frequency(word, "nl"))))
        for word in wordfreq.top_n_list("nl", top)
        if word.isalpha()
    }


@Language.factory("smrisk_name_features", default_config={"frequencies": False})
def make_name_features(nlp: Language, name: str, frequencies: bool) -> NameFeatures:
    """Factory registered with spaCy, so a saved pipeline can rebuild the component."""
    return NameFeatures(name, nlp.vocab, frequencies)
