"""Checksums and formats that tell a real identifier from a look-alike number."""

from __future__ import annotations

import re

import phonenumbers


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def elfproef(text: str) -> bool:
    """BSN check: 9 digits d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11, not 0."""
    number = digits(text)
    if len(number) == 8:
        number = "0" + number
    if len(number) != 9 or number == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(number, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def iban_ok(text: str) -> bool:
    """IBAN mod-97 check (ISO 13616), any country; Dutch IBANs must be 18 characters."""
    iban = re.sub(r"[\s.-]", "", text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", iban):
        return False
    if iban.startswith("NL") and len(iban) != 18:
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def phone_ok(text: str) -> bool:
    """A valid phone number, read as Dutch unless it carries a country code."""
    candidate = text.strip()
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]
    try:
        number = phonenumbers.parse(candidate, "NL")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


# RDW side codes (sidecodes) of Dutch licence plates: X letter, 9 digit.
PLATE_SIDE_CODES = (
    "XX-99-99",
    "99-99-XX",
    "99-XX-99",
    "XX-99-XX",
    "XX-XX-99",
    "99-XX-XX",
    "99-XXX-9",
    "9-XXX-99",
    "XX-999-X",
    "X-999-XX",
    "XXX-99-X",
    "X-99-XXX",
    "9-XX-999",
    "999-XX-9",
)
_PLATE_SHAPES = {code.replace("-", ""): code for code in PLATE_SIDE_CODES}


def plate_side_code(text: str) -> str | None:
    """The side code a plate fits ("GV-512-K" -> "XX-999-X"), or None."""
    plate = text.upper()
    groups = re.split(r"[-\s]", plate)
    shape = "".join("X" if ch.isalpha() else "9" for ch in plate if ch.isalnum())
    code = _PLATE_SHAPES.get(shape)
    if code is None:
        return None
    if len(groups) > 1 and [len(g) for g in groups] != [len(g) for g in code.split("-")]:
        return None
    return code
