#!/bin/bash
# Times mxtriage and DIALS on the same sweep, same machine, same run: spot finding, then
# indexing in P 1 and in H 3 from the P 1 orientation. Prints wall seconds and peak RSS (MB).
# Usage: scripts/compare-speed-with-dials.sh 'IMAGE_GLOB' WORKDIR [NPROC]
set -u
M=$(cd "$(dirname "$0")/.." && pwd)/.build/release/mxtriage
GLOB=$1; WD=$2; NPROC=${3:-2}
rm -rf "$WD"; mkdir -p "$WD/mxtriage" "$WD/dials"
timed() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o /tmp/timed.$$ "$@" > /dev/null 2>&1 || echo "$label FAILED"
  read -r secs kb < /tmp/timed.$$; printf "%-34s %7.2f s  %6d MB\n" "$label" "$secs" $((kb / 1024))
}
cd "$WD/mxtriage" && $M import $GLOB > /dev/null
timed "mxtriage find-spots" $M find-spots imported.expt --nproc "$NPROC"
timed "mxtriage index (P 1)" $M index imported.expt strong.refl --output-experiments P1_models.expt
timed "mxtriage index (H 3)" $M index P1_models.expt strong.refl --space-group "H 3"
cd "$WD/dials" && dials.import $GLOB > /dev/null 2>&1
timed "dials.find_spots" dials.find_spots imported.expt nproc="$NPROC"
timed "dials.index (P 1)" dials.index imported.expt strong.refl output.experiments=P1_models.expt
timed "dials.index (H 3)" dials.index P1_models.expt strong.refl space_group='H 3'
