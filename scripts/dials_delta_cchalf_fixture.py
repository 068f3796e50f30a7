#!/usr/bin/python3
"""The input dials.compute_delta_cchalf analyses, and the ΔCC½ per dataset it finds.

Usage: dials_delta_cchalf_fixture.py scaled.expt scaled.refl OUTDIR

Reads the data as dials.compute_delta_cchalf does (CCHalfFromDials.read_experiments: the scaled
intensities of dials.util.filter_reflections, the mean unit cell, dataset mode), runs DIALS's
PerGroupCChalfStatistics on them, and writes OUTDIR/delta_cchalf_input.refl (miller_index,
intensity, variance, group) and OUTDIR/delta_cchalf.json (mean CC½, ΔCC½ per group, the cell
and the space group). Compared with mxtriage's DeltaCCHalf in Tests/MXMergingTests.
"""
import json
import sys

from dials.algorithms.statistics.cc_half_algorithm import CCHalfFromDials
from dials.algorithms.statistics.delta_cchalf import PerGroupCChalfStatistics
from dials.array_family import flex
from dxtbx.model.experiment_list import ExperimentListFactory

expt, refl, out = sys.argv[1:4]
experiments = ExperimentListFactory.from_json_file(expt, check_format=False)
reflections = flex.reflection_table.from_file(refl)
table, cell, group = CCHalfFromDials.read_experiments(experiments, reflections)
table["group"] = table["dataset"]
written = flex.reflection_table()
for column in ("miller_index", "intensity", "variance", "group"):
    written[column] = table[column]
written.as_file(f"{out}/delta_cchalf_input.refl")
statistics = PerGroupCChalfStatistics(table, cell, group, None, None, 10)
statistics.run()
with open(f"{out}/delta_cchalf.json", "w") as f:
    json.dump(
        {
            "unit_cell": list(cell.parameters()),
            "hall": group.type().hall_symbol(),
            "mean_cc_half": statistics.mean_cchalf(),
            "delta_cc_half": {str(k): v for k, v in sorted(statistics.delta_cchalf_i().items())},
        },
        f,
        indent=1,
    )
