/// One space-group operation x′ = R·x + t on fractional coordinates, with the translation in
/// twelfths of a cell edge (every crystallographic translation is a multiple of 1/12).
public struct SymmetryOperation: Hashable, Sendable, CustomStringConvertible {
    public var rotation: IntMatrix3
    /// t·12, each component reduced to 0…11.
    public var translationTwelfths: SIMD3<Int>

    public init(rotation: IntMatrix3, translationTwelfths t: SIMD3<Int>) {
        self.rotation = rotation
        translationTwelfths = SIMD3(((t.x % 12) + 12) % 12, ((t.y % 12) + 12) % 12, ((t.z % 12) + 12) % 12)
    }

    public static let identity = SymmetryOperation(rotation: .identity, translationTwelfths: .zero)

    /// Reads csymlib's notation: "x,y,z", "-y,x-y,z+1/3", "x+1/2,y+1/2,z", "-x+y,-x,z".
    public init?(xyz text: String) {
        let rows = text.filter { $0 != " " }.lowercased().split(separator: ",", omittingEmptySubsequences: false)
        guard rows.count == 3 else { return nil }
        var r = [Int](repeating: 0, count: 9)
        var t = SIMD3<Int>.zero
        for (i, row) in rows.enumerated() {
            guard let (coefficients, twelfths) = Self.component(String(row)) else { return nil }
            for j in 0..<3 { r[3 * i + j] = coefficients[j] }
            t[i] = twelfths
        }
        self.init(rotation: IntMatrix3(r), translationTwelfths: t)
    }

    /// "x-y+1/3" → ([1, −1, 0], 4).
    private static func component(_ text: String) -> ([Int], Int)? {
        var coefficients = [0, 0, 0]
        var twelfths = 0
        var chars = Array(text)[...]
        guard !chars.isEmpty else { return nil }
        while !chars.isEmpty {
            var sign = 1
            if chars.first == "+" || chars.first == "-" {
                sign = chars.first == "-" ? -1 : 1
                chars = chars.dropFirst()
            }
            var digits = ""
            while let c = chars.first, c.isNumber { digits.append(c); chars = chars.dropFirst() }
            if let c = chars.first, let axis = "xyz".firstIndex(of: c) {
                let k = digits.isEmpty ? 1 : (Int(digits) ?? 0)
                coefficients["xyz".distance(from: "xyz".startIndex, to: axis)] += sign * k
                chars = chars.dropFirst()
            } else if let n = Int(digits) {
                var d = 1
                if chars.first == "/" {
                    chars = chars.dropFirst()
                    var den = ""
                    while let c = chars.first, c.isNumber { den.append(c); chars = chars.dropFirst() }
                    guard let v = Int(den), v > 0, 12 % v == 0 else { return nil }
                    d = v
                }
                twelfths += sign * n * (12 / d)
            } else {
                return nil
            }
        }
        return (coefficients, twelfths)
    }

    /// self ∘ other: first `other`, then `self`.
    public static func * (a: SymmetryOperation, b: SymmetryOperation) -> SymmetryOperation {
        let t = a.rotation.apply(b.translationTwelfths) &+ a.translationTwelfths
        return SymmetryOperation(rotation: a.rotation * b.rotation, translationTwelfths: t)
    }

    /// hR for a Miller index taken as a row vector (h′_j = Σ_i h_i R_ij), how reflections move.
    public func rotate(_ h: SIMD3<Int>) -> SIMD3<Int> { rotation.transpose.apply(h) }

    /// h·t in twelfths: the phase shift the operation gives reflection h, ×12.
    public func phaseTwelfths(_ h: SIMD3<Int>) -> Int {
        h.x * translationTwelfths.x + h.y * translationTwelfths.y + h.z * translationTwelfths.z
    }

    public var description: String {
        (0..<3).map { i in
            var s = linearCombination(rotation.row(i), names: ["x", "y", "z"])
            let t = translationTwelfths[i]
            if t != 0 {
                let g = gcd(t, 12)
                s += "+\(t / g)/\(12 / g)"
            }
            return s
        }.joined(separator: ",")
    }
}

func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }

/// "x-y", "2a+c": integer coefficients of named vectors as crystallographers write them.
func linearCombination(_ coefficients: SIMD3<Int>, names: [String]) -> String {
    var s = ""
    for (j, name) in names.enumerated() {
        let k = coefficients[j]
        guard k != 0 else { continue }
        s += k < 0 ? "-" : (s.isEmpty ? "" : "+")
        if abs(k) != 1 { s += "\(abs(k))" }
        s += name
    }
    return s
}

extension IntMatrix3 {
    /// R·v for a column vector.
    public func apply(_ v: SIMD3<Int>) -> SIMD3<Int> {
        SIMD3(e[0] * v.x + e[1] * v.y + e[2] * v.z, e[3] * v.x + e[4] * v.y + e[5] * v.z,
              e[6] * v.x + e[7] * v.y + e[8] * v.z)
    }

    /// The order of the proper rotation det(R)·R (1, 2, 3, 4 or 6), read from its trace.
    public var rotationOrder: Int {
        let trace = (e[0] + e[4] + e[8]) * determinant
        switch trace { case 3: return 1; case -1: return 2; case 0: return 3; case 1: return 4; default: return 6 }
    }
}
