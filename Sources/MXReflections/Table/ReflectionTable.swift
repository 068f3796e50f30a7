import MXGeometry

/// A columnar table of reflections: DIALS's `flex.reflection_table` as a Swift value.
///
/// Every column has exactly ``nrows`` elements, stored as a contiguous Swift array of its element
/// type, so science code can loop over `[Double]` or `[Vec3]` at full speed. Column names are the
/// DIALS ones ("xyzobs.px.value", "intensity.sum.value", "miller_index", …). The table is a
/// value type: copies are cheap (arrays are copy-on-write) and it crosses concurrency domains
/// freely.
///
/// ``identifiers`` maps the integer experiment id stored in the "id" column to the experiment's
/// identifier string in the `.expt` file, exactly like `experiment_identifiers()` in DIALS.
public struct ReflectionTable: Sendable, CustomStringConvertible {
    /// The number of rows. Fixed by the first column added to an empty table, as in DIALS.
    public private(set) var nrows: Int
    private var storage: [String: ReflectionColumn]
    /// Experiment id → experiment identifier string.
    public var identifiers: [Int: String]
    /// Columns present in the file this table was read from but not loaded because their type is
    /// not supported (for example "shoebox" of type "Shoebox<>"). They are not written back.
    /// Provenance only: it does not take part in `==`.
    public var skippedColumns: [String]

    /// An empty table with `nrows` rows and no columns.
    public init(nrows: Int = 0, identifiers: [Int: String] = [:]) {
        self.nrows = max(0, nrows)
        self.storage = [:]
        self.identifiers = identifiers
        self.skippedColumns = []
    }

    /// A table from named columns, which must all have the same length.
    public init(
        columns: [String: ReflectionColumn], identifiers: [Int: String] = [:]
    ) throws(ReflectionTableError) {
        self.init(identifiers: identifiers)
        for name in columns.keys.sorted() { try setColumn(name, columns[name]!) }
    }

    /// Column names in byte-wise (C++ `std::string`) order: the order DIALS iterates and writes
    /// them in.
    public var columnNames: [String] {
        storage.keys.sorted(by: ReflectionTable.nameOrder)
    }

    public var ncols: Int { storage.count }

    public func contains(_ name: String) -> Bool { storage[name] != nil }

    /// The column's element type, or nil if there is no such column.
    public func columnType(_ name: String) -> ReflectionColumnType? { storage[name]?.type }

    /// The untyped column.
    public subscript(name: String) -> ReflectionColumn? { storage[name] }

    /// The column's values if it exists and holds `T`; nil otherwise.
    public subscript<T: ReflectionColumnElement>(name: String, as type: T.Type) -> [T]? {
        storage[name].flatMap(T.values(in:))
    }

    /// Typed access that says why it failed: missing column or wrong element type.
    public func values<T: ReflectionColumnElement>(
        _ name: String, as type: T.Type = T.self
    ) throws(ReflectionTableError) -> [T] {
        guard let column = storage[name] else { throw .missingColumn(name) }
        guard let values = T.values(in: column) else {
            throw .typeMismatch(column: name, expected: T.columnType, actual: column.type)
        }
        return values
    }

    /// "double" column values.
    public func doubles(_ name: String) -> [Double]? { self[name, as: Double.self] }
    /// "int" column values (DIALS `int` is 32-bit).
    public func ints(_ name: String) -> [Int32]? { self[name, as: Int32.self] }
    /// "std::size_t" column values.
    public func sizes(_ name: String) -> [UInt64]? { self[name, as: UInt64.self] }
    /// "bool" column values.
    public func bools(_ name: String) -> [Bool]? { self[name, as: Bool.self] }
    /// "vec3<double>" column values.
    public func vec3s(_ name: String) -> [Vec3]? { self[name, as: Vec3.self] }
    /// "int6" column values.
    public func int6s(_ name: String) -> [Int6]? { self[name, as: Int6.self] }
    /// "cctbx::miller::index<>" column values.
    public func millerIndices(_ name: String) -> [MillerIndex]? { self[name, as: MillerIndex.self] }

    /// Adds or replaces a column. Its length must equal ``nrows`` unless the table has no columns
    /// yet, in which case it sets ``nrows`` (DIALS's `__setitem__` rule).
    public mutating func setColumn(_ name: String, _ column: ReflectionColumn) throws(ReflectionTableError) {
        if storage.isEmpty {
            nrows = column.count
        } else if column.count != nrows {
            throw .lengthMismatch(column: name, expected: nrows, actual: column.count)
        }
        storage[name] = column
    }

    /// Adds or replaces a column from a typed array; same length rule as the untyped version.
    public mutating func setColumn<T: ReflectionColumnElement>(
        _ name: String, _ values: [T]
    ) throws(ReflectionTableError) {
        try setColumn(name, T.column(values))
    }

    /// Mutates a column's values in place without copying them (the array is taken out of the
    /// table for the duration of `body`). `body` must not change the number of elements.
    public mutating func modifyColumn<T: ReflectionColumnElement, R>(
        _ name: String, as type: T.Type, _ body: (inout [T]) -> R
    ) throws(ReflectionTableError) -> R {
        guard let actual = storage[name]?.type else { throw .missingColumn(name) }
        guard actual == T.columnType else {
            throw .typeMismatch(column: name, expected: T.columnType, actual: actual)
        }
        var values = T.values(in: storage.removeValue(forKey: name)!)!
        let result = body(&values)
        precondition(values.count == nrows, "modifyColumn body changed the length of '\(name)'")
        storage[name] = T.column(values)
        return result
    }

    /// Removes a column and returns it (nil if absent). Removing the last column keeps ``nrows``.
    @discardableResult
    public mutating func removeColumn(_ name: String) -> ReflectionColumn? {
        storage.removeValue(forKey: name)
    }

    public mutating func removeColumns(_ names: some Sequence<String>) {
        for n in names { storage.removeValue(forKey: n) }
    }

    public var description: String {
        let cols = columnNames.map { "\($0) \(storage[$0]!.type.dialsName)" }.joined(separator: ", ")
        return "ReflectionTable(\(nrows) rows; \(cols))"
    }

    /// All columns, for code in this module that transforms every column alike.
    var allColumns: [String: ReflectionColumn] { storage }

    /// Replaces all columns at once. Callers guarantee every column has `rows` elements.
    mutating func replaceAll(_ columns: [String: ReflectionColumn], rows: Int) {
        storage = columns
        nrows = rows
    }

    /// Byte-wise comparison of UTF-8, which is how `std::map<std::string, …>` orders keys.
    static func nameOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

extension ReflectionTable: Equatable {
    /// Same rows, columns (names, types, values) and identifiers. ``skippedColumns`` is ignored.
    /// Values compare with `==`, so a NaN anywhere makes a table unequal to itself.
    public static func == (a: ReflectionTable, b: ReflectionTable) -> Bool {
        a.nrows == b.nrows && a.storage == b.storage && a.identifiers == b.identifiers
    }
}
