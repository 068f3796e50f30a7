import MXGeometry

/// The rotation into the "Cambridge" laboratory frame that MTZ batch headers use: the
/// goniometer's datum rotation axis along +z and the incident beam in the xz plane, as close to
/// +x as it can be. `dials.export` rotates every model this way before filling batch headers.
enum CambridgeFrame {
    /// R with R·axis = ẑ and R·ŝ0 in the xz plane with a positive x component.
    static func rotation(axis: Vec3, beam unitS0: Vec3) -> Mat3 {
        let z = axis.normalized
        var x = unitS0 - z * unitS0.dot(z)
        if x.length < 1e-12 {
            // Beam along the axis: any perpendicular will do.
            x = abs(z.x) < 0.9 ? Vec3(1, 0, 0) - z * z.x : Vec3(0, 1, 0) - z * z.y
        }
        x = x.normalized
        return Mat3(rows: x, z.cross(x), z)
    }

    /// The rotation for one experiment: its goniometer's datum axis (x when it has none).
    static func rotation(goniometer: Goniometer?, beam: Beam) -> Mat3 {
        rotation(axis: goniometer?.rotationAxisDatum ?? Vec3(1, 0, 0), beam: beam.unitS0)
    }
}
