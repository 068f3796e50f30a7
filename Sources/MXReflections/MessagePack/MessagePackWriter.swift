/// Appends MessagePack to a byte buffer, always choosing the smallest encoding.
///
/// "Smallest encoding" is exactly what msgpack-c (the library DIALS uses) does: non-negative
/// integers go out as positive fixint/uint8/16/32/64 even when the C++ type was signed, negative
/// ones as negative fixint/int8/16/32/64, strings as fixstr/str8/16/32, binaries as bin8/16/32.
/// Matching it means a table we write is byte-identical to the one DIALS would write, and the
/// same input always gives the same bytes.
///
/// Lengths above `UInt32.max` cannot be represented in MessagePack; the header writers trap on
/// them, so callers writing untrusted sizes must check ``maxLength`` first.
public struct MessagePackWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// The largest string, binary, array or map length MessagePack can encode.
    public static let maxLength = Int(UInt32.max)

    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func writeNil() { bytes.append(0xc0) }

    public mutating func writeBool(_ v: Bool) { bytes.append(v ? 0xc3 : 0xc2) }

    /// A signed integer; non-negative values use the unsigned formats, as msgpack-c does.
    public mutating func writeInt(_ v: Int64) {
        if v >= 0 { return writeUInt(UInt64(v)) }
        if v >= -32 {
            bytes.append(UInt8(bitPattern: Int8(v)))
        } else if v >= Int64(Int8.min) {
            bytes.append(0xd0); appendBigEndian(UInt8(bitPattern: Int8(v)))
        } else if v >= Int64(Int16.min) {
            bytes.append(0xd1); appendBigEndian(UInt16(bitPattern: Int16(v)))
        } else if v >= Int64(Int32.min) {
            bytes.append(0xd2); appendBigEndian(UInt32(bitPattern: Int32(v)))
        } else {
            bytes.append(0xd3); appendBigEndian(UInt64(bitPattern: v))
        }
    }

    public mutating func writeUInt(_ v: UInt64) {
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v <= UInt64(UInt8.max) {
            bytes.append(0xcc); bytes.append(UInt8(v))
        } else if v <= UInt64(UInt16.max) {
            bytes.append(0xcd); appendBigEndian(UInt16(v))
        } else if v <= UInt64(UInt32.max) {
            bytes.append(0xce); appendBigEndian(UInt32(v))
        } else {
            bytes.append(0xcf); appendBigEndian(v)
        }
    }

    /// A float 64. Doubles are never narrowed, so values round-trip bit for bit.
    public mutating func writeDouble(_ v: Double) {
        bytes.append(0xcb); appendBigEndian(v.bitPattern)
    }

    public mutating func writeFloat(_ v: Float) {
        bytes.append(0xca); appendBigEndian(v.bitPattern)
    }

    public mutating func writeString(_ s: String) {
        let utf8 = s.utf8
        let n = utf8.count
        if n < 32 {
            bytes.append(0xa0 | UInt8(n))
        } else {
            writeLengthHeader(n, formats: (0xd9, 0xda, 0xdb))
        }
        bytes.append(contentsOf: utf8)
    }

    /// A `bin` header followed by the bytes.
    public mutating func writeBinary(_ data: some Collection<UInt8>) {
        writeBinaryHeader(count: data.count)
        bytes.append(contentsOf: data)
    }

    /// Only the `bin` header; the caller appends exactly `count` bytes with ``appendRaw(_:)``.
    /// Lets large column blobs be produced without an intermediate copy.
    public mutating func writeBinaryHeader(count: Int) {
        writeLengthHeader(count, formats: (0xc4, 0xc5, 0xc6))
    }

    public mutating func writeArrayHeader(count: Int) {
        if count < 16 {
            precondition(count >= 0, "negative MessagePack length")
            bytes.append(0x90 | UInt8(count))
        } else {
            writeLengthHeader(count, formats: (nil, 0xdc, 0xdd))
        }
    }

    public mutating func writeMapHeader(count: Int) {
        if count < 16 {
            precondition(count >= 0, "negative MessagePack length")
            bytes.append(0x80 | UInt8(count))
        } else {
            writeLengthHeader(count, formats: (nil, 0xde, 0xdf))
        }
    }

    /// Raw bytes with no header (the body after ``writeBinaryHeader(count:)``).
    public mutating func appendRaw(_ data: some Collection<UInt8>) {
        bytes.append(contentsOf: data)
    }

    /// A whole value tree; map entries are written in their stored order.
    public mutating func write(_ value: MessagePackValue) {
        switch value {
        case .nil: writeNil()
        case .bool(let b): writeBool(b)
        case .int(let v): writeInt(v)
        case .uint(let v): writeUInt(v)
        case .float(let v): writeFloat(v)
        case .double(let v): writeDouble(v)
        case .string(let s): writeString(s)
        case .binary(let b): writeBinary(b)
        case .array(let a):
            writeArrayHeader(count: a.count)
            for v in a { write(v) }
        case .map(let m):
            writeMapHeader(count: m.count)
            for p in m {
                write(p.key)
                write(p.value)
            }
        }
    }

    private mutating func writeLengthHeader(_ n: Int, formats: (UInt8?, UInt8, UInt8)) {
        precondition(n >= 0 && n <= MessagePackWriter.maxLength, "MessagePack length \(n) out of range")
        if let f8 = formats.0, n <= Int(UInt8.max) {
            bytes.append(f8); bytes.append(UInt8(n))
        } else if n <= Int(UInt16.max) {
            bytes.append(formats.1); appendBigEndian(UInt16(n))
        } else {
            bytes.append(formats.2); appendBigEndian(UInt32(n))
        }
    }

    private mutating func appendBigEndian<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) }
    }
}

extension MessagePackValue {
    /// The canonical (smallest) encoding of this value.
    public func encoded() -> [UInt8] {
        var w = MessagePackWriter()
        w.write(self)
        return w.bytes
    }
}
