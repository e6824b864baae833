"""The spaCy component that collects personal data: pattern recognizers plus NER person names.

Added after ``ner`` in the personal-data pipeline; its result is ``doc._.personal_data``, a
list of :class:`~smrisk.pii.recognizers.PiiMatch` with exact character offsets.

    nlp = spacy.load("models/nl_smrisk_pii")
    doc = nlp("bel sophie de graaf op 06-12345678")
    [(m.label, doc.text[m.start:m.end]) for m in doc._.personal_data]
    # [('PERSON', 'sophie de graaf'), ('PHONE', '06-12345678')]
"""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .names import is_first_name, is_surname, name_list
from .recognizers import PiiMatch, build_recognizers, find_matches, resolve_overlaps

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
        text = doc.text
        matches = find_matches(text, self.recognizers, self.min_score)
        if self.use_ner:
            matches += [
                PiiMatch(ent.start_char, ent.end_char, "PERSON", NER_SCORE, "ner", "ner")
                for ent in doc.ents
                if ent.label_ == "PERSON" and _plausible_name(ent.text)
            ]
        doc._.personal_data = resolve_overlaps(matches)
        return doc


def _plausible_name(text: str) -> bool:
    """A single lowercase word is only a name when the name lists know it ("pagina" is not)."""
    if " " in text or not text.islower():
        return True
    return is_first_name(text) or is_surname(text)


@Language.factory(
    "smrisk_personal_data",
    default_config={"min_score": 0.5, "use_ner": True},
)
def make_personal_data(nlp: Language, name: str, min_score: float, use_ner: bool) -> PersonalDataComponent:
    """Factory registered with spaCy, so a saved pipeline can rebuild the component."""
    return PersonalDataComponent(name, min_score, use_ner)


_TAG_CACHE_LIMIT = 200_000


class NameFeatures:
    """Marks each token's class in the packaged name lists, as a feature for the NER.

    The pipeline has no part-of-speech tagger, so the class goes into ``token.tag_``
    ("VOORNAAM", "ACHTERNAAM", "NAAM", "PLAATS" or "-"), which the tok2vec embedding reads
    (attr TAG). Classes are cached per lowercase form and written in one array.
    """

    def __init__(self, name: str, vocab: Vocab) -> None:
        self.name = name
        self.strings = vocab.strings
        self._tags: dict[int, int] = {}  # hash of the lowercase form -> hash of its class

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            tags = [self._tags.get(lower) or self._tag(lower) for lower in doc.to_array(LOWER).tolist()]
            doc.from_array([TAG], numpy.array(tags, dtype="uint64").reshape(-1, 1))
        return doc

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
        if len(self._tags) >= _TAG_CACHE_LIMIT:  # new words never stop coming: keep memory flat
            self._tags.clear()
        # Kept past memory zones: the cache holds the hash beyond the batch that added it.
        self._tags[lower] = self.strings.add(tag, allow_transient=False)
        return self._tags[lower]


@Language.factory("smrisk_name_features")
def make_name_features(nlp: Language, name: str) -> NameFeatures:
    """Factory registered with spaCy, so a saved pipeline can rebuild the component."""
    return NameFeatures(name, nlp.vocab)
