import MXGeometry

extension ParameterCorrelations {
    /// DIALS's corrgram JSON — `{"corrmats": {"X": …, "Y": …, "Phi": …}, "labels": […]}` — with our
    /// parameter-estimate correlations added under "estimate" (absent matrices are omitted).
    public var json: JSONValue {
        func matrix(_ m: DenseMatrix) -> JSONValue { .array(m.rows.map { JSONValue.numbers($0) }) }
        var corrmats: [(String, JSONValue)] = []
        if let x { corrmats.append(("X", matrix(x))) }
        if let y { corrmats.append(("Y", matrix(y))) }
        if let phi { corrmats.append(("Phi", matrix(phi))) }
        var members: [(String, JSONValue)] = [("corrmats", .object(corrmats)), ("labels", .array(labels.map(JSONValue.string)))]
        if let estimate { members.append(("estimate", matrix(estimate))) }
        return .object(members)
    }
}
