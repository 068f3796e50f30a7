import Foundation
import MXGeometry
import MXSymmetry

/// The simulated data sets: dozens of small crystals of one ``CrystalForm`` in 4–10° wedges
/// at 0.2° per image on a Pilatus 6M at ≈300 mm, λ ≈ 0.97 Å — the shape of the DIALS/BLEND
/// multi-crystal tutorial's data, whose TehA-like H 3 form is the default.
///
/// Populations: most crystals are isomorphous (0.1 % cell scatter); a second group has the
/// form's second cell; one or two outliers (a ±2 %, c −2.5 %); one sweep almost blank; one
/// crystal so large that its strongest spots overload. Headers carry a distance 0.5 % off
/// and a beam centre 1–2 pixels off, the same for every sweep, as one beamline's would.
extension CrystalForm {
    /// - Parameter cellScatter: ``defaultCellScatter`` for real-looking crystals; 0 makes every
    ///   main-group crystal identical, so that any spread of refined cells is refinement error
    ///   (how the benefit of joint refinement is measured). The random draws are the same
    ///   whatever the scatter, so only the cells change.
    public func plan(seed: UInt64 = 1, sweeps count: Int = defaultSweeps,
                     detector: SimulatedDetector = .pilatus6m, maxImages: Int? = nil,
                     cellScatter: Double = defaultCellScatter) -> DataSetPlan {
        precondition(count >= 1, "at least one sweep")
        var rng = SimulationRandom(seed: seed, stream: [0x7E4A])
        let size = detector.imageSize
        let trueCentre = SIMD2(Double(size.fast) / 2 + 12.3, Double(size.slow) / 2 - 7.6)
        let trueDistance = detector.distance
        // The header's errors: fixed for the beamline, within the ranges real headers show.
        let headerCentre = trueCentre + SIMD2(1.4, -1.1)
        let headerDistance = trueDistance * 1.005

        // Assign populations to sweep positions.
        let outliers = count >= 16 ? 2 : (count >= 4 ? 1 : 0)
        let second = count >= 8 ? max(2, Int((Double(count) * 0.17).rounded())) : (count >= 3 ? 1 : 0)
        let blank = count >= 2 ? 1 : 0
        var groups = Array(repeating: "main", count: count)
        var slots = Array(0..<count)
        // Sweep 0 stays in the main group: it is the reference for combining.
        slots.removeFirst()
        slots.shuffle(using: &rng)
        // Populations in order of importance, while sweeps remain; the rest are main.
        let roles = Array(repeating: "blank", count: blank) + Array(repeating: "outlier", count: outliers)
            + Array(repeating: secondGroup, count: second)
        for (role, slot) in zip(roles, slots) { groups[slot] = role }
        // One unusually large main crystal: its strongest spots overload.
        let strong = slots.dropFirst(roles.count).first ?? -1

        let ties = LengthTies(spaceGroup.crystalSystem)
        var sweeps: [SweepPlan] = []
        for i in 0..<count {
            let group = groups[i]
            // One draw per free length, in the order a, b, c.
            var lengths = SIMD3(cell.a, cell.b, cell.c)
            lengths.x *= 1 + cellScatter * rng.normal()
            if ties == .none { lengths.y *= 1 + cellScatter * rng.normal() }
            if ties != .abc { lengths.z *= 1 + cellScatter * rng.normal() }
            var structure: UInt64 = 1
            switch group {
            case secondGroup:
                lengths *= secondGroupFactors
                structure = 2
            case "outlier":
                lengths.x *= 1 + 0.02 * (rng.uniform() < 0.5 ? -1 : 1)
                lengths.z *= 1 - 0.025
            default: break
            }
            lengths = ties.applied(to: lengths)
            let scale = group == "blank" ? 0.0001 : exp(0.4 * rng.normal()) * (i == strong ? 25 : 1)
            let crystal = CrystalTruth(
                group: group, cell: UnitCell(lengths.x, lengths.y, lengths.z, cell.alpha, cell.beta, cell.gamma), U: rng.rotation(), scale: scale,
                bFactor: 30 + 10 * rng.uniform(), mosaicity: 0.04 + 0.04 * rng.uniform(),
                background: 0.8 + 1.5 * rng.uniform(), structure: structure)
            var images = 20 + Int(rng.uniform() * 31)  // 4–10° at 0.2°
            if let m = maxImages { images = min(images, m) }
            let crystalID = i + 1
            let prefix = i % 6 == 5 ? "xta" : "xtal"
            sweeps.append(SweepPlan(index: i, template: "\(prefix)\(crystalID)_1_####.cbf", crystalID: crystalID,
                                    crystal: crystal, numImages: images,
                                    startAngle: (rng.uniform() * 360).rounded() , oscillation: 0.2))
        }
        return DataSetPlan(
            preset: name, spaceGroup: spaceGroup, seed: seed, detector: detector, wavelength: 0.9763, trueBeamCentre: trueCentre, trueDistance: trueDistance,
            headerBeamCentre: headerCentre, headerDistance: headerDistance, beamDivergence: 0.03, dMin: 2.6,
            intensityAtOrigin: 4000, countCutoff: 115_897, centroidErrorPixels: 0.3, centroidErrorImages: 0.2,
            exposureTime: 0.1, sweeps: sweeps)
    }
}

/// Which cell lengths a crystal system ties together: a = b (tetragonal, hexagonal and
/// rhombohedral in hexagonal axes), a = b = c (cubic), or none.
enum LengthTies: Equatable {
    case none, ab, abc

    init(_ system: CrystalSystem) {
        switch system {
        case .tetragonal, .hexagonal, .rhombohedral: self = .ab
        case .cubic: self = .abc
        case .triclinic, .monoclinic, .orthorhombic: self = .none
        }
    }

    func applied(to l: SIMD3<Double>) -> SIMD3<Double> {
        switch self {
        case .none: return l
        case .ab: return SIMD3(l.x, l.x, l.z)
        case .abc: return SIMD3(l.x, l.x, l.x)
        }
    }
}
