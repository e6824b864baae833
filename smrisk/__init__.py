"""smrisk: flags Dutch social-media posts about a school that break its social-media protocol.

import smrisk
scanner = smrisk.load(staff="data/examples/staff.csv")
scanner.assess("Trots op onze leerlingen! #amstelveencollege", author="@mariekedv")
scanner.scan_file("export.csv", output="results.jsonl")
"""

import logging

from .config import ProtocolConfig, load_config
from .findings import Assessment, Finding, Post, RiskLevel
from .io import open_posts
from .redact import Redactor, redact
from .roster import StaffRoster, read_roster
from .scanner import Scanner, ScanSummary, load

__version__ = "0.1.0"

__all__ = [
    "Assessment",
    "Finding",
    "Post",
    "ProtocolConfig",
    "Redactor",
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
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
