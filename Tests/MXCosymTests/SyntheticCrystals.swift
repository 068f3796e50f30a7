import Foundation
import MXCosym
import MXGeometry
import MXSimulation
import MXSymmetry
import MXTestSupport

/// Test crystals: isomorphous crystals of one structure (StructureFactors), each with its own
/// scale and B, a random 60 % of the reflections to `dMin`, Poisson-like noise, and indices
/// put in a random indexing setting `planted` (h_obs = planted·h_true).
struct SyntheticCrystals {
    var datasets: [CosymDataset] = []
    var planted: [IntMatrix3] = []

    init(spaceGroup: SpaceGroup, cell: UnitCell, crystals: Int, dMin: Double, settings: [IntMatrix3], seed: UInt64,
         completeness: Double = 0.6) {
        var rng = SplitMix64(seed: seed)
        let sf = StructureFactors(spaceGroup: spaceGroup)
        let ranges = [cell.a, cell.b, cell.c].map { Int(($0 / dMin).rounded(.up)) + 1 }
        var truth: [(SIMD3<Int>, Double)] = []
        for h in -ranges[0]...ranges[0] { for k in -ranges[1]...ranges[1] { for l in -ranges[2]...ranges[2] {
            let hkl = SIMD3(h, k, l)
            guard hkl != .zero else { continue }
            let d = cell.dSpacing(SIMD3(Double(h), Double(k), Double(l)))
            guard d >= dMin, sf.isAllowed(SIMD3<Int32>(truncatingIfNeeded: hkl)) else { continue }
            truth.append((hkl, d))
        } } }
        for _ in 0..<crystals {
            let scale = Double.random(in: 0.3...3, using: &rng)
            let b = Double.random(in: 10...30, using: &rng)
            let op = settings[Int.random(in: 0..<settings.count, using: &rng)]
            planted.append(op)
            var d = CosymDataset(hkl: [], intensity: [], variance: [], dSpacing: [])
            for (h, dd) in truth where Double.random(in: 0..<1, using: &rng) < completeness {
                let e = sf.normalisedIntensity(SIMD3<Int32>(truncatingIfNeeded: h), structure: 7)
                let mean = StructureFactors.wilsonMean(d: dd, intensityAtOrigin: 1000 * scale, bFactor: b)
                let i = mean * e
                let sigma = (i + 0.05 * mean + 1).squareRoot() + 0.05 * i
                let gauss = (-2 * log(Double.random(in: 1e-12..<1, using: &rng))).squareRoot()
                    * cos(2 * .pi * Double.random(in: 0..<1, using: &rng))
                d.hkl.append(op.apply(h))
                d.intensity.append(i + sigma * gauss)
                d.variance.append(sigma * sigma)
                d.dSpacing.append(dd)
            }
            datasets.append(d)
        }
    }
}

/// Rotations of the space group as index operators (h′ = Rᵀ·h), proper parts.
func indexOperators(_ g: SpaceGroup) -> Set<IntMatrix3> {
    Set(g.rotations.map { ($0.determinant == 1 ? $0 : -$0).transpose })
}

func hkl(_ s: String) -> IntMatrix3 {
    // "k,h,-l" → rows.
    var e: [Int] = []
    for part in s.split(separator: ",") {
        var row = [0, 0, 0], sign = 1
        for c in part {
            switch c {
            case "-": sign = -1
            case "+": sign = 1
            case "h": row[0] = sign; sign = 1
            case "k": row[1] = sign; sign = 1
            case "l": row[2] = sign; sign = 1
            default: break
            }
        }
        e += row
    }
    return IntMatrix3(e)
}
