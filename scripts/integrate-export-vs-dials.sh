#!/bin/bash
# Integration in the 7.0–8.1 Å band and MTZ export of single sweeps, mxtriage and DIALS side by
# side on their own refined models of the same images (from scripts/whole-set-vs-dials.sh).
# Usage: scripts/integrate-export-vs-dials.sh WORKDIR [SEQUENCE...]   (default: the first three
#        sequences both programs refined)
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
M=$ROOT/.build/release/mxtriage
WD=$(readlink -f "$1"); shift
T=$(mktemp -d)
timed() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$T/timed.txt" "$@" > "$T/out.log" 2>&1 || echo "$label FAILED: $(tail -n 1 "$T/out.log")"
  read -r secs kb < "$T/timed.txt"; printf "%-44s %7.2f s  %5d MB\n" "$label" "$secs" $((kb / 1024))
}
sequences=("$@")
if [ ${#sequences[@]} -eq 0 ]; then
  for d in "$WD"/mxtriage/sequence_*; do
    n=$(basename "$d")
    [ -f "$d/refined.expt" ] && [ -f "$WD/dials/$n/refined.expt" ] && sequences+=("$n")
    [ ${#sequences[@]} -eq 3 ] && break
  done
fi
for n in "${sequences[@]}"; do
  echo "== $n"
  mkdir -p "$T/$n/m" "$T/$n/d"
  cp "$WD/mxtriage/$n/refined.expt" "$WD/mxtriage/$n/refined.refl" "$T/$n/m/"
  cp "$WD/dials/$n/refined.expt" "$WD/dials/$n/indexed.refl" "$T/$n/d/"
  cd "$T/$n/m" || exit 2
  timed "mxtriage integrate --d-min 7.0 --d-max 8.1" "$M" integrate refined.expt refined.refl --d-min 7.0 --d-max 8.1
  timed "mxtriage export" "$M" export integrated.expt integrated.refl --output integrated.mtz
  cd "$T/$n/d" || exit 2
  timed "dials.integrate profile.fitting=False" dials.integrate refined.expt indexed.refl profile.fitting=False \
    prediction.d_min=7.0 prediction.d_max=8.1 profile.gaussian_rs.min_spots.overall=0 profile.gaussian_rs.min_spots.per_degree=0
  timed "dials.export" dials.export integrated.expt integrated.refl intensity=sum mtz.hklout=integrated.mtz
done
rm -rf "$T"
