import Foundation
import MXGeometry
import MXMerging
import MXReflections
import MXSymmetry
import MXTestSupport
import XCTest

/// Our merging statistics of the very intensities `dials.merge` merged, against what it
/// printed: DIALS 3.12's full-resolution integration, cosym, dials.scale and dials.merge of
/// simulated sets (TehA in H 3, seed 61; a P 21 21 21 form, seed 62; 3 sweeps of 20 images),
/// made by `scripts/merging-vs-dials.sh` (Tests/Fixtures/merging/PRESET-seedSEED). Counts, means,
/// R factors and even the random-half CC½ (same generator, same order) agree to rounding;
/// completeness to 0.01 % (a possible reflection or two per shell is counted on the other
/// side of a shell edge: cctbx's bin edges are inclusive).
final class DIALSMergeComparisonTests: XCTestCase {
    struct Reference: Decodable {
        struct Overall: Decodable {
            var n_obs: Int, n_uniq: Int
            var multiplicity: Double, completeness: Double, i_mean: Double, i_over_sigma_mean: Double
            var r_merge: Double, r_meas: Double, r_pim: Double, cc_one_half: Double
        }
        var n_obs: [Int], n_uniq: [Int]
        var d_star_sq_max: [Double], d_star_sq_min: [Double]
        var multiplicity: [Double], completeness: [Double], i_mean: [Double], i_over_sigma_mean: [Double]
        var r_merge: [Double], r_meas: [Double], r_pim: [Double], cc_one_half: [Double]
        var overall: Overall
    }

    struct Input: Decodable {
        var unit_cell: [Double]
        var hall: String
        var observations: Int
    }

    func testEveryShellAgreesWithDIALSMergeInH3() throws {
        try compare("teha-seed61")
    }

    func testEveryShellAgreesWithDIALSMergeInP212121() throws {
        try compare("p212121-seed62")
    }

    private func compare(_ name: String) throws {
        let directory = TestData.fixtures.appendingPathComponent("merging/\(name)")
        let input = try JSONDecoder().decode(Input.self, from: Data(contentsOf: directory.appendingPathComponent("merge_input.json")))
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: directory.appendingPathComponent("merging_stats.json")))
        let table = try ReflectionTable(contentsOf: directory.appendingPathComponent("merge_input.refl"))
        let hkl = try XCTUnwrap(table.millerIndices("miller_index"))
        let intensity = try XCTUnwrap(table.doubles("intensity")), variance = try XCTUnwrap(table.doubles("variance"))
        let observations = hkl.indices.map {
            UnmergedObservation(hkl: SIMD3(Int(hkl[$0].h), Int(hkl[$0].k), Int(hkl[$0].l)), intensity: intensity[$0], variance: variance[$0])
        }
        XCTAssertEqual(observations.count, input.observations)
        let ours = MergingStatistics(observations, spaceGroup: try SpaceGroup(hall: input.hall),
                                     cell: UnitCell(parameters: input.unit_cell), shellCount: 20)

        XCTAssertEqual(ours.shells.count, reference.n_obs.count)
        for (i, s) in ours.shells.enumerated() {
            let shell = "shell \(i + 1) (\(String(format: "%.2f–%.2f Å", s.dMax, s.dMin)))"
            XCTAssertEqual(1 / (s.dMin * s.dMin), reference.d_star_sq_min[i], accuracy: 1e-9, shell)
            XCTAssertEqual(s.observations, reference.n_obs[i], shell)
            XCTAssertEqual(s.unique, reference.n_uniq[i], shell)
            XCTAssertEqual(s.multiplicity, reference.multiplicity[i], accuracy: 1e-12, shell)
            XCTAssertEqual(100 * s.completeness, reference.completeness[i], accuracy: 0.01, shell)
            XCTAssertEqual(s.meanIntensity, reference.i_mean[i], accuracy: 1e-9 * max(1, abs(reference.i_mean[i])), shell)
            XCTAssertEqual(s.meanIOverSigma, reference.i_over_sigma_mean[i], accuracy: 1e-9 * max(1, abs(reference.i_over_sigma_mean[i])), shell)
            XCTAssertEqual(s.rMerge, reference.r_merge[i], accuracy: 1e-9 * max(1, abs(reference.r_merge[i])), shell)
            XCTAssertEqual(s.rMeas, reference.r_meas[i], accuracy: 1e-9 * max(1, abs(reference.r_meas[i])), shell)
            XCTAssertEqual(s.rPim, reference.r_pim[i], accuracy: 1e-9 * max(1, abs(reference.r_pim[i])), shell)
            XCTAssertEqual(s.ccHalf, reference.cc_one_half[i], accuracy: 1e-9, shell)
        }
        let o = ours.overall, r = reference.overall
        XCTAssertEqual(o.observations, r.n_obs)
        XCTAssertEqual(o.unique, r.n_uniq)
        XCTAssertEqual(100 * o.completeness, r.completeness, accuracy: 0.01)
        XCTAssertEqual(o.rMeas, r.r_meas, accuracy: 1e-9)
        XCTAssertEqual(o.meanIOverSigma, r.i_over_sigma_mean, accuracy: 1e-9)
        XCTAssertEqual(o.ccHalf, r.cc_one_half, accuracy: 1e-9)
    }
}
