import CasebookCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who this process runs as, from the kernel's credentials, never the environment.
///
/// A *protected* install (README, "Install on a shared host") is the `casebook` binary set-group-id
/// to a group no person belongs to, the way `crontab`, `at` and `plocate` work: the process's
/// effective group is then that group and its real group the user's own. Only the binary can reach
/// the store; everything the process does for the user alone (files they asked for, their editor)
/// is done with the group privilege set aside (`asUser`) or given up for good (`dropForGood`).
public struct ProcessIdentity: Sendable, Equatable {
    public let realUser: uid_t
    public let realGroup: gid_t
    /// The group the process was started with the privilege of (its saved set-group-id).
    public let privilegedGroup: gid_t

    public init(realUser: uid_t, realGroup: gid_t, privilegedGroup: gid_t) {
        self.realUser = realUser
        self.realGroup = realGroup
        self.privilegedGroup = privilegedGroup
    }

    /// The credentials this process was started with.
    public static func current() -> ProcessIdentity {
        var real: gid_t = getgid(), effective: gid_t = getegid(), saved: gid_t = getegid()
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "getresgid") {
            typealias Get = @convention(c) (UnsafeMutablePointer<gid_t>, UnsafeMutablePointer<gid_t>, UnsafeMutablePointer<gid_t>) -> Int32
            _ = unsafeBitCast(symbol, to: Get.self)(&real, &effective, &saved)
        }
        return ProcessIdentity(realUser: getuid(), realGroup: real, privilegedGroup: saved)
    }

    /// Running set-group-id: the store is reachable only through this binary.
    public var isProtected: Bool { realGroup != privilegedGroup }

    /// The name of the privileged group ("casebook"), for messages.
    public var privilegedGroupName: String { Self.groupName(privilegedGroup) }

    static func groupName(_ gid: gid_t) -> String {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name else {
            return "group \(gid)"
        }
        return String(cString: name)
    }

    /// Why the acting person cannot be known.
    public struct Unknown: Error, Equatable, Sendable, CustomStringConvertible {
        public let uid: uid_t
        public var inUserNamespace = false
        public var description: String {
            if inUserNamespace {
                return "Casebook is running inside a user namespace (as 'unshare --user' makes), where a user id need not "
                    + "be the person it names outside, so it cannot tell who you are and records nothing. Run it from your "
                    + "own login, outside the namespace."
            }
            return "Your user id (\(uid)) has no entry in the system's user database, so Casebook cannot tell who you are "
                + "and records nothing in your name. Log in with your own account, or ask the system administrator to add one."
        }
    }

    /// Whether this process sees the system's own user and group ids: not inside a user
    /// namespace, where `unshare --user --map-user=N` could make anyone appear as uid N.
    static func seesTheSystemsIDs() -> Bool {
        for name in ["/proc/self/uid_map", "/proc/self/gid_map"] {
            let fd = Glibc.open(name, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { Glibc.close(fd) }
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return false }
            let fields = String(decoding: buffer[..<count], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard fields == ["0", "0", "4294967295"] else { return false }
        }
        return true
    }

    /// The real user's login from the user database. Nothing else: not `$USER`, not `$LOGNAME`,
    /// not the effective ids; a uid with no entry, or one seen inside a user namespace, is refused.
    public func login() throws(Unknown) -> Login {
        guard Self.seesTheSystemsIDs() else { throw Unknown(uid: realUser, inUserNamespace: true) }
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(realUser, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            throw Unknown(uid: realUser)
        }
        let login = String(cString: name)
        guard !login.isEmpty else { throw Unknown(uid: realUser) }
        return login
    }

    /// Runs `body` with the group privilege set aside: files it creates belong to the user and
    /// their own group, and it can open only what the user could open without Casebook.
    public func asUser<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        guard isProtected else { return try body() }
        _ = setegid(realGroup)
        defer { _ = setegid(privilegedGroup) }
        return try body()
    }

    /// Gives the group privilege up for the rest of the process (real, effective and saved ids),
    /// for commands that never touch a protected store (the demo, a synthetic register).
    /// Returns false when it could not be done (the caller must then stop).
    @discardableResult
    public func dropForGood() -> Bool {
        guard isProtected else { return true }
        // setresgid (glibc, not in Swift's Glibc module): real, effective and saved ids at once.
        typealias Set = @convention(c) (gid_t, gid_t, gid_t) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "setresgid"),
              unsafeBitCast(symbol, to: Set.self)(realGroup, realGroup, realGroup) == 0 else { return false }
        return getegid() == realGroup && !ProcessIdentity.current().isProtected
    }

    /// Whether the real user (without the group privilege) can reach `path`: a protected store
    /// must be unreachable except through this binary. access(2) checks with the real ids.
    public func userCanReach(_ path: String) -> Bool {
        realUser == 0 || access(path, F_OK) == 0
    }

    /// The environment variables read by libraries in this process that could make a privileged
    /// process read or run what the user names: removed at start-up when protected (glibc already
    /// drops LD_*, TMPDIR, LOCPATH and their like for set-group-id programs; the Swift runtime
    /// turns its crash backtracer off for them).
    public static let untrustedEnvironment = [
        "TERMINFO", "TERMINFO_DIRS", "TERMCAP",  // ncurses: terminal descriptions from the user's files
        "CASEBOOK_SAMPLE_DATA", "CASEBOOK_THEMES",  // folders Casebook would read
        "CFFIXED_USER_HOME", "__CF_USER_TEXT_ENCODING",  // Foundation
    ]

    /// Makes the environment safe for a privileged process: removes `untrustedEnvironment`, and a
    /// `TZ` that names a file rather than a zone.
    public func neutraliseEnvironment() {
        guard isProtected else { return }
        for name in Self.untrustedEnvironment { unsetenv(name) }
        if let zone = getenv("TZ").map({ String(cString: $0) }), zone.hasPrefix("/") || zone.hasPrefix(":") || zone.contains("..") {
            unsetenv("TZ")
        }
    }
}
