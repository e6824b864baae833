"""Where a person name found by the NER starts and ends, by the rules of Dutch names.

The NER tags tokens one by one and sometimes cuts a name short or runs past it; these
rules mend the span from the tokens around it:
- forms of address are not part of a name ("mentor kees" -> "kees");
- tussenvoegsels belong to the surname after them ("Van der Voort", not "der Voort"; "De
  Prins" in Belgian style; "Jan" + "van Dijk"), but a name never ends on one;
- a capitalised word that is a known first name right before the name, or a rare
  capitalised word right after it, belongs to it ("Rolf Aldag", "Foday Sankoh");
- a single lowercase word is a name only when the name lists know it ("pagina" is not).

"Known" and "rare" come from the name-features component (``token.tag_``: the name-list
class, then the Zipf class of the word in Dutch).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .names import is_first_name, is_surname
from .recognizers import TITLES

#: Tussenvoegsels and their foreign kin, lowercased.
PARTICLES = frozenset(
    "van de der den ter ten te 't vd vanden vande vander ver d' le la du da dos del el al".split()
)
#: Particles that join a following surname when written in lowercase on their own ("de Vries");
#: "van" alone is a preposition too often ("de fiets van Jan").
_LOWERCASE_JOINERS = frozenset("de der den ter ten vd".split())
#: Words so common in Dutch (Zipf class) that a capitalised one is no part of a name.
_COMMON = 4


def name_bounds(ent: Span) -> tuple[int, int] | None:
    """Token start and end of the name in an NER entity, mended; None when nothing is left."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_.rstrip(".") in TITLES or doc[start].text == "."):
        start += 1
    if start == end:
        return None
    end = _extend_right(doc, start, end)
    if start == ent.start:
        start = _extend_left(doc, start, end)
    while end > start and doc[end - 1].lower_ in PARTICLES:
        end -= 1
    if end == start:
        return None
    if end - start == 1 and doc[start].is_lower and not _known(doc[start].text):
        return None
    return start, end


def _extend_right(doc: Doc, start: int, end: int) -> int:
    while end < len(doc):
        run = end
        while run < len(doc) and doc[run].lower_ in PARTICLES and doc[run].whitespace_:
            run += 1
        # particles then a surname, after a first name alone ("Jan" + "van Dijk"): after a
        # surname, "van" is a preposition ("Piet Swimberghe van Knack")
        first_name_only = end - start == 1 and _is_first_name_token(doc[start])
        capital = doc[end].is_title and doc[end].is_alpha and doc[end - 1].whitespace_
        if run > end and run < len(doc) and doc[run].is_title and doc[run].is_alpha and first_name_only:
            end = run + 1
        elif capital and (_rare(doc[end]) or doc[end - 1].lower_ in PARTICLES):  # "Van der" + "Voort"
            end += 1
        else:
            break
    return end


def _extend_left(doc: Doc, start: int, end: int) -> int:
    first_name = _is_first_name_token(doc[start])
    while start > 0:
        before = doc[start - 1]
        if not before.whitespace_:
            break
        particle = before.lower_ in PARTICLES
        earlier_particle = start > 1 and doc[start - 2].lower_ in PARTICLES
        if (
            particle
            and not first_name
            and (before.is_title or earlier_particle or before.lower_ in _LOWERCASE_JOINERS)
        ):
            start -= 1
        elif not particle and before.is_title and before.is_alpha and _is_first_name_token(before):
            start -= 1
            first_name = True
        else:
            break
    return start


def _classes(token: Token) -> tuple[str, int]:
    """The token's name-list class and Zipf class (0 when unknown) from ``token.tag_``."""
    tag = token.tag_
    name_class = tag.rstrip("0123456789")
    digits = tag[len(name_class) :]
    return name_class, int(digits) if digits else 0


def _rare(token: Token) -> bool:
    name_class, zipf = _classes(token)
    return name_class not in ("VOORNAAM", "PLAATS") and zipf < _COMMON


def _is_first_name_token(token: Token) -> bool:
    name_class, zipf = _classes(token)
    return name_class in ("VOORNAAM", "NAAM") and zipf < _COMMON + 1


def _known(word: str) -> bool:
    return is_first_name(word) or is_surname(word)
