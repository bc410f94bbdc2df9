"""run(): plays a scenario as ``resus run`` does and returns the recorded signals."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Mapping

from ._lib import ffi, lib
from .catalog import step_seconds
from .errors import ResusError, check
from .model import Model
from .scenario import MAX_DURATION_S, Scenario, ScenarioAction, load_scenario, steps
from .sim import Sim

if TYPE_CHECKING:
    import pandas


def run(scenario: Mapping[str, Any] | str | os.PathLike[str], duration_s: float | None = None) -> pandas.DataFrame:
    """Plays a scenario (a dict, or the path of a scenario JSON file; docs/scenario.md).

    Returns one row per record interval from t = 0 (and one at the end), indexed by ``time_s``,
    one float64 column per recorded signal: the same numbers as
    ``resus run <file> --csv -`` for the same file. ``duration_s`` overrides the file's, like
    ``--duration`` (actions after it are skipped). The events polled on the way are in
    ``df.attrs["events"]``. Raises ResusError for a bad scenario, or if the simulation stops
    (a non-finite state).
    """
    import pandas  # only run() needs it

    sc = load_scenario(scenario)
    if duration_s is not None:
        _override_duration(sc, duration_s)
    try:
        model = Model.from_patient(sc.patient)
    except ResusError as error:
        raise ResusError(error.status, f"{sc.source}: patient: {error.message}") from None
    with model, model.sim(seed=sc.seed) as sim:
        times, rows, events = _play(sc, sim)
    frame = pandas.DataFrame(rows, columns=sc.signals, index=pandas.Index(times, name="time_s"), dtype=float)
    frame.attrs["events"] = events
    return frame


def _override_duration(sc: Scenario, duration_s: float) -> None:
    n = duration_s / step_seconds()
    if not (0.0 < duration_s <= MAX_DURATION_S and abs(n - round(n)) <= 1e-6):
        raise ResusError(lib.RESUS_ERR_INVALID_ARGUMENT,
                         f"duration_s = {duration_s:g}: must be in (0, {MAX_DURATION_S:g}] s and a whole "
                         f"number of {step_seconds():g} s steps")
    sc.duration_s = float(duration_s)
    sc.record_interval_s = min(sc.record_interval_s, sc.duration_s)


class _ActionFeed:
    """Hands the actions to the sim as the run reaches them, so a scenario may hold more than
    the sim's queue of 256; order: by step, then by place in the file (as cli/runner.cpp)."""

    def __init__(self, sc: Scenario) -> None:
        due = [a for a in sc.actions if a.at_s < sc.duration_s]
        self.order: list[ScenarioAction] = sorted(due, key=lambda a: steps(a.at_s))  # stable
        self.fed = 0  # order[:fed] are scheduled
        self.applied = 0  # order[:applied] are applied

    def feed(self, sim: Sim, now: int, target: int) -> int:
        """Schedules what is due before step `target` and fits the queue; returns the step the
        sim may advance to (target, or earlier when the queue is full)."""
        while self.applied < self.fed and steps(self.order[self.applied].at_s) < now:
            self.applied += 1
        while self.fed < len(self.order):
            a = self.order[self.fed]
            at = steps(a.at_s)
            if at >= target:
                break
            if self.fed - self.applied >= lib.RESUS_ACTION_QUEUE_CAPACITY:
                return at
            handle = sim.handle
            check(lib.resus_sim_schedule_values(handle, a.at_s, a.kind, ffi.new("double[]", a.values), len(a.values)),
                  lambda: lib.resus_last_error(handle))
            self.fed += 1
        return target


def _play(sc: Scenario, sim: Sim) -> tuple[list[float], list[Any], list[dict[str, Any]]]:
    """The command's loop: advance to each record time in whole steps, feeding actions and
    draining events on the way; record at t = 0, every interval and at the end."""
    feed = _ActionFeed(sc)
    end, every, step_s = steps(sc.duration_s), steps(sc.record_interval_s), step_seconds()
    times: list[float] = []
    rows: list[Any] = []
    events: list[dict[str, Any]] = []
    now = next_record = 0
    while True:
        target = feed.feed(sim, now, min(next_record, end))
        if target > now:
            try:
                # The same arithmetic as the command, so that both sims take the same steps.
                sim.advance(target * step_s - sim.time)
            except ResusError as error:
                raise ResusError(error.status, f"{sc.source}: the simulation stopped at "
                                 f"{sim.time:g} s: {error.message}") from None
            finally:
                events.extend(sim.events())
            now = steps(sim.time)
        at_end = now >= end
        if now == next_record or at_end:  # the end is always recorded
            times.append(sim.time)
            rows.append(sim.signals(sc.signals))
            next_record = now + every
        if at_end:
            return times, rows, events
