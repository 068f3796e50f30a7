/// Row operations: selection, concatenation and sorting. Each applies to every column at once so
/// rows never come apart.
extension ReflectionTable {
    /// The rows where `mask` is true (DIALS `select(flex.bool)`). Identifiers are kept whole.
    public func select(_ mask: [Bool]) throws(ReflectionTableError) -> ReflectionTable {
        guard mask.count == nrows else {
            throw .maskLengthMismatch(expected: nrows, actual: mask.count)
        }
        // Gathering by an index list is faster than testing the mask once per column.
        var rows: [Int] = []
        rows.reserveCapacity(nrows)
        for i in mask.indices where mask[i] { rows.append(i) }
        var out = self
        out.replaceAll(allColumns.mapValues { $0.gathering(rows) }, rows: rows.count)
        return out
    }

    /// The rows at `rows`, in that order; repeats allowed (DIALS `select(flex.size_t)`).
    public func select(rows: [Int]) throws(ReflectionTableError) -> ReflectionTable {
        if let bad = rows.first(where: { $0 < 0 || $0 >= nrows }) {
            throw .rowOutOfRange(row: bad, nrows: nrows)
        }
        var out = self
        out.replaceAll(allColumns.mapValues { $0.gathering(rows) }, rows: rows.count)
        return out
    }

    /// Appends `other`'s rows (DIALS `extend`). A column missing from one side is filled with
    /// zeros for that side's rows, as DIALS does; a column with different element types on the
    /// two sides, or an experiment id naming different identifiers, is an error. Identifiers
    /// are merged. ``skippedColumns`` becomes the union of both.
    public mutating func extend(_ other: ReflectionTable) throws(ReflectionTableError) {
        let mine = allColumns, theirs = other.allColumns
        for (name, column) in theirs {
            if let existing = mine[name], existing.type != column.type {
                throw .typeMismatch(column: name, expected: existing.type, actual: column.type)
            }
        }
        for (id, incoming) in other.identifiers {
            if let existing = identifiers[id], existing != incoming {
                throw .identifierConflict(id: id, existing: existing, incoming: incoming)
            }
        }
        var merged: [String: ReflectionColumn] = [:]
        for name in Set(mine.keys).union(theirs.keys) {
            let head = mine[name] ?? .zeros(theirs[name]!.type, count: nrows)
            let tail = theirs[name] ?? .zeros(head.type, count: other.nrows)
            merged[name] = head.appending(tail)!
        }
        replaceAll(merged, rows: nrows + other.nrows)
        identifiers.merge(other.identifiers) { a, _ in a }
        for name in other.skippedColumns where !skippedColumns.contains(name) {
            skippedColumns.append(name)
        }
    }

    /// The row order that sorts the table by column `name`: a stable sort (equal keys keep their
    /// order, in both directions) so results are deterministic. Vector-like keys (vec3, int6,
    /// Miller index) sort lexicographically, as DIALS's Python `sort` does; NaN sorts last
    /// (first when descending).
    public func sortPermutation(
        by name: String, descending: Bool = false
    ) throws(ReflectionTableError) -> [Int] {
        guard let column = self[name] else { throw .missingColumn(name) }
        func perm<T: ReflectionColumnElement>(_ keys: [T]) -> [Int] {
            keys.indices.sorted { i, j in
                let (a, b) = descending ? (keys[j], keys[i]) : (keys[i], keys[j])
                if T.sortsBefore(a, b) { return true }
                if T.sortsBefore(b, a) { return false }
                return i < j
            }
        }
        switch column {
        case .int(let a): return perm(a)
        case .size(let a): return perm(a)
        case .double(let a): return perm(a)
        case .bool(let a): return perm(a)
        case .vec3(let a): return perm(a)
        case .int6(let a): return perm(a)
        case .miller(let a): return perm(a)
        }
    }

    /// A copy sorted by column `name` (see ``sortPermutation(by:descending:)``).
    public func sorted(by name: String, descending: Bool = false) throws(ReflectionTableError) -> ReflectionTable {
        try select(rows: sortPermutation(by: name, descending: descending))
    }

    /// Sorts in place by column `name` (DIALS `sort(name, reverse)`).
    public mutating func sort(by name: String, descending: Bool = false) throws(ReflectionTableError) {
        self = try sorted(by: name, descending: descending)
    }
}
