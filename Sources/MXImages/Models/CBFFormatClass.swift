import Foundation

/// Which dxtbx format class reads a CBF, decided by the same header tests as the classes'
/// `understand` methods, for the classes whose models this module reproduces.
///
/// Full imgCIF files carry `_diffrn.id`/`_diffrn_source`; miniCBF files put their metadata in
/// `# Key value` lines. Beamline classes are picked by the detector serial number (and, for
/// some, the year), exactly as dxtbx picks them; what they change is the goniometer (and for
/// the DLS Pilatus 12M, the whole detector).
enum CBFFormatClass: String, Sendable {
    case fullPilatus = "FormatCBFFullPilatus"
    case fullPilatusDLS6MSN100 = "FormatCBFFullPilatusDLS6MSN100"
    case fullPilatusDLS6MSN126 = "FormatCBFFullPilatusDLS6MSN126"
    case fullPilatusDLS300KSN104 = "FormatCBFFullPilatusDLS300KSN104"
    case mini = "FormatCBFMini"
    case miniPilatus = "FormatCBFMiniPilatus"
    case miniPilatusDLS12M = "FormatCBFMiniPilatusDLS12M"
    case miniPilatusDLS6MSN100 = "FormatCBFMiniPilatusDLS6MSN100"
    case miniPilatusDLS6MSN114 = "FormatCBFMiniPilatusDLS6MSN114"
    case miniPilatusDLS6MSN119 = "FormatCBFMiniPilatusDLS6MSN119"
    case miniPilatusDLS6MSN126 = "FormatCBFMiniPilatusDLS6MSN126"
    case miniPilatusDESY6MSN115 = "FormatCBFMiniPilatusDESY6MSN115"
    case miniPilatusAPS19ID6MSN132 = "FormatCBFMiniPilatus3APS19ID6MSN132"
    case miniPilatusCHESS6MSN127 = "FormatCBFMiniPilatusCHESS_6MSN127"
    case miniPilatusSPring86MSN125 = "FormatCBFMiniPilatusSPring8_6MSN125"
    case miniPilatusXXX = "FormatCBFMiniPilatusXXX"
    case miniEiger = "FormatCBFMiniEiger"
    case miniEigerDLS16MSN160 = "FormatCBFMiniEigerDLS16MSN160"
    case miniEigerMaxIVBio = "FormatCBFMiniEigerMaxIVBio"
    case miniEigerPetraP14 = "FormatCBFMiniEigerPetraP14"

    var isFull: Bool { rawValue.hasPrefix("FormatCBFFull") }
    var isEiger: Bool { rawValue.hasPrefix("FormatCBFMiniEiger") }

    /// The class for a header, plus a warning when dxtbx would pick a beamline class whose
    /// special geometry is not reproduced (the generic class's models are used then).
    static func identify(_ header: HeaderText) throws(CBFProblem) -> (CBFFormatClass, String?) {
        let lines = header.lines, text = header.joined
        func anyLine(_ test: (String) -> Bool) -> Bool { lines.contains(where: test) }
        let convention = { (word: String) in anyLine { $0.contains("_array_data.header_convention") && $0.contains(word) } }
        let pilatusDetectorLine = anyLine { $0.contains("# Detector") && $0.contains("PILATUS") }

        if text.contains("_diffrn.id") || text.contains("_diffrn_source") {
            guard convention("PILATUS") else {
                throw CBFProblem("full imgCIF CBF without a PILATUS header convention (only Pilatus imgCIF is read)")
            }
            if anyLine({ $0.contains("# Detector") && $0.contains("PILATUS 300K") && $0.contains("S/N 3-0104, Diamond") }) {
                return (.fullPilatusDLS300KSN104, nil)
            }
            if pilatusDetectorLine && text.contains("S/N 60-0100 Diamond") { return (.fullPilatusDLS6MSN100, nil) }
            if pilatusDetectorLine && text.contains("S/N 60-0126") { return (.fullPilatusDLS6MSN126, nil) }
            return (.fullPilatus, nil)
        }

        let miniConventions = ["PILATUS", "SLS", "SSRL", "?", "XDS special", "GENERIC_MINI"]
        let isMini = anyLine { line in
            line.contains("_array_data.header_convention") && miniConventions.contains { line.contains($0) }
        } || pilatusDetectorLine
        guard isMini else {
            throw CBFProblem("not a miniCBF or imgCIF header dxtbx understands (no PILATUS/SLS header convention)")
        }
        let detectorLines = lines.filter { $0.contains("# Detector") }
        let eigerOrTimepix = detectorLines.contains { $0.uppercased().contains("EIGER") || $0.uppercased().contains("TIMEPIX") }
        if !eigerOrTimepix && (convention("PILATUS") || convention("SLS") || convention("?") || pilatusDetectorLine) {
            return pilatusClass(header, pilatusDetectorLine: pilatusDetectorLine)
        }
        let eigerLine = { (extra: String?) in
            anyLine { $0.lowercased().contains("# detector") && $0.lowercased().contains("eiger") && extra.map($0.contains) ?? true }
        }
        if eigerLine(nil) {
            if text.contains("S/N 160-0001") { return (.miniEigerDLS16MSN160, nil) }
            if anyLine({ $0.contains("Detector: Dectris Eiger 16M, S/N E-32-0105") }) { return (.miniEigerMaxIVBio, nil) }
            if eigerLine("E-32-0107") { return (.miniEigerPetraP14, nil) }
            return (.miniEiger, nil)
        }
        return (.mini, nil)
    }

    private static func pilatusClass(_ header: HeaderText, pilatusDetectorLine: Bool) -> (CBFFormatClass, String?) {
        let text = header.joined
        if anyLine(header, { $0.contains("Detector: PILATUS 6M-F, S/N 60-0115-F") }) { return (.miniPilatusDESY6MSN115, nil) }
        guard pilatusDetectorLine else { return (.miniPilatus, nil) }
        if text.contains("S/N 120-0100") { return (.miniPilatusDLS12M, nil) }
        if text.contains("S/N 60-0119") && header.year >= 2015 { return (.miniPilatusDLS6MSN119, nil) }
        if text.contains("S/N 60-0126") { return (.miniPilatusDLS6MSN126, nil) }
        if text.contains("S/N 60-0100 Diamond") { return (.miniPilatusDLS6MSN100, nil) }
        if text.contains("S/N 60-0114") && header.year >= 2017 { return (.miniPilatusDLS6MSN114, nil) }
        if text.contains("S/N 60-0132") { return (.miniPilatusAPS19ID6MSN132, nil) }
        if text.contains("S/N 60-0127") { return (.miniPilatusCHESS6MSN127, nil) }
        if text.contains("S/N 60-0125") { return (.miniPilatusSPring86MSN125, nil) }
        if text.contains("S/N XX-XXX") { return (.miniPilatusXXX, nil) }
        if anyLine(header, { $0.contains("# Detector") && $0.contains("PILATUS") && $0.contains("S/N 60-0106, Soleil") }) {
            return (.miniPilatus, "dxtbx reads this SOLEIL PX1 detector with FormatCBFMiniPilatusSOLEILPX16MSN106, whose kappa goniometer is not reproduced; a single +x axis is used")
        }
        return (.miniPilatus, nil)
    }

    private static func anyLine(_ header: HeaderText, _ test: (String) -> Bool) -> Bool {
        header.lines.contains(where: test)
    }
}

/// The CIF text before the binary section, as lines and as one string (dxtbx tests some
/// things per line and some on the whole header).
struct HeaderText {
    let lines: [String]
    let joined: String

    init(lines: [String]) {
        self.lines = lines
        joined = lines.joined(separator: "\n")
    }

    /// The year of the first line containing "# 20", as the DLS beamline classes find it
    /// (0 when there is none).
    var year: Int {
        guard let record = lines.first(where: { $0.contains("# 20") }) else { return 0 }
        let words = record.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "/", with: " ").pythonSplit
        return words.count > 1 ? Int(words[1]) ?? 0 : 0
    }
}
