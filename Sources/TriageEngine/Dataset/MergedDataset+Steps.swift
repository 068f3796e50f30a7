import Foundation
import MXCosym
import MXGeometry
import MXMerging
import MXScaling
import MXSymmetry

/// The reindexing operator applied to each crystal (h′ = R·h) and its DIALS spelling.
struct CrystalReindexing: Sendable {
    var operations: [IntMatrix3]
    var cbOps: [String]
}

/// Scaling's result over the crystals' observations laid end to end (crystal 0's first).
struct ScaledCrystals: Sendable {
    /// Where each crystal's observations start in the per-observation arrays.
    var offsets: [Int]
    var inverseScale: [Double]
    /// σ′²/g², after the error model.
    var scaledVariance: [Double]
    var isOutlier: [Bool]
    /// The kept observations scaled, and the crystal of each.
    var unmerged: [UnmergedObservation]
    var crystalOfUnmerged: [Int]
    var meanScale: [Double]
    var relativeB: [Double]
    var errorModel: (a: Double, b: Double)?

    func index(crystal c: Int, observation k: Int) -> Int { offsets[c] + k }
}

/// The Laue group the intensities chose, and the space group merged in because of it.
public struct IntensitySymmetry: Sendable, Equatable, Codable {
    /// The best Laue group as DIALS names it ("P 4/m m m", "R -3 :H"), its likelihood and confidence.
    public var laueGroup: String
    public var likelihood: Double
    public var confidence: Double
    /// Its lowest chiral space group (no systematic-absence analysis yet), and whether the
    /// data were merged in it (only when it contains the group the crystals were indexed in,
    /// in the same setting).
    public var spaceGroup: String
    public var applied: Bool
}

extension CrystalObservations {
    /// The crystal's intensities as cosym takes them.
    var cosymDataset: CosymDataset {
        CosymDataset(hkl: hkl, intensity: intensity, variance: variance, dSpacing: dSpacing)
    }
}

extension MergedDataset {
    /// The Laue group from the intensities, as `dials.cosym` chooses it when no space group was
    /// given: the group the crystals were indexed in (the lattice's lowest) is replaced by the
    /// Laue group's lowest chiral group when that contains it, so P 4 data of 4/mmm symmetry
    /// merge in P 4 2 2 and H 3 data of −3 stay in H 3.
    static func intensitySymmetry(_ crystals: [CrystalObservations], indexedIn group: SpaceGroup, cell: UnitCell,
                                  log: (String) -> Void) throws -> (IntensitySymmetry, SpaceGroup) {
        let analysis: LaueGroupAnalysis
        do { analysis = try Cosym.laueGroup(crystals.map(\.cosymDataset), cell: cell, indexedIn: group) } catch {
            throw StageFailure("Laue group: \(error)")
        }
        var chosen = group
        if let candidate = try? SpaceGroup(analysis.spaceGroup),
           Set(group.rotations).isSubset(of: Set(candidate.rotations)) {
            chosen = candidate
        }
        let result = IntensitySymmetry(laueGroup: analysis.best.name, likelihood: analysis.best.likelihood,
                                       confidence: analysis.best.confidence, spaceGroup: analysis.spaceGroup,
                                       applied: chosen != group)
        log(String(format: "Laue group from the intensities: %@ (likelihood %.3f, confidence %.3f); ",
                   result.laueGroup, result.likelihood, result.confidence)
            + (result.applied ? "merged in \(chosen.symbol)" : "merged in \(group.symbol), the group the crystals were indexed in"))
        return (result, chosen)
    }

    /// `dials.cosym`'s consistent indexing (MXCosym): where the lattice has more symmetry than
    /// the space group (H 3 in hR, P 4 in tP, …), the operator per crystal that makes all agree.
    /// One crystal has nothing to agree with and keeps its indexing.
    static func consistentIndexing(_ crystals: [CrystalObservations], spaceGroup: SpaceGroup, cell: UnitCell,
                                   log: (String) -> Void) throws -> CrystalReindexing {
        guard crystals.count > 1 else { return CrystalReindexing(operations: [.identity], cbOps: ["h,k,l"]) }
        let indexing: ConsistentIndexing
        do { indexing = try Cosym.resolveIndexing(crystals.map(\.cosymDataset), spaceGroup: spaceGroup, cell: cell) } catch {
            throw StageFailure("consistent indexing: \(error)")
        }
        for note in indexing.notes { log("consistent indexing: \(note)") }
        if indexing.ambiguityOperators.count > 1 {
            let reindexed = indexing.cbOps.count { $0 != "h,k,l" }
            log("consistent indexing: \(indexing.ambiguityOperators.count) settings of \(spaceGroup.symbol) in its lattice, "
                + "\(reindexed) of \(crystals.count) crystals reindexed; smallest margin "
                + String(format: "%.2f", indexing.confidence.min() ?? 0)
                + (indexing.dMin.map { String(format: " (d > %.2f Å)", $0) } ?? ""))
        }
        return CrystalReindexing(operations: indexing.operations, cbOps: indexing.cbOps)
    }

    /// `dials.scale`'s physical model over every crystal's observations (MXScaling).
    static func scale(_ crystals: [CrystalObservations], spaceGroup: SpaceGroup) throws -> ScaledCrystals {
        var offsets: [Int] = [], observations: [ScalingObservation] = []
        for (c, crystal) in crystals.enumerated() {
            offsets.append(observations.count)
            for k in 0..<crystal.count {
                observations.append(ScalingObservation(crystal: c, hkl: crystal.hkl[k], intensity: crystal.intensity[k],
                                                       variance: crystal.variance[k], rotationDegrees: crystal.rotationDegrees[k],
                                                       dSpacing: crystal.dSpacing[k]))
            }
        }
        var options = ScalingOptions()
        options.rotationRanges = crystals.map(\.rotationRange)
        let result: ScalingResult
        do { result = try PhysicalScaling.scale(observations, spaceGroup: spaceGroup, options: options) } catch {
            throw StageFailure("scaling: \(error)")
        }
        return ScaledCrystals(offsets: offsets, inverseScale: result.inverseScaleFactors, scaledVariance: result.scaledVariances,
                              isOutlier: result.isOutlier, unmerged: result.unmerged,
                              crystalOfUnmerged: result.unmergedIndices.map { observations[$0].crystal },
                              meanScale: result.crystals.map(\.meanScale), relativeB: result.crystals.map(\.relativeB),
                              errorModel: (result.errorModel.a, result.errorModel.b))
    }
}
