import MXGeometry

/// Column values ⇄ the raw little-endian element arrays DIALS stores in `.refl` `bin` blobs.
///
/// DIALS simply `memcpy`s its `af::shared<T>` storage, so the blob layout is the C++ memory
/// layout on a little-endian machine: `int` 4 bytes, `std::size_t` 8, `double` 8, `bool` 1 (0/1),
/// `vec3<double>` 3×8, `int6` 6×4, `miller::index<>` 3×4, no padding. Swift's `SIMD3<Double>`
/// is padded to 32 bytes in memory, so we always go element by element; explicit
/// little-endian conversion keeps the files identical on any host.
enum ColumnBinary {
    /// The blob for a column: `count × elementSize` bytes.
    static func encode(_ column: ReflectionColumn) -> [UInt8] {
        let size = column.type.elementSize
        let n = column.count
        return [UInt8](unsafeUninitializedCapacity: n * size) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            func put<T: FixedWidthInteger>(_ v: T, _ offset: Int) {
                raw.storeBytes(of: v.littleEndian, toByteOffset: offset, as: T.self)
            }
            switch column {
            case .int(let a):
                for (i, v) in a.enumerated() { put(v, 4 * i) }
            case .size(let a):
                for (i, v) in a.enumerated() { put(v, 8 * i) }
            case .double(let a):
                for (i, v) in a.enumerated() { put(v.bitPattern, 8 * i) }
            case .bool(let a):
                for (i, v) in a.enumerated() { put(UInt8(v ? 1 : 0), i) }
            case .vec3(let a):
                for (i, v) in a.enumerated() {
                    put(v.x.bitPattern, 24 * i)
                    put(v.y.bitPattern, 24 * i + 8)
                    put(v.z.bitPattern, 24 * i + 16)
                }
            case .int6(let a):
                for (i, v) in a.enumerated() {
                    let o = 24 * i
                    put(v.x0, o); put(v.x1, o + 4); put(v.y0, o + 8)
                    put(v.y1, o + 12); put(v.z0, o + 16); put(v.z1, o + 20)
                }
            case .miller(let a):
                for (i, v) in a.enumerated() {
                    put(v.h, 12 * i); put(v.k, 12 * i + 4); put(v.l, 12 * i + 8)
                }
            }
            initialized = n * size
        }
    }

    /// Decodes `count` elements of `type` from `bytes[range]`.
    /// Precondition (checked by the caller): `range.count == count × type.elementSize`.
    static func decode(
        _ type: ReflectionColumnType, count n: Int, from bytes: [UInt8], range: Range<Int>
    ) -> ReflectionColumn {
        precondition(range.count == n * type.elementSize && range.upperBound <= bytes.count)
        return bytes.withUnsafeBytes { all in
            let raw = UnsafeRawBufferPointer(rebasing: all[range])
            func get<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
                T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            func f64(_ offset: Int) -> Double { Double(bitPattern: get(offset, UInt64.self)) }
            func array<T>(_ element: (Int) -> T) -> [T] {
                [T](unsafeUninitializedCapacity: n) { buffer, initialized in
                    for i in 0..<n { (buffer.baseAddress! + i).initialize(to: element(i)) }
                    initialized = n
                }
            }
            switch type {
            case .int: return .int(array { get(4 * $0, Int32.self) })
            case .size: return .size(array { get(8 * $0, UInt64.self) })
            case .double: return .double(array { f64(8 * $0) })
            case .bool: return .bool(array { raw[$0] != 0 })
            case .vec3: return .vec3(array { Vec3(f64(24 * $0), f64(24 * $0 + 8), f64(24 * $0 + 16)) })
            case .int6:
                return .int6(array { i in
                    let o = 24 * i
                    return Int6(get(o, Int32.self), get(o + 4, Int32.self), get(o + 8, Int32.self),
                                get(o + 12, Int32.self), get(o + 16, Int32.self), get(o + 20, Int32.self))
                })
            case .miller:
                return .miller(array { MillerIndex(get(12 * $0, Int32.self), get(12 * $0 + 4, Int32.self),
                                                   get(12 * $0 + 8, Int32.self)) })
            }
        }
    }
}
