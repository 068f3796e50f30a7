import MXGeometry

/// The least-squares target of scan-static refinement over a fixed set of observations
/// (DIALS's `LeastSquaresPositionalResidualWithRmsdCutoff`): residuals calc − obs in X, Y (mm)
/// and φ (rad), statistical weights, and the normal equations accumulated block by block.
///
/// Each reflection touches only the parameters of its own experiment's models (a dozen or so of
/// possibly hundreds), so its Jacobian row is accumulated into a small dense block over those
/// local parameters and the blocks are scattered into the global normal matrix afterwards: the
/// cost is linear in the number of reflections. Work is split into fixed chunks of one
/// experiment's observations and the chunks' sums are added in chunk order, so the result is
/// bit-identical whatever the number of threads.
struct RefinementTarget: Sendable {
    let observations: Observations
    let experimentCount: Int
    /// (experiment, observation range) work items of at most `chunkSize` observations.
    let items: [(experiment: Int, range: Range<Int>)]
    static let chunkSize = 1024

    init(observations: Observations, experimentCount: Int) {
        self.observations = observations
        self.experimentCount = experimentCount
        var items: [(Int, Range<Int>)] = []
        for (e, r) in observations.experimentRanges(count: experimentCount).enumerated() {
            var start = r.lowerBound
            while start < r.upperBound {
                let end = min(start + Self.chunkSize, r.upperBound)
                items.append((e, start..<end))
                start = end
            }
        }
        self.items = items
    }

    /// Predictions for every observation.
    func predictions(frames: [ExperimentFrame]) -> [ObservationPrediction] {
        let o = observations
        let chunks = items.parallelMap { item -> [ObservationPrediction] in
            let f = frames[item.experiment]
            return item.range.map { i in
                f.predict(h: o.h[i], entering: o.entering[i], panel: o.panel[i], phiObserved: o.observed[i].z)
            }
        }
        return chunks.flatMap { $0 }
    }

    /// The target at the models' current state; with `gradients` also the normal equations
    /// over `parameterCount` global parameters.
    /// `parallel: false` runs the same chunks on the calling thread (for tests: the sums must
    /// not depend on it).
    func evaluate(frames: [ExperimentFrame], parameterCount: Int, gradients: Bool,
                  parallel: Bool = true) throws(RefinementError) -> TargetEvaluation {
        let o = observations
        let work = { @Sendable (item: (experiment: Int, range: Range<Int>)) in
            Self.accumulate(frame: frames[item.experiment], observations: o, range: item.range, gradients: gradients)
        }
        let partials = parallel ? items.parallelMap(work) : items.map(work)
        var total = TargetEvaluation()
        let size = gradients ? parameterCount : 0
        var n = DenseMatrix(n: size)
        var rhs = [Double](repeating: 0, count: size)
        var support = [Int](repeating: 0, count: size)
        for (item, p) in zip(items, partials) {
            if let bad = p.nearSpindle {
                let h = o.h[bad]
                throw .badInput("reflection (\(Int(h.x)), \(Int(h.y)), \(Int(h.z))) of experiment \(item.experiment) lies on the spindle–beam plane ((e × r)·s0 too small)")
            }
            total.weightedSquares += p.weightedSquares
            total.nref += p.nref
            total.squares += p.squares
            guard gradients else { continue }
            let global = frames[item.experiment].globalIndices
            let m = global.count
            for a in 0..<m {
                rhs[global[a]] += p.rhs[a]
                support[global[a]] += p.support[a]
                for b in a..<m {
                    let v = p.normal[a * m + b]
                    n[global[a], global[b]] += v
                    if b != a { n[global[b], global[a]] += v }
                }
            }
        }
        if gradients {
            total.normalMatrix = n
            total.rhs = rhs
            total.gradientSupport = support
        }
        return total
    }

    /// Sums over one chunk: Σwr², Σr², and (local, upper triangle) JᵀWJ and −JᵀWr.
    private struct Partial: Sendable {
        var weightedSquares = 0.0
        var squares = Vec3.zero
        var nref = 0
        var normal: [Double] = []
        var rhs: [Double] = []
        var support: [Int] = []
        var nearSpindle: Int?
    }

    private static func accumulate(frame f: ExperimentFrame, observations o: Observations, range: Range<Int>,
                                   gradients: Bool) -> Partial {
        var p = Partial()
        let m = f.localCount
        if gradients {
            p.normal = Array(repeating: 0, count: m * m)
            p.rhs = Array(repeating: 0, count: m)
            p.support = Array(repeating: 0, count: m)
        }
        var g = PositionGradients(count: m)
        for i in range {
            let pred = f.predict(h: o.h[i], entering: o.entering[i], panel: o.panel[i], phiObserved: o.observed[i].z)
            guard pred.isPredicted else { continue }
            let r = pred.xyz - o.observed[i]
            let w = o.weights[i]
            p.nref += 1
            p.squares += r * r
            p.weightedSquares += w.x * r.x * r.x + w.y * r.y * r.y + w.z * r.z * r.z
            guard gradients else { continue }
            guard f.gradients(h: o.h[i], panel: o.panel[i], xyz: pred.xyz, s1: pred.s1, into: &g) else {
                p.nearSpindle = i
                return p
            }
            for a in 0..<m {
                let ax = w.x * g.dX[a], ay = w.y * g.dY[a], az = w.z * g.dPhi[a]
                p.rhs[a] -= ax * r.x + ay * r.y + az * r.z
                if abs(g.dX[a]) > 1e-10 || abs(g.dY[a]) > 1e-10 || abs(g.dPhi[a]) > 1e-10 { p.support[a] += 1 }
                let row = a * m
                for b in a..<m {
                    p.normal[row + b] += ax * g.dX[b] + ay * g.dY[b] + az * g.dPhi[b]
                }
            }
        }
        return p
    }
}
