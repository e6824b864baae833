"""Spelling variants map to one form before the classifier reads them."""

import pytest

from smrisk.harm.normalize import normalize


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
