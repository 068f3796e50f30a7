/// The parameters of one model parameterisation, in DIALS's order, with the fixed/free choice.
/// Only free parameters enter refinement; fixed ones keep their initial values.
public struct ParameterList: Sendable, Equatable {
    /// Names without the model prefix ("Dist", "Mu2", "Phi1", "g_param_0").
    public let names: [String]
    public var values: [Double]
    public private(set) var isFixed: [Bool]

    public init(names: [String], values: [Double], isFixed: [Bool]? = nil) {
        precondition(names.count == values.count, "one value per parameter")
        self.names = names
        self.values = values
        self.isFixed = isFixed ?? Array(repeating: false, count: names.count)
    }

    /// Positions of the free parameters.
    public var freeIndices: [Int] { isFixed.indices.filter { !isFixed[$0] } }

    public var freeCount: Int { isFixed.lazy.filter { !$0 }.count }

    public var freeValues: [Double] {
        get { freeIndices.map { values[$0] } }
        set {
            precondition(newValue.count == freeCount, "one value per free parameter")
            for (i, v) in zip(freeIndices, newValue) { values[i] = v }
        }
    }

    /// Fixes the parameters whose names are listed (unknown names are ignored).
    public mutating func fix(_ fixedNames: Set<String>) {
        for (i, n) in names.enumerated() where fixedNames.contains(n) { isFixed[i] = true }
    }

    /// Fixes every parameter.
    public mutating func fixAll() { isFixed = Array(repeating: true, count: names.count) }

    /// Fixes parameters by position.
    public mutating func fix(at indices: [Int]) { for i in indices { isFixed[i] = true } }
}
