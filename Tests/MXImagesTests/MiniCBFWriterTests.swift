import Foundation
import MXGeometry
import XCTest
@testable import MXImages

/// The miniCBF writer: what it writes reads back into the same pixels and models, plain or
/// compressed, and dxtbx (Debian's, through /usr/bin/python3) reads it too.
final class MiniCBFWriterTests: XCTestCase {
    func testWrittenFilesReadBackPlainAndCompressed() throws {
        let scratch = try ScratchDirectory()
        let image = SyntheticImage.module()
        for name in ["sim_0007.cbf", "sim_0007.cbf.gz", "sim_0007.cbf.bz2"] {
            let path = scratch.path(name)
            try MiniCBFWriter.write(image, header: SyntheticImage.header(), to: path)
            let read = try CBFImage.read(path: path, imageIndex: 7)
            XCTAssertEqual(try read.pixels(), [image], name)
            let m = read.models
            XCTAssertEqual(m.formatClass, "FormatCBFMiniPilatus", name)
            XCTAssertEqual(m.beam.wavelength, 0.9795, name)
            XCTAssertEqual(m.detector[0].origin.x, -243.5 * 0.172, accuracy: 1e-12, name)
            XCTAssertEqual(m.detector[0].origin.y, 97.25 * 0.172, accuracy: 1e-12, name)
            XCTAssertEqual(m.detector[0].origin.z, -190.18, accuracy: 1e-12, name)
            XCTAssertEqual(m.detector[0].trustedRange.upper, 1_000_000, name)
            XCTAssertEqual(m.detector[0].thickness, 0.45, accuracy: 1e-12, name)
            XCTAssertEqual(m.scan?.imageRange.first, 7, name)
            XCTAssertEqual(m.scan?.oscillation.start, 12.5, name)
            XCTAssertEqual(m.scan?.oscillation.width, 0.2, name)
            XCTAssertEqual(m.scan?.epochs, [1_700_000_000.25], name)
            XCTAssertFalse(m.isStill, name)
        }
    }

    func testHeaderFromModelsReproducesThem() throws {
        let source = try CBFImage.read(path: writeSynthetic(), imageIndex: 1).models
        let header = try MiniCBFHeader(beam: source.beam, panel: source.detector[0], scan: source.scan)
        let scratch = try ScratchDirectory()
        let path = scratch.path("again_0001.cbf")
        try MiniCBFWriter.write(SyntheticImage.module(), header: header, to: path)
        let again = try CBFHeader.read(path: path, imageIndex: 1).models
        XCTAssertEqual(again.beam, source.beam)
        XCTAssertEqual(again.scan, source.scan)
        let (a, b) = (again.detector[0], source.detector[0])
        XCTAssertEqual(a.origin.x, b.origin.x, accuracy: 1e-12)
        XCTAssertEqual(a.origin.y, b.origin.y, accuracy: 1e-12)
        XCTAssertEqual(a.origin.z, b.origin.z, accuracy: 1e-12)
        XCTAssertEqual(a.mask, b.mask)
        XCTAssertEqual(a.pxMmStrategy, b.pxMmStrategy)
        // A still has no oscillation.
        let still = try MiniCBFHeader(beam: source.beam, panel: source.detector[0], scan: nil)
        XCTAssertEqual(still.angleIncrement, 0)
        var tilted = source.detector[0]
        tilted.fastAxis = Vec3(0, 1, 0)
        XCTAssertThrowsError(try MiniCBFHeader(beam: source.beam, panel: tilted, scan: nil))
    }

    private var keep: ScratchDirectory?

    private func writeSynthetic() throws -> String {
        let scratch = try ScratchDirectory()
        keep = scratch
        let path = scratch.path("synthetic_0001.cbf")
        try MiniCBFWriter.write(SyntheticImage.module(), header: SyntheticImage.header(), to: path)
        return path
    }

    /// dxtbx 3.11 reads the written file: its models and raw pixels agree with ours.
    func testDxtbxReadsWhatWeWrite() throws {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python),
              FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/dxtbx") else {
            throw XCTSkip("Debian's dxtbx (/usr/bin/python3 with dxtbx) is not installed")
        }
        let scratch = try ScratchDirectory()
        let path = scratch.path("dxtbx_0003.cbf.gz")
        let image = SyntheticImage.module()
        try MiniCBFWriter.write(image, header: SyntheticImage.header(), to: path)
        let script = """
        import hashlib, json, sys, dxtbx
        from dxtbx.model.experiment_list import ExperimentListFactory
        path = sys.argv[1]
        raw = dxtbx.load(path).get_raw_data().as_numpy_array()
        expts = ExperimentListFactory.from_filenames([path])
        p = expts[0].detector[0]
        print(json.dumps({
            "format": type(dxtbx.load(path)).__name__,
            "sha256": hashlib.sha256(raw.astype("<i4").tobytes()).hexdigest(),
            "shape": list(raw.shape),
            "origin": list(p.get_origin()),
            "wavelength": expts[0].beam.get_wavelength(),
            "trusted_range": list(p.get_trusted_range()),
            "mu": p.get_mu(),
            "oscillation": list(expts[0].scan.get_oscillation()),
            "image_range": list(expts[0].scan.get_image_range()),
            "epoch": expts[0].scan.get_epochs()[0],
        }))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: errData, as: UTF8.self))
        let lastLine = String(decoding: outData, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        let d = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any])
        let ours = try CBFImage.read(path: path, imageIndex: 3)
        XCTAssertEqual(d["format"] as? String, "FormatCBFMiniPilatus")
        XCTAssertEqual(d["sha256"] as? String, SHA256.hex(pixels: image.pixels))
        XCTAssertEqual(d.ints("shape"), [195, 487])
        assertClose(ours.models.detector[0].origin, d.vector("origin"), "origin")
        assertClose(ours.models.beam.wavelength, d.double("wavelength"), "wavelength")
        assertClose([ours.models.detector[0].trustedRange.lower, ours.models.detector[0].trustedRange.upper], d.doubles("trusted_range"), "trusted range")
        assertClose(ours.models.detector[0].mu, d.double("mu"), "mu")
        assertClose([12.5, 0.2], d.doubles("oscillation"), "oscillation")
        XCTAssertEqual(d.ints("image_range"), [3, 3])
        assertClose(d.double("epoch"), 1_700_000_000.25, "epoch")
    }
}
