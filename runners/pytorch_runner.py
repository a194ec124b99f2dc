#!/usr/bin/python3
"""Reference runner for `maple measure --engine command:...`: times NAS-Bench-201 and FBNet networks in PyTorch.

Protocol (JSON lines): one request per line on stdin,
  {"space": "nb201", "arch": "|nor_conv_3x3~0|+...", "batch": 1, "threads": 1, "warmup": 5, "repetitions": 10,
   "seed": 42}
("space": the search space of "arch", nb201 when absent; a space this runner does not know is an error)
one reply per line on stdout,
  {"latencies_ms": [...], "runtime": "pytorch", "runtime_version": "2.1.0 cpu"}  or  {"error": "..."}.
Exits at end of input. Logs go to stderr only.

nb201: NAS-Bench-201's CIFAR model as its authors deploy it (no pruning: a `none` edge multiplies by
zero): stem conv3x3 3->16 + BN; 3 stages of 5 cells (16/32/64 channels) joined by residual blocks
(ReLU-conv3x3 s2-BN, ReLU-conv3x3-BN, shortcut avgpool 2x2 + conv1x1); BN, ReLU, global average
pool, linear to 10 classes.
fbnet: HW-NAS-Bench's CIFAR-100 FBNet (docs/searchspaces.md): stem conv3x3 3->16 + BN + ReLU; 22
blocks (pointwise, channel shuffle for the g2 blocks, depthwise k3/k5, pointwise; residual where
shapes match); head conv1x1 352->1504 + BN + ReLU, global average pool, linear to 100 classes.
Weights from torch.manual_seed(seed), eval mode.

Usage: /usr/bin/python3 runners/pytorch_runner.py [--device cpu|cuda]
"""
import argparse
import json
import sys
import time

import torch
import torch.nn as nn

OPS = ("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")


def parse_arch(text):
    """'|op~0|+|op~0|op~1|+|op~0|op~1|op~2|' -> [[(op, 0)], [(op, 0), (op, 1)], [...]]"""
    nodes = text.strip().split("+")
    if len(nodes) != 3:
        raise ValueError(f"expected 3 node groups separated by '+', got {len(nodes)} in {text!r}")
    out = []
    for i, node in enumerate(nodes, start=1):
        if not (node.startswith("|") and node.endswith("|")):
            raise ValueError(f"node {i} group {node!r} must start and end with '|'")
        edges = []
        for j, item in enumerate(node[1:-1].split("|")):
            op, _, src = item.partition("~")
            if op not in OPS:
                raise ValueError(f"unknown op {op!r} on node {i} (known: {', '.join(OPS)})")
            if src != str(j):
                raise ValueError(f"node {i} edge {j}: input must be {j}, got {src!r}")
            edges.append((op, j))
        if len(edges) != i:
            raise ValueError(f"node {i} needs {i} incoming edges, got {len(edges)}")
        out.append(edges)
    return out


class ReLUConvBN(nn.Sequential):
    def __init__(self, c_in, c_out, kernel, stride=1):
        super().__init__(nn.ReLU(inplace=False),
                         nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=kernel // 2, bias=False),
                         nn.BatchNorm2d(c_out))


class Zero(nn.Module):
    def forward(self, x):
        return x.mul(0.0)


def make_op(name, c):
    if name == "none":
        return Zero()
    if name == "skip_connect":
        return nn.Identity()
    if name == "nor_conv_1x1":
        return ReLUConvBN(c, c, 1)
    if name == "nor_conv_3x3":
        return ReLUConvBN(c, c, 3)
    return nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)


class Cell(nn.Module):
    def __init__(self, arch, c):
        super().__init__()
        self.arch = arch
        self.ops = nn.ModuleList(make_op(op, c) for node in arch for op, _ in node)

    def forward(self, x):
        nodes = [x]
        k = 0
        for node in self.arch:
            total = None
            for _, src in node:
                y = self.ops[k](nodes[src])
                k += 1
                total = y if total is None else total + y
            nodes.append(total)
        return nodes[-1]


class ResBlock(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv_a = ReLUConvBN(c_in, c_out, 3, stride=2)
        self.conv_b = ReLUConvBN(c_out, c_out, 3)
        self.down = nn.Sequential(nn.AvgPool2d(2, stride=2), nn.Conv2d(c_in, c_out, 1, bias=False))

    def forward(self, x):
        return self.down(x) + self.conv_b(self.conv_a(x))


class Network(nn.Module):
    def __init__(self, arch):
        super().__init__()
        layers = [nn.Conv2d(3, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16)]
        c_prev = 16
        for stage, c in enumerate((16, 32, 64)):
            if stage > 0:
                layers.append(ResBlock(c_prev, c))
            layers += [Cell(arch, c) for _ in range(5)]
            c_prev = c
        layers += [nn.BatchNorm2d(64), nn.ReLU(inplace=False), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                   nn.Linear(64, 10)]
        self.body = nn.Sequential(*layers)

    def forward(self, x):
        return self.body(x)


FBNET_BLOCKS = ("k3_e1", "k3_e1_g2", "k3_e3", "k3_e6", "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6", "skip")
FBNET_STAGES = ((1, 16, 1), (4, 24, 1), (4, 32, 2), (4, 64, 2), (4, 112, 1), (4, 184, 2), (1, 352, 1))


def parse_fbnet(text):
    """'k3_e1-skip-...' (22 blocks) -> [(block, c_in, c_out, stride)] for the 22 layers."""
    blocks = text.strip().split("-")
    if len(blocks) != 22:
        raise ValueError(f"an FBNet architecture has 22 blocks joined by '-', got {len(blocks)} in {text!r}")
    for i, b in enumerate(blocks, start=1):
        if b not in FBNET_BLOCKS:
            raise ValueError(f"unknown block {b!r} at layer {i} (known: {', '.join(FBNET_BLOCKS)})")
    specs, c = [], 16
    for count, out, stride in FBNET_STAGES:
        specs += [(c if i == 0 else out, out, stride if i == 0 else 1) for i in range(count)]
        c = out
    return [(b, *spec) for b, spec in zip(blocks, specs)]


def conv_bn(c_in, c_out, kernel, stride=1, groups=1, relu=True):
    layers = [nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=(kernel - 1) // 2, groups=groups, bias=False),
              nn.BatchNorm2d(c_out)]
    return nn.Sequential(*layers, nn.ReLU(inplace=False)) if relu else nn.Sequential(*layers)


class ChannelShuffle(nn.Module):
    def __init__(self, groups):
        super().__init__()
        self.groups = groups

    def forward(self, x):
        n, c, h, w = x.shape
        return x.view(n, self.groups, c // self.groups, h, w).transpose(1, 2).reshape(n, c, h, w)


class FbnetBlock(nn.Module):
    def __init__(self, block, c_in, c_out, stride):
        super().__init__()
        self.residual = c_in == c_out and stride == 1
        if block == "skip":
            self.body = nn.Identity() if self.residual else conv_bn(c_in, c_out, 1, stride)
            self.residual = False
            return
        kernel, mid = int(block[1]), int(block[4]) * c_in
        groups = 2 if block.endswith("_g2") else 1
        self.body = nn.Sequential(conv_bn(c_in, mid, 1, groups=groups),
                                  ChannelShuffle(groups) if groups > 1 else nn.Identity(),
                                  conv_bn(mid, mid, kernel, stride, groups=mid),
                                  conv_bn(mid, c_out, 1, groups=groups, relu=False))

    def forward(self, x):
        return self.body(x) + x if self.residual else self.body(x)


class FbnetNetwork(nn.Sequential):
    def __init__(self, layers):
        super().__init__(conv_bn(3, 16, 3), *(FbnetBlock(*layer) for layer in layers), conv_bn(352, 1504, 1),
                         nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(1504, 100))


NETWORKS = {"nb201": lambda text: Network(parse_arch(text)), "fbnet": lambda text: FbnetNetwork(parse_fbnet(text))}


def positive_int(req, key, minimum):
    v = req.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or v < minimum:
        raise ValueError(f"request field {key!r} must be an integer >= {minimum}, got {v!r}")
    return v


class Runner:
    def __init__(self, device):
        self.device = torch.device(device)
        self.cache = {}  # (space, arch, seed) -> model; blocks of one sample reuse it

    def model(self, space, arch_text, seed):
        key = (space, arch_text, seed)
        if key not in self.cache:
            self.cache.clear()
            torch.manual_seed(seed)
            self.cache[key] = NETWORKS[space](arch_text).to(self.device).eval()
        return self.cache[key]

    def time_once(self, model, x):
        if self.device.type == "cuda":
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            model(x)
            end.record()
            end.synchronize()
            return start.elapsed_time(end)
        t0 = time.perf_counter()
        model(x)
        return (time.perf_counter() - t0) * 1000.0

    def handle(self, req):
        space = req.get("space", "nb201")
        if space not in NETWORKS:
            raise ValueError(f"this runner runs the search spaces {', '.join(NETWORKS)}, not {space!r}")
        arch = req.get("arch")
        if not isinstance(arch, str):
            raise ValueError("request field 'arch' must be an architecture string")
        batch = positive_int(req, "batch", 1)
        threads = positive_int(req, "threads", 0)
        warmup = positive_int(req, "warmup", 0)
        reps = positive_int(req, "repetitions", 1)
        seed = positive_int(req, "seed", 0)
        if threads > 0:
            torch.set_num_threads(threads)
        model = self.model(space, arch, seed)
        gen = torch.Generator().manual_seed(seed)
        x = torch.randn(batch, 3, 32, 32, generator=gen).to(self.device)
        with torch.inference_mode():
            for _ in range(warmup):
                model(x)
            if self.device.type == "cuda":
                torch.cuda.synchronize()
            times = [self.time_once(model, x) for _ in range(reps)]
        return {"latencies_ms": times, "runtime": "pytorch",
                "runtime_version": f"{torch.__version__} {self.device.type}"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    args = parser.parse_args()
    if args.device == "cuda" and not torch.cuda.is_available():
        print("pytorch_runner: no CUDA device visible to PyTorch", file=sys.stderr)
    runner = Runner(args.device)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            reply = runner.handle(json.loads(line))
        except Exception as e:  # every failure becomes an error reply; the runner keeps serving
            reply = {"error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
