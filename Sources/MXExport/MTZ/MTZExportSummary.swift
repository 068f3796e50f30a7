import Foundation
import MXGeometry

/// What an MTZ export wrote.
public struct MTZExportSummary: Sendable, Equatable {
    /// Rows written.
    public var reflections: Int
    /// Batch headers written (one per image).
    public var batches: Int
    /// First and last batch number of each experiment, in list order.
    public var batchRanges: [ClosedRange<Int>]
    /// The file's cell: the median of the experiments' cells.
    public var unitCell: UnitCell
    public var spaceGroupName: String
    public var spaceGroupNumber: Int
    /// The wavelength of each dataset.
    public var wavelengths: [Double]

    /// "112 reflections, 60 batches, cell 5.42 8.14 12.03 89.98 89.98 89.99, space group P 1".
    public var line: String {
        let cell = unitCell.parameters.map { String(format: "%.2f", $0) }.joined(separator: " ")
        return "\(reflections) reflections, \(batches) batches, cell \(cell), space group \(spaceGroupName)"
    }
}
