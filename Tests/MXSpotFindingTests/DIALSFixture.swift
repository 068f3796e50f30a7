import Foundation
import MXGeometry
import MXTestSupport
import XCTest

/// What dials.find_spots found on the real images (`Tests/Fixtures/dials/*_find_spots.json`,
/// made by `make_spot_fixtures.py`; see the README there).
struct DIALSSpots {
    var xyz: [Vec3]
    var variance: [Vec3]
    var bbox: [[Int]]
    var intensity: [Double]
    var nSignal: [Int]

    init(_ json: [String: Any]) throws {
        func vecs(_ key: String) throws -> [Vec3] {
            try XCTUnwrap(json[key] as? [[Double]], key).map { Vec3($0[0], $0[1], $0[2]) }
        }
        xyz = try vecs("xyzobs.px.value")
        variance = try vecs("xyzobs.px.variance")
        bbox = try XCTUnwrap(json["bbox"] as? [[Int]])
        intensity = try XCTUnwrap(json["intensity.sum.value"] as? [Double])
        nSignal = try XCTUnwrap(json["n_signal"] as? [Int])
    }

    static func load(_ name: String) throws -> [String: Any] {
        let url = TestData.fixtures.appendingPathComponent("dials/\(name)_find_spots.json")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }
}

/// Distances from each of `ours` to the nearest of `theirs` (pixels, x and y only).
func nearestDistances(_ ours: [Vec3], _ theirs: [Vec3]) -> [Double] {
    ours.map { a in theirs.map { b in ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }.min() ?? .infinity }
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .nan : s[s.count / 2]
}
