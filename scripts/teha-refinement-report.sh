#!/bin/bash
# After scripts/index-all-sweeps.sh IMAGEDIR WORKDIR: refines every indexed sweep alone, then
# combines them with one shared detector and beam (experiment 0's) and refines jointly, and
# compares both with truth.json, side by side as the tutorial does.
# Usage: scripts/teha-refinement-report.sh IMAGEDIR WORKDIR
set -u
M=$(cd "$(dirname "$0")/.." && pwd)/.build/release/mxtriage
IMG=$(readlink -f "$1"); WD=$2
cd "$WD" || exit 2
args=()
T0=$(date +%s.%N)
for d in */; do
  d=${d%/}
  [ -f "$d/indexed.expt" ] || continue
  (cd "$d" && "$M" refine indexed.expt indexed.refl > refine.log 2>&1) && args+=("$d/refined.expt" "$d/indexed.refl")
done
T1=$(date +%s.%N)
mkdir -p joint && cd joint || exit 2
"$M" combine "${args[@]/#/../}" --reference-from 0 --force > combine.log 2>&1 || { tail -n 2 combine.log; exit 1; }
"$M" refine combined.expt combined.refl --correlation correlation.json > refine.log 2>&1 || { tail -n 2 refine.log; exit 1; }
T2=$(date +%s.%N)
echo "individual refinement: $(echo "$T1 - $T0" | bc) s; combine + joint refinement: $(echo "$T2 - $T1" | bc) s"
cd ..
/usr/bin/python3 - "$IMG" "${args[@]}" <<'PY'
import json, math, sys, os
img, files = sys.argv[1], sys.argv[2::2]
truth = json.load(open(os.path.join(img, "truth.json")))
by_name = {s["template"].replace("_####.cbf", ""): s for s in truth["sweeps"]}
def cell(c):
    la = math.sqrt(sum(x * x for x in c["real_space_a"])); lc = math.sqrt(sum(x * x for x in c["real_space_c"]))
    return la, lc
joint = json.load(open("joint/refined.expt"))
print("sweep      group    individual a, c (rel. error %)        joint a, c (rel. error %)")
ind_err, joint_err = [], []
for i, f in enumerate(files):
    name = f.split("/")[0]; s = by_name[name]
    ia, ic = cell(json.load(open(f))["crystal"][0])
    ja, jc = cell(joint["crystal"][joint["experiment"][i]["crystal"]])
    ta, tc = s["unit_cell"][0], s["unit_cell"][2]
    e = [(ia - ta) / ta * 100, (ic - tc) / tc * 100, (ja - ta) / ta * 100, (jc - tc) / tc * 100]
    ind_err += e[:2]; joint_err += e[2:]
    print("%-10s %-7s %8.3f %8.3f (%+.3f %+.3f)   %8.3f %8.3f (%+.3f %+.3f)" % (name, s["group"], ia, ic, e[0], e[1], ja, jc, e[2], e[3]))
rms = lambda xs: math.sqrt(sum(x * x for x in xs) / len(xs))
print("rms relative cell error: individual %.4f %%, joint %.4f %%" % (rms(ind_err), rms(joint_err)))
p = joint["detector"][0]["panels"][0]
o, f_, s_ = p["origin"], p["fast_axis"], p["slow_axis"]
n = [f_[1] * s_[2] - f_[2] * s_[1], f_[2] * s_[0] - f_[0] * s_[2], f_[0] * s_[1] - f_[1] * s_[0]]
dist = abs(sum(a * b for a, b in zip(o, n)))
t, h = truth["true_geometry"], truth["header_geometry"]
print("joint distance %.4f mm (true %.4f, header %.4f): error %+.4f mm" % (dist, t["distance_mm"], h["distance_mm"], dist - t["distance_mm"]))
PY
echo "joint refinement: $(grep -c '' joint/refine.log) log lines; parameters: $(grep -m1 -o '[0-9]* parameters' joint/refine.log)"
