import MXGeometry

extension DataSetPlan {
    /// `truth.json`: what is true about the data set, and what its headers claim instead.
    /// Per sweep: template, crystal id, population, true cell, true A (DIALS convention: lab
    /// frame at φ = 0), the intensity model, and the file holding its per-reflection truth.
    public func truthJSON(instrument: Instrument, reflectionFiles: [String]) -> JSONValue {
        func geometry(centre: SIMD2<Double>, distance: Double, detector: Detector) -> JSONValue {
            .object([
                ("beam_centre_px", .numbers([centre.x, centre.y])),
                ("distance_mm", .number(distance)),
                ("panel_origin_mm", .vector(detector[0].origin)),
            ])
        }
        let sweepsJSON: [JSONValue] = sweeps.enumerated().map { i, s in
            .object([
                ("index", .number(Double(s.index))),
                ("template", .string(s.template)),
                ("crystal_id", .number(Double(s.crystalID))),
                ("group", .string(s.crystal.group)),
                ("images", .number(Double(s.numImages))),
                ("start_angle_deg", .number(s.startAngle)),
                ("oscillation_deg", .number(s.oscillation)),
                ("unit_cell", .numbers(s.crystal.cell.parameters)),
                ("A", .numbers(s.crystal.A.rowMajor)),
                ("U", .numbers(s.crystal.U.rowMajor)),
                ("scale", .number(s.crystal.scale)),
                ("b_factor", .number(s.crystal.bFactor)),
                ("mosaicity_deg", .number(s.crystal.mosaicity)),
                ("background_counts", .number(s.crystal.background)),
                ("structure", .number(Double(s.crystal.structure))),
                ("reflections", .string(reflectionFiles[i])),
            ])
        }
        return .object([
            ("generator", .string("mxtriage simulate")),
            ("preset", .string(preset)),
            ("seed", .number(Double(seed))),
            ("detector", .string(detector.rawValue)),
            ("space_group", .string(spaceGroup.symbol)),
            ("space_group_hall", .string(spaceGroup.hall)),
            ("wavelength", .number(wavelength)),
            ("beam_divergence_deg", .number(beamDivergence)),
            ("d_min", .number(dMin)),
            ("count_cutoff", .number(Double(countCutoff))),
            ("centroid_error_px", .number(centroidErrorPixels)),
            ("centroid_error_images", .number(centroidErrorImages)),
            ("true_geometry", geometry(centre: trueBeamCentre, distance: trueDistance, detector: instrument.trueDetector)),
            ("header_geometry", geometry(centre: headerBeamCentre, distance: headerDistance, detector: instrument.headerDetector)),
            ("sweeps", .array(sweepsJSON)),
        ])
    }
}
