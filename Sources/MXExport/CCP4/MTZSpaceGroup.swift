import MXSymmetry
import CCCP4
import MXReflections

/// A space group as CCP4 knows it: the symmetry records an MTZ header carries, and the mapping
/// of Miller indices into CCP4's reciprocal-space asymmetric unit with the ISYM code that
/// records which operator (and whether Friedel's mate) took the index there.
///
/// Loaded through csymlib from a crystal's Hall symbol, so every space group in CCP4's
/// `syminfo.lib` works, not only the ones mxtriage meets (P 1, H 3).
public struct MTZSpaceGroup: Sendable {
    /// International Tables number.
    public let number: Int
    /// CCP4's number (146 for H 3, 1146 for R 3 in the rhombohedral setting).
    public let ccp4Number: Int
    /// The name CCP4 programs write in MTZ headers ("P 1", "H 3", "P 21 21 21").
    public let name: String
    /// Extended Hermann–Mauguin symbol ("R 3 :H").
    public let extendedHermannMauguin: String
    /// CCP4 point-group name ("PG3").
    public let pointGroup: String
    /// Lattice centring letter (P, A, B, C, I, F or R — R also for the hexagonal setting H 3).
    public let lattice: Character
    /// Every operator as a row-major 4×4 matrix (translations in column 3), primitive ones first.
    public let operators: [[Float]]
    /// The number of primitive operators (rotation parts without the centring translations).
    public let primitiveCount: Int

    private let handle: Handle

    /// The space group with this Hall symbol (" P 1", " R 3").
    public init(hall: String) throws(MTZExportError) {
        guard let table = SymInfoTable.shared else {
            throw .unsupportedSpaceGroup("\(hall.trimmingCharacters(in: .whitespaces)) (CCP4's syminfo.lib was not found; set SYMINFO)")
        }
        guard let entry = table.entry(hall: hall) else {
            throw .unsupportedSpaceGroup("Hall symbol \"\(hall.trimmingCharacters(in: .whitespaces))\" is not in CCP4's syminfo.lib")
        }
        let loaded: UnsafeMutablePointer<CCP4SPG>? = CCP4Library.withLock {
            entry.ccp4Number > 0 ? ccp4spg_load_by_ccp4_num(Int32(entry.ccp4Number))
                : ccp4spg_load_by_spgname(entry.extendedHermannMauguin)
        }
        guard let sp = loaded else {
            throw .unsupportedSpaceGroup("csymlib cannot load \(entry.extendedHermannMauguin)")
        }
        handle = Handle(sp)
        number = Int(sp.pointee.spg_num)
        ccp4Number = Int(sp.pointee.spg_ccp4_num)
        let old = String(cString: mxt_spg_old_symbol(sp)).trimmingCharacters(in: .whitespaces)
        let xhm = String(cString: mxt_spg_xhm_symbol(sp)).trimmingCharacters(in: .whitespaces)
        // CCP4 names the MTZ space group by its old symbol; settings without one use the xHM symbol.
        name = old.isEmpty ? xhm : old
        extendedHermannMauguin = xhm
        pointGroup = String(cString: mxt_spg_point_group(sp)).trimmingCharacters(in: .whitespaces)
        lattice = xhm.first ?? name.first ?? "P"
        primitiveCount = Int(sp.pointee.nsymop_prim)
        var ops: [[Float]] = []
        for i in 0..<Int(sp.pointee.nsymop) {
            var m = [Float](repeating: 0, count: 16)
            m.withUnsafeMutableBufferPointer { mxt_spg_symop(sp, Int32(i), $0.baseAddress) }
            ops.append(m)
        }
        operators = ops
    }

    /// `h` mapped into CCP4's asymmetric unit, and ISYM: 2k−1 when primitive operator k (1-based)
    /// takes h there, 2k when it takes h's Friedel mate there.
    public func asymmetricUnit(_ h: MillerIndex) -> (index: MillerIndex, isym: Int) {
        var (a, b, c): (Int32, Int32, Int32) = (0, 0, 0)
        let isym = ccp4spg_put_in_asu(handle.pointer, h.h, h.k, h.l, &a, &b, &c)
        return (MillerIndex(a, b, c), Int(isym))
    }

    /// Owns csymlib's allocation; it is only read after loading, so sharing it is safe.
    private final class Handle: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<CCP4SPG>
        init(_ pointer: UnsafeMutablePointer<CCP4SPG>) { self.pointer = pointer }
        deinit {
            var p: UnsafeMutablePointer<CCP4SPG>? = pointer
            CCP4Library.withLock { ccp4spg_free(&p) }
        }
    }
}
