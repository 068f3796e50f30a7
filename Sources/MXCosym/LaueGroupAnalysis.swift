import Foundation
import MXSymmetry

/// One symmetry element of the lattice (an operator and its inverse) scored from the
/// correlation of intensities with those of the reflections it relates, as dials.symmetry
/// scores it (Evans 2011, appendix A1).
public struct SymmetryElementScore: Sendable, Equatable {
    /// h′ = M·h in the input setting.
    public var operation: IntMatrix3
    public var symbol: String
    public var cc: Double
    public var n: Int
    public var zCC: Double
    /// P(S | CC): the probability that the element is a symmetry of the data.
    public var likelihood: Double
    var pGivenS: Double
    var pGivenNotS: Double
}

/// One candidate Laue group (a subgroup of the lattice's point group with the inversion).
public struct LaueGroupCandidate: Sendable, Equatable {
    /// The Patterson group as DIALS prints it ("P 4/m m m", "R -3 :H", "C 1 2/m 1").
    public var name: String
    /// Its proper rotations as index operators of the input setting.
    public var operators: [IntMatrix3]
    public var likelihood: Double
    public var confidence: Double
    public var zCCFor: Double, zCCAgainst: Double
    public var zCCNet: Double { zCCFor - zCCAgainst }
    public var ccFor: Double, ccAgainst: Double
    /// Le Page's δ (degrees) of the subgroup's two-folds.
    public var maxDelta: Double
}

/// The Laue group the intensities show, with every candidate scored.
public struct LaueGroupAnalysis: Sendable, Equatable {
    public var best: LaueGroupCandidate
    /// Most likely first.
    public var candidates: [LaueGroupCandidate]
    public var elements: [SymmetryElementScore]
    /// E(CC; S), the correlation expected for a true symmetry element (1 for the relative
    /// correlations scored here).
    public var expectedCC: Double
    /// The lowest chiral space group of the best Laue group (no absence analysis yet).
    public var spaceGroup: String
    /// The resolution limit the analysis used (Å), nil for none.
    public var dMin: Double?
    public var notes: [String]
}

/// Evans's likelihoods for one correlation coefficient: p(CC | S) a Cauchy distribution centred
/// on E(CC; S) truncated to [−1, 1]; p(CC | ¬S) the same centred on μ, averaged over μ ∈ [0, 1]
/// with weight √(1 − μ²).
enum CCLikelihood {
    static func truncatedCauchy(_ x: Double, centre: Double, width: Double) -> Double {
        let cdf = { (v: Double) in 0.5 + atan((v - centre) / width) / .pi }
        let pdf = 1 / (.pi * width * (1 + pow((x - centre) / width, 2)))
        return pdf / (cdf(1) - cdf(-1))
    }

    static func givenS(_ cc: Double, expected: Double, sigma: Double) -> Double {
        truncatedCauchy(cc, centre: expected, width: sigma)
    }

    static func givenNotS(_ cc: Double, sigma: Double) -> Double {
        // Simpson's rule on [0, 1]; ∫₀¹ √(1−μ²) dμ = π/4.
        let steps = 400
        var sum = 0.0
        for i in 0...steps {
            let mu = Double(i) / Double(steps)
            let f = truncatedCauchy(cc, centre: mu, width: sigma) * max(0, 1 - mu * mu).squareRoot()
            sum += f * (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2))
        }
        return sum / (3 * Double(steps)) / (.pi / 4)
    }
}

extension LaueGroupAnalysis {
    /// The lowest chiral space group of each Laue class, by the Patterson group's number.
    static func lowestChiralGroup(patternNumber: Int, name: String) -> String {
        let byNumber: [Int: String] = [
            2: "P 1", 10: "P 1 2 1", 47: "P 2 2 2", 65: "C 2 2 2", 69: "F 2 2 2", 71: "I 2 2 2",
            83: "P 4", 87: "I 4", 123: "P 4 2 2", 139: "I 4 2 2", 147: "P 3", 148: "R 3 :H", 162: "P 3 1 2",
            164: "P 3 2 1", 166: "R 3 2 :H", 175: "P 6", 191: "P 6 2 2", 200: "P 2 3", 202: "F 2 3",
            204: "I 2 3", 221: "P 4 3 2", 225: "F 4 3 2", 229: "I 4 3 2",
        ]
        if patternNumber == 12 { return name.hasPrefix("I") ? "I 1 2 1" : "C 1 2 1" }
        return byNumber[patternNumber] ?? name
    }
}
