import Foundation
import MXGeometry
import MXReflections

/// `dials.combine_experiments`: many expt/refl pairs become one multi-experiment pair, the
/// reflections renumbered to their experiment's new index with identifiers kept. Reference
/// models taken from one experiment (an index into all input experiments in order) replace
/// that kind of model in every experiment, so they become one shared model — which joint
/// refinement then refines once for all. With `compareModels` each replaced model must agree
/// with the reference within ``ModelTolerances`` (DIALS's `compare_models=True`); switching it
/// off forces the replacement.
public enum ExperimentCombiner {
    public struct Input: Sendable {
        public var experiments: ExperimentList
        public var reflections: ReflectionTable
        /// For messages ("b.expt").
        public var name: String
        public init(experiments: ExperimentList, reflections: ReflectionTable, name: String) {
            self.experiments = experiments
            self.reflections = reflections
            self.name = name
        }
    }

    public struct Options: Sendable, Equatable {
        /// `reference_from_experiment.beam/detector/goniometer`.
        public var referenceBeam: Int?
        public var referenceDetector: Int?
        public var referenceGoniometer: Int?
        public var compareModels = true
        public var tolerances = ModelTolerances()
        public init() {}

        /// Beam, detector and goniometer all from experiment `index` (`--reference-from`).
        public static func reference(from index: Int, compareModels: Bool = true) -> Options {
            var o = Options()
            (o.referenceBeam, o.referenceDetector, o.referenceGoniometer) = (index, index, index)
            o.compareModels = compareModels
            return o
        }
    }

    public struct Output: Sendable {
        public var experiments: ExperimentList
        public var reflections: ReflectionTable
        /// Reflections per combined experiment (DIALS prints this table).
        public var reflectionsPerExperiment: [Int]
    }

    public static func combine(_ inputs: [Input], options: Options = Options()) throws(RefinementError) -> Output {
        let flat = inputs.enumerated().flatMap { f, input in input.experiments.experiments.indices.map { (f, $0) } }
        guard !flat.isEmpty else { throw .badInput("no experiments to combine") }
        let identifiers = flat.map { inputs[$0.0].experiments.experiments[$0.1].identifier }.filter { !$0.isEmpty }
        if Set(identifiers).count != identifiers.count {
            throw .badInput("experiment identifiers are not unique; cannot combine")
        }
        func reference<T>(_ index: Int?, _ kind: String, _ model: (ExperimentList, Experiment) -> T?) throws(RefinementError) -> T? {
            guard let index else { return nil }
            guard index >= 0, index < flat.count else {
                throw .badInput("\(index) is not a valid experiment index (there are \(flat.count) experiments)")
            }
            let (f, e) = flat[index]
            guard let m = model(inputs[f].experiments, inputs[f].experiments.experiments[e]) else {
                throw .badInput("experiment \(index) has no \(kind) to use as the reference")
            }
            return m
        }
        let refBeam = try reference(options.referenceBeam, "beam") { $0.beam(of: $1) }
        let refDetector = try reference(options.referenceDetector, "detector") { $0.detector(of: $1) }
        let refGoniometer = try reference(options.referenceGoniometer, "goniometer") { $0.goniometer(of: $1) }

        var out = ExperimentList()
        if let refBeam { out.beams = [refBeam] }
        if let refDetector { out.detectors = [refDetector] }
        if let refGoniometer { out.goniometers = [refGoniometer] }
        var table = ReflectionTable()
        var perExperiment: [Int] = []
        var global = 0
        for input in inputs {
            let list = input.experiments
            // Models keep their sharing within one input file.
            var beams: [Int: Int] = [:], detectors: [Int: Int] = [:], goniometers: [Int: Int] = [:]
            var scans: [Int: Int] = [:], crystals: [Int: Int] = [:], imagesets: [Int: Int] = [:], profiles: [Int: Int] = [:]
            func map<T>(_ index: Int?, _ cache: inout [Int: Int], _ models: [T], _ into: inout [T]) -> Int? {
                guard let index else { return nil }
                if let m = cache[index] { return m }
                into.append(models[index])
                cache[index] = into.count - 1
                return into.count - 1
            }
            guard let ids = input.reflections.ints("id") else {
                throw .badInput("\(input.name): the reflection table has no \"id\" column")
            }
            var imagesetMap: [Int32: Int32] = [:]
            for (i, e) in list.experiments.enumerated() {
                var new = Experiment(identifier: e.identifier)
                if let refBeam {
                    if options.compareModels, let b = list.beam(of: e), let why = options.tolerances.difference(refBeam, b) {
                        throw mismatch(experiment: i, file: input.name, why)
                    }
                    new.beam = 0
                } else {
                    new.beam = map(e.beam, &beams, list.beams, &out.beams)
                }
                if let refDetector {
                    if options.compareModels, let d = list.detector(of: e), let why = options.tolerances.difference(refDetector, d) {
                        throw mismatch(experiment: i, file: input.name, why)
                    }
                    new.detector = 0
                } else {
                    new.detector = map(e.detector, &detectors, list.detectors, &out.detectors)
                }
                if let refGoniometer {
                    if options.compareModels, let g = list.goniometer(of: e),
                       let why = options.tolerances.difference(refGoniometer, g) {
                        throw mismatch(experiment: i, file: input.name, why)
                    }
                    new.goniometer = 0
                } else {
                    new.goniometer = map(e.goniometer, &goniometers, list.goniometers, &out.goniometers)
                }
                new.scan = map(e.scan, &scans, list.scans, &out.scans)
                new.crystal = map(e.crystal, &crystals, list.crystals, &out.crystals)
                new.imageset = map(e.imageset, &imagesets, list.imagesets, &out.imagesets)
                new.profile = map(e.profile, &profiles, list.profiles, &out.profiles)
                out.experiments.append(new)

                var rows = try select(input.reflections, ids.map { Int($0) == i })
                perExperiment.append(rows.nrows)
                try set(&rows, "id", [Int32](repeating: Int32(global), count: rows.nrows))
                rows.identifiers = input.reflections.identifiers[i].map { [global: $0] } ?? [:]
                if let old = e.imageset, let new = new.imageset, let column = rows.ints("imageset_id") {
                    imagesetMap[Int32(old)] = Int32(new)
                    if Set(column).count == 1 { try set(&rows, "imageset_id", [Int32](repeating: Int32(new), count: rows.nrows)) }
                }
                try extend(&table, rows)
                global += 1
            }
            // Unindexed reflections come along when their imageset can be renumbered.
            if table.contains("imageset_id"), let column = input.reflections.ints("imageset_id") {
                var unindexed = try select(input.reflections, ids.indices.map { ids[$0] == -1 && imagesetMap[column[$0]] != nil })
                if unindexed.nrows > 0 {
                    try set(&unindexed, "imageset_id", unindexed.ints("imageset_id")!.map { imagesetMap[$0]! })
                    unindexed.identifiers = [:]
                    try extend(&table, unindexed)
                }
            }
        }
        return Output(experiments: out, reflections: table, reflectionsPerExperiment: perExperiment)
    }

    private static func mismatch(experiment: Int, file: String, _ why: String) -> RefinementError {
        .modelMismatch("experiment \(experiment) in \(file) does not match the reference model: \(why); use --force to replace it anyway")
    }

    private static func select(_ t: ReflectionTable, _ mask: [Bool]) throws(RefinementError) -> ReflectionTable {
        do { return try t.select(mask) } catch { throw .badInput("reflection table: \(error)") }
    }

    private static func set<T: ReflectionColumnElement>(_ t: inout ReflectionTable, _ name: String, _ values: [T]) throws(RefinementError) {
        do { try t.setColumn(name, values) } catch { throw .badInput("reflection table: \(error)") }
    }

    private static func extend(_ t: inout ReflectionTable, _ rows: ReflectionTable) throws(RefinementError) {
        do { try t.extend(rows) } catch { throw .badInput("cannot combine reflection tables: \(error)") }
    }
}
