#!/usr/bin/env python3
"""How far k random shots can go by choosing among the pool's shapes (docs/predictors.md).

For each of HELP's NAS-Bench-201 test devices, draws k random architectures as shots (20 seeded draws)
and predicts every latency with one pool device's additive costs (robust fit to all its latencies,
scripts/op_count_fits.py's features), scaled to the shots by the median ratio. Prints acc10 (share
within +-10 %) for the best pool device chosen by an oracle that knows every latency, and for the one
whose scaled costs fit the shots best. The oracle bounds any method that predicts a pool shape at the
shots' scale; opcost's mixture can leave the pool's shapes, so it can exceed the shot-chosen figure.

Usage: scripts/shape_oracle.py [DATA_DIR]   (default ../shared/data/help-nb201); needs numpy.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from op_count_fits import load  # noqa: E402

TRAIN = ("1080ti_1 1080ti_32 1080ti_256 silver_4114 silver_4210r samsung_a50 pixel3 essential_ph_1 samsung_s7 "
         "titanx_1 titanx_32 titanx_256 gold_6240").split()
TEST = "titan_rtx_256 gold_6226 fpga pixel2 raspi4 eyeriss".split()
DRAWS = 20


def robust_fit(x, t, k=0.1, passes=10):
    """Relative-error least squares with Huber weights beyond k (opcost's pool fit)."""
    weight = 1 / t
    for _ in range(passes):
        w = np.linalg.lstsq(x * weight[:, None], weight * t, rcond=None)[0]
        r = np.abs(x @ w - t) / t
        weight = np.sqrt(k / np.maximum(r, k)) / t
    return w


def main():
    devices, ms, eager, graph, degenerate = load(sys.argv)
    live = ~degenerate
    x, ms = np.hstack([eager, graph[:, 1:]])[live], ms[live]
    preds = {d: x @ robust_fit(x, ms[:, devices.index(d)]) for d in TRAIN}
    rng = np.random.default_rng(1)
    print(f"{'device':16} {'k':>3} {'oracle':>7} {'shot-chosen':>12}")
    for k in (3, 10):
        means = np.zeros(2)
        for target in TEST:
            t = ms[:, devices.index(target)]
            score = np.zeros(2)
            for _ in range(DRAWS):
                shots = rng.choice(len(t), k, replace=False)
                best, chosen, misfit = 0.0, 0.0, np.inf
                for p in preds.values():
                    ratio = np.log(t[shots] / p[shots])
                    level = np.median(ratio)
                    acc = np.mean(np.abs(np.exp(level) * p - t) / t <= 0.1)
                    best = max(best, acc)
                    miss = np.sum((ratio - level) ** 2)
                    if miss < misfit:
                        misfit, chosen = miss, acc
                score += np.array([best, chosen]) / DRAWS
            means += score / len(TEST)
            print(f"{target:16} {k:3} {score[0]:7.3f} {score[1]:12.3f}")
        print(f"{'mean':16} {k:3} {means[0]:7.3f} {means[1]:12.3f}")


if __name__ == "__main__":
    main()
