import Foundation
import MXSymmetry

/// Scaling of several crystals' observations with `dials.scale`'s physical model (scale and
/// decay smooth in rotation, no absorption term), deterministic: the observations are put in a
/// canonical order first, so the same observations in any order give the same bytes.
///
/// Minimises Φ = Σ_h Σ_l w_l (I_l − g_l Ī_h)² + ρΣB², Ī_h = Σ w g I / Σ w g² over the Laue
/// group's equivalents (I± together), w = 1/σ′², by Levenberg–Marquardt with the full Jacobian
/// (dĪ/dp included). Crystal 0's first scale parameter is fixed at 1 and its first B at 0
/// (the overall scale and B are not determined by the data). Each round: refine, reject
/// outliers (from scratch), refine the error model; until the outliers and the error model
/// stop changing.
public enum PhysicalScaling {
    public static func scale(_ observations: [ScalingObservation], spaceGroup: SpaceGroup, options: ScalingOptions = .init()) throws -> ScalingResult {
        guard !observations.isEmpty else { throw ScalingError.noObservations }
        for (i, o) in observations.enumerated() {
            guard o.intensity.isFinite, o.variance.isFinite, o.rotationDegrees.isFinite, o.dSpacing.isFinite, o.dSpacing > 0 else {
                throw ScalingError.invalidValue(index: i)
            }
            guard o.crystal >= 0 else { throw ScalingError.crystalOutOfRange(index: i, crystal: o.crystal) }
        }
        let crystalCount = observations.map(\.crystal).max()! + 1
        if let ranges = options.rotationRanges, ranges.count < crystalCount {
            throw ScalingError.crystalOutOfRange(index: observations.firstIndex { $0.crystal >= ranges.count }!, crystal: ranges.count)
        }

        // Canonical order: by group (ASU index), then every field of the observation.
        let asu = ReciprocalASU(spaceGroup)
        var representativeCache: [SIMD3<Int>: SIMD3<Int>] = [:]
        let keys = observations.map { o -> SIMD3<Int> in
            if let k = representativeCache[o.hkl] { return k }
            let k = asu.representative(o.hkl)
            representativeCache[o.hkl] = k
            return k
        }
        let order = observations.indices.sorted { a, b in
            let (ka, kb, oa, ob) = (keys[a], keys[b], observations[a], observations[b])
            if ka != kb { return (ka.x, ka.y, ka.z) < (kb.x, kb.y, kb.z) }
            if oa.crystal != ob.crystal { return oa.crystal < ob.crystal }
            if oa.rotationDegrees != ob.rotationDegrees { return oa.rotationDegrees < ob.rotationDegrees }
            if oa.hkl != ob.hkl { return (oa.hkl.x, oa.hkl.y, oa.hkl.z) < (ob.hkl.x, ob.hkl.y, ob.hkl.z) }
            if oa.intensity != ob.intensity { return oa.intensity < ob.intensity }
            if oa.variance != ob.variance { return oa.variance < ob.variance }
            return oa.dSpacing < ob.dSpacing
        }
        let obs = order.map { observations[$0] }
        var groups: [Range<Int>] = []
        var start = 0
        for i in 1...obs.count where i == obs.count || keys[order[i]] != keys[order[i - 1]] {
            groups.append(start..<i)
            start = i
        }

        // Every crystal must share a reflection with crystal 0, directly or through others.
        var parent = Array(0..<crystalCount)
        func root(_ c: Int) -> Int { var c = c; while parent[c] != c { c = parent[c] }; return c }
        var present = [Bool](repeating: false, count: crystalCount)
        for group in groups {
            let first = obs[group.lowerBound].crystal
            present[first] = true
            for i in group {
                present[obs[i].crystal] = true
                let (a, b) = (root(first), root(obs[i].crystal))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        if let missing = present.firstIndex(of: false) { throw ScalingError.crystalWithoutObservations(missing) }
        if crystalCount > 1, let lonely = (0..<crystalCount).first(where: { root($0) != root(0) }) {
            throw ScalingError.disconnectedCrystal(lonely)
        }

        // Models and per-observation smoother rows.
        var models: [SmoothCrystalModel] = []
        var offset = 0
        for c in 0..<crystalCount {
            let phis = obs.filter { $0.crystal == c }.map(\.rotationDegrees)
            let width = options.rotationRanges.map { $0[c].upperBound - $0[c].lowerBound } ?? ((phis.max() ?? 0) - (phis.min() ?? 0))
            let m = SmoothCrystalModel(phis: phis, width: width, options: options, offset: offset)
            models.append(m)
            offset += m.parameterCount
        }
        var parameters = [Double](repeating: 0, count: offset)
        for m in models { for k in 0..<m.scale.count { parameters[m.scaleOffset + k] = 1 } }
        var isDecay = [Bool](repeating: false, count: offset)
        for m in models { for k in 0..<m.decay.count { isDecay[m.decayOffset + k] = true } }
        var free = Array(0..<offset)
        free.removeAll { $0 == models[0].scaleOffset || $0 == models[0].decayOffset }
        let rows = obs.map { o -> ModelRow in
            let m = models[o.crystal]
            let w = m.weights(phi: o.rotationDegrees)
            return ModelRow(scaleFirst: m.scaleOffset + w.scale.0, scaleWeights: w.scale.1,
                            decayFirst: m.decayOffset + w.decay.0, decayWeights: w.decay.1,
                            halfInverseD2: 1 / (2 * o.dSpacing * o.dSpacing))
        }
        let intensity = obs.map(\.intensity), variance = obs.map(\.variance)
        let usable = variance.map { $0 > 0 }
        var outlier = [Bool](repeating: false, count: obs.count)
        var errorModel = options.initialErrorModel

        // Anomalous groups (I+ and I− apart) for the error model: equivalents under rotations only.
        let anomalousGroups: [[Int]] = {
            var best = [SIMD3<Int>](repeating: .zero, count: obs.count)
            for (i, o) in obs.enumerated() {
                var b = o.hkl
                for op in spaceGroup.primitiveOperations {
                    let k = op.rotate(o.hkl)
                    if (k.x, k.y, k.z) < (b.x, b.y, b.z) { b = k }
                }
                best[i] = b
            }
            var result: [[Int]] = []
            for group in groups {
                let members = group.sorted { (best[$0].x, best[$0].y, best[$0].z, $0) < (best[$1].x, best[$1].y, best[$1].z, $1) }
                var current: [Int] = []
                for m in members {
                    if let last = current.last, best[last] != best[m] { result.append(current); current = [] }
                    current.append(m)
                }
                if !current.isEmpty { result.append(current) }
            }
            return result
        }()

        var cycles = 0
        var rmsd = 0.0
        while cycles < options.maxCycles {
            cycles += 1
            let weight = (0..<obs.count).map { i -> Double in
                guard usable[i], !outlier[i] else { return 0 }
                return 1 / errorModel.variance(variance[i], intensity: intensity[i])
            }
            rmsd = ScaleRefinement.refine(&parameters, free: free, isDecay: isDecay, rows: rows, intensity: intensity,
                                          weight: weight, groups: groups, restraint: options.decayRestraint,
                                          maxIterations: options.maxIterations, tolerance: options.rmsdTolerance)
            let g = rows.map { $0.evaluate(parameters).g }
            let previousOutliers = outlier
            if options.rejectOutliers {
                let w = (0..<obs.count).map { usable[$0] ? 1 / errorModel.variance(variance[$0], intensity: intensity[$0]) : 0 }
                outlier = OutlierRejection.reject(intensity: intensity, g: g, weight: w, groups: groups,
                                                  usable: usable.indices.map { usable[$0] && g[$0] > 0 }, zMax: options.outlierZMax)
            }
            let previousModel = errorModel
            if options.refineErrorModel {
                let kept = anomalousGroups.map { $0.filter { usable[$0] && !outlier[$0] && g[$0] > 0 } }
                errorModel = ErrorModelRefinement.refine(start: options.initialErrorModel, intensity: intensity, variance: variance,
                                                         g: g, groups: kept) ?? errorModel
            }
            let settled = outlier == previousOutliers && abs(errorModel.a - previousModel.a) < 1e-3 * previousModel.a
                && abs(errorModel.b - previousModel.b) < 1e-3 * max(previousModel.b, 1e-3)
            if settled && cycles > 1 { break }
        }
        // A final refinement with the final weights and outliers.
        let weight = (0..<obs.count).map { i -> Double in
            usable[i] && !outlier[i] ? 1 / errorModel.variance(variance[i], intensity: intensity[i]) : 0
        }
        rmsd = ScaleRefinement.refine(&parameters, free: free, isDecay: isDecay, rows: rows, intensity: intensity,
                                      weight: weight, groups: groups, restraint: options.decayRestraint,
                                      maxIterations: options.maxIterations, tolerance: options.rmsdTolerance)

        // Back to input order.
        let values = rows.map { $0.evaluate(parameters) }
        var g = [Double](repeating: 0, count: obs.count), scaledVariance = g
        var flags = [Bool](repeating: false, count: obs.count)
        for (k, i) in order.enumerated() {
            g[i] = values[k].g
            scaledVariance[i] = errorModel.variance(variance[k], intensity: intensity[k]) / (values[k].g * values[k].g)
            flags[i] = outlier[k]
        }
        var sumC = [Double](repeating: 0, count: crystalCount), sumB = sumC, counts = [Int](repeating: 0, count: crystalCount)
        var outliers = counts
        for (k, o) in obs.enumerated() {
            sumC[o.crystal] += values[k].c
            sumB[o.crystal] += values[k].b
            counts[o.crystal] += 1
            if outlier[k] { outliers[o.crystal] += 1 }
        }
        let (c0, b0) = (sumC[0] / Double(counts[0]), sumB[0] / Double(counts[0]))
        let crystals = models.enumerated().map { c, m in
            CrystalScale(scaleParameters: Array(parameters[m.scaleOffset..<(m.scaleOffset + m.scale.count)]),
                         decayParameters: Array(parameters[m.decayOffset..<(m.decayOffset + m.decay.count)]),
                         meanScale: sumC[c] / Double(counts[c]) / c0, relativeB: sumB[c] / Double(counts[c]) - b0,
                         observations: counts[c], outliers: outliers[c])
        }
        return ScalingResult(inverseScaleFactors: g, scaledVariances: scaledVariance, isOutlier: flags, crystals: crystals,
                             errorModel: errorModel, cycles: cycles, rmsd: rmsd,
                             hkls: observations.map(\.hkl), intensities: observations.map(\.intensity))
    }
}
