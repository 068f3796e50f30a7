import MXReflections

/// How many spots the filters kept and removed, as dials.find_spots logs them.
public struct SpotFilterCounts: Sendable, Equatable {
    /// Connected components found ("Extracted N spots").
    public var extracted = 0
    /// Removed for having fewer than min_spot_size or more than max_spot_size pixels.
    public var tooSmall = 0
    public var tooLarge = 0
    /// Removed because the peak lies more than max_separation from the centroid.
    public var separated = 0

    public init() {}

    public var kept: Int { extracted - tooSmall - tooLarge - separated }

    public static func + (a: Self, b: Self) -> Self {
        var s = a
        s.extracted += b.extracted
        s.tooSmall += b.tooSmall
        s.tooLarge += b.tooLarge
        s.separated += b.separated
        return s
    }
}

/// One panel's strong pixels over an image set → its spots: DIALS's `PixelListShoeboxCreator`
/// (labelling, bounding boxes, the size filter) followed by the centroids, intensities and the
/// peak–centroid distance filter of `shoeboxes_to_reflection_table`.
enum SpotExtraction {
    static func spots(panel: Int, frames: [StrongPixelList], width: Int, threeD: Bool,
                      minSize: Int, maxSize: Int, maxSeparation: Double?) -> (spots: [StrongSpot], counts: SpotFilterCounts) {
        let (labels, labelCount) = SpotLabelling.label(frames, width: width, threeD: threeD)
        var counts = SpotFilterCounts()
        counts.extracted = labelCount
        guard labelCount > 0 else { return ([], counts) }

        // Flatten to (z, y, x, value) in list order.
        let total = labels.count
        var z = [Int32](), y = [Int32](), x = [Int32](), v = [Int32]()
        z.reserveCapacity(total); y.reserveCapacity(total); x.reserveCapacity(total); v.reserveCapacity(total)
        let w = Int32(truncatingIfNeeded: width)
        for list in frames {
            let frame = Int32(truncatingIfNeeded: list.frame)
            for (k, value) in zip(list.indices, list.values) {
                z.append(frame)
                y.append(k / w)
                x.append(k % w)
                v.append(value)
            }
        }

        // Bounding boxes and sizes per label.
        var size = [Int](repeating: 0, count: labelCount)
        var box = [Int6](repeating: Int6(.max, .min, .max, .min, .max, .min), count: labelCount)
        for g in 0..<total {
            let l = Int(labels[g])
            size[l] += 1
            box[l].x0 = min(box[l].x0, x[g]); box[l].x1 = max(box[l].x1, x[g] + 1)
            box[l].y0 = min(box[l].y0, y[g]); box[l].y1 = max(box[l].y1, y[g] + 1)
            box[l].z0 = min(box[l].z0, z[g]); box[l].z1 = max(box[l].z1, z[g] + 1)
        }

        // Group pixel positions by label, keeping list order inside each label (a counting sort).
        var start = [Int](repeating: 0, count: labelCount + 1)
        for l in 0..<labelCount { start[l + 1] = start[l] + size[l] }
        var next = start
        var order = [Int](repeating: 0, count: total)
        for g in 0..<total {
            let l = Int(labels[g])
            order[next[l]] = g
            next[l] += 1
        }

        var spots: [StrongSpot] = []
        for l in 0..<labelCount {
            if size[l] < minSize { counts.tooSmall += 1; continue }
            if size[l] > maxSize { counts.tooLarge += 1; continue }
            let members = order[start[l]..<start[l + 1]]
            let spot = SpotMeasurement.measure(panel: panel, bbox: box[l],
                                               z: members.map { z[$0] }, y: members.map { y[$0] },
                                               x: members.map { x[$0] }, values: members.map { v[$0] })
            if let limit = maxSeparation, !(spot.peakCentroidSeparation <= limit) {
                counts.separated += 1
                continue
            }
            spots.append(spot)
        }
        return (spots, counts)
    }
}
