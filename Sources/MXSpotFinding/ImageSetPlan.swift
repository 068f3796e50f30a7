import MXGeometry
import MXImages

/// One image to read: where it is, its frame, and the experiment it belongs to.
struct FrameJob: Sendable {
    /// Which `ImageSetJob` it belongs to.
    var job: Int
    var path: String
    /// The image number the file's name carries (the CBF reader's `imageIndex`).
    var imageNumber: Int
    /// Array index z: image number − 1 in a sequence, the position in a plain image set.
    var frame: Int
    /// The experiment whose scan (or place in the image set) covers this image.
    var experiment: Int
}

/// The images of one image set, found together as DIALS finds them: DIALS loops over the
/// distinct image sets of the experiment list in order of first use and labels each one's
/// strong pixels in 3-D (a rotation sequence) or 2-D (stills, or a set without a scan).
struct ImageSetJob: Sendable {
    /// Position among the distinct image sets (DIALS's imageset number in its log).
    var ordinal: Int
    var detector: Detector
    var threeD: Bool
    /// The experiments that use this image set, in list order.
    var experiments: [Int]
    var frames: [FrameJob]
}

/// Turns an experiment list into image-set jobs, and names the experiments that cannot be
/// processed at all (no image set, no detector) with their reasons.
enum ImageSetPlan {
    /// dxtbx's `Scan.is_still`: a width below 1e-7° is no rotation.
    static let stillWidth = 1e-7

    static func make(_ list: ExperimentList) -> (jobs: [ImageSetJob], failures: [SpotFindingFailure]) {
        var failures: [SpotFindingFailure] = []
        var order: [Int] = []  // image set indices in order of first use
        var users: [Int: [Int]] = [:]
        for (i, e) in list.experiments.enumerated() {
            guard let s = e.imageset, s >= 0, s < list.imagesets.count else {
                failures.append(SpotFindingFailure(experiments: [i], reason: "experiment \(i) has no image set"))
                continue
            }
            guard e.detector.map({ $0 >= 0 && $0 < list.detectors.count }) == true else {
                failures.append(SpotFindingFailure(experiments: [i], reason: "experiment \(i) has no detector"))
                continue
            }
            if users[s] == nil { order.append(s) }
            users[s, default: []].append(i)
        }
        var jobs: [ImageSetJob] = []
        for s in order {
            let experiments = users[s]!
            let detector = list.detectors[list.experiments[experiments[0]].detector!]
            // dxtbx thresholds (raw − pedestal)/gain; we threshold raw counts, which is the same
            // only for gain 1 and pedestal 0 (every Pilatus and Eiger CBF).
            if let (p, panel) = detector.panels.enumerated().first(where: { $0.1.gain != 1 || $0.1.pedestal != 0 }) {
                failures.append(SpotFindingFailure(experiments: experiments, reason:
                    "panel \(p) has gain \(panel.gain) and pedestal \(panel.pedestal); spot finding on gain-corrected counts is not supported"))
                continue
            }
            switch list.imagesets[s] {
            case let .sequence(template):
                var owner: [Int: Int] = [:]
                var stills = true
                for i in experiments {
                    guard let scan = list.scan(of: list.experiments[i]) else {
                        failures.append(SpotFindingFailure(experiments: [i], reason: "experiment \(i) is an image sequence without a scan"))
                        continue
                    }
                    if abs(scan.oscillation.width) >= stillWidth { stills = false }
                    guard scan.imageRange.first <= scan.imageRange.last else { continue }
                    for n in scan.imageRange.first...scan.imageRange.last where owner[n] == nil { owner[n] = i }
                }
                let parsed = FilenameTemplate(template)
                let frames = owner.keys.sorted().map { n in
                    FrameJob(job: jobs.count, path: parsed?.path(forIndex: n) ?? template, imageNumber: n,
                             frame: n - 1, experiment: owner[n]!)
                }
                guard !frames.isEmpty else { continue }
                jobs.append(ImageSetJob(ordinal: jobs.count, detector: detector, threeD: !stills,
                                        experiments: experiments.filter { list.experiments[$0].scan != nil }, frames: frames))
            case let .imageSet(paths, _):
                // Without a scan the frames are the positions in the set; experiment k of the set
                // owns image k (the last experiment any images beyond). CBF files hold one image
                // each, so a set's single-file indices do not change which file is read.
                let frames = paths.enumerated().map { t, path in
                    FrameJob(job: jobs.count, path: path, imageNumber: FilenameTemplate.parse(path)?.index ?? 0,
                             frame: t, experiment: experiments[min(t, experiments.count - 1)])
                }
                guard !frames.isEmpty else { continue }
                jobs.append(ImageSetJob(ordinal: jobs.count, detector: detector, threeD: false,
                                        experiments: experiments, frames: frames))
            }
        }
        return (jobs, failures)
    }
}
