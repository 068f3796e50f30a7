"""Le Page settings from cctbx/rstbx (Debian python3-cctbx / python3-dials), the fixture for
Tests/MXSymmetryTests/LatticeSearchTests.swift. Run: /usr/bin/python3 make_lattice_fixtures.py"""
import json
from cctbx import uctbx
from rstbx.dps_core.lepage import iotbx_converter

cells = {
    "thaumatin_distorted": (57.88, 57.75, 150.03, 90.10, 89.93, 90.05),
    "lysozyme": (79.1, 79.1, 37.9, 90, 90, 90),
    "insulin_niggli": (67.550, 67.550, 67.550, 109.471, 109.471, 109.471),
    "c2_small_beta_niggli": (60.000, 67.082, 80.000, 103.385, 90.000, 116.565),
    "i2_niggli": (76.000, 91.851, 91.851, 77.514, 72.619, 72.619),
    "trypsin": (54.9, 58.6, 67.6, 90, 90, 90),
    "teha_niggli": (72.717, 72.717, 72.717, 84.943, 84.943, 84.943),
    "hexagonal_p61": (80.2, 80.2, 120.5, 90, 90, 120),
    "triclinic": (40.1, 52.3, 61.7, 81.2, 77.9, 69.4),
    "cubic_p": (50.0, 50.02, 49.98, 90.02, 89.97, 90.01),
    "cubic_f_niggli": (70.71, 70.71, 70.71, 60, 60, 60),
    "orthorhombic_c_niggli": (55.0, 55.0, 90.0, 90.0, 90.0, 70.0),
}
out = {}
for name, p in cells.items():
    uc = uctbx.unit_cell(p)
    rows = []
    for s in iotbx_converter(uc, 5.0, best_monoclinic_beta=True):
        cell = s["best_subsym"].unit_cell().parameters()
        rows.append({
            "bravais": str(s["bravais"]),
            "metric_fit": s["max_angular_difference"],
            "cb_op": str(s["cb_op_inp_best"]),
            "unit_cell": list(cell),
            "space_group": str(s["best_subsym"].space_group_info()),
        })
    out[name] = {"input": list(p), "settings": rows}
print(json.dumps(out, indent=1))
