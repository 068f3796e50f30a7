/// A pull reader over a MessagePack byte buffer.
///
/// Pull rather than tree: a `.refl` file is a few small headers around large binary blobs, and
/// ``readBinaryRange()`` hands back where a blob lies in the input so the caller can decode it
/// straight into typed arrays without copying it first. Every read checks bounds and throws
/// ``MessagePackError`` on malformed input; nothing traps.
public struct MessagePackReader: Sendable {
    /// The whole input.
    public let bytes: [UInt8]
    /// The index of the next byte to read.
    public private(set) var offset: Int

    /// How deep ``readValue()`` and ``skipValue()`` may nest arrays and maps.
    public static let maxDepth = 256

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var isAtEnd: Bool { offset >= bytes.count }

    /// Throws ``MessagePackError/trailingBytes(offset:)`` unless the whole input was consumed.
    public func expectEnd() throws(MessagePackError) {
        if !isAtEnd { throw .trailingBytes(offset: offset) }
    }

    // MARK: Scalars

    public mutating func readNil() throws(MessagePackError) {
        let b = try peekByte()
        guard b == 0xc0 else { throw mismatch("nil", b) }
        offset += 1
    }

    public mutating func readBool() throws(MessagePackError) -> Bool {
        let b = try peekByte()
        guard b == 0xc2 || b == 0xc3 else { throw mismatch("bool", b) }
        offset += 1
        return b == 0xc3
    }

    /// Any integer format, as a signed 64-bit value.
    public mutating func readInt() throws(MessagePackError) -> Int64 {
        let start = offset
        switch try readInteger() {
        case .signed(let v): return v
        case .unsigned(let v):
            guard v <= UInt64(Int64.max) else { throw .integerOverflow(offset: start) }
            return Int64(v)
        }
    }

    /// Any integer format holding a non-negative value.
    public mutating func readUInt() throws(MessagePackError) -> UInt64 {
        let start = offset
        switch try readInteger() {
        case .unsigned(let v): return v
        case .signed(let v):
            guard v >= 0 else { throw .integerOverflow(offset: start) }
            return UInt64(v)
        }
    }

    /// A float 32 or float 64, widened to `Double`.
    public mutating func readDouble() throws(MessagePackError) -> Double {
        let b = try peekByte()
        switch b {
        case 0xca: offset += 1; return Double(Float(bitPattern: try readBigEndian(UInt32.self)))
        case 0xcb: offset += 1; return Double(bitPattern: try readBigEndian(UInt64.self))
        default: throw mismatch("float", b)
        }
    }

    public mutating func readString() throws(MessagePackError) -> String {
        let start = offset
        let b = try peekByte()
        let n: Int
        switch b {
        case 0xa0...0xbf: offset += 1; n = Int(b & 0x1f)
        case 0xd9: offset += 1; n = Int(try readBigEndian(UInt8.self))
        case 0xda: offset += 1; n = Int(try readBigEndian(UInt16.self))
        case 0xdb: offset += 1; n = Int(try readBigEndian(UInt32.self))
        default: throw mismatch("str", b)
        }
        let range = try take(n)
        // Decoding repairs invalid sequences with U+FFFD, so a lossless round trip proves validity
        // (String(validating:) would need macOS 15).
        let s = String(decoding: bytes[range], as: UTF8.self)
        guard s.utf8.elementsEqual(bytes[range]) else { throw .invalidUTF8(offset: start) }
        return s
    }

    /// A `bin` value's body as a range of ``bytes``, without copying it.
    public mutating func readBinaryRange() throws(MessagePackError) -> Range<Int> {
        let b = try peekByte()
        let n: Int
        switch b {
        case 0xc4: offset += 1; n = Int(try readBigEndian(UInt8.self))
        case 0xc5: offset += 1; n = Int(try readBigEndian(UInt16.self))
        case 0xc6: offset += 1; n = Int(try readBigEndian(UInt32.self))
        default: throw mismatch("bin", b)
        }
        return try take(n)
    }

    public mutating func readBinary() throws(MessagePackError) -> [UInt8] {
        Array(bytes[try readBinaryRange()])
    }

    // MARK: Containers

    /// The element count of an array; the elements follow.
    public mutating func readArrayHeader() throws(MessagePackError) -> Int {
        let b = try peekByte()
        switch b {
        case 0x90...0x9f: offset += 1; return Int(b & 0x0f)
        case 0xdc: offset += 1; return Int(try readBigEndian(UInt16.self))
        case 0xdd: offset += 1; return Int(try readBigEndian(UInt32.self))
        default: throw mismatch("array", b)
        }
    }

    /// The entry count of a map; keys and values follow alternately.
    public mutating func readMapHeader() throws(MessagePackError) -> Int {
        let b = try peekByte()
        switch b {
        case 0x80...0x8f: offset += 1; return Int(b & 0x0f)
        case 0xde: offset += 1; return Int(try readBigEndian(UInt16.self))
        case 0xdf: offset += 1; return Int(try readBigEndian(UInt32.self))
        default: throw mismatch("map", b)
        }
    }

    // MARK: Whole values

    /// The next value as a tree.
    public mutating func readValue() throws(MessagePackError) -> MessagePackValue {
        try readValue(depth: 0)
    }

    /// Steps over the next value, however large, without materialising it.
    public mutating func skipValue() throws(MessagePackError) {
        try skipValue(depth: 0)
    }

    /// What kind of value comes next ("int", "str", "map", …), for error messages and dispatch.
    public func peekKind() throws(MessagePackError) -> String {
        MessagePackReader.kindName(try peekByte())
    }

    private mutating func readValue(depth: Int) throws(MessagePackError) -> MessagePackValue {
        guard depth < MessagePackReader.maxDepth else { throw .nestingTooDeep(offset: offset) }
        let b = try peekByte()
        switch b {
        case 0xc0: offset += 1; return .nil
        case 0xc2, 0xc3: return .bool(try readBool())
        case 0x00...0x7f, 0xe0...0xff, 0xcc...0xd3:
            switch try readInteger() {
            case .signed(let v): return .int(v)
            case .unsigned(let v): return .uint(v)
            }
        case 0xca: offset += 1; return .float(Float(bitPattern: try readBigEndian(UInt32.self)))
        case 0xcb: offset += 1; return .double(Double(bitPattern: try readBigEndian(UInt64.self)))
        case 0xa0...0xbf, 0xd9...0xdb: return .string(try readString())
        case 0xc4...0xc6: return .binary(try readBinary())
        case 0x90...0x9f, 0xdc, 0xdd:
            let n = try readArrayHeader()
            var a: [MessagePackValue] = []
            a.reserveCapacity(min(n, bytes.count - offset))  // each element takes ≥ 1 byte
            for _ in 0..<n { a.append(try readValue(depth: depth + 1)) }
            return .array(a)
        case 0x80...0x8f, 0xde, 0xdf:
            let n = try readMapHeader()
            var m: [MessagePackPair] = []
            m.reserveCapacity(min(n, (bytes.count - offset) / 2))
            for _ in 0..<n {
                let k = try readValue(depth: depth + 1)
                m.append(MessagePackPair(k, try readValue(depth: depth + 1)))
            }
            return .map(m)
        default:
            throw .unsupportedFormat(byte: b, offset: offset)
        }
    }

    private mutating func skipValue(depth: Int) throws(MessagePackError) {
        guard depth < MessagePackReader.maxDepth else { throw .nestingTooDeep(offset: offset) }
        let b = try peekByte()
        switch b {
        case 0x90...0x9f, 0xdc, 0xdd:
            let n = try readArrayHeader()
            for _ in 0..<n { try skipValue(depth: depth + 1) }
        case 0x80...0x8f, 0xde, 0xdf:
            let n = try readMapHeader()
            for _ in 0..<(2 * n) { try skipValue(depth: depth + 1) }
        case 0xa0...0xbf, 0xd9...0xdb:
            // Skip without UTF-8 validation: the content is being ignored.
            let n: Int
            switch b {
            case 0xd9: offset += 1; n = Int(try readBigEndian(UInt8.self))
            case 0xda: offset += 1; n = Int(try readBigEndian(UInt16.self))
            case 0xdb: offset += 1; n = Int(try readBigEndian(UInt32.self))
            default: offset += 1; n = Int(b & 0x1f)
            }
            _ = try take(n)
        case 0xc4...0xc6: _ = try readBinaryRange()
        default: _ = try readValue(depth: depth)  // scalars
        }
    }

    // MARK: Primitives

    private enum Integer { case signed(Int64), unsigned(UInt64) }

    private mutating func readInteger() throws(MessagePackError) -> Integer {
        let b = try peekByte()
        switch b {
        case 0x00...0x7f: offset += 1; return .unsigned(UInt64(b))
        case 0xe0...0xff: offset += 1; return .signed(Int64(Int8(bitPattern: b)))
        case 0xcc: offset += 1; return .unsigned(UInt64(try readBigEndian(UInt8.self)))
        case 0xcd: offset += 1; return .unsigned(UInt64(try readBigEndian(UInt16.self)))
        case 0xce: offset += 1; return .unsigned(UInt64(try readBigEndian(UInt32.self)))
        case 0xcf: offset += 1; return .unsigned(try readBigEndian(UInt64.self))
        case 0xd0: offset += 1; return .signed(Int64(Int8(bitPattern: try readBigEndian(UInt8.self))))
        case 0xd1: offset += 1; return .signed(Int64(Int16(bitPattern: try readBigEndian(UInt16.self))))
        case 0xd2: offset += 1; return .signed(Int64(Int32(bitPattern: try readBigEndian(UInt32.self))))
        case 0xd3: offset += 1; return .signed(Int64(bitPattern: try readBigEndian(UInt64.self)))
        default: throw mismatch("int", b)
        }
    }

    private func peekByte() throws(MessagePackError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated(offset: offset, needed: 1) }
        return bytes[offset]
    }

    /// Consumes `n` bytes and returns where they are.
    private mutating func take(_ n: Int) throws(MessagePackError) -> Range<Int> {
        let available = bytes.count - offset
        guard n <= available else { throw .truncated(offset: bytes.count, needed: n - available) }
        defer { offset += n }
        return offset..<(offset + n)
    }

    private mutating func readBigEndian<T: FixedWidthInteger & UnsignedInteger>(
        _: T.Type
    ) throws(MessagePackError) -> T {
        let r = try take(MemoryLayout<T>.size)
        var v: T = 0
        for i in r { v = (v << 8) | T(bytes[i]) }
        return v
    }

    private func mismatch(_ expected: String, _ b: UInt8) -> MessagePackError {
        .typeMismatch(expected: expected, found: MessagePackReader.kindName(b), offset: offset)
    }

    static func kindName(_ b: UInt8) -> String {
        switch b {
        case 0x00...0x7f, 0xe0...0xff, 0xcc...0xd3: return "int"
        case 0x80...0x8f, 0xde, 0xdf: return "map"
        case 0x90...0x9f, 0xdc, 0xdd: return "array"
        case 0xa0...0xbf, 0xd9...0xdb: return "str"
        case 0xc0: return "nil"
        case 0xc2, 0xc3: return "bool"
        case 0xc4...0xc6: return "bin"
        case 0xca, 0xcb: return "float"
        case 0xc7...0xc9, 0xd4...0xd8: return "ext"
        default: return "invalid byte 0x\(String(b, radix: 16))"
        }
    }
}

extension MessagePackValue {
    /// Decodes exactly one value filling the whole input.
    public static func decode(_ bytes: [UInt8]) throws(MessagePackError) -> MessagePackValue {
        var r = MessagePackReader(bytes)
        let v = try r.readValue()
        try r.expectEnd()
        return v
    }
}
