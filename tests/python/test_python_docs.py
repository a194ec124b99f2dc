"""Runs the search in docs/python.md on the capi fixture and checks its answer independently."""
import os
import re
import sys
import types

import numpy as np

import maple

doc, fixture = sys.argv[1], sys.argv[2]
with open(doc) as f:
    blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
assert len(blocks) == 1, f"{doc}: expected one python block, found {len(blocks)}"
module = types.ModuleType("search")
exec(compile(blocks[0], doc, "exec"), module.__dict__)

pool = os.path.join(fixture, "pool.maplepred")
descriptor = os.path.join(fixture, "descriptor.json")
assert module.main(["search.py", pool, descriptor]) == 0

p = maple.Predictor(pool).adapt([], [], descriptor=descriptor, device="target")
budget = float(np.median(p.predict_all()))
arch, ms = module.search(p, budget)
assert ms <= budget, (arch, ms, budget)
# Every sampled architecture within budget has at most the winner's MACs.
codes = np.random.default_rng(0).choice(maple.SPACE_SIZE, size=2000, replace=False)
within = codes[p.predict(codes) <= budget]
assert maple.macs(within).max() == maple.macs([arch])[0]
assert module.search(p, 0.0) is None
print("ok:", arch, ms, "<=", budget)
