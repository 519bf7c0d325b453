extension Registry {
    /// The README's table of the keys that record something, screen by screen, made from the
    /// actions themselves so that it cannot drift from them (a test compares the README with it).
    public static var keyTable: String {
        var lines = ["| where | keys |", "|---|---|"]
        for (place, actions) in actionSections {
            let keys = actions.map { action in
                let summary = action.summary.first.map { String($0).lowercased() + action.summary.dropFirst() } ?? ""
                return action.keys.isEmpty ? "`:` \(action.name) — \(summary)" : "`\(action.keyLabel)` \(summary)"
            }
            lines.append("| \(place) | \(keys.joined(separator: "; ")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
