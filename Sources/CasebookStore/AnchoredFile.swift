import Foundation

/// A file derived from the journal (a snapshot, the search index): one JSON header line that
/// names the journal record the file follows, that record's hash and the body's checksum (XXH64),
/// then the body. Both are checked before the body is believed.
enum AnchoredFile {
    struct Header: Codable {
        var format: Int
        /// The journal record the body follows.
        var sequence: Int
        /// Journal offset just past record `sequence`.
        var offset: Int
        /// The hash of record `sequence`.
        var hash: String
        /// `xxh64:` and the XXH64 of the body that follows the header (or of its first `checked` bytes).
        var checksum: String
        /// How much of the body the checksum covers, when not all of it: the rest carries checks of
        /// its own, read only where it is used (the search index's rows).
        var checked: Int?
        /// The store's settings as the journal had them at record `sequence`.
        var settings: StoreSettings?
        /// The active staff's logins at record `sequence` (the search index: who may look up).
        var activeStaff: [String]?
        /// The SHA-256 of each piece of the body, in order (a snapshot: the high-water mark vouches
        /// for the header line, and the header for each piece, so that a piece read alone is
        /// checked alone).
        var pieces: [String]?
    }

    static func encode(format: Int, sequence: Int, offset: Int, hash: String, body: [UInt8], checked: Int? = nil,
                       settings: StoreSettings? = nil, activeStaff: [String]? = nil, pieces: [String]? = nil) throws -> [UInt8] {
        file(line: try headerLine(format: format, sequence: sequence, offset: offset, hash: hash, body: body, checked: checked,
                                  settings: settings, activeStaff: activeStaff, pieces: pieces), body: body)
    }

    /// The header line, then the body: one allocation of the whole file's size, the body copied into it once.
    static func file(line: [UInt8], body: [UInt8]) -> [UInt8] {
        var file: [UInt8] = []
        file.reserveCapacity(line.count + body.count)
        file += line
        file += body
        return file
    }

    /// The file's first line, its newline included, for `body`: the file is this line, then the body.
    static func headerLine(format: Int, sequence: Int, offset: Int, hash: String, body: [UInt8], checked: Int? = nil,
                           settings: StoreSettings? = nil, activeStaff: [String]? = nil, pieces: [String]? = nil) throws -> [UInt8] {
        let covered = body[..<min(body.count, checked ?? body.count)]
        let header = Header(format: format, sequence: sequence, offset: offset, hash: hash, checksum: checksum(covered), checked: checked,
                            settings: settings, activeStaff: activeStaff, pieces: pieces)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(header)) + [UInt8(ascii: "\n")]
    }

    /// Whether `file` is the header line `line`, then `body`: compared where each lies, the two never put together.
    static func holds(_ file: UnsafeRawBufferPointer, line: [UInt8], body: [UInt8]) -> Bool {
        guard file.count == line.count + body.count else { return false }
        let head = UnsafeRawBufferPointer(rebasing: file[..<line.count]), rest = UnsafeRawBufferPointer(rebasing: file[line.count...])
        return line.withUnsafeBytes { $0.holdsTheSameBytes(as: head) } && body.withUnsafeBytes { $0.holdsTheSameBytes(as: rest) }
    }

    /// The header line alone (enough to know what a file follows), if it is readable and of `format`.
    static func header(_ start: some Collection<UInt8>, format: Int) -> Header? {
        guard let newline = start.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONDecoder().decode(Header.self, from: Data(start[..<newline])),
              header.format == format else { return nil }
        return header
    }

    /// The header line of the open file `fd`, read on until its newline (a header listing the
    /// SHA-256 of many pieces runs past a page), if it is readable and of `format`.
    static func header(fs: any FileSystem, fd: Int32, path: String, format: Int) -> Header? {
        var start: [UInt8] = []
        while start.count < 16 << 20 {
            guard let more = try? fs.read(fd, count: max(4096, start.count), at: start.count, path: path), !more.isEmpty else { return nil }
            start += more
            if more.contains(UInt8(ascii: "\n")) { return header(start, format: format) }
        }
        return nil
    }

    /// The header and where the body starts, once the body is checked against its checksum; else
    /// why the file cannot be trusted. The body is checked where it lies, not copied.
    static func open(_ bytes: [UInt8], format: Int) -> Result<(Header, body: Int), Problem> {
        bytes.withUnsafeBytes { open($0, format: format) }
    }

    static func open(_ bytes: UnsafeRawBufferPointer, format: Int) -> Result<(Header, body: Int), Problem> {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return .failure(Problem("no header")) }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[..<newline])) else {
            return .failure(Problem("unreadable header"))
        }
        guard header.format == format else {
            return .failure(Problem("format \(header.format), where this version of Casebook reads format \(format)"))
        }
        let body = UnsafeRawBufferPointer(rebasing: bytes[(newline + 1)...])
        let covered = header.checked ?? body.count
        guard covered >= 0, covered <= body.count, checksum(UnsafeRawBufferPointer(rebasing: body[..<covered])) == header.checksum else {
            return .failure(Problem("checksum does not match"))
        }
        return .success((header, newline + 1))
    }

    /// The SHA-256 of the header line, newline included: what the high-water mark records for a
    /// derived file, whose header carries the SHA-256 of each part of its body (`Header.pieces`);
    /// nil without a line.
    static func headerDigest(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        return HighWaterMark.sha256(UnsafeRawBufferPointer(rebasing: bytes[...newline]))
    }

    static func checksum(_ body: ArraySlice<UInt8>) -> String { body.withUnsafeBytes { checksum($0) } }

    static func checksum(_ body: UnsafeRawBufferPointer) -> String { "xxh64:" + XXH64.hex(body) }

    struct Problem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
