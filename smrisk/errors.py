"""Errors users see, with their messages in one place (spaCy style).

Messages name files, columns and limits, never post text: they may end up in logs.
"""

from __future__ import annotations


class SmriskError(Exception):
    """An error with a one-line message meant for the user; the CLI exits with ``exit_code``."""

    exit_code = 2


class InputError(SmriskError):
    """The input file cannot be used as a whole."""


class ConfigError(SmriskError):
    """The protocol config or the staff roster is invalid."""


class ModelError(SmriskError):
    """A model artefact is missing, corrupt or does not match its recorded hash."""


class Errors:
    """Message templates; format them with keyword arguments."""

    E001 = "{path}: file not found"
    E002 = "{path}: file is empty"
    E003 = "{path}: looks like a binary file, not {kind} (starts with bytes {magic})"
    E004 = "{path}: unsupported file type {suffix!r}; use .csv, .tsv, .txt, .xlsx, .json, .jsonl or .parquet"
    E005 = "{path}: no text column found; columns are: {columns}. Name it with --text-column."
    E006 = "{path}: column {column!r} (--{option}) not found; columns are: {columns}"
    E007 = "{path}: cannot read as {kind}: {reason}"
    E008 = "{path}: JSON holds no list of posts (expected an array or an object with a list)"
    E009 = "{path}: the workbook has no sheet with a text column; sheets: {sheets}"
    E010 = "{path}: cannot write {suffix!r} output; use .jsonl, .csv, .xlsx or .parquet"
    E011 = "{path}: cannot write output: {reason}"
    E012 = "{path}: not a smrisk results file ({reason})"
    E013 = "{path}: a .jsonl results file holds no post text; pass the scanned export with --input EXPORT"
    E014 = "{path}: row {row}: {reason}"
    E015 = "{results} does not match {export} at row {row}: {reason}; pass the export that was scanned"
    E016 = "{path}: feedback file needs columns {needed}; found: {columns}"
    E017 = (
        "{path}: the checkpoint beside this output belongs to another job ({reason}); "
        "run without --resume to start over"
    )
    E018 = "{path}: no input files with a supported suffix in this folder"
    E019 = "{path}: batch writes .jsonl, .csv or .parquet (an .xlsx sheet holds at most 1,048,576 rows)"

    E101 = "{path}: invalid TOML: {reason}"
    E102 = "{path}: {key}: {reason}"
    E103 = "unknown check {name!r} in [checks]; available: {available}"
    E104 = "{path}: staff roster needs columns {needed}; found: {columns}"
    E105 = "{path}: staff roster row {row}: {reason}"
