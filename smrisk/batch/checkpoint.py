"""Resumable output: rows go to a spool file beside the output, a checkpoint records how far.

The spool holds the output rows as JSON lines. After each chunk the spool is flushed to disk
and then the checkpoint (rows done, spool length) is replaced atomically, so after a crash
at any moment the checkpoint names a prefix of the spool that is complete. Resuming cuts
the spool back to that length and skips that many input rows. When the input is done, the
spool becomes the output (converted if the output is not JSONL) under a temporary name,
renamed into place; the checkpoint goes last.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from ..errors import Errors, InputError

VERSION = 1


@dataclass
class Checkpoint:
    """How far a job got: ``rows`` input rows (``parts`` whole input files) are in the first
    ``spool_bytes`` of the spool."""

    job: str
    rows: int = 0
    parts: int = 0
    spool_bytes: int = 0
    input_done: bool = False
    version: int = VERSION


def paths_for(output: Path) -> tuple[Path, Path]:
    """The checkpoint and spool files that belong to ``output``."""
    return (
        output.with_name(output.name + ".smrisk-checkpoint.json"),
        output.with_name(output.name + ".smrisk-partial"),
    )


class Spool:
    """The spool of a job and its checkpoint; open with :meth:`start`."""

    def __init__(self, output: Path, job: str) -> None:
        self.output = output
        self.job = job
        self.checkpoint_path, self.path = paths_for(output)
        self.state = Checkpoint(job)
        self._handle: IO[bytes] | None = None

    def start(self, resume: bool) -> Checkpoint:
        """Open the spool, continuing a checkpointed job of the same ``job`` if ``resume``."""
        self.output.parent.mkdir(parents=True, exist_ok=True)
        if resume and self.checkpoint_path.exists():
            self.state = self._read_checkpoint()
            if self.state.job != self.job:
                raise InputError(Errors.E017.format(path=self.output, reason="other input or settings"))
            if self.state.input_done and not self.path.exists():
                return self.state  # killed after the final rename: the output is complete
            if not self.path.exists():
                raise InputError(Errors.E017.format(path=self.output, reason="its partial output is gone"))
        else:
            self.state = Checkpoint(self.job)
            self.path.write_bytes(b"")
            self._save_checkpoint()
        self._handle = self.path.open("r+b")
        self._handle.truncate(self.state.spool_bytes)
        self._handle.seek(self.state.spool_bytes)
        return self.state

    def append(self, lines: list[str], rows: int, part_done: bool = False) -> None:
        """Add the output lines of the next ``rows`` input rows, durably, then record them."""
        assert self._handle is not None, "start() first"
        if lines:
            self._handle.write(("\n".join(lines) + "\n").encode("utf-8"))
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self.state.rows += rows
        self.state.parts += part_done
        self.state.spool_bytes = self._handle.tell()
        self._save_checkpoint()

    def finish_input(self) -> None:
        """Record that every input row is in the spool."""
        self.close()
        self.state.input_done = True
        self._save_checkpoint()

    def rows(self):
        """The spooled output rows, in order."""
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)

    def remove(self) -> None:
        """Drop the checkpoint, then the spool (the output is in place)."""
        self.close()
        self.checkpoint_path.unlink(missing_ok=True)
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def _read_checkpoint(self) -> Checkpoint:
        try:
            data = json.loads(self.checkpoint_path.read_text(encoding="utf-8"))
            state = Checkpoint(**data)
        except (ValueError, TypeError):
            raise InputError(Errors.E017.format(path=self.output, reason="unreadable checkpoint")) from None
        if state.version != VERSION:
            raise InputError(Errors.E017.format(path=self.output, reason=f"checkpoint v{state.version}"))
        return state

    def _save_checkpoint(self) -> None:
        tmp = self.checkpoint_path.with_name(self.checkpoint_path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(asdict(self.state), handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.checkpoint_path)
