"""The Dask engine on a real LocalCluster gives the local engine's output, row for row."""

import pandas as pd
import pytest

import smrisk
from smrisk.batch.dask_engine import assess_dask_frame

from .inputs import many_posts, write_csv

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parts")
    write_csv(folder / "part-0.csv", many_posts(150).drop(columns=["Id"]))
    many_posts(120, start=150).to_parquet(folder / "part-1.parquet")
    many_posts(90, start=270).to_json(
        folder / "part-2.jsonl", orient="records", lines=True, force_ascii=False
    )
    return folder


def test_dask_engine_output_equals_the_local_engine(cluster, parts, staff_csv, tmp_path):
    local, on_dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    smrisk.run_batch(parts, local, staff=staff_csv, workers=1)
    summary = smrisk.run_batch(parts, on_dask, staff=staff_csv, engine="dask", scheduler=cluster)
    assert summary.rows == 360
    assert on_dask.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")


def test_dask_engine_resumes_at_part_boundaries(cluster, parts, staff_csv, tmp_path):
    reference, out = tmp_path / "ref.jsonl", tmp_path / "out.jsonl"
    smrisk.run_batch(parts, reference, staff=staff_csv, workers=1)
    # A job stopped after its first part (by a progress hook that raises), then resumed.

    def stop_after_first_part(done, total):
        if done >= 150:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        smrisk.run_batch(
            parts, out, staff=staff_csv, engine="dask", scheduler=cluster, on_progress=stop_after_first_part
        )
    summary = smrisk.run_batch(parts, out, staff=staff_csv, engine="dask", scheduler=cluster, resume=True)
    assert summary.resumed_at == 150
    assert out.read_text(encoding="utf-8") == reference.read_text(encoding="utf-8")


def test_assess_dask_frame_equals_assess_frame(cluster, scanner, staff_csv):
    frame = many_posts(200)
    expected = scanner.assess_frame(frame, columns={"id": "Id"})
    result = assess_dask_frame(
        dd.from_pandas(frame, npartitions=4), staff=staff_csv, columns={"id": "Id"}
    ).compute(scheduler=cluster.get)
    pd.testing.assert_frame_equal(result, expected)
