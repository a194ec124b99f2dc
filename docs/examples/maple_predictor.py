"""Predict NAS-Bench-201 latencies from Python with libmaple_predictor.so (ctypes, no build step).

Usage: python3 maple_predictor.py LIBRARY PREDICTOR.maplepred DESCRIPTOR.json [ARCH ...]
"""
import ctypes
import json
import sys


class MaplePredictor:
    """A .maplepred file opened through the C API; close() or use it in a `with` block."""

    def __init__(self, library, path):
        lib = ctypes.CDLL(library)
        lib.maple_predictor_open.restype = ctypes.c_void_p
        lib.maple_predictor_open.argtypes = [ctypes.c_char_p]
        lib.maple_predictor_close.argtypes = [ctypes.c_void_p]
        lib.maple_predictor_info.restype = ctypes.c_char_p
        lib.maple_predictor_info.argtypes = [ctypes.c_void_p]
        lib.maple_predictor_bind.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p),
                                             ctypes.POINTER(ctypes.c_double), ctypes.c_size_t]
        lib.maple_predictor_predict_strings.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p),
                                                        ctypes.c_size_t, ctypes.POINTER(ctypes.c_double)]
        lib.maple_predictor_predict_codes.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int32),
                                                      ctypes.c_size_t, ctypes.POINTER(ctypes.c_double)]
        lib.maple_last_error.restype = ctypes.c_char_p
        self._lib = lib
        self._handle = lib.maple_predictor_open(path.encode())
        if not self._handle:
            raise RuntimeError(self._error())

    def _error(self):
        return self._lib.maple_last_error().decode()

    def info(self):
        """The file's header: method, descriptor, devices, evaluation figures, provenance."""
        return json.loads(self._lib.maple_predictor_info(self._handle).decode())

    def bind(self, device, descriptor):
        """Bind a pool-trained predictor to a device given as {value name: value}."""
        names = (ctypes.c_char_p * len(descriptor))(*[n.encode() for n in descriptor])
        values = (ctypes.c_double * len(descriptor))(*descriptor.values())
        if self._lib.maple_predictor_bind(self._handle, device.encode(), names, values, len(descriptor)) != 0:
            raise ValueError(self._error())

    def predict(self, archs):
        """Latency in ms of each architecture string."""
        items = (ctypes.c_char_p * len(archs))(*[a.encode() for a in archs])
        out = (ctypes.c_double * len(archs))()
        if self._lib.maple_predictor_predict_strings(self._handle, items, len(archs), out) != 0:
            raise ValueError(self._error())
        return list(out)

    def predict_codes(self, codes):
        """Latency in ms of each cell code (0..15624, see maple_predictor.h)."""
        items = (ctypes.c_int32 * len(codes))(*codes)
        out = (ctypes.c_double * len(codes))()
        if self._lib.maple_predictor_predict_codes(self._handle, items, len(codes), out) != 0:
            raise ValueError(self._error())
        return list(out)

    def close(self):
        if self._handle:
            self._lib.maple_predictor_close(self._handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def main(argv):
    library, predictor_file, descriptor_file = argv[1:4]
    archs = argv[4:] or ["|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|"]
    with open(descriptor_file) as f:
        d = json.load(f)
    with MaplePredictor(library, predictor_file) as p:
        print("method:", p.info()["method"])
        if not p.info().get("target_device"):
            p.bind(d.get("device", "device"), dict(zip(d["names"], d["values"])))
        for arch, ms in zip(archs, p.predict(archs)):
            print(f"{ms:.4f} ms  {arch}")
        fastest = min(range(15625), key=lambda c, ms=p.predict_codes(list(range(15625))): ms[c])
        print("fastest cell code:", fastest)


if __name__ == "__main__":
    main(sys.argv)
