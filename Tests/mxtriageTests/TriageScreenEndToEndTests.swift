import Foundation
import MXTestSupport
import XCTest

/// The real `mxtriage` binary on a real terminal: `mxtriage ui` runs in a detached tmux pane
/// (140×45, TERM=xterm-256color) over a small simulated data set, and the tests press keys
/// with `send-keys` and read the screen with `capture-pane`, as a user would. They check the
/// screen, the session log, the exit status, stderr and that the terminal is left in cooked
/// mode. Skipped, with a message, when tmux is not installed (CI installs it).
///
/// The pane runs `bash run.sh`; the script runs mxtriage with stderr to `stderr.txt`, then
/// writes `exit.txt` (`EXIT=<status>`), `stty.txt` (`stty -a` of the pane's terminal after
/// mxtriage left it) and prints `SHELL-BACK`, then sleeps so the pane can still be read.
///
/// They run the `mxtriage` built beside the test bundle (``CommandRunner/mxtriage``), or the
/// binary named by `MXTRIAGE_E2E_BINARY` (e.g. a release build).
final class TriageScreenEndToEndTests: XCTestCase {
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["MXTRIAGE_E2E_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return CommandRunner.mxtriage
    }

    // MARK: - shared data set

    /// Six small sweeps (seed 1), 12 images each on the small detector: three of the main
    /// population (xtal1, xtal2, xtal5), the long-c one (xtal4), the planted outlier (xtal3,
    /// sequence 03) and the almost blank one (xta6, sequence 00, which fails at spot finding).
    /// Five reach an MTZ; the whole set is processed in about 6 s in a debug build.
    nonisolated(unsafe) private static var sharedImages: URL?
    nonisolated(unsafe) private static var sharedRoot: URL?

    static let outlierTemplate = "xtal3_1_####.cbf"
    static let blankTemplate = "xta6_1_####.cbf"

    override class func tearDown() {
        if let root = sharedRoot { try? FileManager.default.removeItem(at: root) }
        sharedRoot = nil
        sharedImages = nil
        super.tearDown()
    }

    /// Simulates the data set once per class run.
    private func images() throws -> URL {
        if let images = Self.sharedImages { return images }
        let root = try CommandRunner.temporaryDirectory("e2e-images")
        Self.sharedRoot = root
        let images = root.appendingPathComponent("images")
        let sim = try CommandRunner.run(Self.binary, ["simulate", "--preset", "teha", "--sweeps", "6", "--seed", "1",
                                              "--detector", "small", "--max-images", "12", "--output", images.path])
        XCTAssertEqual(sim.status, 0, sim.stderr)
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: images.appendingPathComponent("truth.json"))) as! [String: Any]
        let sweeps = truth["sweeps"] as! [[String: Any]]
        XCTAssertEqual(sweeps.count, 6)
        XCTAssertGreaterThanOrEqual(sweeps.filter { $0["group"] as? String != "blank" }.count, 3, "at least three sweeps with a lattice")
        XCTAssertEqual(sweeps.first { $0["template"] as? String == Self.outlierTemplate }?["group"] as? String, "outlier")
        XCTAssertEqual(sweeps.first { $0["template"] as? String == Self.blankTemplate }?["group"] as? String, "blank")
        Self.sharedImages = images
        return images
    }

    // MARK: - running the UI in tmux

    /// One `mxtriage` run in a tmux pane, with the files its script leaves behind.
    struct Run {
        let tmux: TmuxSession
        let directory: URL
        var workdir: URL { directory.appendingPathComponent("work") }
        var log: URL { workdir.appendingPathComponent("session.jsonl") }
        var stderrFile: URL { directory.appendingPathComponent("stderr.txt") }
        var exitFile: URL { directory.appendingPathComponent("exit.txt") }
        var sttyFile: URL { directory.appendingPathComponent("stty.txt") }
    }

    /// Starts `mxtriage ARGUMENTS` in a `width`×`height` tmux pane, in a fresh directory.
    private func start(_ arguments: [String], label: String, width: Int = 140, height: Int = 45,
                       environment: [String: String] = [:]) throws -> Run {
        _ = try TmuxSession.requireTmux()
        let directory = try CommandRunner.temporaryDirectory("e2e-\(label)")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let env = (["TERM": "xterm-256color", "LANG": "C.UTF-8"].merging(environment) { $1 })
            .sorted { $0.key < $1.key }.map { TmuxSession.quote("\($0.key)=\($0.value)") }.joined(separator: " ")
        let command = ([Self.binary.path] + arguments).map(TmuxSession.quote).joined(separator: " ")
        let script = """
            env \(env) \(command) 2>stderr.txt
            echo "EXIT=$?" > exit.txt.part && mv exit.txt.part exit.txt
            stty -a > stty.txt 2>&1
            echo SHELL-BACK
            exec sleep 600

            """
        try script.write(to: directory.appendingPathComponent("run.sh"), atomically: true, encoding: .utf8)
        // bash, not sh: a Ctrl-C reaches the whole foreground process group, and bash (unlike
        // dash) keeps going when the child handles SIGINT and exits normally.
        let tmux = try TmuxSession(command: "bash run.sh", width: width, height: height, directory: directory)
        addTeardownBlock { tmux.close() }
        return Run(tmux: tmux, directory: directory)
    }

    private func startUI(images: URL, label: String, width: Int = 140, height: Int = 45) throws -> Run {
        try start(["ui", images.path, "--workdir", "work", "--space-group", "H 3", "--nproc", "2"],
                  label: label, width: width, height: height)
    }

    // MARK: - reading the screen

    /// The title bar says the individual processing is over: "individual N ✓ M ✗ · joint …"
    /// loses its "K running" part once the engine reports the end (Frame.progressSpans).
    static func individualFinished(_ screen: String) -> Bool {
        guard let title = lines(screen).first else { return false }
        return title.contains(" individual ") && !title.contains(" running")
    }

    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The sequence-list row showing `template`.
    static func row(_ template: String, in screen: String) -> String? {
        lines(screen).first { $0.contains(template) }
    }

    /// The selected row (marked ▶).
    static func selectedRow(_ screen: String) -> String? {
        lines(screen).dropFirst(2).first { $0.hasPrefix("│▶") }
    }

    /// The first title-bar-to-key-bar frame is complete: top corners and bottom corners.
    static func isFramed(_ screen: String, width: Int) -> Bool {
        let rows = lines(screen).filter { !$0.isEmpty }
        guard let top = rows.first, let bottom = rows.last else { return false }
        return top.hasPrefix("┌") && top.hasSuffix("┐") && top.count == width
            && bottom.hasPrefix("└") && bottom.hasSuffix("┘") && bottom.count == width
    }

    // MARK: - checking what the run left

    /// Waits for the pane's script to finish and returns mxtriage's exit status and stderr.
    private func finish(_ run: Run, file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int?, stderr: String) {
        let exit = run.tmux.waitForFile(run.exitFile, timeout: 120, file: file, line: line) ?? ""
        let status = Int(exit.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "EXIT=", with: ""))
        let stderr = (try? String(contentsOf: run.stderrFile, encoding: .utf8)) ?? ""
        return (status, stderr)
    }

    /// The terminal is back in cooked mode (the shell's `stty -a` after mxtriage exited) and the
    /// alternate screen is gone (the shell's own output is on the pane).
    private func assertTerminalRestored(_ run: Run, file: StaticString = #filePath, line: UInt = #line) {
        guard let stty = run.tmux.waitForFile(run.sttyFile, timeout: 30, file: file, line: line) else { return }
        let flags = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            XCTAssertTrue(flags.contains(flag), "terminal left with -\(flag): \(stty)", file: file, line: line)
        }
        let screen = run.tmux.waitFor("the shell's output after mxtriage exited", timeout: 30, file: file, line: line) {
            $0.contains("SHELL-BACK")
        } ?? ""
        XCTAssertFalse(screen.contains("┌"), "the UI's frame is still on the screen after exit:\n\(screen)", file: file, line: line)
    }

    /// Every line of the session log parses as a JSON object and the first is the header.
    private func logRecords(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("\n"), "the log's last line is not complete", file: file, line: line)
        var records: [[String: Any]] = []
        for (i, lineText) in text.split(separator: "\n").enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(lineText.utf8)) as? [String: Any] else {
                XCTFail("line \(i + 1) of \(url.lastPathComponent) is not a JSON object: \(lineText.prefix(200))", file: file, line: line)
                continue
            }
            records.append(object)
        }
        XCTAssertNotNil(records.first?["header"], "the first line is not the header: \(text.prefix(200))", file: file, line: line)
        XCTAssertEqual(records.dropFirst().filter { $0["header"] != nil }.count, 0, "a second header", file: file, line: line)
        return records
    }

    /// The commands of `{"t": …, "command": {"exclude": {"sequence": 3}}}` lines.
    static func commands(_ records: [[String: Any]]) -> [[String: Any]] {
        records.compactMap { $0["command"] as? [String: Any] }
    }

    /// The events of `{"t": …, "event": {"type": "stage", …}}` lines.
    static func events(_ records: [[String: Any]]) -> [[String: Any]] {
        records.compactMap { $0["event"] as? [String: Any] }
    }

    static func events(_ records: [[String: Any]], type: String) -> [[String: Any]] {
        events(records).filter { $0["type"] as? String == type }
    }

    // MARK: - tests

    /// The whole triage on screen: processing finishes (the blank sweep fails with a reason),
    /// `x` excludes the planted outlier (row marked, command and confirmation in the log), `J`
    /// runs joint refinement, the dendrogram view shows the joint analysis without the outlier,
    /// `?` opens and closes help, and `q` quits with status 0, the log complete and the
    /// terminal restored.
    func testExcludeOutlierRunJointSeeDendrogramHelpAndQuit() throws {
        let images = try images()
        let run = try startUI(images: images, label: "triage")
        let tmux = run.tmux

        guard let done = tmux.waitFor("individual processing to finish", timeout: 180, Self.individualFinished) else { return }
        let title = Self.lines(done)[0]
        XCTAssertTrue(title.contains("6 sequences"), title)
        XCTAssertTrue(title.contains("individual 5 ✓ 1 ✗"), title)
        // The space group is named as DIALS names it: H 3, the hexagonal setting of R 3.
        XCTAssertTrue(title.contains("· H 3"), title)
        let blank = try XCTUnwrap(Self.row(Self.blankTemplate, in: done), done)
        XCTAssertTrue(blank.contains("✗"), blank)
        XCTAssertTrue(blank.contains("spots: no strong spots found"), "no reason on the failed row: \(blank)")
        for template in ["xtal1_1_####.cbf", "xtal2_1_####.cbf", Self.outlierTemplate, "xtal4_1_####.cbf", "xtal5_1_####.cbf"] {
            let row = try XCTUnwrap(Self.row(template, in: done), done)
            XCTAssertEqual(row.filter { $0 == "✓" }.count, 5, "not every stage done: \(row)")
            XCTAssertFalse(row.contains("✗"), row)
        }

        // The individual dendrogram holds all five refined cells, the outlier among them.
        tmux.send("4")
        let individualTree = tmux.waitFor("the individual dendrogram", timeout: 30) {
            $0.contains("individual cells · 5 datasets")
        } ?? ""

        // Move to the outlier and exclude it.
        tmux.send("1")
        tmux.waitFor("the sequence list", timeout: 10) { $0.contains("#  sequence") && Self.selectedRow($0) != nil }
        for _ in 0..<6 {
            if let selected = Self.selectedRow(tmux.screen()), selected.contains(Self.outlierTemplate) { break }
            tmux.send("j")
            usleep(150_000)
        }
        let selected = tmux.waitFor("the outlier selected", timeout: 10) {
            Self.selectedRow($0)?.contains(Self.outlierTemplate) == true
        }
        XCTAssertNotNil(selected)
        tmux.send("x")
        let excluded = tmux.waitFor("the outlier's row marked excluded", timeout: 20) {
            guard let row = Self.row(Self.outlierTemplate, in: $0) else { return false }
            return row.contains("×") && row.contains("excl")
        } ?? ""
        XCTAssertTrue(excluded.contains("asked to exclude sequence 03"), excluded)
        let outlierNumber = 3
        var records = try logRecords(run.log)
        XCTAssertTrue(Self.commands(records).contains { ($0["exclude"] as? [String: Any])?["sequence"] as? Int == outlierNumber },
                      "no exclude command in the log")
        XCTAssertTrue(Self.events(records, type: "exclusions").contains { $0["sequences"] as? [Int] == [outlierNumber] },
                      "no exclusions event in the log")

        // Joint refinement of the other four.
        tmux.send("J")
        guard let joint = tmux.waitFor("the joint refinement to finish", timeout: 180, {
            guard let title = Self.lines($0).first else { return false }
            return title.contains("joint run 1: 4 ✓") || title.contains("✗ failed")
        }) else { return }
        XCTAssertTrue(Self.lines(joint)[0].contains("joint run 1: 4 ✓"), Self.lines(joint)[0])

        // The dendrogram of the joint cells: four datasets, the outlier left out as excluded.
        tmux.send("4")
        tmux.send("t")
        // Waited for whole: a capture can land while curses is half-way through redrawing.
        let jointTree = tmux.waitFor("the joint dendrogram", timeout: 30) {
            $0.contains("joint cells · 4 datasets") && $0.contains("not clustered: excluded 03")
        } ?? ""
        XCTAssertTrue(jointTree.contains("not clustered: excluded 03"), jointTree)
        XCTAssertNotEqual(jointTree, individualTree)
        let treeRows = Self.lines(jointTree).filter { $0.hasPrefix("│") && $0.dropFirst().hasPrefix(" ") }
        XCTAssertFalse(treeRows.contains { $0.hasPrefix("│  03") || $0.hasPrefix("│▶ 03") }, "the excluded sequence is a leaf:\n\(jointTree)")

        // Help opens over the screen and any key closes it.
        tmux.type("?")
        let help = tmux.waitFor("the help box", timeout: 10) { $0.contains("any key closes") } ?? ""
        XCTAssertTrue(help.contains("run joint refinement of the included sequences"), help)
        tmux.send("Escape")
        tmux.waitFor("the help box to close", timeout: 10) { !$0.contains("any key closes") && $0.contains("joint cells") }

        tmux.send("q")
        let (status, stderr) = try finish(run)
        XCTAssertEqual(status, 0, stderr)
        XCTAssertTrue(stderr.split(separator: "\n").contains { $0.hasPrefix("Session log: /") && $0.hasSuffix("/work/session.jsonl") }, stderr)
        XCTAssertTrue(stderr.contains("Key-to-screen latency: key-to-screen: "), stderr)
        assertTerminalRestored(run)

        // The log is complete: the exclusion, the joint run's results and its cluster analysis.
        records = try logRecords(run.log)
        let commands = Self.commands(records)
        XCTAssertEqual(commands.count, 2, "\(commands)")
        XCTAssertNotNil(commands.last?["runJoint"], "\(commands)")
        let jointDone = Self.events(records, type: "joint").compactMap { $0["joint"] as? [String: Any] }.last
        XCTAssertEqual(jointDone?["sequences"] as? [Int], [1, 2, 4, 5], "\(String(describing: jointDone))")
        let jointClusters = Self.events(records, type: "clusters").compactMap { $0["report"] as? [String: Any] }
            .filter { $0["source"] as? String == "joint" }
        XCTAssertEqual(jointClusters.last?["sequences"] as? [Int], [1, 2, 4, 5])
        // summary.json agrees.
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: run.workdir.appendingPathComponent("summary.json"))) as? [String: Any]
        XCTAssertEqual(summary?["excluded"] as? [Int], [outlierNumber])
    }

    /// Ctrl-C while sequences are being processed: curses is in cbreak mode, so the terminal
    /// sends SIGINT; the handler flags it, the loop returns, the running stages finish, the log
    /// is closed and mxtriage exits normally with status 0 (TerminalSession returns after an
    /// interrupt like after `q`). The terminal is restored and every log line is whole JSON.
    func testCtrlCWhileProcessingExitsCleanly() throws {
        let images = try images()
        let run = try startUI(images: images, label: "ctrlc")
        guard run.tmux.waitFor("processing to be under way", timeout: 60, {
            guard let title = Self.lines($0).first else { return false }
            return title.contains("6 sequences") && title.contains(" running") && !title.contains(" 0 running")
        }) != nil else { return }
        run.tmux.send("C-c")
        let (status, stderr) = try finish(run)
        XCTAssertEqual(status, 0, "Ctrl-C should end the session like q; stderr:\n\(stderr)")
        XCTAssertTrue(stderr.contains("Session log: "), stderr)
        XCTAssertTrue(stderr.contains("Key-to-screen latency: "), stderr)
        assertTerminalRestored(run)
        let records = try logRecords(run.log)
        XCTAssertEqual(Self.events(records).first?["type"] as? String, "sequencesFound", "the log stops before the sweeps were found")
    }

    /// Resizing the window while sequences are processed: the screen is redrawn at each new
    /// size (frame corners at the new width), a too-small window says so, and the run goes on
    /// to the end and quits normally.
    func testResizeWhileProcessingRedrawsAtTheNewSize() throws {
        let images = try images()
        let run = try startUI(images: images, label: "resize")
        let tmux = run.tmux
        guard tmux.waitFor("the first frame", timeout: 60, { Self.isFramed($0, width: 140) && $0.contains("6 sequences") }) != nil
        else { return }
        tmux.resize(width: 100, height: 30)
        let small = tmux.waitFor("a frame 100 wide", timeout: 20) { Self.isFramed($0, width: 100) } ?? ""
        XCTAssertEqual(Self.lines(small).filter { !$0.isEmpty }.count, 30, small)
        tmux.resize(width: 50, height: 12)
        tmux.waitFor("the too-small notice", timeout: 20) { $0.contains("terminal too small") && $0.contains("50×12") }
        tmux.resize(width: 160, height: 50)
        let large = tmux.waitFor("a frame 160 wide", timeout: 20) { Self.isFramed($0, width: 160) } ?? ""
        XCTAssertEqual(Self.lines(large).filter { !$0.isEmpty }.count, 50, large)
        tmux.waitFor("individual processing to finish after the resizes", timeout: 180, Self.individualFinished)
        tmux.send("q")
        let (status, stderr) = try finish(run)
        XCTAssertEqual(status, 0, stderr)
        assertTerminalRestored(run)
        _ = try logRecords(run.log)
    }

    /// A sweep whose images are cut short, and the almost blank sweep: both rows end in ✗ with
    /// a reason on screen, and the good sweep still reaches its MTZ.
    func testFailingSweepsShowWhyAndTheOthersFinish() throws {
        let images = try images()
        let directory = try CommandRunner.temporaryDirectory("e2e-broken-images")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let fm = FileManager.default
        for n in 1...12 {
            let name = String(format: "%04d.cbf", n)
            try fm.copyItem(at: images.appendingPathComponent("xtal1_1_" + name), to: directory.appendingPathComponent("xtal1_1_" + name))
            try fm.copyItem(at: images.appendingPathComponent("xta6_1_" + name), to: directory.appendingPathComponent("xta6_1_" + name))
            // A copy of sweep 5 under another name whose images past the 6th lost their second half.
            var bytes = try Data(contentsOf: images.appendingPathComponent("xtal5_1_" + name))
            if n > 6 { bytes = bytes.prefix(bytes.count / 2) }
            try bytes.write(to: directory.appendingPathComponent("broken_1_" + name))
        }
        let run = try startUI(images: directory, label: "failing")
        guard let done = run.tmux.waitFor("individual processing to finish", timeout: 180, Self.individualFinished) else { return }
        let title = Self.lines(done)[0]
        XCTAssertTrue(title.contains("3 sequences"), title)
        XCTAssertTrue(title.contains("individual 1 ✓ 2 ✗"), title)
        let good = try XCTUnwrap(Self.row("xtal1_1_####.cbf", in: done), done)
        XCTAssertEqual(good.filter { $0 == "✓" }.count, 5, good)
        for template in ["broken_1_####.cbf", Self.blankTemplate] {
            let row = try XCTUnwrap(Self.row(template, in: done), done)
            XCTAssertTrue(row.contains("✗"), row)
            // The reason follows the stage columns: "stage: why".
            let reason = row.split(separator: "✗", maxSplits: 1).last.map(String.init) ?? ""
            XCTAssertTrue(reason.contains(":") && reason.trimmingCharacters(in: .whitespaces).count > 10,
                          "no failure reason on the row: \(row)")
        }
        run.tmux.send("q")
        let (status, stderr) = try finish(run)
        XCTAssertEqual(status, 0, stderr)
    }

    // MARK: - the recorded sample session

    static var sampleSession: URL { TestData.repositoryRoot.appendingPathComponent("sample-session/session.jsonl") }

    /// `mxtriage replay --check` with `env` so the cache can point at a fresh directory.
    private func replayCheck(_ log: URL) throws -> CommandRunner.Output {
        let cache = try CommandRunner.temporaryDirectory("e2e-replay-cache")
        addTeardownBlock { try? FileManager.default.removeItem(at: cache) }
        return try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                     ["XDG_CACHE_HOME=" + cache.path, Self.binary.path, "replay", log.path, "--check"])
    }

    /// The committed sample session replays identically; with an empty cache the demo images
    /// are simulated again from the header's recipe.
    func testSampleSessionReplaysIdentically() throws {
        let log = Self.sampleSession
        guard FileManager.default.fileExists(atPath: log.path) else {
            return XCTFail("sample-session/session.jsonl is missing")
        }
        let replay = try replayCheck(log)
        XCTAssertEqual(replay.status, 0, replay.stderr)
        XCTAssertTrue(replay.stdout.contains("Replay identical"), replay.stdout + replay.stderr)
    }

    /// One refined cell changed in a copy of the sample session: replay --check says where
    /// ("differs: …") and exits 1.
    func testAlteredSampleSessionFailsReplay() throws {
        let log = Self.sampleSession
        guard FileManager.default.fileExists(atPath: log.path) else {
            return XCTFail("sample-session/session.jsonl is missing")
        }
        var lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        // The last sequence summary with a cell — a final result, which replay compares
        // (intermediate summaries are not results): change its a by 0.5 Å.
        let index = try XCTUnwrap(lines.lastIndex { $0.contains("\"type\":\"sequence\"") && $0.contains("\"cell\":[") })
        var record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any])
        var event = try XCTUnwrap(record["event"] as? [String: Any])
        var summary = try XCTUnwrap(event["summary"] as? [String: Any])
        var cell = try XCTUnwrap(summary["cell"] as? [Double])
        cell[0] += 0.5
        summary["cell"] = cell
        event["summary"] = summary
        record["event"] = event
        lines[index] = String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self)
        let directory = try CommandRunner.temporaryDirectory("e2e-altered")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let altered = directory.appendingPathComponent("session.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: altered, atomically: true, encoding: .utf8)

        let replay = try replayCheck(altered)
        XCTAssertEqual(replay.status, 1, replay.stdout + replay.stderr)
        XCTAssertTrue(replay.stderr.contains("differs:"), replay.stderr)
        XCTAssertFalse(replay.stdout.contains("Replay identical"), replay.stdout)
    }
}
