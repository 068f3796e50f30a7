import Foundation
import MXImages

/// dxtbx's decode timed inside Debian's Python (/usr/bin/python3 — not a virtualenv's, which
/// lacks dxtbx): `dxtbx.ext.uncompress` on the packed bytes (each result freed before the next
/// run, so that like ours it decodes into recycled rather than freshly faulted memory), and the
/// format class's `get_raw_data()` with its file cache flushed (so it decompresses too). Empty when that
/// Python or dxtbx is missing, or the script fails: the benchmark then simply has no dxtbx rows.
public enum DxtbxTiming {
    static let python = "/usr/bin/python3"

    static let script = """
    import sys, time, json, bz2, gzip
    import dxtbx.format.Format, dxtbx.filecache_controller
    from dxtbx.ext import uncompress
    from dxtbx.format.FormatCBF import FormatCBF
    from dxtbx.format.Registry import get_format_class_for_file
    path, n = sys.argv[1], int(sys.argv[2])
    data = open(path, "rb").read()
    data = {"bz2": bz2.decompress, "gz": gzip.decompress}.get(path.rsplit(".", 1)[-1], lambda b: b)(data)
    start = data.find(b"\\x0c\\x1a\\x04\\xd5") + 4
    h = FormatCBF._parse_cbf_header(data[: start - 4].decode("ascii", "ignore"))
    packed = data[start : start + h["size"]]
    cls = get_format_class_for_file(path)
    out = {"uncompress": [], "get_raw_data": []}
    for _ in range(n):
        t = time.perf_counter(); x = uncompress(packed=packed, fast=h["fast"], slow=h["slow"])
        out["uncompress"].append(time.perf_counter() - t)
        del x
    for _ in range(n):
        dxtbx.format.Format._cache_controller = dxtbx.filecache_controller.simple_controller()
        instance = cls(path)
        t = time.perf_counter(); instance.get_raw_data()
        out["get_raw_data"].append(time.perf_counter() - t)
        del instance
    print(json.dumps(out))
    """

    public static func run(path: String, repetitions: Int, pixels: Int) -> [DecodeBenchmark.Timing] {
        guard FileManager.default.isExecutableFile(atPath: python) else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, path, String(repetitions)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return [] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let json = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [Double]] else { return [] }
        return [
            DecodeBenchmark.Timing(name: "dxtbx uncompress (packed bytes → flex.int)", seconds: json["uncompress"] ?? [], pixels: pixels),
            DecodeBenchmark.Timing(name: "dxtbx get_raw_data (incl. decompression)", seconds: json["get_raw_data"] ?? [], pixels: pixels),
        ]
    }
}
