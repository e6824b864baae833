"""Personal-data stage of smrisk versus deduce and Presidio: posts per second and F1, side by side.

    pip install -e ".[bench]"
    python scripts/benchmark_pii.py [--gold data/pii/dev.jsonl]

smrisk runs twice: "smrisk-nlp" is the personal-data stage itself, the spaCy pipeline
(``smrisk.nlp.build_nlp``, as ``smrisk scan`` loads it) giving ``doc._.personal_data``;
"smrisk" is the whole scanner with only the personal-data check on (``smrisk.load``:
findings with explanations, risk levels, the school's own contact details left out), as
the command-line tool runs it. All run in this one process, one after the other, on the
same posts. Presidio is set
up as a new user would for Dutch: its language-independent recognizers registered for
"nl", phone numbers for region NL, and a blank Dutch spaCy pipeline (no Dutch NER model can
be installed here). F1 is "found" (the span overlaps gold personal data, labels aside),
plus labelled overlap F1 for smrisk, whose labels are the gold labels.

Speed is timed on posts each tool sees once (every tool keeps caches of words it has met,
so timing the same posts twice would flatter it), after a warm-up on 1,000 other posts:
- "A7 posts/s": every distinct post of the A7 corpus (about 13,000 school posts, few with
  personal data), as a school's export mostly is;
- "PII posts/s": the project's posts written to carry personal data (the gold posts and
  the posts of data/pii/train-{students,adults,names,school-h,posts-k}.jsonl, about 6,600).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import smrisk  # noqa: E402
from smrisk.nlp import build_nlp  # noqa: E402
from smrisk.pii.corpus import Span, read_gold  # noqa: E402
from smrisk.pii.evaluate import evaluate_spans, predict_spans  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
#: Posts each tool sees before it is timed (one writing session of the A7 corpus), as it
#: would have seen the everyday words of an export by the time personal data comes along.
WARM_UP = 1000
#: Project-written posts with personal data, timed with the gold posts.
PII_POSTS = ("students", "adults", "names", "school-h", "posts-k")
#: Posts a tool scores before the next takes its turn.
CHUNK = 500


def smrisk_tool(workdir: Path) -> Callable[[list[str]], list[list[Span]]]:
    config = workdir / "personal-data-only.toml"
    config.write_text('[checks]\nenabled = ["personal_data"]\n')
    scanner = smrisk.load(config=config)
    return lambda texts: predict_spans(scanner, texts)


def smrisk_pipeline_tool() -> Callable[[list[str]], list[list[Span]]]:
    """The personal-data pipeline alone, as a spaCy user runs it (hash-checked load)."""
    nlp = build_nlp(max_length=100_000)
    return lambda texts: [
        [Span(m.start, m.end, m.label) for m in doc._.personal_data] for doc in nlp.pipe(texts)
    ]


def deduce_tool() -> Callable[[list[str]], list[list[Span]]]:
    import deduce

    model = deduce.Deduce()
    # deduce sets the root logger to DEBUG on import; left so, it would slow Presidio down.
    logging.getLogger().setLevel(logging.WARNING)
    return lambda texts: [
        [Span(a.start_char, a.end_char, a.tag) for a in model.deidentify(text).annotations] for text in texts
    ]


def presidio_tool(workdir: Path) -> Callable[[list[str]], list[list[Span]]]:
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        DateRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
        UrlRecognizer,
    )

    blank = workdir / "nl_blank"
    spacy.blank("nl").to_disk(blank)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "nl", "model_name": str(blank)}],
        }
    )
    registry = RecognizerRegistry(supported_languages=["nl"])
    for recognizer in (
        EmailRecognizer(supported_language="nl"),
        IbanRecognizer(supported_language="nl"),
        PhoneRecognizer(supported_language="nl", supported_regions=("NL",)),
        UrlRecognizer(supported_language="nl"),
        DateRecognizer(supported_language="nl"),
        CreditCardRecognizer(supported_language="nl"),
        IpRecognizer(supported_language="nl"),
        SpacyRecognizer(supported_language="nl"),
    ):
        registry.add_recognizer(recognizer)
    logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)
    # Presidio's URL recognizer asks tldextract for a fresh suffix list (no network here: it
    # logs a traceback and uses its bundled copy).
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    engine = AnalyzerEngine(
        nlp_engine=provider.create_engine(), registry=registry, supported_languages=["nl"]
    )
    return lambda texts: [
        [Span(r.start, r.end, r.entity_type) for r in engine.analyze(text, language="nl")] for text in texts
    ]


def distinct_texts(paths: list[Path], skip: set[str]) -> list[str]:
    """The texts of the corpus files, each once, without those in ``skip``."""
    texts = (json.loads(line)["text"] for path in paths for line in path.open(encoding="utf-8"))
    return [text for text in dict.fromkeys(texts) if text not in skip]


def interleaved_rates(runs: dict[str, Callable[[list[str]], object]], texts: list[str]) -> dict[str, float]:
    """Posts per second of each tool over ``texts``, timed in chunks taken by every tool in
    turn (the order rotating), so that the machine speeding up or slowing down over the run
    weighs on all tools alike."""
    seconds = dict.fromkeys(runs, 0.0)
    names = list(runs)
    for i, start in enumerate(range(0, len(texts), CHUNK)):
        chunk = texts[start : start + CHUNK]
        for name in names[i % len(names) :] + names[: i % len(names)]:
            started = time.perf_counter()
            runs[name](chunk)
            seconds[name] += time.perf_counter() - started
    return {name: len(texts) / seconds[name] for name in runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "data" / "pii" / "dev.jsonl")
    args = parser.parse_args()
    gold = read_gold(args.gold)
    texts = [post.text for post in gold]
    harm = sorted((ROOT / "data" / "harm").glob("*.jsonl"))
    warm_up = distinct_texts(harm[-1:], set(texts))[:WARM_UP]
    a7 = distinct_texts([p for p in harm if p != harm[-1]], set(warm_up) | set(texts))
    pii_posts = [ROOT / "data" / "pii" / f"train-{name}.jsonl" for name in PII_POSTS]
    pii = texts + [post.text for post in read_gold_files(pii_posts) if post.text not in set(texts)]
    print(
        f"A7 posts/s: {len(a7):,} distinct posts of the A7 corpus; PII posts/s: {len(pii):,} posts "
        f"written to carry personal data; F1 on the {len(gold)} gold posts of {args.gold.name}. "
        f"One process, one thread; the tools take turns, {CHUNK} posts at a time."
    )
    with tempfile.TemporaryDirectory() as tmp:
        makers = {
            "smrisk": lambda: smrisk_tool(Path(tmp)),
            "smrisk-nlp": smrisk_pipeline_tool,
            "deduce": deduce_tool,
            "presidio": lambda: presidio_tool(Path(tmp)),
        }
        runs, loads = {}, {}
        for name, make in makers.items():
            started = time.perf_counter()
            runs[name] = make()
            loads[name] = time.perf_counter() - started
            runs[name](warm_up)
        pii_rates = interleaved_rates(runs, pii)
        a7_rates = interleaved_rates(runs, a7)
        header = ("tool", "load s", "A7 posts/s", "PII posts/s", "found P", "found R", "found F1", "label F1")
        print(f"{header[0]:10} {header[1]:>7} " + " ".join(f"{h:>11}" for h in header[2:]))
        for name, run in runs.items():
            report = evaluate_spans(gold, run(texts))
            found = report.score("found")
            labelled = f"{report.score('overlap').f1:11.3f}" if name.startswith("smrisk") else f"{'-':>11}"
            print(
                f"{name:10} {loads[name]:7.1f} {a7_rates[name]:11,.0f} {pii_rates[name]:11,.0f} "
                f"{found.precision:11.3f} {found.recall:11.3f} {found.f1:11.3f} {labelled}",
                flush=True,
            )
        for ours in ("smrisk", "smrisk-nlp"):
            for name in ("deduce", "presidio"):
                print(
                    f"{ours} / {name}: {a7_rates[ours] / a7_rates[name]:.2f}x (A7 posts), "
                    f"{pii_rates[ours] / pii_rates[name]:.2f}x (PII posts)"
                )


def read_gold_files(paths: list[Path]) -> list:
    return [post for path in paths for post in read_gold(path)]


if __name__ == "__main__":
    main()
