"""`run_batch` and `smrisk batch`: same rows as a scan, in order, with workers, resumable."""

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import smrisk
from smrisk.batch import JobSettings
from smrisk.batch.checkpoint import Spool, paths_for
from smrisk.batch.job import job_fingerprint
from smrisk.cli import app
from smrisk.errors import InputError

from .inputs import many_posts, write_csv

runner = CliRunner()


@pytest.fixture(scope="module")
def posts_csv(tmp_path_factory):
    return write_csv(tmp_path_factory.mktemp("batch") / "posts.csv", many_posts(600))


@pytest.fixture(scope="module")
def reference(posts_csv, scanner, tmp_path_factory):
    """The uninterrupted single-process scan every batch output must equal."""
    out = tmp_path_factory.mktemp("ref") / "ref.jsonl"
    scanner.scan_file(posts_csv, out)
    return out.read_text(encoding="utf-8")


def test_two_workers_give_the_scan_output_in_input_order(posts_csv, reference, staff_csv, tmp_path):
    out = tmp_path / "out.jsonl"
    progress = []
    summary = smrisk.run_batch(
        posts_csv,
        out,
        staff=staff_csv,
        workers=2,
        chunk_size=64,
        on_progress=lambda done, total: progress.append((done, total)),
    )
    assert out.read_text(encoding="utf-8") == reference
    assert summary.rows == 600 and summary.errors == 0
    assert progress[0] == (0, 600) and progress[-1][0] == 600
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert not any(path.exists() for path in paths_for(out))  # checkpoint and spool are gone


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_tabular_outputs_equal_the_scan_writer(posts_csv, scanner, staff_csv, tmp_path, suffix):
    out, ref = tmp_path / f"out{suffix}", tmp_path / f"ref{suffix}"
    scanner.scan_file(posts_csv, ref)
    smrisk.run_batch(posts_csv, out, staff=staff_csv, workers=1, chunk_size=100)
    read = pd.read_csv if suffix == ".csv" else pd.read_parquet
    pd.testing.assert_frame_equal(read(out), read(ref))


def test_a_folder_of_parts_is_one_job_with_ids_per_part(tmp_path, staff_csv):
    parts = tmp_path / "parts"
    parts.mkdir()
    first = many_posts(30).drop(columns=["Id"])
    write_csv(parts / "a.csv", first)
    many_posts(20, start=30).to_parquet(parts / "b.parquet")
    out = tmp_path / "out.jsonl"
    summary = smrisk.run_batch(parts, out, staff=staff_csv, workers=1)
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert summary.rows == 50
    assert ids == [f"a:{n}" for n in range(1, 31)] + [f"p{n}" for n in range(30, 50)]


def test_bad_rows_in_a_large_file_give_one_error_row_each(tmp_path, staff_csv):
    frame = many_posts(3000)
    bad = {17: "", 1500: "   ", 2999: "x" * 60_000}
    for row, text in bad.items():
        frame.loc[row, "Bericht"] = text
    path = tmp_path / "big.csv"
    write_csv(path, frame)
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["extra-1"] + ["x"] * (len(frame.columns) + 3))  # more fields than the header
        writer.writerow(["last", *frame.iloc[0, 1:]])
    out = tmp_path / "out.jsonl"
    summary = smrisk.run_batch(path, out, staff=staff_csv, workers=2, chunk_size=250)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 3002 == summary.rows
    errors = {n: row["error"] for n, row in enumerate(rows) if row["status"] == "error"}
    assert set(errors) == {17, 1500, 2999, 3000}
    assert errors[17] == errors[1500] == "empty text"
    assert errors[2999].startswith("text too long")
    assert "fields but the header has" in errors[3000]
    assert rows[-1]["id"] == "last" and rows[-1]["status"] == "ok"


def test_resume_refuses_a_checkpoint_of_another_job(posts_csv, staff_csv, tmp_path):
    out = tmp_path / "out.jsonl"
    checkpoint, spool = paths_for(out)
    checkpoint.write_text(json.dumps({"job": "another", "rows": 5, "spool_bytes": 0}))
    spool.write_text("")
    with pytest.raises(InputError, match="belongs to another job"):
        smrisk.run_batch(posts_csv, out, staff=staff_csv, workers=1, resume=True)


def test_spool_resumes_from_the_last_checkpoint_not_the_last_write(tmp_path):
    out = tmp_path / "out.jsonl"
    spool = Spool(out, "job")
    spool.start(resume=False)
    spool.append(['{"id": "1"}', '{"id": "2"}'], rows=2)
    spool._handle.write(b'{"id": "3"}\n{"id": "4')  # written, killed before the checkpoint
    spool._handle.flush()
    spool.close()
    again = Spool(out, "job")
    state = again.start(resume=True)
    assert state.rows == 2
    again.append(['{"id": "3"}'], rows=1)
    again.close()
    assert [row["id"] for row in again.rows()] == ["1", "2", "3"]


def test_a_job_killed_after_its_final_rename_completes_on_resume(posts_csv, reference, staff_csv, tmp_path):
    out = tmp_path / "out.jsonl"
    smrisk.run_batch(posts_csv, out, staff=staff_csv, workers=1)
    checkpoint, _ = paths_for(out)
    job = job_fingerprint([posts_csv], JobSettings(output=out, staff=staff_csv))
    checkpoint.write_text(json.dumps({"job": job, "rows": 600, "spool_bytes": 1, "input_done": True}))
    summary = smrisk.run_batch(posts_csv, out, staff=staff_csv, workers=1, resume=True)
    assert summary.resumed_at == 600
    assert out.read_text(encoding="utf-8") == reference and not checkpoint.exists()


def test_sigkill_at_a_random_point_then_resume_equals_an_uninterrupted_run(
    posts_csv, reference, staff_csv, tmp_path
):
    seed = int(os.environ.get("SMRISK_TEST_SEED", time.time_ns() % 10_000))
    kill_after = random.Random(seed).randrange(1, 575)  # at least one chunk to go
    out = tmp_path / "out.jsonl"
    checkpoint, spool = paths_for(out)
    command = [str(Path(sys.executable).parent / "smrisk"), "batch", str(posts_csv), "-o", str(out)]
    command += ["--staff", str(staff_csv), "--workers", "2", "--chunk-size", "25", "--resume", "-q"]
    job = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and job.poll() is None:
        if checkpoint.exists() and _rows_done(checkpoint) >= kill_after:
            break
        time.sleep(0.005)
    assert job.poll() is None, f"seed {seed}: the job ended before the kill: {job.stderr.read()!r}"
    os.killpg(job.pid, signal.SIGKILL)
    job.wait()
    assert not out.exists(), f"seed {seed}: a killed job left an output that looks complete"
    assert spool.exists()
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed at row" in resumed.stderr
    assert out.read_text(encoding="utf-8") == reference, f"seed {seed}, killed after {kill_after} rows"
    assert not checkpoint.exists() and not spool.exists()


def _rows_done(checkpoint):
    try:
        return json.loads(checkpoint.read_text())["rows"]
    except (ValueError, OSError):  # caught mid-replace
        return 0


def test_cli_rejects_an_xlsx_output_in_one_line(posts_csv, tmp_path):
    result = runner.invoke(app, ["batch", str(posts_csv), "-o", str(tmp_path / "out.xlsx")])
    assert result.exit_code == 2
    assert "1,048,576 rows" in result.output and "Traceback" not in result.output


def test_cli_logs_progress_lines_when_not_on_a_terminal(posts_csv, staff_csv, tmp_path):
    out = tmp_path / "out.jsonl"
    args = ["batch", str(posts_csv), "-o", str(out), "--staff", str(staff_csv), "-w", "1", "--log-every", "0"]
    result = runner.invoke(app, args + ["--chunk-size", "200"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("smrisk batch:")]
    assert len(lines) == 4  # at the start and after each of 3 chunks
    assert lines[-1].startswith("smrisk batch: 600 rows of ~600 (100%)")


def test_resume_refuses_a_checkpoint_when_the_input_changed(staff_csv, tmp_path):
    source = write_csv(tmp_path / "posts.csv", many_posts(300))
    out = tmp_path / "out.jsonl"

    def stop(done, total):
        if done >= 100:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        smrisk.run_batch(source, out, staff=staff_csv, workers=1, chunk_size=100, on_progress=stop)
    write_csv(source, many_posts(301))
    with pytest.raises(InputError, match="belongs to another job"):
        smrisk.run_batch(source, out, staff=staff_csv, workers=1, resume=True)
