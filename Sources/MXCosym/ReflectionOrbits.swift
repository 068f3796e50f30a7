import MXSymmetry

/// Equivalence of Miller indices under a group of index operators and Friedel's law: each
/// index stands for its orbit by the lexicographically smallest member.
struct ReflectionOrbits: Sendable {
    let operators: [IntMatrix3]

    init(_ operators: [IntMatrix3]) { self.operators = operators }

    /// Friedel's law only (P −1).
    static let friedel = ReflectionOrbits([.identity])

    func representative(_ h: SIMD3<Int>) -> SIMD3<Int> {
        var best = h
        for m in operators {
            let k = m.apply(h)
            for c in [k, 0 &- k] where ReflectionOrbits.less(c, best) { best = c }
        }
        return best
    }

    static func less(_ a: SIMD3<Int>, _ b: SIMD3<Int>) -> Bool { (a.x, a.y, a.z) < (b.x, b.y, b.z) }
}
