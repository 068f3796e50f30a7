import Foundation
import MXGeometry
import MXTestSupport
import XCTest

/// One expected-value file from `Tests/Fixtures/dxtbx` (written by `generate.py` with dxtbx
/// 3.11): dxtbx's models for one real image and digests/counts of its pixels.
struct DxtbxFixture {
    let name: String
    let json: [String: Any]

    /// The data file the fixture describes, e.g. `l_cysteine/l-cyst_01_00001.cbf.bz2`.
    var file: String { json["file"] as! String }
    var formatClass: String { json["format_class"] as! String }
    var beam: [String: Any] { json["beam"] as! [String: Any] }
    /// dxtbx's panel dictionaries, whose frames are local to their parent group.
    var panels: [[String: Any]] { (json["detector"] as! [String: Any])["panels"] as! [[String: Any]] }

    /// Each panel's lab frame (fast, slow, origin): the local frames composed down the
    /// hierarchy as dxtbx composes them (d = parent orientation · local d, plus parent origin).
    var labFrames: [(fast: Vec3, slow: Vec3, origin: Vec3)] {
        var frames = [(fast: Vec3, slow: Vec3, origin: Vec3)?](repeating: nil, count: panels.count)
        func visit(_ node: [String: Any], orientation: Mat3, origin: Vec3) {
            if let index = node["panel"] as? NSNumber {
                let p = panels[index.intValue]
                frames[index.intValue] = (orientation * p.vector("fast_axis"), orientation * p.vector("slow_axis"),
                                          orientation * p.vector("origin") + origin)
                return
            }
            let f = node.vector("fast_axis"), s = node.vector("slow_axis")
            let o = node.vector("origin")
            let groupOrientation = orientation * Mat3(columns: f, s, f.cross(s))
            let groupOrigin = orientation * o + origin
            for child in node["children"] as? [[String: Any]] ?? [] {
                visit(child, orientation: groupOrientation, origin: groupOrigin)
            }
        }
        visit((json["detector"] as! [String: Any])["hierarchy"] as! [String: Any], orientation: .identity, origin: .zero)
        return frames.map { $0! }
    }
    var goniometer: [String: Any]? { json["goniometer"] as? [String: Any] }
    var goniometerDerived: [String: Any]? { json["goniometer_derived"] as? [String: Any] }
    var scan: [String: Any]? { json["scan"] as? [String: Any] }
    var pixels: [[String: Any]] { json["pixels"] as! [[String: Any]] }
    var pxMm: [[String: Any]] { (json["panels"] as! [[String: Any]]).map { $0["px_mm"] as! [String: Any] } }

    static var directory: URL { TestData.fixtures.appendingPathComponent("dxtbx") }

    /// Every image fixture (the `*.cbf.json` files), sorted by name.
    static func all() throws -> [DxtbxFixture] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".cbf.json") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            return DxtbxFixture(name: name, json: try JSONSerialization.jsonObject(with: data) as! [String: Any])
        }
    }

    /// The fixtures together with the real data folder, or a skip when either is absent.
    static func withRealData() throws -> (URL, [DxtbxFixture]) {
        guard let real = TestData.realData else {
            throw XCTSkip("real data (../shared/data/real) is not present; the dxtbx comparisons need it")
        }
        let fixtures = try all()
        guard !fixtures.isEmpty else { throw XCTSkip("no dxtbx fixtures in \(directory.path)") }
        return (real, fixtures)
    }
}

/// JSON numbers → Swift values.
extension Dictionary where Key == String, Value == Any {
    func double(_ key: String) -> Double { (self[key] as! NSNumber).doubleValue }
    func int(_ key: String) -> Int { (self[key] as! NSNumber).intValue }
    func doubles(_ key: String) -> [Double] { (self[key] as! [NSNumber]).map(\.doubleValue) }
    func ints(_ key: String) -> [Int] { (self[key] as! [NSNumber]).map(\.intValue) }
    func vector(_ key: String) -> Vec3 {
        let v = doubles(key)
        return Vec3(v[0], v[1], v[2])
    }
}

/// Assertions with dxtbx's 1e-6 tolerance and a readable context line.
func assertClose(_ a: Double, _ b: Double, _ what: @autoclosure () -> String, tolerance: Double = 1e-6,
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssert(abs(a - b) <= tolerance, "\(what()): \(a) vs dxtbx \(b)", file: file, line: line)
}

func assertClose(_ a: Vec3, _ b: Vec3, _ what: @autoclosure () -> String, tolerance: Double = 1e-6,
                 file: StaticString = #filePath, line: UInt = #line) {
    let d = max(abs(a.x - b.x), abs(a.y - b.y), abs(a.z - b.z))
    XCTAssert(d <= tolerance, "\(what()): \(a) vs dxtbx \(b)", file: file, line: line)
}

func assertClose(_ a: [Double], _ b: [Double], _ what: @autoclosure () -> String, tolerance: Double = 1e-6,
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "\(what()): lengths", file: file, line: line)
    let d = zip(a, b).map { abs($0 - $1) }.max() ?? 0
    XCTAssert(d <= tolerance, "\(what()): \(a) vs dxtbx \(b)", file: file, line: line)
}
