"""Compare two unmerged MTZ files with gemmi: same columns, rows, batches and symmetry, and
values equal within a relative float tolerance. Prints one line per difference and exits 1 if
there is any. Usage: compare_mtz.py EXPECTED.mtz ACTUAL.mtz [RTOL]"""
import sys

import gemmi
import numpy as np

expected, actual = gemmi.read_mtz_file(sys.argv[1]), gemmi.read_mtz_file(sys.argv[2])
rtol = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-5
problems = []


def check(what, a, b):
    if a != b:
        problems.append(f"{what}: expected {a!r}, got {b!r}")


check("columns", [(c.label, c.type) for c in expected.columns], [(c.label, c.type) for c in actual.columns])
check("rows", expected.nreflections, actual.nreflections)
check("space group number", expected.spacegroup.number, actual.spacegroup.number)
check("symmetry operators", sorted(op.triplet() for op in expected.spacegroup.operations()),
      sorted(op.triplet() for op in actual.spacegroup.operations()))
check("batch numbers", [b.number for b in expected.batches], [b.number for b in actual.batches])
for name in ("project_name", "crystal_name", "dataset_name"):
    check(name, [getattr(d, name) for d in expected.datasets if d.id > 0],
          [getattr(d, name) for d in actual.datasets if d.id > 0])
if not np.allclose(expected.cell.parameters, actual.cell.parameters, rtol=1e-6):
    problems.append(f"cell: expected {expected.cell}, got {actual.cell}")
check("wavelength", round(expected.datasets[-1].wavelength, 5), round(actual.datasets[-1].wavelength, 5))

if not problems:
    e, a = np.array(expected, copy=False), np.array(actual, copy=False)
    for j, column in enumerate(expected.columns):
        x, y = e[:, j], a[:, j]
        scale = max(float(np.max(np.abs(x))), 1e-30)
        worst = float(np.max(np.abs(x - y))) if len(x) else 0.0
        if worst > rtol * scale:
            k = int(np.argmax(np.abs(x - y)))
            problems.append(f"column {column.label}: max |diff| {worst:.3g} (row {k}: {x[k]!r} vs {y[k]!r})")
    for be, ba in zip(expected.batches, actual.batches):
        check(f"batch {be.number} ints", list(be.ints), list(ba.ints))
        fe, fa = np.array(be.floats, dtype=np.float64), np.array(ba.floats, dtype=np.float64)
        bad = np.where(np.abs(fe - fa) > 1e-5 * np.maximum(1.0, np.abs(fe)))[0]
        if len(bad):
            problems.append(f"batch {be.number} floats differ at {list(bad)}: {list(fe[bad])} vs {list(fa[bad])}")
            break

for p in problems:
    print(p)
print(f"{len(problems)} differences ({expected.nreflections} rows, {len(expected.columns)} columns, {len(expected.batches)} batches)")
sys.exit(1 if problems else 0)
