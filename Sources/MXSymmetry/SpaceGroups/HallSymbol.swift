/// The rotation parts of a space group read from its Hall symbol (Hall 1981; the form cctbx
/// writes as `space_group_hall_symbol` in `.expt` files), which is all that constrains the
/// unit-cell metric in refinement.
///
/// What it covers: the lattice symbol (centring translations do not touch rotations and are
/// skipped), a leading `-` (inversion, irrelevant to the metric but recorded), up to four
/// matrix symbols N ∈ {1, 2, 3, 4, 6} with optional `-`, explicit axes `x y z`, the face
/// diagonals `'` `"` of two-folds and the body diagonal `*` of three-folds, translation and
/// screw symbols (`a b c n u v w d` and digits, skipped), Hall's default axes (first matrix
/// along c; a following two-fold along a after a 2 or 4, along a−b after a 3 or 6; a later
/// three-fold along the body diagonal), and a trailing change-of-basis operator in
/// parentheses — either an origin shift `(0 0 1)` (ignored) or an operator such as
/// `(z,x,y)` or `(x-y,x+y,z)` whose linear part V maps each rotation R to V·R·V⁻¹, as cctbx
/// does. Every Hall symbol of cctbx's 530-setting table is checked against cctbx in the tests.
public struct HallSymbol: Sendable, Equatable {
    public let symbol: String
    /// True when the symbol starts with `-` (a centre of symmetry at the origin).
    public let isCentric: Bool
    /// The rotation parts of the generators in the setting the symbol describes.
    public let generators: [IntMatrix3]
    /// Every distinct rotation part of the group (proper and improper).
    public let rotations: Set<IntMatrix3>

    public init(_ symbol: String) throws(SymmetryError) {
        self.symbol = symbol
        var text = symbol.trimmingCharactersInSpaceSet()
        var changeOfBasis: IntMatrix3?
        if let open = text.firstIndex(of: "(") {
            guard let close = text.lastIndex(of: ")"), close > open else {
                throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": unbalanced parentheses")
            }
            let inner = String(text[text.index(after: open)..<close])
            changeOfBasis = try Self.changeOfBasis(inner, symbol: symbol)
            text = String(text[..<open]).trimmingCharactersInSpaceSet()
        }
        var tokens = text.split(separator: " ").map(String.init)
        guard !tokens.isEmpty else { throw .unsupportedSpaceGroup("empty Hall symbol") }
        var lattice = tokens.removeFirst()
        var centric = false
        if lattice.hasPrefix("-") {
            centric = true
            lattice.removeFirst()
        }
        guard lattice.count == 1, "PABCIRSTF".contains(lattice.uppercased()) else {
            throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": unknown lattice symbol \"\(lattice)\"")
        }
        guard tokens.count <= 4 else {
            throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": more than four matrix symbols")
        }
        var generators: [IntMatrix3] = []
        var previousOrder = 0
        var previousAxis: Character = "z"
        for (position, token) in tokens.enumerated() {
            let m = try Self.matrixSymbol(token, position: position, previousOrder: previousOrder,
                                          previousAxis: previousAxis, symbol: symbol)
            generators.append(m.rotation)
            previousOrder = m.order
            previousAxis = m.principalAxis
        }
        if centric { generators.append(-IntMatrix3.identity) }
        if let v = changeOfBasis {
            generators = try generators.map { r throws(SymmetryError) in try Self.transform(r, by: v, symbol: symbol) }
        }
        guard let group = IntMatrix3.closure(of: generators) else {
            throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\" does not describe a crystallographic point group")
        }
        self.isCentric = centric
        self.generators = generators
        self.rotations = group
    }

    // MARK: - Matrix symbols

    private struct MatrixSymbol {
        var rotation: IntMatrix3
        var order: Int
        /// x, y or z for a rotation about a basis axis (the reference of a following ' or ").
        var principalAxis: Character
    }

    private static func matrixSymbol(_ token: String, position: Int, previousOrder: Int,
                                     previousAxis: Character, symbol: String) throws(SymmetryError) -> MatrixSymbol {
        var chars = Array(token)
        var improper = false
        if chars.first == "-" {
            improper = true
            chars.removeFirst()
        }
        guard let first = chars.first, let order = Int(String(first)), [1, 2, 3, 4, 6].contains(order) else {
            throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": cannot read matrix symbol \"\(token)\"")
        }
        chars.removeFirst()
        var axis: Character?
        for c in chars {
            switch c {
            case "x", "y", "z", "'", "\"", "*":
                guard axis == nil else {
                    throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": two axis symbols in \"\(token)\"")
                }
                axis = c
            case "a", "b", "c", "n", "u", "v", "w", "d", "1", "2", "3", "4", "5":
                continue  // translations and screw components do not change the rotation
            default:
                throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": unexpected \"\(c)\" in \"\(token)\"")
            }
        }
        // Hall's default axes.
        if axis == nil {
            if order == 1 {
                axis = "z"
            } else if position == 0 {
                axis = "z"
            } else if order == 2 && (previousOrder == 2 || previousOrder == 4) {
                axis = "x"
            } else if order == 2 && (previousOrder == 3 || previousOrder == 6) {
                axis = "'"
            } else if order == 3 {
                axis = "*"
            } else {
                throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": no default axis for \"\(token)\"")
            }
        }
        let rotation: IntMatrix3
        var principal = previousAxis
        switch axis! {
        case "x", "y", "z":
            principal = axis!
            rotation = basisAxisRotation(order: order, axis: axis!)
        case "'", "\"":
            guard order == 2 else {
                throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": \(axis!) needs a two-fold in \"\(token)\"")
            }
            // Face diagonals are taken relative to the preceding three- or six-fold's axis,
            // otherwise relative to c (what cctbx's parser does).
            let reference: Character = (previousOrder == 3 || previousOrder == 6) ? previousAxis : "z"
            rotation = faceDiagonalTwoFold(reference: reference, plus: axis! == "\"")
        default:
            guard order == 3 else {
                throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": * needs a three-fold in \"\(token)\"")
            }
            rotation = IntMatrix3([0, 0, 1, 1, 0, 0, 0, 1, 0])
        }
        return MatrixSymbol(rotation: improper ? -rotation : rotation, order: order, principalAxis: principal)
    }

    /// N-fold rotations about a, b or c in fractional coordinates (Hall's table; hexagonal
    /// three- and six-folds as in the hexagonal basis).
    private static func basisAxisRotation(order: Int, axis: Character) -> IntMatrix3 {
        // About z; the x and y forms are the cyclic permutations (z→x→y).
        let aboutZ: IntMatrix3
        switch order {
        case 1: return .identity
        case 2: aboutZ = IntMatrix3([-1, 0, 0, 0, -1, 0, 0, 0, 1])
        case 3: aboutZ = IntMatrix3([0, -1, 0, 1, -1, 0, 0, 0, 1])
        case 4: aboutZ = IntMatrix3([0, -1, 0, 1, 0, 0, 0, 0, 1])
        default: aboutZ = IntMatrix3([1, -1, 0, 1, 0, 0, 0, 0, 1])
        }
        return permuted(aboutZ, to: axis)
    }

    /// Two-folds along a−b (') or a+b (") relative to c, and their cyclic permutations for a
    /// reference axis a (b∓c) or b (c∓a).
    private static func faceDiagonalTwoFold(reference: Character, plus: Bool) -> IntMatrix3 {
        let aboutZ = plus ? IntMatrix3([0, 1, 0, 1, 0, 0, 0, 0, -1]) : IntMatrix3([0, -1, 0, -1, 0, 0, 0, 0, -1])
        return permuted(aboutZ, to: reference)
    }

    /// Carries a matrix written for axis c over to axis a (x) or b (y) by the cyclic
    /// permutation P: R′ = P·R·Pᵀ.
    private static func permuted(_ r: IntMatrix3, to axis: Character) -> IntMatrix3 {
        switch axis {
        case "x": // c → a: x′ = z-role… the permutation (x, y, z) → (y, z, x)
            let p = IntMatrix3([0, 0, 1, 1, 0, 0, 0, 1, 0])
            return p * r * p.transpose
        case "y":
            let p = IntMatrix3([0, 1, 0, 0, 0, 1, 1, 0, 0])
            return p * r * p.transpose
        default:
            return r
        }
    }

    // MARK: - Change of basis

    /// The linear part of a parenthesised change-of-basis operator, or nil for an origin shift.
    private static func changeOfBasis(_ inner: String, symbol: String) throws(SymmetryError) -> IntMatrix3? {
        let trimmed = inner.trimmingCharactersInSpaceSet()
        if !trimmed.contains(",") {
            // "0 0 1": an origin shift in twelfths; no effect on rotations.
            guard trimmed.split(separator: " ").allSatisfy({ Int($0) != nil }) else {
                throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": cannot read change of basis \"(\(inner))\"")
            }
            return nil
        }
        let rows = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard rows.count == 3 else {
            throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": cannot read change of basis \"(\(inner))\"")
        }
        var e: [Int] = []
        for row in rows { e += try linearPart(row, symbol: symbol) }
        let v = IntMatrix3(e)
        guard v.determinant != 0 else {
            throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": singular change of basis \"(\(inner))\"")
        }
        return v
    }

    /// Coefficients of x, y, z in one component such as "-x+z" or "x+y+1/4" (constants skipped).
    private static func linearPart(_ text: String, symbol: String) throws(SymmetryError) -> [Int] {
        var coefficients = [0, 0, 0]
        var sign = 1
        var number = ""
        var fractionTail = false
        for c in text.replacingSpaces() {
            switch c {
            case "+", "-":
                number = ""
                fractionTail = false
                sign = c == "-" ? -1 : 1
            case "0"..."9":
                number.append(c)
            case "/", ".":
                fractionTail = true
            case "x", "y", "z":
                guard !fractionTail else {
                    throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": fractional coefficient in \"\(text)\"")
                }
                let k = number.isEmpty ? 1 : Int(number)!
                coefficients[c == "x" ? 0 : (c == "y" ? 1 : 2)] += sign * k
                number = ""
                sign = 1
            default:
                throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": unexpected \"\(c)\" in change of basis")
            }
        }
        return coefficients
    }

    /// V·R·V⁻¹ in integers: V·R·adj(V) / det(V), which must divide exactly.
    private static func transform(_ r: IntMatrix3, by v: IntMatrix3, symbol: String) throws(SymmetryError) -> IntMatrix3 {
        let d = v.determinant
        let product = v * r * v.adjugate
        guard product.e.allSatisfy({ $0 % d == 0 }) else {
            throw .unsupportedSpaceGroup("Hall symbol \"\(symbol)\": change of basis gives non-integral rotations")
        }
        return IntMatrix3(product.e.map { $0 / d })
    }
}

extension IntMatrix3 {
    /// adj(M), so that M·adj(M) = det(M)·I.
    var adjugate: IntMatrix3 {
        let m = e
        return IntMatrix3([
            m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
            m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
            m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3],
        ])
    }
}

extension String {
    func trimmingCharactersInSpaceSet() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }

    func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
