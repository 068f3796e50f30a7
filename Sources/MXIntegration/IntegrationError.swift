import Foundation

/// Why integration stopped. Every description is one line, fit for a command's stderr.
public enum IntegrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The inputs cannot describe a rotation experiment to integrate.
    case badInput(String)
    /// Fewer predictions than `IntegrationOptions.minimumPredicted` in the resolution band.
    case tooFewPredictions(experiment: Int, predicted: Int, dMin: Double, dMax: Double?)
    /// Too few indexed strong spots to estimate the profile model from.
    case tooFewReferenceSpots(experiment: Int, usable: Int, needed: Int)
    /// An image could not be read.
    case imageRead(String)

    public var description: String {
        switch self {
        case let .badInput(why):
            return why
        case let .tooFewPredictions(e, n, dMin, dMax):
            let band = ResolutionBand(dMin: dMin, dMax: dMax)
            return "experiment \(e): \(n) reflection\(n == 1 ? "" : "s") predicted in \(band); too few to integrate"
        case let .tooFewReferenceSpots(e, usable, needed):
            return "experiment \(e): \(usable) usable indexed strong spots for the profile model, need \(needed)"
        case let .imageRead(why):
            return why.split(separator: "\n").joined(separator: " ")
        }
    }
}
