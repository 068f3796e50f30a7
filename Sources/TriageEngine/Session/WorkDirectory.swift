import Foundation

/// The tutorial's file layout under a session's work directory:
/// `sequence_NN/{imported.expt, strong.refl, P1_models.expt (without `--space-group` also
/// P1_indexed.refl and bravais_summary.json), indexed.expt, indexed.refl,
/// refined.expt, refined.refl, integrated.refl, integrated.mtz}`, `summary.json`, the cluster
/// files in `clusters/` (a second crystal form's in `clusters_other_form/`), the joint run
/// in `joint/`, and the scaled and merged dataset of the included crystals in `merged/`
/// (each sequence's full-resolution integration beside its band's, `integrated_full.*`).
public struct WorkDirectory: Sendable {
    public let url: URL

    public init(_ url: URL) { self.url = url }

    public func sequence(_ number: Int) -> URL {
        url.appendingPathComponent(SequenceSummary.directoryName(number), isDirectory: true)
    }

    public func file(_ name: String, sequence number: Int) -> URL {
        sequence(number).appendingPathComponent(name)
    }

    public var summary: URL { url.appendingPathComponent("summary.json") }
    public var clusters: URL { url.appendingPathComponent("clusters", isDirectory: true) }
    public var joint: URL { url.appendingPathComponent("joint", isDirectory: true) }
    public var jointClusters: URL { joint.appendingPathComponent("clusters", isDirectory: true) }
    /// The cluster files of the crystals of a second form (``ClusterReport/Source/otherForm``).
    public var otherFormClusters: URL { url.appendingPathComponent("clusters_other_form", isDirectory: true) }

    /// The dataset of the included crystals: scaled.mtz, merged.mtz, merging-statistics.json.
    public var merged: URL { url.appendingPathComponent("merged", isDirectory: true) }

    /// Creates `directory` and its parents if needed.
    public static func create(_ directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
}
