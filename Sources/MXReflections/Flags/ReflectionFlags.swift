/// The per-reflection status bits of the "flags" column ("std::size_t"), with DIALS's values.
///
/// Values are those of `dials::af::reflection_table::flags` (`reflection_table.h`), checked
/// against `flex.reflection_table.flags.names` from DIALS 3.12. Keeping the exact bits is what lets
/// DIALS tools interpret the tables we write (and us read theirs).
public struct ReflectionFlags: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static let predicted = ReflectionFlags(rawValue: 1 << 0)
    public static let observed = ReflectionFlags(rawValue: 1 << 1)
    public static let indexed = ReflectionFlags(rawValue: 1 << 2)
    public static let usedInRefinement = ReflectionFlags(rawValue: 1 << 3)
    public static let strong = ReflectionFlags(rawValue: 1 << 5)
    public static let referenceSpot = ReflectionFlags(rawValue: 1 << 6)
    public static let dontIntegrate = ReflectionFlags(rawValue: 1 << 7)
    public static let integratedSum = ReflectionFlags(rawValue: 1 << 8)
    public static let integratedPrf = ReflectionFlags(rawValue: 1 << 9)
    public static let overloaded = ReflectionFlags(rawValue: 1 << 10)
    public static let overlappedBg = ReflectionFlags(rawValue: 1 << 11)
    public static let overlappedFg = ReflectionFlags(rawValue: 1 << 12)
    public static let inPowderRing = ReflectionFlags(rawValue: 1 << 13)
    public static let foregroundIncludesBadPixels = ReflectionFlags(rawValue: 1 << 14)
    public static let backgroundIncludesBadPixels = ReflectionFlags(rawValue: 1 << 15)
    public static let usedInModelling = ReflectionFlags(rawValue: 1 << 16)
    public static let centroidOutlier = ReflectionFlags(rawValue: 1 << 17)
    public static let failedDuringBackgroundModelling = ReflectionFlags(rawValue: 1 << 18)
    public static let failedDuringSummation = ReflectionFlags(rawValue: 1 << 19)
    public static let failedDuringProfileFitting = ReflectionFlags(rawValue: 1 << 20)
    public static let badReference = ReflectionFlags(rawValue: 1 << 21)
    public static let userExcludedInScaling = ReflectionFlags(rawValue: 1 << 22)
    public static let outlierInScaling = ReflectionFlags(rawValue: 1 << 23)
    public static let excludedForScaling = ReflectionFlags(rawValue: 1 << 24)
    public static let excludedForRefinement = ReflectionFlags(rawValue: 1 << 25)
    public static let scaled = ReflectionFlags(rawValue: 1 << 26)

    /// DIALS composites.
    public static let integrated: ReflectionFlags = [.integratedSum, .integratedPrf]
    public static let includesBadPixels: ReflectionFlags = [.foregroundIncludesBadPixels, .backgroundIncludesBadPixels]
    public static let badShoebox: ReflectionFlags = [
        .overloaded, .overlappedBg, .overlappedFg, .inPowderRing, .includesBadPixels,
    ]
    public static let badForScaling: ReflectionFlags = [.userExcludedInScaling, .outlierInScaling, .excludedForScaling]
    public static let badForRefinement: ReflectionFlags = [.centroidOutlier, .excludedForRefinement]

    /// Every single-bit flag with its DIALS name, in bit order.
    public static let named: [(name: String, flag: ReflectionFlags)] = [
        ("predicted", .predicted), ("observed", .observed), ("indexed", .indexed),
        ("used_in_refinement", .usedInRefinement), ("strong", .strong),
        ("reference_spot", .referenceSpot), ("dont_integrate", .dontIntegrate),
        ("integrated_sum", .integratedSum), ("integrated_prf", .integratedPrf),
        ("overloaded", .overloaded), ("overlapped_bg", .overlappedBg),
        ("overlapped_fg", .overlappedFg), ("in_powder_ring", .inPowderRing),
        ("foreground_includes_bad_pixels", .foregroundIncludesBadPixels),
        ("background_includes_bad_pixels", .backgroundIncludesBadPixels),
        ("used_in_modelling", .usedInModelling), ("centroid_outlier", .centroidOutlier),
        ("failed_during_background_modelling", .failedDuringBackgroundModelling),
        ("failed_during_summation", .failedDuringSummation),
        ("failed_during_profile_fitting", .failedDuringProfileFitting),
        ("bad_reference", .badReference), ("user_excluded_in_scaling", .userExcludedInScaling),
        ("outlier_in_scaling", .outlierInScaling), ("excluded_for_scaling", .excludedForScaling),
        ("excluded_for_refinement", .excludedForRefinement), ("scaled", .scaled),
    ]

    /// The flag with this DIALS name (single bits and the composites "integrated",
    /// "includes_bad_pixels", "bad_shoebox", "bad_spot", "bad_for_scaling", "bad_for_refinement").
    public init?(dialsName: String) {
        if let f = ReflectionFlags.named.first(where: { $0.name == dialsName }) {
            self = f.flag
            return
        }
        switch dialsName {
        case "integrated": self = .integrated
        case "includes_bad_pixels": self = .includesBadPixels
        case "bad_shoebox", "bad_spot": self = .badShoebox
        case "bad_for_scaling": self = .badForScaling
        case "bad_for_refinement": self = .badForRefinement
        default: return nil
        }
    }

    /// DIALS names of the single-bit flags set, in bit order.
    public var names: [String] {
        ReflectionFlags.named.filter { contains($0.flag) }.map(\.name)
    }

    /// "strong|indexed"; unnamed bits are shown as "bit N".
    public var description: String {
        var parts = names
        let known = ReflectionFlags.named.reduce(ReflectionFlags()) { $0.union($1.flag) }
        let unknown = rawValue & ~known.rawValue
        for bit in 0..<64 where unknown & (1 << UInt64(bit)) != 0 { parts.append("bit \(bit)") }
        return parts.isEmpty ? "none" : parts.joined(separator: "|")
    }
}
