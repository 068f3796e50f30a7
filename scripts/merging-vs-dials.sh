#!/usr/bin/env bash
# Reproduces Tests/Fixtures/merging/PRESET-seedSEED: DIALS 3.12 integrates a simulated set at
# full resolution, reindexes it (dials.cosym), scales and merges it; then
# scripts/dials_merging_fixture.py writes the intensities dials.merge merged and the statistics
# it printed, and scripts/dials_delta_cchalf_fixture.py the input and result of DIALS's ΔCC½.
# Usage: scripts/merging-vs-dials.sh WORKDIR [PRESET "SPACE GROUP" SWEEPS SEED MAX_IMAGES]
#   defaults: teha "H 3" 3 61 20 (about 4 min on 2 cores)
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
WD="$1"; PRESET="${2:-teha}"; GROUP="${3:-H 3}"; SWEEPS="${4:-3}"; SEED="${5:-61}"; MAX="${6:-20}"
M="${MXTRIAGE:-$HERE/.build/release/mxtriage}"; [ -x "$M" ] || M="$HERE/.build/debug/mxtriage"
mkdir -p "$WD/dials"
[ -f "$WD/images/truth.json" ] || "$M" simulate --preset "$PRESET" --output "$WD/images" --sweeps "$SWEEPS" --seed "$SEED" --max-images "$MAX"
cd "$WD/dials"
dials.import ../images/*.cbf > /dev/null
dials.find_spots imported.expt nproc=2 > /dev/null
dials.index imported.expt strong.refl space_group="$GROUP" joint=False > /dev/null
dials.refine indexed.expt indexed.refl scan_varying=false > /dev/null
dials.integrate refined.expt refined.refl nproc=2 > /dev/null
dials.cosym integrated.expt integrated.refl space_group="$GROUP" > /dev/null
dials.scale symmetrized.expt symmetrized.refl > /dev/null
dials.merge scaled.expt scaled.refl output.json=merge.json > /dev/null
OUT="$WD/$PRESET-seed$SEED"
mkdir -p "$OUT"
/usr/bin/python3 "$HERE/scripts/dials_merging_fixture.py" scaled.expt scaled.refl merge.json "$OUT"
/usr/bin/python3 "$HERE/scripts/dials_delta_cchalf_fixture.py" scaled.expt scaled.refl "$OUT"
echo "$OUT: $(ls "$OUT" | tr '\n' ' ')"
