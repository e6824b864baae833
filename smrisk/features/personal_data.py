"""Personal data (AVG art. 4; protocol A2, and C1 for staff): one finding per span.

Reads ``doc._.personal_data`` (set by the ``smrisk_personal_data`` spaCy component) and
drops what the protocol config lists as the school's own public contact details.
Explanations name the kind of data and why it was found, never the data itself.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..findings import Finding, Post
from ..pii.recognizers import PiiMatch
from ..pii.tokenizer import doc_text
from ..roster import normalize_handle
from . import CheckContext, register_check

LABEL_NAMES = {
    "nl": {
        "PERSON": "Naam",
        "PHONE": "Telefoonnummer",
        "EMAIL": "E-mailadres",
        "ADDRESS": "Adres",
        "POSTCODE": "Postcode",
        "BSN": "BSN",
        "IBAN": "IBAN (rekeningnummer)",
        "HANDLE": "Account (@naam)",
        "PROFILE_URL": "Link naar een profiel",
        "DATE_OF_BIRTH": "Geboortedatum",
        "STUDENT_ID": "Leerlingnummer",
        "LICENSE_PLATE": "Kenteken",
    },
    "en": {
        "PERSON": "Name",
        "PHONE": "Phone number",
        "EMAIL": "E-mail address",
        "ADDRESS": "Address",
        "POSTCODE": "Postcode",
        "BSN": "Citizen service number (BSN)",
        "IBAN": "IBAN (bank account)",
        "HANDLE": "Account (@handle)",
        "PROFILE_URL": "Profile link",
        "DATE_OF_BIRTH": "Date of birth",
        "STUDENT_ID": "Student number",
        "LICENSE_PLATE": "Licence plate",
    },
}
_WORDS = {
    "nl": {
        "found_by": "gevonden door",
        "pattern": "patroon",
        "confirmed": "bevestigd met",
        "context": "contextwoord",
        "ner": "het namenmodel",
        "title": "een aanspreekvorm ervoor",
    },
    "en": {
        "found_by": "found by",
        "pattern": "pattern",
        "confirmed": "confirmed by",
        "context": "context word",
        "ner": "the name model",
        "title": "a form of address before it",
    },
}


def _phone_digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    for prefix in ("0031", "31"):
        if digits.startswith(prefix) and len(digits) > 10:
            return "0" + digits[len(prefix) :].lstrip("0")
    return digits


def _squash(text: str) -> str:
    return " ".join(text.lower().replace(",", " ").split())


@register_check("personal_data")
class PersonalData:
    """Fires one finding per span of personal data (A2; A2 and C1 when a staff member posts)."""

    name = "personal_data"
    labels = tuple(LABEL_NAMES["en"])

    def __init__(self, context: CheckContext) -> None:
        school = context.config.school
        self.roster = context.roster
        self.lang = context.lang
        self.public_phones = {_phone_digits(p) for p in school.public_phones}
        self.public_emails = {e.lower() for e in school.public_emails}
        self.public_addresses = [_squash(a) for a in school.public_addresses]
        officials = [*school.official_handles]
        officials += [h for m in context.roster.members if m.is_official for h in m.handles]
        self.public_handles = {normalize_handle(h) for h in officials}
        self.public_sites = {w.lower().removeprefix("www.") for w in school.public_websites}

    def __call__(self, doc: Doc, post: Post) -> list[Finding]:
        matches = doc._.personal_data
        if not matches:
            return []
        text = doc_text(doc)
        author = self.roster.match(post.author, post.author_name)
        articles = ("A2", "C1") if author is not None and not author.is_official else ("A2",)
        return [
            Finding("personal_data", m.label, m.start, m.end, m.score, articles, self._explain(m))
            for m in matches
            if not self._is_public(m, text[m.start : m.end])
        ]

    def _is_public(self, match: PiiMatch, surface: str) -> bool:
        """The school's own contact details, accounts and website are not personal data."""
        if match.label == "PHONE":
            return _phone_digits(surface) in self.public_phones
        if match.label == "EMAIL":
            return surface.lower() in self.public_emails
        if match.label in ("ADDRESS", "POSTCODE"):
            squashed = _squash(surface)
            return any(squashed in address for address in self.public_addresses)
        if match.label == "HANDLE":
            return normalize_handle(surface) in self.public_handles
        if match.label == "PROFILE_URL":
            path = re.sub(r"^(?:https?://)?(?:www\.|m\.)?", "", surface.lower()).rstrip("/")
            account = path.split("/")[-1].lstrip("@").split("?")[0]
            return account in self.public_handles or any(path.startswith(s) for s in self.public_sites)
        return False

    def _explain(self, match: PiiMatch) -> str:
        words = _WORDS[self.lang]
        what = LABEL_NAMES[self.lang][match.label]
        if match.recognizer == "ner":
            how = words["ner"]
        elif match.recognizer == "TitledNameRecognizer":
            how = words["title"]
        else:
            how = f"{words['pattern']} '{match.pattern}'"
        parts = [f"{what}: {words['found_by']} {how}"]
        if match.validation:
            parts.append(f"{words['confirmed']} {match.validation}")
        if match.context:
            parts.append(f"{words['context']} '{match.context}'")
        return ", ".join(parts) + "."
