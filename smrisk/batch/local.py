"""Local engine: score chunks of posts in worker processes, results back in input order.

At most two chunks per worker are in flight, so reading never runs ahead of scoring and
memory stays flat however large the input is. One worker scores in this process.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..findings import Post
from .scoring import ChunkResult, JobSettings, score_chunk


def chunked(posts: Iterable[Post], size: int) -> Iterator[list[Post]]:
    """Consecutive lists of ``size`` posts (the last may be shorter)."""
    iterator = iter(posts)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _limit_threads() -> None:
    """One BLAS/OpenMP thread per worker: the workers are the parallelism."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def score_locally(settings: JobSettings, chunks: Iterable[list[Post]], workers: int) -> Iterator[ChunkResult]:
    """Score ``chunks`` with ``workers`` processes; yields one result per chunk, in order."""
    if workers <= 1:
        for chunk in chunks:
            yield score_chunk(settings, chunk)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process holding threads
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_limit_threads) as pool:
        pending: deque[Future[ChunkResult]] = deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(score_chunk, settings, chunk))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
