import Foundation
import MXGeometry

/// The numbers of one MTZ batch header (one image), as `dials.export` fills them for a
/// scan-static crystal: the cell and Mosflm U of the crystal, the image's φ range, the beam,
/// scan axis and detector in the Cambridge frame, and the dataset the batch belongs to.
struct BatchHeader: Equatable {
    var number: Int
    var datasetID: Int
    var cell: [Float]
    /// Mosflm U in column-major ("Fortranic") order.
    var umat: [Float]
    var phiStart: Float
    var phiRange: Float
    /// Scan axis (Cambridge frame).
    var axis: [Float]
    /// Sample-to-source direction (Cambridge frame).
    var source: [Float]
    var wavelength: Float
    var distance: Float
    var detectorSize: (fast: Float, slow: Float)

    static func == (a: BatchHeader, b: BatchHeader) -> Bool {
        a.number == b.number && a.datasetID == b.datasetID && a.cell == b.cell && a.umat == b.umat
            && a.phiStart == b.phiStart && a.phiRange == b.phiRange && a.axis == b.axis && a.source == b.source
            && a.wavelength == b.wavelength && a.distance == b.distance && a.detectorSize == b.detectorSize
    }

    /// One header per image of the experiment's scan.
    static func headers(crystal: Crystal, beam: Beam, detector: Detector, goniometer: Goniometer?, scan: Scan,
                        batchOffset: Int, datasetID: Int, datasetWavelength: Double) -> [BatchHeader] {
        let R = CambridgeFrame.rotation(goniometer: goniometer, beam: beam)
        let setting = goniometer.map { $0.settingRotation * $0.fixedRotation } ?? .identity
        let ubLab = R * setting * crystal.A
        let cell = crystal.unitCell
        let U = ubLab * mosflmB(cell).inverse
        let umat = [U[0, 0], U[1, 0], U[2, 0], U[0, 1], U[1, 1], U[2, 1], U[0, 2], U[1, 2], U[2, 2]].map(Float.init)
        let axis = (R * (goniometer?.rotationAxis ?? .zero)).array.map(Float.init)
        let source = (R * beam.direction).array.map(Float.init)
        let panel = detector.panels[0]
        return (scan.imageRange.first...scan.imageRange.last).map { image in
            BatchHeader(
                number: image + batchOffset, datasetID: datasetID, cell: cell.parameters.map(Float.init), umat: umat,
                phiStart: Float(scan.oscillation.start + Double(image - scan.imageRange.first) * scan.oscillation.width),
                phiRange: Float(scan.oscillation.width), axis: axis, source: source,
                wavelength: Float(datasetWavelength), distance: Float(panel.directedDistance),
                detectorSize: (Float(panel.imageSize.fast), Float(panel.imageSize.slow)))
        }
    }

    /// Mosflm's B: upper triangular, a* along x (Busing & Levy with Mosflm's axis choice).
    static func mosflmB(_ cell: UnitCell) -> Mat3 {
        let r = cell.reciprocal
        let rad = Double.pi / 180
        return Mat3((r.a, r.b * cos(r.gamma * rad), r.c * cos(r.beta * rad),
                     0, r.b * sin(r.gamma * rad), -r.c * sin(r.beta * rad) * cos(cell.alpha * rad),
                     0, 0, 1 / cell.c))
    }
}
