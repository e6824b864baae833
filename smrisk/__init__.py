"""smrisk: flags Dutch social-media posts about a school that break its social-media protocol.

import smrisk
scanner = smrisk.load(staff="data/examples/staff.csv")
scanner.assess("Trots op onze leerlingen! #amstelveencollege", author="@mariekedv")
scanner.scan_file("export.csv", output="results.jsonl")
"""

import logging

from .batch import BatchSummary, run_batch
from .config import ProtocolConfig, load_config
from .findings import Assessment, Finding, Post, RiskLevel
from .io import open_posts
from .redact import Redactor, redact
from .report import ReportMeta, write_report
from .roster import StaffRoster, read_roster
from .scanner import Scanner, ScanSummary, load

__version__ = "0.1.0"

__all__ = [
    "Assessment",
    "BatchSummary",
    "Finding",
    "Post",
    "ProtocolConfig",
    "Redactor",
    "ReportMeta",
    "RiskLevel",
    "ScanSummary",
    "Scanner",
    "StaffRoster",
    "__version__",
    "load",
    "load_config",
    "open_posts",
    "read_roster",
    "redact",
    "run_batch",
    "write_report",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
