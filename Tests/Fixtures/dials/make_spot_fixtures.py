"""Runs dials.find_spots on the real-data imports and writes the small JSON fixtures the
MXSpotFinding tests compare against. Usage (Debian's python3-dials):

    /usr/bin/python3 Tests/Fixtures/dials/make_spot_fixtures.py

It works in a fresh temporary directory, reads the imported.expt files DIALS wrote for
Tests/Fixtures/dxtbx (their image paths point into /work/shared/data/real) and writes
Tests/Fixtures/dials/{l_cysteine,thaumatin}_find_spots.json.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

from dials.array_family import flex

HERE = os.path.dirname(os.path.abspath(__file__))
DXTBX = os.path.join(HERE, "..", "dxtbx")


def find_spots(expt):
    """Runs dials.find_spots (defaults, nproc=2); returns the table and the log."""
    work = tempfile.mkdtemp(prefix="dials-spots-")
    subprocess.run(["dials.find_spots", expt, "nproc=2"], cwd=work, check=True,
                   stdout=subprocess.DEVNULL)
    with open(os.path.join(work, "dials.find_spots.log")) as f:
        log = f.read()
    table = flex.reflection_table.from_file(os.path.join(work, "strong.refl"))
    return table, log


def strong_pixels_per_imageset(log):
    """[[count per image] per imageset] from the "Found N strong pixels on image i" lines."""
    out = []
    for block in re.split(r"Finding strong spots in imageset \d+", log)[1:]:
        out.append([int(n) for n in re.findall(r"Found (\d+) strong pixels on image \d+", block)])
    return out


def spot_columns(table):
    return {
        "xyzobs.px.value": [list(v) for v in table["xyzobs.px.value"]],
        "xyzobs.px.variance": [list(v) for v in table["xyzobs.px.variance"]],
        "bbox": [list(b) for b in table["bbox"]],
        "intensity.sum.value": list(table["intensity.sum.value"]),
        "n_signal": list(table["n_signal"]),
    }


def l_cysteine():
    table, log = find_spots(os.path.join(DXTBX, "l_cysteine_imported.expt"))
    pixels = strong_pixels_per_imageset(log)
    sweeps = []
    for i in range(4):
        sel = table.select(table["id"] == i)
        sweeps.append({"strong_pixels_per_image": pixels[i], "spots": spot_columns(sel)})
    return {"command": "dials.find_spots l_cysteine_imported.expt nproc=2", "sweeps": sweeps}


def thaumatin(images=(1, 14, 15)):
    table, log = find_spots(os.path.join(DXTBX, "thaumatin_imported.expt"))
    ids = table["id"]
    per_image = [ids.count(i) for i in range(19)]
    spots = {}
    for n in images:
        spots[str(n)] = spot_columns(table.select(ids == n - 1))
    return {"command": "dials.find_spots thaumatin_imported.expt nproc=2",
            "strong_pixels_per_image": strong_pixels_per_imageset(log)[0],
            "spots_per_image": per_image, "spots_on_images": spots}


def main():
    for name, make in (("l_cysteine", l_cysteine), ("thaumatin", thaumatin)):
        data = make()
        data["dials"] = "DIALS 3.12 (Debian python3-dials 3.12.1)"
        with open(os.path.join(HERE, name + "_find_spots.json"), "w") as f:
            json.dump(data, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
