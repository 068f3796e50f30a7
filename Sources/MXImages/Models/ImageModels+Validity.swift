import MXGeometry

extension ImageModels {
    /// The first physically impossible value in these models (a NaN or ∞ read from a header,
    /// a wavelength ≤ 0, the sample in the detector plane, a pixel size ≤ 0), or nil.
    ///
    /// Checked per image at import, so that a bad image is skipped with its own reason and its
    /// sweep splits around it as around a missing image; were it grouped with its neighbours,
    /// `SweepGrouping` would give it their detector and the bad value would vanish silently.
    var problem: String? {
        beam.problem ?? detector.problem ?? goniometer?.problem ?? scan?.problem
    }
}
