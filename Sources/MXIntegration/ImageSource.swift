import Foundation
import MXGeometry
import MXImages
import MXReflections

/// Where the image of each frame (array index) of an experiment is.
struct ImageSource: Sendable {
    let scan: Scan
    let paths: [String]

    init(imageset: ImageSetModel, scan: Scan, experiment e: Int) throws(IntegrationError) {
        self.scan = scan
        let first = scan.imageRange.first, n = scan.numImages
        switch imageset {
        case let .sequence(template):
            guard let parsed = FilenameTemplate(template) else {
                throw .badInput("experiment \(e): image template \"\(template)\" has no '#' field")
            }
            paths = (0..<n).map { parsed.path(forIndex: first + $0) }
        case let .imageSet(list, _):
            guard list.count >= n else {
                throw .badInput("experiment \(e): \(list.count) images for a scan of \(n)")
            }
            paths = Array(list.prefix(n))
        }
    }

    /// The file of array index z.
    func path(frame z: Int) -> String { paths[z - scan.arrayRange.lower] }

    /// The number the reader expects for array index z (the image number of a sequence).
    func imageNumber(frame z: Int) -> Int { FilenameTemplate.parse(path(frame: z))?.index ?? z + 1 }
}

/// A box of pixels to cut out of the images: a panel and a half-open (x, y, z) range.
struct PixelRegion: Sendable {
    var panel: Int
    var box: Int6
}

/// Cuts regions out of an experiment's images, reading each image once. Frames are split
/// into `workers` contiguous runs read in parallel; every region's pixels land in the same
/// place whatever the split, so the result does not depend on the thread count.
enum RegionReader {
    static func read(_ regions: [PixelRegion], source: ImageSource, workers: Int,
                     frameDone: @Sendable () -> Void = {}) throws(IntegrationError) -> [[Int32]] {
        let (lo, hi) = source.scan.arrayRange
        var byFrame = [[Int]](repeating: [], count: max(0, hi - lo))
        for (i, r) in regions.enumerated() {
            let z0 = max(Int(r.box.z0), lo), z1 = min(Int(r.box.z1), hi)
            guard z1 > z0 else { continue }
            for z in z0..<z1 { byFrame[z - lo].append(i) }
        }
        let frames = byFrame.indices.filter { !byFrame[$0].isEmpty }.map { $0 + lo }
        let runs = max(1, min(workers, frames.count))
        let chunks = (0..<runs).map { c in Array(frames[(c * frames.count / runs)..<((c + 1) * frames.count / runs)]) }
        let needed = byFrame
        typealias FrameSlabs = [(region: Int, z: Int, pixels: [Int32])]
        let results: [Result<[FrameSlabs], IntegrationError>] = chunks.parallelMap { chunk in
            var out: [FrameSlabs] = []
            for z in chunk {
                let path = source.path(frame: z)
                let panels: [PixelImage]
                // Spot finding has checked these files whole already, and decoding is the cost:
                // stop after the lowest row any region of this frame needs (the resolution
                // band is a ring around the beam, so often well before the bottom).
                let rowsNeeded = needed[z - lo].map { Int(regions[$0].box.y1) }.max() ?? 0
                do throws(ImageReadError) {
                    panels = try CBFImage.read(path: path, imageIndex: source.imageNumber(frame: z)).pixels(rowsNeeded: rowsNeeded)
                } catch {
                    return .failure(.imageRead(error.description))
                }
                var slabs: FrameSlabs = []
                for i in needed[z - lo] {
                    let r = regions[i]
                    guard r.panel < panels.count else { return .failure(.imageRead("\(path): no panel \(r.panel)")) }
                    slabs.append((i, z, cut(panels[r.panel], r.box)))
                }
                out.append(slabs)
                frameDone()
            }
            return .success(out)
        }
        var pixels = regions.map { r in
            [Int32](repeating: Shoebox.offPanel, count: Int(r.box.x1 - r.box.x0) * Int(r.box.y1 - r.box.y0) * Int(r.box.z1 - r.box.z0))
        }
        for result in results {
            let chunk: [FrameSlabs]
            switch result {
            case let .success(c): chunk = c
            case let .failure(e): throw e
            }
            for slabs in chunk {
                for (i, z, slab) in slabs {
                    let offset = (z - Int(regions[i].box.z0)) * slab.count
                    pixels[i].replaceSubrange(offset..<(offset + slab.count), with: slab)
                }
            }
        }
        return pixels
    }

    /// One frame's (x, y) rectangle of a box, `Shoebox.offPanel` beyond the image.
    static func cut(_ image: PixelImage, _ box: Int6) -> [Int32] {
        let nx = Int(box.x1 - box.x0), ny = Int(box.y1 - box.y0)
        var out = [Int32](repeating: Shoebox.offPanel, count: nx * ny)
        let fx0 = max(Int(box.x0), 0), fx1 = min(Int(box.x1), image.fast)
        let fy0 = max(Int(box.y0), 0), fy1 = min(Int(box.y1), image.slow)
        guard fx1 > fx0, fy1 > fy0 else { return out }
        for y in fy0..<fy1 {
            let src = y * image.fast, dst = (y - Int(box.y0)) * nx - Int(box.x0)
            for x in fx0..<fx1 { out[dst + x] = image.pixels[src + x] }
        }
        return out
    }
}
