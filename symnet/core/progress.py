"""A progress bar on stderr, shown only when stderr is a terminal."""
from __future__ import annotations

import time


class ProgressBar:
    """``update(done, total, label)`` redraws one line; ``close()`` clears it."""

    def __init__(self, stream, width: int = 30):
        self.stream, self.width = stream, width
        self.enabled = hasattr(stream, "isatty") and stream.isatty()
        self.start = time.perf_counter()

    def update(self, done: int, total: int, label: str = "") -> None:
        if not self.enabled or total <= 0:
            return
        filled = int(self.width * done / total)
        elapsed = time.perf_counter() - self.start
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] "
                          f"{done:,}/{total:,} {label[:30]:30} {elapsed:6.1f} s")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (self.width + 70) + "\r")
            self.stream.flush()
