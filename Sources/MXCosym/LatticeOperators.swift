import Foundation
import MXGeometry
import MXSymmetry

/// The lattice's symmetry as reindexing operators on the Miller indices of the input setting:
/// Le Page's rotation group of the cell (``LatticeSearch``, found in a primitive reduced basis)
/// carried into the input basis, each rotation R (on direct coordinates) becoming the matrix
/// M = Rᵀ in that basis, so that h′ = M·h. Rotations that do not keep the input cell's centred
/// lattice (possible only for a metric more symmetric than the centring) are left out.
public struct LatticeOperators: Sendable {
    public let search: LatticeSearch
    /// Rows: the reduced basis vectors in the input basis (rational when the input is centred).
    let toReduced: [Double]
    /// The lattice's operators (proper), identity first, then sorted.
    public let operators: [IntMatrix3]

    public init(cell: UnitCell, centring: Character, maxDelta: Double) throws(CosymError) {
        let o = cell.orthogonalization
        let basis = [o.column0, o.column1, o.column2]
        let c = Self.primitiveRows(centring)
        var prim: [Vec3] = []
        for i in 0..<3 {
            let x: Vec3 = basis[0] * c[3 * i]
            let y: Vec3 = basis[1] * c[3 * i + 1]
            let z: Vec3 = basis[2] * c[3 * i + 2]
            prim.append(x + y + z)
        }
        do { search = try LatticeSearch(a: prim[0], b: prim[1], c: prim[2], maxDelta: maxDelta) } catch {
            throw .lattice("no lattice for cell \(cell): \(error)")
        }
        let r = search.toReduced.e.map(Double.init)
        toReduced = Self.multiply(r, c)
        var ops: [IntMatrix3] = []
        for rot in search.latticeGroup.rotations {
            if let m = Self.reciprocal(rot, toReduced: toReduced) { ops.append(m) }
        }
        operators = Self.canonicalOrder(ops)
    }

    /// Identity first, then lexicographic order of the elements (a fixed order whatever a set's).
    static func canonicalOrder(_ ops: [IntMatrix3]) -> [IntMatrix3] {
        ops.sorted { l, r in
            if l == .identity || r == .identity { return l == .identity && r != .identity }
            return l.e.lexicographicallyPrecedes(r.e)
        }
    }

    /// A rotation of the reduced basis (direct coordinates) as the Miller-index matrix of the
    /// input basis: M = T⁻¹·Rᵀ·T with T the reduced rows in the input basis; nil if not integral.
    func reciprocal(_ r: IntMatrix3) -> IntMatrix3? { Self.reciprocal(r, toReduced: toReduced) }

    static func reciprocal(_ r: IntMatrix3, toReduced t: [Double]) -> IntMatrix3? {
        let rt = r.transpose.e.map(Double.init)
        let m = multiply(multiply(inverse(t), rt), t)
        var out: [Int] = []
        for x in m {
            let k = x.rounded()
            guard abs(x - k) < 1e-6 else { return nil }
            out.append(Int(k))
        }
        return IntMatrix3(out)
    }

    /// Rows: primitive basis vectors of a lattice with this centring in its centred basis.
    static func primitiveRows(_ centring: Character) -> [Double] {
        let h = 0.5, t = 1.0 / 3
        switch centring {
        case "C": return [h, h, 0, -h, h, 0, 0, 0, 1]
        case "A": return [1, 0, 0, 0, h, h, 0, -h, h]
        case "B": return [h, 0, h, 0, 1, 0, -h, 0, h]
        case "I": return [-h, h, h, h, -h, h, h, h, -h]
        case "F": return [0, h, h, h, 0, h, h, h, 0]
        case "R", "H": return [2 * t, t, t, -t, t, t, -t, -2 * t, t]
        default: return [1, 0, 0, 0, 1, 0, 0, 0, 1]
        }
    }

    static func multiply(_ a: [Double], _ b: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: 9)
        for i in 0..<3 { for j in 0..<3 { for k in 0..<3 { out[3 * i + j] += a[3 * i + k] * b[3 * k + j] } } }
        return out
    }

    static func inverse(_ m: [Double]) -> [Double] {
        let d = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6])
        let adj = [m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
                   m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
                   m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]]
        return adj.map { $0 / d }
    }
}

extension IntMatrix3 {
    /// The inverse of a unimodular integer matrix (every lattice rotation is one).
    var unimodularInverse: IntMatrix3 {
        let m = e
        let adj = [m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
                   m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
                   m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]]
        return IntMatrix3(adj.map { $0 * determinant })
    }

    /// The operator in DIALS's hkl notation: row i gives index i of h′ = M·h ("k,h,-l").
    public var hklSymbol: String {
        (0..<3).map { i in
            var s = ""
            for (j, name) in ["h", "k", "l"].enumerated() {
                let k = e[3 * i + j]
                guard k != 0 else { continue }
                s += k < 0 ? "-" : (s.isEmpty ? "" : "+")
                if abs(k) != 1 { s += "\(abs(k))" }
                s += name
            }
            return s
        }.joined(separator: ",")
    }
}
