import Foundation
import MXGeometry
import MXSymmetry

/// Multi-crystal symmetry after integration, as dials.cosym does it: consistent indexing of
/// crystals whose lattice is more symmetric than their space group, and the Laue group the
/// intensities show.
///
/// Consistent indexing here is the iterative pairwise-correlation method (Brehm & Diederichs
/// 2014; Kabsch's "selective breeding" as KAMO runs it), not cosym's embedding: every pair of
/// datasets is correlated (normalised intensities, common reflections of the space group's
/// Laue class) under every pair of coset representatives; starting from the best-connected
/// dataset each one takes the operator with the highest count-weighted mean correlation with
/// the others' current choice, until none changes. The answer is expressed so that dataset 0
/// keeps its indexing. Everything is summed in sorted order: the result does not depend on
/// thread count or hashing.
public enum Cosym {
    /// The reindexing operator per dataset that makes all agree.
    /// - Throws: ``CosymError`` when there are no datasets, a dataset has no usable reflection
    ///   or shares none with any other, or the cell gives no lattice.
    public static func resolveIndexing(_ datasets: [CosymDataset], spaceGroup: SpaceGroup, cell: UnitCell,
                                       options given: CosymOptions = .init()) throws(CosymError) -> ConsistentIndexing {
        let options = resolvedOptions(datasets, given)
        let data = try normalise(datasets, options: options)
        let lattice = try LatticeOperators(cell: cell, centring: spaceGroup.centringSymbol, maxDelta: options.latticeSymmetryMaxDelta)
        let group = Set(spaceGroup.rotations.map { r in r.determinant == 1 ? r.transpose : (-r).transpose })
        var notes: [String] = []
        var operators = lattice.operators
        for g in group where !operators.contains(g) {
            notes.append("the cell's metric lacks the space group's operator \(g.hklSymbol) within \(options.latticeSymmetryMaxDelta)°")
            operators.append(g)
        }
        guard let closed = IntMatrix3.closure(of: operators) else {
            throw .lattice("the lattice's operators and the space group's do not form a group")
        }
        let cosets = cosets(of: LatticeOperators.canonicalOrder(Array(closed)), over: group)
        var out = try resolve(data, cosets: cosets, group: group, options: options)
        out.notes = notes + out.notes
        out.dMin = options.dMin
        return out
    }

    /// The Laue group of the data, from correlations between reflections each lattice symmetry
    /// element relates, in the datasets pooled after each is aligned on the others by a lattice
    /// operator (the iterative method above with every lattice operator a candidate, so that
    /// indexing ambiguity does not matter). Subgroups are scored as dials.symmetry scores them.
    /// - Parameter indexedIn: the group whose setting the indices are in; only its lattice
    ///   centring is used (give "H 3" or "R 3 :H" for hexagonal axes of an R lattice, "P 1"…).
    public static func laueGroup(_ datasets: [CosymDataset], cell: UnitCell, indexedIn setting: SpaceGroup,
                                 options given: CosymOptions = .init()) throws(CosymError) -> LaueGroupAnalysis {
        let options = resolvedOptions(datasets, given)
        let data = try normalise(datasets, options: options)
        let lattice = try LatticeOperators(cell: cell, centring: setting.centringSymbol, maxDelta: options.latticeSymmetryMaxDelta)
        let ops = lattice.operators
        let index = Dictionary(uniqueKeysWithValues: ops.enumerated().map { ($1, $0) })
        // Per element, correlations relative to the pair's alignment (cosym's cosines play this
        // role): for datasets a, b aligned by the lattice operator k* that correlates them best,
        // r(s·k*)/r(k*) is 1 for a symmetry element s and near 0 otherwise, whatever the noise;
        // within one dataset the alignment is the identity and r(e) = 1.
        let merged = data.map { d in ops.map { d.merged(reindexedBy: $0, orbits: .friedel) } }
        var sum = [Double](repeating: 0, count: ops.count), weight = sum
        var acc = [CorrelationAccumulator](repeating: .init(), count: ops.count)
        let n = data.count
        for a in 0..<n {
            for s in 1..<ops.count {
                let c = merged[a][s].correlation(with: merged[a][0])
                guard c.n >= options.minPairs else { continue }
                sum[s] += Double(c.n) * c.coefficient; weight[s] += Double(c.n); acc[s] += c
            }
            for b in (a + 1)..<n {
                let pair = ops.indices.map { merged[a][$0].correlation(with: merged[b][0]) }
                guard let k = pair.indices.filter({ pair[$0].n >= options.minPairsToAlign })
                    .max(by: { pair[$0].coefficient < pair[$1].coefficient }), pair[k].coefficient > 0.05 else { continue }
                for s in 1..<ops.count {
                    guard let j = index[ops[s] * ops[k]], pair[j].n >= options.minPairs else { continue }
                    sum[s] += Double(pair[j].n) * pair[j].coefficient / pair[k].coefficient
                    weight[s] += Double(pair[j].n); acc[s] += pair[j]
                }
            }
        }
        // Relative correlations expect 1 for a true symmetry element.
        let expected = 1.0
        // Elements: each operator with its inverse.
        var elements: [SymmetryElementScore] = []
        var seen = Set<IntMatrix3>([.identity])
        for (s, m) in ops.enumerated() where !seen.contains(m) {
            let inv = m.unimodularInverse
            seen.insert(m); seen.insert(inv)
            var c = acc[s]
            var (sw, ww) = (sum[s], weight[s])
            if inv != m, let j = index[inv] { c += acc[j]; sw += sum[j]; ww += weight[j] }
            let sigma = options.sigmaCC
            let r = ww > 0 ? min(1, max(-1, sw / ww)) : 0
            let pS = CCLikelihood.givenS(r, expected: expected, sigma: sigma)
            let pN = CCLikelihood.givenNotS(r, sigma: sigma)
            elements.append(SymmetryElementScore(operation: m, symbol: m.hklSymbol, cc: r, n: c.n, zCC: r / sigma,
                                                 likelihood: pS / (pS + pN), pGivenS: pS, pGivenNotS: pN))
        }
        // Candidates: every subgroup of the lattice group.
        let table = try? SymInfoTable.loaded()
        var candidates: [LaueGroupCandidate] = []
        var numbers: [String: Int] = [:]  // Patterson group number by name
        for sub in lattice.search.latticeGroup.subgroups {
            let members = Set(sub.compactMap { lattice.reciprocal($0) })
            var logL = 0.0, zFor = 0.0, zAgainst = 0.0, nFor = 0, nAgainst = 0
            var ccFor = CorrelationAccumulator(), ccAgainst = CorrelationAccumulator()
            for (e, el) in elements.enumerated() {
                let inGroup = members.contains(el.operation)
                var c = acc[index[el.operation]!]
                let inv = el.operation.unimodularInverse
                if inv != el.operation, let j = index[inv] { c += acc[j] }
                if inGroup { ccFor += c } else { ccAgainst += c }
                guard elements[e].n > 2 else { continue }
                if inGroup { logL += log(el.pGivenS); zFor += el.zCC * el.zCC; nFor += 1 }
                else { logL += log(el.pGivenNotS); zAgainst += el.zCC * el.zCC; nAgainst += 1 }
            }
            let (name, number) = patternName(sub, lattice: lattice, table: table)
            candidates.append(LaueGroupCandidate(
                name: name, operators: LatticeOperators.canonicalOrder(Array(members)), likelihood: exp(logL), confidence: 0,
                zCCFor: nFor > 0 ? (zFor / Double(nFor)).squareRoot() : 0,
                zCCAgainst: nAgainst > 0 ? (zAgainst / Double(nAgainst)).squareRoot() : 0,
                ccFor: ccFor.coefficient, ccAgainst: ccAgainst.coefficient,
                maxDelta: LatticeGroup.maxDelta(of: sub, in: lattice.search.reducedBasis)))
            numbers[name] = number
        }
        let total = candidates.reduce(0) { $0 + $1.likelihood }
        for i in candidates.indices { candidates[i].likelihood = total > 0 ? candidates[i].likelihood / total : 0 }
        // Most likely first; ties: the larger group first (the subgroups' fixed order otherwise).
        candidates = candidates.enumerated().sorted { l, r in
            l.element.likelihood != r.element.likelihood ? l.element.likelihood > r.element.likelihood : l.offset < r.offset
        }.map(\.element)
        for i in 0..<(candidates.count - 1) {
            let (p, q) = (candidates[i].likelihood, candidates[i + 1].likelihood)
            if p > 0, q > 0 { let g = p * (p - q); candidates[i].confidence = g < 0 ? -(-g).squareRoot() : g.squareRoot() }
        }
        if candidates.count == 1 { candidates[0].confidence = 1 }
        let best = candidates[0]
        var notes = ["space group: \(lowestChiral(best, numbers)) is the Laue group's lowest chiral group; screw axes were not analysed"]
        if elements.contains(where: { $0.n <= 2 }) { notes.append("some symmetry elements had too few reflection pairs to score") }
        return LaueGroupAnalysis(best: best, candidates: candidates, elements: elements, expectedCC: expected,
                                 spaceGroup: lowestChiral(best, numbers), dMin: options.dMin, notes: notes)
    }

    static func lowestChiral(_ c: LaueGroupCandidate, _ numbers: [String: Int]) -> String {
        LaueGroupAnalysis.lowestChiralGroup(patternNumber: numbers[c.name] ?? 0, name: c.name)
    }

    /// The resolution limit used: the given one, or the automatic one.
    static func resolvedOptions(_ datasets: [CosymDataset], _ options: CosymOptions) -> CosymOptions {
        var o = options
        if o.dMin == nil, let t = o.autoDMinIOverSigma { o.dMin = ResolutionLimit.automatic(datasets, minIOverSigma: t) }
        return o
    }

    static func normalise(_ datasets: [CosymDataset], options: CosymOptions) throws(CosymError) -> [NormalisedDataset] {
        guard !datasets.isEmpty else { throw .noDatasets }
        let data = datasets.map { NormalisedDataset($0, options: options) }
        if let empty = data.firstIndex(where: \.isEmpty) { throw .emptyDataset(empty) }
        return data
    }

    /// The Patterson group of a subgroup (reduced-basis rotations) as syminfo.lib names it, in
    /// the conventional setting of the smallest Bravais lattice whose holohedry contains it.
    static func patternName(_ sub: Set<IntMatrix3>, lattice: LatticeOperators, table: SymInfoTable?) -> (String, Int) {
        let search = lattice.search
        let tr = search.toReduced.e.map(Double.init)
        let trInv = LatticeOperators.inverse(tr)
        var best: (setting: BravaisSetting, rotations: Set<IntMatrix3>)?
        for setting in search.settings {
            // Rows of the setting in the reduced basis: T = P·toReduced⁻¹; R′ = T⁻ᵀ·R·Tᵀ.
            let t = LatticeOperators.multiply(setting.changeOfBasis.e.map(Double.init), trInv)
            let tT = [t[0], t[3], t[6], t[1], t[4], t[7], t[2], t[5], t[8]]
            let tInvT = LatticeOperators.inverse(tT)
            var inSetting = Set<IntMatrix3>()
            var ok = true
            for r in sub {
                let m = LatticeOperators.multiply(LatticeOperators.multiply(tInvT, r.e.map(Double.init)), tT)
                let k = m.map { $0.rounded() }
                if zip(m, k).contains(where: { abs($0 - $1) > 1e-6 }) { ok = false; break }
                inSetting.insert(IntMatrix3(k.map { Int($0) }))
            }
            guard ok, inSetting.isSubset(of: setting.rotations) else { continue }
            if best == nil || setting.rotations.count < best!.setting.rotations.count
                || (setting.rotations.count == best!.setting.rotations.count && setting.metricFit < best!.setting.metricFit) {
                best = (setting, inSetting)
            }
        }
        guard let best, let table else { return ("order-\(sub.count) subgroup", 0) }
        let letter: Character
        switch best.setting.bravais {
        case .mC: letter = best.setting.label == "mI" ? "I" : "C"
        case .oC: letter = "C"
        case .oI, .tI, .cI: letter = "I"
        case .oF, .cF: letter = "F"
        case .hR: letter = "R"
        default: letter = "P"
        }
        let patterson: Set<Int> = [2, 10, 12, 47, 65, 69, 71, 83, 87, 123, 139, 147, 148, 162, 164, 166, 175, 191, 200, 202, 204, 221, 225, 229]
        for entry in table.entries where patterson.contains(entry.number) && entry.extendedHermannMauguin.first == letter {
            guard !entry.extendedHermannMauguin.hasSuffix(":R"), let g = try? SpaceGroup(entry: entry) else { continue }
            let proper = Set(g.rotations.map { $0.determinant == 1 ? $0 : -$0 })
            if proper == best.rotations { return (entry.extendedHermannMauguin, entry.number) }
        }
        return ("\(best.setting.label) order-\(sub.count) subgroup", 0)
    }
}
