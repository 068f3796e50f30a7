/// The strong pixels of one panel of one image: DIALS's `PixelList` — row-major pixel indices
/// in increasing order and the raw counts there.
public struct StrongPixelList: Sendable, Equatable {
    /// The frame: the image's array index z (image number − 1 in a sequence).
    public var frame: Int
    public var indices: [Int32]
    public var values: [Int32]

    public init(frame: Int, indices: [Int32], values: [Int32]) {
        precondition(indices.count == values.count, "\(indices.count) indices for \(values.count) values")
        self.frame = frame
        self.indices = indices
        self.values = values
    }

    public var count: Int { indices.count }
}
