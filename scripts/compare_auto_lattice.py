#!/usr/bin/python3
"""One Markdown row for a preset processed without --space-group: the true space group; the
lattice and group the session chose (summary.json) with its support; on how many sweeps
dials.refine_bravais_settings, run on the same P 1 files, recommends that lattice (its mI
counted as mC, the same Bravais lattice in another setting); sweeps
reaching an MTZ of the non-blank ones; the mean over the main group of the largest relative
error of a, b, c against the truth; how many MTZ files gemmi reads with the chosen group; the
wall time of `mxtriage process`.

Usage: compare_auto_lattice.py IMAGEDIR MXTRIAGE_WORKDIR BRAVAIS_OUTDIR SECONDS   (DIALS's Python: gemmi)
"""
import glob, json, os, sys

import gemmi

images, ours, bravais, seconds = sys.argv[1:5]
truth = json.load(open(os.path.join(images, "truth.json")))
by_template = {s["template"]: s for s in truth["sweeps"]}
summary = json.load(open(os.path.join(ours, "summary.json")))
lattice = summary.get("lattice") or {}
chosen, group = lattice.get("lattice", "-"), lattice.get("spaceGroup", "-")

best = []
for path in sorted(glob.glob(os.path.join(bravais, "sequence_*", "dials", "bravais_summary.json"))):
    rows = json.load(open(path))
    label = next((r["bravais"] for _, r in sorted(rows.items(), key=lambda kv: -int(kv[0])) if r["recommended"]), "-")
    # DIALS names a monoclinic lattice in its body-centred setting mI; the lattice is mC.
    best.append("mC" if label == "mI" else label)

mtz, gemmi_ok, errors = 0, 0, []
for s in summary["sequences"]:
    path = os.path.join(ours, "sequence_%02d" % s["number"], "integrated.mtz")
    if not (s.get("cell") and os.path.exists(path)):
        continue
    mtz += 1
    if gemmi.read_mtz_file(path).spacegroup.hm == gemmi.SpaceGroup(group).hm:
        gemmi_ok += 1
    t = by_template.get(s["template"])
    if t and t["group"] == "main":
        errors.append(max(abs(c - x) / x for c, x in zip(s["cell"][:3], t["unit_cell"][:3])))
non_blank = sum(1 for s in by_template.values() if s["group"] != "blank")
mean = 100 * sum(errors) / len(errors) if errors else float("nan")
print("| %s | %s | %s · %s (%s/%s) | %d/%d | %d/%d | %.3f %% | %d/%d | %.1f s |" % (
    truth["preset"], truth["space_group"], chosen, group, lattice.get("supporting", 0), lattice.get("crystals", 0),
    sum(b == chosen for b in best), len(best), mtz, non_blank, mean, gemmi_ok, mtz, float(seconds)))
