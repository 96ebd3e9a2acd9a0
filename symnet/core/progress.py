"""A progress bar on stderr, shown only when stderr is a terminal, with an estimate of the
time left (ETA) from a smoothed rate."""
from __future__ import annotations

import os
import time


def duration(seconds: float) -> str:
    """42 s, 3 min 05 s, 1 h 02 min: a time for people."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class ProgressBar:
    """``update(done, total, label)`` redraws one line; ``close()`` clears it.

    The time left is (total - done) / rate, the rate an exponential moving average of
    the units done per second, each sample taken over at least ``sample`` seconds (so a
    burst of quick updates does not swing it): a weight ``smoothing`` for the newest.
    ``clock`` (seconds, monotonic) and ``enabled`` (default: whether ``stream`` is a
    terminal) are there for tests."""

    def __init__(self, stream, width: int = 30, clock=time.perf_counter, enabled=None,
                 smoothing: float = 0.3, sample: float = 0.5):
        self.stream, self.width, self.clock = stream, width, clock
        self.enabled = (hasattr(stream, "isatty") and stream.isatty()) if enabled is None \
            else enabled
        self.smoothing, self.sample = smoothing, sample
        self.start = clock()
        self.rate = None                      # units per second, smoothed
        self._mark = None                     # (done, time) where the current sample began
        self._drawn = 0

    def observe(self, done: int, now: float) -> None:
        """Take the rate sample since the last mark when it spans ``sample`` seconds."""
        if self._mark is None:                # the first update: work before it (setting
            self._mark = (done, now)          # up) is no sample of the rate
            return
        mark_done, mark_time = self._mark
        if done < mark_done:                  # a new count began: start over
            self.rate, self._mark = None, (done, now)
            return
        if now - mark_time < self.sample or done == mark_done:
            return
        rate = (done - mark_done) / (now - mark_time)
        self.rate = rate if self.rate is None else \
            self.smoothing * rate + (1 - self.smoothing) * self.rate
        self._mark = (done, now)

    def eta(self, done: int, total: int):
        """Seconds left at the smoothed rate; None before the first sample."""
        if self.rate is None or self.rate <= 0:
            return None
        return max(0, total - done) / self.rate

    def update(self, done: int, total: int, label: str = "") -> None:
        """Redraw: bar, percent, time left, time spent, then the counts and the label
        (cut at the terminal's width, so the line never wraps and \\r redraws it)."""
        if not self.enabled or total <= 0:
            return
        now = self.clock()
        self.observe(done, now)
        left = self.eta(done, total)
        filled = int(self.width * min(done, total) / total)
        text = (f"[{'#' * filled}{'.' * (self.width - filled)}] {100 * done / total:3.0f} %  "
                f"ETA {duration(left) if left is not None else '--':>10}  "
                f"{now - self.start:6.1f} s  {done:,}/{total:,} {label}")
        columns = self._columns()
        if columns:
            text = text[:columns - 1]
        self.stream.write("\r" + text + " " * max(0, self._drawn - len(text)))
        self._drawn = len(text)
        self.stream.flush()

    def _columns(self):
        """The terminal's width, or None when the stream is no terminal (a test's)."""
        try:
            return os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            return None

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
