import MXGeometry
import XCTest
@testable import MXImages

/// Every real image's models against dxtbx 3.11's (the fixtures), to 1e-6.
final class RealImageModelTests: XCTestCase {
    func testModelsMatchDxtbxForEveryRealImage() throws {
        let (real, fixtures) = try DxtbxFixture.withRealData()
        for fixture in fixtures {
            let path = real.appendingPathComponent(fixture.file).path
            let index = try XCTUnwrap(FilenameTemplate.parse(path)?.index, "no image number in \(path)")
            let header = try CBFHeader.read(path: path, imageIndex: index)
            compare(header.models, fixture)
        }
    }

    /// The header-only path and the full read give identical models.
    func testHeaderOnlyReadGivesTheFullReadModels() throws {
        let (real, fixtures) = try DxtbxFixture.withRealData()
        for file in Set(fixtures.map(\.file)).sorted().filter({ !$0.hasPrefix("l_cysteine") || $0.hasSuffix("01.cbf.bz2") }) {
            let path = real.appendingPathComponent(file).path
            let header = try CBFHeader.read(path: path, imageIndex: 1)
            let image = try CBFImage.read(path: path, imageIndex: 1)
            XCTAssertEqual(header.models, image.models, file)
            XCTAssertEqual(header.binary, image.header.binary, file)
        }
    }

    func compare(_ m: ImageModels, _ f: DxtbxFixture, file: StaticString = #filePath, line: UInt = #line) {
        let name = f.file
        XCTAssertEqual(m.formatClass, f.formatClass, name, file: file, line: line)
        XCTAssertEqual(m.warnings, [], name, file: file, line: line)

        let b = f.beam
        assertClose(m.beam.direction, b.vector("direction"), "\(name) beam direction")
        assertClose(m.beam.wavelength, b.double("wavelength"), "\(name) wavelength")
        assertClose(m.beam.divergence, b.double("divergence"), "\(name) divergence")
        assertClose(m.beam.sigmaDivergence, b.double("sigma_divergence"), "\(name) sigma divergence")
        assertClose(m.beam.polarizationNormal, b.vector("polarization_normal"), "\(name) polarization normal")
        assertClose(m.beam.polarizationFraction, b.double("polarization_fraction"), "\(name) polarization fraction")
        assertClose(m.beam.flux, b.double("flux"), "\(name) flux", tolerance: 1e-12 * max(1, abs(b.double("flux"))))
        assertClose(m.beam.transmission, b.double("transmission"), "\(name) transmission")

        XCTAssertEqual(m.detector.panels.count, f.panels.count, "\(name) panel count")
        let lab = f.labFrames
        for (i, (p, e)) in zip(m.detector.panels, f.panels).enumerated() {
            let what = "\(name) panel \(i)"
            XCTAssertEqual(p.name, e["name"] as? String, what)
            XCTAssertEqual(p.type, e["type"] as? String, what)
            XCTAssertEqual(p.identifier, e["identifier"] as? String, what)
            XCTAssertEqual(p.material, e["material"] as? String, what)
            assertClose(p.fastAxis, lab[i].fast, "\(what) fast axis")
            assertClose(p.slowAxis, lab[i].slow, "\(what) slow axis")
            assertClose(p.origin, lab[i].origin, "\(what) origin")
            XCTAssertEqual([p.imageSize.fast, p.imageSize.slow], e.ints("image_size"), what)
            XCTAssertEqual([p.rawImageOffset.0, p.rawImageOffset.1], e.ints("raw_image_offset"), what)
            assertClose([p.pixelSize.fast, p.pixelSize.slow], e.doubles("pixel_size"), "\(what) pixel size")
            assertClose([p.trustedRange.lower, p.trustedRange.upper], e.doubles("trusted_range"), "\(what) trusted range")
            assertClose(p.thickness, e.double("thickness"), "\(what) thickness")
            assertClose(p.mu, e.double("mu"), "\(what) mu")
            assertClose(p.gain, e.double("gain"), "\(what) gain")
            assertClose(p.pedestal, e.double("pedestal"), "\(what) pedestal")
            let mask = (e["mask"] as! [[NSNumber]]).map { $0.map(\.intValue) }
            XCTAssertEqual(p.mask.map { [$0.fast0, $0.slow0, $0.fast1, $0.slow1] }, mask, "\(what) mask")
            let strategy = ((e["px_mm_strategy"] as! [String: Any])["type"] as! String)
            XCTAssertEqual(p.pxMmStrategy.dxtbxName, strategy, what)
            comparePxMm(p, f.pxMm[i], what)
        }

        let g = f.goniometerDerived
        XCTAssertEqual(m.goniometer == nil, g == nil, "\(name) goniometer presence")
        if let gonio = m.goniometer, let g {
            // dxtbx keeps a multi-axis goniometer's scan axis as the header wrote it (the
            // l-cysteine φ axis (0.5774, −0.8165, 0) has length 0.99996); MXGeometry keeps it
            // unit length. Directions are compared; the raw axes are compared below.
            assertClose(gonio.rotationAxis, g.vector("rotation_axis").normalized, "\(name) rotation axis")
            assertClose(gonio.rotationAxisDatum, g.vector("rotation_axis_datum").normalized, "\(name) rotation axis datum")
            assertClose(gonio.fixedRotation.rowMajor, g.doubles("fixed_rotation"), "\(name) fixed rotation")
            assertClose(gonio.settingRotation.rowMajor, g.doubles("setting_rotation"), "\(name) setting rotation")
            XCTAssertEqual(gonio.multiAxis != nil, (g["class"] as? String) == "MultiAxisGoniometer", "\(name) goniometer class")
            if let multi = gonio.multiAxis, let e = f.goniometer {
                let axes = (e["axes"] as! [[NSNumber]]).map { Vec3($0[0].doubleValue, $0[1].doubleValue, $0[2].doubleValue) }
                XCTAssertEqual(multi.axes.count, axes.count, name)
                for (a, b) in zip(multi.axes, axes) { assertClose(a, b, "\(name) goniometer axis") }
                assertClose(multi.angles, e.doubles("angles"), "\(name) goniometer angles")
                XCTAssertEqual(multi.names, e["names"] as? [String], name)
                XCTAssertEqual(multi.scanAxis, e.int("scan_axis"), name)
            }
        }

        XCTAssertEqual(m.scan == nil, f.scan == nil, "\(name) scan presence")
        if let s = m.scan, let e = f.scan {
            XCTAssertEqual([s.imageRange.first, s.imageRange.last], e.ints("image_range"), name)
            XCTAssertEqual(s.batchOffset, e.int("batch_offset"), name)
            assertClose([s.oscillation.start, s.oscillation.width], e.doubles("oscillation"), "\(name) oscillation")
            assertClose(s.exposureTimes, e.doubles("exposure_time"), "\(name) exposure time")
            assertClose(s.epochs, e.doubles("epochs"), "\(name) epochs")
            XCTAssertEqual(m.isStill, s.oscillation.width == 0, name)
        }
    }

    /// dxtbx's pixel ↔ millimetre conversions at fixed points (this exercises μ, t₀ and the
    /// panel frame together through the parallax correction).
    func comparePxMm(_ p: Panel, _ record: [String: Any], _ what: String) {
        if let mu = record["strategy_mu"] as? NSNumber, case let .parallaxCorrected(m, t) = p.pxMmStrategy {
            assertClose(m, mu.doubleValue, "\(what) strategy mu")
            assertClose(t, (record["strategy_t0"] as! NSNumber).doubleValue, "\(what) strategy t0")
        }
        for point in record["points"] as! [[String: Any]] {
            let px = point.doubles("px")
            let mm = p.pixelToMillimeter(SIMD2(px[0], px[1]))
            assertClose([mm.x, mm.y], point.doubles("px_to_mm"), "\(what) px→mm at \(point["label"]!)")
            let nominal = point.doubles("nominal_mm")
            let back = p.millimeterToPixel(SIMD2(nominal[0], nominal[1]))
            assertClose([back.x, back.y], point.doubles("mm_to_px_of_nominal_mm"), "\(what) mm→px at \(point["label"]!)")
        }
    }
}
