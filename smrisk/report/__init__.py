"""The triage report: one self-contained HTML page for the communications team.

smrisk.write_report(assessments, "report.html", smrisk.ReportMeta(source="export.csv"))
"""

from .html import render, save_report, write_report
from .model import ReportBuilder, ReportMeta, scan_meta
from .results import read_results

__all__ = [
    "ReportBuilder",
    "ReportMeta",
    "read_results",
    "render",
    "save_report",
    "scan_meta",
    "write_report",
]
