#!/usr/bin/python3
"""Independent PyTorch implementation of the NAS-Bench-201 CIFAR network (unpruned, batch norm in
inference mode, nothing folded) that runs networks exported by maple::engine::cpu::exportNetwork
(MAPLENB1 files), and of any space's network exported by exportGraph (MAPLENN2 files: nb201 here,
fbnet in fbnet_reference.py).

Usage: torch_reference.py FILE...   prints one JSON line per file: {"file", "space", "arch", "batch",
"output"} (output: batch x classes logits, row-major). Exit 3 when torch cannot be imported."""
import json
import struct
import sys

try:
    import torch
    import torch.nn.functional as F
except ImportError as e:  # the C++ test skips on this exit code
    print(f"cannot import torch: {e}", file=sys.stderr)
    sys.exit(3)

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
EDGES = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]  # (to, from) in string order


def load_any(path):
    """(space, arch, batch, tensors) of a MAPLENB1 or MAPLENN2 file."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] not in (b"MAPLENB1", b"MAPLENN2"):
        raise SystemExit(f"{path}: not a MAPLENB1 or MAPLENN2 network file")
    pos = 8

    def u32():
        nonlocal pos
        (v,) = struct.unpack_from("<I", data, pos)
        pos += 4
        return v

    def string():
        nonlocal pos
        n = u32()
        s = data[pos:pos + n].decode()
        pos += n
        return s

    space = string() if data[:8] == b"MAPLENN2" else "nb201"
    arch = string()
    batch = u32()
    tensors = {}
    for _ in range(u32()):
        name = string()
        shape = [u32() for _ in range(u32())]
        count = 1
        for d in shape:
            count *= d
        values = torch.frombuffer(bytearray(data[pos:pos + 4 * count]), dtype=torch.float32)
        pos += 4 * count
        tensors[name] = values.reshape(shape).clone()
    return space, arch, batch, tensors


def load(path):
    """(arch, batch, tensors) of a NAS-Bench-201 file."""
    _, arch, batch, tensors = load_any(path)
    return arch, batch, tensors


def parse_arch(arch):
    ops = []
    for group in arch.split("+"):
        for item in group.strip("|").split("|"):
            ops.append(item.split("~")[0])
    if len(ops) != 6 or any(op not in OPS for op in ops):
        raise SystemExit(f"bad architecture {arch}")
    return ops


class Net:
    def __init__(self, tensors):
        self.t = tensors

    def bn(self, x, name):
        t = self.t
        return F.batch_norm(x, t[name + ".running_mean"], t[name + ".running_var"], t[name + ".weight"],
                            t[name + ".bias"], training=False, eps=1e-5)

    def relu_conv_bn(self, x, name, stride=1):
        w = self.t[name + ".conv.weight"]
        pad = w.shape[-1] // 2
        return self.bn(F.conv2d(F.relu(x), w, stride=stride, padding=pad), name + ".bn")

    def cell(self, x, index, ops):
        nodes = [x]
        for to in range(1, 4):
            total = None
            for e, (t, frm) in enumerate(EDGES):
                if t != to:
                    continue
                op, src = ops[e], nodes[frm]
                name = f"cells.{index}.edge{e}"
                if op == "none":
                    y = src.mul(0.0)
                elif op == "skip_connect":
                    y = src
                elif op in ("nor_conv_1x1", "nor_conv_3x3"):
                    y = self.relu_conv_bn(src, name)
                else:
                    y = F.avg_pool2d(src, 3, stride=1, padding=1, count_include_pad=False)
                total = y if total is None else total + y
            nodes.append(total)
        return nodes[3]

    def residual(self, x, index):
        name = f"cells.{index}"
        y = self.relu_conv_bn(x, name + ".conv_a", stride=2)
        y = self.relu_conv_bn(y, name + ".conv_b")
        shortcut = F.conv2d(F.avg_pool2d(x, 2, stride=2), self.t[name + ".downsample.conv.weight"])
        return shortcut + y

    def forward(self, x, ops):
        x = self.bn(F.conv2d(x, self.t["stem.conv.weight"], padding=1), "stem.bn")
        for index in range(17):
            x = self.residual(x, index) if index in (5, 11) else self.cell(x, index, ops)
        x = F.relu(self.bn(x, "lastact.bn"))
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return F.linear(x, self.t["classifier.weight"], self.t["classifier.bias"])


def run(space, arch, tensors):
    if space == "nb201":
        return Net(tensors).forward(tensors["input"], parse_arch(arch))
    if space == "fbnet":
        from fbnet_reference import FbnetNet
        return FbnetNet(tensors).forward(tensors["input"], arch)
    raise SystemExit(f"no reference implementation of search space {space}")


def main():
    torch.set_num_threads(1)
    for path in sys.argv[1:]:
        space, arch, batch, tensors = load_any(path)
        with torch.no_grad():
            out = run(space, arch, tensors)
        print(json.dumps({"file": path, "space": space, "arch": arch, "batch": batch,
                          "output": out.flatten().tolist()}), flush=True)


if __name__ == "__main__":
    main()
