import XCTest
import MXGeometry
@testable import MXSimulation

/// The simulator's physics pinned against independent calculations and its own truth.
final class SimulationPhysicsTests: XCTestCase {
    static let plan = CrystalForm.teha.plan(seed: 7, sweeps: 3, detector: .small, maxImages: 25)
    static let instrument = Instrument(plan: plan, siliconMu: 3.96)
    static let simulator = SweepSimulator(plan: plan, sweep: plan.sweeps[0], instrument: instrument)

    func testEveryReflectionObeysTheH3Condition() {
        let refl = Self.simulator.reflections
        XCTAssertGreaterThan(refl.count, 500)
        XCTAssertTrue(refl.allSatisfy { (-Int($0.h.x) + Int($0.h.y) + Int($0.h.z)) % 3 == 0 })
        XCTAssertTrue(refl.allSatisfy { $0.d >= Self.plan.dMin })
    }

    func testSymmetryMatesShareIntensities() {
        let h = SIMD3<Int32>(4, -7, 13)
        let mates = [SIMD3<Int32>(-7, 3, 13), SIMD3(3, 4, 13), SIMD3(-4, 7, -13)]
        let h3 = StructureFactors(spaceGroup: CrystalForm.teha.spaceGroup)
        let i = h3.normalisedIntensity(h, structure: 1)
        for m in mates { XCTAssertEqual(h3.normalisedIntensity(m, structure: 1), i) }
        XCTAssertNotEqual(h3.normalisedIntensity(h, structure: 2), i)
    }

    func testNormalisedIntensitiesHaveWilsonMeanOneInEveryShell() {
        let cell = UnitCell(98, 98, 136, 90, 90, 120)
        let h3 = StructureFactors(spaceGroup: CrystalForm.teha.spaceGroup)
        var sums = [Double](repeating: 0, count: 5), counts = [Double](repeating: 0, count: 5)
        for h in Int32(-30)...30 { for k in Int32(-30)...30 { for l in Int32(-40)...40 {
            let hkl = SIMD3(h, k, l)
            guard hkl != .zero, h3.isAllowed(hkl) else { continue }
            let d = cell.dSpacing(SIMD3<Double>(hkl))
            guard d >= 3 else { continue }
            // Shells equal in 1/d³ between ∞ and 3 Å.
            let shell = min(4, Int(5 * pow(3 / d, 3)))
            sums[shell] += h3.normalisedIntensity(hkl, structure: 1)
            counts[shell] += 1
        } } }
        for s in 0..<5 {
            // Acentric Wilson: E has mean 1 and σ 1, so the shell mean is 1 ± 1/√n.
            XCTAssertEqual(sums[s] / counts[s], 1, accuracy: 4 / counts[s].squareRoot(), "shell \(s)")
        }
    }

    func testPartialFractionsOfFullyRecordedReflectionsSumToOne() {
        let sim = Self.simulator
        var sums = [Double](repeating: 0, count: sim.reflections.count)
        for image in sim.imageContents { for (r, f) in image { sums[r] += f } }
        let width = sim.sweep.oscillation * .pi / 180
        var checked = 0
        for (i, r) in sim.reflections.enumerated() {
            let phiC = r.phi + (r.centreZ - r.idealZ) * width
            let start = sim.scan.oscillation.start * .pi / 180
            let end = start + Double(sim.sweep.numImages) * width
            guard phiC - 6 * r.sigmaPhi > start, phiC + 6 * r.sigmaPhi < end else { continue }
            XCTAssertEqual(sums[i], 1, accuracy: 1e-5)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testPredictedAnglesMatchABruteForceEwaldScan() {
        let sim = Self.simulator
        let s0 = Self.instrument.beam.s0
        let A = sim.sweep.crystal.A
        for r in sim.reflections.prefix(40) {
            let p = A * SIMD3<Double>(r.h)
            func f(_ phi: Double) -> Double {
                let q = Mat3.rotation(axis: Vec3(1, 0, 0), angle: phi) * p
                return (s0 + q).dot(s0 + q) - s0.dot(s0)
            }
            // Bisection on a bracket found by stepping 0.01° either side of nothing but φ's
            // neighbourhood scanned from scratch.
            var a = r.phi - 0.5 * .pi / 180, found: Double?
            while a < r.phi + 0.5 * .pi / 180 {
                var lo = a, hi = a + 0.0001
                if f(lo) * f(hi) < 0 {
                    for _ in 0..<60 { let m = (lo + hi) / 2; if f(lo) * f(m) <= 0 { hi = m } else { lo = m } }
                    found = (lo + hi) / 2
                }
                a += 0.0001
            }
            XCTAssertNotNil(found)
            if let found { XCTAssertEqual(found, r.phi, accuracy: 1e-9) }
        }
    }

    func testRenderedSpotCentroidsSitWhereTheTruthSays() {
        let sim = Self.simulator
        let (nf, _) = Self.plan.detector.imageSize
        // Sum expected counts above background over all images for the strongest spots.
        let strong = sim.reflections.enumerated().sorted { $0.element.fullCounts > $1.element.fullCounts }.prefix(40)
        XCTAssertFalse(strong.isEmpty)
        let images = (0..<sim.sweep.numImages).map { sim.expectedCounts(image: $0) }
        let bg = sim.background.lambda
        var checked = 0
        for (index, r) in strong {
            let total = sim.imageContents.reduce(0.0) { $0 + ($1.first { $0.reflection == index }?.fraction ?? 0) }
            guard total > 0.999 else { continue }
            var sx = 0.0, sy = 0.0, sz = 0.0, w = 0.0
            for (j, img) in images.enumerated() {
                for row in 0..<r.boxSize.y { for col in 0..<r.boxSize.x {
                    let f = r.boxOrigin.x + col, s = r.boxOrigin.y + row
                    let p = s * nf + f
                    guard p >= 0, p < img.count else { continue }
                    let c = Double(img[p] - bg[p])
                    sx += c * (Double(f) + 0.5); sy += c * (Double(s) + 0.5); sz += c * (Double(j) + 0.5); w += c
                } }
            }
            // Neighbouring spots may overlap the box a little; the centroid stays within 0.1 px.
            XCTAssertEqual(sx / w, r.centrePx.x, accuracy: 0.1)
            XCTAssertEqual(sy / w, r.centrePx.y, accuracy: 0.1)
            XCTAssertEqual(sz / w, r.centreZ, accuracy: 0.1)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 3)
    }

    func testImagesAreDeterministic() {
        let again = SweepSimulator(plan: Self.plan, sweep: Self.plan.sweeps[0], instrument: Self.instrument)
        XCTAssertEqual(again.image(3), Self.simulator.image(3))
        XCTAssertNotEqual(Self.simulator.image(4), Self.simulator.image(3))
    }
}
