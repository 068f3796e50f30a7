#!/bin/bash
# The whole tutorial on one directory of images, mxtriage and DIALS side by side, same machine,
# same cores, same run: individual processing of every sweep (import → spots → index P 1 →
# index H 3 → refine → integrate 7.0–8.1 Å → MTZ) with cluster analysis, then joint
# refinement. Prints wall seconds and peak RSS of each part.
# Usage: scripts/whole-set-vs-dials.sh IMAGEDIR WORKDIR [NPROC]
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
M=$ROOT/.build/release/mxtriage
IMG=$(readlink -f "$1"); WD=$2; NPROC=${3:-2}
rm -rf "$WD"; mkdir -p "$WD"; WD=$(readlink -f "$WD")
timed() {  # label, log, command...
  local label=$1 log=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$WD/timed.txt" "$@" > "$log" 2>&1 || echo "$label exited $?"
  read -r secs kb < "$WD/timed.txt"; printf "%-52s %8.1f s  %6d MB\n" "$label" "$secs" $((kb / 1024))
}
timed "mxtriage process (every sweep + cluster analysis)" "$WD/mxtriage-process.log" \
  "$M" process "$IMG" --workdir "$WD/mxtriage" --space-group "H 3" --nproc "$NPROC"
timed "mxtriage joint (combine, refine, integrate, split, export, cluster)" "$WD/mxtriage-joint.log" \
  "$M" joint "$WD/mxtriage"
timed "DIALS tutorial workflow (individual + joint)" "$WD/dials.log" \
  "$ROOT/../shared/tools/dials_tutorial.sh" "$IMG" "$WD/dials" "$NPROC"
echo "--- mxtriage"; tail -n 1 "$WD/mxtriage-process.log"; grep -E "Cluster analysis|Joint run .*done" "$WD/mxtriage-process.log" "$WD/mxtriage-joint.log"
echo "--- DIALS"; cat "$WD/dials/timing.txt"; grep -c ok "$WD/dials/status.txt" | sed 's/^/sweeps reaching an MTZ: /'
