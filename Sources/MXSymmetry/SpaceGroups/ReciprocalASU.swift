/// cctbx's reciprocal-space asymmetric unit (`sgtbx::reciprocal_space::asu`) of a Laue class in
/// its reference setting: which one of a reflection's symmetry equivalents and Friedel mates
/// stands for them all. cctbx merges and sorts unmerged data by these indices, so merging
/// statistics that draw random half data sets in cctbx's order must use the same ones.
public struct ReciprocalASU: Sendable, Equatable {
    /// The eleven Laue classes, with the two settings of −3m.
    public enum LaueClass: String, Sendable, CaseIterable {
        case triclinic = "-1", monoclinic = "2/m", orthorhombic = "mmm", tetragonalLow = "4/m", tetragonalHigh = "4/mmm"
        case trigonalLow = "-3", trigonal3m1 = "-3m1", trigonal31m = "-31m", hexagonalLow = "6/m", hexagonalHigh = "6/mmm"
        case cubicLow = "m-3", cubicHigh = "m-3m"

        /// cctbx's rule for the reference setting (b unique for 2/m, hexagonal axes for −3 and −3m).
        func contains(_ h: SIMD3<Int>) -> Bool {
            let (h, k, l) = (h.x, h.y, h.z)
            switch self {
            case .triclinic: return l > 0 || (l == 0 && (h > 0 || (h == 0 && k >= 0)))
            case .monoclinic: return k >= 0 && (l > 0 || (l == 0 && h >= 0))
            case .orthorhombic: return h >= 0 && k >= 0 && l >= 0
            case .tetragonalLow, .hexagonalLow: return l >= 0 && ((h >= 0 && k > 0) || (h == 0 && k == 0))
            case .tetragonalHigh, .hexagonalHigh: return h >= k && k >= 0 && l >= 0
            case .trigonalLow: return (h >= 0 && k > 0) || (h == 0 && k == 0 && l >= 0)
            case .trigonal3m1: return h >= k && k >= 0 && (h > k || l >= 0)
            case .trigonal31m: return h >= k && k >= 0 && (k > 0 || l >= 0)
            case .cubicLow: return h >= 0 && ((l >= h && k > h) || (l == h && k == h))
            case .cubicHigh: return k >= l && l >= h && h >= 0
            }
        }
    }

    public let laueClass: LaueClass
    private let group: SpaceGroup

    /// The asymmetric unit of `group`'s Laue class, known from its space-group number; for
    /// −3m, the setting is the one whose rule picks exactly one member of every orbit probed.
    public init(_ group: SpaceGroup) {
        self.group = group
        let candidates: [LaueClass]
        switch group.number {
        case 1...2: candidates = [.triclinic]
        case 3...15: candidates = [.monoclinic]
        case 16...74: candidates = [.orthorhombic]
        case 75...88: candidates = [.tetragonalLow]
        case 89...142: candidates = [.tetragonalHigh]
        case 143...148: candidates = [.trigonalLow]
        case 149...167: candidates = [.trigonal3m1, .trigonal31m]
        case 168...176: candidates = [.hexagonalLow]
        case 177...194: candidates = [.hexagonalHigh]
        case 195...206: candidates = [.cubicLow]
        default: candidates = [.cubicHigh]
        }
        // General reflections fit either −3m rule; those on the a axis and the a+b diagonal
        // tell the settings apart.
        let probes = [SIMD3(7, 3, 11), SIMD3(3, 0, 2), SIMD3(3, 0, -2), SIMD3(2, 2, 3), SIMD3(2, 2, -3)].map(group.equivalents)
        laueClass = candidates.first { c in probes.allSatisfy { orbit in orbit.count { c.contains($0) } == 1 } } ?? candidates[0]
    }

    /// Whether `h` is the member of its orbit that stands for it.
    public func contains(_ h: SIMD3<Int>) -> Bool { laueClass.contains(h) }

    /// The equivalent of `h` (or of its Friedel mate) inside the asymmetric unit.
    public func representative(_ h: SIMD3<Int>) -> SIMD3<Int> {
        group.equivalents(h).first(where: laueClass.contains) ?? group.laueRepresentative(h)
    }
}
