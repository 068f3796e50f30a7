/// The stages every sequence goes through, in order, named as the tutorial's DIALS programs
/// and files name them.
public enum PipelineStage: String, Codable, CaseIterable, Sendable, Comparable {
    /// `dials.import`: the sweep's models from the image headers.
    case importImages = "import"
    /// `dials.find_spots` → strong.refl.
    case spots
    /// `dials.index` in P 1 → P1_models.expt.
    case indexP1 = "index_p1"
    /// `dials.index` in the target space group from the P 1 orientation → indexed.expt.
    case indexTarget = "index_target"
    /// `dials.refine` scan-static with Tukey outlier rejection → refined.expt.
    case refine
    /// `dials.integrate` summation in the resolution band → integrated.refl.
    case integrate
    /// `dials.export` → integrated.mtz.
    case export

    /// The short column heading the sequence list shows.
    public var heading: String {
        switch self {
        case .importImages: return "img"
        case .spots: return "spots"
        case .indexP1: return "P1"
        case .indexTarget: return "SG"
        case .refine: return "refine"
        case .integrate: return "integ"
        case .export: return "mtz"
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
