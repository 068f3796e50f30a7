/// A detector: one or more panels in the lab frame. Multi-panel hierarchies are flattened to
/// absolute panel frames; the `.expt` codec writes a one-level hierarchy with an identity root.
public struct Detector: Equatable, Sendable {
    public var panels: [Panel]

    public init(panels: [Panel]) { self.panels = panels }

    public subscript(index: Int) -> Panel {
        get { panels[index] }
        set { panels[index] = newValue }
    }

    /// The first panel a ray along `s1` hits, with its plane coordinates in mm.
    public func rayIntersection(_ s1: Vec3) -> (panel: Int, mm: SIMD2<Double>)? {
        for (i, p) in panels.enumerated() {
            if let mm = p.rayIntersection(s1), p.isOnPanel(mm: mm) { return (i, mm) }
        }
        return nil
    }
}
