#!/usr/bin/python3
"""Per-sweep cells of one simulated preset: the truth, mxtriage (summary.json: individual and,
after `mxtriage joint`, joint cells) and DIALS (sequence_NN/refined.expt of dials_tutorial.sh),
matched by image template; then one table row per preset: sweeps reaching an MTZ, the mean
over the main group of the largest relative error of a, b, c against the truth (mxtriage
individual, mxtriage joint, DIALS individual), and how many mxtriage MTZ files gemmi reads
with the preset's space group.

Usage: compare_preset_cells.py IMAGEDIR MXTRIAGE_WORKDIR DIALS_WORKDIR   (DIALS's Python: dxtbx, gemmi)
"""
import glob, json, os, sys

import gemmi
from dxtbx.model.experiment_list import ExperimentListFactory

images, ours, theirs = sys.argv[1:4]
truth = json.load(open(os.path.join(images, "truth.json")))
by_template = {s["template"]: s for s in truth["sweeps"]}
summary = json.load(open(os.path.join(ours, "summary.json")))


def relative_error(cell, true):
    return max(abs(c - t) / t for c, t in zip(cell[:3], true[:3]))


ours_cells, dials_cells, gemmi_ok, ours_mtz = {}, {}, 0, 0
template_of = {s["number"]: s["template"] for s in summary["sequences"]}
joint = summary.get("joint", {})
joint_cells = {template_of[n]: c for n, c in zip(joint.get("sequences", []), joint.get("cells", []))}
for s in summary["sequences"]:
    if s.get("cell"):
        mtz = os.path.join(ours, "sequence_%02d" % s["number"], "integrated.mtz")
        if os.path.exists(mtz):
            ours_mtz += 1
            ours_cells[s["template"]] = s["cell"]
            if gemmi.read_mtz_file(mtz).spacegroup.hm == gemmi.SpaceGroup(truth["space_group"]).hm:
                gemmi_ok += 1
for d in sorted(glob.glob(os.path.join(theirs, "sequence_*"))):
    if not os.path.exists(os.path.join(d, "integrated.mtz")):
        continue
    el = ExperimentListFactory.from_json_file(os.path.join(d, "refined.expt"), check_format=False)
    template = os.path.basename(el[0].imageset.get_template())
    dials_cells[template] = list(el[0].crystal.get_unit_cell().parameters())

print("%-20s %-12s %-40s %-40s %s" % ("template", "group", "truth", "mxtriage", "DIALS"))
errors = {"mxtriage": [], "joint": [], "DIALS": []}
for template, s in sorted(by_template.items()):
    fmt = lambda c: " ".join("%.2f" % x for x in c) if c else "-"
    print("%-20s %-12s %-40s %-40s %s" % (template, s["group"], fmt(s["unit_cell"]), fmt(ours_cells.get(template)),
                                            fmt(dials_cells.get(template))))
    if s["group"] == "main":
        for name, cells in (("mxtriage", ours_cells), ("joint", joint_cells), ("DIALS", dials_cells)):
            if template in cells:
                errors[name].append(relative_error(cells[template], s["unit_cell"]))
non_blank = sum(1 for s in by_template.values() if s["group"] != "blank")
mean = lambda xs: 100 * sum(xs) / len(xs) if xs else float("nan")
print("ROW | %s | %s | %d/%d | %d/%d | %.3f %% | %.3f %% | %.3f %% | %d/%d |" % (
    truth["preset"], truth["space_group"], ours_mtz, non_blank, len(dials_cells), non_blank,
    mean(errors["mxtriage"]), mean(errors["joint"]), mean(errors["DIALS"]), gemmi_ok, ours_mtz))
