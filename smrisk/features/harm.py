"""Harm (protocol A7): bullying, threats, defamation, insults, stalking, hacking and
radicalisation, from the trained classifier in ``models/smrisk_harm``.

Scored a batch at a time (``run_batch``): vectorising posts together is far faster.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from ..findings import Finding, Post
from ..models import models_dir
from . import CheckContext, register_check

logger = logging.getLogger(__name__)

_EXPLAIN = {
    "nl": {"why": "woorden die de doorslag gaven", "score": "kans"},
    "en": {"why": "words that decided it", "score": "probability"},
}


@register_check("harm")
class Harm:
    """One whole-post finding per harm label whose probability reaches its threshold (A7)."""

    name = "harm"

    def __init__(self, context: CheckContext) -> None:
        # Imported here: scikit-learn takes a second to import, and scans without this
        # check should not pay for it.
        from ..harm.train import DEFAULT_NAME, load

        folder = models_dir() / DEFAULT_NAME
        self.model = load(folder) if folder.is_dir() else None
        if self.model is None:
            logger.warning("no harm model at %s: the harm check finds nothing", folder)
        self.labels = self.model.labels if self.model else ()
        self.lang = context.lang

    def __call__(self, doc: Doc, post: Post) -> list[Finding]:
        return self.run_batch([doc], [post])[0]

    def run_batch(self, docs: list[Doc], posts: list[Post]) -> list[list[Finding]]:
        if self.model is None or not docs:
            return [[] for _ in docs]
        texts = [post.text or "" for post in posts]  # doc.text would rebuild each text from tokens
        features = self.model.features(texts)
        proba, gate = self.model.scores_of(features)
        fired = self.model.decide(proba, gate).astype(bool)
        words = _EXPLAIN[self.lang]
        hits = list(zip(*fired.nonzero(), strict=True))  # (post, label index), post by post
        explanations = self.model.explain_many(
            [(texts[i], self.labels[j]) for i, j in hits], features=features[[i for i, _ in hits]]
        )
        results: list[list[Finding]] = [[] for _ in texts]
        for (i, j), explanation in zip(hits, explanations, strict=True):
            label = self.labels[j]
            private = [texts[i][m.start : m.end] for m in docs[i]._.personal_data or []]
            # The explanation never repeats personal data (a name, a handle, a number).
            reasons = [
                w
                for w in explanation
                if not any(part in p for part in w.split() for p in private)
                and not any(c.isdigit() or c == "@" for c in w)
            ]
            because = f"; {words['why']}: " + ", ".join(f"'{w}'" for w in reasons) if reasons else ""
            results[i].append(
                Finding(
                    "harm",
                    label,
                    None,
                    None,
                    float(proba[i, j]),
                    ("A7",),
                    f"{label} ({words['score']} {proba[i, j]:.2f}){because}.",
                )
            )
        return results
