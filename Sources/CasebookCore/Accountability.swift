/// What a person's page says about who has looked at and handed out their data (UK GDPR Art 5(2),
/// accountability): views of their register entries by whom, and subject access exports.
extension Register {
    /// One line per register entry about the person: how often it was viewed, and by whom.
    public func viewLines(for id: CustomerID) -> [String] {
        registerEntries.values.filter { $0.subject == .person(id) }.sorted { $0.id < $1.id }.map { entry in
            guard !entry.views.isEmpty else { return "\(entry.id) has not been viewed." }
            var counts: [Login: Int] = [:]
            for view in entry.views { counts[view.by, default: 0] += 1 }
            let who = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\(staff[$0.key]?.name ?? $0.key) (\($0.key)) \($0.value)" }
            return "\(entry.id) viewed \(entry.views.count) \(entry.views.count == 1 ? "time" : "times") (last \(entry.views.last!.on)): "
                + who.joined(separator: ", ")
        }
    }

    /// One line per subject access export made for the person.
    public func subjectAccessLines(for id: CustomerID) -> [String] {
        (customers[id]?.subjectAccess ?? []).map { answer in
            var line = "Subject access answered \(answer.on) by \(staff[answer.by]?.name ?? answer.by) (\(answer.by))"
            if !answer.withheld.isEmpty {
                line += "; withheld: " + answer.withheld.map { "\($0.what) under \($0.exemption)" }.joined(separator: "; ")
            }
            if answer.thirdPartiesRedacted > 0 { line += "; \(answer.thirdPartiesRedacted) third-party mentions redacted" }
            return line
        }
    }
}
