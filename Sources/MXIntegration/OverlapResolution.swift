import MXGeometry
import MXReflections

/// Shares out the voxels where shoeboxes of one image set overlap, with DIALS's rules:
/// * a voxel in the foreground of two reflections belongs to the one whose predicted centre
///   (xyzcal.px) is nearer the voxel centre; the other loses it entirely, as DIALS's
///   `MaskOverlapping` zeroes it (that reflection is flagged overlapped_fg);
/// * a voxel in the foreground of one reflection is not background of another: it is marked
///   Overlapped there, which keeps it out of that background (flagged overlapped_bg);
/// * a voxel that is background of both stays background of both.
/// Decisions are taken on the masks as they were before any sharing, so the outcome does not
/// depend on the order the pairs are visited in.
enum OverlapResolution {
    struct Outcome {
        var overlappedForeground: Set<Int> = []
        var overlappedBackground: Set<Int> = []
    }

    /// The pairs (i < j) of boxes on the same panel that share at least one voxel.
    static func overlappingPairs(_ boxes: [(panel: Int, bbox: Int6)]) -> [(Int, Int)] {
        let order = boxes.indices.sorted { (boxes[$0].panel, boxes[$0].bbox.x0, $0) < (boxes[$1].panel, boxes[$1].bbox.x0, $1) }
        var pairs: [(Int, Int)] = []
        var active: [Int] = []
        for i in order {
            let a = boxes[i]
            active.removeAll { boxes[$0].panel != a.panel || boxes[$0].bbox.x1 <= a.bbox.x0 }
            for j in active {
                let b = boxes[j].bbox
                if b.y0 < a.bbox.y1 && a.bbox.y0 < b.y1 && b.z0 < a.bbox.z1 && a.bbox.z0 < b.z1 {
                    pairs.append((min(i, j), max(i, j)))
                }
            }
            active.append(i)
        }
        return pairs.sorted { $0 < $1 }
    }

    static func resolve(_ shoeboxes: inout [Shoebox], centres: [Vec3]) -> Outcome {
        let original = shoeboxes.map(\.mask)
        var outcome = Outcome()
        for (a, b) in overlappingPairs(shoeboxes.map { ($0.panel, $0.bbox) }) {
            let (ba, bb) = (shoeboxes[a].bbox, shoeboxes[b].bbox)
            for z in max(ba.z0, bb.z0)..<min(ba.z1, bb.z1) {
                for y in max(ba.y0, bb.y0)..<min(ba.y1, bb.y1) {
                    for x in max(ba.x0, bb.x0)..<min(ba.x1, bb.x1) {
                        let pa = shoeboxes[a].index(x: Int(x - ba.x0), y: Int(y - ba.y0), z: Int(z - ba.z0))
                        let pb = shoeboxes[b].index(x: Int(x - bb.x0), y: Int(y - bb.y0), z: Int(z - bb.z0))
                        let fa = original[a][pa].contains(.foreground), fb = original[b][pb].contains(.foreground)
                        switch (fa, fb) {
                        case (true, true):
                            let c = Vec3(Double(x) + 0.5, Double(y) + 0.5, Double(z) + 0.5)
                            let da = (c - centres[a]).dot(c - centres[a]), db = (c - centres[b]).dot(c - centres[b])
                            if da < db {
                                shoeboxes[b].mask[pb] = []
                                outcome.overlappedForeground.insert(b)
                            } else {
                                shoeboxes[a].mask[pa] = []
                                outcome.overlappedForeground.insert(a)
                            }
                        case (true, false):
                            if shoeboxes[b].mask[pb].contains(.background) {
                                shoeboxes[b].mask[pb].insert(.overlapped)
                                outcome.overlappedBackground.insert(b)
                            }
                        case (false, true):
                            if shoeboxes[a].mask[pa].contains(.background) {
                                shoeboxes[a].mask[pa].insert(.overlapped)
                                outcome.overlappedBackground.insert(a)
                            }
                        case (false, false):
                            break
                        }
                    }
                }
            }
        }
        return outcome
    }
}
