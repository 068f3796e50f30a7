/// A rotation scan in dxtbx's convention. Images are numbered from `imageRange.first`
/// (1-based, inclusive); the "array index" z of image k is k − 1, and frame z spans angles
/// [φ(z), φ(z+1)).
public struct Scan: Equatable, Sendable {
    public var imageRange: (first: Int, last: Int)
    /// Start angle of the first image and the oscillation width, degrees.
    public var oscillation: (start: Double, width: Double)
    public var exposureTimes: [Double]
    public var epochs: [Double]
    public var batchOffset: Int = 0

    public init(imageRange: (first: Int, last: Int), oscillation: (start: Double, width: Double),
                exposureTimes: [Double]? = nil, epochs: [Double]? = nil) {
        self.imageRange = imageRange
        self.oscillation = oscillation
        let n = imageRange.last - imageRange.first + 1
        self.exposureTimes = exposureTimes ?? Array(repeating: 0, count: n)
        self.epochs = epochs ?? Array(repeating: 0, count: n)
    }

    public static func == (a: Scan, b: Scan) -> Bool {
        a.imageRange == b.imageRange && a.oscillation == b.oscillation
            && a.exposureTimes == b.exposureTimes && a.epochs == b.epochs && a.batchOffset == b.batchOffset
    }

    public var numImages: Int { imageRange.last - imageRange.first + 1 }

    /// Array-index range [first − 1, last) covered by the scan.
    public var arrayRange: (lower: Int, upper: Int) { (imageRange.first - 1, imageRange.last) }

    /// Angle in degrees at a (fractional) array index z: φ₀ + (z + 1 − first)·Δφ.
    public func angle(arrayIndex z: Double) -> Double {
        oscillation.start + (z + 1 - Double(imageRange.first)) * oscillation.width
    }

    /// The (fractional) array index at which the scan reaches `angle` degrees.
    public func arrayIndex(angle: Double) -> Double {
        (angle - oscillation.start) / oscillation.width - 1 + Double(imageRange.first)
    }

    /// Angular range [start, end] of the whole scan in degrees.
    public var oscillationRange: (start: Double, end: Double) {
        (oscillation.start, oscillation.start + Double(numImages) * oscillation.width)
    }

    /// Image-start angles, one per image (the `.expt` "oscillation" property array).
    public var imageStartAngles: [Double] {
        (0..<numImages).map { oscillation.start + Double($0) * oscillation.width }
    }
}
