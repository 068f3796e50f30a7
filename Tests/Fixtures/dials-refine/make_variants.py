"""Builds the refinement-start variants of the L-cysteine fixture with dxtbx (Debian python3-dials).

indexed_header.expt: the four indexed crystals, each experiment with its own copy of the
header detector and beam from imported.expt (so refinement has real work to do).
indexed_shared.expt: the four indexed crystals with the header models shared exactly as
dials.import shared them (one beam; sweeps 1-3 one detector, sweep 4 another).
"""
import copy
import sys

from dxtbx.model.experiment_list import ExperimentList, ExperimentListFactory

imported = ExperimentListFactory.from_json_file(sys.argv[1], check_format=False)
indexed = ExperimentListFactory.from_json_file(sys.argv[2], check_format=False)

header = ExperimentList()
shared = ExperimentList()
for imp, idx in zip(imported, indexed):
    e = copy.copy(idx)
    e.detector = copy.deepcopy(imp.detector)
    e.beam = copy.deepcopy(imp.beam)
    header.append(e)
    s = copy.copy(idx)
    s.detector = imp.detector
    s.beam = imp.beam
    shared.append(s)
header.as_file("indexed_header.expt")
shared.as_file("indexed_shared.expt")
