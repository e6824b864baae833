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
    """A named regex with the score a match gets before validation and context.

    ``requires`` is a cheap regex the lowercased text must contain before the pattern runs
    (written to start with a rare character, so the search skips ahead); with
    ``needs_context`` a match counts only next to one of the recognizer's context words.
    """

    name: str
    regex: str
    score: float
    flags: int = _I
    requires: str | None = None
    needs_context: bool = False

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"pattern {self.name}: score must lie in 0..1")
        re.compile(self.regex, self.flags)  # fail fast on a bad regex
        if self.requires is not None:
            re.compile(self.requires)


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
    #: A regex that, found between a context word and a match, keeps the word from counting.
    context_blocked_by: ClassVar[str | None] = None
    #: A cheap test the lowercased text must pass before the patterns run ("\\d": has a digit).
    requires: ClassVar[str | None] = None
    validated_score: ClassVar[float] = 0.95
    validation_name: ClassVar[str | None] = None

    def __init__(self) -> None:
        # Case-insensitive patterns also run as written on the lowercased text: Python's regex
        # engine skips ahead to a pattern's first character only without IGNORECASE (a
        # lowercase alternation is several times faster). Offsets stay true wherever
        # lowercasing keeps the length, which is checked per text.
        # Per pattern: the pattern, its regex for the lowercased text (None when case matters),
        # its regex for the text as written, its own cheap test, whether it counts only in
        # context.
        self._plans = [
            (
                p,
                re.compile(p.regex, p.flags & ~_I) if p.flags & _I else None,
                re.compile(p.regex, p.flags),
                re.compile(p.requires).search if p.requires else None,
                p.needs_context or self.context_required,
            )
            for p in self.patterns
        ]
        self._refines = type(self).applies is not PatternRecognizer.applies
        self._requires = re.compile(self.requires).search if self.requires else None
        self._context = _word_regex(self.context)
        self._context_after = _word_regex(self.context_after)
        self._blocked = re.compile(self.context_blocked_by).search if self.context_blocked_by else None
        # Any context word anywhere, boundaries left out: a quick test before patterns that
        # count only in context are run at all.
        words = (*self.context, *self.context_after)
        self._any_context = re.compile("|".join(words)).search if words else None

    @property
    def name(self) -> str:
        return type(self).__name__

    def validate(self, text: str) -> bool | None:
        return None

    def validate_match(self, text: str, pattern: Pattern) -> bool | None:
        """:meth:`validate` for a match of ``pattern`` (for recognizers whose patterns differ)."""
        return self.validate(text)

    def applies(self, pattern: Pattern, lowered: str) -> bool:
        """Whether ``pattern`` can match in the (lowercased) text at all; a cheap test
        subclasses may refine."""
        return True

    def analyze(self, text: str, lowered: str | None = None) -> list[PiiMatch]:
        """Matches in ``text``; ``lowered`` is ``text.lower()`` when the caller has it."""
        if lowered is None:
            lowered = text.lower()
        if self._requires is not None and self._requires(lowered) is None:
            return []
        return self._scan(text, lowered)

    def _scan(self, text: str, lowered: str) -> list[PiiMatch]:
        """:meth:`analyze` once the recognizer's own ``requires`` test has passed."""
        subject = lowered if len(lowered) == len(text) else text  # "İ" lowercases to two characters
        on_lowered = subject is lowered
        in_context: bool | None = None
        matches = []
        for pattern, fast, exact, requires, contextual in self._plans:
            if requires is not None and requires(lowered) is None:
                continue
            if contextual:
                if in_context is None:
                    in_context = self._any_context is not None and self._any_context(lowered) is not None
                if not in_context:
                    continue
            if self._refines and not self.applies(pattern, lowered):
                continue
            regex, searched = (fast, lowered) if fast is not None and on_lowered else (exact, text)
            for found in regex.finditer(searched):
                start, end = found.span("value") if "value" in regex.groupindex else found.span()
                verdict = self.validate_match(text[start:end], pattern)
                if verdict is False:
                    continue
                score = self.validated_score if verdict else pattern.score
                word = self._context_word(subject, start, end)
                if word is None and contextual:
                    continue
                if word is not None:
                    score = max(score, self.context_score)
                validation = self.validation_name if verdict else None
                matches.append(
                    PiiMatch(start, end, self.label, score, self.name, pattern.name, validation, word)
                )
        return matches

    def _context_word(self, text: str, start: int, end: int) -> str | None:
        """The nearest context word in the same sentence (before, or after where allowed)."""
        if self._context is not None:
            before = text[max(0, start - self.context_before) : start]
            ends = [m.end() for m in _SENTENCE_END.finditer(before)]
            before = before[ends[-1] :] if ends else before
            found = list(self._context.finditer(before))
            if found and not (self._blocked and self._blocked(before, found[-1].end())):
                return found[-1].group(0).lower()
        if self._context_after is not None:
            after = text[end : end + self.context_after_chars]
            stop = _SENTENCE_END.search(after)
            found_after = self._context_after.search(after[: stop.start()] if stop else after)
            if found_after and not (self._blocked and self._blocked(after, 0, found_after.start())):
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
    requires = r"\d\d"  # phone numbers have 9 digits or more
    patterns = (
        Pattern("international", _PLUS_OR_00 + r"\d{2}[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){7,9}(?!\d)", 0.4),
        Pattern("national", _lead("0", r"[\w+]") + r"(?:[\s.-]?\d){9}(?![\d.]?\d)", 0.4),
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
    requires = r"\d\d"  # nine digits
    patterns = (
        Pattern("nine_digits", _lead(r"\d", r"[\d.,-]") + r"\d{8}(?![\d.,]?\d)", 0.6, requires=r"\d{9}"),
        Pattern(
            "grouped",
            _lead(r"\d", r"[\d.,-]")
            + r"(?:\d{3}\.\d{2}\.\d{3}|\d{2}(?P<sep>[.\s])\d{3}(?P=sep)\d{3})(?![\d.,]?\d)",
            0.6,
            requires=r"\d[.\s]\d\d",
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
    requires = r"\d\d"  # two check digits
    patterns = (
        Pattern(
            "iban",
            r"(?<![\w])[a-z]{2}\d{2}(?:[ ]?[a-z0-9]{4}){3,7}(?:[ ]?[a-z0-9]{1,3})?(?![\w])",
            0.3,
            requires=r"\d\d ?[a-z0-9]{4} ?[a-z0-9]{4}",  # check digits, then two groups
        ),
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
    requires = r"\.(?:com|ee|net|tv)"  # every profile host has one (tested on the lowercased text)
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
    requires = r"\d\d"  # four digits
    patterns = (
        Pattern("upper", _lead("[1-9]", r"[\w-]") + r"\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}(?![\w])", 0.75, 0),
        Pattern("lower_glued", _lead("[1-9]", r"[\w-]") + r"\d{3}(?!sa|sd|ss)[a-z]{2}(?![\w])", 0.6, 0),
        Pattern(  # "1186 rd", but not a year and a word ("in 2015 af", see validate_match)
            "lower_spaced",
            _lead("[1-9]", r"[\w-]") + r"\d{3} (?!sa|sd|ss)[a-z]{2}(?![\w])",
            0.55,
            0,
            requires=r"\d{4} [a-z]{2}(?![\w])",
        ),
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
            "HD",
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
            "hd",
            "am",
            "pm",
        }
    )

    #: Words that follow a number in lowercase text ("2024 en", "1500 op"): not postcode letters.
    _WORDS = frozenset("en of in op om de te is ik je we ze al na nu zo ja er da ge nr af vs".split())

    def validate_match(self, text: str, pattern: Pattern) -> bool | None:
        letters = text[-2:]
        if letters in self._UNITS or letters in self._WORDS:
            return False
        if pattern.name == "lower_spaced" and text[:2] in ("19", "20"):
            return False  # a year followed by a word
        return None


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
# Words after a number that make it a quantity, not a house number ("op de snelweg 2 uur").
_NOT_QUANTITY = (
    r"(?!\s*(?:uur|u|min|minuten|sec|seconden|dag|dagen|week|weken|maand|maanden|jaar|jaren|km"
    r"|kilometer|meter|m|cm|keer|x|man|mensen|euro|procent|graden|stuks|kinderen|leerlingen)(?![\w]))"
)
_HOUSE_NUMBER = (
    r"\d{1,4}(?!\d)(?:[ -]?[A-Za-z](?![\w])|-(?:[IVX]{1,3}|hs|bis|\d{1,3}|[A-Za-z])(?![\w])"
    r"|\s(?:hs|bis|I{1,3})(?![\w]))?" + _NOT_QUANTITY
)
# Titles that start street names in lowercase posts ("burgemeester haspelslaan 12").
_STREET_TITLE_LOWER = (
    r"(?:burgemeester|burg\.|prins|prinses|koningin|koning|graaf|gravin|hertog|sint|st\.|dokter|dr\."
    r"|generaal|admiraal|pastoor|pater|professor|prof\.|mr\.|jhr\.)"
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
        Pattern(  # "Johan Huizingalaan 205": a first name before the street (checked in validate)
            "street_number_after_first_name",
            r"(?<![\w])[A-Z][a-zà-ÿ]+\s(?=[A-Z][\w'’-]*\s+\d)[A-Z][\w'’-]*(?:"
            + _STREET_SUFFIX
            + r")\s+"
            + _HOUSE_NUMBER,
            0.8,
            0,
        ),
        Pattern(
            "street_number_lower",
            r"(?<![\w])(?:" + _STREET_TITLE_LOWER + r"\s(?:(?:van|de|der|den|het|'t|ter|ten)\s)*)?"
            r"(?=[a-zà-ÿ][\w'’-]*\s+\d)[a-zà-ÿ][\w'’-]*(?:" + _STREET_SUFFIX + r")\s+\d{1,4}"
            r"(?:[ -]?[a-z](?![\w]))?(?![\w])" + _NOT_QUANTITY,
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
            requires=r"[1-9]\d{3}\s?[a-z]{2}(?![\w])",
        ),
    )
    context = ("woont", "wonen", "adres", "woon", "thuis", "huis", "postcode", "op nummer")
    context_score = 0.9
    _SUFFIXES = tuple(_STREET_SUFFIX.split("|"))
    _NUMBER_AFTER_SPACE = re.compile(r"\s+\d")

    def __init__(self) -> None:
        super().__init__()
        self._street_number: tuple[str | None, bool] = (None, False)  # last text tested, and the answer

    def applies(self, pattern: Pattern, lowered: str) -> bool:
        """The street patterns need a word ending in a street suffix right before a number:
        tested at each number (once per text), which is much cheaper than the patterns."""
        if not pattern.name.startswith("street_number"):
            return True
        if self._street_number[0] is not lowered:
            found = any(
                lowered.endswith(self._SUFFIXES, 0, number.start())
                for number in self._NUMBER_AFTER_SPACE.finditer(lowered)
            )
            self._street_number = (lowered, found)
        return self._street_number[1]

    def validate_match(self, text: str, pattern: Pattern) -> bool | None:
        if pattern.name == "street_number_after_first_name":
            return None if is_first_name(text.split()[0]) else False
        return None


class LicensePlateRecognizer(PatternRecognizer):
    label = "LICENSE_PLATE"
    requires = r"\d\d"  # every side code has a group of 2-3 digits
    patterns = (
        Pattern(
            "dashed",
            _lead("[a-z0-9]", r"[\w-]") + r"[a-z0-9]{0,2}-[a-z0-9]{2,3}-[a-z0-9]{1,3}(?![\w-])",
            0.85,
            requires=r"-[a-z0-9]{2,3}-[a-z0-9]",
        ),
        Pattern(  # six characters without dashes are a plate only next to "kenteken", "auto", ...
            "undashed",
            r"(?<![\w-])(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{6}(?![\w-])",
            0.3,
            needs_context=True,
        ),
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
        "taxi",
        "bestelbus",
        "vrachtwagen",
        "motor",
        "camper",
        "geparkeerd",
        "flitser",
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
        Pattern(  # "12-03-2010", "geb.04.11.2009" (a dot after a word, not after a number)
            "numeric",
            r"\d(?<![\w/-]\d)(?<!\d\.\d)\d?[-/.]\d{1,2}[-/.](?:19|20)?\d{2}(?![\w/-])",
            0.85,
        ),
        Pattern(  # "bday: 17/08", "op 29-02"
            "numeric_day_month",
            _lead(r"\d", r"[\w/.-]") + r"\d?[-/]\d{1,2}(?![\w/-]|[.,]\d)",
            0.85,
        ),
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
    # "jarig op 12 maart en de toets is 14 maart": another date between the context word
    # and a date means the context belongs to that earlier date.
    context_blocked_by = r"\d(?:[-/.]\d|\s+(?:" + _MONTHS + r"))"
    _NUMBERS = re.compile(r"\d+")

    def validate(self, text: str) -> bool | None:
        """A day of 1-31 and, for a date in numbers, a month of 1-12 ("31/13" is no date)."""
        numbers = [int(n) for n in self._NUMBERS.findall(text)]
        if text[:4].isdigit():  # ISO: year-month-day
            numbers = numbers[:0:-1]
        if not 1 <= numbers[0] <= 31:
            return False
        in_numbers = not any(c.isalpha() for c in text)
        return False if in_numbers and not 1 <= numbers[1] <= 12 else None


class StudentIdRecognizer(PatternRecognizer):
    label = "STUDENT_ID"
    requires = r"\d\d"  # 3 to 8 digits
    patterns = (  # "llnr.213345": a dot after a word, not inside a number
        Pattern("number", r"\d(?<![\w-]\d)(?<!\d\.\d)\d{3,7}(?![\w.-]?\d)", 0.9),
    )
    context = (
        "leerlingnummers?",
        "leerlingnr",
        "leerling-nummers?",
        "leerling nummers?",
        "llnr",
        "ll\\.nr",
        "lln\\.? ?nr\\.?",
        "lln\\.? ?nummer",
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


#: Forms of address before a name at school; they help find a name but are not part of it.
TITLES = frozenset(
    "meneer mnr mevrouw mevr mw dhr mr juf juffrouw meester mentor coach docent docente "
    "opa oma tante oom".split()
)
_TITLES = "|".join(
    t + r"\.?" if t in ("mevr", "mw", "dhr", "mr") else t for t in sorted(TITLES, key=len, reverse=True)
)
_NAME_PARTICLES = r"van|de|der|den|ter|ten|te|het|'t|in\s't|el|al|ben|da|dos|du|le|la|mc"
_NOT_A_NAME = frozenset(
    "is was zei zegt heeft had wil gaat ging moet kan mag deed doet en of maar die dat de het een ook "
    "niet wel zelf rector directeur voorzitter uit van bij met op in aan voor als dan nog al zo "
    "heel echt altijd nooit vandaag gisteren morgen weer even toch gewoon haha lol "
    # school subjects: "docent Nederlands", "juf gym"
    "nederlands engels frans duits spaans latijn grieks wiskunde biologie natuurkunde scheikunde "
    "geschiedenis aardrijkskunde economie gym lo muziek tekenen kunst informatica maatschappijleer "
    "filosofie godsdienst levensbeschouwing ckv nask techniek drama verzorging".split()
)
# One word of a name: letters, digits, hyphens and apostrophes, but not a possessive "'s".
_NAME_WORD = r"[a-zà-ÿ](?:[\w-]|['’](?!s(?!\w)))*"


class TitledNameRecognizer(PatternRecognizer):
    """A name after a form of address ("meneer bakker", "juf samira"): the title is not in the span."""

    label = "PERSON"
    patterns = (
        Pattern(
            "after_title",
            r"(?<![\w])(?:"
            + _TITLES
            + r")\s+(?P<value>(?:(?:"
            + _NAME_PARTICLES
            + r")\s+)*"
            + _NAME_WORD
            # a double surname with a particle: "Jansen-de Wit"
            + r"(?:(?:(?<=-de)|(?<=-der)|(?<=-den)|(?<=-van)|(?<=-ter)|(?<=-ten))\s+"
            + _NAME_WORD
            + r")?)",
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
        # Lowercase particles, then a capitalised name: "van 't Hof", "van der Meer"; but not
        # "docent van het Baken" (a school) or "docente van Haagse school".
        particles = [w.lower() for w in words[:-1]]
        if words[-1][:1].isupper() and len(particles) >= 2 and "het" not in particles:
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


_RANK = {label: i for i, label in enumerate(PRIORITY)}


def build_recognizers(names: Iterable[str] | None = None) -> list[PatternRecognizer]:
    """Instances of the recognizers (all, or those whose class names are given)."""
    wanted = set(names) if names is not None else None
    return [cls() for cls in RECOGNIZERS if wanted is None or cls.__name__ in wanted]


def resolve_overlaps(matches: Iterable[PiiMatch]) -> list[PiiMatch]:
    """Keep non-overlapping matches: higher priority first, then longer, then higher score."""
    ordered = sorted(matches, key=lambda m: (_RANK.get(m.label, 99), -(m.end - m.start), -m.score))
    kept: list[PiiMatch] = []
    for match in ordered:
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def find_matches(
    text: str, recognizers: Iterable[PatternRecognizer], min_score: float = 0.5
) -> list[PiiMatch]:
    """Every recognizer's matches in ``text`` scoring at least ``min_score``, overlaps kept."""
    lowered = text.lower()
    passed: dict[str, bool] = {}  # recognizers share their ``requires`` tests ("\\d"): run each once
    matches = []
    for recognizer in recognizers:
        if recognizer.requires is not None:
            found = passed.get(recognizer.requires)
            if found is None:
                found = passed[recognizer.requires] = recognizer._requires(lowered) is not None
            if not found:
                continue
        matches.extend(m for m in recognizer._scan(text, lowered) if m.score >= min_score)
    return matches


def analyze(
    text: str, recognizers: list[PatternRecognizer] | None = None, min_score: float = 0.5
) -> list[PiiMatch]:
    """Pattern matches in ``text`` scoring at least ``min_score``, overlaps resolved."""
    recognizers = recognizers if recognizers is not None else build_recognizers()
    return resolve_overlaps(find_matches(text, recognizers, min_score))
