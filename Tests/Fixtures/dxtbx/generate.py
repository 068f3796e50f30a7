#!/usr/bin/python3
"""Generate per-image expected-value fixtures from dxtbx (the reference implementation).

Run with Debian's python (which has dxtbx/DIALS installed), not a virtualenv:

    /usr/bin/python3 Tests/Fixtures/dxtbx/generate.py [DATA_DIR]

DATA_DIR defaults to /work/shared/data/real. For every image file under
DATA_DIR/{l_cysteine,thaumatin_grid_i24,single_frames} one JSON file is written
next to this script, named after the path relative to DATA_DIR with "/" replaced
by "__" and the .bz2/.gz suffix dropped, e.g. l_cysteine__l-cyst_01_00001.cbf.json.

Each JSON holds (see README.md for the meaning of every key):
  file, format_class, format_mro, imageset_type
  beam / detector / goniometer / scan          -- the models' to_dict() output
  goniometer_derived                            -- rotation axis, fixed & setting rotation
  panels[i].px_mm                               -- px<->mm conversions at fixed points
  pixels[i]                                     -- checksums and statistics of get_raw_data()
  timing                                        -- get_raw_data() wall-clock seconds
No pixel arrays are stored.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

import dxtbx.filecache_controller
import dxtbx.format.Format
from dxtbx.ext import uncompress
from dxtbx.format.FormatCBF import FormatCBF
from dxtbx.format.Registry import get_format_class_for_file
from dxtbx.model.experiment_list import ExperimentListFactory

SUBFOLDERS = ("l_cysteine", "thaumatin_grid_i24", "single_frames")
COMPRESSION_SUFFIXES = (".bz2", ".gz")


def fixture_name(relative_path: str) -> str:
    name = relative_path.replace("/", "__")
    for suffix in COMPRESSION_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name + ".json"


def image_files(data_dir: Path) -> list[Path]:
    files = []
    for sub in SUBFOLDERS:
        for path in sorted((data_dir / sub).iterdir()):
            if path.is_file() and not path.name.endswith(".md"):
                files.append(path)
    return files


def flush_file_cache() -> None:
    """dxtbx keeps the decompressed bytes of the last opened file in a global
    cache; replace it so that the next read starts from the compressed file."""
    dxtbx.format.Format._cache_controller = (
        dxtbx.filecache_controller.simple_controller()
    )


def as_tiles(raw) -> list:
    return list(raw) if isinstance(raw, tuple) else [raw]


def px_mm_record(panel) -> dict:
    """pixel_to_millimeter / millimeter_to_pixel at a few fixed positions.

    Positions are (fast, slow) pixel coordinates (dxtbx convention: pixel (i, j)
    covers [i, i+1) x [j, j+1)). "mm_to_px_of_nominal_mm" feeds the nominal mm
    position (px * pixel_size) to millimeter_to_pixel, so the parallax
    correction shows up as the difference from px."""
    nx, ny = panel.get_image_size()
    sx, sy = panel.get_pixel_size()
    points = {
        "origin": (0.0, 0.0),
        "fixed": (100.5, 200.25),
        "centre": (nx / 2.0, ny / 2.0),
        "far_corner": (float(nx), float(ny)),
    }
    strategy = panel.get_px_mm_strategy()
    record = {"strategy": type(strategy).__name__, "points": []}
    if hasattr(strategy, "mu"):
        record["strategy_mu"] = strategy.mu()
        record["strategy_t0"] = strategy.t0()
    for label, px in points.items():
        mm = panel.pixel_to_millimeter(px)
        nominal_mm = (px[0] * sx, px[1] * sy)
        record["points"].append(
            {
                "label": label,
                "px": list(px),
                "px_to_mm": list(mm),
                "mm_to_px_roundtrip": list(panel.millimeter_to_pixel(mm)),
                "nominal_mm": list(nominal_mm),
                "mm_to_px_of_nominal_mm": list(panel.millimeter_to_pixel(nominal_mm)),
                "lab_coord": list(panel.get_pixel_lab_coord(px)),
            }
        )
    return record


def sample_positions(ny: int, nx: int) -> list[tuple[int, int]]:
    """About ten fixed (slow, fast) positions, valid for any panel size."""
    return [
        (0, 0),
        (0, nx - 1),
        (ny - 1, 0),
        (ny - 1, nx - 1),
        (ny // 2, nx // 2),
        (min(100, ny - 1), min(200, nx - 1)),
        (ny // 3, nx // 3),
        ((2 * ny) // 3, (2 * nx) // 3),
        (ny // 4, (3 * nx) // 4),
        ((3 * ny) // 4, nx // 4),
    ]


def valid_stats(values: np.ndarray, keep: np.ndarray) -> dict:
    chosen = values[keep]
    if chosen.size == 0:
        return {"count": 0, "sum": 0, "max": None, "max_at": None}
    flat_index = int(np.argmax(np.where(keep, values, np.iinfo(np.int64).min)))
    slow, fast = divmod(flat_index, values.shape[1])
    return {
        "count": int(chosen.size),
        "sum": int(chosen.sum(dtype=np.int64)),
        "max": int(chosen.max()),
        "max_at": [slow, fast],  # first (row-major) position of the max, (slow, fast)
    }


def pixel_record(panel, tile, dxtbx_mask_tile) -> dict:
    data = tile.as_numpy_array()
    assert data.dtype == np.int32, data.dtype
    ny, nx = data.shape
    assert (nx, ny) == tuple(panel.get_image_size())
    values = data.astype(np.int64)
    lo, hi = panel.get_trusted_range()

    # Static mask = the panel's untrusted rectangles (x0, y0, x1, y1), half-open.
    static_ok = panel.get_untrusted_rectangle_mask().as_numpy_array()
    # dxtbx 3.11 imageset.get_mask(): static mask AND lo < v < hi (strict both ends).
    strict = static_ok & (values > lo) & (values < hi)
    # Same with an inclusive trusted range: lo <= v <= hi.
    inclusive = static_ok & (values >= lo) & (values <= hi)
    # Cross-check our reading of the rule against dxtbx's own mask.
    dxtbx_mask = dxtbx_mask_tile.as_numpy_array()
    assert np.array_equal(dxtbx_mask, strict), "mask rule mismatch"

    positions = sample_positions(ny, nx)
    return {
        "size_fast_slow": [nx, ny],
        "sha256_int32le_rowmajor": hashlib.sha256(
            np.ascontiguousarray(data, dtype="<i4").tobytes()
        ).hexdigest(),
        "trusted_range": [lo, hi],
        "count_eq_minus1": int((values == -1).sum()),
        "count_eq_minus2": int((values == -2).sum()),
        "count_lt_minus2": int((values < -2).sum()),
        "count_eq_trusted_max": int((values == hi).sum()),
        "count_gt_trusted_max": int((values > hi).sum()),
        "count_static_masked": int((~static_ok).sum()),
        "valid_strict": valid_stats(values, strict),
        "valid_inclusive": valid_stats(values, inclusive),
        "min": int(values.min()),
        "max": int(values.max()),
        "samples_slow_fast_value": [[s, f, int(data[s, f])] for s, f in positions],
    }


def best_of_3(run) -> float:
    times = []
    for _ in range(3):
        prepared = run()  # returns the callable to time, after untimed set-up
        t0 = time.perf_counter()
        prepared()
        times.append(time.perf_counter() - t0)
    return min(times)


def time_raw_data(format_class, path: str) -> dict:
    """Wall-clock seconds, best of 3 (see README.md).

    get_raw_data: file cache flushed, new Format instance made (untimed), then
      instance.get_raw_data() timed. NB full-CBF classes already read (and so
      decompress) the whole file while constructing the instance, miniCBF
      classes do it inside get_raw_data, so also:
    format_init: file cache flushed, format_class(path) timed.
    decompress: bz2/gzip decompression of the whole file in Python.
    byte_offset_decode: dxtbx.ext.uncompress of the packed pixel bytes only.
    """

    def raw_data_run():
        flush_file_cache()
        instance = format_class(path)
        return instance.get_raw_data

    def init_run():
        flush_file_cache()
        return lambda: format_class(path)

    compressed = Path(path).read_bytes()
    decompressor = {".bz2": bz2.decompress, ".gz": gzip.decompress}.get(
        Path(path).suffix, lambda b: b
    )
    data = decompressor(compressed)
    start = data.find(b"\x0c\x1a\x04\xd5") + 4
    header = FormatCBF._parse_cbf_header(data[: start - 4].decode("ascii", "ignore"))
    packed = data[start : start + header["size"]]

    return {
        "get_raw_data_best_of_3_s": best_of_3(raw_data_run),
        "format_init_best_of_3_s": best_of_3(init_run),
        "decompress_best_of_3_s": best_of_3(lambda: lambda: decompressor(compressed)),
        "byte_offset_decode_best_of_3_s": best_of_3(
            lambda: lambda: uncompress(
                packed=packed, fast=header["fast"], slow=header["slow"]
            )
        ),
        "compressed_bytes": len(compressed),
        "decompressed_bytes": len(data),
        "machine": f"{platform.machine()} {os.cpu_count()} cpus, "
        f"python {platform.python_version()}, dxtbx {dxtbx_version()}",
    }


def dxtbx_version() -> str:
    try:
        from importlib.metadata import version

        return version("dxtbx")
    except Exception:
        return "unknown"


def model_dict(model):
    return None if model is None else model.to_dict()


def goniometer_derived(gonio):
    if gonio is None:
        return None
    derived = {
        "class": type(gonio).__name__,
        "rotation_axis": list(gonio.get_rotation_axis()),
        "rotation_axis_datum": list(gonio.get_rotation_axis_datum()),
        "fixed_rotation": list(gonio.get_fixed_rotation()),
        "setting_rotation": list(gonio.get_setting_rotation()),
    }
    if hasattr(gonio, "get_scan_axis"):
        derived["scan_axis"] = gonio.get_scan_axis()
        derived["names"] = list(gonio.get_names())
    return derived


def fixture_for(path: Path, data_dir: Path) -> dict:
    relative = path.relative_to(data_dir).as_posix()
    format_class = get_format_class_for_file(str(path))
    instance = format_class(str(path))
    beam = instance.get_beam()
    detector = instance.get_detector()
    goniometer = instance.get_goniometer()
    scan = instance.get_scan()

    # The imageset dials.import would build for this single file; used for its
    # type and for dxtbx's own pixel mask (cross-check of the valid-pixel rule).
    imageset = ExperimentListFactory.from_filenames([str(path)]).imagesets()[0]
    dxtbx_mask = imageset.get_mask(0)

    tiles = as_tiles(instance.get_raw_data())
    assert len(tiles) == len(detector) == len(dxtbx_mask)

    return {
        "file": relative,
        "format_class": format_class.__name__,
        "format_mro": [c.__name__ for c in format_class.__mro__],
        "imageset_type": type(imageset).__name__,
        "beam": model_dict(beam),
        "detector": model_dict(detector),
        "goniometer": model_dict(goniometer),
        "goniometer_derived": goniometer_derived(goniometer),
        "scan": model_dict(scan),
        "panels": [
            {"index": i, "name": panel.get_name(), "px_mm": px_mm_record(panel)}
            for i, panel in enumerate(detector)
        ],
        "pixels": [
            dict(index=i, **pixel_record(panel, tile, dxtbx_mask[i]))
            for i, (panel, tile) in enumerate(zip(detector, tiles))
        ],
        "timing": time_raw_data(format_class, str(path)),
    }


def main() -> None:
    data_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/real")
    data_dir = data_dir.resolve()
    out_dir = Path(__file__).resolve().parent
    for path in image_files(data_dir):
        relative = path.relative_to(data_dir).as_posix()
        out = out_dir / fixture_name(relative)
        fixture = fixture_for(path, data_dir)
        out.write_text(json.dumps(fixture, indent=1, sort_keys=False) + "\n")
        print(f"{relative}: {fixture['format_class']} -> {out.name}", flush=True)


if __name__ == "__main__":
    main()
