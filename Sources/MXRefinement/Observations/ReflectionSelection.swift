import Foundation
import MXGeometry
import MXReflections

/// DIALS's `ReflectionManager` at construction: which rows of an indexed reflection table may
/// take part in refinement, their statistical weights, and the per-row values DIALS recomputes
/// on the way (observed s1 where missing, entering flags from s1).
///
/// A row is kept when it belongs to an experiment, has a non-zero Miller index, is not flagged
/// overloaded, is not within `close_to_spindle_cutoff` of the spindle–beam plane
/// (|(s1 × s0)·e| > cutoff, with s1 and s0 of length 1/λ) and was observed at an angle inside the
/// scan (modulo 2π). Rows that fail are flagged `excluded_for_refinement` in the output.
struct ReflectionSelection: Sendable {
    var observations: Observations
    /// Per input row: kept for refinement.
    var kept: [Bool]
    /// Per input row: entering flag recomputed from s1 (false outside any experiment).
    var entering: [Bool]
    /// Per input row: s1 from the table, or computed from the observed position where absent.
    var s1: [Vec3]

    init(table: ReflectionTable, experiments: ExperimentList, closeToSpindleCutoff: Double) throws(RefinementError) {
        func column<T: ReflectionColumnElement>(_ name: String, _ type: T.Type) throws(RefinementError) -> [T] {
            do { return try table.values(name, as: type) } catch {
                throw .badInput("the reflection table has no usable \"\(name)\" column (\(error))")
            }
        }
        let n = table.nrows
        let ids = try column("id", Int32.self)
        let miller = try column("miller_index", MillerIndex.self)
        let panels = try column("panel", UInt64.self)
        let xyz = try column("xyzobs.mm.value", Vec3.self)
        let variance = try column("xyzobs.mm.variance", Vec3.self)
        let flags = table.flags ?? Array(repeating: ReflectionFlags(), count: n)
        let nexp = experiments.count

        // Observed s1 where the table has none (DIALS's set_obs_s1).
        var s1 = table.vec3s("s1") ?? Array(repeating: .zero, count: n)
        for i in 0..<n where s1[i].length < 1e-6 {
            let id = Int(ids[i])
            guard id >= 0, id < nexp, let detector = experiments.detector(of: experiments.experiments[id]),
                  let beam = experiments.beam(of: experiments.experiments[id]),
                  panels[i] < UInt64(detector.panels.count) else { continue }
            let lab = detector[Int(panels[i])].labCoordinate(mm: SIMD2(xyz[i].x, xyz[i].y))
            s1[i] = lab.normalized / beam.wavelength
        }

        var entering = [Bool](repeating: false, count: n)
        var kept = [Bool](repeating: false, count: n)
        var validAngles = [Int](repeating: 0, count: nexp)
        for i in 0..<n {
            let id = Int(ids[i])
            guard id >= 0, id < nexp else { continue }
            let e = experiments.experiments[id]
            let s0 = experiments.beams[e.beam!].s0
            let axis = experiments.goniometers[e.goniometer!].rotationAxis
            entering[i] = s1[i].dot(s0.cross(axis)) < 0
            guard !miller[i].isZero, !flags[i].contains(.overloaded) else { continue }
            guard panels[i] < UInt64(experiments.detectors[e.detector!].panels.count) else {
                throw .badInput("reflection \(i) is on panel \(panels[i]), which experiment \(id)'s detector lacks")
            }
            let scan = experiments.scans[e.scan!]
            let inScan = Self.isAngleValid(xyz[i].z, scan: scan)
            if inScan { validAngles[id] += 1 }
            let volume = abs(s1[i].cross(s0).dot(axis))
            kept[i] = inScan && volume > closeToSpindleCutoff
        }
        for (id, count) in validAngles.enumerated() where count == 0 {
            throw .badInput("experiment id \(id) contains no reflections with valid scan angles")
        }

        // Statistical weights 1/σ²; an indexed reflection with no usable variance is an error.
        var o = Observations()
        let order = (0..<n).filter { kept[$0] }.sorted { (ids[$0], $0) < (ids[$1], $1) }
        for i in order {
            let v = variance[i]
            let w = Vec3(v.x > 0 ? 1 / v.x : 0, v.y > 0 ? 1 / v.y : 0, v.z > 0 ? 1 / v.z : 0)
            if w == .zero && flags[i].contains(.indexed) {
                throw .badInput("cannot set statistical weights: reflection \(i) is indexed but its observed variances are zero")
            }
            o.row.append(i)
            o.experiment.append(Int(ids[i]))
            let m = miller[i]
            o.h.append(Vec3(Double(m.h), Double(m.k), Double(m.l)))
            o.panel.append(Int(panels[i]))
            o.entering.append(entering[i])
            o.observed.append(xyz[i])
            o.weights.append(w)
        }
        observations = o
        self.kept = kept
        self.entering = entering
        self.s1 = s1
    }

    /// Whether φ (radians) lies in the scan's angular range modulo 2π (dxtbx
    /// `is_angle_in_range`).
    static func isAngleValid(_ phi: Double, scan: Scan) -> Bool {
        let range = scan.oscillationRange
        let r0 = range.start * .pi / 180, r1 = range.end * .pi / 180
        let twoPi = 2 * Double.pi
        if r1 - r0 >= twoPi { return true }
        var diff0 = phi - r0
        if abs(diff0) < 2 * Double.ulpOfOne { diff0 = 0 }
        let a0 = ExperimentFrame.fmodPositive(diff0, twoPi)
        let a1 = ExperimentFrame.fmodPositive(phi - r1, twoPi)
        return a1 >= a0 || abs(a1) < Double.ulpOfOne
    }
}
