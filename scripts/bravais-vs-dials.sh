#!/bin/bash
# mxtriage refine-bravais-settings against dials.refine_bravais_settings on the same indexed
# P 1 files: every sequence_NN of a work directory that `mxtriage process` left without
# --space-group (P1_models.expt and P1_indexed.refl, the input of its own lattice search). Per
# sweep: the lattices each lists, the highest-symmetry recommended one, the largest difference
# of metric fit δ between the two lists, and each program's wall time.
# Usage: scripts/bravais-vs-dials.sh P1_WORKDIR OUTDIR
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
M=${MXTRIAGE:-$ROOT/.build/release/mxtriage}
IN=$(readlink -f "$1"); OUT=$(mkdir -p "$2" && readlink -f "$2")
for d in "$IN"/sequence_*; do
  [ -f "$d/P1_indexed.refl" ] || continue
  n=$(basename "$d"); mkdir -p "$OUT/$n/mxtriage" "$OUT/$n/dials"
  t0=$(date +%s.%N)
  "$M" refine-bravais-settings "$d/P1_models.expt" "$d/P1_indexed.refl" --output-dir "$OUT/$n/mxtriage" > "$OUT/$n/mxtriage.log" 2>&1
  t1=$(date +%s.%N)
  (cd "$OUT/$n/dials" && dials.refine_bravais_settings "$d/P1_models.expt" "$d/P1_indexed.refl" > ../dials.log 2>&1)
  t2=$(date +%s.%N)
  /usr/bin/python3 - "$n" "$OUT/$n/mxtriage/bravais_summary.json" "$OUT/$n/dials/bravais_summary.json" \
      "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" <<'PY'
import json, sys
name, ours, theirs, t_ours, t_dials = sys.argv[1:6]
def load(path):
    try:
        d = json.load(open(path))
    except OSError:
        return None
    rows = [d[k] for k in sorted(d, key=int)]
    return rows
a, b = load(ours), load(theirs)
if a is None or b is None:
    print("%s | %s | %s |" % (name, "mxtriage failed" if a is None else "", "DIALS failed" if b is None else ""))
    sys.exit()
lattices = lambda rows: sorted(r["bravais"] for r in rows)
best = lambda rows: next((r["bravais"] for r in reversed(rows) if r["recommended"]), "-")
same = lattices(a) == lattices(b)
delta = max((abs(x["max_angular_difference"] - y["max_angular_difference"])
             for x, y in zip(sorted(a, key=lambda r: (r["bravais"], r["max_angular_difference"])),
                             sorted(b, key=lambda r: (r["bravais"], r["max_angular_difference"])))), default=0)
print("| %s | %s | %s | %s | %s | %.3f° | %.2f s | %.2f s |" % (
    name, " ".join(lattices(a)), "same" if same else " ".join(lattices(b)), best(a), best(b), delta,
    float(t_ours), float(t_dials)))
PY
done
