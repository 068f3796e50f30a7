import Foundation
import MXMerging

extension MergedDataset {
    /// The merging statistics per shell and overall, in dials.merge's columns (completeness
    /// in %, the R factors as fractions).
    public var tableLines: [String] {
        func row(_ s: ShellStatistics, _ label: String? = nil) -> String {
            let range = label ?? String(format: "%6.2f %6.2f", min(s.dMax, 999.99), s.dMin)
            return range + String(format: " %7d %6d %6.2f %6.2f %9.1f %6.1f %6.3f %6.3f %6.3f %6.3f",
                                  s.observations, s.unique, s.multiplicity, 100 * s.completeness, s.meanIntensity,
                                  s.meanIOverSigma, s.rMerge, s.rMeas, s.rPim, s.ccHalf)
        }
        return [" d_max  d_min    #obs  #uniq  mult.  %comp       <I>  <I/sI>  r_mrg r_meas  r_pim  cc1/2"]
            + statistics.shells.map { row($0) } + [row(statistics.overall, "   overall   ")]
    }

    /// One line per crystal: its reindexing operator, scale, relative B, observations and ΔCC½.
    public var crystalLines: [String] {
        var lines = crystals.map { c in
            "\(SequenceSummary.directoryName(c.sequence)) \(c.template): cb_op \(c.cbOp), "
                + String(format: "scale %.3f, relative B %+.2f Å², %d observations", c.scale, c.relativeB, c.observations)
                + (c.deltaCCHalf.map { String(format: ", ΔCC½ %+.4f", $0) } ?? "")
        }
        if let e = errorModel { lines.append(String(format: "error model a %.4f, b %.4f (ISa %.1f)", e.a, e.b, 1 / (e.a * e.b))) }
        return lines
    }
}
