import Foundation
import MXReflections
import MXTestSupport
import XCTest
@testable import MXIntegration

/// The `mxtriage integrate` options for small cells and thin bands.
final class IntegrateCommandOptionsTests: XCTestCase {
    func sweep() throws -> SimulatedSweep { try SimulatedSweep.shared.get() }

    /// `mxtriage integrate --auto-band --profile-references …` end to end.
    func testCommandWidensTheBandAndChoosesProfileReferences() throws {
        let s = try sweep()
        let dir = try CommandRunner.temporaryDirectory("integrate-auto-band")
        defer { try? FileManager.default.removeItem(at: dir) }
        try s.experiments.write(to: dir.appendingPathComponent("refined.expt"))
        try s.strong.write(to: dir.appendingPathComponent("refined.refl"))

        let run = try CommandRunner.mxtriage(["integrate", "refined.expt", "refined.refl", "--d-min", "30", "--d-max", "40",
                                              "--auto-band", "--nproc", "2"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("band widened from 30.00–40.00 Å to d ≥"), run.stdout)
        let table = try ReflectionTable(contentsOf: dir.appendingPathComponent("integrated.refl"))
        XCTAssertGreaterThanOrEqual(table.nrows, 100)

        let thin = try CommandRunner.mxtriage(["integrate", "refined.expt", "refined.refl", "--d-min", "7.0", "--d-max", "7.3",
                                               "--profile-references", "band", "--output", "thin.refl"], in: dir)
        XCTAssertEqual(thin.status, 1)
        XCTAssertTrue(thin.stderr.contains("need 10"), thin.stderr)
        let fallback = try CommandRunner.mxtriage(["integrate", "refined.expt", "refined.refl", "--d-min", "7.0", "--d-max", "7.3",
                                                   "--output", "thin.refl"], in: dir)
        XCTAssertEqual(fallback.status, 0, fallback.stderr)
        XCTAssertTrue(fallback.stdout.contains("indexed strong spots of the whole sweep"), fallback.stdout)

        let bad = try CommandRunner.mxtriage(["integrate", "refined.expt", "refined.refl", "--profile-references", "some"], in: dir)
        XCTAssertEqual(bad.status, 2)
    }
}
