import XCTest
import MXGeometry
import MXReflections
@testable import MXRefinement

/// Tukey outlier rejection as refinement applies it.
final class OutlierTests: XCTestCase {
    /// Centroids moved far from their true positions are flagged centroid_outlier and kept out
    /// of refinement; with `--outlier none` they stay in and spoil the RMSDs.
    func testPlantedOutliersAreFlagged() throws {
        let index = SimulatedSweeps.mainSweeps()[0]
        var data = SimulatedSweeps.make(sweepIndices: [index])
        let n = data.reflections.nrows
        let planted = Array(stride(from: 7, to: n, by: n / 25))
        let range = data.experiments.scans[0].oscillationRange
        let middle = (range.start + range.end) / 2 * .pi / 180
        try data.reflections.modifyColumn("xyzobs.mm.value", as: Vec3.self) { xyz in
            for (k, i) in planted.enumerated() {
                switch k % 3 {
                case 0: xyz[i].x += 2.0   // ≈ 12 px
                case 1: xyz[i].y -= 2.0
                default:                  // 3 images, towards the middle of the scan
                    xyz[i].z += (xyz[i].z < middle ? 1 : -1) * 3 * 0.2 * .pi / 180
                }
            }
        }
        let refiner = try Refiner(experiments: data.experiments, reflections: data.reflections)
        let result = try refiner.run()
        let flags = result.reflections.flags!
        for i in planted {
            XCTAssertTrue(flags[i].contains(.centroidOutlier), "planted outlier \(i)")
            XCTAssertFalse(flags[i].contains(.usedInRefinement))
        }
        // Tukey also trims a few honest tails, but not many.
        XCTAssertLessThan(refiner.setup.outliers, planted.count + n / 20)
        XCTAssertEqual(result.experimentRMSDs[0].xPixels, data.plan.centroidErrorPixels, accuracy: 0.05)

        var none = RefinementOptions()
        none.outlier = .none
        let kept = try Refiner(experiments: data.experiments, reflections: data.reflections, options: none)
        XCTAssertEqual(kept.setup.outliers, 0)
        let spoiled = try kept.run()
        XCTAssertFalse(spoiled.reflections.flags!.contains { $0.contains(.centroidOutlier) })
        XCTAssertGreaterThan(spoiled.experimentRMSDs[0].xPixels, result.experimentRMSDs[0].xPixels * 1.5)
    }

    /// DIALS rejects a whole outlier job with fewer than 20 reflections.
    func testSmallJobsAreRejectedWhole() {
        let jobs = CentroidOutlierJobs(rule: TukeyOutlierRejection(iqrMultiplier: 1.5, minimumObservations: 1),
                                       minimumObservations: 20, blockWidths: [nil, nil])
        let experiment = Array(repeating: 0, count: 30) + Array(repeating: 1, count: 19)
        let residuals = (0..<49).map { Vec3(Double($0 % 5) * 0.01, 0, 0) }
        let out = jobs.outliers(indices: Array(0..<49), experiment: experiment, phiObserved: Array(repeating: 0, count: 49),
                                residuals: residuals, experimentCount: 2)
        XCTAssertEqual(out, Set(30..<49))
    }

    /// Block sizes from DIALS's centroid analysis; the expected values are what DIALS 3.12's
    /// `CentroidAnalyser` returns for the same angles.
    func testCentroidAnalysisBlockSizeMatchesDIALS() {
        let narrow = (0..<500).map { Double($0) * 0.01 }
        XCTAssertEqual(CentroidAnalysis.blockSize(phiDegrees: narrow)!, 1.2474999999999998, accuracy: 1e-12)
        let turn = (0..<3600).map { Double($0) * 0.1 }
        XCTAssertEqual(CentroidAnalysis.blockSize(phiDegrees: turn)!, 5.0690140845070415, accuracy: 1e-12)
        let scattered = (0..<700).map { (i: Int) -> Double in Double(i * 37 % 1000) * 0.36 + 0.001 * Double(i) }
        XCTAssertEqual(CentroidAnalysis.blockSize(phiDegrees: scattered)!, 44.958375, accuracy: 1e-9)
        XCTAssertNil(CentroidAnalysis.blockSize(phiDegrees: []))
    }
}

/// The working subset is drawn with scitbx's generator, so it is DIALS's subset.
final class WorkingSubsetTests: XCTestCase {
    func testGeneratorMatchesScitbx() {
        // flex.set_random_seed(42); flex.random_size_t(3) / flex.random_selection(100, 10), (50, 5)
        var a = MersenneTwister(seed: 43)
        XCTAssertEqual([a.next(), a.next(), a.next()], [494_155_588, 2_134_003_008, 2_615_920_895])
        var b = MersenneTwister(seed: 43)
        XCTAssertEqual(b.randomSelection(population: 100, sample: 10), [3, 10, 11, 14, 22, 30, 37, 54, 61, 63])
        XCTAssertEqual(b.randomSelection(population: 50, sample: 5), [1, 2, 6, 13, 22])
    }

    func testSubsetOnlyWhenAskedOrBeyondATurn() {
        var options = RefinementOptions()
        let all = WorkingSubset.select(experimentRanges: [0..<5000], scanWidthsDegrees: [10], options: options)
        XCTAssertEqual(all.count, 5000)
        options.reflectionsPerDegree = 100
        let some = WorkingSubset.select(experimentRanges: [0..<5000, 5000..<5500], scanWidthsDegrees: [20, 10], options: options)
        XCTAssertEqual(some.count, 2000 + 500, "max(100/° × width, minimum_sample_size 1000), capped at what there is")
        XCTAssertEqual(some, some.sorted())
    }
}
