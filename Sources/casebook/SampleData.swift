import CasebookCore
import CasebookStore
import Foundation

/// The bundled sample register (`SampleData/store`), built through the real commands by
/// `SampleData/build.sh`, with its reference date. The binary carries it (the EmbedFiles plugin),
/// so a release copied alone anywhere still runs `casebook demo`; a developer can point
/// $CASEBOOK_SAMPLE_DATA at a SampleData folder instead.
enum SampleData {
    static let officer = "ofarrell"
    static let headOfService = "hbanks"
    static let storeFiles = ["casebook-store", "head", "journal.jsonl", "settings.json"]

    /// A file of the sample: from $CASEBOOK_SAMPLE_DATA when set, else as the binary carries it.
    static func file(_ name: String) -> [UInt8]? {
        if let folder = ProcessInfo.processInfo.environment["CASEBOOK_SAMPLE_DATA"], !folder.isEmpty {
            return FileManager.default.contents(atPath: folder + "/" + name).map(Array.init)
        }
        return EmbeddedFiles.files["SampleData/" + name]
    }

    /// The sample's kept letters (letters/SHA.txt): from $CASEBOOK_SAMPLE_DATA when set, else as carried.
    static func letterFiles() -> [(String, [UInt8])] {
        if let folder = ProcessInfo.processInfo.environment["CASEBOOK_SAMPLE_DATA"], !folder.isEmpty {
            let path = folder + "/store/letters"
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().compactMap { name in
                FileManager.default.contents(atPath: path + "/" + name).map { (name, Array($0)) }
            }
        }
        let prefix = "SampleData/store/letters/"
        return EmbeddedFiles.files.filter { $0.key.hasPrefix(prefix) }.map { (String($0.key.dropFirst(prefix.count)), $0.value) }
            .sorted { $0.0 < $1.0 }
    }

    static var referenceDate: Day? {
        guard let bytes = file("reference-date") else { return nil }
        return Day(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Writes the sample store to `destination` (which must not exist or be empty), readable by
    /// the owner and group only, with an empty lock file and the folders a store keeps.
    static func copy(to destination: String) throws -> String {
        let manager = FileManager.default
        if manager.fileExists(atPath: destination) {
            guard (try? manager.contentsOfDirectory(atPath: destination))?.isEmpty == true else {
                throw StoreError.alreadyExists(path: destination)
            }
            try? manager.removeItem(atPath: destination)
        }
        var contents: [(String, [UInt8])] = []
        for name in storeFiles {
            guard let bytes = file("store/" + name) else {
                throw Failure.usage("The sample register's \(name) is missing. Rebuild it with SampleData/build.sh, or set "
                    + "CASEBOOK_SAMPLE_DATA to the SampleData folder.")
            }
            contents.append((name, bytes))
        }
        contents.append(("lock", []))
        // The letters kept as sent, as the sample recorded them.
        for (name, bytes) in letterFiles() { contents.append(("letters/" + name, bytes)) }
        do {
            for folder in ["", "/snapshots", "/quarantine", "/letters"] {
                try manager.createDirectory(atPath: destination + folder, withIntermediateDirectories: folder.isEmpty,
                                            attributes: [.posixPermissions: 0o2770])
            }
            // The marker last: a store is a store only once every file is there.
            for (name, bytes) in contents.sorted(by: { $0.0 != Store.markerName && $1.0 == Store.markerName }) {
                guard manager.createFile(atPath: destination + "/" + name, contents: Data(bytes), attributes: [.posixPermissions: 0o660])
                else { throw Failure.usage("The sample register could not be written to \(destination).") }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.usage("The sample register could not be written to \(destination): \(error.localizedDescription)")
        }
        return destination
    }
}
