import MXGeometry

extension Integrator {
    /// Every reflection predicted in the options' band, or — with `automaticBand` and fewer
    /// than `minimumPredicted` there — in the band widened by ``AutomaticBand``; fewer than
    /// `minimumPredicted` in the band finally used is an error.
    func predictBand(experiment e: Int, models m: IntegrableExperiment)
        throws(IntegrationError) -> (ResolutionBand, [PredictedReflection]) {
        let o = options
        func predict(_ band: ResolutionBand) -> [PredictedReflection] {
            BandPrediction.predict(experiment: e, beam: m.beam, detector: m.detector, goniometer: m.goniometer,
                                   scan: m.scan, crystal: m.crystal, dMin: band.dMin, dMax: band.dMax,
                                   paddingDegrees: o.paddingDegrees)
        }
        var band = ResolutionBand(dMin: o.dMin, dMax: o.dMax)
        var predicted = predict(band)
        if o.automaticBand && predicted.count < o.minimumPredicted {
            (band, predicted) = AutomaticBand.widen(band, detectorLimit: m.detector.maxResolutionAtCorners(s0: m.beam.s0),
                                                    target: max(o.automaticBandTarget, o.minimumPredicted), predict: predict)
        }
        guard predicted.count >= o.minimumPredicted else {
            throw .tooFewPredictions(experiment: e, predicted: predicted.count, dMin: band.dMin, dMax: band.dMax)
        }
        return (band, predicted)
    }
}
