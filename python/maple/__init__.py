"""MAPLE Workbench from Python: open a predictor file (.maplepred), predict NAS-Bench-201 latencies
in milliseconds, see their uncertainty, adapt to a device from a few measurements, and save.

    import maple
    p = maple.Predictor("board.maplepred")
    ms = p.predict(["|nor_conv_3x3~0|+|...|"])   # numpy array of ms
    everything = p.predict_all()                  # 15,625 values, in cell-code order

Architectures are NAS-Bench-201 strings or integer cell codes (0..15624, the base-5 number of the
six edge operations; see maple.arch_code). The documentation is /usr/share/doc/maple/python.md.
"""
import json as _json

from ._maple import (SPACE_SIZE, REFERENCE_ARCHS, SEARCH_SPACES, arch_code, arch_string, canonical,  # noqa: F401
                     macs, params, reference_archs, Predictor)
from ._version import __version__  # noqa: F401


def _read_descriptor(descriptor):
    """{name: value} from a dict, or from a descriptor file as `maple descriptor` writes it."""
    if descriptor is None or isinstance(descriptor, dict):
        return descriptor
    with open(descriptor) as f:
        d = _json.load(f)
    if not isinstance(d, dict) or d.get("maple_descriptor") != 1:
        raise ValueError(f"{descriptor}: not a maple descriptor file (write one with maple descriptor)")
    return dict(zip(d["names"], d["values"]))


def _adapt(self, archs, latencies_ms, descriptor=None, device="python"):
    """A new Predictor adapted to the device on which `archs` took `latencies_ms` (ms).

    A reference-latency predictor builds the device's descriptor from those of `archs` that are
    reference architectures (maple.REFERENCE_ARCHS); other kinds need `descriptor`, a
    {name: value} dict or a file written by `maple descriptor --project P --device D --out F.json`."""
    return Predictor._adapt_native(self, archs, latencies_ms, _read_descriptor(descriptor), device)


Predictor.adapt = _adapt
