"""Near-duplicates across the splits of the A7 corpus: for each dev and test post, its nearest
training post by character 3-5-gram TF-IDF cosine (TF-IDF fitted on the training posts).

    python scripts/harm_near_duplicates.py [--threshold 0.8 0.9]

Prints, per held-out file, the share of posts whose nearest training post reaches each
threshold (the corpus promise: under 1% at 0.8), and the closest pairs' ids.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer

from smrisk.harm.corpus import read_corpus
from smrisk.harm.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
HARM = ROOT / "data" / "harm"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, nargs="+", default=[0.8, 0.9])
    parser.add_argument("--show", type=int, default=3, help="closest pairs to list per file")
    args = parser.parse_args()
    train = read_corpus(sorted(HARM.glob("train-*.jsonl")))
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    train_matrix = vectorizer.fit_transform([normalize(p.text) for p in train])
    print(f"{len(train)} training posts in {len(sorted(HARM.glob('train-*.jsonl')))} files")
    for name in ("dev.jsonl", "test.jsonl"):
        held = read_corpus([HARM / name])
        similarity = vectorizer.transform([normalize(p.text) for p in held]) @ train_matrix.T
        nearest = similarity.max(axis=1).toarray().ravel()
        nearest_index = similarity.argmax(axis=1).A.ravel()
        shares = ", ".join(f"{(nearest >= t).mean():.2%} at >= {t}" for t in args.threshold)
        print(f"{name}: {len(held)} posts; nearest training post {shares}")
        for i in nearest.argsort()[::-1][: args.show]:
            print(f"  {held[i].id} ~ {train[nearest_index[i]].id}: {nearest[i]:.2f}")


if __name__ == "__main__":
    main()
