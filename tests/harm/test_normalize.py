"""Spelling variants map to one form before the classifier reads them."""

import pytest

from smrisk.harm.normalize import GluedWords, normalize


@pytest.mark.parametrize(
    "text, expected",
    [
        ("K4NKER lijer", "kanker lijer"),
        ("kaaaaanker", "kaanker"),
        ("k a n k e r", "kanker"),
        ("ik st33k je neer", "ik steek je neer"),
        ("h0er l0s3r", "hoer loser"),
        ("zit in 3b of 4havo, om 14 uur", "zit in 3b of 4havo, om 14 uur"),
        ("Café Één", "cafe een"),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_handles_and_urls_become_markers():
    assert normalize("@lisa_x kijk https://x.com/a/status/1").split() == ["@user", "kijk", "url"]


KNOWN = {"ik": 1.0, "maak": 3.0, "je": 1.0, "dood": 4.0, "ga": 1.0, "naar": 1.0, "huis": 2.0, "kanker": 5.0}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ikmaakjedood!!", "ik maak je dood!!"),
        ("ik ganaarhuis?", "ik ga naar huis?"),
        ("ik maak je dood", "ik maak je dood"),  # known words stay
        ("jantjebeton", "jantjebeton"),  # no split into known words: stays
        ("kankerhuis", "kanker huis"),
        ("3bmaakje", "3bmaakje"),  # only runs of letters are split
    ],
)
def test_glued_words_are_split_into_known_words(text, expected):
    assert GluedWords(KNOWN)(text) == expected


def test_glued_words_prefer_fewer_then_commoner_words():
    words = GluedWords(
        {"ver": 2.0, "haal": 3.0, "verhaal": 4.0, "tje": 9.0, "verhaaltje": 9.5, "haaltje": 9.0}
    )
    assert words("verhaaltjes") == "verhaaltjes"  # unknown and no split: stays
    assert GluedWords({"ver": 2.0, "haal": 3.0, "verhaal": 4.0, "zelf": 1.0})("verhaalzelf") == "verhaal zelf"


def test_glued_words_pickle_without_their_cache():
    import pickle

    words = GluedWords(KNOWN)
    words("ikmaakjedood")
    copy = pickle.loads(pickle.dumps(words))
    assert copy._cache == {} and copy("ikmaakjedood") == "ik maak je dood"
    assert copy.vocabulary == words.vocabulary and copy.longest == words.longest
