import CasebookCore

/// Why the store could not do what was asked. Each has a message that says what is wrong and how
/// to put it right, and the exit status of the command-line contract.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The domain refused the command; nothing was written.
    case refused(Refusal)
    case missing(path: String)
    case notAStore(path: String)
    case alreadyExists(path: String)
    case locked(holder: String, waitedSeconds: Double)
    /// The journal is damaged before its last record, or a snapshot is: read-only.
    case damaged(String)
    case readOnly(String)
    /// A write or sync failed: the change was not saved.
    case notSaved(String)
    case io(String)
    case permissions(path: String, fix: String)
    /// A protected install met a store it cannot protect.
    case unprotected(path: String, why: String, fix: String)
    /// A link, a special file or another group's file where the store keeps one of its own.
    case foreign(FileError)
    /// Who is acting cannot be established, or they may not use the store.
    case notStaff(String)
    case badSettings(String)
    case badInput(String)

    public var exitStatus: Int32 {
        switch self {
        case .refused(let refusal): refusal.kind == .rule ? 1 : 2
        case .alreadyExists, .badInput: 2
        case .notStaff: 1
        default: 3
        }
    }

    public var description: String {
        switch self {
        case .refused(let refusal): refusal.description
        case .missing(let path):
            "There is no Casebook store at \(path). Create one with 'casebook init --store \(path)', or name the right "
                + "folder with --store or $CASEBOOK_STORE."
        case .notAStore(let path):
            "\(path) exists but is not a Casebook store (it has no 'casebook-store' marker). Name the store's folder "
                + "with --store, or choose an empty folder for 'casebook init'."
        case .alreadyExists(let path):
            "\(path) already exists and is not empty; 'casebook init' makes a new store only in a new or empty folder."
        case .locked(let holder, let waited):
            "The store is busy: \(holder) has held its lock for over \(Int(waited.rounded())) s. Try again in a moment. "
                + "If that process has stopped responding, end it; its unfinished record will be set aside safely."
        case .damaged(let what):
            "The store is damaged and has been opened read-only: \(what). Nothing was changed. Run 'casebook verify' "
                + "and restore the journal from a backup, or ask an administrator."
        case .readOnly(let why): "The store is open read-only: \(why). Nothing was changed."
        case .notSaved(let why):
            "NOT SAVED: \(why). The change was not recorded; the store is now read-only for this session. Check the "
                + "disk (space, permissions), then run the command again."
        case .io(let why): "The store could not be read: \(why)."
        case .permissions(let path, let fix):
            "\(path) can be read or written by users outside the store's group, which the register's personal data "
                + "does not allow. Fix it with: \(fix)"
        case .unprotected(let path, let why, let fix):
            "This is a protected install of Casebook, and the store at \(path) is not protected: \(why). Nothing was "
                + "read or changed. An administrator fixes it with: \(fix)"
        case .foreign(let error): "The store cannot be trusted as it is: \(error). Nothing was read or changed."
        case .notStaff(let why): why
        case .badSettings(let why): "The store's settings could not be read: \(why)"
        case .badInput(let why): why
        }
    }
}
