import CasebookCore
#if canImport(Glibc)
import Glibc
#endif

/// A file the store derives from the journal (a snapshot, the search index), read without opening
/// the store, with the journal written after it: what `find` and `show` answer from alone.
struct VouchedFile {
    let contents: FileContents
    let header: AnchoredFile.Header
    /// Where the file's body begins.
    let body: Int
    /// The journal's records after the one the file follows, each whole and chained.
    let tail: [JournalScan.Good]
}

extension Store {
    /// The derived file `name` (a path inside the store), believed only when the SHA-256 of its
    /// header line (which vouches for each part of the body, checked where it is read) is the one
    /// the high-water mark recorded, it follows a record of this journal, the journal holds at least
    /// what the mark says was saved, and the journal after it is short, whole and undamaged; nil
    /// otherwise (the caller then opens the store). `name` may be chosen from the mark's record.
    /// Never changes anything.
    static func vouchedFile(at path: String, format: Int, fs: any FileSystem, protection: ProcessIdentity?,
                            name: (HighWaterMark) -> String?) -> VouchedFile? {
        guard let path = try? resolve(path, fs: fs), (try? checkFolder(path, fs: fs, protection: protection)) != nil,
              case .mark(let mark) = HighWaterMark.read(in: path, fs: fs), let name = name(mark), let recorded = mark.derived[name],
              let contents = try? fs.contents(path + "/" + name),
              let digest = contents.withUnsafeBytes({ AnchoredFile.headerDigest($0) }), digest == recorded,
              case .success(let (header, body)) = contents.withUnsafeBytes({ AnchoredFile.open($0, format: format) }),
              let journal = try? fs.open(path + "/journal.jsonl", flags: O_RDONLY | O_CLOEXEC, mode: 0) else { return nil }
        defer { fs.close(journal) }
        let journalPath = path + "/journal.jsonl"
        guard recordHash(fs: fs, fd: journal, path: journalPath, endingAt: header.offset) == header.hash,
              let size = try? fs.status(fd: journal, path: journalPath).size, size >= header.offset, size >= mark.offset,
              size - header.offset <= maximumTail,
              recordHash(fs: fs, fd: journal, path: journalPath, endingAt: mark.offset) == mark.hash,
              let bytes = try? fs.read(journal, count: size - header.offset, at: header.offset, path: journalPath)
        else { return nil }
        let scan = JournalScan.scan(bytes, base: header.offset, sequence: header.sequence + 1, previous: RecordHash(header.hash))
        guard scan.damage == nil, scan.tail == nil, (scan.lines.last?.line.sequence ?? header.sequence) >= mark.sequence else { return nil }
        return VouchedFile(contents: contents, header: header, body: body, tail: scan.lines)
    }
}
