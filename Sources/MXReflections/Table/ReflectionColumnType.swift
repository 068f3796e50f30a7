/// The element types a reflection-table column can have, named as DIALS names them in `.refl`
/// files (`column_type<T>::name()` in `reflection_table_msgpack_adapter.h`).
///
/// DIALS also knows "std::string", "vec2<double>", "mat3<double>" and "Shoebox<>"; nothing in
/// this project needs them, so the reader skips such columns (see
/// ``ReflectionTable/skippedColumns``).
public enum ReflectionColumnType: String, Sendable, CaseIterable {
    case int = "int"
    case size = "std::size_t"
    case double = "double"
    case bool = "bool"
    case vec3 = "vec3<double>"
    case int6 = "int6"
    case miller = "cctbx::miller::index<>"

    /// The DIALS type name written in `.refl` files.
    public var dialsName: String { rawValue }

    /// Bytes per element in the little-endian binary blob (the C++ `sizeof`).
    public var elementSize: Int {
        switch self {
        case .int: return 4
        case .size: return 8
        case .double: return 8
        case .bool: return 1
        case .vec3: return 24
        case .int6: return 24
        case .miller: return 12
        }
    }
}
