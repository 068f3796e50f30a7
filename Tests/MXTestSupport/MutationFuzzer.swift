import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A seeded mutation fuzzer for the readers of user files (CBF headers, `.expt`, `.refl`,
/// session logs): each case takes a good file from the corpus and damages it — flipped bits,
/// replaced, inserted or deleted bytes, spliced chunks, truncation and "interesting" numbers
/// (NaN, 1e308, -1, 2⁶³) — then hands it to the reader, which may throw but must not trap or hang.
///
/// Case `i` of seed `s` is a pure function of (s, i), so any case can be replayed on its own
/// (`FUZZ_SEED=s FUZZ_FIRST=i FUZZ_CASES=1`). A trap kills the process, so a signal handler
/// prints the seed and case running when it came; the case count and seed come from the
/// environment for long runs (`FUZZ_CASES=100000 swift test -c release --filter Fuzz`).
public struct MutationFuzzer {
    public struct Report: Sendable, CustomStringConvertible {
        public var target: String
        public var seed: UInt64
        public var cases: Int
        public var rejected: Int
        public var seconds: Double
        public var description: String {
            "fuzz \(target): \(cases) cases from seed \(seed), \(rejected) rejected with an error, \(cases - rejected) accepted, 0 crashes, \(String(format: "%.1f", seconds)) s"
        }
    }

    public let target: String
    public let corpus: [[UInt8]]
    /// Text fragments a reader is likely to choke on, spliced in alongside random bytes.
    public var dictionary: [[UInt8]]

    public init(target: String, corpus: [[UInt8]], dictionary: [String] = []) {
        precondition(!corpus.isEmpty, "a fuzz target needs at least one good input")
        self.target = target
        self.corpus = corpus
        self.dictionary = (dictionary + Self.interestingText).map { Array($0.utf8) }
    }

    /// Numbers that have broken readers before: non-finite, huge, negative, just past Int64.
    static let interestingText = ["NaN", "nan", "inf", "-inf", "Infinity", "1e308", "-1e308", "1e-320", "-1", "0", "-0",
                                  "9223372036854775808", "18446744073709551615", "4294967296", "2147483648", "\"", "[", "]",
                                  "{", "}", ",", ":", "null", "\n", "\r\n", "#"]

    /// The seed and case count for this run: `FUZZ_SEED` / `FUZZ_CASES` / `FUZZ_FIRST` from the
    /// environment when set, else the short CI run's.
    public static func settings(defaultCases: Int, defaultSeed: UInt64 = 20261203) -> (seed: UInt64, first: Int, cases: Int) {
        let env = ProcessInfo.processInfo.environment
        return (env["FUZZ_SEED"].flatMap(UInt64.init) ?? defaultSeed, env["FUZZ_FIRST"].flatMap(Int.init) ?? 0,
                env["FUZZ_CASES"].flatMap(Int.init) ?? defaultCases)
    }

    /// The bytes of case `index`.
    public func input(seed: UInt64, index: Int) -> [UInt8] {
        var rng = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        var bytes = corpus[Int(rng.next() % UInt64(corpus.count))]
        let mutations = 1 + Int(rng.next() % 8)
        for _ in 0..<mutations { mutate(&bytes, &rng) }
        return bytes
    }

    /// Runs `cases` cases from `first`; `read` is the reader under test. Errors it throws are
    /// counted as rejections, the point being that it returns at all.
    public func run(seed: UInt64, first: Int = 0, cases: Int, read: ([UInt8]) throws -> Void) -> Report {
        let start = Date()
        var rejected = 0
        FuzzCrashReport.install()
        for index in first..<(first + cases) {
            FuzzCrashReport.arm(target: target, seed: seed, index: index)
            do { try read(input(seed: seed, index: index)) } catch { rejected += 1 }
        }
        FuzzCrashReport.disarm()
        return Report(target: target, seed: seed, cases: cases, rejected: rejected, seconds: Date().timeIntervalSince(start))
    }

    private func mutate(_ b: inout [UInt8], _ rng: inout SplitMix64) {
        func pick(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }
        // Headers and JSON keys live near the start; bias positions there half of the time.
        func position() -> Int { rng.next() & 1 == 0 ? pick(min(b.count, 4096)) : pick(b.count) }
        switch pick(9) {
        case 0 where !b.isEmpty:  // flip a bit
            b[position()] ^= UInt8(1 << pick(8))
        case 1 where !b.isEmpty:  // replace a byte
            b[position()] = UInt8(truncatingIfNeeded: rng.next())
        case 2:  // insert a dictionary word
            b.insert(contentsOf: dictionary[pick(dictionary.count)], at: pick(b.count + 1))
        case 3 where !b.isEmpty:  // replace a run of digits (a number) with a dictionary word
            let at = position()
            guard let s = b[at...].firstIndex(where: { (48...57).contains($0) }) else { break }
            let e = b[s...].firstIndex(where: { !(48...57).contains($0) && $0 != 46 && $0 != 101 && $0 != 45 }) ?? b.count
            b.replaceSubrange(s..<e, with: dictionary[pick(dictionary.count)])
        case 4 where !b.isEmpty:  // delete a run
            let at = position()
            b.removeSubrange(at..<min(b.count, at + 1 + pick(16)))
        case 5 where b.count > 1:  // duplicate a chunk elsewhere
            let at = pick(b.count), n = 1 + pick(min(64, b.count - at))
            b.insert(contentsOf: b[at..<(at + n)], at: pick(b.count + 1))
        case 6 where !b.isEmpty:  // truncate
            b.removeSubrange(pick(b.count)...)
        case 7 where b.count >= 8:  // overwrite with a boundary integer (binary formats)
            let at = pick(b.count - 7)
            let values: [UInt64] = [0, 1, 0xFF, 0x7F, 0x80, 0xFFFF_FFFF, 0x8000_0000_0000_0000, .max, 0x7FF8_0000_0000_0000]
            var v = values[pick(values.count)]
            for k in 0..<(1 + pick(8)) { b[at + k] = UInt8(truncatingIfNeeded: v); v >>= 8 }
        default:  // random byte
            b.insert(UInt8(truncatingIfNeeded: rng.next()), at: pick(b.count + 1))
        }
    }
}

/// Names the running fuzz case if the process dies of a trap (SIGILL/SIGTRAP on Linux,
/// SIGSEGV, SIGBUS, SIGABRT, SIGFPE), by writing a line prepared before the case ran — a signal
/// handler may call nothing but async-signal-safe functions, so no formatting happens there.
enum FuzzCrashReport {
    nonisolated(unsafe) static var line = [UInt8](repeating: 0, count: 256)
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var installed = false

    static func install() {
        guard !installed else { return }
        installed = true
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            signal(sig) { sig in
                if FuzzCrashReport.length > 0 {
                    FuzzCrashReport.line.withUnsafeBufferPointer { _ = write(2, $0.baseAddress, FuzzCrashReport.length) }
                }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    static func arm(target: String, seed: UInt64, index: Int) {
        let text = Array("\nFUZZ CRASH in \(target): replay with FUZZ_SEED=\(seed) FUZZ_FIRST=\(index) FUZZ_CASES=1\n".utf8.prefix(255))
        line.replaceSubrange(0..<text.count, with: text)
        length = text.count
    }

    static func disarm() { length = 0 }
}
