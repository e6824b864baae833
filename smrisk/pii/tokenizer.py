"""A Dutch tokenizer for social media, one regular expression over the text.

Handles, hashtags, e-mail addresses and links stay whole; so do numbers with their inner
separators ("06-12345678", "12:30", "3,5"), words with inner hyphens and apostrophes
("e-mail", "z'n", "Jansen-de"), initials ("J.P.") and the abbreviations of spaCy's Dutch
tokenizer ("mw.", "bijv."). Punctuation glued to words ("wtf!!sophie", "mw.de Groot") and
a possessive 's ("Sanne's") come apart; emoji are tokens. Spaces follow spaCy: one space
after a token belongs to it, other whitespace is a token, so character offsets stay true.

spaCy's own tokenizer, tuned the same way, spent most of a post's parse on texts it had not
seen before (links, numbers, handles: every post has new ones); this one costs the same
for every text. Registered as ``smrisk.social_tokenizer.v2`` so a saved pipeline names it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.lang.nl import Dutch
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

_EMOJI = "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2190-\u21ff\u2300-\u23ff]"
_EMOJI_JOIN = "[\ufe0f\U0001f3fb-\U0001f3ff\u20e3]"
_TOKEN = re.compile(
    "|".join(
        [
            r"(?P<space>\s+)",
            # links, with or without a scheme; trailing sentence punctuation stays outside
            r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'’]",
            r"(?=[\w-]*\.[\w-])[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?i:com|nl|be|ee|net|org|tv|eu)"
            r"(?:/[^\s<>\"]*[^\s<>\".,;:!?)\]'’])?(?![\w@])",
            r"(?=[\w.+-]*@)[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}(?![\w-])",  # e-mail
            r"[@#]\w(?:[\w.]*\w)?",  # handle, hashtag
            r"(?:[^\W\d_]\.){2,}",  # initials and dotted abbreviations: "J.P.", "o.a."
            r"['’](?:[stnkmr]|ns)(?!\w)",  # clitics and possessive: "'s", "'t", "z'n" split
            # a word or number: inner apostrophes (not a possessive 's), hyphens next to a
            # digit ("06-12345678", "12-BDX-3") and . , : / between digits ("3,5", "12:30")
            r"\w+(?:['’](?![sS](?!\w))\w+|(?<=\d)-\w+|-(?=\d)\w+|(?<=\d)[.,:/](?=\d)\w+)*",
            r"[\U0001f1e6-\U0001f1ff]{2}",  # a flag
            _EMOJI + r"(?:" + _EMOJI_JOIN + r"|\u200d" + _EMOJI + r")*",
            r"[:;=][-']?[()DPpOo/|\\\]\[*]+|<3+",  # emoticons
            r".",
        ]
    )
)
# Exceptions of spaCy's that are everyday words at the end of a sentence ("stuur een app.").
_WORDS_NOT_ABBREVIATED = frozenset(
    "al app art ber best bel cap cas co dat doc ex get hand herald it kon max me med min ned nl not or "
    "os pan pas pers pol red sir stas su tom top ver vo vol vn wac zg".split()
)
#: Abbreviations that keep their full stop (lowercased): spaCy's Dutch exceptions, forms
#: of address, and some of our own.
ABBREVIATIONS = frozenset(
    key.lower()
    for key in Dutch.Defaults.tokenizer_exceptions
    if key.endswith(".") and " " not in key and key[:-1].lower() not in _WORDS_NOT_ABBREVIATED
) | {"mw.", "dhr.", "mevr.", "mr.", "mnr.", "drs.", "ir.", "dr.", "prof.", "geb.", "tel.", "nr.", "llnr."}


#: Words whose hash the tokenizer keeps (see SocialTokenizer).
_ORTH_CACHE_LIMIT = 100_000


class SocialTokenizer:
    """Text in, spaCy Doc out (see the module docstring). Keeps the text on the Doc, since
    ``doc.text`` rebuilds it from every token on each access.

    Words met outside a memory zone have a lexeme for good; the tokenizer keeps their
    hashes and hands those to the Doc, which then looks the lexeme up directly instead of
    hashing the string again (half the cost of making a Doc)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._orths: dict[str, int] = {}

    def __call__(self, text: str) -> Doc:
        words, spaces = split(text)
        orths = self._orths
        doc = Doc(self.vocab, words=[orths.get(word, word) for word in words], spaces=spaces)
        if len(orths) < _ORTH_CACHE_LIMIT and not self.vocab.in_memory_zone:
            strings = self.vocab.strings
            for word in words:
                if word not in orths:
                    orths[word] = strings[word]
        doc.user_data[_TEXT_KEY] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # Nothing to save (the hashes it keeps come back as words do): an empty folder, so
    # pipelines save as usual.
    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, **kwargs: Any) -> SocialTokenizer:
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> SocialTokenizer:
        return self


def split(text: str) -> tuple[list[str], list[bool]]:
    """Words and, per word, whether one space follows it (spaCy's ``Doc(words, spaces)``).

    Chunks between single spaces that are letters only (most of them) are words as they
    are; the others go through the regular expression.
    """
    words: list[str] = []
    spaces: list[bool] = []
    for i, part in enumerate(text.split(" ")):
        if i:  # the space before this part: it follows the last token, or is a token itself
            if words and not spaces[-1]:
                spaces[-1] = True
            else:
                words.append(" ")
                spaces.append(False)
        if part.isalpha():
            words.append(part)
            spaces.append(False)
        elif part:
            _split_chunk(part, words, spaces)
    return words, spaces


def _split_chunk(chunk: str, words: list[str], spaces: list[bool]) -> None:
    for found in _TOKEN.finditer(chunk):
        token = found.group()
        if token == "." and words and not spaces[-1] and (words[-1] + ".").lower() in ABBREVIATIONS:
            words[-1] += "."
        else:
            words.append(token)
            spaces.append(False)


_TEXT_KEY = "smrisk_text"


def doc_text(doc: Doc) -> str:
    """The text of ``doc``: as given to the tokenizer when it kept it, else ``doc.text``."""
    text = doc.user_data.get(_TEXT_KEY)
    return text if text is not None else doc.text


@registry.tokenizers("smrisk.social_tokenizer.v2")
def create_social_tokenizer() -> Callable[[Language], SocialTokenizer]:
    """The factory spaCy calls with the pipeline to build its tokenizer."""

    def make(nlp: Language) -> SocialTokenizer:
        return SocialTokenizer(nlp.vocab)

    return make
