#!/bin/bash
# Runs mxtriage's per-sweep spot finding and indexing (P 1, then H 3 from the P 1 orientation)
# on every sweep of a simulated data set and compares the cells with truth.json.
# Usage: scripts/index-all-sweeps.sh IMAGEDIR WORKDIR   (uses .build/release/mxtriage)
set -u
M=$(cd "$(dirname "$0")/.." && pwd)/.build/release/mxtriage
IMG=$(readlink -f "$1"); WD=$2
mkdir -p "$WD"; cd "$WD" || exit 2
T0=$(date +%s.%N)
for t in $(/usr/bin/python3 -c "import json; print(' '.join(s['template'] for s in json.load(open('$IMG/truth.json'))['sweeps']))"); do
  d=${t%_####.cbf}; mkdir -p "$d"
  ( cd "$d" && "$M" import "$IMG"/"${t//####/????}" > import.log 2>&1 \
    && "$M" find-spots imported.expt > find_spots.log 2>&1 \
    && "$M" index imported.expt strong.refl --output-experiments P1_models.expt > index_p1.log 2>&1 \
    && "$M" index P1_models.expt strong.refl --space-group "H 3" > index_h3.log 2>&1 \
    && echo "$d ok" || echo "$d failed: $(tail -n 1 index_*.log find_spots.log 2>/dev/null | grep mxtriage: | head -n 1)" )
done
T1=$(date +%s.%N)
echo "wall_s $(echo "$T1 - $T0" | bc)"
/usr/bin/python3 - "$IMG" <<'PY'
import json, sys, os
truth = json.load(open(os.path.join(sys.argv[1], "truth.json")))
worst = 0
for s in truth["sweeps"]:
    d = s["template"].replace("_####.cbf", "")
    path = os.path.join(d, "indexed.expt")
    if not os.path.exists(path):
        print("%-10s %-7s not indexed" % (d, s["group"])); continue
    e = json.load(open(path))["crystal"][0]
    import math
    a = math.sqrt(sum(x * x for x in e["real_space_a"])); c = math.sqrt(sum(x * x for x in e["real_space_c"]))
    ea = (a - s["unit_cell"][0]) / s["unit_cell"][0] * 100; ec = (c - s["unit_cell"][2]) / s["unit_cell"][2] * 100
    worst = max(worst, abs(ea), abs(ec))
    print("%-10s %-7s a %8.3f (%+.3f%%)  c %8.3f (%+.3f%%)  %s" % (d, s["group"], a, ea, c, ec, e["space_group_hall_symbol"]))
print("largest |relative error| of a, c: %.3f %%" % worst)
PY
