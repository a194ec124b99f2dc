"""Runs docs/examples/maple_predictor.py against the fixture: its wrapper's predictions equal the C++
API's, errors surface as exceptions, its main() runs, and docs/python-ctypes.md shows this very file."""
import importlib.util
import io
import contextlib
import os
import re
import sys

library, fixture, docs = sys.argv[1:4]
example = os.path.join(docs, "examples", "maple_predictor.py")
spec = importlib.util.spec_from_file_location("maple_predictor", example)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)

with open(os.path.join(docs, "python-ctypes.md")) as f:
    shown = re.search(r"```python\n(.*?)```", f.read(), re.S).group(1)
with open(example) as f:
    assert shown == f.read(), "docs/python-ctypes.md no longer shows docs/examples/maple_predictor.py: copy it in"

expected = [line.split() for line in open(os.path.join(fixture, "expected.txt"))]
with mod.MaplePredictor(library, os.path.join(fixture, "pool.maplepred")) as p:
    assert p.info()["descriptor"]["kind"] == "specs"
    try:
        p.predict(["|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|"])
        raise AssertionError("an unbound predictor predicted")
    except ValueError as e:
        assert "bind" in str(e), e
    import math
    p.bind("unseen", {"ln_speed": math.log(3.0), "ln_mem": math.log(1.2)})
    got = p.predict_codes([int(c) for c, _ in expected])
    for (code, want), ms in zip(expected, got):
        assert abs(ms - float(want)) <= 1e-12 * abs(float(want)), (code, ms, want)
    try:
        p.predict(["|bogus~0|"])
        raise AssertionError("a bad architecture was accepted")
    except ValueError as e:
        assert "architecture 0" in str(e), e

try:
    mod.MaplePredictor(library, os.path.join(fixture, "expected.txt"))
    raise AssertionError("a foreign file opened")
except RuntimeError as e:
    assert "not a MAPLE predictor file" in str(e), e

out = io.StringIO()
with contextlib.redirect_stdout(out):
    mod.main(["x", library, os.path.join(fixture, "pool.maplepred"), os.path.join(fixture, "descriptor.json")])
assert "fastest cell code:" in out.getvalue(), out.getvalue()
print(f"ctypes example: {len(expected)} predictions equal the C++ API's; main() ran")
