#!/usr/bin/python3
"""What dials.cosym started from and what it decided, for Tests/MXCosymTests.

Usage: dials_cosym_fixture.py integrated.expt integrated.refl dials.cosym.json symmetrized.expt dials.cosym.log OUTDIR

Writes OUTDIR/datasets.txt: a line "# dataset N" before each dataset's reflections, then one
line per reflection "h k l I sigma" (4 and 3 significant digits; d follows from the mean cell) with the
profile-fitted intensities of each dataset as dials.cosym filters them (partiality >= 0.4,
integrated_prf, I/sigma >= -5; here also d >= 1.45 A, for size), indices as integrated (before any reindexing); and
OUTDIR/cosym.json: the space group the data were indexed in, the mean cell, per dataset the
reindexing operator dials.cosym applied (hkl form and the matrix P with h' = P h), and the Laue
group (best Patterson group) it chose.
"""
import json
import re
import sys

from cctbx import sgtbx
from dials.array_family import flex
from dials.util.filter_reflections import filter_reflection_table
from dxtbx.model.experiment_list import ExperimentListFactory

D_MIN = 1.45  # keeps the fixture under 600 kB; dials.cosym itself saw all resolutions
expt, refl, cosym_json, sym_expt, log, out = sys.argv[1:7]
experiments = ExperimentListFactory.from_json_file(expt, check_format=False)
symmetrized = ExperimentListFactory.from_json_file(sym_expt, check_format=False)
reflections = flex.reflection_table.from_file(refl)
cells = [e.crystal.get_unit_cell().parameters() for e in experiments]
mean_cell = [sum(c[i] for c in cells) / len(cells) for i in range(6)]
lines = []
for i, e in enumerate(experiments):
    table = reflections.select(reflections["id"] == i)
    table = filter_reflection_table(table, intensity_choice=["profile"], combine_partials=True, partiality_threshold=0.4)
    I = table["intensity.prf.value"]
    V = table["intensity.prf.variance"]
    d = e.crystal.get_unit_cell().d(table["miller_index"])
    lines.append("# dataset %d" % i)
    for (h, k, l), x, v, dd in zip(table["miller_index"], I, V, d):
        if v > 0 and x / v ** 0.5 >= -5 and dd >= D_MIN:
            lines.append("%d %d %d %.4g %.3g" % (h, k, l, x, v ** 0.5))
with open(f"{out}/datasets.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
# The operator per dataset: compare each input crystal with its symmetrized one.
ops = []
for a, b in zip(experiments, symmetrized):
    A = a.crystal.get_A()
    B = b.crystal.get_A()
    from scitbx import matrix
    # A' = A P^-1  =>  P = A'^-1 A
    P = (matrix.sqr(B).inverse() * matrix.sqr(A))
    P = [int(round(x)) for x in P.elems]
    ops.append(P)
with open(cosym_json) as f:
    report = json.load(f)
text = open(log).read()
m = re.search(r"Best solution: (.+)", text)
reindex = re.findall(r"Reindexing operators:\n((?:.+: \[.*\]\n)+)", text)
summary = {
    "space_group": str(experiments[0].crystal.get_space_group().info()),
    "unit_cell": mean_cell,
    "n_datasets": len(experiments),
    "reindex_matrices": ops,
    "best_solution": m.group(1).strip() if m else None,
    "log_reindexing_operators": reindex[0] if reindex else None,
    "subgroup_scores": [
        {k: s[k] for k in ("patterson_group", "likelihood", "confidence", "z_cc_net")}
        for s in report.get("subgroup_scores", [])
    ],
    "symmetrized_space_group": str(symmetrized[0].crystal.get_space_group().info()),
}
with open(f"{out}/cosym.json", "w") as f:
    json.dump(summary, f, indent=1)
