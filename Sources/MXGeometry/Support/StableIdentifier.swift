/// A UUID-formatted experiment identifier derived from a name (for example an image template
/// and range), so that importing the same images twice gives the same `.expt` bytes. DIALS
/// uses random UUIDs; any unique string serves it.
public enum StableIdentifier {
    public static func make(from name: String) -> String {
        // Two FNV-1a 64-bit hashes with different offsets give 128 bits.
        func fnv(_ offset: UInt64) -> UInt64 {
            var h = offset
            for b in name.utf8 {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
            return h
        }
        let hi = fnv(0xcbf2_9ce4_8422_2325), lo = fnv(0x8422_2325_cbf2_9ce4 ^ hi)
        func hex(_ v: UInt64, _ digits: Int) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: max(0, digits - s.count)) + s
        }
        let a = hex(hi >> 32, 8), b = hex((hi >> 16) & 0xFFFF, 4), c = hex(hi & 0xFFFF, 4)
        let d = hex(lo >> 48, 4), e = hex(lo & 0xFFFF_FFFF_FFFF, 12)
        return "\(a)-\(b)-\(c)-\(d)-\(e)"
    }
}
