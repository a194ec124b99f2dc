"""Fake runner: answers every request with plausible latencies (1.0, 1.01, ...) and reports its
process group and the request's space as the runtime version ("4711 fbnet"), so tests can check
that it runs in a group of its own and which space it was asked for.
Usage: good_runner.py [DELAY_SECONDS]  (sleeps that long per request, to give tests time to act)"""
import json
import os
import sys
import time

delay = float(sys.argv[1]) if len(sys.argv) > 1 else 0.0
for line in sys.stdin:
    req = json.loads(line)
    time.sleep(delay)
    times = [1.0 + 0.01 * (i % 3) for i in range(req["repetitions"])]
    print(json.dumps({"latencies_ms": times, "runtime": "fake", "runtime_version": f"{os.getpgid(0)} {req.get('space', 'no-space')}"}), flush=True)
