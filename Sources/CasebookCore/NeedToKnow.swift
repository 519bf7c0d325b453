/// Who may read what (5.2.4: status and restrictions "notified to those who need to know"; 1.3 and
/// 2.2: information about danger "made available to those who need it").
///
/// Every active member of staff may look a person or an address up and see the register entries
/// (each view recorded), the restrictions in force and how to contact them: that is what keeps
/// officers safe. A case's file (contacts, proposals, checks and their evidence, decisions'
/// reasons, letters, appeals, reviews, conferences) is read by the Customer Feedback Team, Information
/// Rights, Legal, heads of service and directors, and by the staff told of that case; anyone else
/// sees that the case exists, its status and its restrictions, and is told why not more. The
/// command line and the terminal both read cases through `visibleCase`.
public enum CaseFileAccess: Equatable, Sendable {
    case whole
    /// The case exists, its status and restrictions; not its file, for the reason given.
    case restrictionsOnly(why: String)

    public var isWhole: Bool { self == .whole }
}

extension Register {
    /// 5.2.4: the roles whose work is the cases themselves.
    public static let caseFileRoles: Set<Role> = [.officer, .informationRights, .legal, .headOfService, .director]

    /// What `login` may read of case `id`.
    public func caseFileAccess(_ id: CaseID, for login: Login) -> CaseFileAccess {
        caseFileAccess(for: login, told: cases[id]?.notifications.contains { $0.recipients.contains(login) } ?? false, of: id.description)
    }

    func caseFileAccess(for login: Login, told: Bool, of record: String) -> CaseFileAccess {
        guard let member = staff[login], member.active else {
            return .restrictionsOnly(why: "\(login) is not one of this register's active staff.")
        }
        if told || !member.roles.isDisjoint(with: Self.caseFileRoles) { return .whole }
        let roles = member.roles.sorted().map(\.title).joined(separator: ", ")
        return .restrictionsOnly(why: "Only the Customer Feedback Team, Information Rights, Legal, heads of service and "
            + "directors, and staff told of a case, read its file (5.2.4: those who need to know). \(member.name) is "
            + "\(roles) and has not been told of \(record): shown are that it exists, its status and the restrictions in "
            + "force. An officer can tell you of it with 'casebook notify CASE --to \(login)'.")
    }

    /// Case `id` as `login` may read it: whole, or only what anyone may know of it.
    public func visibleCase(_ id: CaseID, for login: Login) -> (value: Case, access: CaseFileAccess)? {
        guard let value = cases[id] else { return nil }
        let access = caseFileAccess(id, for: login)
        return access.isWhole ? (value, access) : (value.existenceAndRestrictions, access)
    }

    /// What `login` may read of a record: a customer or register entry, anyone on the staff; an
    /// appeal or a conference, whoever may read the case file it belongs to (an appeal against a
    /// register entry, whoever reads case files).
    public func access(to record: AnyRecordID, for login: Login) -> CaseFileAccess {
        switch record {
        case .case(let id): return caseFileAccess(id, for: login)
        case .appeal(let id):
            if case .case(let caseID)? = appeals[id]?.subject { return caseFileAccess(caseID, for: login) }
            return caseFileAccess(for: login, told: false, of: id.description)
        case .conference(let id):
            if let caseID = conferences[id]?.caseID { return caseFileAccess(caseID, for: login) }
            return caseFileAccess(for: login, told: false, of: id.description)
        case .customer, .registerEntry:
            return staff[login]?.active == true ? .whole : .restrictionsOnly(why: "\(login) is not one of this register's active staff.")
        }
    }
}

extension Case {
    /// What anyone on the staff may know of a case: that it exists, whose it is, its title and
    /// services, its status and its restrictions. Nothing of its file.
    public var existenceAndRestrictions: Case {
        var shown = Case(id: id, customer: customer, title: title, serviceAreas: serviceAreas, openedBy: openedBy, openedOn: openedOn)
        shown.status = status
        shown.restrictions = restrictions
        return shown
    }
}

extension LetterSubject {
    /// The record the letter is written on.
    public var record: AnyRecordID {
        switch self {
        case .case(let id): .case(id)
        case .registerEntry(let id): .registerEntry(id)
        case .appeal(let id): .appeal(id)
        }
    }
}
