import ArgumentParser

/// `--nproc`: how many cores a session command uses, named as DIALS names it (and as
/// `find-spots` and `integrate` name their threads). A session uses them as that many
/// sequences processed at once. `--jobs`, the earlier name, is still accepted.
struct CoreCountOption: ParsableArguments {
    @Option(help: "Cores to use: this many sequences processed at once (default: every core).")
    var nproc: Int?

    @Option(name: .customLong("jobs"), help: .hidden)
    var jobs: Int?

    /// The count given, if any.
    var value: Int? { nproc ?? jobs }

    func validate() throws {
        if let value, value < 1 { throw ValidationError("--nproc must be at least 1 (is \(value))") }
    }
}
