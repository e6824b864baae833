"""How Dutch (and some English) staff phrase disclosures, roles and disclaimers: patterns as data.

All patterns are matched case-insensitively on the post text. The specification with
examples is ``docs/staff-rules.md``; the regression cases are
``tests/cases/staff_rules.jsonl``.
"""

from __future__ import annotations

#: Function words that name a role at a school (B2: "welke functie hij heeft").
ROLE = (
    r"(?:\w*docente?|\w*leraar|\w*lerares|\w*leerkracht|mentor|coach"
    r"|conci[eë]rge|rector|conrector|directeur|directrice|adjunct-directeur|schoolleider"
    r"|teamleider|afdelingsleider|locatieleider|\w*co[oö]rdinator|decaan|onderwijsassistent"
    r"|toa|vertrouwenspersoon|administratief\s+medewerker|ict[- ]?(?:medewerker|er|coördinator)"
    r"|roostermaker|bibliothecaris|mediathecaris|stagiaire?|lio|leerlingbegeleider"
    r"|orthopedagoog|schoolpsycholoog|gymleraar|lo-docent|juf|meester|teacher|principal"
    r"|counsel+or|receptionist[e]?|managementassistent[e]?)"
)

#: Words that may stand between "ik ben"/"als" and the role: "ik ben (al 12 jaar) mentor".
_ROLE_MODIFIER = (
    r"(?:ik|zelf|ook|al|nu|hier|daar|er|trotse?|blije?|\d+|jaar|jaren|sinds|de|een|hun|jullie"
    r"|zijn|haar|uw|eigenlijk|inmiddels|nog|steeds|parttime|fulltime|nieuwe|vaste|oud-?|ex-?"
    r"|tijdelijke?|invallende?|a|an|the)"
)

#: A role said of oneself: "als docent", "ik ben al 12 jaar mentor", "— Jeroen, docent AC",
#: or a role opening a sentence or line, or after a symbol ("💪 gymdocent @AmstelveenColl").
SELF_ROLE = (
    r"(?:\b(?:als|ben|zijnde|werk(?:zaam)?\s+als|i\s+am|i'm|as)\s+(?:"
    + _ROLE_MODIFIER
    + r"\s+){0,3}|\bas\s+an?\s+\w+\s+|(?:^|\n)\s*|[^\w\s'’-]\s*)"
    + ROLE
    + r"\b"
    + r"|\b(?:een|één)\s+van\s+de\s+(?:\w*docenten|\w*leraren|leerkrachten|mentoren|conci[eë]rges"
    r"|teamleiders|decanen|onderwijsassistenten|toa's)\b"
)

#: Employment said of oneself, counted as a disclosure only near a reference to the school;
#: ``True`` when the cue also names a role (teaching implies the role of teacher).
EMPLOYMENT = (
    (r"\bik\s+(?:\S+\s+){0,3}?werk(?:te)?\s+(?:\S+\s+){0,3}?(?:op|bij|voor|aan)\b", False),
    (r"\bwerk\s+(?:ik|zelf)\b", False),
    (r"\bwerkzaam\b", False),
    (r"\bin\s+dienst\s+(?:van|bij)\b", False),
    (r"\b(?:medewerker|medewerkster|werknemer|werkneemster|personeelslid)\b", False),
    (r"\bcollega\s+(?:van|bij|op|aan)\b", False),
    (r"\bik\s+geef\s+(?:\S+\s+){0,2}?(?:op|aan|bij)\b", True),
    (r"\b(?:i\s+)?(?:work|working|teach|teaching)\s+(?:at|for)\b", False),
)

#: Self-evident disclosures in a post about the school; ``True`` when they also imply a role.
IMPLICIT_DISCLOSURE = (
    (r"\b(?:mijn|m'n|mn)\s+(?:eigen\s+)?(?:mentor)?leerlingen\b", True),
    (r"\bonze\s+(?:eigen\s+)?leerlingen\b", False),
    (r"\b(?:mijn|m'n|mn)\s+(?:mentor)?klas(?:sen)?\b", True),
    (r"\bik\s+geef\s+(?:\S+\s+){0,2}?les\b", True),
    (r"\bik\s+sta\s+(?:\S+\s+){0,3}?voor\s+de\s+klas\b", True),
    (r"\bmy\s+students\b", True),
    (r"\b(?:mijn|m'n|mn)\s+collega['’]?s\b", False),
    (r"\b(?:mijn|m'n|mn)\s+werkgever\b", False),
    (r"\bwaar\s+ik\s+(?:\S+\s+){0,2}?werk\b", False),
    (r"\bik\s+werk\s+(?:\S+\s+){0,2}?(?:hier|daar|er)\b", False),
    (r"\bwerk\s+(?:ik|zelf)\s+(?:\S+\s+){0,2}?(?:hier|daar|er)\b", False),
    (r"\b(?:mijn|m'n|mn)\s+(?:eigen\s+)?(?:school|werk)\b", False),
)

#: Words that make an employment cue point at the school without naming it.
DEICTIC = r"\b(?:hier|daar|er|deze\s+school|die\s+school|onze\s+school|de\s+school|dezelfde\s+school)\b"

#: Personal-opinion disclaimers (C3); ``True`` when a preceding "niet"/"geen" undoes them.
DISCLAIMER = (
    (r"\bpersoonlijke\s+(?:mening|titel|visie|noot|opvatting|standpunt)\b", True),
    (r"\bpersoonlijk\s+standpunt\b", True),
    (r"\beigen\s+(?:mening|standpunt|visie|opvatting|titel)\b", True),
    (r"\bpriv[eé]\s*-?\s*mening\b", True),
    (r"\bpers\.\s*mening\b", True),
    (r"\bmening\s+is\s+(?:mijn\s+)?(?:eigen|persoonlijk)\b", True),
    (
        r"\b(?:meningen|standpunten|berichten|tweets|posts)\s+(?:zijn|blijven)\s+(?:mijn\s+)?"
        r"(?:eigen|persoonlijk|van\s+mij(?:zelf)?)\b",
        True,
    ),
    (r"\bin\s+eigen\s+naam\b", True),
    (
        r"\b(?:mening|meningen|standpunt|standpunten|berichten|posts|tweets)\b[^.!?\n]{0,30}?"
        r"\b(?:zijn|is)\s+(?:de|het)\s+mijne\b",
        True,
    ),
    (
        r"\bniet\s+(?:die|dat|de\s+mening|het\s+standpunt)\s+van\s+(?:de\s+school|mijn\s+werkgever"
        r"|het\s+ac\b|het\s+college|de\s+directie|de\s+schoolleiding)",
        False,
    ),
    (r"\bniet\s+namens\b", False),
    (r"\bspreek\s+niet\s+(?:voor|namens)\b", False),
    (
        r"\bspreek\s+(?:hier\s+)?(?:alleen|enkel|slechts|uitsluitend)?\s*(?:voor|namens)\s+"
        r"(?:mezelf|mijzelf|mij\s+zelf|mij)\b",
        False,
    ),
    (
        r"\b(?:geen|niet\s+het|niet\s+de)\s+offici(?:[eë]le?|eel)\s+(?:standpunt|mening|reactie)\b",
        False,
    ),
    (r"\blos\s+van\s+(?:het|de|eventuele)?\s*offici(?:[eë]le?|eel)\b", False),
    (
        r"\bstaa?t\s+los\s+van\s+(?:de\s+school|mijn\s+werkgever|het\s+ac\b|het\s+college|\S+)",
        False,
    ),
    (
        r"\b(?:views?|opinions?|thoughts)\s+(?:are\s+|expressed\s+(?:here\s+)?are\s+)?"
        r"(?:my\s+own|mine)\b",
        True,
    ),
    (r"\b(?:my\s+own|personal)\s+(?:opinion|views?)\b", True),
)

#: A negation just before a negatable disclaimer: "dit is niet mijn persoonlijke mening".
NEGATION_BEFORE = (
    r"\b(?:niet|geen|not|no)\s+"
    r"(?:(?:mijn|m'n|mn|een|de|het|op|zijn|haar|onze|uw|my|an?|the)\s+){0,2}$"
)
