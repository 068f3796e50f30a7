import ArgumentParser
import MXIndexing

/// `--space-group`, checked when the command line is parsed — before any image is read — and
/// carried on in DIALS's spelling ("P41212" → "P 41 21 2", "R 3:H" → "H 3", "P1" → "P 1").
enum SpaceGroupArgument {
    static func parse(_ text: String) throws -> String {
        do {
            return try IndexingOptions.targetSpaceGroup(text)?.symbol ?? "P 1"
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
