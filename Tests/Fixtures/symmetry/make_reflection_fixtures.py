"""Reflection properties of the 230 standard settings from cctbx (Debian python3-cctbx), the
fixture for Tests/MXSymmetryTests/SpaceGroupTests.swift. For each number, one character per
index h, k, l in -3..3 (l fastest): 'A' absent, else epsilon e as chr(48 + e)
('1' for 1), or as chr(96 + e) ('a' for 1) when centric. Run: /usr/bin/python3 make_reflection_fixtures.py"""
import json
from cctbx import sgtbx
out = {}
for n in range(1, 231):
    g = sgtbx.space_group_info(number=n).group()
    s = []
    for h in range(-3, 4):
        for k in range(-3, 4):
            for l in range(-3, 4):
                if (h, k, l) == (0, 0, 0):
                    s.append("0"); continue
                if g.is_sys_absent((h, k, l)):
                    s.append("A"); continue
                e = g.epsilon((h, k, l))
                s.append(chr(ord("a") + e - 1) if g.is_centric((h, k, l)) else chr(ord("0") + e))
    out[str(n)] = "".join(s)
print(json.dumps(out, indent=0))
