"""Compose the NER training set for person names from licence-clean sources.

Sources (see models/nl_smrisk_pii/MODEL_CARD.md for licences):
- project-written posts in ``data/pii/train-*.jsonl`` (PERSON spans from the markup);
- UD Dutch (CC BY-SA 4.0): real sentences; a run of proper nouns that starts with a known
  first name is a PERSON, other proper nouns are left unannotated (missing), the rest O;
- Europeana Newspapers NL (CC0): PER -> PERSON, everything else O.
Augmentation: person names swapped for names from the packaged lists (keeping their case
style), and lowercase and upper-case copies, because posts are written that way.
CoNLL-2002 is never read here: it is for evaluation only.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .corpus import read_gold
from .names import is_place, name_list

LABEL = "PERSON"
PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "te",
    "het",
    "'t",
    "el",
    "al",
    "ben",
    "da",
    "dos",
    "du",
    "le",
}


@dataclass(frozen=True)
class NerExample:
    """A text with PERSON spans; ``missing`` spans are unknown (neither PERSON nor O)."""

    text: str
    persons: tuple[tuple[int, int], ...]
    missing: tuple[tuple[int, int], ...] = ()
    source: str = ""


# --- sources ---------------------------------------------------------------------------------


def from_posts(paths: list[Path]) -> Iterator[NerExample]:
    for path in paths:
        for post in read_gold(path):
            persons = tuple((s.start, s.end) for s in post.spans if s.label == LABEL)
            yield NerExample(post.text, persons, source=f"posts:{path.stem}")


#: Role words before a proper noun that make it a person ("premier Verhofstadt").
ROLES = frozenset(
    "premier minister president burgemeester schepen voorzitter directeur woordvoerder coach trainer "
    "bondscoach kapitein aanvoerder keeper spits renner ploegleider rector docent leraar kunstenaar "
    "kunstschilder schilder schrijver schrijfster auteur zanger zangeres regisseur acteur actrice "
    "dichter componist journalist analist advocaat rechter procureur professor prof dr mr dokter "
    "koning koningin prins prinses paus bisschop kardinaal senator kamerlid minister-president "
    "staatssecretaris generaal kolonel ceo topman topvrouw oprichter eigenaar manager collega "
    "meneer mevrouw heer vrouw man broer zus zoon dochter vader moeder".split()
)


def from_ud(paths: list[Path]) -> Iterator[NerExample]:
    """Sentences of CoNLL-U files with silver PERSON spans.

    A run of proper nouns starting with a known first name is a person; so is a single
    proper noun that is the surname of such a person elsewhere in the data, or that
    follows a role word ("premier X"). A known place is O; other proper nouns stay missing.
    """
    sentences = [s for path in paths for s in _read_conllu(path)]
    runs = [(text, tokens, offsets, _propn_runs(tokens)) for text, tokens, offsets in sentences]
    surnames = {
        tokens[j][0]
        for _, tokens, _, spans in runs
        for i, j in spans
        if j > i and _starts_with_first_name(tokens, i)
    }
    for text, tokens, offsets, spans in runs:
        persons, missing = [], []
        for i, j in spans:
            span = (offsets[i][0], offsets[j][1])
            words = [t[0] for t in tokens[i : j + 1]]
            after_role = i > 0 and tokens[i - 1][0].lower() in ROLES
            if j == i and is_place(words[0]):
                continue  # a known place: O
            if (j > i and _starts_with_first_name(tokens, i)) or words[-1] in surnames or after_role:
                persons.append(span)
            else:
                missing.append(span)
        yield NerExample(text, tuple(persons), tuple(missing), source="ud")


def _starts_with_first_name(tokens: list[tuple[str, str, str]], i: int) -> bool:
    word = tokens[i][0]
    return word[:1].isupper() and word.lower() in name_list("first_names")


def _read_conllu(path: Path) -> Iterator[tuple[str, list[tuple[str, str, str]], list[tuple[int, int]]]]:
    text: str | None = None
    tokens: list[tuple[str, str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# text = "):
                text = line[len("# text = ") :].rstrip("\n")
            elif line.startswith("#"):
                continue
            elif not line.strip():
                offsets = _align(text, tokens) if text else None
                if offsets is not None:
                    yield text, tokens, offsets
                text, tokens = None, []
            else:
                cols = line.rstrip("\n").split("\t")
                if "-" not in cols[0] and "." not in cols[0]:
                    tokens.append((cols[1], cols[3], cols[4]))


def _align(text: str, tokens: list[tuple[str, str, str]]) -> list[tuple[int, int]] | None:
    offsets, position = [], 0
    for form, _, _ in tokens:
        start = text.find(form, position)
        if start < 0:
            return None
        offsets.append((start, start + len(form)))
        position = start + len(form)
    return offsets


def _propn_runs(tokens: list[tuple[str, str, str]]) -> list[tuple[int, int]]:
    """(first, last) token indexes of runs of proper nouns, particles inside included."""
    runs, i = [], 0
    while i < len(tokens):
        if tokens[i][1] != "PROPN":
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and (
            tokens[j + 1][1] == "PROPN"
            or (tokens[j + 1][0].lower() in PARTICLES and j + 2 < len(tokens) and tokens[j + 2][1] == "PROPN")
        ):
            j += 1
        runs.append((i, j))
        i = j + 1
    return runs


def from_europeana(path: Path, max_tokens: int = 50) -> Iterator[NerExample]:
    """Chunks of the BIO file cut at blank lines and sentence ends, PER as PERSON."""
    words: list[str] = []
    tags: list[str] = []

    def flush() -> NerExample | None:
        if len(words) < 4:
            return None
        text, persons, start, last_end = "", [], None, 0
        for word, tag in zip(words, tags, strict=True):
            if text:
                text += " "
            begin = len(text)
            text += word
            kind = tag[2:].upper() if len(tag) > 2 else ""
            if (
                tag.startswith("B-")
                and kind == "PER"
                or (tag.startswith("I-") and kind == "PER" and start is None)
            ):
                if start is not None:
                    persons.append((start, last_end))
                start = begin
            elif not (tag.startswith("I-") and kind == "PER") and start is not None:
                persons.append((start, last_end))
                start = None
            last_end = len(text) - (len(word) - len(word.rstrip(".,;:!?)\"'")))  # glued punctuation
        if start is not None:
            persons.append((start, last_end))
        return NerExample(text, tuple(persons), source="europeana")

    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 2:
                words.append(parts[0])
                tags.append(parts[1])
            boundary = not parts or (
                parts[0].endswith((".", "?", "!"))
                and not tags[-1].startswith("I-")
                and len(parts[0]) > 2
                or parts[0] in (".", "?", "!")
            )
            if boundary or len(words) >= max_tokens:
                example = flush()
                if example is not None:
                    yield example
                words, tags = [], []
    example = flush()
    if example is not None:
        yield example


# --- augmentation ----------------------------------------------------------------------------


def _case_like(name: str, model: str) -> str:
    if model.islower():
        return name.lower()
    if model.isupper():
        return name.upper()
    return " ".join(w if w in PARTICLES else w[:1].upper() + w[1:] for w in name.split())


_ONSETS = (
    "b",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "z",
    "br",
    "dr",
    "gr",
    "kr",
    "st",
    "tr",
    "sch",
    "ch",
    "sh",
    "kh",
    "zh",
    "y",
    "",
)
_VOWELS = ("a", "e", "i", "o", "u", "aa", "ee", "oo", "ie", "ou", "ei", "ai", "ia", "y")
_CODAS = ("", "", "n", "r", "s", "l", "k", "m", "t", "v", "ch", "ski", "ić", "ov", "ez", "ini", "sen", "man")


def invented_name(rng: random.Random) -> str:
    """A pronounceable name that is in no list ("Dravinez"), so the model learns context too."""
    syllables = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 3))]
    return ("".join(syllables) + rng.choice(_CODAS)).capitalize()


@cache
def _sorted_names(kind: str) -> list[str]:
    """A name list in a fixed order, so random picks repeat with the seed."""
    return sorted(name_list(kind))


def swap_names(example: NerExample, rng: random.Random, invented: float = 0.35) -> NerExample:
    """The example with every PERSON span replaced by a random name of the same shape, from
    the name lists or (with probability ``invented``) made up."""
    if not example.persons or example.missing:
        return example
    firsts, lasts = _sorted_names("first_names"), _sorted_names("surnames")

    def pick(names: list[str]) -> str:
        return invented_name(rng) if rng.random() < invented else rng.choice(names)

    text, persons, cursor = "", [], 0
    for start, end in sorted(example.persons):
        original = example.text[start:end]
        words = original.split()
        if len(words) == 1:
            new = pick(firsts if rng.random() < 0.6 else lasts)
        else:
            new = f"{pick(firsts)} {pick(lasts)}"
        new = _case_like(new, original)
        text += example.text[cursor:start]
        persons.append((len(text), len(text) + len(new)))
        text += new
        cursor = end
    text += example.text[cursor:]
    return NerExample(text, tuple(persons), source=example.source + "+swap")


def recase(example: NerExample, how: str) -> NerExample | None:
    text = example.text.lower() if how == "lower" else example.text.upper()
    if len(text) != len(example.text):
        return None
    return NerExample(text, example.persons, example.missing, source=f"{example.source}+{how}")


def fold_accents(example: NerExample) -> NerExample | None:
    """The example with accents dropped ("Ceylan Doğan" -> "Ceylan Dogan"), as in exports and
    older text that lost them; None when nothing changes or a letter does not fold to one."""
    folded = "".join(
        "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)) or char
        for char in example.text
    )
    if folded == example.text or len(folded) != len(example.text):
        return None
    return NerExample(folded, example.persons, example.missing, source=f"{example.source}+fold")


def augment(
    examples: list[NerExample],
    seed: int = 13,
    swaps: int = 2,
    lower: float = 0.3,
    upper: float = 0.05,
    fold: float = 0.5,
) -> list[NerExample]:
    """Originals plus name-swapped, recased and (where there are accents) accent-folded copies."""
    rng = random.Random(seed)
    out: list[NerExample] = []
    for example in examples:
        variants = [example] + [swap_names(example, rng) for _ in range(swaps if example.persons else 0)]
        for variant in variants:
            out.append(variant)
            roll = rng.random()
            recased = (
                recase(variant, "lower")
                if roll < lower
                else (recase(variant, "upper") if roll < lower + upper else None)
            )
            if recased is not None:
                out.append(recased)
            folded = fold_accents(variant) if rng.random() < fold else None
            if folded is not None:
                out.append(folded)
    return out


def to_docs(examples: list[NerExample], nlp) -> Iterator:
    """spaCy Docs with PERSON entities; spans that do not fit token boundaries become missing."""
    for example in examples:
        doc = nlp.make_doc(example.text)
        entities, missing = [], []
        for start, end in example.persons:
            span = doc.char_span(start, end, label=LABEL)
            if span is None:
                loose = doc.char_span(start, end, alignment_mode="expand")
                if loose is not None:
                    missing.append(loose)
            else:
                entities.append(span)
        for start, end in example.missing:
            loose = doc.char_span(start, end, alignment_mode="expand")
            if loose is not None:
                missing.append(loose)
        taken: set[int] = set()
        kept = []
        for span in sorted(entities, key=lambda s: s.start):
            if not taken & set(range(span.start, span.end)):
                kept.append(span)
                taken.update(range(span.start, span.end))
        unknown = []
        for span in sorted(missing, key=lambda s: s.start):
            if not taken & set(range(span.start, span.end)):
                unknown.append(span)
                taken.update(range(span.start, span.end))
        doc.set_ents(kept, missing=unknown, default="outside")
        yield doc
