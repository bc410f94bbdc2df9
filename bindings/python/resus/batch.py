"""Monte Carlo studies from Python: ``resus.batch`` runs a study (docs/batch.md) with the ``resus
batch`` command on every core and returns its results as a DataFrame, with a progress bar
(tqdm when it is installed, Debian's python3-tqdm; a plain line otherwise).

>>> import resus
>>> df = resus.batch("examples/studies/vf_time_to_shock.json", "results/vf", patients=20)  # doctest: +SKIP
>>> df.groupby("team.bystander_cpr_delay_s")["rosc_any"].mean()  # doctest: +SKIP

The command does the work (oneTBB threads, atomic chunk files, resumable, byte-identical
whatever the thread count), so a study run from Python and from the shell give the same file.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pandas as pd

from ._lib import _INSTALLED_LIBDIR, lib
from .errors import ResusError


def batch_command() -> str:
    """The ``resus`` command a study runs with: ``RESUS_CLI`` if set, else the one installed
    beside this package's library (<prefix>/bin/resus), else the first on PATH."""
    explicit = os.environ.get("RESUS_CLI")
    if explicit:
        return explicit
    installed = _INSTALLED_LIBDIR.parent / "bin" / "resus"
    if installed.exists():
        return str(installed)
    found = shutil.which("resus")
    if found:
        return found
    raise FileNotFoundError("resus.batch needs the `resus` command: set RESUS_CLI to its path "
                            "(build/cli/resus in a source tree) or put it on PATH")


class _Progress:
    """tqdm if importable, else one line on stderr; nothing when off."""

    def __init__(self, total: int, enabled: bool) -> None:
        self._bar = None
        self._line = False
        self._done = 0
        self._total = total
        if not enabled:
            return
        try:
            from tqdm import tqdm  # type: ignore[import-not-found]
            self._bar = tqdm(total=total, unit="patient", desc="resus batch")
        except ImportError:
            self._line = True

    def update(self, done: int) -> None:
        if done <= self._done:
            return
        if self._bar is not None:
            self._bar.update(done - self._done)
        elif self._line:
            print(f"\rresus batch: {done}/{self._total} patients", end="", file=sys.stderr, flush=True)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self._line:
            print(file=sys.stderr)


def _study_file(study: str | os.PathLike[str] | dict[str, Any], scratch: str) -> Path:
    """The study as a file the command reads: the file given, or the dict written into scratch."""
    if isinstance(study, dict):
        path = Path(scratch) / "study.json"
        path.write_text(json.dumps(study))
        return path
    return Path(study)


def batch(study: str | os.PathLike[str] | dict[str, Any], out_dir: str | os.PathLike[str], *,
          patients: int | None = None, threads: int | None = None, chunk: int | None = None,
          progress: bool = True, command: str | os.PathLike[str] | None = None,
          poll_s: float = 0.25) -> pd.DataFrame:
    """Runs ``study`` (a study file, or the same as a dict) into ``out_dir`` and returns its
    ``results.csv`` as a DataFrame (one row per patient; docs/batch.md lists the columns).

    ``patients`` overrides the study's count, ``threads`` the worker threads (default: every
    core), ``chunk`` the patients per result file (the unit of progress and of resuming: a rerun
    into the same directory finishes what a killed one left); ``command`` the ``resus`` command
    (default: ``batch_command()``). A study the command refuses raises
    ResusError with its message (naming the JSON path, the value and the valid range)."""
    out = Path(out_dir)
    with tempfile.TemporaryDirectory(prefix="resus-study-") as scratch:
        path = _study_file(study, scratch)
        args = [str(command or batch_command()), "batch", str(path), "--out", str(out), "-q"]
        for flag, value in (("--patients", patients), ("--threads", threads), ("--chunk", chunk)):
            if value is not None:
                args += [flag, str(int(value))]
        with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
            bar: _Progress | None = None
            while proc.poll() is None:
                bar = bar or _layout_progress(out, progress)
                if bar is not None:
                    bar.update(_patients_done(out))
                time.sleep(poll_s)
            stdout, stderr = proc.communicate()
            if bar is not None:
                bar.update(_patients_done(out))
                bar.close()
    if proc.returncode == 2:
        raise ResusError(lib.RESUS_ERR_INVALID_ARGUMENT, stderr.strip())
    if proc.returncode != 0:
        raise RuntimeError(f"resus batch exited with {proc.returncode}: {stderr.strip() or stdout.strip()}")
    return pd.read_csv(out / "results.csv")


def draw(study: str | os.PathLike[str] | dict[str, Any], first: int = 0, count: int | None = None, *,
         patients: int | None = None, command: str | os.PathLike[str] | None = None) -> list[dict[str, Any]]:
    """Patients ``first`` .. ``first + count - 1`` of ``study`` (a study file or the same as a
    dict; ``count`` None: to the study's last), as ``resus draw`` prints them: for each, its
    ``model`` (a patient definition for :meth:`resus.Model.from_patient`), its ``sim`` seed and
    patient id, its ``arrest`` (a primary arrest's ``rhythm`` at ``at_s``, or a cause's
    ``actions`` and the ``collapse`` rule that finds when it arrests), its witness status and the
    ``team``'s sampled human factors. Patient i is the one ``resus batch`` runs as patient i;
    :meth:`resus.ArrestEnv.from_study` is the team's seat at them. ``patients`` overrides the
    study's count, as in :func:`batch`; a range beyond the study's patients is refused."""
    for name, value, low in (("first", first, 0), ("count", count, 1), ("patients", patients, 1)):
        if value is None and name != "first":
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= 1_000_000_000:
            raise ValueError(f"{name} = {value!r} is out of range; valid range is whole numbers in "
                             f"[{low}, 1000000000]")
    with tempfile.TemporaryDirectory(prefix="resus-study-") as scratch:
        path = _study_file(study, scratch)
        args = [str(command or batch_command()), "draw", str(path), "--first", str(first)]
        for flag, value in (("--count", count), ("--patients", patients)):
            if value is not None:
                args += [flag, str(value)]
        proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode == 2:
        raise ResusError(lib.RESUS_ERR_INVALID_ARGUMENT, proc.stderr.strip())
    if proc.returncode != 0:
        raise RuntimeError(f"resus draw exited with {proc.returncode}: {proc.stderr.strip()}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def _layout_progress(out: Path, enabled: bool) -> _Progress | None:
    """The progress bar, once the command has written the run's layout (batch.json)."""
    try:
        layout = json.loads((out / "batch.json").read_text())
    except (OSError, ValueError):
        return None
    return _Progress(int(layout.get("patients", 0)), enabled)


def _patients_done(out: Path) -> int:
    try:
        layout = json.loads((out / "batch.json").read_text())
        chunk, total = int(layout["chunk_patients"]), int(layout["patients"])
    except (OSError, ValueError, KeyError):
        return 0
    done = len(list((out / "chunks").glob("chunk-*.csv")))
    return min(done * chunk, total)


__all__ = ["batch", "batch_command", "draw"]
