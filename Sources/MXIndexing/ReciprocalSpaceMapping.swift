import MXGeometry

/// Spots → reciprocal-lattice points, as DIALS maps them before indexing
/// (`flex_ext.py map_centroids_to_reciprocal_space`): the scattering vector of each centroid,
/// rotated back to the goniometer datum frame at φ = 0,
/// rlp = F⁻¹ · R(e_datum, −φ) · S⁻¹ · (s1 − s0), with s1 = unit(lab point)/λ.
public enum ReciprocalSpaceMapping {
    /// - Parameters:
    ///   - mm: the centroid on `panel` in plane millimetres (parallax-corrected, as
    ///     `xyzobs.mm.value` holds it).
    ///   - phi: the centroid's rotation angle in radians.
    public static func rlp(mm: SIMD2<Double>, phi: Double, panel: Panel, beam: Beam, goniometer: Goniometer) -> Vec3 {
        let s0 = beam.s0
        let s1 = panel.labCoordinate(mm: mm).normalized * s0.length
        let unrotated = Mat3.rotation(axis: goniometer.rotationAxisDatum, angle: -phi) * (goniometer.settingRotation.inverse * (s1 - s0))
        return goniometer.fixedRotation.inverse * unrotated
    }

    /// Whether a spot's diffracted beam is entering the Ewald sphere: s1·(s0 × e) < 0, with e the
    /// lab rotation axis.
    public static func isEntering(mm: SIMD2<Double>, panel: Panel, beam: Beam, goniometer: Goniometer) -> Bool {
        let s1 = panel.labCoordinate(mm: mm).normalized * beam.s0.length
        return s1.dot(beam.s0.cross(goniometer.rotationAxis)) < 0
    }
}
