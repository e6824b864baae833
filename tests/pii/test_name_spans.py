"""Mending NER name spans by the rules of Dutch names (smrisk.pii.name_spans)."""

import pytest
from spacy.tokens import Span

from smrisk.nlp import blank_pipeline
from smrisk.pii.component import NameFeatures
from smrisk.pii.name_spans import name_bounds


def mended(text: str, predicted: str) -> str | None:
    """The name the rules make of an NER entity covering ``predicted`` in ``text``."""
    nlp = blank_pipeline()
    features = NameFeatures("names", nlp.vocab, frequencies=True)
    features.zipf = {"voort": 4, "prins": 4, "knack": 2, "morgen": 6, "pagina": 5}
    doc = features(nlp.make_doc(text))
    start = text.index(predicted)
    entity = doc.char_span(start, start + len(predicted), label="PERSON")
    bounds = name_bounds(entity)
    return None if bounds is None else Span(doc, *bounds).text


@pytest.mark.parametrize(
    ("text", "predicted", "name"),
    [
        ("vraag het mentor kees morgen", "mentor kees", "kees"),  # titles are not part of a name
        ("Meneer . Bakker", "Meneer . Bakker", "Bakker"),
        ("Professor Van der Voort zegt", "Van der", "Van der Voort"),  # never ends on a particle
        ("Professor Van der Voort zegt", "der Voort", "Van der Voort"),
        ("Gisteren zei Jan van Dijk dat", "Jan", "Jan van Dijk"),  # first name + particle + surname
        ("Piet Swimberghe van Knack zei", "Piet Swimberghe", "Piet Swimberghe"),  # "van" a preposition
        ("met Erik Zabel , Rolf Aldag en", "Aldag", "Rolf Aldag"),  # a known first name before
        ("verklaarde Carlson Gracie na", "Carlson", "Carlson Gracie"),  # a rare word after
        ("met Daan Morgen weer", "Daan", "Daan"),  # a common word after is not part of it
        ("van de fiets van Sophie", "Sophie", "Sophie"),  # "van" alone is no tussenvoegsel
        ("gisteren met de Vries", "Vries", "de Vries"),
        ("ga naar pagina 3", "pagina", None),  # an unknown single lowercase word is no name
        ("Meneer", "Meneer", None),
    ],
)
def test_name_bounds(text, predicted, name):
    assert mended(text, predicted) == name
