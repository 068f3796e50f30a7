import MXGeometry
import MXReflections

/// `dials.split_experiments`: one experiment list and reflection table per experiment. Each
/// part keeps only its experiment's models (shared models are copied into every part), its
/// reflections get id 0 and imageset_id 0, and the identifier map becomes {0: that
/// experiment's identifier} (when the table had one). Unindexed rows (id −1) are dropped.
public enum ExperimentSplitter {
    public struct Part: Sendable, Equatable {
        public var experiments: ExperimentList
        public var reflections: ReflectionTable
    }

    /// One part per experiment, in list order.
    public static func split(experiments: ExperimentList, reflections: ReflectionTable) throws(MTZExportError) -> [Part] {
        guard let ids = reflections.ints("id") else {
            throw reflections.contains("id") ? .badReflections("column \"id\" is not of type int") : .missingColumn("id")
        }
        let index = try UnmergedMTZ.experimentIndex(table: reflections, experiments: experiments)
        var rowsOf = [[Int]](repeating: [], count: experiments.count)
        for (r, id) in ids.enumerated() { if let e = index[id] { rowsOf[e].append(r) } }
        return try experiments.experiments.indices.map { (e: Int) throws(MTZExportError) -> Part in
            var table: ReflectionTable
            do {
                table = try reflections.select(rows: rowsOf[e])
                try table.setColumn("id", [Int32](repeating: 0, count: table.nrows))
                try table.setColumn("imageset_id", [Int32](repeating: 0, count: table.nrows))
            } catch { throw .badReflections("\(error)") }
            table.identifiers = reflections.identifiers.isEmpty ? [:] : [0: experiments.experiments[e].identifier]
            return Part(experiments: experiments.selecting(experiment: e), reflections: table)
        }
    }

    /// DIALS's file name for part `index` of `count`: the index zero-padded to the width of
    /// count − 1 ("split_0" … "split_9" for 10 parts, "split_00" … "split_57" for 58).
    public static func fileStem(prefix: String, index: Int, count: Int) -> String {
        let width = String(max(count - 1, 0)).count
        let digits = String(index)
        return prefix + "_" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
