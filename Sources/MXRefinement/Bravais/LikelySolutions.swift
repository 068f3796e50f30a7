/// DIALS's recommendation (`bravais_settings.identify_likely_solutions`): each setting is judged
/// on its own against the P 1 RMSD r₁, so several can be recommended.
///
/// * Metric fit < 0.5°: rejected if its min CC is absent or < 0.5 and its RMSD > 1.5 r₁.
/// * Otherwise: rejected if (min CC absent or < 0.7 and RMSD > 2 r₁) or RMSD > 3 r₁.
public enum LikelySolutions {
    public static func isRecommended(metricFit: Double, rmsd: Double, minCC: Double?, triclinicRMSD r1: Double) -> Bool {
        let weakCC = { (limit: Double) in minCC.map { $0 < limit } ?? true }
        if metricFit < 0.5 { return !(weakCC(0.5) && rmsd > 1.5 * r1) }
        if weakCC(0.7) && rmsd > 2 * r1 { return false }
        return rmsd <= 3 * r1
    }
}
