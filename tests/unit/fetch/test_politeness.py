import threading
import time

from pipeline.fetch.politeness import HostGate


class FakeClock:
    def __init__(self):
        self.now = 0.0
        self.lock = threading.Lock()

    def __call__(self):
        return self.now

    def sleep(self, s):
        with self.lock:
            self.now += s


def test_starts_to_one_host_are_spaced_and_other_hosts_are_not_delayed():
    clock = FakeClock()
    gate = HostGate(2.0, per_host=4, global_cap=4, clock=clock, sleep=clock.sleep)
    waits = []
    for origin in ["a", "a", "b", "a"]:
        before = clock.now
        with gate.slot(origin):
            pass
        waits.append(clock.now - before)
    assert waits == [0.0, 2.0, 0.0, 2.0]


def test_crawl_delay_and_per_origin_interval():
    clock = FakeClock()
    gate = HostGate(1.0, 2, 2, clock=clock, sleep=clock.sleep,
                    interval_for=lambda o: 0.0 if o == "own" else None)
    gate.slow_down("slow", 5.0)
    for origin in ["own", "own", "slow", "slow"]:
        with gate.slot(origin):
            pass
    assert clock.now == 5.0  # "own" never waited; "slow" waited its crawl delay once


def test_concurrency_caps_per_host_and_overall():
    gate = HostGate(0.0, per_host=2, global_cap=3)
    active = {"a": 0, "b": 0, "all": 0}
    peak = {"a": 0, "b": 0, "all": 0}
    lock = threading.Lock()

    def work(origin):
        with gate.slot(origin):
            with lock:
                active[origin] += 1
                active["all"] += 1
                for k in (origin, "all"):
                    peak[k] = max(peak[k], active[k])
            time.sleep(0.02)
            with lock:
                active[origin] -= 1
                active["all"] -= 1

    threads = [threading.Thread(target=work, args=(o,)) for o in "aaaaaabbbbbb"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak["a"] == 2 and peak["b"] == 2 and peak["all"] == 3
