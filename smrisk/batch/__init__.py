"""Batch jobs at scale: streaming, parallel, resumable, locally or on a Dask cluster."""

from .job import BatchSummary, run_batch
from .scoring import JobSettings

__all__ = ["BatchSummary", "JobSettings", "run_batch"]
