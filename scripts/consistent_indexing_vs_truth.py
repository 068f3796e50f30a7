#!/usr/bin/python3
"""Whether mxtriage's consistent indexing made the crystals agree, judged against the simulator's
truth: for each merged crystal, M = round(A_true⁻¹ · A) maps our indices to the true ones; after
our reindexing R (merging-statistics.json's cb_op, h′ = R·h) it is M·R⁻¹. The crystals agree when
every M·R⁻¹ equals crystal 0's up to a rotation of the merged space group.

Usage: consistent_indexing_vs_truth.py IMAGEDIR WORKDIR   (DIALS's Python: dxtbx, cctbx, numpy)
"""
import json, os, sys

import numpy as np
from cctbx import sgtbx
from dxtbx.model.experiment_list import ExperimentListFactory

images, work = sys.argv[1:3]
truth = {s["template"]: s for s in json.load(open(os.path.join(images, "truth.json")))["sweeps"]}
stats = json.load(open(os.path.join(work, "merged", "merging-statistics.json")))
group = sgtbx.space_group_info(stats["space_group"]).group()
rotations = [np.array(op.r().as_double()).reshape(3, 3) for op in group.smx()]


def reindex(cb_op):
    # "k,h,-l" as the matrix R with h′ = R·h.
    return np.array(sgtbx.change_of_basis_op(cb_op.replace("h", "x").replace("k", "y").replace("l", "z"))
                    .c().r().as_double()).reshape(3, 3).T


relative = []
for c in stats["crystals"]:
    expt = ExperimentListFactory.from_json_file(
        os.path.join(work, "sequence_%02d" % c["sequence"], "integrated_full.expt"), check_format=False)
    a = np.array(expt[0].crystal.get_A()).reshape(3, 3)
    a_true = np.array(truth[c["template"]]["A"]).reshape(3, 3)
    m = np.rint(np.linalg.inv(a_true) @ a)
    relative.append(m @ np.linalg.inv(reindex(c["cb_op"])))
agree = 0
for c, m in zip(stats["crystals"], relative):
    d = m @ np.linalg.inv(relative[0])
    ok = any(np.allclose(d, r) or np.allclose(d, r.T) for r in rotations)
    agree += ok
    print(f"{c['template']}: cb_op {c['cb_op']:>8}  {'consistent' if ok else 'NOT consistent'} with {stats['crystals'][0]['template']}")
print(f"{agree} of {len(relative)} crystals consistent with the first")
