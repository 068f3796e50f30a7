import Foundation
import MXGeometry

/// How DIALS's `CentroidOutlier` applies an outlier rule for scan-static refinement: the
/// predicted observations are split into jobs per experiment (all panels together), each
/// experiment's observed φ range into equal blocks of about `block_width` degrees, and the rule
/// runs on the X, Y and φ residuals of each job. A job with fewer than
/// `minimum_number_of_reflections` observations is rejected whole — too few to tell outliers
/// from the rest.
struct CentroidOutlierJobs: Sendable {
    let rule: TukeyOutlierRejection
    let minimumObservations: Int
    /// Block width in degrees per experiment (nil: do not split that experiment).
    let blockWidths: [Double?]

    /// Outlier flags for observations `indices` (the predicted ones), given residuals and the
    /// observed φ (radians) of every observation.
    func outliers(indices: [Int], experiment: [Int], phiObserved: [Double],
                  residuals: [Vec3], experimentCount: Int) -> Set<Int> {
        var byExperiment = [[Int]](repeating: [], count: experimentCount)
        for i in indices { byExperiment[experiment[i]].append(i) }
        var rejected = Set<Int>()
        for (e, members) in byExperiment.enumerated() {
            for job in blocks(members, phi: phiObserved, width: blockWidths[e]) {
                guard !job.isEmpty else { continue }
                if job.count < minimumObservations {
                    rejected.formUnion(job)
                    continue
                }
                let flags = rule.outliers(columns: [job.map { residuals[$0].x }, job.map { residuals[$0].y },
                                                    job.map { residuals[$0].z }])
                for (i, f) in zip(job, flags) where f { rejected.insert(i) }
            }
        }
        return rejected
    }

    /// The φ blocks of one job: nblocks = round(range/width) (at least one, Python's rounding to
    /// even), the last block closed at the top.
    private func blocks(_ members: [Int], phi: [Double], width: Double?) -> [[Int]] {
        guard let width, let lo = members.map({ phi[$0] }).min(), let hi = members.map({ phi[$0] }).max(),
              hi > lo else { return [members] }
        let range = hi - lo
        let count = max(1, Int((range * 180 / .pi / width).rounded(.toNearestOrEven)))
        let real = range / Double(count)
        var out: [[Int]] = []
        var blockEnd = 0.0
        for b in 0..<(count - 1) {
            let start = Double(b) * real
            blockEnd = Double(b + 1) * real
            out.append(members.filter { phi[$0] >= lo + start && phi[$0] < lo + blockEnd })
        }
        out.append(members.filter { phi[$0] >= lo + blockEnd })
        return out
    }
}
