"""Staff rules B2, C2, C3: staff who post about the school say they work there, in which role,
and that it is their personal opinion. Specification: ``docs/staff-rules.md``.

Example::

    scanner = smrisk.load(staff="data/examples/staff.csv")
    scanner.assess("Wat een chaos bij #amstelveencollege", author="@mariekedv").labels
    # ['employee_disclosure_missing', 'personal_disclaimer_missing']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..findings import Finding, Post
from ..pii.tokenizer import doc_text
from ..roster import StaffMember, normalize_handle
from . import CheckContext, register_check
from . import staff_phrases as phrases

_FLAGS = re.IGNORECASE | re.MULTILINE
#: How far (in characters, same sentence) an employment cue may stand from the school reference.
_WINDOW = 60
_SENTENCE_END = re.compile(r"[.!?\n]\s")


def _term_pattern(term: str) -> str:
    """A name, alias or phrase as a regex: spaces optional, either apostrophe, whole words."""
    words = [re.escape(word).replace("'", "['’]").replace("’", "['’]") for word in term.split()]
    body = r"\s*".join(words)
    return rf"(?<![\w@#]){body}(?!\w)"


def _handle_pattern(handle: str) -> str:
    return rf"(?<![\w@.]){re.escape('@')}?{re.escape(normalize_handle(handle))}(?![\w])"


def _alternation(patterns: list[str], flags: int = _FLAGS) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None


@dataclass(frozen=True)
class _Reference:
    start: int
    end: int
    member: StaffMember | None  # the colleague referred to, if any


@register_check("staff_rules")
class StaffRules:
    """Fires ``employee_disclosure_missing`` (B2, C2), ``employee_role_missing`` (B2) and
    ``personal_disclaimer_missing`` (C3) for roster staff writing about the school."""

    name = "staff_rules"
    labels = ("employee_disclosure_missing", "employee_role_missing", "personal_disclaimer_missing")
    articles = {
        "employee_disclosure_missing": ("B2", "C2"),
        "employee_role_missing": ("B2",),
        "personal_disclaimer_missing": ("C3",),
    }

    def __init__(self, context: CheckContext) -> None:
        school = context.config.school
        self.roster = context.roster
        self.lang = context.lang
        self.official_handles = {normalize_handle(h) for h in school.official_handles}
        school_terms = [_term_pattern(t) for t in (school.name, *school.aliases)]
        school_terms += [_term_pattern(t) for t in school.hashtags]
        school_terms += [_handle_pattern(h) for h in school.official_handles]
        school_terms += [_term_pattern(t) for t in school.internal_topics]
        self.school_ref = _alternation(school_terms)
        self.school_ref_cased = _alternation(
            [_term_pattern(t) for t in school.aliases_case_sensitive], flags=re.MULTILINE
        )
        # Colleagues: each roster member by full name or handle, one named group per member.
        self.colleague_patterns = [
            (
                member,
                re.compile(
                    "|".join([_term_pattern(member.name)] + [_handle_pattern(h) for h in member.handles]),
                    _FLAGS,
                ),
            )
            for member in self.roster.members
        ]
        self.deictic = re.compile(phrases.DEICTIC, _FLAGS)
        self.employment = [(re.compile(p, _FLAGS), implies_role) for p, implies_role in phrases.EMPLOYMENT]
        self.self_role = re.compile(phrases.SELF_ROLE, _FLAGS)
        self.implicit = [
            (re.compile(p, _FLAGS), implies_role) for p, implies_role in phrases.IMPLICIT_DISCLOSURE
        ]
        self.disclaimers = [(re.compile(p, _FLAGS), negatable) for p, negatable in phrases.DISCLAIMER]
        self.negation_before = re.compile(phrases.NEGATION_BEFORE, _FLAGS)

    def __call__(self, doc: Doc, post: Post) -> list[Finding]:
        author = self.roster.match(post.author, post.author_name)
        if author is None or author.is_official or self._is_official_handle(post):
            return []
        text = doc_text(doc)
        references = self._school_references(text, author)
        if not references:
            return []
        disclosed, role = self._disclosure(text, references)
        first = references[0]
        first_text = _COLLEAGUE[self.lang] if first.member else text[first.start : first.end]
        who = f"{author.role}" if author.role else ""
        findings = []
        if not disclosed:
            findings.append(self._finding("employee_disclosure_missing", who, first_text))
        elif not role:
            findings.append(self._finding("employee_role_missing", who, first_text))
        if not self._has_disclaimer(text):
            findings.append(self._finding("personal_disclaimer_missing", who, first_text))
        return findings

    def _is_official_handle(self, post: Post) -> bool:
        return any(
            a and normalize_handle(a) in self.official_handles for a in (post.author, post.author_name)
        )

    def _school_references(self, text: str, author: StaffMember) -> list[_Reference]:
        refs = []
        for pattern in (self.school_ref, self.school_ref_cased):
            if pattern is not None:
                refs += [_Reference(m.start(), m.end(), None) for m in pattern.finditer(text)]
        for member, pattern in self.colleague_patterns:
            if member is not author:
                refs += [_Reference(m.start(), m.end(), member) for m in pattern.finditer(text)]
        return sorted(refs, key=lambda ref: ref.start)

    def _disclosure(self, text: str, references: list[_Reference]) -> tuple[bool, bool]:
        """Whether the author says they work there, and whether a role is named."""
        disclosed = role = False
        for pattern, implies_role in self.implicit:
            if pattern.search(text):
                disclosed = True
                role = role or implies_role
        if self.self_role.search(text):
            disclosed = role = True
        anchors = [(r.start, r.end) for r in references if r.member is None or r.member.is_official]
        anchors += [(m.start(), m.end()) for m in self.deictic.finditer(text)]
        for pattern, implies_role in self.employment:
            for cue in pattern.finditer(text):
                if not _negated(cue.group(0)) and any(_near(text, cue.span(), a) for a in anchors):
                    disclosed = True
                    role = role or implies_role
        return disclosed, role

    def _has_disclaimer(self, text: str) -> bool:
        for pattern, negatable in self.disclaimers:
            for match in pattern.finditer(text):
                before = text[max(0, match.start() - 30) : match.start()]
                if negatable and self.negation_before.search(before):
                    continue
                return True
        return False

    def _finding(self, label: str, role: str, reference: str) -> Finding:
        return Finding(
            kind="rule",
            label=label,
            start=None,
            end=None,
            score=1.0,
            articles=self.articles[label],
            explanation=_EXPLANATIONS[self.lang][label].format(role=role or "?", ref=reference),
        )


def _negated(cue: str) -> bool:
    return re.search(r"\b(?:niet|geen|nooit|not)\b", cue, re.IGNORECASE) is not None


def _near(text: str, cue: tuple[int, int], anchor: tuple[int, int]) -> bool:
    """Cue and anchor lie within the window of each other and in the same sentence."""
    gap_start, gap_end = min(cue[1], anchor[1]), max(cue[0], anchor[0])
    if gap_end - gap_start > _WINDOW:
        return False
    return gap_end <= gap_start or _SENTENCE_END.search(text[gap_start:gap_end] + " ") is None


_COLLEAGUE = {"nl": "een collega", "en": "a colleague"}

_EXPLANATIONS = {
    "nl": {
        "employee_disclosure_missing": (
            "Medewerker ({role}) schrijft over de school ('{ref}') zonder te vermelden dat hij/zij er werkt."
        ),
        "employee_role_missing": (
            "Medewerker ({role}) schrijft over de school ('{ref}') en zegt er te werken, maar niet "
            "in welke functie."
        ),
        "personal_disclaimer_missing": (
            "Medewerker ({role}) schrijft over de school ('{ref}') zonder te vermelden dat het een "
            "persoonlijke mening is."
        ),
    },
    "en": {
        "employee_disclosure_missing": (
            "Staff member ({role}) writes about the school ('{ref}') without saying they work there."
        ),
        "employee_role_missing": (
            "Staff member ({role}) writes about the school ('{ref}') and says they work there, but "
            "not in which role."
        ),
        "personal_disclaimer_missing": (
            "Staff member ({role}) writes about the school ('{ref}') without marking it as their "
            "personal opinion."
        ),
    },
}
