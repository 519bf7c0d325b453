import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The store's folder as a whole: what it must be before anything in it is read.
extension Store {
    /// The folders a store keeps inside its own.
    static let folders = ["snapshots", "quarantine", "templates", "themes", "letters"]
    /// The files a store keeps at its top.
    static let files = [markerName, "settings.json", "journal.jsonl", "lock", HighWaterMark.fileName, SearchIndex.fileName]

    /// The store's folder, resolved (the path given may reach it through links; nothing inside it
    /// is ever followed), or why it is not a store.
    static func resolve(_ path: String, fs: any FileSystem) throws(StoreError) -> String {
        let trimmed = path.withoutTrailingSlash
        guard let resolved = realpath(trimmed, nil) else {
            throw errno == EACCES ? .io("\(trimmed) cannot be reached: permission denied") : .missing(path: trimmed)
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Checks the folder and everything a store keeps in it, before anything is read:
    /// - nothing is open to "other" (the chmod that fixes it is named);
    /// - every folder inside is a folder and every file a regular file (never a link), all of the
    ///   store folder's group, which every file then opened must also have (`requireGroup`);
    /// - protected (`protection`): the folder belongs to the privileged group, has the
    ///   set-group-id bit, and the user cannot reach it without Casebook.
    static func checkFolder(_ path: String, fs: any FileSystem, protection: ProcessIdentity?) throws(StoreError) {
        guard let top = try? fs.status(path), top.isDirectory else { throw .notAStore(path: path) }
        if let protection {
            let group = ProcessIdentity.groupName(protection.privilegedGroup)
            guard top.group == protection.privilegedGroup else {
                throw .unprotected(path: path, why: "it belongs to \(ProcessIdentity.groupName(top.group)), not to \(group)",
                                   fix: "chgrp -R \(group) '\(path)'")
            }
            guard top.mode & UInt32(S_ISGID) != 0 else {
                throw .unprotected(path: path, why: "its folder lacks the set-group-id bit, so files made in it could lose "
                    + "the group", fix: "chmod g+s '\(path)'")
            }
            guard !protection.userCanReach(path) else {
                throw .unprotected(path: path, why: "you can reach it without Casebook, so its files are not protected",
                                   fix: "keep it inside a folder only \(group) can enter: install -d -o root -g \(group) "
                                   + "-m 2770 '\(path.directoryPart)'")
            }
        }
        fs.requireGroup(top.group)
        var names = [path]
        for file in files { names.append(path + "/" + file) }
        for folder in folders {
            let full = path + "/" + folder
            guard let status = try? fs.status(full) else { continue }
            guard status.isDirectory else {
                throw .foreign(FileError("open", full, EINVAL, detail: "is not a folder (it may be a symbolic link): "
                    + "Casebook never follows links inside a store. Move it away and make the folder again"))
            }
            names.append(full)
            for name in (try? fs.list(full)) ?? [] { names.append(full + "/" + name) }
        }
        for name in names {
            guard let status = try? fs.status(name) else { continue }
            if name != path, !status.isDirectory, !status.isRegular {
                throw .foreign(FileError("open", name, EINVAL, detail: "is a symbolic link or a special file where the "
                    + "store keeps a file: Casebook never follows links inside a store. Remove it and put the store's own "
                    + "file back (from a backup if need be)"))
            }
            if status.mode & 0o007 != 0 {
                throw .permissions(path: name, fix: "chmod -R o-rwx '\(path)'")
            }
            if status.group != top.group {
                throw .foreign(FileError("open", name, EPERM, detail: "belongs to \(ProcessIdentity.groupName(status.group)), "
                    + "not to the store's group \(ProcessIdentity.groupName(top.group)): a store's files are its group's "
                    + "alone. If it is the store's own file, give it back with: chgrp -R "
                    + "\(ProcessIdentity.groupName(top.group)) '\(path)'"))
            }
        }
    }
}

extension Store {
    /// The formats this build reads and writes, for `casebook --version` and the README's upgrade notes.
    public static var formats: String {
        "store format 2, journal line format \(JournalLine.formatVersion), snapshot format \(Snapshot.format), "
            + "search index format \(SearchIndex.format)"
    }
}
