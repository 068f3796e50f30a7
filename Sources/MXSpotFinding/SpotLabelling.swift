/// Connected-component labelling of strong pixels, as DIALS's `PixelListLabeller` does it.
///
/// Pixels are taken frame by frame, each frame's pixels in row-major order, so the whole list
/// is sorted by (z, y, x). Two strong pixels belong to one spot when they are face neighbours:
/// x ± 1 in the same row, y ± 1 in the same column, and — in 3-D, for rotation sweeps — the same
/// pixel in the previous or next frame (6-connectivity; 4-connectivity in 2-D, for stills).
/// Labels are numbered in the order of each spot's first pixel in that sorted list, which is
/// the order `boost::connected_components` gives DIALS, so our spots come out in DIALS's order.
///
/// A union-find over list positions, always keeping the smaller position as the root, finds
/// the components; neighbours are found by merging sorted lists (the previous row of the same
/// frame, the same row of the previous frame), so the work is linear in the strong pixels.
enum SpotLabelling {
    /// Labels for the concatenation of `frames` (each in row-major order, frames in increasing
    /// z), and the number of labels.
    static func label(_ frames: [StrongPixelList], width: Int, threeD: Bool) -> (labels: [Int32], count: Int) {
        let total = frames.reduce(0) { $0 + $1.count }
        var parent = [Int32](repeating: 0, count: total)
        for g in 0..<total { parent[g] = Int32(truncatingIfNeeded: g) }
        parent.withUnsafeMutableBufferPointer { parent in
            var offset = 0
            var previous: (frame: Int, offset: Int, indices: [Int32])?
            for list in frames {
                let idx = list.indices
                let w = Int32(truncatingIfNeeded: width)
                var up = 0  // position in this frame of the first pixel not before (k − width)
                var below = 0  // position in the previous frame of the first pixel not before k
                let linked = threeD ? previous.flatMap { $0.frame == list.frame - 1 ? $0 : nil } : nil
                for p in 0..<idx.count {
                    let k = idx[p]
                    let g = offset + p
                    // x − 1: the previous pixel of the list, in the same row.
                    if p > 0, idx[p - 1] == k - 1, k % w != 0 { union(g - 1, g, parent) }
                    // y − 1: the pixel one row up, in the same frame.
                    let target = k - w
                    while up < p, idx[up] < target { up += 1 }
                    if up < p, idx[up] == target { union(offset + up, g, parent) }
                    // z − 1: the same pixel in the previous frame.
                    if let prev = linked {
                        while below < prev.indices.count, prev.indices[below] < k { below += 1 }
                        if below < prev.indices.count, prev.indices[below] == k { union(prev.offset + below, g, parent) }
                    }
                }
                previous = (list.frame, offset, idx)
                offset += idx.count
            }
        }
        // A root is the first pixel of its component, so numbering roots as they are met
        // numbers components by first pixel.
        var labels = [Int32](repeating: 0, count: total)
        var count: Int32 = 0
        parent.withUnsafeMutableBufferPointer { parent in
            for g in 0..<total {
                let root = find(g, parent)
                if root == g {
                    labels[g] = count
                    count += 1
                } else {
                    labels[g] = labels[root]
                }
            }
        }
        return (labels, Int(count))
    }

    private static func find(_ g: Int, _ parent: UnsafeMutableBufferPointer<Int32>) -> Int {
        var x = g
        while Int(parent[x]) != x {
            let grand = parent[Int(parent[x])]
            parent[x] = grand  // path halving
            x = Int(grand)
        }
        return x
    }

    private static func union(_ a: Int, _ b: Int, _ parent: UnsafeMutableBufferPointer<Int32>) {
        let ra = find(a, parent), rb = find(b, parent)
        if ra == rb { return }
        if ra < rb { parent[rb] = Int32(truncatingIfNeeded: ra) } else { parent[ra] = Int32(truncatingIfNeeded: rb) }
    }
}
