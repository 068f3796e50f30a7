import Foundation

/// Linear attenuation coefficient μ of a sensor material at a wavelength, as dxtbx computes it
/// for the parallax correction: `attenuation_coefficient.get_table(material).mu_at_angstrom(λ) / 10`
/// (cctbx `eltbx/attenuation_coefficient.h`), i.e. the NIST mass attenuation coefficient μ/ρ
/// interpolated linearly in log(E)–log(μ/ρ) between table energies, times the density, in mm⁻¹.
///
/// Only silicon is tabulated: it is the sensor of every Pilatus and Eiger we read. dxtbx cannot
/// make μ for a compound such as CdTe either (its table lookup takes element symbols only).
enum SensorAttenuation {
    /// cctbx's `factor_ev_angstrom`: h·c in eV·Å from the 2019 SI constants, in cctbx's
    /// operation order so that E = factor/λ rounds identically.
    static let factorEvAngstrom = 6.62607015 * 2.99792458 / 1.602176634 * 1000

    /// μ in mm⁻¹ for `material` at wavelength λ (Å).
    static func mu(material: String, wavelength: Double) throws(CBFProblem) -> Double {
        guard material == "Si" else {
            throw CBFProblem("no attenuation table for sensor material \(material) (only Si)")
        }
        return try silicon.muPerCm(energyEv: factorEvAngstrom / wavelength, wavelength: wavelength) / 10
    }

    struct Table {
        let density: Double
        /// Energies in MeV (ascending; an absorption edge appears twice) and μ/ρ in cm²/g.
        let energy: [Double]
        let muRho: [Double]

        /// cctbx `table::mu_at_ev`: μ in cm⁻¹.
        func muPerCm(energyEv: Double, wavelength: Double) throws(CBFProblem) -> Double {
            let en = energyEv / 1_000_000
            // cctbx find_energy_index: the first table energy above `en`, minus one.
            var index = 0
            while index < energy.count && !(en < energy[index]) { index += 1 }
            guard index > 0, index < energy.count else {
                throw CBFProblem("wavelength \(wavelength) Å is outside the Si attenuation table (\(energy[0] * 1000)–\(energy[energy.count - 1] * 1000) keV)")
            }
            index -= 1
            let x0 = log(energy[index]), x1 = log(energy[index + 1])
            let y0 = log(muRho[index]), y1 = log(muRho[index + 1])
            return exp(y0 + (y1 - y0) * (log(en) - x0) / (x1 - x0)) * density
        }
    }

    /// Silicon (Z = 14), density 2.33 g/cm³: cctbx's NIST table, as `get_table("Si")` lists it.
    static let silicon = Table(
        density: 2.33,
        energy: [0.001, 0.0015, 0.0018389, 0.0018389, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008, 0.01,
                 0.015, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8,
                 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 20.0],
        muRho: [1570.0, 535.5, 309.2, 3192.0, 2777.0, 978.4, 452.9, 245.0, 147.0, 64.68, 33.89,
                10.34, 4.464, 1.436, 0.7012, 0.4385, 0.3207, 0.2228, 0.1835, 0.1448, 0.1275, 0.1082,
                0.09614, 0.08748, 0.08077, 0.07082, 0.06361, 0.05688, 0.05183, 0.0448, 0.03678,
                0.0324, 0.02967, 0.02788, 0.02574, 0.02462, 0.02352, 0.02338])
}
