/// Which indexed strong spots the gaussian_rs profile model (σ_b, σ_m) is estimated from.
///
/// dials.integrate estimates the profile from the reference spots that match a prediction, so
/// with a resolution band σ_b and σ_m describe the spots of that band. The multi-crystal
/// tutorial integrates a thin band (7.0–8.1 Å) only to carry the refined cell into an MTZ; a
/// small cell or a weak sweep may have just a handful of strong spots there. σ_b (beam
/// divergence) and σ_m (mosaicity) are properties of the beam and the crystal, not of the
/// resolution, so the strong spots of the whole sweep estimate the same quantities.
public enum ProfileReferences: String, Sendable, Equatable, CaseIterable {
    /// Only the reference spots matching a prediction in the band (dials.integrate with a
    /// prediction d range).
    case band
    /// Every indexed strong spot of the experiment, predicted at its own resolution.
    case allIndexed = "all"
    /// The band's reference spots when there are at least
    /// ``IntegrationOptions/minimumReferenceSpots`` usable ones — then exactly ``band`` —
    /// otherwise every indexed strong spot of the experiment.
    case bandOrAll = "band-or-all"
}

/// Where an experiment's profile model came from, as reported in
/// ``ExperimentIntegrationSummary``.
public enum ProfileSource: String, Sendable, Equatable {
    /// Given in ``IntegrationOptions/fixedProfiles``; no spots were used.
    case fixed
    /// The reference spots matching a prediction in the resolution band.
    case band
    /// The indexed strong spots of the whole sweep, at any resolution.
    case allIndexed = "all"
}
