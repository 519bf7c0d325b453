/// 4.1: a decision is "informed and based on facts". The evidence itself — an abusive email, a
/// letter received, a call note, a photograph of a threatening message — is kept in the store,
/// content-addressed by its SHA-256, and recorded here: what it is, how big, who attached it and when.
public struct EvidenceFile: Equatable, Sendable, Codable {
    /// The largest file the store keeps: 20 MiB, enough for a scanned letter or a photograph; a
    /// recording or a video is kept where the council keeps those, and noted here.
    public static let maximumBytes = 20 * 1024 * 1024

    public let sha256: String
    public let name: String
    public let size: Int
    /// Its media type, from the name ("application/pdf").
    public let type: String
    public let description: String
    /// The contact it came with, when it did.
    public let contact: Int?
    public let by: Login
    public let on: Day

    public init(sha256: String, name: String, size: Int, type: String, description: String, contact: Int?, by: Login, on: Day) {
        self.sha256 = sha256
        self.name = name
        self.size = size
        self.type = type
        self.description = description
        self.contact = contact
        self.by = by
        self.on = on
    }

    /// The media type a file's name suggests; "application/octet-stream" when it suggests none.
    public static func type(ofName name: String) -> String {
        let suffix = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let types = ["pdf": "application/pdf", "txt": "text/plain", "eml": "message/rfc822", "msg": "application/vnd.ms-outlook",
                     "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "heic": "image/heic",
                     "doc": "application/msword", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     "odt": "application/vnd.oasis.opendocument.text", "csv": "text/csv", "html": "text/html", "rtf": "application/rtf"]
        return name.contains(".") ? types[suffix] ?? "application/octet-stream" : "application/octet-stream"
    }

    /// "1.2 MB", "340 KB", "12 bytes".
    public var sizeText: String {
        if size >= 1_000_000 { return "\(size / 100_000 / 10).\(size / 100_000 % 10) MB" }
        if size >= 1_000 { return "\(size / 1_000) KB" }
        return "\(size) bytes"
    }

    /// One line: "call-note.pdf (340 KB, application/pdf) — Note of the call of 3 May, by ofarrell on 2026-05-03 [3f2a9c1b…]".
    public var line: String {
        "\(name) (\(sizeText), \(type))" + (contact.map { ", with contact \($0)" } ?? "")
            + " — \(description), by \(by) on \(on) [\(sha256.prefix(12))…]"
    }
}

extension Register {
    /// The record holding a kept file, and the file, by its hash (or the start of it, at least 8 characters).
    public func evidenceFile(_ hash: String) -> [(subject: Appeal.Subject, file: EvidenceFile)] {
        let prefix = hash.lowercased()
        guard prefix.count >= 8 else { return [] }
        var found: [(Appeal.Subject, EvidenceFile)] = []
        for value in cases.values { for file in value.files where file.sha256.hasPrefix(prefix) { found.append((.case(value.id), file)) } }
        for entry in registerEntries.values {
            for file in entry.files where file.sha256.hasPrefix(prefix) { found.append((.registerEntry(entry.id), file)) }
        }
        return found.sorted { $0.0.description < $1.0.description }
    }

    func attachFile(_ subject: Appeal.Subject, sha256: String, name: String, size: Int, description: String, contact: Int?,
                    by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let files: [EvidenceFile]
        switch subject {
        case .case(let id):
            let value = try requireCaseFile(id, actor, to: "attach evidence")
            if let contact, value.contact(contact) == nil { throw noContact(contact, on: value) }
            files = value.files
        case .registerEntry(let id):
            let entry = try existingEntry(id)
            if contact != nil { throw .badInput("A register entry has no contacts: attach to the case instead.", field: .contact) }
            files = entry.files
        }
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else {
            throw .badInput("'\(sha256)' is not a SHA-256 hash.", field: .file)
        }
        let name = try required(name, .file, what: "The file's name")
        guard size > 0 else { throw .badInput("\(name) is empty: there is nothing to keep.", field: .file) }
        guard size <= EvidenceFile.maximumBytes else {
            throw .badInput("\(name) is \(size) bytes; the store keeps files of up to \(EvidenceFile.maximumBytes) bytes (20 MiB). "
                + "Keep a larger one (a recording, a video) where the council keeps those, and describe it in a note.", field: .file)
        }
        let description = try required(description, .description, what: "What the file is")
        if let same = files.first(where: { $0.sha256 == sha256.lowercased() }) {
            throw .badInput("That file is already attached to \(subject) as \(same.name), on \(same.on).", field: .file)
        }
        let event = FileAttached(subject: subject, sha256: sha256.lowercased(), name: name, size: size, type: EvidenceFile.type(ofName: name),
                                 description: description, contact: contact, on: context.today)
        return Outcome(events: [.fileAttached(event)], created: String(event.sha256.prefix(12)))
    }

    /// A kept file given back, recorded like a view (5.3), and only to those who may read the record (5.2.4).
    func retrieveFile(_ hash: String, by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let found = evidenceFile(hash)
        guard let (subject, file) = found.first else {
            throw .badInput("No file kept in the store has the hash '\(hash)': 'casebook show CASE' lists a case's files with "
                + "the start of each hash.", field: .hash)
        }
        guard Set(found.map(\.file.sha256)).count == 1 else {
            throw .badInput("'\(hash)' is the start of more than one file's hash: give more of it.", field: .hash)
        }
        if case .case(let id) = subject {
            _ = try requireCaseFile(id, actor, to: "read evidence")
        }
        return Outcome(events: [.fileRetrieved(FileRetrieved(subject: subject, sha256: file.sha256, on: context.today))],
                       created: file.sha256)
    }
}
