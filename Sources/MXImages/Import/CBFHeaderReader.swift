extension ImageImporter {
    /// Reads a CBF file's models from its header alone (no pixels decoded). The image number
    /// comes from the filename template; a name without one gives no scan, as in dxtbx, so the
    /// image lands in a plain image set.
    public static let cbfHeaderReader: HeaderReader = { path throws(ImageReadError) in
        let index = FilenameTemplate.parse(path)?.index
        let header = try CBFHeader.read(path: path, imageIndex: index ?? 0)
        let m = header.models
        return (ImageMetadata(path: path, beam: m.beam, detector: m.detector, goniometer: m.goniometer,
                              scan: index == nil ? nil : m.scan), m.warnings)
    }
}
