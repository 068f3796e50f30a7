/// Where an experiment's images are, as the `.expt` "imageset" list records it.
public enum ImageSetModel: Equatable, Sendable {
    /// A rotation sequence: files named by `template` ('#' for the image number) and the
    /// scan's image range ("ImageSequence").
    case sequence(template: String)
    /// An explicit list of files, e.g. stills ("ImageSet"); `singleFileIndices` picks frames
    /// inside multi-image files (nil for one image per file).
    case imageSet(paths: [String], singleFileIndices: [Int]?)

    /// The dxtbx class name stored as "__id__".
    public var dxtbxName: String {
        switch self {
        case .sequence: return "ImageSequence"
        case .imageSet: return "ImageSet"
        }
    }
}
