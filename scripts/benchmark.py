"""End-to-end batch benchmark: posts per second, time per stage, the A7 classifier alone, peak
memory, worker speed-up.

    python scripts/benchmark.py                       # 200,000 posts, 1 and all workers
    python scripts/benchmark.py --posts 1000000 --workers 2

Posts are drawn from the project's own texts (the bundled example, the A7 corpus's training
posts and the personal-data training posts, all project-written), with authors from the
example roster now and then, platforms, dates and URLs, written as a `;` CSV. Every check
runs (personal data, staff rules and the A7 classifier), as a board's overnight job would.
End to end is `smrisk batch` run as a user runs it, in its own process (model loading
included); its peak memory is the largest total RSS of its processes (parent and workers),
sampled every 0.1 s. Stages are timed in the scanner's batches, after one batch that lets
each check build what it builds on first use; the classifier alone is timed on the held-out
A7 test posts (see ``smrisk.harm.train.throughput``).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

import smrisk
from smrisk.batch.job import default_workers
from smrisk.harm.corpus import read_corpus
from smrisk.harm.train import DEFAULT_NAME as HARM_MODEL
from smrisk.harm.train import load as load_harm
from smrisk.harm.train import throughput, unseen_throughput
from smrisk.io import AssessmentWriter, open_posts
from smrisk.models import models_dir
from smrisk.pii.corpus import parse_marked
from smrisk.scanner import BATCH_SIZE

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "school-mentions.csv"
STAFF = ROOT / "data" / "examples" / "staff.csv"
PLATFORMS = {
    "X": "https://x.com/{handle}/status/{n}",
    "Instagram": "https://www.instagram.com/p/{n}/",
    "TikTok": "https://www.tiktok.com/@{handle}/video/{n}",
    "Facebook": "https://www.facebook.com/groups/amstelveencollege/posts/{n}",
}


def text_pool() -> list[str]:
    """Project-written post texts: the example, the A7 training posts, the personal-data posts."""
    with EXAMPLE.open(encoding="utf-8", newline="") as handle:
        texts = [row["Bericht"] for row in csv.DictReader(handle, delimiter=";")]
    for path in sorted((ROOT / "data" / "harm").glob("train-*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    for name in ("train-students.jsonl", "train-adults.jsonl"):
        for line in (ROOT / "data" / "pii" / name).open(encoding="utf-8"):
            texts.append(parse_marked(json.loads(line)["marked"])[0])
    return texts


def make_input(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    texts = text_pool()
    staff_handles = [h for line in STAFF.read_text().splitlines()[1:] for h in line.split(",")[1].split(";")]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Id", "Datum", "Auteur", "Bericht", "Bron", "URL"])
        for number in range(count):
            handle_ = rng.choice(staff_handles) if rng.random() < 0.05 else f"@user{rng.randrange(50_000)}"
            source = rng.choice(list(PLATFORMS))
            day = f"2026-{rng.randrange(9, 12):02d}-{rng.randrange(1, 29):02d} {rng.randrange(24):02d}:00"
            url = PLATFORMS[source].format(handle=handle_.lstrip("@"), n=rng.randrange(10**12))
            text = rng.choice(texts)
            if rng.random() < 0.3:  # unique tokens, as real posts have: links and mentions
                text += f" https://t.co/{rng.randrange(16**10):x} @fan{rng.randrange(10**6)}"
            writer.writerow([f"bench-{number}", day, handle_, text, source, url])


def run_job(source: Path, config: Path, output: Path, workers: int) -> tuple[float, float]:
    """Run `smrisk batch` as users do, in its own process; (seconds, peak MB of its process tree)."""
    command = [str(Path(sys.executable).parent / "smrisk"), "batch", str(source), "-o", str(output)]
    command += ["--config", str(config), "--staff", str(STAFF), "--workers", str(workers), "-q"]
    started = time.perf_counter()
    job = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while job.poll() is None:
        total = 0
        for process in [job, *job.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):  # a worker that just exited
                total += process.memory_info().rss
        peak = max(peak, total)
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if job.returncode:
        raise SystemExit(f"smrisk batch failed: {job.stderr.read().decode()}")
    return seconds, peak / 2**20


def stage_times(source: Path, config: Path, sample: int) -> dict[str, float]:
    """Seconds per post of each stage, in one process on the first ``sample`` posts."""
    scanner = smrisk.load(config=config, staff=STAFF)
    started = time.perf_counter()
    posts = list(open_posts(source))
    read = (time.perf_counter() - started) / len(posts)
    posts = posts[:sample]
    texts = [post.text for post in posts]
    timings = {"read": read}
    started = time.perf_counter()
    docs = [scanner.nlp.tokenizer(text) for text in texts]
    timings["parse (tokenizer)"] = (time.perf_counter() - started) / len(posts)
    started = time.perf_counter()
    for _, component in scanner.nlp.pipeline:
        pipe = getattr(component, "pipe", None)
        docs = list(pipe(docs, batch_size=256)) if pipe else [component(doc) for doc in docs]
    pipeline = time.perf_counter() - started
    stage_of = {
        "personal_data": "personal data",
        "harm": "classifier (A7)",
        "staff_rules": "rules (B2/C2/C3)",
    }
    for check in scanner.checks.checks:
        batch = getattr(check, "run_batch", None) or (
            lambda docs, posts, check=check: [check(d, p) for d, p in zip(docs, posts, strict=True)]
        )
        batch(docs[:BATCH_SIZE], posts[:BATCH_SIZE])  # tables a check builds on first use: left out
        started = time.perf_counter()
        for start in range(0, len(posts), BATCH_SIZE):  # as the scanner calls it
            batch(docs[start : start + BATCH_SIZE], posts[start : start + BATCH_SIZE])
        elapsed = time.perf_counter() - started
        if check.name == "personal_data":
            elapsed += pipeline  # NER and pattern components serve the personal-data check
        timings[stage_of.get(check.name, check.name)] = elapsed / len(posts)
    assessments = list(scanner.assess_posts(posts))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with AssessmentWriter(Path(tmp) / "out.jsonl") as writer:
            for assessment in assessments:
                writer.write(assessment)
        timings["write"] = (time.perf_counter() - started) / len(posts)
    return timings


def classifier_alone() -> tuple[float, float, float]:
    """Posts per second of the A7 classifier alone on the held-out posts: unseen, after the dev
    posts; unseen, after the training and dev posts (as in a long scan); and again."""
    model = load_harm(models_dir() / HARM_MODEL)
    folder = ROOT / "data" / "harm"
    train = read_corpus(sorted(folder.glob("train-*.jsonl")))
    dev, test = read_corpus([folder / "dev.jsonl"]), read_corpus([folder / "test.jsonl"])
    after_dev, after_all = unseen_throughput(model, train, dev, test)
    texts = [post.text for post in test]
    return after_dev, after_all, throughput(model, texts, texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200_000)
    parser.add_argument(
        "--workers",
        default=f"1,{default_workers()}",
        help="Comma-separated worker counts to run (default 1,N).",
    )
    parser.add_argument("--stage-sample", type=int, default=20_000, help="Posts timed per stage.")
    args = parser.parse_args()
    worker_counts = sorted({int(n) for n in args.workers.split(",")})
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    print(
        f"machine      {platform.machine()}, {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GB, "
        f"{platform.python_implementation()} {platform.python_version()}, smrisk {smrisk.__version__}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        source, config = Path(tmp) / "posts.csv", Path(tmp) / "all-checks.toml"
        config.write_text('[checks]\nenabled = ["personal_data", "staff_rules", "harm"]\n')
        started = time.perf_counter()
        make_input(source, args.posts)
        print(
            f"input        {args.posts:,} posts, {source.stat().st_size / 2**20:,.0f} MB CSV "
            f"(made in {time.perf_counter() - started:.0f} s)"
        )
        timings = stage_times(source, config, min(args.stage_sample, args.posts))
        print(f"stages       one process, first {min(args.stage_sample, args.posts):,} posts:")
        for stage, seconds in timings.items():
            print(f"  {stage:<20} {seconds * 1e6:8.1f} µs/post  {1 / seconds:>10,.0f} posts/s")
        after_dev, after_all, met = classifier_alone()
        print(
            f"classifier   alone (A7, no explanations), one process, {BATCH_SIZE:,} posts a call, on "
            f"the held-out posts: unseen {after_all:,.0f} posts/s after the training and dev posts, "
            f"{after_dev:,.0f} posts/s after the dev posts only; {met:,.0f} posts/s seen before"
        )
        pii_alone = 1 / (timings["parse (tokenizer)"] + timings["personal data"])
        rates = {}
        for workers in worker_counts:
            output = Path(tmp) / f"results-{workers}.jsonl"
            seconds, peak_mb = run_job(source, config, output, workers)
            rows = sum(1 for _ in output.open(encoding="utf-8"))
            rates[workers] = rows / seconds
            print(
                f"end to end   {workers} worker(s): {rows:,} posts in {seconds:,.1f} s = "
                f"{rates[workers]:,.0f} posts/s (smrisk batch, load included), peak memory {peak_mb:,.0f} MB"
            )
            output.unlink()
        if 1 in rates:
            pii_config = Path(tmp) / "personal-data-only.toml"
            pii_config.write_text('[checks]\nenabled = ["personal_data"]\n')
            output = Path(tmp) / "results-pii.jsonl"
            seconds, _ = run_job(source, pii_config, output, 1)
            pii_job = args.posts / seconds
            print(
                f"pipeline     1 worker: {rates[1] / pii_alone:.0%} of the personal-data stage alone in "
                f"the stage timing ({pii_alone:,.0f} posts/s); {rates[1] / pii_job:.0%} of the same "
                f"job with only the personal-data check ({pii_job:,.0f} posts/s)"
            )
            for workers in worker_counts[1:]:
                print(f"speed-up     {workers} workers: {rates[workers] / rates[1]:.2f}x of 1 worker")


if __name__ == "__main__":
    main()
