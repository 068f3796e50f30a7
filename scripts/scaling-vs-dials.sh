#!/usr/bin/env bash
# Reproduces Tests/Fixtures/scaling/PRESET-seedSEED: DIALS 3.12 integrates a simulated set,
# reindexes it (dials.cosym) and scales it with the physical model in its simple form
# (summation intensities, no absorption term, scale/decay intervals 15°/20°, every reflection
# in the refinement rather than a quasi-random subset); then
# scripts/dials_scaling_fixture.py writes what dials.scale scaled (per observation: dataset,
# Miller index, corrected intensity and variance, φ, and DIALS's inverse scale factor and outlier
# flag), its error model and the merging statistics dials.merge printed.
# Usage: scripts/scaling-vs-dials.sh WORKDIR [PRESET "SPACE GROUP" SWEEPS SEED MAX_IMAGES]
#   defaults: teha "H 3" 3 61 20 (about 5 min on 2 cores)
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
WD="$1"; PRESET="${2:-teha}"; GROUP="${3:-H 3}"; SWEEPS="${4:-3}"; SEED="${5:-61}"; MAX="${6:-20}"
M="${MXTRIAGE:-$HERE/.build/release/mxtriage}"; [ -x "$M" ] || M="$HERE/.build/debug/mxtriage"
mkdir -p "$WD/dials"
[ -f "$WD/images/truth.json" ] || "$M" simulate --preset "$PRESET" --output "$WD/images" --sweeps "$SWEEPS" --seed "$SEED" --max-images "$MAX"
cd "$WD/dials"
[ -f symmetrized.refl ] || {
  dials.import ../images/*.cbf > /dev/null
  dials.find_spots imported.expt nproc=2 > /dev/null
  dials.index imported.expt strong.refl space_group="$GROUP" joint=False > /dev/null
  dials.refine indexed.expt indexed.refl scan_varying=false > /dev/null
  dials.integrate refined.expt refined.refl nproc=2 > /dev/null
  dials.cosym integrated.expt integrated.refl space_group="$GROUP" > /dev/null
}
# dials.scale 3.12 calls the absorption term physical.absorption_correction.
dials.scale symmetrized.expt symmetrized.refl intensity_choice=sum physical.absorption_correction=False \
  physical.scale_interval=15 physical.decay_interval=20 reflection_selection.method=use_all > /dev/null
dials.merge scaled.expt scaled.refl output.json=merge.json > /dev/null
OUT="$WD/$PRESET-seed$SEED"
mkdir -p "$OUT"
/usr/bin/python3 "$HERE/scripts/dials_scaling_fixture.py" scaled.expt scaled.refl merge.json "$OUT"
echo "$OUT: $(ls "$OUT" | tr '\n' ' ')"
