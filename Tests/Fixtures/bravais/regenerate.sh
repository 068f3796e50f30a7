#!/bin/sh
# Regenerates the dials.refine_bravais_settings fixture from sweep 1 of the real L-cysteine data
# (/work/shared/data/real/l_cysteine, see PROVENANCE.md there) with Debian's python3-dials 3.12.
# The images are not copied; indexed.expt refers to them by absolute path.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
PATH=/usr/bin:$PATH
dials.import /work/shared/data/real/l_cysteine/l-cyst_01_000*.cbf.bz2
dials.find_spots imported.expt
dials.index imported.expt strong.refl
dials.refine_bravais_settings indexed.expt indexed.refl
cp indexed.expt indexed.refl bravais_summary.json "$here/"
# The table as DIALS prints it (the lines from its header rule to the recommendation note).
sed -n '/^+-----/,/^\* = recommended solution/p' dials.refine_bravais_settings.log > "$here/dials_table.txt"
