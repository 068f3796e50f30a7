#!/usr/bin/python3
"""The input dials.merge computes its merging statistics from, and the statistics it printed.

Usage: dials_merging_fixture.py scaled.expt scaled.refl merge.json OUTDIR

Applies dials.merge's own filter (dials.util.filter_reflections, intensity.scale, partiality
0.4, partials combined) and builds its scaled miller array (scaling_library), then writes
OUTDIR/merge_input.refl (miller_index as given, intensity = I/g, variance = sigma^2/g^2, in the
array's order), OUTDIR/merge_input.json (the mean unit cell dials.merge used, the space group)
and OUTDIR/merging_stats.json (merge.json's non-anomalous merging statistics, per shell and
overall). mxtriage's MergingStatistics is compared
with these in Tests/MXMergingTests.
"""
import json
import sys

from dials.algorithms.scaling.scaling_library import (
    determine_best_unit_cell,
    scaled_data_as_miller_array,
)
from dials.array_family import flex
from dials.util.filter_reflections import filter_reflection_table
from dxtbx.model.experiment_list import ExperimentListFactory

expt, refl, merge_json, out = sys.argv[1:5]
experiments = ExperimentListFactory.from_json_file(expt, check_format=False)
reflections = flex.reflection_table.from_file(refl)
cell = determine_best_unit_cell(experiments)
reflections["d"] = cell.d(reflections["miller_index"])
for e in experiments:
    e.crystal.unit_cell = cell
table = filter_reflection_table(
    reflections, intensity_choice=["scale"], combine_partials=True, partiality_threshold=0.4
)
table["inverse_scale_factor"] = flex.double(table.size(), 1.0)
array = scaled_data_as_miller_array([table], experiments, cell)
written = flex.reflection_table()
written["miller_index"] = array.indices()
written["intensity"] = array.data()
written["variance"] = flex.pow2(array.sigmas())
written.as_file(f"{out}/merge_input.refl")
with open(f"{out}/merge_input.json", "w") as f:
    json.dump(
        {
            "unit_cell": list(cell.parameters()),
            "space_group": str(array.space_group_info()),
            "hall": array.space_group().type().hall_symbol(),
            "observations": array.size(),
        },
        f,
        indent=1,
    )
with open(merge_json) as f:
    report = json.load(f)
wavelength = next(iter(report))
keep = ["d_star_sq_min", "d_star_sq_max", "n_obs", "n_uniq", "multiplicity", "completeness", "i_mean",
        "i_over_sigma_mean", "r_merge", "r_meas", "r_pim", "cc_one_half", "cc_one_half_critical_value"]
stats = report[wavelength]["merging_stats"]
trimmed = {k: stats[k] for k in keep}
trimmed["overall"] = {k: stats["overall"][k] for k in keep}
with open(f"{out}/merging_stats.json", "w") as f:
    json.dump(trimmed, f, indent=1)

