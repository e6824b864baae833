"""Rebuild the packaged abuse lexicon from ../shared/data/lexicons (with attribution).

    python scripts/build_lexicons.py [--shared ../shared/data]

Writes smrisk/resources/lexicons/vulgar_nl.txt: the LDNOOBW Dutch list (CC BY 4.0),
normalised as the harm classifier reads text, deduplicated and sorted. HADES is not used:
its categories mix slurs with neutral words (names, food, animals) and hurt precision here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from smrisk.harm.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "smrisk" / "resources" / "lexicons" / "vulgar_nl.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    source = args.shared / "lexicons" / "ldnoobw-nl" / "nl.txt"
    terms = {normalize(line).strip() for line in source.read_text(encoding="utf-8").splitlines()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(sorted(t for t in terms if t)) + "\n", encoding="utf-8")
    print(f"{len(terms)} terms -> {OUT}")


if __name__ == "__main__":
    main()
