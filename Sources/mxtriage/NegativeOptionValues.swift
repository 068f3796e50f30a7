/// Negative numbers given as option values, `--nproc -1`. The argument parser takes `-1` for
/// an option of its own and answers "Missing value for '--nproc'", which hides what is
/// actually wrong. Written as `--nproc=-1` the value reaches the option, so the command's own
/// check can say why it is refused ("--nproc must be at least 1").
enum NegativeOptionValues {
    /// `arguments` with every `--option -N` written as `--option=-N`; nil when there are none.
    static func attached(_ arguments: [String]) -> [String]? {
        var result: [String] = []
        var changed = false
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument.hasPrefix("--"), !argument.contains("="), argument != "--",
               i + 1 < arguments.count, isNegativeNumber(arguments[i + 1]) {
                result.append(argument + "=" + arguments[i + 1])
                changed = true
                i += 2
            } else {
                result.append(argument)
                i += 1
            }
        }
        return changed ? result : nil
    }

    static func isNegativeNumber(_ text: String) -> Bool {
        guard text.hasPrefix("-"), text.count > 1 else { return false }
        let rest = text.dropFirst().lowercased()
        return Double(rest) != nil || rest == "inf" || rest == "nan"
    }
}
