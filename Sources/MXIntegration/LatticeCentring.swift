/// Systematic absences of a lattice centring: the only absences DIALS's predictor applies
/// (it predicts in the Patterson group, so screw axes and glide planes do not remove anything).
/// h is absent when h·t is not an integer for a centring translation t.
struct LatticeCentring: Sendable, Equatable {
    /// Centring translations in thirds or halves, as (numerators, denominator).
    let translations: [(SIMD3<Int>, Int)]

    static func == (a: LatticeCentring, b: LatticeCentring) -> Bool {
        a.translations.count == b.translations.count
            && zip(a.translations, b.translations).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// From the lattice symbol that opens a Hall symbol (" R 3", "-C 2y", " P 1"). A Hall
    /// symbol with a change-of-basis suffix is in a non-standard setting whose centring vectors
    /// we do not transform, so it gets no absences: extra predictions are harmless (they
    /// integrate to zero), missing ones would not be.
    init(hallSymbol: String) {
        var text = Substring(hallSymbol).drop { $0 == " " }
        if text.first == "-" { text = text.dropFirst() }
        let letter = text.first.map { Character($0.uppercased()) } ?? "P"
        if hallSymbol.contains("(") {
            translations = []
            return
        }
        switch letter {
        case "A": translations = [(SIMD3(0, 1, 1), 2)]
        case "B": translations = [(SIMD3(1, 0, 1), 2)]
        case "C": translations = [(SIMD3(1, 1, 0), 2)]
        case "I": translations = [(SIMD3(1, 1, 1), 2)]
        case "F": translations = [(SIMD3(0, 1, 1), 2), (SIMD3(1, 0, 1), 2)]
        // Rhombohedral in hexagonal axes: obverse (R), and the two other settings cctbx names.
        case "R": translations = [(SIMD3(2, 1, 1), 3)]
        case "S": translations = [(SIMD3(1, 1, 2), 3)]
        case "T": translations = [(SIMD3(1, 2, 1), 3)]
        default: translations = []
        }
    }

    /// Whether reflection h can have intensity.
    func isAllowed(_ h: SIMD3<Int32>) -> Bool {
        let v = SIMD3<Int>(Int(h.x), Int(h.y), Int(h.z))
        for (t, n) in translations where (v &* t).wrappedSum() % n != 0 { return false }
        return true
    }
}
