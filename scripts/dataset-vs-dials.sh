#!/usr/bin/env bash
# The dataset step side by side with DIALS on the same images: mxtriage process (which ends by
# integrating every crystal at full resolution, reindexing, scaling and merging into merged/)
# against DIALS 3.12's dials.integrate (full resolution) → dials.cosym → dials.scale →
# dials.merge on the same sweeps; prints both programs' overall merging statistics, the
# CC½ = 0.3 resolution and the wall times.
# Usage: scripts/dataset-vs-dials.sh WORKDIR [PRESET "SPACE GROUP" SWEEPS SEED MAX_IMAGES]
#   defaults: teha "H 3" 6 81 20
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
WD="$1"; PRESET="${2:-teha}"; GROUP="${3:-H 3}"; SWEEPS="${4:-6}"; SEED="${5:-81}"; MAX="${6:-20}"
M="${MXTRIAGE:-$HERE/.build/release/mxtriage}"; [ -x "$M" ] || M="$HERE/.build/debug/mxtriage"
mkdir -p "$WD"
[ -f "$WD/images/truth.json" ] || "$M" simulate --preset "$PRESET" --output "$WD/images" --sweeps "$SWEEPS" --seed "$SEED" --max-images "$MAX" > /dev/null
rm -rf "$WD/mxtriage" "$WD/dials"
start=$(date +%s.%N)
"$M" process "$WD/images" --workdir "$WD/mxtriage" --space-group "$GROUP" --nproc 2 > "$WD/mxtriage.log"
ours=$(echo "$(date +%s.%N) - $start" | bc)
mkdir -p "$WD/dials" && cd "$WD/dials"
start=$(date +%s.%N)
dials.import ../images/*.cbf > /dev/null
dials.find_spots imported.expt nproc=2 > /dev/null
dials.index imported.expt strong.refl space_group="$GROUP" joint=False > /dev/null
dials.refine indexed.expt indexed.refl scan_varying=false > /dev/null
dials.integrate refined.expt refined.refl nproc=2 > /dev/null
dials.cosym integrated.expt integrated.refl space_group="$GROUP" > /dev/null
dials.scale symmetrized.expt symmetrized.refl > /dev/null
dials.merge scaled.expt scaled.refl output.json=merge.json > /dev/null
theirs=$(echo "$(date +%s.%N) - $start" | bc)
/usr/bin/python3 - "$WD" "$ours" "$theirs" <<'PY'
import json, sys
wd, ours_s, theirs_s = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
ours = json.load(open(f"{wd}/mxtriage/merged/merging-statistics.json"))
merge = json.load(open(f"{wd}/dials/merge.json"))
stats = merge[next(iter(merge))]["merging_stats"]["overall"]
import re
found = re.findall(r"Resolution limit suggested from CC½ fit \(limit CC½=0.3\): ([0-9.]+)", open(f"{wd}/dials/dials.scale.log", encoding="utf-8").read())
o = ours["overall"]
print(f"crystals merged: mxtriage {len(ours['crystals'])}  DIALS {len(json.load(open(f'{wd}/dials/scaled.expt'))['experiment'])}")
for key, label in [("n_obs", "N obs"), ("n_uniq", "N unique"), ("completeness", "completeness"), ("multiplicity", "multiplicity"),
                   ("i_over_sigma_mean", "<I/sigma>"), ("r_merge", "Rmerge"), ("r_meas", "Rmeas"), ("r_pim", "Rpim"), ("cc_one_half", "CC1/2")]:
    print(f"{label:>14}: mxtriage {o[key]:10.4f}   DIALS {stats[key]:10.4f}")
ours_res = ours.get("resolution_estimate") or {}
print(f"{'CC1/2=0.3 at':>14}: mxtriage {ours_res.get('d_min', float('nan')):10.3f}   DIALS {float(found[-1]) if found else float('nan'):10.3f} (dials.scale's log line)")
print(f"{'error model':>14}: mxtriage a {ours['error_model']['a']:.3f} b {ours['error_model']['b']:.4f}")
print(f"{'wall time (s)':>14}: mxtriage {ours_s:10.1f}   DIALS {theirs_s:10.1f}")
PY
