/// CBF "byte_offset" compression (dials-algorithms.md §1.4): each pixel is stored as its
/// difference from the previous one, in 1 byte when it fits in −127…127, else the escape
/// byte −128 and 2 bytes (escape −32768 for 4 bytes, then −2³¹ for 8), little-endian.
///
/// The decoder is the hot loop of image reading (a Pilatus 6M frame is 6.2 M values and
/// import/spot finding decode thousands of them), so it walks raw pointers: a fast loop runs
/// while at least 15 bytes (the longest encoding) remain, so only the final few values pay for
/// bounds checks. Sums wrap modulo 2³², which gives the exact value whenever the true value
/// fits in Int32 — the same arithmetic libcbf and dxtbx do.
enum ByteOffsetCodec {
    /// Decodes `count` values; also returns how many bytes they occupied.
    static func decode(_ packed: UnsafeRawBufferPointer, count: Int) throws(CBFProblem) -> (values: [Int32], consumed: Int) {
        var consumed = 0
        var decoded = 0
        let values = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            guard count > 0, let src = packed.baseAddress else {
                initialized = 0
                return
            }
            let end = packed.count
            var i = 0
            var k = 0
            var v: Int32 = 0
            let outBase = out.baseAddress!
            // Fast region: the longest element (1 + 2 + 4 + 8 bytes) fits before `end`.
            let fastEnd = end - 15
            while k < count && i <= fastEnd {
                let d8 = src.load(fromByteOffset: i, as: Int8.self)
                if d8 != Int8.min {
                    v &+= Int32(d8)
                    i &+= 1
                } else {
                    let d16 = Int16(littleEndian: src.loadUnaligned(fromByteOffset: i + 1, as: Int16.self))
                    if d16 != Int16.min {
                        v &+= Int32(d16)
                        i &+= 3
                    } else {
                        let d32 = Int32(littleEndian: src.loadUnaligned(fromByteOffset: i + 3, as: Int32.self))
                        if d32 != Int32.min {
                            v &+= d32
                            i &+= 7
                        } else {
                            let d64 = Int64(littleEndian: src.loadUnaligned(fromByteOffset: i + 7, as: Int64.self))
                            v &+= Int32(truncatingIfNeeded: d64)
                            i &+= 15
                        }
                    }
                }
                (outBase + k).initialize(to: v)
                k &+= 1
            }
            // Checked tail.
            tail: while k < count {
                guard i + 1 <= end else { break tail }
                let d8 = src.load(fromByteOffset: i, as: Int8.self)
                if d8 != Int8.min {
                    v &+= Int32(d8)
                    i += 1
                } else {
                    guard i + 3 <= end else { break tail }
                    let d16 = Int16(littleEndian: src.loadUnaligned(fromByteOffset: i + 1, as: Int16.self))
                    if d16 != Int16.min {
                        v &+= Int32(d16)
                        i += 3
                    } else {
                        guard i + 7 <= end else { break tail }
                        let d32 = Int32(littleEndian: src.loadUnaligned(fromByteOffset: i + 3, as: Int32.self))
                        if d32 != Int32.min {
                            v &+= d32
                            i += 7
                        } else {
                            guard i + 15 <= end else { break tail }
                            let d64 = Int64(littleEndian: src.loadUnaligned(fromByteOffset: i + 7, as: Int64.self))
                            v &+= Int32(truncatingIfNeeded: d64)
                            i += 15
                        }
                    }
                }
                (outBase + k).initialize(to: v)
                k += 1
            }
            initialized = k
            decoded = k
            consumed = i
        }
        guard decoded == count else {
            throw CBFProblem("byte-offset data run out after \(decoded) of \(count) pixels (\(packed.count) bytes): corrupt data or wrong X-Binary-Size")
        }
        return (values, consumed)
    }

    /// Encodes values as libcbf does, each delta in the shortest form that holds it.
    static func encode(_ values: UnsafeBufferPointer<Int32>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count + values.count / 8 + 16)
        var previous: Int64 = 0
        for value in values {
            let current = Int64(value)
            let delta = current - previous
            previous = current
            if delta >= -127 && delta <= 127 {
                out.append(UInt8(truncatingIfNeeded: delta))
                continue
            }
            out.append(0x80)
            if delta >= -32767 && delta <= 32767 {
                appendLittleEndian(Int16(delta), to: &out)
                continue
            }
            out.append(contentsOf: [0x00, 0x80])
            if delta >= -2_147_483_647 && delta <= 2_147_483_647 {
                appendLittleEndian(Int32(delta), to: &out)
                continue
            }
            out.append(contentsOf: [0x00, 0x00, 0x00, 0x80])
            appendLittleEndian(delta, to: &out)
        }
        return out
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ x: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: x.littleEndian) { out.append(contentsOf: $0) }
    }
}
