import Foundation
import MXGeometry
import MXImages

/// Decode throughput of one CBF frame by our byte-offset decoder, libcbf's
/// `cbf_get_integerarray`, on the same machine in the same run — the numbers behind the choice
/// of a native decoder. The steps it times (libcbf, MD5, the CBF layout) are MXImages' `package`
/// API: visible to this package's benchmarks, not to its users. `mxtriage bench decode` adds
/// dxtbx's rows (`DxtbxTiming`, which runs Python). It measures, it does not print.
public enum DecodeBenchmark {
    /// Wall-clock seconds of repeated runs of one step.
    public struct Timing: Sendable {
        public var name: String
        public var seconds: [Double]
        /// Pixels produced per run (0 for steps that produce none, e.g. MD5 alone).
        public var pixels: Int

        public init(name: String, seconds: [Double], pixels: Int) {
            self.name = name
            self.seconds = seconds
            self.pixels = pixels
        }

        public var best: Double { seconds.min() ?? .nan }
        public var median: Double {
            let s = seconds.sorted()
            return s.isEmpty ? .nan : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        /// Throughput of the best run, Mpixel/s (nil when the step produces no pixels).
        public var megapixelsPerSecond: Double? { pixels > 0 ? Double(pixels) / best / 1e6 : nil }
    }

    public struct Result: Sendable {
        public var path: String
        public var fast: Int
        public var slow: Int
        public var fileBytes: Int
        public var decompressedBytes: Int
        public var packedBytes: Int
        public var timings: [Timing]
    }

    /// Times each step `repetitions` times on the file at `path` (plain, .gz or .bz2).
    ///
    /// Steps: decompression into memory; header-only read; our decode with and without the
    /// Content-MD5 check; MD5 alone; libcbf's decode with and without its digest check
    /// (parsing the file with libcbf is done untimed first); the whole `CBFImage` read plus
    /// pixels.
    public static func run(path: String, repetitions: Int = 5) throws(ImageReadError) -> Result {
        let n = max(repetitions, 1)
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let bytes = try ImageFileBytes.read(path: path)
        let image = try CBFImage.read(path: path, imageIndex: 1)
        let binary = image.header.binary
        let pixels = binary.fast * binary.slow
        var timings: [Timing] = []

        timings.append(Timing(name: "read + decompress file", seconds: try repeatTimed(n) { () throws(ImageReadError) in
            _ = try ImageFileBytes.read(path: path)
        }, pixels: 0))
        timings.append(Timing(name: "header only (CBFHeader.read)", seconds: try repeatTimed(n) { () throws(ImageReadError) in
            _ = try CBFHeader.read(path: path, imageIndex: 1)
        }, pixels: 0))
        timings.append(Timing(name: "mxtriage decode, MD5 checked", seconds: try repeatTimed(n) { () throws(ImageReadError) in
            _ = try image.storedPixels(verifyDigest: true)
        }, pixels: pixels))
        timings.append(Timing(name: "mxtriage decode, no MD5", seconds: try repeatTimed(n) { () throws(ImageReadError) in
            _ = try image.storedPixels(verifyDigest: false)
        }, pixels: pixels))
        let layout = try layoutOf(bytes, path: path)
        timings.append(Timing(name: "MD5 of packed bytes alone", seconds: repeatTimed(n) {
            bytes.withUnsafeBytes { raw in
                _ = MD5.digest(UnsafeRawBufferPointer(rebasing: raw[layout.binaryStart..<(layout.binaryStart + binary.size)]))
            }
        }, pixels: 0))
        for checkDigest in [false, true] {
            var seconds: [Double] = []
            for _ in 0..<n {
                do throws(CBFProblem) {
                    let run = try LibCBFLock.serialized { () throws(CBFProblem) -> Double in
                        let handle = try bytes.withBytes { raw throws(CBFProblem) in try LibCBFHandle(text: raw, checkDigests: checkDigest) }
                        let start = ContinuousClock.now
                        _ = try LibCBFDecoder.decode(handle)
                        return elapsed(since: start)
                    }
                    seconds.append(run)
                } catch {
                    throw ImageReadError(path: path, reason: error.reason)
                }
            }
            timings.append(Timing(name: "libcbf cbf_get_integerarray" + (checkDigest ? ", MD5 checked" : ", no MD5"),
                                  seconds: seconds, pixels: pixels))
        }
        timings.append(Timing(name: "mxtriage CBFImage.read + pixels()", seconds: try repeatTimed(n) { () throws(ImageReadError) in
            _ = try CBFImage.read(path: path, imageIndex: 1).pixels()
        }, pixels: pixels))
        return Result(path: path, fast: binary.fast, slow: binary.slow, fileBytes: fileBytes,
                      decompressedBytes: bytes.count, packedBytes: binary.size, timings: timings)
    }

    private static func layoutOf(_ bytes: [UInt8], path: String) throws(ImageReadError) -> CBFLayout {
        do throws(CBFProblem) {
            return try bytes.withBytes { raw throws(CBFProblem) in try CBFLayout(raw) }
        } catch {
            throw ImageReadError(path: path, reason: error.reason)
        }
    }

    static func repeatTimed<E: Error>(_ n: Int, _ body: () throws(E) -> Void) throws(E) -> [Double] {
        var seconds: [Double] = []
        for _ in 0..<n {
            let start = ContinuousClock.now
            try body()
            seconds.append(elapsed(since: start))
        }
        return seconds
    }

    static func elapsed(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).seconds
    }
}
