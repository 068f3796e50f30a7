#!/bin/bash
# Every simulator preset processed by mxtriage without --space-group: the session chooses the
# lattice from every crystal's refine_bravais_settings table. Then dials.refine_bravais_settings
# on the same P 1 files (scripts/bravais-vs-dials.sh) and one Markdown row per preset
# (scripts/compare_auto_lattice.py): the lattice the session chose against DIALS's per-sweep
# recommendations, sweeps reaching an MTZ, cells against the truth, gemmi reading the MTZs.
# Images are simulated as scripts/presets-vs-dials.sh does (same seed, same bytes), so the
# two scripts can share a WORKDIR.
# Usage: scripts/auto-lattice-vs-dials.sh WORKDIR [SWEEPS] [MAX_IMAGES] [SEED] [PRESET ...]
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
M=${MXTRIAGE:-$ROOT/.build/release/mxtriage}
WD=$(mkdir -p "$1" && readlink -f "$1"); SWEEPS=${2:-6}; MAX=${3:-20}; SEED=${4:-31}; shift $(( $# < 4 ? $# : 4 ))
PRESETS=${*:-teha thaumatin lysozyme p212121 c2 i213 p6122 p1}
for p in $PRESETS; do
  [ -f "$WD/$p/images/truth.json" ] || "$M" simulate --preset "$p" --output "$WD/$p/images" --sweeps "$SWEEPS" \
      --max-images "$MAX" --seed "$SEED" > /dev/null
  rm -rf "$WD/$p/mxtriage-auto" "$WD/$p/bravais-auto"
  t0=$(date +%s.%N)
  "$M" process "$WD/$p/images" --workdir "$WD/$p/mxtriage-auto" > "$WD/$p/mxtriage-auto.log" 2>&1
  t1=$(date +%s.%N)
  MXTRIAGE=$M "$ROOT/scripts/bravais-vs-dials.sh" "$WD/$p/mxtriage-auto" "$WD/$p/bravais-auto" > "$WD/$p/bravais-auto.md"
  /usr/bin/python3 "$ROOT/scripts/compare_auto_lattice.py" "$WD/$p/images" "$WD/$p/mxtriage-auto" "$WD/$p/bravais-auto" \
      "$(echo "$t1 - $t0" | bc)"
done
