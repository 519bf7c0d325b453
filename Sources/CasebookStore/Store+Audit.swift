import CasebookCore

/// One access to or hand-out of personal data, or a change to how the store handles it, as the
/// journal recorded it (UK GDPR Art 5(2), accountability): views of register entries, subject
/// access exports, disclosures to partners, erasures, imports and settings changes.
public struct AuditEntry: Equatable, Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case view, export, disclosure, erasure, settings
        /// Personal data brought in from an existing register (`casebook import`).
        case imported = "import"
    }

    public let sequence: Int
    /// When it was recorded (UTC).
    public let recorded: String
    public let actor: Login
    public let kind: Kind
    /// The record it concerns: REG-0001, CUST-0007; empty for settings.
    public let record: String
    /// Whose data it is, when the record belongs to a customer.
    public let customer: String?
    public let detail: String
}

extension Store {
    /// Every audit entry in the journal, oldest first. For Information Rights and administrators.
    public func auditTrail(actor: Login) throws(StoreError) -> [AuditEntry] {
        _ = try refresh()
        do throws(Refusal) {
            try Register.requireAuditReader(register.staff[actor], login: actor)
        } catch {
            throw .refused(error)
        }
        let scan = try checkedJournal(before: "the audit can be read").scan
        var entries: [AuditEntry] = []
        var settings: StoreSettings?
        func add(_ line: JournalLine, _ kind: AuditEntry.Kind, _ record: String, _ customer: CustomerID?, _ detail: String) {
            entries.append(AuditEntry(sequence: line.sequence, recorded: line.recorded, actor: line.actor, kind: kind, record: record,
                                      customer: customer?.description, detail: detail))
        }
        for good in scan.lines {
            let line = good.line
            switch line.entry {
            case .domain(.registerEntryViewed(let e)):
                add(line, .view, e.id.description, register.owner(of: .registerEntry(e.id)), "viewed register entry \(e.id) on \(e.on)")
            case .domain(.fileRetrieved(let e)):
                add(line, .view, e.subject.description, register.owner(of: e.subject),
                    "took a copy of evidence file \(e.sha256.isEmpty ? "(erased)" : String(e.sha256.prefix(12)) + "…") on \(e.subject) on \(e.on)")
            case .domain(.registerEntryDisclosed(let e)):
                add(line, .disclosure, e.id.description, register.owner(of: .registerEntry(e.id)),
                    "shared register entry \(e.id) with \(e.to) on \(e.date): \(e.reason)")
            case .domain(.subjectAccessAnswered(let e)):
                add(line, .export, e.customer.description, e.customer, "subject access export for \(e.customer) on \(e.on)"
                    + (e.withheld.isEmpty ? "" : "; withheld " + e.withheld.map { "\($0.what) under \($0.exemption)" }.joined(separator: "; "))
                    + "; \(e.thirdPartiesRedacted) third-party mentions redacted")
            case .domain(.registerImported(let e)):
                add(line, .imported, "", nil, "imported \(e.file) (\(e.rows) rows as \(e.kind.rawValue), SHA-256 \(e.sha256.prefix(12))…) on \(e.on)")
            case .store(.erasure(let e)):
                add(line, .erasure, e.customer.description, e.customer, "erased \(e.customer)'s personal data (\(e.recordsRedacted) records): \(e.reason)")
            case .store(.settings(let new)):
                add(line, .settings, "", nil, "settings changed: " + Self.settingsChanges(from: settings, to: new))
                settings = new
            default:
                break
            }
        }
        return entries
    }

    static func settingsChanges(from old: StoreSettings?, to new: StoreSettings) -> String {
        guard let old else { return "first recorded" }
        var changed: [String] = []
        if old.identity != new.identity { changed.append("identity \(old.identity.rawValue) → \(new.identity.rawValue)") }
        if old.closureDays != new.closureDays { changed.append("closure days") }
        if old.retention != new.retention { changed.append("retention periods") }
        if old.theme != new.theme { changed.append("theme") }
        if old.serviceAreas != new.serviceAreas { changed.append("service areas") }
        let council: [(String, KeyPath<CouncilDetails, String>)] = [
            ("name", \.name), ("address", \.address), ("customer services address", \.customerServicesAddress), ("email", \.email),
            ("phone", \.phone), ("privacy notice", \.privacyNotice), ("Data Protection Officer", \.dataProtectionOfficer),
            ("lawful basis", \.lawfulBasis),
        ]
        for (name, path) in council where old.council[keyPath: path] != new.council[keyPath: path] { changed.append("council \(name)") }
        return changed.isEmpty ? "nothing" : changed.joined(separator: ", ")
    }
}
