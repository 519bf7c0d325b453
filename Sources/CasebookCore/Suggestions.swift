/// Patterns the system may point out. A suggestion is labelled as such and is never a decision:
/// only people propose, and only a Head of Service or Director decides (3.5, 4.2).
public struct Suggestion: Equatable, Sendable {
    public enum Kind: String, Sendable, Codable { case complex, persistent }

    public let caseID: CaseID
    public let kind: Kind
    public let reason: String
    public let paragraph: String

    public var label: String { "Suggestion (not a decision): \(caseID) may be \(kind.rawValue) — \(reason)" }
}

public enum Suggestions {
    /// 3.5: "multiple" service areas, points of access and complaints/Ombudsman/FOI/SAR contacts.
    public static let complexServiceAreas = 2
    public static let complexChannels = 2
    public static let complexCountedContacts = 2
    /// A pattern that looks persistent: this many contacts on a settled matter within `persistentWindowDays`.
    public static let persistentContacts = 5
    public static let persistentWindowDays = 28

    /// 3.5: spans several service areas, uses several points of access, and has several complaints,
    /// Ombudsman enquiries, FOIs or data-protection requests.
    public static func looksComplex(_ value: Case) -> Bool {
        value.serviceAreas.count >= complexServiceAreas
            && Set(value.contacts.map(\.channel)).count >= complexChannels
            && value.contacts.filter(\.kind.countsTowardsComplex).count >= complexCountedContacts
    }

    /// 3.2 / 3.4: many contacts on one settled matter in a short time. Returns the busiest window's
    /// first day and count when it meets the threshold.
    public static func persistentPattern(_ value: Case) -> (from: Day, count: Int)? {
        guard let settled = value.settled else { return nil }
        let dates = value.contacts.map(\.date).filter { $0 > settled.on }.sorted()
        var best: (from: Day, count: Int)?
        var start = 0
        for end in dates.indices {
            while dates[start].days(until: dates[end]) >= persistentWindowDays { start += 1 }
            let count = end - start + 1
            if count >= persistentContacts, count > (best?.count ?? 0) { best = (dates[start], count) }
        }
        return best
    }

    /// Suggestions for one case, leaving out what is already proposed or in force.
    public static func suggestions(for value: Case) -> [Suggestion] {
        let considered = (value.pendingProposal?.categories ?? [])
            .union(value.isStatusInForce ? value.status!.categories : [])
        var result: [Suggestion] = []
        if !considered.contains(.complex), looksComplex(value) {
            let channels = Set(value.contacts.map(\.channel)).count
            let counted = value.contacts.filter(\.kind.countsTowardsComplex).count
            result.append(Suggestion(caseID: value.id, kind: .complex,
                                     reason: "\(value.serviceAreas.count) service areas, \(channels) channels, \(counted) "
                                        + "complaints, Ombudsman enquiries, FOI or SAR requests",
                                     paragraph: "3.5"))
        }
        if considered.isDisjoint(with: [.persistent, .unreasonable]), let pattern = persistentPattern(value) {
            result.append(Suggestion(caseID: value.id, kind: .persistent,
                                     reason: "\(pattern.count) contacts within \(persistentWindowDays) days from "
                                        + "\(pattern.from) on a matter settled on \(value.settled!.on)",
                                     paragraph: "3.2"))
        }
        return result
    }
}
