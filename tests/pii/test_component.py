"""The pipeline's own parts: tokenizer, name-list features, NER tagger, the packaged pipeline."""

import json

import pytest

from smrisk.nlp import blank_pipeline, build_nlp
from smrisk.pii.component import MAY_NAME, NameFeatures
from smrisk.pii.ner_tagger import decode
from smrisk.pii.tokenizer import doc_text

from ..conftest import ROOT


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


TOKENS = [
    ("hallo Sophie!!", ["hallo", "Sophie", "!", "!"]),
    ("wtf!!sophie", ["wtf", "!", "!", "sophie"]),
    ("mw.de Groot en J.P. Balkenende", ["mw.", "de", "Groot", "en", "J.P.", "Balkenende"]),
    ("Sanne's fiets en z'n auto", ["Sanne", "'s", "fiets", "en", "z'n", "auto"]),
    ("bel 06-12345678,of 020 545 1800", ["bel", "06-12345678", ",", "of", "020", "545", "1800"]),
    ("om 12:30 of 3,5 uur op 12/03", ["om", "12:30", "of", "3,5", "uur", "op", "12/03"]),
    ("#school!! @lisa_vd, a.b@c.nl.", ["#school", "!", "!", "@lisa_vd", ",", "a.b@c.nl", "."]),
    (
        "kijk instagram.com/lisa.vd! of https://x.com/a?b=1.",
        ["kijk", "instagram.com/lisa.vd", "!", "of", "https://x.com/a?b=1", "."],
    ),
    ("Jansen-de Wit, kenteken 12-BDX-3", ["Jansen", "-", "de", "Wit", ",", "kenteken", "12-BDX-3"]),
    ("top 👍🏽🇳🇱 :-) <3", ["top", "👍🏽", "🇳🇱", ":-)", "<3"]),
    ("stuur een app. Tom.", ["stuur", "een", "app", ".", "Tom", "."]),
]


@pytest.mark.parametrize(("text", "tokens"), TOKENS)
def test_social_tokenizer(text, tokens):
    assert [t.text for t in blank_pipeline().make_doc(text) if not t.is_space] == tokens


def test_tokenizer_keeps_every_character_offset():
    """Every text of the project's corpora comes back character for character."""
    nlp = blank_pipeline()
    texts = [
        json.loads(line)["text"]
        for path in sorted((ROOT / "data" / "harm").glob("*.jsonl"))
        for line in path.open()
    ]
    texts += ["  twee  spaties\n\nen witregels\t", " ", "x\u200b y", "İstanbul"]
    for text in texts:
        doc = nlp.make_doc(text)
        assert doc.text == text
        assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_tokenizer_hands_known_words_by_hash_and_forgets_zone_words():
    nlp = blank_pipeline()
    first = nlp.make_doc("Sanne belt 06-12345678 om 12:30")
    again = nlp.make_doc("Sanne belt 06-12345678 om 12:30")  # now from the kept hashes
    assert (
        again.to_array(["ORTH", "NORM", "SHAPE", "IS_TITLE"]).tolist()
        == first.to_array(["ORTH", "NORM", "SHAPE", "IS_TITLE"]).tolist()
    )
    with nlp.memory_zone():
        assert [t.shape_ for t in nlp.make_doc("Zonewoord qwxz")] == ["Xxxxx", "xxxx"]
    assert "Zonewoord" not in nlp.tokenizer._orths  # its lexeme is gone with the zone
    assert [t.text for t in nlp.make_doc("Zonewoord qwxz Sanne")] == ["Zonewoord", "qwxz", "Sanne"]
    assert nlp.make_doc("Zonewoord")[0].is_title


def test_ner_tagger_decodes_biluo_and_mends_broken_sequences():
    o, b, i, last, u = range(5)
    assert decode([o, b, i, last, o, u, u]) == [(1, 4), (5, 6), (6, 7)]
    assert decode([i, last, o, i, o, b]) == [(0, 2), (3, 4), (5, 6)]  # I/L after O open a span
    assert decode([b, b, o]) == [(0, 1), (1, 2)]
    assert decode([]) == []


def test_tokenizer_keeps_the_text_it_was_given():
    nlp = blank_pipeline()
    text = "hoi  @lisa_vd!! bel 06-12345678 of mail a.b@c.nl 😀\n"
    doc = nlp.make_doc(text)
    assert doc_text(doc) == text == doc.text
    assert [t.text for t in doc if not t.is_space] == [
        "hoi",
        "@lisa_vd",
        "!",
        "!",
        "bel",
        "06-12345678",
        "of",
        "mail",
        "a.b@c.nl",
        "😀",
    ]


@pytest.mark.parametrize(
    ("text", "may_name"),
    [
        ("wat een chaos vandaag op school", False),
        ("Wat een chaos vandaag. Morgen beter!", False),  # common words opening sentences
        ("ik zag sophie bij de bushalte", True),  # a first name in the lists, lowercase
        ("vraag het meneer even", True),  # a form of address
        ("wat een chaos bij Dravinez", True),  # a capitalised word inside a sentence
        ("Dravinez zei niks", True),  # an uncommon word opening a sentence
    ],
)
def test_name_features_tell_which_posts_may_hold_a_name(text, may_name):
    nlp = blank_pipeline()
    features = NameFeatures("names", nlp.vocab, frequencies=True)
    features.zipf = {"wat": 7, "morgen": 6, "vandaag": 6, "chaos": 4}
    assert features(nlp.make_doc(text)).user_data[MAY_NAME] is may_name


def test_posts_without_a_possible_name_skip_the_network():
    nlp = build_nlp(10_000)
    skipped, named = nlp.pipe(["wat een chaos vandaag op school", "ik sprak gisteren met Jan de Vries"])
    assert skipped.user_data[MAY_NAME] is False and not skipped.tensor.any() and not skipped.ents
    assert named.user_data[MAY_NAME] is True and named.tensor.any()
    assert [e.text for e in named.ents] == ["Jan de Vries"]
