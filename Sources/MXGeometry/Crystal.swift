/// A crystal in DIALS's convention: A = U·B, whose columns are a*, b*, c* in the lab frame at
/// φ = 0 (before the goniometer's fixed and setting rotations). B is the transpose of cctbx's
/// fractionalisation matrix, so it is lower triangular; U is a proper rotation.
public struct Crystal: Equatable, Sendable {
    /// A = U·B in Å⁻¹.
    public var A: Mat3
    /// The space group as a Hall symbol, as the `.expt` file stores it (" P 1", " R 3").
    public var spaceGroupHall: String
    /// Covariance of the nine elements of B (row-major 9×9), when refinement estimated it.
    public var bCovariance: [Double]?

    public init(A: Mat3, spaceGroupHall: String = " P 1") {
        self.A = A
        self.spaceGroupHall = spaceGroupHall
    }

    /// From real-space basis vectors a, b, c (lab frame, Å): A = [a; b; c]⁻¹.
    public init(realSpaceA a: Vec3, b: Vec3, c: Vec3, spaceGroupHall: String = " P 1") {
        self.init(A: Mat3(rows: a, b, c).inverse, spaceGroupHall: spaceGroupHall)
    }

    /// From an orientation U and a unit cell.
    public init(U: Mat3, unitCell: UnitCell, spaceGroupHall: String = " P 1") {
        self.init(A: U * unitCell.fractionalization.transpose, spaceGroupHall: spaceGroupHall)
    }

    /// Real-space basis vectors: the rows of A⁻¹ (Å).
    public var realSpaceVectors: (a: Vec3, b: Vec3, c: Vec3) {
        let inv = A.inverse
        return (inv.row0, inv.row1, inv.row2)
    }

    public var unitCell: UnitCell {
        let v = realSpaceVectors
        return UnitCell(vectors: v.a, v.b, v.c)
    }

    /// B = (cctbx fractionalisation)ᵀ of the current cell.
    public var B: Mat3 { unitCell.fractionalization.transpose }

    /// U = A·B⁻¹.
    public var U: Mat3 { A * B.inverse }

    /// Replaces B keeping U (the cell changes, the orientation does not).
    public mutating func setB(_ newB: Mat3) { A = U * newB }

    /// Replaces U keeping B.
    public mutating func setU(_ newU: Mat3) { A = newU * B }
}
