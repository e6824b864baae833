"""The pipeline's own components: name-list features and the packaged pipeline's names."""

from smrisk.nlp import blank_pipeline, build_nlp
from smrisk.pii.component import NameFeatures
from smrisk.pii.tokenizer import skip_letter_chunks


def test_name_features_mark_list_classes():
    nlp = blank_pipeline()
    doc = NameFeatures("names", nlp.vocab)(nlp.make_doc("Lotte en Daan wonen in Amstelveen, zei JANSEN"))
    assert [t.tag_ for t in doc] == ["VOORNAAM", "-", "NAAM", "-", "-", "PLAATS", "-", "-", "ACHTERNAAM"]


def test_name_features_outlive_a_memory_zone():
    nlp = blank_pipeline()
    features = NameFeatures("names", nlp.vocab)
    with nlp.memory_zone():
        features(nlp.make_doc("Lotte en Jansen"))
    assert [t.tag_ for t in features(nlp.make_doc("Lotte en Jansen"))] == ["VOORNAAM", "-", "ACHTERNAAM"]


def test_packaged_pipeline_finds_names_as_entities():
    nlp = build_nlp(10_000)
    assert nlp.pipe_names == ["smrisk_name_features", "tok2vec", "ner", "smrisk_personal_data"]
    doc = nlp("Ik sprak gisteren met Jan de Vries en Pieter van der Berg")
    assert [(ent.text, ent.label_) for ent in doc.ents] == [
        ("Jan de Vries", "PERSON"),
        ("Pieter van der Berg", "PERSON"),
    ]


def test_skipping_letter_chunks_keeps_the_tokens():
    texts = [
        "hallo Sophie!!",
        "wtf!!sophie",
        "mw.de Groot",
        "Daan's fiets",
        "bel 06-12345678",
        "#school!! @lisa,",
        "x²",
    ]
    plain, fast = blank_pipeline(), blank_pipeline()
    skip_letter_chunks(fast.tokenizer)
    for text in texts:
        assert [t.text for t in fast.make_doc(text)] == [t.text for t in plain.make_doc(text)]
