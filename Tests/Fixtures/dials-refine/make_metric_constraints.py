"""Writes metric_constraints.json: for every Hall symbol in cctbx's table of space-group settings
(plus some non-standard settings with change-of-basis operators), the number of distinct rotation
parts, and the reciprocal-space metric constraints of cctbx's tensor_rank_2_constraints
(independent parameter indices and the expansion of each independent parameter into the six
metric elements g0..g5 = a*.a*, b*.b*, c*.c*, a*.b*, a*.c*, b*.c*)."""
import json

from cctbx import sgtbx

symbols = []
for s in sgtbx.space_group_symbol_iterator():
    symbols.append(s.hall())
extra = []
for hm, cb in [("P 1 21 1", "z,x,y"), ("P 1 2 1", "x-y,x+y,z"), ("P 4", "y,z,x"), ("P 3", "z,x,y"),
               ("P 2 2 2", "x+y,x-y,z"), ("C 1 2 1", "-x,y,-x+z"), ("P 6", "x,y,z+1/4")]:
    info = sgtbx.space_group_info(hm).change_basis(sgtbx.change_of_basis_op(cb))
    extra.append(info.type().hall_symbol())
for h in extra + [" P 3x 2\"", " P 2 3", " P 4 3", " P 2x 2 3", "-R 3 2\""]:
    if h not in symbols:
        symbols.append(h)

out = []
for h in symbols:
    sg = sgtbx.space_group(h)
    c = sgtbx.tensor_rank_2_constraints(space_group=sg, reciprocal_space=True)
    cols = []
    for i in range(c.n_independent_params()):
        v = [0.0] * c.n_independent_params()
        v[i] = 1.0
        cols.append([x + 0.0 for x in c.all_params(independent_params=tuple(v))])
    nrot = len(set(tuple(op.r().num()) for op in sg.all_ops()))
    out.append({"hall": h, "rotations": nrot, "independent": list(c.independent_indices),
                "expansion": cols})
with open("metric_constraints.json", "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(len(out))
