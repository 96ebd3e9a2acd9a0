"""Progress that tells the truth: `verify --layers` reports its work in chunks weighted by
their cost (a hidden delta of a wide layer weighs as much as thousands of gradient
entries), the bar shows the time left from a smoothed rate, and a long run is announced
before it starts."""
import io
import re

import pytest

from symnet.cli import main
from symnet.core.progress import ProgressBar, duration
from symnet.prove import entrywise
from symnet.prove.entrywise import check_entrywise, predicted_seconds, work_plan

SIZES = [3, 12, 12, 3]
N = 1000                         # units of work per chunk at most (a hidden delta: 652)


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def _drawn(stream: io.StringIO) -> list:
    """(done, total, eta text) of every redraw of the bar."""
    out = []
    for frame in stream.getvalue().split("\r"):
        m = re.search(r"ETA +(.+?)  +[\d.]+ s  ([\d,]+)/([\d,]+) ", frame)
        if m:
            out.append((int(m.group(2).replace(",", "")), int(m.group(3).replace(",", "")),
                        m.group(1)))
    return out


@pytest.mark.parametrize("jobs", [1, 2])
def test_bar_moves_every_chunk_and_prints_the_time_left(jobs):
    """The work split as `verify --layers` splits it, a fake clock at 1 ms per unit of
    work: the bar is redrawn at least every N units, and from the first rate sample on
    its ETA is exactly the work left at 1000 units per second."""
    clock, stream = FakeClock(), io.StringIO()
    bar = ProgressBar(stream, clock=clock, enabled=True)
    start = clock.now

    def work(done, total):
        clock.now = start + done / 1000
        bar.update(done, total, "units of work")
    report = check_entrywise(SIZES, jobs=jobs, work_progress=work, chunk=N)
    assert report.ok
    frames = _drawn(stream)
    done = [0] + [d for d, _, _ in frames]
    total = frames[-1][1]
    assert total == sum(w for _, w in work_plan(SIZES, jobs, "sympy", N))
    assert done[-1] == total
    assert max(b - a for a, b in zip(done, done[1:])) <= N
    assert frames[0][2] == "--"                 # no rate before the first sample
    first = next(n for n, (_, _, eta) in enumerate(frames) if eta != "--")
    timed = [(d, eta) for d, _, eta in frames[first:]]
    assert frames[first][0] <= min(2 * N, total // 2)    # the ETA shows from early on
    for d, eta in timed:
        assert eta == duration((total - d) / 1000), (d, eta)


def test_the_plan_splits_the_heavy_deltas_and_weighs_them():
    """The step that stood still: the hidden deltas of 784-1000-1000-10 (each a recursion
    over 1000 units above) are about half the work, not 2,010 of 1.8 million entries, and
    come in chunks of one or two."""
    big = [784, 1000, 1000, 10]
    plan = work_plan(big, 2, "symengine")
    total = sum(w for _, w in plan)
    deltas = [(u, w) for u, w in plan if u[0] == "delta" and u[1] == 2]
    assert 0.3 < sum(w for _, w in deltas) / total < 0.7
    assert all(u[3] - u[2] + 1 <= 2 for u, _ in deltas)
    assert plan[0][0] == ("symbols",)            # one step: Network makes them all at once
    assert all(w <= entrywise.CHUNK_UNITS or u[2] == u[3] for u, w in plan[1:])
    covered = sorted(i for u, _ in deltas for i in range(u[2], u[3] + 1))
    assert covered == list(range(1, 1001))


def test_chunked_runs_give_the_same_report():
    one = check_entrywise(SIZES, chunk=N)
    two = check_entrywise(SIZES, jobs=2, chunk=300)
    whole = check_entrywise(SIZES, chunk=10 ** 9)
    for r in (one, two, whole):
        assert r.ok and r.gradient_entries == (3 + 1) * 12 + 13 * 12 + 13 * 3
        assert r.delta_entries == 12 + 12 + 3


def test_small_chunks_still_catch_planted_wrong_forms():
    """Every output delta a chunk of its own (softmax too), and on two workers: a wrong
    stated form is still refuted at exactly its entries."""
    from symnet.prove.entrywise import ClosedForms, closed_gradient
    assert check_entrywise([2, 3, 3], "sigmoid", "softmax-cross-entropy", chunk=400).ok
    wrong_output = ClosedForms(output_delta=lambda act, los, a, y, z: a + y)
    report = check_entrywise([2, 3, 3], "sigmoid", "softmax-cross-entropy",
                             forms=wrong_output, chunk=400, jobs=2)
    assert sorted(m.what for m in report.mismatches) == [
        "delta(3, 1)", "delta(3, 2)", "delta(3, 3)"]
    flipped = ClosedForms(gradient=lambda a_i, i, delta: -closed_gradient(a_i, i, delta))
    report = check_entrywise([3, 5, 4, 2], forms=flipped, chunk=50, jobs=2)
    assert len(report.mismatches) == 4 * 5 + 6 * 4 + 5 * 2


def test_entry_progress_keeps_counting_entries():
    seen = []
    check_entrywise([2, 3, 2], "tanh", "cross-entropy", chunk=50,
                    progress=lambda done, total: seen.append((done, total)))
    total = (2 + 1) * 3 + (3 + 1) * 2 + 3 + 2
    assert seen[-1] == (total, total) and len(seen) > 2


def test_rate_is_smoothed_and_restarts():
    clock, stream = FakeClock(), io.StringIO()
    bar = ProgressBar(stream, clock=clock, enabled=True, smoothing=0.5, sample=1.0)
    bar.update(0, 1000)
    assert bar.eta(0, 1000) is None
    clock.now += 0.5
    bar.update(50, 1000)                  # under a second: no sample yet
    assert bar.rate is None
    clock.now += 0.5
    bar.update(100, 1000)                 # 100 units in 1 s
    assert bar.rate == pytest.approx(100)
    clock.now += 1
    bar.update(300, 1000)                 # 200 units in 1 s: halfway there
    assert bar.rate == pytest.approx(150)
    assert bar.eta(300, 1000) == pytest.approx(700 / 150)
    bar.update(10, 50)                    # a new count: the old rate is no guide
    assert bar.rate is None


def test_bar_is_silent_off_a_terminal():
    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar.update(1, 2)
    bar.close()
    assert stream.getvalue() == ""


def test_durations_for_people():
    assert duration(42.4) == "42 s"
    assert duration(185) == "3 min 05 s"
    assert duration(3720) == "1 h 02 min"


def test_long_runs_are_announced_up_front(monkeypatch, capsys):
    assert predicted_seconds([784, 1000, 1000, 10], 2, "symengine") > 60
    assert predicted_seconds([3, 4, 4, 3], 2, "symengine") < 1
    assert main(["verify", "--layers", "3,4,4,3", "--jobs", "1"]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(entrywise, "SECONDS_PER_UNIT", 1.0)     # a very slow machine
    assert main(["verify", "--layers", "3,4,4,3", "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("symnet: --layers 3,4,4,3: 51 gradient entries and 11 deltas, "
                          "predicted to take about ")
    assert "on 1 process (" in err


def test_the_bar_moves_while_the_weight_symbols_are_made():
    """The symbols of a wide network take seconds to make: the bar is told after each row
    of weights, not once at the end (784-1000-1000-10: 22 s without a move before)."""
    from symnet.prove.entrywise import check_entrywise, work_plan
    sizes = [30, 40, 2]
    symbols = work_plan(sizes)[0][1]
    calls = []
    report = check_entrywise(sizes, work_progress=lambda done, total: calls.append(done))
    assert report.ok
    during = [d for d in calls if 0 < d <= symbols]
    assert len(during) >= 31 + 41                  # one call per row of weights
    assert all(isinstance(d, int) for d in calls) and calls == sorted(calls)
    assert calls[-1] == sum(w for _, w in work_plan(sizes))
