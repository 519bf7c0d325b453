import CasebookCore

/// Evidence files (4.1): kept in the store's `files/` folder under their SHA-256, written like a
/// snapshot (temporary file, fsync, rename, folder fsync) before the journal records them, so a
/// crash at any step leaves either nothing recorded or a recorded file that is there in full.
extension Store {
    var filesPath: String { path + "/files" }

    /// Keeps `bytes` as the evidence file `name` on `subject` and records it. Nothing is recorded
    /// when the file cannot be kept; a file kept but not recorded (refused, or a crash) is harmless
    /// and is removed by the next erasure's tidy-up or left for `verify` to list.
    @discardableResult
    public func attachFile(_ bytes: [UInt8], name: String, to subject: Appeal.Subject, description: String, contact: Int?,
                           actor: Login, today: Day) throws(StoreError) -> Outcome {
        let hash = JournalLine.sha256Hex(bytes)
        let command = Command.attachFile(subject, sha256: hash, name: name, size: bytes.count, description: description, contact: contact)
        // Checked before anything is written, and again when recorded.
        if case .failure(let refusal) = register.execute(command, in: settings.context(actor: actor, today: today)) {
            throw .refused(refusal)
        }
        try keepFile(bytes, hash: hash)
        return try execute(command, actor: actor, today: today)
    }

    func keepFile(_ bytes: [UInt8], hash: String) throws(StoreError) {
        guard readOnlyReason == nil, journalWritable else { throw .readOnly(readOnlyReason ?? "the journal cannot be written") }
        let file = filesPath + "/" + hash
        if fs.exists(file), keptFile(hash) != nil { return }
        do throws(FileError) {
            if !fs.exists(filesPath) {
                try fs.makeDirectory(filesPath, mode: 0o2770)
                try fs.syncDirectory(path)
            }
            try fs.writeAtomically(bytes, to: file)
        } catch {
            throw .notSaved("the file could not be kept in the store: \(error); nothing was recorded")
        }
    }

    /// A kept file's bytes, checked against its hash; nil when it is missing or does not match.
    public func keptFile(_ hash: String) -> [UInt8]? {
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit), let bytes = try? fs.readAll(filesPath + "/" + hash),
              JournalLine.sha256Hex(bytes) == hash else { return nil }
        return bytes
    }

    /// Gives a kept file back, recording that `actor` took it (like a view), to those who may read
    /// the record; refused, with nothing recorded, when the kept bytes do not match their hash.
    public func retrieveFile(_ hash: String, actor: Login, today: Day) throws(StoreError) -> (file: EvidenceFile, bytes: [UInt8]) {
        let command = Command.retrieveFile(sha256: hash)
        let outcome: Outcome
        switch register.execute(command, in: settings.context(actor: actor, today: today)) {
        case .failure(let refusal): throw .refused(refusal)
        case .success(let value): outcome = value
        }
        let full = outcome.created ?? hash
        guard let file = register.evidenceFile(full).first?.file else { throw .refused(.badInput("No file has the hash \(hash).")) }
        guard let bytes = keptFile(full) else {
            throw .damaged("files/\(full) (\(file.name)) is missing or is not the file that was attached: restore it from a "
                + "backup. 'casebook verify' checks every kept file.")
        }
        _ = try execute(command, actor: actor, today: today)
        return (file, bytes)
    }
}
