import CasebookCore
import CasebookStore
import Foundation

/// The bundled sample register (`SampleData/store`), built through the real commands by
/// `SampleData/build.sh`, with its reference date.
enum SampleData {
    static let officer = "ofarrell"
    static let headOfService = "hbanks"

    /// The SampleData folder: $CASEBOOK_SAMPLE_DATA, else beside the sources this binary was built from.
    static var folder: String {
        if let path = ProcessInfo.processInfo.environment["CASEBOOK_SAMPLE_DATA"], !path.isEmpty { return path }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("SampleData").path
    }

    /// The bundled Themes folder, beside SampleData.
    static var themesFolder: String {
        URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent("Themes").path
    }

    static var referenceDate: Day? {
        guard let text = try? String(contentsOfFile: folder + "/reference-date", encoding: .utf8) else { return nil }
        return Day(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Copies the sample store to `destination` (which must not exist or be empty), readable by
    /// the owner and group only.
    static func copy(to destination: String) throws -> String {
        let source = folder + "/store"
        let manager = FileManager.default
        guard manager.fileExists(atPath: source + "/" + Store.markerName) else {
            throw Failure.usage("The sample register is missing from \(source). Rebuild it with SampleData/build.sh, or "
                + "set CASEBOOK_SAMPLE_DATA to the SampleData folder.")
        }
        if manager.fileExists(atPath: destination) {
            guard (try? manager.contentsOfDirectory(atPath: destination))?.isEmpty == true else {
                throw StoreError.alreadyExists(path: destination)
            }
            try? manager.removeItem(atPath: destination)
        }
        do {
            try manager.copyItem(atPath: source, toPath: destination)
            try fixPermissions(destination)
        } catch {
            throw Failure.usage("The sample register could not be copied to \(destination): \(error.localizedDescription)")
        }
        return destination
    }

    /// A git checkout does not keep group-only permissions: owner and group only, as a store must be.
    static func fixPermissions(_ path: String) throws {
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: 0o770], ofItemAtPath: path)
        for name in try manager.subpathsOfDirectory(atPath: path) {
            let full = path + "/" + name
            var isDirectory: ObjCBool = false
            manager.fileExists(atPath: full, isDirectory: &isDirectory)
            try manager.setAttributes([.posixPermissions: isDirectory.boolValue ? 0o770 : 0o660], ofItemAtPath: full)
        }
    }
}
