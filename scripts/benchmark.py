"""Throughput and peak memory of `smrisk scan` on N posts made from the bundled example.

    python scripts/benchmark.py --posts 100000

Posts are the example export's rows repeated with their ids made unique; every post is
parsed by spaCy and checked against the staff roster, as in a real scan.
"""

from __future__ import annotations

import argparse
import csv
import platform
import resource
import tempfile
import time
from pathlib import Path

import smrisk

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "school-mentions.csv"
STAFF = ROOT / "data" / "examples" / "staff.csv"


def make_input(path: Path, count: int) -> None:
    with EXAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        for number in range(count):
            row = dict(rows[number % len(rows)])
            row["Id"] = f"bench-{number}"
            writer.writerow(row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source, output = Path(tmp) / "posts.csv", Path(tmp) / "results.jsonl"
        make_input(source, args.posts)
        started = time.perf_counter()
        scanner = smrisk.load(staff=STAFF)
        load_seconds = time.perf_counter() - started
        summary = scanner.scan_file(source, output)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"machine      {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, smrisk {smrisk.__version__}"
    )
    print(f"posts        {summary.rows:,} ({summary.errors} errors)")
    print(f"load         {load_seconds:.2f} s")
    print(
        f"scan         {summary.seconds:.2f} s = {summary.rows / summary.seconds:,.0f} posts/s "
        "(read, parse, checks, write; one process)"
    )
    print(f"peak memory  {peak_mb:,.0f} MB (max RSS)")


if __name__ == "__main__":
    main()
