import MXGeometry

/// All parameterised models of an experiment list and the global parameter vector, laid out as
/// DIALS's `PredictionParameterisation`: every detector's free parameters, then every beam's,
/// every crystal orientation's, every unit cell's. Experiments that share a model (the same
/// index in the `ExperimentList`, DIALS's object identity) share its parameterisation, and so
/// refine it from all their reflections together.
struct ModelParameterisations: Sendable {
    var detectors: [DetectorParameterisation]
    var beams: [BeamParameterisation]
    var orientations: [CrystalOrientationParameterisation]
    var cells: [CrystalUnitCellParameterisation]
    /// ExperimentList model index of each parameterisation (crystal index for both crystal kinds).
    let detectorModels: [Int], beamModels: [Int], orientationModels: [Int], cellModels: [Int]
    let experiments: ExperimentList

    init(experiments: ExperimentList, options: RefinementOptions) throws(RefinementError) {
        self.experiments = experiments
        func uses(_ key: KeyPath<Experiment, Int?>) -> [(model: Int, experiments: [Int])] {
            var order: [Int] = []
            var users: [Int: [Int]] = [:]
            for (i, e) in experiments.experiments.enumerated() {
                guard let m = e[keyPath: key] else { continue }
                if users[m] == nil { order.append(m) }
                users[m, default: []].append(i)
            }
            return order.map { ($0, users[$0]!) }
        }
        var detectors: [DetectorParameterisation] = [], detectorModels: [Int] = []
        for (n, use) in uses(\.detector).enumerated() {
            var p = try DetectorParameterisation(detector: experiments.detectors[use.model],
                                                 identifier: "Detector\(n + 1)", experimentIDs: use.experiments)
            switch options.detectorFix {
            case .all?: p.parameters.fixAll()
            case .position?: p.parameters.fix(["Dist", "Shift1", "Shift2"])
            case .orientation?: p.parameters.fix(["Tau1", "Tau2", "Tau3"])
            case .distance?: p.parameters.fix(["Dist", "Tau2", "Tau3"])
            case nil: break
            }
            if p.parameters.freeCount > 0 {
                detectors.append(p)
                detectorModels.append(use.model)
            }
        }
        var beams: [BeamParameterisation] = [], beamModels: [Int] = []
        for (n, use) in uses(\.beam).enumerated() {
            let first = experiments.experiments[use.experiments[0]]
            guard let g = experiments.goniometer(of: first) else {
                throw .unsupportedModel("experiment \(use.experiments[0]) has no goniometer; only rotation scans can be refined")
            }
            var p = BeamParameterisation(beam: experiments.beams[use.model], spindle: g.rotationAxis,
                                         identifier: "Beam\(n + 1)", experimentIDs: use.experiments)
            if options.beamFix.contains(.all) { p.parameters.fixAll() }
            if options.beamFix.contains(.inSpindlePlane) { p.parameters.fix(["Mu1"]) }
            if options.beamFix.contains(.outSpindlePlane) { p.parameters.fix(["Mu2"]) }
            if options.beamFix.contains(.wavelength) { p.parameters.fix(["nu"]) }
            if p.parameters.freeCount > 0 {
                beams.append(p)
                beamModels.append(use.model)
            }
        }
        var orientations: [CrystalOrientationParameterisation] = [], orientationModels: [Int] = []
        var cells: [CrystalUnitCellParameterisation] = [], cellModels: [Int] = []
        for (n, use) in uses(\.crystal).enumerated() {
            let crystal = experiments.crystals[use.model]
            var o = CrystalOrientationParameterisation(crystal: crystal, identifier: "Crystal\(n + 1)",
                                                       experimentIDs: use.experiments)
            var c = try CrystalUnitCellParameterisation(crystal: crystal, identifier: "Crystal\(n + 1)",
                                                        experimentIDs: use.experiments)
            switch options.crystalFix {
            case .all?:
                o.parameters.fixAll()
                c.parameters.fixAll()
            case .cell?: c.parameters.fixAll()
            case .orientation?: o.parameters.fixAll()
            case nil: break
            }
            if o.parameters.freeCount > 0 {
                orientations.append(o)
                orientationModels.append(use.model)
            }
            if c.parameters.freeCount > 0 {
                cells.append(c)
                cellModels.append(use.model)
            }
        }
        (self.detectors, self.detectorModels) = (detectors, detectorModels)
        (self.beams, self.beamModels) = (beams, beamModels)
        (self.orientations, self.orientationModels) = (orientations, orientationModels)
        (self.cells, self.cellModels) = (cells, cellModels)
    }

    // MARK: - The global parameter vector

    private var lists: [ParameterList] {
        detectors.map(\.parameters) + beams.map(\.parameters) + orientations.map(\.parameters) + cells.map(\.parameters)
    }

    private var identifiers: [String] {
        detectors.map(\.identifier) + beams.map(\.identifier) + orientations.map(\.identifier) + cells.map(\.identifier)
    }

    var count: Int { lists.reduce(0) { $0 + $1.freeCount } }

    /// DIALS's names: model identifier + parameter name ("Detector1Dist", "Crystal3g_param_1").
    var names: [String] {
        zip(identifiers, lists).flatMap { id, list in list.freeIndices.map { id + list.names[$0] } }
    }

    var values: [Double] {
        get { lists.flatMap(\.freeValues) }
        set {
            precondition(newValue.count == count, "one value per free parameter")
            var offset = 0
            func take(_ list: inout ParameterList) {
                let n = list.freeCount
                list.freeValues = Array(newValue[offset..<(offset + n)])
                offset += n
            }
            for i in detectors.indices { take(&detectors[i].parameters) }
            for i in beams.indices { take(&beams[i].parameters) }
            for i in orientations.indices { take(&orientations[i].parameters) }
            for i in cells.indices { take(&cells[i].parameters) }
        }
    }

    /// Global index of the first free parameter of each parameterisation, per kind.
    private var offsets: (detector: [Int], beam: [Int], orientation: [Int], cell: [Int]) {
        var o = 0
        func next(_ list: ParameterList) -> Int {
            defer { o += list.freeCount }
            return o
        }
        let d = detectors.map { next($0.parameters) }
        let b = beams.map { next($0.parameters) }
        let or = orientations.map { next($0.parameters) }
        let c = cells.map { next($0.parameters) }
        return (d, b, or, c)
    }

    /// Fixes the free parameters at these global positions (auto-reduction, action=fix).
    mutating func fixGlobal(_ indices: Set<Int>) {
        var g = 0
        func apply(_ list: inout ParameterList) {
            var toFix: [Int] = []
            for i in list.freeIndices {
                if indices.contains(g) { toFix.append(i) }
                g += 1
            }
            list.fix(at: toFix)
        }
        for i in detectors.indices { apply(&detectors[i].parameters) }
        for i in beams.indices { apply(&beams[i].parameters) }
        for i in orientations.indices { apply(&orientations[i].parameters) }
        for i in cells.indices { apply(&cells[i].parameters) }
    }

    // MARK: - Composition

    /// The composed state of every experiment at the current parameter values.
    func frames() throws(RefinementError) -> [ExperimentFrame] {
        let offsets = self.offsets
        let list = experiments
        var panelFrames: [Int: [Mat3]] = [:]
        var detectorDerivatives: [Int: ([Mat3], [Int])] = [:]
        for (k, p) in detectors.enumerated() {
            let c = p.compose()
            panelFrames[detectorModels[k]] = [Mat3(columns: c.fast, c.slow, c.origin)]
            let free = p.parameters.freeIndices
            detectorDerivatives[detectorModels[k]] = (free.map { c.derivatives[$0] }, free.indices.map { offsets.detector[k] + $0 })
        }
        var s0s: [Int: Vec3] = [:]
        var beamDerivatives: [Int: ([Vec3], [Int])] = [:]
        for (k, p) in beams.enumerated() {
            let c = p.compose()
            s0s[beamModels[k]] = c.s0
            let free = p.parameters.freeIndices
            beamDerivatives[beamModels[k]] = (free.map { c.derivatives[$0] }, free.indices.map { offsets.beam[k] + $0 })
        }
        var us: [Int: Mat3] = [:]
        var orientationDerivatives: [Int: ([Mat3], [Int])] = [:]
        for (k, p) in orientations.enumerated() {
            let c = p.compose()
            us[orientationModels[k]] = c.u
            let free = p.parameters.freeIndices
            orientationDerivatives[orientationModels[k]] = (free.map { c.derivatives[$0] }, free.indices.map { offsets.orientation[k] + $0 })
        }
        var bs: [Int: Mat3] = [:]
        var cellDerivatives: [Int: ([Mat3], [Int])] = [:]
        for (k, p) in cells.enumerated() {
            let c = try p.compose()
            bs[cellModels[k]] = c.b
            let free = p.parameters.freeIndices
            cellDerivatives[cellModels[k]] = (free.map { c.derivatives[$0] }, free.indices.map { offsets.cell[k] + $0 })
        }
        return list.experiments.map { e in
            let crystal = list.crystals[e.crystal!]
            let det = detectorDerivatives[e.detector!] ?? ([], [])
            let beam = beamDerivatives[e.beam!] ?? ([], [])
            let ori = orientationDerivatives[e.crystal!] ?? ([], [])
            let cell = cellDerivatives[e.crystal!] ?? ([], [])
            let panels = panelFrames[e.detector!] ?? list.detectors[e.detector!].panels.map(\.dMatrix)
            return ExperimentFrame(
                s0: s0s[e.beam!] ?? list.beams[e.beam!].s0, goniometer: list.goniometers[e.goniometer!],
                u: us[e.crystal!] ?? crystal.U, b: bs[e.crystal!] ?? crystal.B, panels: panels,
                scan: list.scans[e.scan!], detectorDerivatives: det.0, beamDerivatives: beam.0,
                orientationDerivatives: ori.0, cellDerivatives: cell.0,
                globalIndices: det.1 + beam.1 + ori.1 + cell.1)
        }
    }

    /// The experiment list with every parameterised model replaced by its current state.
    func updatedExperiments() throws(RefinementError) -> ExperimentList {
        var list = experiments
        for (k, p) in detectors.enumerated() {
            let c = p.compose()
            list.detectors[detectorModels[k]].panels[0].fastAxis = c.fast
            list.detectors[detectorModels[k]].panels[0].slowAxis = c.slow
            list.detectors[detectorModels[k]].panels[0].origin = c.origin
        }
        for (k, p) in beams.enumerated() {
            let c = p.compose()
            list.beams[beamModels[k]].setS0(c.s0)
            list.beams[beamModels[k]].polarizationNormal = c.polarizationNormal
        }
        var us: [Int: Mat3] = [:], bs: [Int: Mat3] = [:]
        for (k, p) in orientations.enumerated() { us[orientationModels[k]] = p.compose().u }
        for (k, p) in cells.enumerated() { bs[cellModels[k]] = try p.compose().b }
        for i in Set(us.keys).union(bs.keys) {
            let crystal = list.crystals[i]
            list.crystals[i].A = (us[i] ?? crystal.U) * (bs[i] ?? crystal.B)
        }
        return list
    }

    /// For each unit-cell parameterisation: its crystal model index and the global indices of
    /// its free parameters, with ∂B/∂p for them — what error propagation into B needs.
    func cellJacobians() throws(RefinementError) -> [(crystal: Int, indices: [Int], derivatives: [Mat3])] {
        let offsets = self.offsets
        return try cells.enumerated().map { k, p throws(RefinementError) in
            let c = try p.compose()
            let free = p.parameters.freeIndices
            return (cellModels[k], free.indices.map { offsets.cell[k] + $0 }, free.map { c.derivatives[$0] })
        }
    }
}
