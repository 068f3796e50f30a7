/// Why a reflection-table operation was refused. Tables are never left half-changed: an
/// operation that throws has not modified the table.
public enum ReflectionTableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A column's length differs from the table's row count.
    case lengthMismatch(column: String, expected: Int, actual: Int)
    case missingColumn(String)
    /// The column exists but holds another element type.
    case typeMismatch(column: String, expected: ReflectionColumnType, actual: ReflectionColumnType)
    /// A row mask's length differs from the table's row count.
    case maskLengthMismatch(expected: Int, actual: Int)
    case rowOutOfRange(row: Int, nrows: Int)
    /// Two tables map one experiment id to different identifier strings.
    case identifierConflict(id: Int, existing: String, incoming: String)

    public var description: String {
        switch self {
        case let .lengthMismatch(column, expected, actual):
            return "column '\(column)' has \(actual) values but the table has \(expected) rows"
        case let .missingColumn(name):
            return "no column '\(name)'"
        case let .typeMismatch(column, expected, actual):
            return "column '\(column)' holds \(actual.dialsName), not \(expected.dialsName)"
        case let .maskLengthMismatch(expected, actual):
            return "row mask has \(actual) entries but the table has \(expected) rows"
        case let .rowOutOfRange(row, nrows):
            return "row \(row) is out of range for a table of \(nrows) rows"
        case let .identifierConflict(id, existing, incoming):
            return "experiment id \(id) is '\(existing)' in one table and '\(incoming)' in the other"
        }
    }
}
