import Foundation
import MXGeometry
import MXSymmetry
import MXReflections
import MXRefinement

extension Indexer {
    /// One search's candidate models, best first, and the resolution they were found at.
    struct RankedCandidates {
        var crystals: [Crystal]
        var dMin: Double
    }

    /// `max_cell`: the option, or the nearest-neighbour estimate from the spots that do not overlap.
    func maxCell(spots: PreparedSpots) throws(IndexingFailure) -> Double {
        if let m = options.maxCell { return m }
        let overlapping = MaxCellEstimate.overlapping(boxes: spots.bbox.indices.map { (spots.panel[$0], spots.bbox[$0].values.map(Int.init)) })
        let kept = spots.rlp.indices.filter { !overlapping[$0] }.map {
            MaxCellEstimate.Spot(rlp: spots.rlp[$0], phiDegrees: spots.mm[$0].z * 180 / .pi, entering: spots.entering[$0])
        }
        do { return try MaxCellEstimate().maxCell(kept) } catch { throw .tooFewSpots(kept.count) }
    }

    /// The basis-vector search `method`, then its candidate models refined briefly and ranked (§3.5–3.6).
    func rankedCandidates(_ method: IndexingOptions.Method, spots: PreparedSpots, models: RotationModels, maxCell: Double,
                          log: inout [String]) throws(IndexingFailure) -> RankedCandidates {
        let (vectors, dMin) = try candidateVectors(method, spots: spots, maxCell: maxCell)
        log.append("\(method.rawValue): \(vectors.count) candidate basis vectors")
        let crystals = try rankModels(CandidateCrystals.models(from: vectors.map(\.vector)), spots: spots, models: models, dMin: dMin)
        return RankedCandidates(crystals: crystals, dMin: dMin)
    }

    func candidateVectors(_ method: IndexingOptions.Method, spots: PreparedSpots, maxCell: Double) throws(IndexingFailure) -> ([FFTBasisVectorSearch.Candidate], Double) {
        switch method {
        case .fft3d:
            let search = FFTBasisVectorSearch()
            do { return (try search.candidates(rlps: spots.rlp, maxCell: maxCell), search.dMin(maxCell: maxCell, rlps: spots.rlp)) } catch {
                throw .noBasisFound(error.description)
            }
        case .fft1d:
            let dMin = spots.rlp.map { 1 / $0.length }.min() ?? 0
            do { return (try FFT1DBasisVectorSearch().candidates(rlps: spots.rlp, maxCell: maxCell), dMin) } catch {
                throw .noBasisFound(error.description)
            }
        }
    }

    /// Refines each candidate briefly (4 LevMar steps, Tukey ×3, ≤ 20 reflections per degree)
    /// and ranks them by dials.index's weighted score (`ModelRankWeighted`, power 2), lowest
    /// first: (log₂V − min)² + (log₂ RMSD_xy − min)² + (max log₂ f_indexed − log₂ f_indexed)².
    func rankModels(_ candidates: [Crystal], spots: PreparedSpots, models: RotationModels, dMin: Double) throws(IndexingFailure) -> [Crystal] {
        var scored: [(crystal: Crystal, volume: Double, rmsd: Double, fraction: Double)] = []
        let inRange = spots.rlp.filter { 1 / $0.length >= dMin }.count
        let assignment = IndexAssignment(tolerance: options.hklTolerance)
        let phis = spots.mm.map(\.z)
        for raw in candidates.prefix(options.maxRefineCandidates * 4) {
            if scored.count >= options.maxRefineCandidates { break }
            guard let candidate = NonPrimitiveBasis.correct(raw, assign: {
                assignment.assign(rlps: spots.rlp, phis: phis, A: $0.A, dMin: dMin)
            }) else { continue }
            if let target = options.targetSpaceGroup, (try? applySymmetry(target, to: candidate)) == nil { continue }
            let assigned = assignment.assign(rlps: spots.rlp, phis: phis, A: candidate.A, dMin: dMin)
            let indexed = assigned.compactMap { $0 }.count
            guard indexed >= 5, let table = try? refinementTable(spots: spots, assigned: assigned, identifier: "") else { continue }
            var o = RefinementOptions()
            o.maxIterations = 4
            o.outlier = .tukey(iqrMultiplier: 3)
            o.reflectionsPerDegree = 20
            o.autoReduction = .fix
            let list = Self.singleExperiment(models: models, crystal: candidate, identifier: "")
            guard let result = try? Refiner(experiments: list, reflections: table, options: o).run(),
                  let r = result.experimentRMSDs.first, r.nref >= 5 else { continue }
            let rmsd = (r.xPixels * r.xPixels + r.yPixels * r.yPixels).squareRoot()
            guard rmsd <= 6 else { continue }
            scored.append((result.experiments.crystals[0], result.experiments.crystals[0].unitCell.volume, rmsd,
                           Double(indexed) / Double(max(inRange, 1))))
        }
        guard !scored.isEmpty else {
            throw .noCandidateSurvived("none of \(candidates.count) candidate models indexed and refined acceptably")
        }
        let minV = scored.map { log2($0.volume) }.min()!, minR = scored.map { log2($0.rmsd) }.min()!
        let maxF = scored.map { log2($0.fraction) }.max()!
        func score(_ s: (crystal: Crystal, volume: Double, rmsd: Double, fraction: Double)) -> Double {
            let v = log2(s.volume) - minV, r = log2(s.rmsd) - minR, f = maxF - log2(s.fraction)
            return v * v + r * r + f * f
        }
        return scored.enumerated().sorted { a, b in
            let sa = score(a.element), sb = score(b.element)
            return sa != sb ? sa < sb : a.offset < b.offset
        }.map(\.element.crystal)
    }

    /// The crystal in the reference setting of the target's lattice with the metric made exact
    /// and the orientation kept, labelled with the target group (dials-algorithms §3.8): of the
    /// Le Page settings of the target's Bravais type, the one with the smallest metric fit, C
    /// kept as C for monoclinic (as `dials.index space_group=C2` does, unlike
    /// refine_bravais_settings' best β).
    func applySymmetry(_ target: SpaceGroup, to crystal: Crystal) throws(IndexingFailure) -> Crystal {
        let search: LatticeSearch
        do { search = try LatticeSearch(cell: crystal, bestMonoclinicBeta: false) } catch {
            throw .symmetryIncompatible("\(error)")
        }
        guard let setting = search.bestSetting(for: target.bravaisType) else {
            throw .symmetryIncompatible(
                "no \(target.bravaisType) lattice within \(search.maxDelta)° of the cell \(crystal.unitCell) for \(target.symbol)")
        }
        return setting.symmetrised(crystal, spaceGroupHall: target.hall)
    }
}
