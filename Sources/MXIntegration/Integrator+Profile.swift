extension Integrator {
    /// An experiment's profile model, where it came from, and how many spots gave it.
    struct ProfileModel {
        var profile: GaussianRSProfile
        var source: ProfileSource
        var spots: Int
    }

    /// The profile model of experiment `e`: the fixed one if given, else estimated from the
    /// reference spots `options.profileReferences` names — the band's (`matched`, an index
    /// into `references` per prediction) or all of `references`.
    func modelProfile(experiment e: Int, references: [ReferenceSpot], matched: [Int?], models m: IntegrableExperiment,
                      workers: Int) throws(IntegrationError) -> ProfileModel {
        if let fixed = options.fixedProfiles {
            return ProfileModel(profile: fixed.count == 1 ? fixed[0] : fixed[e], source: .fixed, spots: 0)
        }
        func fromBand() throws(IntegrationError) -> ProfileModel {
            let inBand = matched.compactMap { $0 }.map { references[$0] }
            let (profile, n) = try estimateProfile(experiment: e, references: inBand, models: m, workers: workers)
            return ProfileModel(profile: profile, source: .band, spots: n)
        }
        func fromAll() throws(IntegrationError) -> ProfileModel {
            let (profile, n) = try estimateProfile(experiment: e, references: references, models: m, workers: workers)
            return ProfileModel(profile: profile, source: .allIndexed, spots: n)
        }
        switch options.profileReferences {
        case .band: return try fromBand()
        case .allIndexed: return try fromAll()
        case .bandOrAll:
            do { return try fromBand() } catch .tooFewReferenceSpots { return try fromAll() }
        }
    }

    /// σ_b and σ_m from the reference spots' pixels, and how many spots gave them.
    func estimateProfile(experiment e: Int, references: [ReferenceSpot], models m: IntegrableExperiment,
                         workers: Int) throws(IntegrationError) -> (GaussianRSProfile, Int) {
        let spots = ReferenceSpots.sampleForProfile(references.filter { abs($0.predicted.zeta) >= options.minZeta })
        guard spots.count >= options.minimumReferenceSpots else {
            throw .tooFewReferenceSpots(experiment: e, usable: spots.count, needed: options.minimumReferenceSpots)
        }
        let regions = spots.map { ProfileEstimation.region(for: $0, scan: m.scan) }
        let pixels = try RegionReader.read(regions, source: m.source, workers: workers)
        let trust = m.detector.panels.map(PixelTrust.init(panel:))
        var obs = ProfileEstimation.Observations()
        for (k, spot) in spots.enumerated() {
            ProfileEstimation.observe(spot, region: regions[k], pixels: pixels[k], detector: m.detector, scan: m.scan,
                                      trust: trust[spot.predicted.panel], into: &obs)
        }
        guard obs.angularVariances.count >= options.minimumReferenceSpots, !obs.tau.isEmpty else {
            throw .tooFewReferenceSpots(experiment: e, usable: obs.angularVariances.count, needed: options.minimumReferenceSpots)
        }
        let width = abs(m.scan.oscillation.width) * .pi / 180
        let profile = GaussianRSProfile(sigmaB: ProfileEstimation.sigmaB(obs),
                                        sigmaM: ProfileEstimation.sigmaM(obs, oscillationWidth: width),
                                        nSigma: options.nSigma)
        return (profile, obs.angularVariances.count)
    }
}
