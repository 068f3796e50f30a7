#!/usr/bin/python3
"""Compare DIALS's processing of a simulated data set with the simulator's truth.

Usage: /usr/bin/python3 compare_with_truth.py IMAGEDIR WORKDIR
IMAGEDIR holds `mxtriage simulate` output (truth.json); WORKDIR is where
../shared/tools/dials_tutorial.sh IMAGEDIR WORKDIR ran DIALS. Prints, per sweep, the
population, DIALS's status, the refined cell against the true one, and RMSDs; then the joint
refinement's detector distance and beam centre against the true and header values.
Needs Debian's python3-dials (dxtbx).
"""
import json
import os
import re
import sys

from dxtbx.model.experiment_list import ExperimentListFactory

image_dir, work_dir = sys.argv[1], sys.argv[2]
truth = json.load(open(os.path.join(image_dir, "truth.json")))
by_template = {s["template"]: s for s in truth["sweeps"]}
status = {}
for line in open(os.path.join(work_dir, "status.txt")):
    num, *rest = line.split()
    status[int(num)] = " ".join(rest)
templates = {}
for line in open(os.path.join(work_dir, "templates.txt")):
    num, template = line.split()
    templates[int(num)] = os.path.basename(template)

print("seq  template            group    DIALS status          a (Å) rel.err   c (Å) rel.err   RMSD x/y px  z img")
worst = 0.0
for num in sorted(templates):
    template = templates[num]
    s = by_template[template]
    refined = os.path.join(work_dir, "sequence_%02d" % num, "refined.expt")
    row = "%3d  %-18s  %-7s  %-20s" % (num, template, s["group"], status.get(num, "?"))
    if os.path.exists(refined):
        crystal = ExperimentListFactory.from_json_file(refined, check_format=False)[0].crystal
        a, b, c = crystal.get_unit_cell().parameters()[:3]
        ea = (a - s["unit_cell"][0]) / s["unit_cell"][0] * 100
        ec = (c - s["unit_cell"][2]) / s["unit_cell"][2] * 100
        worst = max(worst, abs(ea), abs(ec))
        log = open(os.path.join(work_dir, "sequence_%02d" % num, "dials.refine.log")).read()
        m = re.findall(r"\|\s+0 \|\s+\d+ \|\s+([\d.]+) \|\s+([\d.]+) \|\s+([\d.]+) \|", log)
        rmsd = "%s/%s  %s" % m[-1] if m else ""
        row += "  %7.3f %+.3f%%  %7.3f %+.3f%%   %s" % (a, ea, c, ec, rmsd)
    print(row)
print("largest |relative cell error| of refined sweeps: %.3f %%" % worst)

joint = os.path.join(work_dir, "joint", "refined.expt")
if os.path.exists(joint):
    el = ExperimentListFactory.from_json_file(joint, check_format=False)
    panel, beam = el[0].detector[0], el[0].beam
    x, y = panel.get_ray_intersection(beam.get_s0())
    px = panel.millimeter_to_pixel((x, y))
    t, h = truth["true_geometry"], truth["header_geometry"]
    print("joint refinement of %d experiments:" % len(el))
    print("  distance %.4f mm (true %.4f, header %.4f): error %+.4f mm"
          % (panel.get_distance(), t["distance_mm"], h["distance_mm"], panel.get_distance() - t["distance_mm"]))
    print("  beam centre %.3f, %.3f px (true %.3f, %.3f; header %.3f, %.3f): error %+.3f, %+.3f px"
          % (px[0], px[1], *t["beam_centre_px"], *h["beam_centre_px"],
             px[0] - t["beam_centre_px"][0], px[1] - t["beam_centre_px"][1]))
