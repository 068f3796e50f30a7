/// The attenuation of a silicon sensor, for writers of images (the simulator) that must give
/// their panels the μ a reader of their headers will compute.
public enum SiliconSensor {
    /// A wavelength outside the attenuation table.
    public struct WavelengthOutOfRange: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Linear attenuation coefficient μ (mm⁻¹) of silicon at wavelength λ (Å), exactly as dxtbx
    /// computes it for the parallax correction.
    public static func mu(wavelength: Double) throws(WavelengthOutOfRange) -> Double {
        do { return try SensorAttenuation.mu(material: "Si", wavelength: wavelength) } catch {
            throw WavelengthOutOfRange(description: error.reason)
        }
    }
}
