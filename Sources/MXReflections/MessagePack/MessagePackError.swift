/// Why a byte sequence is not the MessagePack the caller asked for.
///
/// Every case carries the byte offset where decoding stopped, so a higher layer (the `.refl`
/// codec) can turn it into a one-line message about a file. Decoding never traps on bad input.
public enum MessagePackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input ended at `offset` while `needed` more bytes were required.
    case truncated(offset: Int, needed: Int)
    /// A format byte this decoder does not support (extension types, or the never-used 0xc1).
    case unsupportedFormat(byte: UInt8, offset: Int)
    /// A value of another kind was found where the caller expected `expected`.
    case typeMismatch(expected: String, found: String, offset: Int)
    /// An integer that does not fit the requested Swift type.
    case integerOverflow(offset: Int)
    /// A `str` value whose bytes are not valid UTF-8.
    case invalidUTF8(offset: Int)
    /// Arrays or maps nested deeper than the decoder allows (protects the stack).
    case nestingTooDeep(offset: Int)
    /// Bytes remain after the single top-level value.
    case trailingBytes(offset: Int)

    /// Where decoding stopped.
    public var offset: Int {
        switch self {
        case .truncated(let o, _), .unsupportedFormat(_, let o), .typeMismatch(_, _, let o),
             .integerOverflow(let o), .invalidUTF8(let o), .nestingTooDeep(let o),
             .trailingBytes(let o):
            return o
        }
    }

    public var description: String {
        switch self {
        case let .truncated(offset, needed):
            return "input ends at byte \(offset) but \(needed) more byte(s) are needed"
        case let .unsupportedFormat(byte, offset):
            return "unsupported MessagePack format byte 0x\(String(byte, radix: 16)) at byte \(offset)"
        case let .typeMismatch(expected, found, offset):
            return "expected \(expected) but found \(found) at byte \(offset)"
        case let .integerOverflow(offset):
            return "integer out of range at byte \(offset)"
        case let .invalidUTF8(offset):
            return "string is not valid UTF-8 at byte \(offset)"
        case let .nestingTooDeep(offset):
            return "arrays/maps nested too deeply at byte \(offset)"
        case let .trailingBytes(offset):
            return "unexpected data after the end at byte \(offset)"
        }
    }
}
