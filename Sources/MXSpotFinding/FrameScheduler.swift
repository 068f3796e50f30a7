import Dispatch
import Foundation
import Synchronization

/// What became of one image.
enum FrameOutcome: Sendable {
    case found([StrongPixelList])
    case failed(String)
    /// Not processed: another image of the same 3-D image set had already failed.
    case skipped
}

/// Runs the images of all image sets on a fixed number of worker threads, and finishes each
/// image set as soon as its last image is done.
///
/// Each worker takes the next image from a shared counter, reads and thresholds it with its
/// own `ThresholdWorkspace`, and files the outcome under the image's position — so at most
/// `workers` images are decoded at any moment (memory is bounded whatever the sweep length),
/// images of all sweeps keep every core busy, and the outcome does not depend on which thread
/// did what. The worker that completes an image set labels and measures its spots (`finish`)
/// and the set's strong pixels are then released, so a data set of many sweeps never holds
/// more than the sets in flight. Progress is reported in image order, as outcomes become
/// available, from whichever worker completes the gap.
final class FrameScheduler<SetResult: Sendable>: Sendable {
    private let frames: [FrameJob]
    private let threeD: [Bool]
    /// Per image set: the position of its first image in `frames`.
    private let firstFrame: [Int]
    private let progress: (@Sendable (ImageStrongPixels) -> Void)?

    /// What the workers share, under one lock.
    private struct Shared {
        var next = 0
        var outcomes: [FrameOutcome?]
        /// Per image: its strong-pixel count (nil when it failed or was skipped) once known.
        var summaries: [Int??]
        var reported = 0
        /// Per image set: its images not yet done.
        var remaining: [Int]
        var failedJobs = Set<Int>()
        var results: [SetResult?]
    }

    private let shared: Mutex<Shared>

    init(frames: [FrameJob], threeD: [Bool], progress: (@Sendable (ImageStrongPixels) -> Void)?) {
        self.frames = frames
        self.threeD = threeD
        self.progress = progress
        var remaining = Array(repeating: 0, count: threeD.count)
        var firstFrame = Array(repeating: frames.count, count: threeD.count)
        for (i, f) in frames.enumerated() {
            remaining[f.job] += 1
            firstFrame[f.job] = min(firstFrame[f.job], i)
        }
        self.firstFrame = firstFrame
        shared = Mutex(Shared(outcomes: Array(repeating: nil, count: frames.count),
                              summaries: Array(repeating: nil, count: frames.count),
                              remaining: remaining, results: Array(repeating: nil, count: threeD.count)))
    }

    /// Processes every image with `workers` threads; returns each image set's `finish` result,
    /// in image-set order. Image sets without images get nil.
    func run(workers: Int, process: @Sendable (FrameJob, ThresholdWorkspace) -> FrameOutcome,
             finish: @Sendable (Int, [FrameOutcome]) -> SetResult) -> [SetResult?] {
        let threads = max(1, min(workers, frames.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let workspace = ThresholdWorkspace()
            while let i = claim() {
                let frame = frames[i]
                let outcome: FrameOutcome = isFailed(frame.job) ? .skipped : process(frame, workspace)
                if let finished = complete(i, outcome) {
                    let result = finish(frame.job, finished)
                    shared.withLock { $0.results[frame.job] = result }
                }
            }
        }
        return shared.withLock { $0.results }
    }

    private func claim() -> Int? {
        shared.withLock { s in
            guard s.next < frames.count else { return nil }
            s.next += 1
            return s.next - 1
        }
    }

    private func isFailed(_ job: Int) -> Bool { shared.withLock { $0.failedJobs.contains(job) } }

    /// Files an outcome, reports progress (in image order, under the lock), and returns the
    /// image set's outcomes (releasing them here) when this was its last image.
    private func complete(_ i: Int, _ outcome: FrameOutcome) -> [FrameOutcome]? {
        shared.withLock { s in
            let job = frames[i].job
            s.outcomes[i] = outcome
            switch outcome {
            case let .found(lists): s.summaries[i] = .some(lists.reduce(0) { $0 + $1.count })
            case .failed, .skipped: s.summaries[i] = .some(nil)
            }
            // One bad image spoils a 3-D labelling; the rest of that image set need not be read.
            if case .failed = outcome, threeD[job] { s.failedJobs.insert(job) }
            while s.reported < s.summaries.count, let summary = s.summaries[s.reported] {
                if let count = summary, let progress {
                    let f = frames[s.reported]
                    progress(ImageStrongPixels(imageSet: f.job, experiment: f.experiment, image: f.frame + 1, strongPixels: count))
                }
                s.reported += 1
            }
            s.remaining[job] -= 1
            guard s.remaining[job] == 0 else { return nil }
            let range = firstFrame[job]..<(firstFrame[job] + frames[firstFrame[job]...].prefix { $0.job == job }.count)
            let finished = range.map { s.outcomes[$0] ?? .skipped }
            for k in range { s.outcomes[k] = nil }
            return finished
        }
    }
}
