"""Rebuild the NER training set for person names (data/pii/build/{train,dev}.spacy).

    python scripts/build_pii_training.py [--shared ../shared/data]

Reads the project-written posts (data/pii/train-*.jsonl), UD Dutch and Europeana NL from
the shared data folder; never CoNLL-2002 and never data/pii/dev.jsonl (evaluation only).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from smrisk.pii import tokenizer  # noqa: F401  (registers the tokenizer)
from smrisk.pii.training import augment, from_europeana, from_posts, from_ud, to_docs

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "pii" / "build")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    posts = list(from_posts(sorted((ROOT / "data" / "pii").glob("train-*.jsonl"))))
    ud = list(from_ud(sorted((args.shared / "ud-dutch").glob("*.conllu"))))
    europeana = list(from_europeana(args.shared / "europeana-ner-nl" / "enp_NL.kb.bio"))
    for group in (posts, ud, europeana):
        rng.shuffle(group)
    # Early-stopping data: a slice of the posts and of UD, held out before augmentation.
    dev = posts[: len(posts) // 10] + ud[: len(ud) // 20]
    train = augment(posts[len(posts) // 10 :] + ud[len(ud) // 20 :], seed=args.seed) + europeana
    rng.shuffle(train)

    nlp = spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "smrisk.social_tokenizer.v2"}}})
    args.out.mkdir(parents=True, exist_ok=True)
    stats = []
    for name, examples in (("train", train), ("dev", dev)):
        docs = list(to_docs(examples, nlp))
        DocBin(docs=docs, store_user_data=False).to_disk(args.out / f"{name}.spacy")
        sources = Counter(ex.source.split("+")[0].split(":")[0] for ex in examples)
        persons = sum(len(doc.ents) for doc in docs)
        stats.append(f"- {name}: {len(docs)} docs, {persons} PERSON spans, by source {dict(sources)}")
        print(stats[-1])
    (args.out / "stats.txt").write_text(
        "Training set as built by scripts/build_pii_training.py (after augmentation):\n\n"
        + "\n".join(stats)
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
