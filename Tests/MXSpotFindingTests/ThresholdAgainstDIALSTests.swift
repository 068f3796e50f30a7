import Foundation
import MXGeometry
import MXImages
import XCTest
@testable import MXSpotFinding

/// Our thresholds against DIALS's compiled ones (`DispersionThreshold` and
/// `DispersionExtendedThreshold` from `dials.algorithms.image.threshold`) on random images with
/// Poisson backgrounds, spots, gaps, bad pixels, masks, overloads and edge spots, over both
/// algorithms, several kernel sizes, gains, min_local and global thresholds. The strong-pixel
/// sets must be identical, pixel for pixel.
final class ThresholdAgainstDIALSTests: XCTestCase {
    struct Case {
        var image: PixelImage
        var panel: Panel
        var parameters: SpotFindingParameters
    }

    static let script = """
    import json, sys
    from dials.algorithms.image import threshold
    from dials.array_family import flex
    out = []
    for c in json.load(open(sys.argv[1])):
        h, w = c["slow"], c["fast"]
        img = flex.double([float(v) for v in c["pixels"]]); img.reshape(flex.grid(h, w))
        mask = flex.bool([bool(m) for m in c["mask"]]); mask.reshape(flex.grid(h, w))
        cls = threshold.DispersionExtendedThreshold if c["algorithm"] == "dispersion_extended" else threshold.DispersionThreshold
        a = cls(img.all(), tuple(c["kernel"]), c["nsig_b"], c["nsig_s"], c["threshold"], c["min_local"])
        res = flex.bool(flex.grid(h, w))
        if c["gain"] is None:
            a(img, mask, res)
        else:
            a(img, mask, flex.double(flex.grid(h, w), c["gain"]), res)
        out.append(list(res.as_1d().iselection()))
    print(json.dumps(out))
    """

    /// A random panel image: Poisson background of the given mean, Gaussian spots (some at the
    /// edges), a −1 gap column and row, scattered −2 pixels, a static mask rectangle and a few
    /// overloaded or huge pixels.
    static func randomImage(seed: UInt64, fast: Int, slow: Int, background: Double) -> (PixelImage, Panel) {
        var rng = TestRandom(seed: seed)
        var px = [Int32](repeating: 0, count: fast * slow)
        for k in px.indices { px[k] = rng.poisson(background) }
        let spots = 6 + Int(rng.uniform() * 6)
        for n in 0..<spots {
            let cf = n == 0 ? 1.0 : Double(fast) * rng.uniform(), cs = n == 1 ? Double(slow) - 1.5 : Double(slow) * rng.uniform()
            let height = background * (2 + 30 * rng.uniform()) + 20 * rng.uniform()
            let sigma = 0.6 + 1.2 * rng.uniform()
            for s in max(0, Int(cs) - 5)..<min(slow, Int(cs) + 6) {
                for f in max(0, Int(cf) - 5)..<min(fast, Int(cf) + 6) {
                    let r2 = (Double(f) + 0.5 - cf) * (Double(f) + 0.5 - cf) + (Double(s) + 0.5 - cs) * (Double(s) + 0.5 - cs)
                    px[s * fast + f] += rng.poisson(height * exp(-r2 / (2 * sigma * sigma)))
                }
            }
        }
        let gapColumn = 10 + Int(rng.uniform() * Double(fast - 20)), gapRow = 10 + Int(rng.uniform() * Double(slow - 20))
        for s in 0..<slow { px[s * fast + gapColumn] = -1 }
        for f in 0..<fast { px[gapRow * fast + f] = -1 }
        for _ in 0..<5 { px[Int(rng.uniform() * Double(fast * slow))] = -2 }
        px[Int(rng.uniform() * Double(fast * slow))] = 2_000_000  // overloaded
        px[Int(rng.uniform() * Double(fast * slow))] = 1 << 25  // huge (only valid with the wide range)
        let f0 = Int(rng.uniform() * Double(fast - 8)), s0 = Int(rng.uniform() * Double(slow - 6))
        let trusted: (Double, Double) = seed % 2 == 0 ? (-1, 1_000_000) : (-1, 1e9)
        let panel = TestImages.panel(fast: fast, slow: slow, trusted: trusted,
                                     mask: [Panel.MaskRect(fast0: f0, slow0: s0, fast1: f0 + 7, slow1: s0 + 3)])
        return (PixelImage(fast: fast, slow: slow, pixels: px), panel)
    }

    static func cases() -> [Case] {
        var out: [Case] = []
        let images = [(1, 1.0), (2, 4.0), (3, 15.0), (4, 0.3), (5, 120.0), (6, 40.0)].map { seed, mean in
            randomImage(seed: UInt64(seed), fast: 61 + seed, slow: 47 + 2 * seed, background: mean)
        }
        for (image, panel) in images {
            for algorithm in SpotFindingParameters.Threshold.allCases {
                var configurations: [SpotFindingParameters] = []
                var p = SpotFindingParameters()
                p.threshold = algorithm
                configurations.append(p)
                var q = p; q.gain = 1.0; configurations.append(q)
                q = p; q.gain = 2.5; q.sigmaStrong = 2; configurations.append(q)
                q = p; q.kernelSize = (fast: 2, slow: 4); q.minLocal = 10; configurations.append(q)
                q = p; q.kernelSize = (fast: 1, slow: 1); q.globalThreshold = 12; configurations.append(q)
                q = p; q.kernelSize = (fast: 5, slow: 3); q.sigmaBackground = 3; q.minLocal = 0; configurations.append(q)
                q = p; q.kernelSize = (fast: 1, slow: 2); q.minLocal = 15; q.sigmaStrong = 0; configurations.append(q)
                out += configurations.map { Case(image: image, panel: panel, parameters: $0) }
            }
        }
        return out
    }

    func testStrongPixelsAreIdenticalToDIALS() throws {
        try DIALSPython.require()
        let cases = Self.cases()
        let json: [[String: Any]] = cases.map { c in
            let p = c.parameters
            return [
                "fast": c.image.fast, "slow": c.image.slow, "pixels": c.image.pixels.map(Int.init),
                "mask": PanelValidity(panel: c.panel).mask(of: c.image).map { $0 ? 1 : 0 },
                "algorithm": p.threshold.rawValue,
                // DIALS's kernel_size is (slow, fast).
                "kernel": [p.kernelSize.slow, p.kernelSize.fast],
                "nsig_b": p.sigmaBackground, "nsig_s": p.sigmaStrong, "threshold": p.globalThreshold,
                "min_local": p.minLocal, "gain": p.gain.map { $0 as Any } ?? NSNull(),
            ]
        }
        let dir = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                              appropriateFor: FileManager.default.temporaryDirectory, create: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("cases.json")
        try JSONSerialization.data(withJSONObject: json).write(to: input)
        let result = try DIALSPython.run(Self.script, arguments: [input.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[Int]])
        XCTAssertEqual(expected.count, cases.count)
        var totalStrong = 0
        for (c, theirs) in zip(cases, expected) {
            let ours = TestImages.indices(try StrongPixelThreshold(parameters: c.parameters).strongMask(in: c.image, panel: c.panel))
            XCTAssertEqual(ours, theirs, "\(c.parameters.threshold.rawValue) kernel \(c.parameters.kernelSize) gain \(String(describing: c.parameters.gain)) on \(c.image.fast)×\(c.image.slow)")
            totalStrong += theirs.count
        }
        // The cases are not trivial: DIALS finds strong pixels in them.
        XCTAssertGreaterThan(totalStrong, 500)
    }
}
