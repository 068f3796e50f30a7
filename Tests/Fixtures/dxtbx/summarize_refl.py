#!/usr/bin/python3
"""Write a small JSON summary of a DIALS reflection file (msgpack .refl).

    /usr/bin/python3 summarize_refl.py lcys1_strong.refl lcys1_strong_summary.json

Column values come from dials.array_family.flex.reflection_table; the column
type names ("int6", "std::size_t", "vec3<double>", "Shoebox<>", ...) are the
strings stored in the msgpack file itself, read with python3-msgpack.
Layout of the file: ["dials::af::reflection_table", VERSION,
{"identifiers": {id: str}, "nrows": N, "data": {name: [type_name, payload]}}],
where payload is [N, <bin: packed little-endian elements>] for plain columns.
"""

from __future__ import annotations

import json
import sys

import msgpack

from dials.array_family import flex


def jsonable(value):
    if isinstance(value, (tuple, list)):
        return [jsonable(v) for v in value]
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    if hasattr(value, "bbox"):  # Shoebox: summarise, don't dump voxels
        return {
            "panel": value.panel,
            "bbox": list(value.bbox),
            "data_size": int(value.data.size()),
            "data_sum": float(flex.sum(value.data)) if value.data.size() else 0.0,
            "mask_sum": int(flex.sum(value.mask.as_1d())) if value.mask.size() else 0,
        }
    return repr(value)


def main(refl_path: str, out_path: str) -> None:
    with open(refl_path, "rb") as f:
        raw = msgpack.unpackb(f.read(), raw=False, strict_map_key=False)
    magic, version, body = raw
    types = {name: col[0] for name, col in body["data"].items()}
    payload_bytes = {}
    for name, col in body["data"].items():
        payload = col[1]
        if isinstance(payload, list) and len(payload) == 2:
            payload_bytes[name] = len(payload[1])
        else:
            payload_bytes[name] = len(payload)

    table = flex.reflection_table.from_file(refl_path)
    summary = {
        "file": refl_path.split("/")[-1],
        "msgpack_magic": magic,
        "msgpack_version": version,
        "nrows": int(body["nrows"]),
        "table_size": table.size(),
        "identifiers": {str(k): v for k, v in table.experiment_identifiers()},
        "columns": {
            name: {
                "msgpack_type": types[name],
                "flex_type": type(table[name]).__name__,
                "payload_bytes": payload_bytes[name],
                "first_3_rows": [jsonable(table[name][i]) for i in range(3)],
            }
            for name in sorted(table.keys())
        },
    }
    with open(out_path, "w") as f:
        json.dump(summary, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
