#!/usr/bin/env bash
# Reproduces Tests/Fixtures/cosym/teha-seed71: DIALS 3.12 integrates a simulated TehA set
# (each sweep indexed on its own in H 3), then dials.cosym resolves the indexing ambiguity.
# scripts/dials_cosym_fixture.py writes the profile-fitted intensities per dataset (before
# cosym's reindexing) and the operators and Laue group dials.cosym chose.
# Usage: scripts/cosym-vs-dials.sh WORKDIR [PRESET "SPACE GROUP" SWEEPS SEED MAX_IMAGES]
#   defaults: teha "H 3" 4 71 20
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
WD="$1"; PRESET="${2:-teha}"; GROUP="${3:-H 3}"; SWEEPS="${4:-4}"; SEED="${5:-71}"; MAX="${6:-20}"
M="${MXTRIAGE:-$HERE/.build/debug/mxtriage}"
mkdir -p "$WD/dials"
[ -f "$WD/images/truth.json" ] || "$M" simulate --preset "$PRESET" --output "$WD/images" --sweeps "$SWEEPS" --seed "$SEED" --max-images "$MAX"
cd "$WD/dials"
dials.import ../images/*.cbf > /dev/null
dials.find_spots imported.expt nproc=2 > /dev/null
dials.index imported.expt strong.refl space_group="$GROUP" joint=False > /dev/null
dials.refine indexed.expt indexed.refl scan_varying=false > /dev/null
dials.integrate refined.expt refined.refl nproc=2 > /dev/null
dials.cosym integrated.expt integrated.refl > /dev/null
OUT="$HERE/Tests/Fixtures/cosym/$PRESET-seed$SEED"
mkdir -p "$OUT"
/usr/bin/python3 "$HERE/scripts/dials_cosym_fixture.py" integrated.expt integrated.refl dials.cosym.json symmetrized.expt dials.cosym.log "$OUT"
ls -l "$OUT"
