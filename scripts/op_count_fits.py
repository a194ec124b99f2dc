#!/usr/bin/env python3
"""How additive each device of the data set is in its operations (docs/predictors.md).

For every device column, fits latency = base + op counts x costs (ms, relative-error least squares,
degenerate cells aside) with the eager counts, the graph counts, and both (opcost's features), on
all of the device's latencies, and prints the share of architectures within +-10 % of the fit, how
many of the degenerate cells the device folds (runs below a tenth of the fit), and the device whose
log residual to its own fit correlates most with this one's (shared effects a richer model could
learn; none means measurement noise).

Usage: scripts/op_count_fits.py [DATA_DIR]   (default ../shared/data/help-nb201); needs numpy.
"""
import csv
import os
import sys

import numpy as np

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
EDGES = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]  # (to, from), the string's order


def parse(arch):
    return [OPS.index(t.split("~")[0]) for node in arch.strip("|").split("|+|") for t in node.strip("|").split("|")]


def counts(ops):
    """Eager counts, graph counts (edges whose result reaches the output), degenerate flag."""
    has_data, reaches = [True, False, False, False], [False, False, False, True]
    for e, (to, frm) in enumerate(EDGES):
        if ops[e] and has_data[frm]:
            has_data[to] = True
    for e in reversed(range(6)):
        to, frm = EDGES[e]
        if ops[e] and reaches[to]:
            reaches[frm] = True
    eager = [sum(1 for o in ops if o == k) for k in range(1, 5)]
    graph = [sum(1 for e, o in enumerate(ops) if o == k and reaches[EDGES[e][0]]) for k in range(1, 5)]
    return eager, graph, not has_data[3]


def fit(x, t):
    w = np.linalg.lstsq(x / t[:, None], np.ones(len(t)), rcond=None)[0]
    return x @ w


def load(argv):
    """The data set of argv[1] (default ../shared/data/help-nb201): device names, latencies (ms,
    architectures x devices), eager and graph features (each with a base column) and degenerate flags."""
    data = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "help-nb201")
    with open(os.path.join(data, "nb201_latency_ms.csv")) as f:
        rows = list(csv.reader(f))
    ms = np.array([[float(v) for v in r[2:]] for r in rows[1:]])
    c = [counts(parse(r[1])) for r in rows[1:]]
    ones = np.ones((len(c), 1))
    eager = np.hstack([ones, np.array([e for e, _, _ in c])])
    graph = np.hstack([ones, np.array([g for _, g, _ in c])])
    return rows[0][2:], ms, eager, graph, np.array([d for _, _, d in c])


def main():
    devices, ms, eager, graph, degenerate = load(sys.argv)
    both = np.hstack([eager, graph[:, 1:]])
    live = ~degenerate
    print(f"{len(degenerate)} architectures, {degenerate.sum()} degenerate (no path from input to output)")
    rows, residuals = [], []
    for j, name in enumerate(devices):
        t = ms[live, j]
        acc = [np.mean(np.abs(fit(x[live], t) - t) / t <= 0.1) for x in (eager, graph, both)]
        w = np.linalg.lstsq(both[live] / t[:, None], np.ones(len(t)), rcond=None)[0]
        folded = np.sum(ms[degenerate, j] < 0.1 * np.maximum(both[degenerate] @ w, 1e-12))
        residuals.append(np.log(t / np.maximum(both[live] @ w, 1e-9)))
        rows.append((name, acc, folded))
    corr = np.corrcoef(np.array(residuals))
    np.fill_diagonal(corr, -1)
    print(f"{'device':16} {'eager':>6} {'graph':>6} {'both':>6}  {'folded':>10}  residual most like")
    for j, (name, acc, folded) in enumerate(rows):
        k = int(np.argmax(corr[j]))
        print(f"{name:16} {acc[0]:6.3f} {acc[1]:6.3f} {acc[2]:6.3f}  {folded:>4} of {degenerate.sum()}  "
              f"{devices[k]} ({corr[j, k]:.2f})")


if __name__ == "__main__":
    main()
