extension Register {
    /// UK GDPR Art 15: subject access requests are answered by Information Rights, or an administrator.
    public static func requireSubjectAccessOfficer(_ member: StaffMember?, login: Login) throws(Refusal) {
        guard let member, member.active, member.has(.informationRights) || member.has(.admin) else {
            throw .rule("1.2", "Subject access requests are answered by Information Rights (or an administrator); "
                + "\(member?.name ?? login) is neither. Pass the request to Information Rights (UK GDPR Art 15).")
        }
    }

    func answerSubjectAccess(_ id: CustomerID, withheld: [Withholding], thirdPartiesRedacted: Int, by actor: StaffMember,
                             _ context: Context) throws(Refusal) -> Outcome {
        try Self.requireSubjectAccessOfficer(actor, login: actor.login)
        guard customers[id] != nil else { throw .badInput("There is no customer \(id).", field: .customer) }
        for item in withheld where item.exemption.trimmed.isEmpty || item.what.trimmed.isEmpty {
            throw .badInput("Say what is withheld and under which exemption (for example REG-0002=\"DPA 2018 Sch 2 para 2\").",
                            field: .withhold)
        }
        guard thirdPartiesRedacted >= 0 else { throw .badInput("A count of redactions cannot be negative.") }
        let event = SubjectAccessAnswered(customer: id, on: context.today, withheld: withheld, thirdPartiesRedacted: thirdPartiesRedacted)
        return Outcome(events: [.subjectAccessAnswered(event)])
    }
}

extension Register {
    /// Accountability: the audit of views, exports, disclosures, erasures and settings changes is read
    /// by Information Rights (the DPO's team) and administrators.
    public static func requireAuditReader(_ member: StaffMember?, login: Login) throws(Refusal) {
        guard let member, member.active, member.has(.informationRights) || member.has(.admin) else {
            throw .rule("7.1", "The audit is read by Information Rights and administrators; \(member?.name ?? login) is neither.")
        }
    }
}
