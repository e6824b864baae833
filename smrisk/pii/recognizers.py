"""Pattern recognizers for Dutch personal data, Presidio-style: each is mostly data (patterns,
context words) plus a ``validate`` hook, and every match says why it fired.

    >>> [m.label for m in analyze("bel me op 06-12345678 of mail sanne@gmail.com")]
    ['PHONE', 'EMAIL']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from .names import is_first_name, is_surname
from .validators import elfproef, iban_ok, phone_ok, plate_side_code

_I = re.IGNORECASE
# A sentence end that limits where context is looked for ("geb. 4/11" is not one): a newline,
# or [.!?]+ and whitespace not after an abbreviation. Written to start with the character
# class, so Python's regex engine skips ahead to punctuation.
_SENTENCE_END = re.compile(
    r"[\n.!?](?:(?<=\n)|(?<!\bgeb.)(?<!\btel.)(?<!\bnr.)(?<!\bmw.)(?<!\bdhr.)(?<!\bmr.)(?<!\bmevr.)[.!?]*\s+)",
    _I,
)


def _lead(char: str, not_after: str) -> str:
    """Regex for ``char`` not preceded by ``not_after`` (both one character class).

    Written char first, boundary after ("\\d(?<![\\w-]\\d)" rather than "(?<![\\w-])\\d"), so that
    Python's regex engine jumps to candidate characters instead of trying every position.
    """
    return f"{char}(?<!{not_after}{char})"


@dataclass(frozen=True)
class Pattern:
    """A named regex with the score a match gets before validation and context."""

    name: str
    regex: str
    score: float
    flags: int = _I

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"pattern {self.name}: score must lie in 0..1")
        re.compile(self.regex, self.flags)  # fail fast on a bad regex


@dataclass(frozen=True)
class PiiMatch:
    """A span of personal data and the decision process behind it."""

    start: int
    end: int
    label: str
    score: float
    recognizer: str
    pattern: str
    validation: str | None = None  # the check that confirmed it ("elfproef", "mod-97", ...)
    context: str | None = None  # the context word that raised the score


class PatternRecognizer:
    """Finds one label by patterns; context words nearby raise the score (or are required).

    Subclasses set the class attributes and may override :meth:`validate`, which returns
    True (confirmed: score raised to ``validated_score``), False (rejected) or None (left).
    """

    label: ClassVar[str]
    patterns: ClassVar[tuple[Pattern, ...]]
    context: ClassVar[tuple[str, ...]] = ()
    context_after: ClassVar[tuple[str, ...]] = ()  # words that count when they follow the match
    context_before: ClassVar[int] = 40  # characters before a match searched for context
    context_after_chars: ClassVar[int] = 25
    context_required: ClassVar[bool] = False
    context_score: ClassVar[float] = 0.95
    #: A cheap test a text must pass before the patterns run ("\\d": has a digit).
    requires: ClassVar[str | None] = None
    validated_score: ClassVar[float] = 0.95
    validation_name: ClassVar[str | None] = None

    def __init__(self) -> None:
        self._compiled = [(p, re.compile(p.regex, p.flags)) for p in self.patterns]
        self._requires = re.compile(self.requires).search if self.requires else None
        self._context = _word_regex(self.context)
        self._context_after = _word_regex(self.context_after)

    @property
    def name(self) -> str:
        return type(self).__name__

    def validate(self, text: str) -> bool | None:
        return None

    def analyze(self, text: str) -> list[PiiMatch]:
        if self._requires is not None and self._requires(text) is None:
            return []
        matches = []
        for pattern, regex in self._compiled:
            for found in regex.finditer(text):
                start, end = found.span("value") if "value" in regex.groupindex else found.span()
                surface = text[start:end]
                verdict = self.validate(surface)
                if verdict is False:
                    continue
                score = self.validated_score if verdict else pattern.score
                word = self._context_word(text, start, end)
                if word is None and self.context_required:
                    continue
                if word is not None:
                    score = max(score, self.context_score)
                matches.append(
                    PiiMatch(
                        start,
                        end,
                        self.label,
                        score,
                        self.name,
                        pattern.name,
                        self.validation_name if verdict else None,
                        word,
                    )
                )
        return matches

    def _context_word(self, text: str, start: int, end: int) -> str | None:
        """The nearest context word in the same sentence (before, or after where allowed)."""
        if self._context is not None:
            before = text[max(0, start - self.context_before) : start]
            ends = [m.end() for m in _SENTENCE_END.finditer(before)]
            found = list(self._context.finditer(before[ends[-1] :] if ends else before))
            if found:
                return found[-1].group(0).lower()
        if self._context_after is not None:
            after = text[end : end + self.context_after_chars]
            stop = _SENTENCE_END.search(after)
            found_after = self._context_after.search(after[: stop.start()] if stop else after)
            if found_after:
                return found_after.group(0).lower()
        return None


def _word_regex(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", _I) if words else None


# --- the recognizers -------------------------------------------------------------------------


class EmailRecognizer(PatternRecognizer):
    label = "EMAIL"
    requires = r"@"
    patterns = (Pattern("email", r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}(?![\w-])", 0.95),)


# "+" or "00" opening an international number, not inside a word or number.
_PLUS_OR_00 = "(?:" + _lead(r"\+", r"[\w+]") + "|" + _lead("0", r"[\w+]") + "0)"


class PhoneRecognizer(PatternRecognizer):
    label = "PHONE"
    requires = r"\d"
    patterns = (
        Pattern("international", _PLUS_OR_00 + r"\d{2}[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){7,9}(?!\d)", 0.4),
        Pattern("national", _lead("0", r"[\w+]") + r"(?:[\s-]?\d){9}(?!\d)", 0.4),
        Pattern(
            "national_bracketed", _lead(r"\(", r"[\w+]") + r"0\d{2,3}\)\s?\d(?:[\s-]?\d){5,6}(?!\d)", 0.4
        ),
    )
    context = (
        "bel",
        "bellen",
        "tel",
        "tel\\.",
        "telefoon",
        "telefoonnummer",
        "nummer",
        "mobiel",
        "06",
        "app",
        "appen",
        "whatsapp",
        "sms",
        "gsm",
        "phone",
    )
    context_score = 0.6
    validation_name = "telefoonnummer-check"

    def validate(self, text: str) -> bool | None:
        return phone_ok(text)  # invalid numbers are rejected


class BsnRecognizer(PatternRecognizer):
    label = "BSN"
    requires = r"\d"
    patterns = (
        Pattern("nine_digits", _lead(r"\d", r"[\d.,-]") + r"\d{8}(?![\d.,]?\d)", 0.6),
        Pattern(
            "grouped",
            _lead(r"\d", r"[\d.,-]")
            + r"(?:\d{3}\.\d{2}\.\d{3}|\d{2}(?P<sep>[.\s])\d{3}(?P=sep)\d{3})(?![\d.,]?\d)",
            0.6,
        ),
    )
    context = (
        "bsn",
        "bsn-nummer",
        "burgerservicenummer",
        "burger service nummer",
        "sofinummer",
        "sofi-nummer",
        "sofi nummer",
        "persoonsnummer",
    )
    context_before = 60
    context_score = 1.0
    validated_score = 0.7
    validation_name = "elfproef"

    def validate(self, text: str) -> bool | None:
        return elfproef(text)


class IbanRecognizer(PatternRecognizer):
    label = "IBAN"
    requires = r"\d"
    patterns = (
        Pattern("iban", r"(?<![\w])[a-z]{2}\d{2}(?:[ ]?[a-z0-9]{4}){3,7}(?:[ ]?[a-z0-9]{1,3})?(?![\w])", 0.3),
    )
    context = ("iban", "rekening", "rekeningnummer", "rekeningnr", "overmaken", "maak", "tikkie")
    validation_name = "mod-97"

    def validate(self, text: str) -> bool | None:
        return iban_ok(text)


class HandleRecognizer(PatternRecognizer):
    label = "HANDLE"
    requires = r"@"
    patterns = (Pattern("handle", r"(?<![\w@./])@[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?(?![\w@])", 0.85),)


_PROFILE_HOSTS = (
    r"instagram\.com|tiktok\.com/@|vm\.tiktok\.com|linktr\.ee|facebook\.com|fb\.com|x\.com|twitter\.com"
    r"|snapchat\.com/add|youtube\.com/@|linkedin\.com/in|threads\.net/@|twitch\.tv|pinterest\.com"
)
_NOT_PROFILES = re.compile(
    r"/(?:p|reel|reels|tv|status|video|watch|groups|events|hashtag|explore|posts|share|search"
    r"|stories/highlights|pages|help|login|legal|about)(?:/|$)|[?&](?:v|story_fbid)=",
    _I,
)


class ProfileUrlRecognizer(PatternRecognizer):
    label = "PROFILE_URL"
    requires = r"(?i)\.(?:com|ee|net|tv)"  # every profile host has one
    patterns = (
        Pattern(
            "profile_url",
            r"(?<![\w/@.])(?:https?://)?(?:www\.|m\.)?(?:" + _PROFILE_HOSTS + r")/?[\w.@%~-]+"
            r"(?:/[\w.@%~-]*)*(?:\?[\w=&%.-]*)?(?<![.,])",
            0.9,
        ),
    )

    def validate(self, text: str) -> bool | None:
        return False if _NOT_PROFILES.search(text) else None


class PostcodeRecognizer(PatternRecognizer):
    label = "POSTCODE"
    requires = r"\d"
    patterns = (
        Pattern("upper", _lead("[1-9]", r"[\w-]") + r"\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}(?![\w])", 0.75, 0),
        Pattern("lower_glued", _lead("[1-9]", r"[\w-]") + r"\d{3}(?!sa|sd|ss)[a-z]{2}(?![\w])", 0.6, 0),
    )
    context = ("postcode", "pc", "adres", "woont", "wonen", "straat", "laan", "weg")
    context_score = 0.9
    _UNITS = frozenset(
        {
            "KM",
            "MB",
            "GB",
            "KB",
            "TB",
            "CM",
            "MM",
            "KG",
            "PK",
            "EU",
            "NL",
            "BV",
            "HZ",
            "AM",
            "PM",
            "EN",
            "OF",
            "IN",
            "OP",
            "TV",
            "CD",
            "VS",
            "UK",
            "GT",
            "ML",
            "XP",
            "km",
            "mb",
            "gb",
            "kb",
            "cm",
            "mm",
            "kg",
            "pk",
            "ml",
            "xp",
            "hz",
            "am",
            "pm",
        }
    )

    def validate(self, text: str) -> bool | None:
        return False if text[-2:] in self._UNITS else None


_STREET_SUFFIX = (
    r"straat|straatje|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg|pad|hof|park|plantsoen"
    r"|baan|allee|markt|veld|wal|ring|boulevard|erf|haven|burgwal|kanaal|dam|brink|hoven|akker"
    r"|wetering|vaart|oever|zoom|rade|horst|weide|hout|polder|kamp|stede|berg|heuvel|bos|tuin"
    r"|hoek|poort|gang|steenweg|lei|dreef|driesch|kwartier"
)


# Words that start multiword street names: "Van Heuvenlaan", "Burgemeester Haspelslaan".
_STREET_PREFIX = (
    r"(?:Van|Burgemeester|Burg\.|Prins|Prinses|Koningin|Koning|Graaf|Gravin|Hertog|Oude|Nieuwe"
    r"|Korte|Lange|Groot|Grote|Kleine|Klein|Hoge|Lage|Sint|St\.|Dokter|Dr\.|Generaal|Admiraal"
    r"|Pastoor|Pater|Professor|Prof\.|Noorder|Zuider|Ooster|Wester|Eerste|Tweede|Derde|Mr\.|Jhr\.)"
)
_HOUSE_NUMBER = (
    r"\d{1,4}(?!\d)(?:[ -]?[A-Za-z](?![\w])|-(?:[IVX]{1,3}|hs|bis|\d{1,3}|[A-Za-z])(?![\w])"
    r"|\s(?:hs|bis|I{1,3})(?![\w]))?"
)


class AddressRecognizer(PatternRecognizer):
    label = "ADDRESS"
    requires = r"\d"
    # The lookaheads are the cheap test: a word followed by a number, before the long
    # alternations of titles and street suffixes are tried.
    patterns = (
        Pattern(
            "street_number",
            r"(?<![\w])(?:(?=[A-Z])" + _STREET_PREFIX + r"\s(?:(?:van|de|der|den|het|'t|ter|ten)\s)*){0,2}"
            r"(?=[A-Za-zÀ-ÿ][\w'’-]*\s+\d)[A-Za-zÀ-ÿ][\w'’-]*(?:" + _STREET_SUFFIX + r")\s+" + _HOUSE_NUMBER,
            0.8,
            0,
        ),
        Pattern(
            "street_number_lower",
            r"(?<![\w])(?=[a-zà-ÿ][\w'’-]*\s+\d)[a-zà-ÿ][\w'’-]*(?:" + _STREET_SUFFIX + r")\s+\d{1,4}"
            r"(?:[ -]?[a-z](?![\w]))?(?![\w])",
            0.7,
            0,
        ),
        Pattern(  # "Laan van Ouderkerk 12", "Plein 1944 3"
            "leading_street_word",
            r"(?<![\w])(?:Laan|Plein|Weg|Kade|Dreef|Park|Pad|Hof|Straat)\s(?:(?:van|der|de|den|het|op|in|aan|"
            r"[A-Z][\w'’-]*)\s){1,3}" + _HOUSE_NUMBER,
            0.8,
            0,
        ),
        Pattern(  # any name with a house number, when a postcode follows: "Zonnestein 226, 1181 NP"
            "before_postcode",
            r"(?<![\w])[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}\s"
            + _HOUSE_NUMBER
            + r"(?=,?\s+[1-9]\d{3}\s?[A-Z]{2}(?![\w]))",
            0.85,
            0,
        ),
    )
    context = ("woont", "wonen", "adres", "woon", "thuis", "huis", "postcode", "op nummer")
    context_score = 0.9


class LicensePlateRecognizer(PatternRecognizer):
    label = "LICENSE_PLATE"
    requires = r"\d"
    patterns = (
        Pattern(
            "dashed",
            _lead("[a-z0-9]", r"[\w-]") + r"[a-z0-9]{0,2}-[a-z0-9]{2,3}-[a-z0-9]{1,3}(?![\w-])",
            0.85,
        ),
        Pattern("undashed", r"(?<![\w-])(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{6}(?![\w-])", 0.3),
    )
    context = (
        "kenteken",
        "kentekenplaat",
        "nummerbord",
        "nummerplaat",
        "auto",
        "wagen",
        "bus",
        "busje",
        "scooter",
        "brommer",
    )
    context_score = 0.9
    validation_name = "RDW-zijcode"
    _LETTERS = re.compile(r"^[BDFGHJKLMNPRSTVXZ0-9-]+$")

    def validate(self, text: str) -> bool | None:
        plate = text.upper()
        if plate_side_code(plate) is None or not self._LETTERS.match(plate):
            return False
        return None


_MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|january|february|march|may|june|july|october"
    r"|(?:jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\.?"
)


class DateOfBirthRecognizer(PatternRecognizer):
    label = "DATE_OF_BIRTH"
    requires = r"\d"
    patterns = (
        Pattern("numeric", _lead(r"\d", r"[\w/.-]") + r"\d?[-/.]\d{1,2}[-/.](?:19|20)?\d{2}(?![\w/-])", 0.85),
        Pattern("iso", r"(?<![\w/.-])(?:19|20)\d{2}-\d{2}-\d{2}(?![\w/-])", 0.85),
        Pattern(
            "written",
            _lead(r"\d", r"\w") + r"\d?(?:e|ste|de)?\s+(?:" + _MONTHS + r")(?:\s+(?:19|20)\d{2})?(?![\w])",
            0.85,
        ),
    )
    context = (
        "geboren",
        "geb\\.",
        "geb",
        "geboortedatum",
        "geboortedag",
        "jarig",
        "verjaardag",
        "verjaart",
        "wordt \\d{1,2}",
        "werd \\d{1,2}",
        "bday",
        "birthday",
        "born",
        "dob",
        "verjaardagsfeest",
        "gefeliciteerd",
        "met je \\d{1,2}e",
        "happy birthday",
        "🎂",
        "🥳",
        "🎈",
    )
    context_after = ("geboren", "jarig", "verjaardag", "🎂", "🥳", "is jouw dag", "is mijn dag")
    context_required = True
    context_before = 45
    context_score = 0.9


class StudentIdRecognizer(PatternRecognizer):
    label = "STUDENT_ID"
    requires = r"\d"
    patterns = (Pattern("number", _lead(r"\d", r"[\w.-]") + r"\d{3,7}(?![\w.-]?\d)", 0.9),)
    context = (
        "leerlingnummers?",
        "leerlingnr",
        "leerling-nummers?",
        "leerling nummers?",
        "llnr",
        "ll\\.nr",
        "ll-nr",
        "studentnummers?",
        "studentnr",
        "student numbers?",
        "stamnummers?",
        "leerlingcode",
        "leerling-id",
        "leerlingid",
    )
    context_required = True
    context_before = 60


_TITLES = (
    r"meneer|mnr|mevrouw|mevr\.?|mw\.?|dhr\.?|mr\.?|juf|juffrouw|meester|mentor|coach|docent|docente"
    r"|opa|oma|tante|oom"
)
_NAME_PARTICLES = r"van|de|der|den|ter|ten|te|het|'t|in\s't|el|al|ben|da|dos|du|le|la|mc"
_NOT_A_NAME = frozenset(
    "is was zei zegt heeft had wil gaat ging moet kan mag deed doet en of maar die dat de het een ook "
    "niet wel zelf rector directeur voorzitter uit van bij met op in aan voor als dan nog al zo "
    "heel echt altijd nooit vandaag gisteren morgen weer even toch gewoon haha lol".split()
)


class TitledNameRecognizer(PatternRecognizer):
    """A name after a form of address ("meneer bakker", "juf samira"): the title is not in the span."""

    label = "PERSON"
    patterns = (
        Pattern(
            "after_title",
            r"(?<![\w])(?:" + _TITLES + r")\s+(?P<value>(?:(?:" + _NAME_PARTICLES + r")\s+)*[a-zà-ÿ][\w'’-]*"
            r"(?:-[a-zà-ÿ][\w'’]*)?)",
            0.8,
        ),
    )

    def validate(self, text: str) -> bool | None:
        words = text.split()
        last = words[-1].lower().strip("'’")
        if last in _NOT_A_NAME or (len(words) == 1 and words[0].lower() in _NOT_A_NAME):
            return False
        if text[0].isupper() or is_surname(text) or is_first_name(last):
            return None
        return False


RECOGNIZERS: tuple[type[PatternRecognizer], ...] = (
    EmailRecognizer,
    ProfileUrlRecognizer,
    HandleRecognizer,
    IbanRecognizer,
    PhoneRecognizer,
    BsnRecognizer,
    PostcodeRecognizer,
    AddressRecognizer,
    LicensePlateRecognizer,
    DateOfBirthRecognizer,
    StudentIdRecognizer,
    TitledNameRecognizer,
)

# When spans overlap, the earlier label in this list wins (a URL holds a handle; an IBAN holds digits).
PRIORITY = (
    "EMAIL",
    "PROFILE_URL",
    "IBAN",
    "HANDLE",
    "PHONE",
    "BSN",
    "LICENSE_PLATE",
    "ADDRESS",
    "POSTCODE",
    "DATE_OF_BIRTH",
    "STUDENT_ID",
    "PERSON",
)


def build_recognizers(names: Iterable[str] | None = None) -> list[PatternRecognizer]:
    """Instances of the recognizers (all, or those whose class names are given)."""
    wanted = set(names) if names is not None else None
    return [cls() for cls in RECOGNIZERS if wanted is None or cls.__name__ in wanted]


def resolve_overlaps(matches: Iterable[PiiMatch]) -> list[PiiMatch]:
    """Keep non-overlapping matches: higher priority first, then longer, then higher score."""
    rank = {label: i for i, label in enumerate(PRIORITY)}
    ordered = sorted(matches, key=lambda m: (rank.get(m.label, 99), -(m.end - m.start), -m.score))
    kept: list[PiiMatch] = []
    for match in ordered:
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def find_matches(
    text: str, recognizers: Iterable[PatternRecognizer], min_score: float = 0.5
) -> list[PiiMatch]:
    """Every recognizer's matches in ``text`` scoring at least ``min_score``, overlaps kept."""
    return [m for r in recognizers for m in r.analyze(text) if m.score >= min_score]


def analyze(
    text: str, recognizers: list[PatternRecognizer] | None = None, min_score: float = 0.5
) -> list[PiiMatch]:
    """Pattern matches in ``text`` scoring at least ``min_score``, overlaps resolved."""
    recognizers = recognizers if recognizers is not None else build_recognizers()
    return resolve_overlaps(find_matches(text, recognizers, min_score))
