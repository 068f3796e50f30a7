/// The 14 Bravais lattice types in DIALS's two-letter notation (crystal family + centring):
/// the lattices `dials.refine_bravais_settings` lists and a space group's lattice belongs to.
public enum BravaisType: String, Sendable, CaseIterable, Codable, Comparable {
    case aP, mP, mC, oP, oC, oI, oF, tP, tI, hP, hR, cP, cI, cF

    /// A lattice as `refine_bravais_settings` labels it (``BravaisSetting/label``): the type's
    /// name, or "mI" for mC given in its body-centred setting.
    public init?(label: String) {
        self.init(rawValue: label == "mI" ? "mC" : label)
    }

    /// The crystal system whose metric constraints refinement applies ("rhombohedral" is hR in
    /// hexagonal axes, as rstbx names it).
    public var crystalSystem: CrystalSystem {
        switch self {
        case .aP: return .triclinic
        case .mP, .mC: return .monoclinic
        case .oP, .oC, .oI, .oF: return .orthorhombic
        case .tP, .tI: return .tetragonal
        case .hP: return .hexagonal
        case .hR: return .rhombohedral
        case .cP, .cI, .cF: return .cubic
        }
    }

    /// The centric Bravais group (holohedry with its centring): its number orders Le Page
    /// solutions of equal metric fit, as cctbx does.
    public var holohedryNumber: Int {
        switch self {
        case .aP: return 2
        case .mP: return 10
        case .mC: return 12
        case .oP: return 47
        case .oC: return 65
        case .oF: return 69
        case .oI: return 71
        case .tP: return 123
        case .tI: return 139
        case .hR: return 166
        case .hP: return 191
        case .cP: return 221
        case .cF: return 225
        case .cI: return 229
        }
    }

    /// The lowest-symmetry space group of the lattice, in which DIALS refines a Bravais setting
    /// (`bravais_settings.py`): P 1, P 2, C 2, P 2 2 2, C 2 2 21, F 2 2 2, I 2 2 2, P 4, I 4,
    /// P 3, R 3 :H, P 2 3, I 2 3, F 2 3.
    public var lowestSpaceGroupNumber: Int {
        switch self {
        case .aP: return 1
        case .mP: return 3
        case .mC: return 5
        case .oP: return 16
        case .oC: return 20
        case .oF: return 22
        case .oI: return 23
        case .tP: return 75
        case .tI: return 79
        case .hP: return 143
        case .hR: return 146
        case .cP: return 195
        case .cI: return 197
        case .cF: return 196
        }
    }

    /// Points of the lattice per conventional cell.
    public var centringCount: Int {
        switch self {
        case .aP, .mP, .oP, .tP, .hP, .cP: return 1
        case .mC, .oC, .oI, .tI, .cI: return 2
        case .hR: return 3
        case .oF, .cF: return 4
        }
    }

    public static func < (a: BravaisType, b: BravaisType) -> Bool { a.holohedryNumber < b.holohedryNumber }
}

/// The seven crystal systems, with the hexagonal family split as rstbx splits it for metric
/// constraints (trigonal groups with a P lattice are hexagonal here, R lattices rhombohedral).
public enum CrystalSystem: String, Sendable, CaseIterable, Codable {
    case triclinic, monoclinic, orthorhombic, tetragonal, hexagonal, rhombohedral, cubic
}
