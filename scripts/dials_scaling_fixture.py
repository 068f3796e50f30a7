#!/usr/bin/python3
"""What dials.scale scaled, what it found, and the merging statistics dials.merge printed.

Usage: dials_scaling_fixture.py scaled.expt scaled.refl merge.json OUTDIR

Writes OUTDIR/observations.bin: one 28-byte little-endian record per reflection dials.scale used
(not bad_for_scaling), in scaled.refl's order:
    uint8 dataset id, int16 h, k, l (as indexed after cosym),
    float32 intensity, variance (intensity.sum / partiality times lp/qe, the values dials.scale
        started from, before any error model),
    float32 phi (degrees, of xyzobs.px z), d (Angstrom, DIALS's column),
    float32 inverse_scale_factor, uint8 outlier_in_scaling
and OUTDIR/scaling.json: per dataset the scan's oscillation range (degrees) and DIALS's model
parameters; the error model (a, b); the space group, the median cell dials.merge used and
merge.json's non-anomalous overall and per-shell statistics. Read by Tests/MXScalingTests.
"""
import json
import sys

import numpy as np

from dials.algorithms.scaling.scaling_library import determine_best_unit_cell
from dials.array_family import flex
from dxtbx.model.experiment_list import ExperimentListFactory

expt, refl, merge_json, out = sys.argv[1:5]
experiments = ExperimentListFactory.from_json_file(expt, check_format=False)
reflections = flex.reflection_table.from_file(refl)
used = reflections.select(~reflections.get_flags(reflections.flags.bad_for_scaling, all=False))
conversion = used["lp"] / used["qe"] / used["partiality"]
intensity = used["intensity.sum.value"] * conversion
variance = used["intensity.sum.variance"] * flex.pow2(conversion)
assert flex.max(flex.abs(intensity / used["intensity.scale.value"] - 1)) < 1e-9
z = used["xyzobs.px.value"].parts()[2]
ids = used["id"]
phi = flex.double(used.size())
for i, e in enumerate(experiments):
    sel = ids == i
    angles = flex.double([e.scan.get_angle_from_array_index(v, deg=True) for v in z.select(sel)])
    phi.set_selected(sel.iselection(), angles)
record = np.dtype([("id", "<u1"), ("hkl", "<i2", 3), ("intensity", "<f4"), ("variance", "<f4"),
                   ("phi", "<f4"), ("d", "<f4"), ("g", "<f4"), ("outlier", "<u1")])
rows = np.zeros(used.size(), dtype=record)
rows["id"] = ids.as_numpy_array()
rows["hkl"] = np.array(list(used["miller_index"]), dtype=np.int16)
rows["intensity"] = intensity.as_numpy_array()
rows["variance"] = variance.as_numpy_array()
rows["phi"] = phi.as_numpy_array()
rows["d"] = used["d"].as_numpy_array()
rows["g"] = used["inverse_scale_factor"].as_numpy_array()
rows["outlier"] = used.get_flags(used.flags.outlier_in_scaling).as_numpy_array()
rows.tofile(f"{out}/observations.bin")

with open(expt) as f:
    models = json.load(f)["scaling_model"]
with open(merge_json) as f:
    report = json.load(f)
stats = report[next(iter(report))]["merging_stats"]
keep = ["n_obs", "n_uniq", "i_over_sigma_mean", "cc_one_half", "r_meas", "r_merge"]
cell = determine_best_unit_cell(experiments)
with open(f"{out}/scaling.json", "w") as f:
    json.dump(
        {
            "observations": int(used.size()),
            "record_bytes": record.itemsize,
            "hall": experiments[0].crystal.get_space_group().type().hall_symbol(),
            "unit_cell": list(cell.parameters()),
            "datasets": [
                {
                    "oscillation_range": list(e.scan.get_oscillation_range(deg=True)),
                    "scale_parameters": list(m["scale"]["parameters"]),
                    "decay_parameters": list(m["decay"]["parameters"]),
                }
                for e, m in zip(experiments, models)
            ],
            "error_model": models[0]["configuration_parameters"]["error_model_parameters"],
            "merging_overall": {k: stats["overall"][k] for k in keep},
            "merging_shells": {k: stats[k] for k in ["d_star_sq_min", "n_obs", "i_over_sigma_mean", "cc_one_half"]},
        },
        f,
        indent=1,
    )
