"""Time limits that end work as "not checked", never as a verdict.

:class:`TimeLimitExceeded` derives from ``BaseException``, as ``KeyboardInterrupt`` does:
the ``except Exception`` blocks that turn an expression the prover cannot handle into
"not equal" cannot catch it, so a slow true formula is never reported "refuted".
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class TimeLimitExceeded(BaseException):
    """The work ran past its time limit (seconds in ``.seconds``)."""

    def __init__(self, seconds: int):
        super().__init__(f"time limit: it took longer than {seconds} s")
        self.seconds = seconds


@contextmanager
def time_limit(seconds: int):
    """Raise :class:`TimeLimitExceeded` in the block after ``seconds`` (SIGALRM; without
    it, on another thread or another platform, the block runs unbounded)."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def time_up(signum, frame):
        raise TimeLimitExceeded(seconds)

    old = signal.signal(signal.SIGALRM, time_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def stop_pool(pool) -> None:
    """Stop a ProcessPoolExecutor at once (Ctrl-C): cancel what has not started and
    terminate the workers, instead of waiting for the running tasks to finish."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
