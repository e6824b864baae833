"""A Dutch tokenizer for social media: handles, hashtags, e-mails and URLs stay whole; glued
punctuation ("wtf!!sophie", "mw.de Groot") and possessive 's split off. Offsets stay true
(spaCy never changes the text).

Registered as ``smrisk.social_tokenizer.v1`` so a saved pipeline names it in its config.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.lang.nl import Dutch
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

# Whole tokens: @handles, #hashtags and e-mail addresses (URLs have spaCy's url_match).
_TOKEN_MATCH = re.compile(r"^(?:[@#][\w][\w.]*[\w]|[@#]\w|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$", re.UNICODE).match
# Punctuation glued between words: "wtf!!sophie", "2010.haha", "mw.de".
_GLUED_PUNCT = r"(?<=[^\W\d_]|\d)[!?.,;:]+(?=[^\W\d_])"
_POSSESSIVE = r"(?<=[^\W\d_])['’]s$"


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
