import MXReflections

/// What one image gave: DIALS's "Found N strong pixels on image i".
public struct ImageStrongPixels: Sendable, Equatable {
    /// Position of the image's image set among the distinct image sets of the experiment list
    /// (DIALS's "Finding strong spots in imageset N").
    public var imageSet: Int
    /// Index of the experiment the image belongs to.
    public var experiment: Int
    /// The image number (frame + 1), as DIALS prints it.
    public var image: Int
    /// Strong pixels over all panels.
    public var strongPixels: Int

    public init(imageSet: Int, experiment: Int, image: Int, strongPixels: Int) {
        self.imageSet = imageSet
        self.experiment = experiment
        self.image = image
        self.strongPixels = strongPixels
    }
}

/// The outcome of spot finding over an experiment list.
public struct SpotFindingResult: Sendable {
    /// The strong spots of every experiment that could be processed, with DIALS's strong.refl
    /// columns and the experiments' identifiers.
    public var reflections: ReflectionTable
    /// Experiments without spots because their images could not be used, each with a reason.
    public var failures: [SpotFindingFailure]
    /// Per image whose strong pixels went into the table, in processing order (image sets in
    /// order of first use, images in order).
    public var images: [ImageStrongPixels]
    /// Spots extracted and removed by each filter, summed over all image sets.
    public var filterCounts: SpotFilterCounts

    public init(reflections: ReflectionTable, failures: [SpotFindingFailure], images: [ImageStrongPixels],
                filterCounts: SpotFilterCounts) {
        self.reflections = reflections
        self.failures = failures
        self.images = images
        self.filterCounts = filterCounts
    }
}
