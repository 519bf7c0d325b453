import Foundation

/// The high-water mark (`head`): what the store has acknowledged, kept outside the journal.
///
/// Written after every append, once the record is on disk, it names the last record saved (its
/// sequence number, where it ends and its hash) and the SHA-256 of each derived file the store
/// wrote (snapshots, the search index). A journal shorter than the mark, or whose record at the
/// mark has another hash, has lost or replaced acknowledged records: that is damage, never a torn
/// tail. A derived file whose SHA-256 is not the mark's is not believed. The mark is stale, never
/// ahead, after a crash: the journal is synced before it is written (docs/threat-model.md).
public struct HighWaterMark: Codable, Equatable, Sendable {
    public static let fileName = "head"
    static let format = 1

    var format = HighWaterMark.format
    public var sequence: Int
    public var offset: Int
    public var hash: String
    /// File name (relative to the store) → SHA-256 of the whole file.
    public var derived: [String: String] = [:]

    init(sequence: Int, offset: Int, hash: String, derived: [String: String] = [:]) {
        self.sequence = sequence
        self.offset = offset
        self.hash = hash
        self.derived = derived
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }

    static func decode(_ bytes: [UInt8]) -> HighWaterMark? {
        guard let mark = try? JSONDecoder().decode(HighWaterMark.self, from: Data(bytes)), mark.format == format,
              mark.sequence >= 0, mark.offset >= 0, mark.hash.utf8.count == 64 else { return nil }
        return mark
    }

    /// What reading the mark found.
    enum Reading: Equatable {
        case absent
        case unreadable(String)
        case mark(HighWaterMark)
    }

    static func read(in path: String, fs: any FileSystem) -> Reading {
        let file = path + "/" + fileName
        let bytes: [UInt8]
        do throws(FileError) {
            bytes = try fs.readAll(file)
        } catch {
            return error.code == ENOENT ? .absent : .unreadable("\(error)")
        }
        guard let mark = decode(bytes) else { return .unreadable("\(file) is not a readable high-water mark") }
        return .mark(mark)
    }

    static func sha256(_ bytes: UnsafeRawBufferPointer) -> String { JournalLine.sha256Hex(bytes) }
}
