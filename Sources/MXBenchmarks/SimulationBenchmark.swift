import Foundation
import MXGeometry
import MXImages
import MXSimulation

/// Times the simulator on one core: building a sweep (prediction, spot footprints, background),
/// rendering full-size images, and encoding them as miniCBF (byte offset + MD5).
public enum SimulationBenchmark {
    public struct Result: Sendable {
        public var pixelsPerImage: Int
        public var reflections: Int
        public var backgroundShapeSeconds: Double
        public var sweepSetupSeconds: Double
        /// Per image, best and median over the images rendered.
        public var renderSeconds: (best: Double, median: Double)
        public var encodeSeconds: (best: Double, median: Double)
    }

    public static func run(images: Int = 10, detector: SimulatedDetector = .pilatus6m) throws -> Result {
        let plan = CrystalForm.teha.plan(seed: 1, sweeps: CrystalForm.defaultSweeps, detector: detector)
        let instrument = Instrument(plan: plan, siliconMu: try SiliconSensor.mu(wavelength: plan.wavelength))
        var start = ContinuousClock.now
        let shape = BackgroundShape(plan: plan, instrument: instrument)
        let shapeTime = seconds(since: start)
        start = ContinuousClock.now
        let simulator = SweepSimulator(plan: plan, sweep: plan.sweeps[0], instrument: instrument, backgroundShape: shape)
        let setupTime = seconds(since: start)
        let (nf, ns) = detector.imageSize
        var buffer: [Int32] = []
        simulator.render(image: 0, into: &buffer)
        var render: [Double] = [], encode: [Double] = []
        let header = try MiniCBFHeader(beam: instrument.beam, panel: instrument.headerDetector[0], scan: simulator.scan)
        for j in 0..<min(images, plan.sweeps[0].numImages) {
            start = ContinuousClock.now
            simulator.render(image: j, into: &buffer)
            render.append(seconds(since: start))
            start = ContinuousClock.now
            _ = MiniCBFWriter.encode(PixelImage(fast: nf, slow: ns, pixels: buffer), header: header, name: "bench")
            encode.append(seconds(since: start))
        }
        func summary(_ xs: [Double]) -> (Double, Double) { (xs.min() ?? .nan, xs.sorted()[xs.count / 2]) }
        return Result(pixelsPerImage: nf * ns, reflections: simulator.reflections.count, backgroundShapeSeconds: shapeTime,
                      sweepSetupSeconds: setupTime, renderSeconds: summary(render), encodeSeconds: summary(encode))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).seconds
    }
}
