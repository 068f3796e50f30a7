import ArgumentParser
import Foundation
import MXClustering
import MXGeometry

/// `mxtriage bench cluster`: BLEND-style analysis (descriptors, PCA, Ward, LCV/aLCV for every
/// node) of N random H 3 cells in three planted groups plus outliers, timed.
struct ClusterBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Cell clustering (BLEND analysis and the G6 variant) of N random cells, wall clock.")

    @Option(help: "Number of cells.")
    var cells = 1000

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    func run() throws {
        var rng = BenchRandom(state: seed)
        let centres: [(a: Double, c: Double)] = [(98.0, 136.5), (98.2, 139.5), (101.0, 134.0)]
        let list = (0..<max(cells, 2)).map { i -> UnitCell in
            if i % 97 == 96 { return UnitCell(95 + 10 * rng.unit(), 95 + 10 * rng.unit(), 130 + 10 * rng.unit(), 90, 90, 120) }
            let centre = centres[i % 3]
            let a = centre.a + 0.3 * (rng.unit() - 0.5)
            return UnitCell(a, a, centre.c + 0.5 * (rng.unit() - 0.5), 90, 90, 120)
        }
        for distance in CellDistance.allCases {
            let start = DispatchTime.now()
            let analysis = CellClusterAnalysis(cells: list, distance: distance)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            print(String(format: "%-5@ %5d cells  %8.3f s  root height %.3f  LCV %.2f %%  aLCV %.2f Å",
                         distance.rawValue as NSString, list.count, seconds, analysis.root?.height ?? 0,
                         analysis.root?.variation.lcv ?? 0, analysis.root?.variation.alcv ?? 0))
        }
    }
}

/// SplitMix64, so the bench draws the same cells everywhere.
private struct BenchRandom {
    var state: UInt64
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
