extension TriageOptions {
    /// Why these option values cannot run a session, in the command line's words, or nil.
    ///
    /// One rule for both doors: `process`/`ui`/`joint` check what the user typed, and `replay`
    /// checks what a session log's header says — a header with `"jobs": 0` would otherwise
    /// start a pool with no workers and wait for it forever, and a reversed band integrate
    /// nothing.
    public static func problem(jobs: Int?, threadsPerJob: Int? = nil, dMin: Double, dMax: Double) -> String? {
        if let jobs, jobs < 1 { return "--nproc must be at least 1 (is \(jobs))" }
        if let threadsPerJob, threadsPerJob < 1 { return "threads per job must be at least 1 (is \(threadsPerJob))" }
        guard dMin.isFinite, dMax.isFinite, dMin > 0, dMax > dMin else {
            return "--d-min must be positive and below --d-max (are \(dMin) and \(dMax))"
        }
        return nil
    }

    /// `problem(jobs:threadsPerJob:dMin:dMax:)` of these options.
    public var problem: String? {
        Self.problem(jobs: jobs, threadsPerJob: threadsPerJob, dMin: dMin, dMax: dMax)
    }
}
