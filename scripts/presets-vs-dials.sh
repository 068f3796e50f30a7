#!/bin/bash
# Every simulator preset processed by mxtriage with --space-group and by DIALS's
# tutorial workflow (../shared/tools/dials_tutorial.sh) on the same images, then the cells of
# all three against the simulator's truth (scripts/compare_preset_cells.py). Prints one
# Markdown table row per preset: sweeps reaching an MTZ (mxtriage with the group, DIALS), the
# mean over main-group sweeps of the largest relative error of a, b, c, and how many of
# mxtriage's MTZ files gemmi reads with the preset's space group. `mxtriage joint` refines the
# sweeps that reached an MTZ jointly; its cells are compared with the truth too. Without
# --space-group (the lattice chosen automatically) see scripts/auto-lattice-vs-dials.sh.
# Usage: scripts/presets-vs-dials.sh WORKDIR [SWEEPS] [MAX_IMAGES] [SEED] [PRESET ...]
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
M=${MXTRIAGE:-$ROOT/.build/release/mxtriage}
WD=$(mkdir -p "$1" && readlink -f "$1"); SWEEPS=${2:-6}; MAX=${3:-20}; SEED=${4:-31}; shift $(( $# < 4 ? $# : 4 ))
PRESETS=${*:-thaumatin lysozyme p212121 c2 i213 p6122 p1}
declare -A GROUP=([teha]="H 3" [thaumatin]="P 41 21 2" [lysozyme]="P 43 21 2" [p212121]="P 21 21 21" [c2]="C 2"
                  [i213]="I 21 3" [p6122]="P 61 2 2" [p1]="P 1")
for p in $PRESETS; do
  sg=${GROUP[$p]}
  [ -f "$WD/$p/images/truth.json" ] || "$M" simulate --preset "$p" --output "$WD/$p/images" --sweeps "$SWEEPS" \
      --max-images "$MAX" --seed "$SEED" > /dev/null
  "$M" process "$WD/$p/images" --workdir "$WD/$p/mxtriage" --space-group "$sg" > "$WD/$p/mxtriage.log" 2>&1
  "$M" joint "$WD/$p/mxtriage" > "$WD/$p/mxtriage-joint.log" 2>&1
  [ -f "$WD/$p/dials/timing.txt" ] || "$ROOT/../shared/tools/dials_tutorial.sh" "$WD/$p/images" "$WD/$p/dials" 2 "$sg" \
      > "$WD/$p/dials.log" 2>&1
  grep "Cluster analysis" "$WD/$p/mxtriage.log" "$WD/$p/mxtriage-joint.log"
  /usr/bin/python3 "$ROOT/scripts/compare_preset_cells.py" "$WD/$p/images" "$WD/$p/mxtriage" "$WD/$p/dials"
done
