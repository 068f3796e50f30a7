import MXTestSupport
import Foundation
import MXGeometry
@testable import MXReflections

/// Paths and sample data shared by the MXReflections tests.
enum Fixture {
    /// `Tests/Fixtures`, found from this file's location so tests work from any directory.
    static let fixturesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MXReflectionsTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures")

    /// The DIALS-written strong.refl for l-cysteine sweep 1 (15 images, 54 spots).
    static let lcys1Strong = fixturesDirectory.appendingPathComponent("dxtbx/lcys1_strong.refl")

    /// A fresh empty directory for files a test writes.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("mxreflections-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A small table with one column of every supported type and two experiments, including
/// extreme values (negative ints, UInt64 max, infinities, -0.0) that must survive files.
func sampleTable() throws -> ReflectionTable {
    var t = ReflectionTable(identifiers: [0: "exp-zero", 1: "exp-one"])
    try t.setColumn("id", [Int32(0), 1, 1, 0, Int32.min])
    try t.setColumn("flags", [UInt64(32), 32 | 4, 0, UInt64.max, 1 << 26])
    try t.setColumn("intensity.sum.value", [1744.0, -0.0, .infinity, 1e-300, -3.25])
    try t.setColumn("entering", [true, false, true, true, false])
    try t.setColumn("xyzobs.px.value", [
        Vec3(408.18, 190.21, 6.43), Vec3(1, 2, 3), Vec3(-1, -2, -3), Vec3(0, 0, 0),
        Vec3(.greatestFiniteMagnitude, -.infinity, 0.5),
    ])
    try t.setColumn("bbox", [
        Int6(403, 412, 186, 193, 0, 15), Int6(1, 2, 3, 4, 5, 6), Int6(-1, 0, -2, 0, -3, 0),
        Int6(Int32.max, Int32.min, 0, 0, 0, 0), Int6(0, 0, 0, 0, 0, 0),
    ])
    try t.setColumn("miller_index", [
        MillerIndex(1, 2, 3), MillerIndex(-1, 0, 5), .zero, MillerIndex(1, 2, 3), MillerIndex(-7, -8, -9),
    ])
    return t
}
