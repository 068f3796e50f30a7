import MXGeometry
@testable import MXMerging
import MXSymmetry
import XCTest

/// The statistics on data small enough to work out by hand.
final class MergingStatisticsTests: XCTestCase {
    let cell = UnitCell(parameters: [10, 10, 10, 90, 90, 90])

    /// Two equivalents of (1 0 0) in P 4 (h k l and −k h l), one lone (0 0 1), and a
    /// reflection with σ = 0 that must be left out.
    func testRFactorsMultiplicityAndMeansByHand() throws {
        let observations = [
            UnmergedObservation(hkl: [1, 0, 0], intensity: 100, variance: 100),
            UnmergedObservation(hkl: [0, 1, 0], intensity: 120, variance: 100),
            UnmergedObservation(hkl: [0, 0, 1], intensity: 50, variance: 25),
            UnmergedObservation(hkl: [0, 0, 1], intensity: 70, variance: 0),
        ]
        let s = MergingStatistics(observations, spaceGroup: try SpaceGroup("P 4"), cell: cell, shellCount: 1).overall
        XCTAssertEqual(s.observations, 3)
        XCTAssertEqual(s.unique, 2)
        XCTAssertEqual(s.multiplicity, 1.5)
        // Ī(100) = 110, σ = 1/√(2/100); Ī(001) = 50, σ = 5.
        XCTAssertEqual(s.meanIntensity, 80, accuracy: 1e-12)
        XCTAssertEqual(s.meanIOverSigma, (110 * (0.02).squareRoot() + 10) / 2, accuracy: 1e-12)
        // Only (1 0 0) has n ≥ 2: Σ|I − Ī| = 20 over ΣI = 220.
        XCTAssertEqual(s.rMerge, 20.0 / 220, accuracy: 1e-12)
        XCTAssertEqual(s.rMeas, 20.0 * 2.0.squareRoot() / 220, accuracy: 1e-12)
        XCTAssertEqual(s.rPim, 20.0 / 220, accuracy: 1e-12)
        XCTAssertEqual(s.ccHalfPairs, 1)
    }

    /// Completeness counts Laue-group representatives that are not absent: in P 21 21 21 the
    /// odd axial reflections do not count, and Friedel mates are one reflection.
    func testPossibleReflectionsExcludeAbsencesAndFriedelMates() throws {
        let group = try SpaceGroup("P 21 21 21")
        // To d = 9.95 Å only the axial (1 0 0)s, all absent; to 4.99 Å also (2 0 0), (0 2 0),
        // (0 0 2), (1 1 0), (1 0 1), (0 1 1) and (1 1 1).
        XCTAssertEqual(MergingStatistics.possibleCounts(spaceGroup: group, cell: cell, in: [0...0.0101, 0...0.0401]), [0, 7])
    }

    func testSigmaTauOfNoiselessEquivalentsIsNearOne() throws {
        var observations: [UnmergedObservation] = []
        for h in 1...30 {
            let truth = Double(h * h % 17) * 100 + 50
            for k in 0..<4 { observations.append(.init(hkl: [h, k % 2, 0], intensity: truth + Double(k % 2), variance: 1)) }
        }
        let s = MergingStatistics(observations, spaceGroup: try SpaceGroup("P 1"), cell: cell, shellCount: 1).overall
        XCTAssertGreaterThan(s.ccHalfSigmaTau, 0.999)
        XCTAssertGreaterThan(s.ccHalf, 0.999)
    }
}
