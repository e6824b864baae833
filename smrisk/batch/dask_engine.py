"""Dask engine: the same scoring on a Dask cluster, one task per input part (optional extra).

``pip install "smrisk[dask]"``. Each worker loads the scanner once and reads its part with
smrisk's own readers, so results equal the local engine's row for row; the parent gathers
parts in input order and writes them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .scoring import ChunkResult, JobSettings, scanner_for, score_part

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd


def _client(scheduler: str | Any | None) -> Any:
    """A Dask client for a scheduler address, an existing client or cluster, or a local cluster."""
    try:
        from distributed import Client
    except ImportError:
        raise ImportError('the Dask engine needs: pip install "smrisk[dask]"') from None
    if isinstance(scheduler, Client):
        return scheduler
    return Client(scheduler) if scheduler is not None else Client(processes=True)


def score_parts_on_dask(
    settings: JobSettings,
    parts: Sequence[tuple[Path, str | None]],
    scheduler: str | Any | None,
) -> Iterator[ChunkResult]:
    """Score each ``(part, id_prefix)`` as one task on the cluster; yields results in part order."""
    client = _client(scheduler)
    owned = client is not scheduler
    try:
        limit = 2 * max(1, sum(client.nthreads().values()))  # two parts per worker thread in flight
        pending: deque[Any] = deque()
        for part, prefix in parts:
            pending.append(client.submit(score_part, settings, part, prefix, pure=False))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        if owned:
            client.close()


def assess_dask_frame(
    frame: dd.DataFrame,
    config: str | Path | None = None,
    staff: str | Path | None = None,
    lang: str = "nl",
    columns: dict[str, str] | None = None,
) -> dd.DataFrame:
    """Assess a Dask DataFrame of posts partition by partition, as ``Scanner.assess_frame`` does.

    Rows keep their index; each worker process loads the scanner once. Give an id column
    (``columns={"id": ...}``) for stable ids: without one, posts are numbered per partition.
    """
    import pandas as pd

    meta = pd.DataFrame(
        {name: pd.Series(dtype=object) for name in ("id", "status", "error", "risk", "labels", "findings")}
        | {"action": pd.Series(dtype=object)}
    )
    config_path = Path(config) if config is not None else None
    staff_path = Path(staff) if staff is not None else None
    return frame.map_partitions(_assess_partition, config_path, staff_path, lang, columns, meta=meta)


def _assess_partition(
    part: pd.DataFrame, config: Path | None, staff: Path | None, lang: str, columns: dict[str, str] | None
) -> pd.DataFrame:
    return scanner_for(config, staff, lang).assess_frame(part, columns)
