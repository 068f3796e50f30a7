/// MD5 (RFC 1321), for the `Content-MD5` check of CBF binary sections.
///
/// Written here because the package takes no crypto dependency and libcbf's own MD5 is not in
/// the headers the `CCBF` shim exposes. The rounds are unrolled over unaligned little-endian
/// loads so that hashing a 6 MB Pilatus section costs about as much as decoding it, not more.
package enum MD5 {
    /// The 16-byte digest of `data`.
    package static func digest(_ data: UnsafeRawBufferPointer) -> [UInt8] {
        var state = State()
        let full = data.count / 64
        if let base = data.baseAddress {
            for block in 0..<full { state.compress(base + block * 64) }
        }
        // Padding: 0x80, zeros, then the bit length little-endian, to a multiple of 64 bytes.
        var tail = [UInt8](repeating: 0, count: 128)
        let rest = data.count - full * 64
        for i in 0..<rest { tail[i] = data[full * 64 + i] }
        tail[rest] = 0x80
        let tailBlocks = rest < 56 ? 1 : 2
        let bits = UInt64(data.count) &* 8
        for i in 0..<8 { tail[tailBlocks * 64 - 8 + i] = UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i))) }
        tail.withUnsafeBytes { t in
            for block in 0..<tailBlocks { state.compress(t.baseAddress! + block * 64) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(16)
        for word in [state.a, state.b, state.c, state.d] {
            for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: word >> (8 * UInt32(i)))) }
        }
        return out
    }

    private struct State {
        var a: UInt32 = 0x6745_2301
        var b: UInt32 = 0xEFCD_AB89
        var c: UInt32 = 0x98BA_DCFE
        var d: UInt32 = 0x1032_5476

        @inline(__always)
        mutating func compress(_ p: UnsafeRawPointer) {
            @inline(__always) func w(_ i: Int) -> UInt32 {
                UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
            }
            @inline(__always) func rotl(_ x: UInt32, _ s: UInt32) -> UInt32 { (x &<< s) | (x &>> (32 &- s)) }
            @inline(__always) func ff(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ k: UInt32) {
                a = b &+ rotl(a &+ ((b & c) | (~b & d)) &+ x &+ k, s)
            }
            @inline(__always) func gg(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ k: UInt32) {
                a = b &+ rotl(a &+ ((b & d) | (c & ~d)) &+ x &+ k, s)
            }
            @inline(__always) func hh(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ k: UInt32) {
                a = b &+ rotl(a &+ (b ^ c ^ d) &+ x &+ k, s)
            }
            @inline(__always) func ii(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ k: UInt32) {
                a = b &+ rotl(a &+ (c ^ (b | ~d)) &+ x &+ k, s)
            }
            let x0 = w(0), x1 = w(1), x2 = w(2), x3 = w(3), x4 = w(4), x5 = w(5), x6 = w(6), x7 = w(7)
            let x8 = w(8), x9 = w(9), x10 = w(10), x11 = w(11), x12 = w(12), x13 = w(13), x14 = w(14), x15 = w(15)
            var a = self.a, b = self.b, c = self.c, d = self.d

            ff(&a, b, c, d, x0, 7, 0xD76A_A478); ff(&d, a, b, c, x1, 12, 0xE8C7_B756)
            ff(&c, d, a, b, x2, 17, 0x2420_70DB); ff(&b, c, d, a, x3, 22, 0xC1BD_CEEE)
            ff(&a, b, c, d, x4, 7, 0xF57C_0FAF); ff(&d, a, b, c, x5, 12, 0x4787_C62A)
            ff(&c, d, a, b, x6, 17, 0xA830_4613); ff(&b, c, d, a, x7, 22, 0xFD46_9501)
            ff(&a, b, c, d, x8, 7, 0x6980_98D8); ff(&d, a, b, c, x9, 12, 0x8B44_F7AF)
            ff(&c, d, a, b, x10, 17, 0xFFFF_5BB1); ff(&b, c, d, a, x11, 22, 0x895C_D7BE)
            ff(&a, b, c, d, x12, 7, 0x6B90_1122); ff(&d, a, b, c, x13, 12, 0xFD98_7193)
            ff(&c, d, a, b, x14, 17, 0xA679_438E); ff(&b, c, d, a, x15, 22, 0x49B4_0821)

            gg(&a, b, c, d, x1, 5, 0xF61E_2562); gg(&d, a, b, c, x6, 9, 0xC040_B340)
            gg(&c, d, a, b, x11, 14, 0x265E_5A51); gg(&b, c, d, a, x0, 20, 0xE9B6_C7AA)
            gg(&a, b, c, d, x5, 5, 0xD62F_105D); gg(&d, a, b, c, x10, 9, 0x0244_1453)
            gg(&c, d, a, b, x15, 14, 0xD8A1_E681); gg(&b, c, d, a, x4, 20, 0xE7D3_FBC8)
            gg(&a, b, c, d, x9, 5, 0x21E1_CDE6); gg(&d, a, b, c, x14, 9, 0xC337_07D6)
            gg(&c, d, a, b, x3, 14, 0xF4D5_0D87); gg(&b, c, d, a, x8, 20, 0x455A_14ED)
            gg(&a, b, c, d, x13, 5, 0xA9E3_E905); gg(&d, a, b, c, x2, 9, 0xFCEF_A3F8)
            gg(&c, d, a, b, x7, 14, 0x676F_02D9); gg(&b, c, d, a, x12, 20, 0x8D2A_4C8A)

            hh(&a, b, c, d, x5, 4, 0xFFFA_3942); hh(&d, a, b, c, x8, 11, 0x8771_F681)
            hh(&c, d, a, b, x11, 16, 0x6D9D_6122); hh(&b, c, d, a, x14, 23, 0xFDE5_380C)
            hh(&a, b, c, d, x1, 4, 0xA4BE_EA44); hh(&d, a, b, c, x4, 11, 0x4BDE_CFA9)
            hh(&c, d, a, b, x7, 16, 0xF6BB_4B60); hh(&b, c, d, a, x10, 23, 0xBEBF_BC70)
            hh(&a, b, c, d, x13, 4, 0x289B_7EC6); hh(&d, a, b, c, x0, 11, 0xEAA1_27FA)
            hh(&c, d, a, b, x3, 16, 0xD4EF_3085); hh(&b, c, d, a, x6, 23, 0x0488_1D05)
            hh(&a, b, c, d, x9, 4, 0xD9D4_D039); hh(&d, a, b, c, x12, 11, 0xE6DB_99E5)
            hh(&c, d, a, b, x15, 16, 0x1FA2_7CF8); hh(&b, c, d, a, x2, 23, 0xC4AC_5665)

            ii(&a, b, c, d, x0, 6, 0xF429_2244); ii(&d, a, b, c, x7, 10, 0x432A_FF97)
            ii(&c, d, a, b, x14, 15, 0xAB94_23A7); ii(&b, c, d, a, x5, 21, 0xFC93_A039)
            ii(&a, b, c, d, x12, 6, 0x655B_59C3); ii(&d, a, b, c, x3, 10, 0x8F0C_CC92)
            ii(&c, d, a, b, x10, 15, 0xFFEF_F47D); ii(&b, c, d, a, x1, 21, 0x8584_5DD1)
            ii(&a, b, c, d, x8, 6, 0x6FA8_7E4F); ii(&d, a, b, c, x15, 10, 0xFE2C_E6E0)
            ii(&c, d, a, b, x6, 15, 0xA301_4314); ii(&b, c, d, a, x13, 21, 0x4E08_11A1)
            ii(&a, b, c, d, x4, 6, 0xF753_7E82); ii(&d, a, b, c, x11, 10, 0xBD3A_F235)
            ii(&c, d, a, b, x2, 15, 0x2AD7_D2BB); ii(&b, c, d, a, x9, 21, 0xEB86_D391)

            self.a &+= a; self.b &+= b; self.c &+= c; self.d &+= d
        }
    }
}
