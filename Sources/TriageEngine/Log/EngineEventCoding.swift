/// The session log's spelling of an event: one flat object whose `type` names the event, with
/// the payload under a name that says what it is — `{"type":"stage","sequence":3,"stage":"spots",
/// "status":{"done":{}}}` — rather than Swift's positional `_0` keys.
extension EngineEvent: Codable {
    private enum Key: String, CodingKey {
        case type, sequences, sequence, stage, status, line, scope, row, summary, report, joint, lattice
    }

    private enum Kind: String, Codable {
        case sequencesFound, stage, sequence, log, refinementStep, refinement, clusters, joint, exclusions, lattice, individualFinished
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case let .sequencesFound(list):
            try c.encode(Kind.sequencesFound, forKey: .type)
            try c.encode(list, forKey: .sequences)
        case let .stage(sequence, stage, status):
            try c.encode(Kind.stage, forKey: .type)
            try c.encode(sequence, forKey: .sequence)
            try c.encode(stage, forKey: .stage)
            try c.encode(status, forKey: .status)
        case let .sequence(summary):
            try c.encode(Kind.sequence, forKey: .type)
            try c.encode(summary, forKey: .summary)
        case let .log(sequence, line):
            try c.encode(Kind.log, forKey: .type)
            try c.encodeIfPresent(sequence, forKey: .sequence)
            try c.encode(line, forKey: .line)
        case let .refinementStep(scope, row):
            try c.encode(Kind.refinementStep, forKey: .type)
            try c.encode(scope, forKey: .scope)
            try c.encode(row, forKey: .row)
        case let .refinement(report):
            try c.encode(Kind.refinement, forKey: .type)
            try c.encode(report, forKey: .report)
        case let .clusters(report):
            try c.encode(Kind.clusters, forKey: .type)
            try c.encode(report, forKey: .report)
        case let .joint(status):
            try c.encode(Kind.joint, forKey: .type)
            try c.encode(status, forKey: .joint)
        case let .exclusions(list):
            try c.encode(Kind.exclusions, forKey: .type)
            try c.encode(list, forKey: .sequences)
        case let .lattice(lattice):
            try c.encode(Kind.lattice, forKey: .type)
            try c.encode(lattice, forKey: .lattice)
        case .individualFinished:
            try c.encode(Kind.individualFinished, forKey: .type)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        switch try c.decode(Kind.self, forKey: .type) {
        case .sequencesFound: self = .sequencesFound(try c.decode([SequenceSummary].self, forKey: .sequences))
        case .stage:
            self = .stage(sequence: try c.decode(Int.self, forKey: .sequence), stage: try c.decode(PipelineStage.self, forKey: .stage),
                          status: try c.decode(StageStatus.self, forKey: .status))
        case .sequence: self = .sequence(try c.decode(SequenceSummary.self, forKey: .summary))
        case .log: self = .log(sequence: try c.decodeIfPresent(Int.self, forKey: .sequence), line: try c.decode(String.self, forKey: .line))
        case .refinementStep:
            self = .refinementStep(scope: try c.decode(RefinementScope.self, forKey: .scope),
                                   row: try c.decode(RefinementStepRow.self, forKey: .row))
        case .refinement: self = .refinement(try c.decode(RefinementReport.self, forKey: .report))
        case .clusters: self = .clusters(try c.decode(ClusterReport.self, forKey: .report))
        case .joint: self = .joint(try c.decode(JointStatus.self, forKey: .joint))
        case .exclusions: self = .exclusions(try c.decode([Int].self, forKey: .sequences))
        case .lattice: self = .lattice(try c.decode(SessionLattice.self, forKey: .lattice))
        case .individualFinished: self = .individualFinished
        }
    }
}

/// One log line: `{"header":{…}}` first, then `{"t":12.3,"command":{…}}` or `{"t":12.3,"event":{…}}`
/// with the seconds since the session started.
extension SessionLogRecord: Codable {
    private enum Key: String, CodingKey { case header, command, event, t }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case let .header(header):
            try c.encode(header, forKey: .header)
        case let .command(command, seconds):
            try c.encode(seconds, forKey: .t)
            try c.encode(command, forKey: .command)
        case let .event(event, seconds):
            try c.encode(seconds, forKey: .t)
            try c.encode(event, forKey: .event)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let header = try c.decodeIfPresent(SessionLogHeader.self, forKey: .header) {
            self = .header(header)
        } else if let command = try c.decodeIfPresent(UserCommand.self, forKey: .command) {
            self = .command(command, seconds: try c.decode(Double.self, forKey: .t))
        } else {
            self = .event(try c.decode(EngineEvent.self, forKey: .event), seconds: try c.decode(Double.self, forKey: .t))
        }
    }
}
