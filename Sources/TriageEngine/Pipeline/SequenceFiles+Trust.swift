import Foundation
import MXExport
import MXGeometry
import MXReflections

extension SequenceFiles {
    /// Whether a file a previous run left can be trusted on resume: it must read back as what
    /// its name says (an `.expt` parses, a `.refl` decodes, an MTZ passes `MTZPreflight`), not
    /// merely exist — a run killed mid-write, or a disk that filled, leaves a truncated file
    /// that would fail the next stage (or, as an MTZ, hang cmtzlib in clustering).
    func isTrustworthy(_ name: String) -> Bool {
        let url = url(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return false }
        switch url.pathExtension {
        case "expt": return (try? ExperimentList(contentsOf: url)) != nil
        case "refl": return (try? ReflectionTable(contentsOf: url)) != nil
        case "mtz": return (try? MTZPreflight.check(path: url.path)) != nil
        default: return true
        }
    }
}
