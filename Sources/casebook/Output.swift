import CasebookCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Everything the command line writes for people goes through here: made visible (`VisibleText`:
/// no control character reaches a terminal raw), buffered, and checked. A write that fails (a full
/// disk, a closed pipe, a closed descriptor) is remembered; the command then ends with status 3
/// and says so where it can, rather than trapping or claiming success.
enum Output {
    /// stdout's pending bytes (written out when large and when the command ends).
    nonisolated(unsafe) private static var pending: [UInt8] = []
    /// Why stdout or stderr could not be written, if it could not.
    nonisolated(unsafe) private(set) static var failure: (stream: String, reason: String)?
    /// The descriptors that were closed when the process started (and now lead to /dev/null).
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    /// Makes sure descriptors 0, 1 and 2 are open before anything else is (so that no store file
    /// can become "stderr"), remembering which were closed: writing to one of those later is an
    /// output failure. SIGPIPE is handled as a failed write, not a sudden death.
    static func start() {
        signal(SIGPIPE, SIG_IGN)
        for fd in Int32(0)...2 where fcntl(fd, F_GETFD) < 0 {
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0, opened != fd {
                dup2(opened, fd)
                close(opened)
            }
            closedAtStart.insert(fd)
        }
    }

    /// Writes all of `bytes` to `fd`; false (with the reason kept) when it cannot.
    @discardableResult
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        let stream = fd == 1 ? "standard output" : "standard error"
        guard !closedAtStart.contains(fd) else {
            failure = failure ?? (stream, "it was closed")
            return false
        }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                failure = failure ?? (stream, String(cString: strerror(result < 0 ? errno : EIO)))
                return false
            }
            written += result
        }
        return true
    }

    /// Adds to stdout, made visible.
    static func out(_ text: String) {
        pending += Array(VisibleText.sanitised(text).utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    /// Adds JSON to stdout, every control escaped.
    static func json(_ text: String) {
        pending.append(contentsOf: VisibleText.jsonEscaped(text).utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    /// Adds JSON already escaped as `json` escapes it (`VisibleText.jsonEscaped`, on another thread, say).
    static func escapedJSON(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    /// Writes what is pending; false when it could not be.
    @discardableResult
    static func flush() -> Bool {
        defer { pending.removeAll(keepingCapacity: true) }
        guard !pending.isEmpty else { return failure == nil }
        return write(pending, to: 1)
    }

    /// A message for stderr, made visible and written at once.
    static func error(_ text: String) {
        write(Array((VisibleText.sanitised(text) + "\n").utf8), to: 2)
    }

    /// The status the command ends with: its own, unless its output could not be written.
    static func finalStatus(_ status: Int32) -> Int32 {
        flush()
        guard let failure else { return status }
        // Worth trying even so: a failed stdout is often a full disk or a closed pipe, not stderr.
        if failure.stream == "standard output" {
            error("casebook: the output could not be written to \(failure.stream) (\(failure.reason)).")
        }
        return status == 0 ? 3 : status
    }
}

/// Arguments are read as the bytes the shell passed: text that is not valid UTF-8 would otherwise
/// become U+FFFD and be stored as something nobody typed.
enum Arguments {
    /// Why an argument cannot be taken, naming the option it belongs to; nil when all can.
    static func invalidUTF8() -> String? {
        var previous: String?
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                                  count: strlen(pointer)))
            if String(validating: bytes, as: UTF8.self) == nil {
                var decoder = UTF8()
                var iterator = bytes.makeIterator()
                var offset = 0
                decoding: while true {
                    switch decoder.decode(&iterator) {
                    case .scalarValue(let scalar): offset += String(scalar).utf8.count
                    case .emptyInput, .error: break decoding
                    }
                }
                let byte = offset < bytes.count ? String(format: "0x%02X", bytes[offset]) : "the last byte"
                let which = previous.map { $0.hasPrefix("-") ? "The value of \($0)" : "Argument \(index)" } ?? "Argument \(index)"
                return "\(which) is not valid UTF-8 text (\(byte) at byte \(offset + 1)), so it cannot be stored as it was "
                    + "typed. Type it again in a UTF-8 terminal (LANG=C.UTF-8 or en_GB.UTF-8)."
            }
            previous = String(decoding: bytes, as: UTF8.self)
        }
        return nil
    }
}

/// `print` in this module: through `Output`, so that nothing reaches a terminal raw.
func print(_ text: String, terminator: String = "\n") {
    Output.out(text + terminator)
}

func printError(_ text: String) {
    Output.error(text)
}
