import Foundation

/// Resolution shells as cctbx's `setup_binner(n_bins:)` makes them for merging statistics:
/// equal volumes of reciprocal space between the data's lowest and highest d*², the span
/// widened by 10⁻⁶ of itself each side so that the extreme reflections fall inside.
public struct ResolutionShells: Sendable, Equatable {
    /// Shell limits in d*² (Å⁻²), ascending: shell i spans `limits[i]..<limits[i+1]`.
    public let limits: [Double]

    public init(dStarSquared range: ClosedRange<Double>, count: Int) {
        let margin = 1e-6 * (range.upperBound - range.lowerBound)
        let lo = max(0, range.lowerBound - margin), hi = range.upperBound + margin
        let (r3lo, r3hi) = (lo.squareRoot() * lo, hi.squareRoot() * hi)
        limits = (0...count).map { i in
            let r3 = r3lo + Double(i) * (r3hi - r3lo) / Double(count)
            return r3 <= 0 ? 0 : pow(r3, 2.0 / 3.0)
        }
    }

    public var count: Int { limits.count - 1 }

    /// The shell of a reflection at `dStarSquared`, or nil outside every shell.
    public func shell(of dStarSquared: Double) -> Int? {
        guard dStarSquared >= limits[0], dStarSquared < limits[count] else { return nil }
        var lo = 0, hi = count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if dStarSquared >= limits[mid] { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The low- and high-resolution limits (Å) of shell `i`.
    public func dRange(_ i: Int) -> (dMax: Double, dMin: Double) {
        (limits[i] > 0 ? 1 / limits[i].squareRoot() : .infinity, 1 / limits[i + 1].squareRoot())
    }
}
