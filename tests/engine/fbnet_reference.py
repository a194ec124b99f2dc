"""Independent PyTorch implementation of the FBNet network of HW-NAS-Bench's CIFAR-100 setting,
written from ../shared/data/help-fbnet/README.md (not from our C++ layer graph): batch norm in
inference mode, nothing folded. Parameters are looked up by the names of searchspace/fbnet.hpp."""
import torch
import torch.nn.functional as F

BLOCKS = ["k3_e1", "k3_e1_g2", "k3_e3", "k3_e6", "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6", "skip"]
STAGE_LAYERS = [1, 4, 4, 4, 4, 4, 1]
STAGE_CHANNELS = [16, 24, 32, 64, 112, 184, 352]
STAGE_STRIDES = [1, 1, 2, 2, 1, 2, 1]


def layer_specs():
    """(in channels, out channels, stride) of the 22 searchable layers."""
    specs, channels = [], 16
    for count, out, stride in zip(STAGE_LAYERS, STAGE_CHANNELS, STAGE_STRIDES):
        for i in range(count):
            specs.append((channels if i == 0 else out, out, stride if i == 0 else 1))
        channels = out
    return specs


def parse_arch(arch):
    blocks = arch.split("-")
    if len(blocks) != 22 or any(b not in BLOCKS for b in blocks):
        raise SystemExit(f"bad FBNet architecture {arch}")
    return blocks


def shuffle(x, groups):
    n, c, h, w = x.shape
    return x.view(n, groups, c // groups, h, w).transpose(1, 2).reshape(n, c, h, w)


class FbnetNet:
    def __init__(self, tensors):
        self.t = tensors

    def conv_bn(self, x, name, stride=1, groups=1, relu=True):
        w = self.t[name + ".conv.weight"]
        x = F.conv2d(x, w, stride=stride, padding=(w.shape[-1] - 1) // 2, groups=groups)
        t = self.t
        x = F.batch_norm(x, t[name + ".bn.running_mean"], t[name + ".bn.running_var"], t[name + ".bn.weight"],
                         t[name + ".bn.bias"], training=False, eps=1e-5)
        return F.relu(x) if relu else x

    def block(self, x, layer, block, c_in, c_out, stride):
        name = f"layers.{layer}"
        identity = c_in == c_out and stride == 1
        if block == "skip":
            return x if identity else self.conv_bn(x, name + ".skip", stride=stride)
        kernel, expansion = int(block[1]), int(block[4])
        groups = 2 if block.endswith("_g2") else 1
        mid = expansion * c_in
        y = self.conv_bn(x, name + ".pw1", groups=groups)
        if groups > 1:
            y = shuffle(y, groups)
        y = self.conv_bn(y, name + ".dw", stride=stride, groups=mid)
        y = self.conv_bn(y, name + ".pw2", groups=groups, relu=False)
        assert y.shape[1] == c_out and kernel in (3, 5)
        return y + x if identity else y

    def forward(self, x, arch):
        x = self.conv_bn(x, "stem")
        for layer, (block, (c_in, c_out, stride)) in enumerate(zip(parse_arch(arch), layer_specs())):
            x = self.block(x, layer, block, c_in, c_out, stride)
        x = self.conv_bn(x, "head")
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return F.linear(x, self.t["classifier.weight"], self.t["classifier.bias"])
