/// DIALS's `get_flags` / `set_flags` / `unset_flags` on the "flags" column.
extension ReflectionTable {
    /// The column holding ``ReflectionFlags`` bits.
    public static let flagsColumn = "flags"

    /// The flags of every row, or nil if there is no "std::size_t" "flags" column.
    public var flags: [ReflectionFlags]? {
        sizes(Self.flagsColumn)?.map(ReflectionFlags.init(rawValue:))
    }

    /// For each row, whether it has all (`all: true`, DIALS's default) or any of `flags` set.
    /// A table without a "flags" column has no flags set.
    public func flagMask(_ flags: ReflectionFlags, all: Bool = true) throws(ReflectionTableError) -> [Bool] {
        guard contains(Self.flagsColumn) else { return Array(repeating: false, count: nrows) }
        let raw = try values(Self.flagsColumn, as: UInt64.self)
        let f = flags.rawValue
        return all ? raw.map { $0 & f == f } : raw.map { $0 & f != 0 }
    }

    /// Sets `flags` on the rows where `mask` is true (all rows if `mask` is nil), creating a zero
    /// "flags" column first if there is none.
    public mutating func setFlags(_ flags: ReflectionFlags, where mask: [Bool]? = nil) throws(ReflectionTableError) {
        try updateFlags(mask) { $0 | flags.rawValue }
    }

    /// Clears `flags` on the rows where `mask` is true (all rows if `mask` is nil).
    public mutating func unsetFlags(_ flags: ReflectionFlags, where mask: [Bool]? = nil) throws(ReflectionTableError) {
        try updateFlags(mask) { $0 & ~flags.rawValue }
    }

    private mutating func updateFlags(_ mask: [Bool]?, _ op: (UInt64) -> UInt64) throws(ReflectionTableError) {
        if let mask, mask.count != nrows {
            throw .maskLengthMismatch(expected: nrows, actual: mask.count)
        }
        if !contains(Self.flagsColumn) {
            try setColumn(Self.flagsColumn, ReflectionColumn.zeros(.size, count: nrows))
        }
        try modifyColumn(Self.flagsColumn, as: UInt64.self) { raw in
            for i in raw.indices where mask?[i] ?? true { raw[i] = op(raw[i]) }
        }
    }
}
