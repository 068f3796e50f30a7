import TriageEngine

/// `L`: a one-line prompt for the lattice ("oP", "mC") or space group ("P 21 21 21", "19") to
/// index every crystal in, or "auto" for the automatic choice. Enter asks the engine, which
/// indexes every crystal again from its P 1 solution; Esc closes the prompt.
extension UIReducer {
    static func openLatticePrompt(in state: inout UIState) {
        guard state.individualFinished else {
            state.say("the lattice can be changed once every crystal is processed", .refusal)
            return
        }
        state.latticePrompt = ""
    }

    static func handlePrompt(key: KeyPress, in state: inout UIState) -> [UIEffect] {
        guard let typed = state.latticePrompt else { return [] }
        switch key {
        case .character(let c):
            if typed.count < 24 { state.latticePrompt = typed + String(c) }
        case .backspace:
            state.latticePrompt = String(typed.dropLast())
        case .escape:
            state.latticePrompt = nil
        case .enter:
            state.latticePrompt = nil
            return submitLattice(typed, in: &state)
        default:
            break
        }
        return []
    }

    /// Checks the symbol here, so a typing error is answered at once, and asks the engine.
    private static func submitLattice(_ typed: String, in state: inout UIState) -> [UIEffect] {
        let symbol = typed.trimmingSpaces
        guard !symbol.isEmpty else { return [] }
        if symbol.lowercased() == "auto" {
            state.say("asked to index every crystal in the automatically chosen lattice")
            return [.engine(.chooseLattice(symbol: "auto"))]
        }
        do {
            let lattice = try SessionLattice.requested(symbol, choice: .user, summaries: state.sequences)
            state.say("asked to index every crystal in \(lattice.spaceGroup) (\(lattice.lattice.rawValue): "
                      + "\(lattice.supporting) of \(lattice.crystals) crystals support it)")
            return [.engine(.chooseLattice(symbol: symbol))]
        } catch {
            state.say("\(symbol): \(error)", .refusal)
            return []
        }
    }
}
