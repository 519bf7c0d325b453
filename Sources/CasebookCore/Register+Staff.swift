/// The staff directory: who may do what.
extension Register {
    /// The logins of staff who have not left, sorted.
    public var activeStaffLogins: [Login] { staff.values.filter(\.active).map(\.login).sorted() }

    func initialise(name: String, _ context: Context) throws(Refusal) -> Outcome {
        guard !isInitialised else {
            throw .badInput("This register is already set up; its first administrator was recorded when it was made.")
        }
        let login = try validLogin(context.actor, field: .actor)
        let name = try required(name, .name, what: "The administrator's name")
        return Outcome(events: [.registerInitialised(RegisterInitialised(admin: login, name: name))], created: login)
    }

    func addStaff(login: Login, name: String, roles: [Role], serviceArea: String?, customerServicesHead: Bool,
                  by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let login = try validLogin(login, field: .login)
        guard staff[login] == nil else {
            throw .badInput("There is already a member of staff with the login '\(login)'.", field: .login)
        }
        let name = try required(name, .name, what: "The staff member's name")
        guard !roles.isEmpty else {
            throw .badInput("Give at least one role with --role (officer, information-rights, legal, service-manager, "
                + "head-of-service, director, admin).", field: .role)
        }
        var area: ServiceArea?
        if let text = serviceArea.nonBlank {
            guard let parsed = ServiceArea(text) else {
                throw .badInput("'\(text)' is not a service area name.", field: .service)
            }
            area = parsed
        }
        var warnings = area.flatMap { newServiceArea($0, context) }.map { [$0] } ?? []
        if customerServicesHead {
            guard roles.contains(.headOfService) else {
                throw .rule("6.1", "The Head of Service – Customer Services must have the head-of-service role; "
                    + "add --role head-of-service.", field: .customerServicesHead)
            }
            if let current = self.customerServicesHead {
                warnings.append(Warning("\(current.name) (\(current.login)) is no longer marked Head of Service – "
                    + "Customer Services; appeals and review requests now go to \(name).", paragraph: "6.1"))
            }
        }
        let event = StaffAdded(login: login, name: name, roles: Array(Set(roles)).sorted(), serviceArea: area,
                               customerServicesHead: customerServicesHead)
        return Outcome(events: [.staffAdded(event)], warnings: warnings, created: login)
    }

    func staffLeaves(login: Login, on: Day, reassignTo successor: Login?, by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let member = try namedStaff(login, field: .login)
        try businessDate(on, "leaving date", today: context.today)
        var warnings: [Warning] = []
        if member.isCustomerServicesHead {
            warnings.append(Warning("Nobody is now marked Head of Service – Customer Services: appeals and review "
                + "requests have no addressee until another is marked.", paragraph: "6.1"))
        }
        if member.has(.admin), staff.values.filter({ $0.active && $0.has(.admin) }).count == 1 {
            throw .rule("7.1", "\(member.name) is the only administrator; add another administrator first.", field: .login)
        }
        let held = holdings()[member.login] ?? Holdings()
        let handovers = try reassignments(of: held.cases, from: member, to: successor, on: on, context)
        if !held.openItems.isEmpty {
            warnings.append(Warning("\(member.name) leaves open " + held.openItems.joined(separator: ", ") + ": reminders come to the "
                + "case's assignee; a conference action needs a new owner agreed at the conference.", paragraph: "7.1"))
        }
        return Outcome(events: handovers + [.staffLeft(StaffLeft(login: member.login, on: on))], warnings: warnings)
    }

    func updateStaff(login: Login, roles: [Role]?, serviceArea: String?, customerServicesHead: Bool?,
                     by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let member = try namedStaff(login, field: .login)
        let newRoles = roles.map { Set($0) } ?? member.roles
        guard !newRoles.isEmpty else { throw .badInput("Give at least one role with --role.", field: .role) }
        var area = member.serviceArea
        if let text = serviceArea {
            if text.trimmed.isEmpty { area = nil } else {
                guard let parsed = ServiceArea(text) else { throw .badInput("'\(text)' is not a service area name.", field: .service) }
                area = parsed
            }
        }
        let head = customerServicesHead ?? member.isCustomerServicesHead
        var warnings = area.flatMap { $0 == member.serviceArea ? nil : newServiceArea($0, context) }.map { [$0] } ?? []
        if head, !newRoles.contains(.headOfService) {
            throw .rule("6.1", "The Head of Service – Customer Services must have the head-of-service role.", field: .customerServicesHead)
        }
        if head, !member.isCustomerServicesHead, let current = self.customerServicesHead {
            warnings.append(Warning("\(current.name) (\(current.login)) is no longer marked Head of Service – Customer Services; "
                + "appeals and review requests now go to \(member.name).", paragraph: "6.1"))
        }
        if member.isCustomerServicesHead, !head {
            warnings.append(Warning("Nobody is now marked Head of Service – Customer Services: appeals and review requests have "
                + "no addressee until another is marked.", paragraph: "6.1"))
        }
        if member.has(.admin), !newRoles.contains(.admin), staff.values.filter({ $0.active && $0.has(.admin) }).count == 1 {
            throw .rule("7.1", "\(member.name) is the only administrator; add another administrator first.", field: .role)
        }
        guard newRoles != member.roles || area != member.serviceArea || head != member.isCustomerServicesHead else {
            throw .badInput("\(member.name) already has those roles and that service: nothing was changed.")
        }
        return Outcome(events: [.staffUpdated(StaffUpdated(login: member.login, roles: newRoles.sorted(), serviceArea: area,
                                                           customerServicesHead: head))], warnings: warnings)
    }

    func requireAdmin(_ actor: StaffMember, to action: String) throws(Refusal) {
        guard actor.has(.admin) else {
            throw .rule("7.1", "Only an administrator may \(action); \(actor.name) (\(actor.login)) is not one.")
        }
    }

    func validLogin(_ login: Login, field: Field) throws(Refusal) -> Login {
        let allowed = login.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
        guard !login.isEmpty, login.count <= 64, allowed else {
            throw .badInput("'\(login)' is not a login: use letters, digits, '.', '_' or '-' (as the operating system does).",
                            field: field)
        }
        return login
    }
}

extension Event {
    /// Whether the event changes who is on the staff or what they may do.
    public var changesStaff: Bool {
        switch self {
        case .registerInitialised, .staffAdded, .staffLeft, .staffUpdated: true
        default: false
        }
    }
}
