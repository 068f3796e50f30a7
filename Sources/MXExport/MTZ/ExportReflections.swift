import MXReflections

/// The reflections `dials.export` writes for summation-integrated data, with its corrections
/// applied, in the order it writes them (by experiment, then table order).
///
/// Selection, as DIALS's filter for `intensity=sum`: rows with id ≥ 0 flagged `integrated_sum`;
/// variance > 0; qe > 0 (when there is a qe column); partiality > 0 (when there is a partiality
/// column). Corrections: c = (1/qe)·lp/partiality, I·c and σ²·c². Then partials sharing a
/// `partial_id` within one experiment (each with partiality < 0.99 and σ² > 0) are summed into
/// their first row (I, σ² and partiality add up); rows with partiality below the threshold go;
/// then rows with I/σ below `minISigI`.
public struct ExportReflections: Sendable {
    /// Per kept row: index into the experiment list, original Miller index, corrected I and σ²,
    /// FRACTIONCALC, and the source row for the per-reflection columns copied as they are.
    public internal(set) var experiment: [Int] = []
    public internal(set) var miller: [MillerIndex] = []
    public internal(set) var intensity: [Double] = []
    public internal(set) var variance: [Double] = []
    public internal(set) var fraction: [Double] = []
    public internal(set) var row: [Int] = []

    public var count: Int { row.count }

    /// `experimentIndex[id]` maps a table id to its experiment; ids missing from it are skipped.
    public init(table: ReflectionTable, experimentIndex: [Int32: Int], experimentCount: Int,
         options: MTZExportOptions) throws(MTZExportError) {
        guard table.contains("intensity.sum.value") else { throw .missingColumn("intensity.sum.value") }
        let ids = try Self.column(table, "id", Int32.self)
        let hkl = try Self.column(table, "miller_index", MillerIndex.self)
        let value = try Self.column(table, "intensity.sum.value", Double.self)
        let variance = try Self.column(table, "intensity.sum.variance", Double.self)
        let flags = try Self.column(table, ReflectionTable.flagsColumn, UInt64.self)
        let qe = table.doubles("qe") ?? table.doubles("dqe")
        let lp = table.doubles("lp")
        let partiality = table.doubles("partiality")

        // Selection and corrections, row by row in table order.
        var kept: [Int] = []
        var corrected: [(i: Double, v: Double)] = []
        var integrated = 0
        for r in 0..<table.nrows where ids[r] >= 0 && flags[r] & ReflectionFlags.integratedSum.rawValue != 0 {
            guard experimentIndex[ids[r]] != nil else { continue }
            integrated += 1
            if variance[r] <= 0 { continue }
            var conversion = 1.0
            if let qe {
                guard qe[r] > 0 else { continue }
                conversion /= qe[r]
            }
            if let lp { conversion *= lp[r] }
            if let partiality {
                guard partiality[r] > 0 else { continue }
                conversion /= partiality[r]
            }
            kept.append(r)
            corrected.append((value[r] * conversion, variance[r] * (conversion * conversion)))
        }
        guard integrated > 0 else { throw .noIntegratedReflections("no row with id ≥ 0 is flagged integrated_sum") }
        guard !kept.isEmpty else { throw .noIntegratedReflections("every integrated reflection has a bad variance, qe or partiality") }

        // Group by experiment (list order), keeping table order inside each.
        var byExperiment = [[Int]](repeating: [], count: experimentCount)
        for (k, r) in kept.enumerated() { byExperiment[experimentIndex[ids[r]]!].append(k) }

        let partialIDs = options.combinePartials && partiality != nil ? table.sizes("partial_id") : nil
        for (e, members) in byExperiment.enumerated() {
            var fraction = members.map { partiality?[kept[$0]] ?? 1 }
            var alive = [Bool](repeating: true, count: members.count)
            if let partialIDs {
                Self.combinePartials(members.map { partialIDs[kept[$0]] }, &corrected, members, &fraction, &alive)
            }
            for (m, k) in members.enumerated() where alive[m] {
                guard fraction[m] >= options.partialityThreshold else { continue }
                let (i, v) = corrected[k]
                if let minISigI = options.minISigI, i / v.squareRoot() < minISigI { continue }
                let r = kept[k]
                self.experiment.append(e)
                self.miller.append(hkl[r])
                self.intensity.append(i)
                self.variance.append(v)
                self.fraction.append(fraction[m])
                self.row.append(r)
            }
        }
        guard !row.isEmpty else {
            throw .noIntegratedReflections("all \(kept.count) reflections fall below the partiality threshold or I/σ limit")
        }
    }

    /// DIALS's summing of partials: among rows with partiality < 0.99 and σ² > 0, those sharing
    /// a partial id are summed into the first (I, σ², partiality) and the rest dropped.
    private static func combinePartials(_ pids: [UInt64], _ corrected: inout [(i: Double, v: Double)], _ members: [Int],
                                        _ fraction: inout [Double], _ alive: inout [Bool]) {
        var groups: [UInt64: [Int]] = [:]
        var order: [UInt64] = []
        for m in members.indices where fraction[m] < 0.99 && corrected[members[m]].v > 0 {
            if groups[pids[m]] == nil { order.append(pids[m]) }
            groups[pids[m], default: []].append(m)
        }
        for pid in order {
            let g = groups[pid]!
            guard g.count > 1 else { continue }
            var (i, v) = corrected[members[g[0]]]
            var p = fraction[g[0]]
            for m in g.dropFirst() {
                i += corrected[members[m]].i
                v += corrected[members[m]].v
                p += fraction[m]
                alive[m] = false
            }
            corrected[members[g[0]]] = (i, v)
            fraction[g[0]] = p
        }
    }

    private static func column<T: ReflectionColumnElement>(_ table: ReflectionTable, _ name: String, _ type: T.Type) throws(MTZExportError) -> [T] {
        guard let values = table[name, as: T.self] else {
            if table.contains(name) { throw .badReflections("column \"\(name)\" has type \(table.columnType(name)!.dialsName), not \(T.columnType.dialsName)") }
            throw .missingColumn(name)
        }
        return values
    }
}
