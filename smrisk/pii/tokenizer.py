"""A Dutch tokenizer for social media: handles, hashtags, e-mails and URLs stay whole; glued
punctuation ("wtf!!sophie", "mw.de Groot") and possessive 's split off. Offsets stay true
(spaCy never changes the text).

Registered as ``smrisk.social_tokenizer.v1`` so a saved pipeline names it in its config.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.lang.nl import Dutch
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

# Whole tokens: @handles, #hashtags and e-mail addresses (URLs have spaCy's url_match).
_TOKEN_MATCH = re.compile(r"^(?:[@#][\w][\w.]*[\w]|[@#]\w|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$", re.UNICODE).match
# Punctuation glued between words: "wtf!!sophie", "2010.haha", "mw.de".
_GLUED_PUNCT = r"(?<=[^\W\d_]|\d)[!?.,;:]+(?=[^\W\d_])"
_POSSESSIVE = r"(?<=[^\W\d_])['’]s$"


# A chunk of letters only ("hallo", "Sophie") has no prefix, suffix or infix: every Dutch
# affix pattern needs a digit, punctuation or a symbol. Saying so at once saves most of the
# time spaCy spends on a chunk it has not cached (every batch, inside a memory zone).
_LETTERS_ONLY = re.compile(r"[^\W\d_]+").fullmatch


class _UnlessLetters:
    """A compiled regex's ``search`` or ``finditer`` that answers ``nothing`` for letters only.

    ``__self__`` is the regex, as for the bound method it wraps, so spaCy still saves the
    pattern with the tokenizer.
    """

    def __init__(self, method: Callable[[str], Any], nothing: Any) -> None:
        self.__self__ = method.__self__
        self._method = method
        self._nothing = nothing

    def __call__(self, string: str) -> Any:
        return self._nothing if _LETTERS_ONLY(string) else self._method(string)


def skip_letter_chunks(tokenizer: Tokenizer) -> None:
    """Let the tokenizer skip its affix regexes on chunks of letters only (same tokens).

    Applied after loading, because loading a saved tokenizer recompiles its regexes.
    """
    tokenizer.prefix_search = _UnlessLetters(tokenizer.prefix_search, None)
    tokenizer.suffix_search = _UnlessLetters(tokenizer.suffix_search, None)
    tokenizer.infix_finditer = _UnlessLetters(tokenizer.infix_finditer, ())


@registry.tokenizers("smrisk.social_tokenizer.v1")
def create_social_tokenizer() -> Callable[[Language], Tokenizer]:
    """The factory spaCy calls with the pipeline to build its tokenizer."""

    def make(nlp: Language) -> Tokenizer:
        defaults = Dutch.Defaults
        infixes = compile_infix_regex([*defaults.infixes, _GLUED_PUNCT])
        suffixes = compile_suffix_regex([_POSSESSIVE, *defaults.suffixes])
        # "#" and "@" stay on their word, so "#school!!" and "@lisa," keep the tag whole.
        prefixes = compile_prefix_regex([p for p in defaults.prefixes if p not in ("#", "@")])
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=prefixes.search,
            suffix_search=suffixes.search,
            infix_finditer=infixes.finditer,
            token_match=_TOKEN_MATCH,
            url_match=defaults.url_match,
        )

    return make
