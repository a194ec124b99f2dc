#!/usr/bin/python3
"""PyTorch side of bench_engine: times the network of each exported file (the same weights and input
as our CPU engine, see tests/engine/torch_reference.py) in eager mode under torch.no_grad():
NAS-Bench-201 with `none` edges skipped rather than multiplied by zero (PyTorch gets the cheaper
network), FBNet as tests/engine/fbnet_reference.py writes it; batch norm stays unfolded, as eager
PyTorch runs it.

Usage: torch_timing.py --threads T --warmup W --repeats R FILE...
prints one JSON line per file: {"file", "arch", "batch", "median_ms", "runs", "torch", "blas"}. Exit 3 when
torch cannot be imported."""
import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "engine"))
from torch_reference import EDGES, Net, load_any, parse_arch  # noqa: E402  (exits 3 when torch is missing)
from fbnet_reference import FbnetNet  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402


class PrunedNet(Net):
    """The reference network without the `none` edges' multiply-by-zero."""

    def cell(self, x, index, ops):
        nodes = [x]
        for to in range(1, 4):
            total = None
            for e, (t, frm) in enumerate(EDGES):
                if t != to or ops[e] == "none":
                    continue
                y = self.edge(nodes[frm], f"cells.{index}.edge{e}", ops[e])
                total = y if total is None else total + y
            nodes.append(total if total is not None else torch.zeros_like(x))
        return nodes[3]

    def edge(self, src, name, op):
        if op == "skip_connect":
            return src
        if op in ("nor_conv_1x1", "nor_conv_3x3"):
            return self.relu_conv_bn(src, name)
        return F.avg_pool2d(src, 3, stride=1, padding=1, count_include_pad=False)


def blas_library():
    """The BLAS this process loaded (Debian's python3-torch uses whatever libblas.so.3 resolves to)."""
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if "blas" in os.path.basename(path):
                return os.path.realpath(path)
    return "none loaded"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--repeats", type=int, default=10)
    p.add_argument("files", nargs="+")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    for path in a.files:
        space, arch, batch, tensors = load_any(path)
        x = tensors["input"]
        if space == "fbnet":
            net, ops = FbnetNet(tensors), arch
        else:
            net, ops = PrunedNet(tensors), parse_arch(arch)
        times = []
        with torch.no_grad():
            for i in range(a.warmup + a.repeats):
                t0 = time.perf_counter()
                net.forward(x, ops)
                if i >= a.warmup:
                    times.append((time.perf_counter() - t0) * 1000.0)
        print(json.dumps({"file": path, "arch": arch, "batch": batch, "median_ms": statistics.median(times),
                          "runs": len(times), "torch": torch.__version__, "blas": blas_library()}), flush=True)


if __name__ == "__main__":
    main()
