import CasebookCore

/// Forms for decisions (4.2), restrictions (5.2), notifications (5.2.4) and case conferences (5.1).
extension AppModel {
    func decideForm(_ value: Case) -> Form {
        let id = value.id
        let officers = staffOptions { $0.has(.officer) }
        let adjustments = register.customers[value.customer]?.adjustments
        return Form("Decide proposal on \(value.id)", context: caseSummaryLines(value) + adjustmentLines(value.customer) + proposalLines(value), fields: [
            FormField(.outcome, "Decision", .choice([FieldOption("apply", "apply the policy"), FieldOption("decline", "decline the proposal")], selected: 0),
                      required: true),
            FormField(.consulted, "Officer consulted", .pick(Picker(options: officers, picked: value.currentProposal?.proposedBy)),
                      required: true, note: "4.2: decided in consultation with the Customer Feedback Team."),
            Self.dateField(.date, "Decision date", today: today),
            FormField(.reason, "Reasons", .multiline(TextInput()), required: true,
                      note: "They go into the letter to the customer (5.2.3)."),
            FormField(.adjustmentsConsidered, "How the adjustments were considered", .multiline(TextInput()), required: true,
                      note: "Equality Act 2010 s20: the customer has reasonable adjustments on record.", shownWhen: { _ in adjustments != nil }),
        ], irreversible: true) { form throws(FormProblem) in
            .decide(id, outcome: Decision.Outcome(rawValue: try form.choice(.outcome))!, consulted: try form.choice(.consulted),
                    date: try form.day(.date), reason: form.text(.reason), adjustmentsConsidered: form.optionalText(.adjustmentsConsidered))
        }
    }

    func restrictForm(_ value: Case) -> Form {
        let active = value.activeRestrictions
        var context = [caseHeading(value),
                       Line("Highest tier in force: \(value.highestActiveTier == 0 ? "none" : "tier \(value.highestActiveTier)"). "
                           + "5.2.1: restrictions are tiered; skipping a tier needs a reason.")]
        for restriction in active { context.append(Line("  In force: tier \(restriction.tier) \(restriction.type.rawValue) from \(restriction.from)", .restriction)) }
        if value.serviceAreas.contains(where: \.isStatutory) {
            context.append(Line("Statutory services on this case: "
                + value.serviceAreas.filter(\.isStatutory).map(\.name).joined(separator: ", "), .restriction))
        }
        let types = RestrictionType.allCases.map { FieldOption($0.rawValue, "tier \($0.tier) · \($0.rawValue) — \($0.meaning)") }
        let id = value.id, areas = value.serviceAreas
        let skips: @Sendable (Form) -> Bool = { form in
            guard case .choice(let options, let selected) = form.field(.type).value,
                  let type = RestrictionType(rawValue: options[selected].value) else { return false }
            return value.skipsTier(type)
        }
        let statutory: @Sendable (Form) -> Bool = { form in
            guard case .choice(let options, let selected) = form.field(.type).value,
                  let type = RestrictionType(rawValue: options[selected].value) else { return false }
            return type.stopsStatutoryAccess(in: areas)
        }
        // After the decision letter a restriction is a decision of its own (5.2.3), with its reasons.
        let later = value.decisionLetterSent
        let adjustments = register.customers[value.customer]?.adjustments
        context += adjustmentLines(value.customer)
        if later {
            context.append(Line("The decision letter has gone: this restriction is a decision of its own, written to the "
                + "customer, who may appeal it (5.2.3, 6.1).", .restriction))
        }
        let conflicts: @Sendable (Form) -> Bool = { form in
            guard case .choice(let options, let selected) = form.field(.type).value,
                  let type = RestrictionType(rawValue: options[selected].value) else { return false }
            return Adjustments.conflict(type, details: form.text(.details), with: adjustments) != nil
        }
        return Form("Add a restriction on \(value.id)", context: context, fields: [
            FormField(.type, "Restriction", .choice(types, selected: 0), required: true, note: "←/→ steps through the tiers."),
            FormField(.details, "Details", .multiline(TextInput()), required: true,
                      note: "What it means in practice, for this issue only."),
            Self.dateField(.from, "In force from", today: today),
            FormField(.escalationReason, "Escalation reason", .multiline(TextInput()), required: true,
                      note: "5.2.1: this skips a tier; say why it fits the nature and frequency of the contacts.", shownWhen: skips),
            FormField(.statutoryBasis, "Legislative basis", .multiline(TextInput()), required: true,
                      note: "5.2.1: this stops access to a statutory service; name the law that allows it.", shownWhen: statutory),
            FormField(.reason, "Why (a decision of its own)", .multiline(TextInput()), required: true,
                      note: "5.2.3: it goes into the letter to the customer, who may appeal within 15 working days (6.1).",
                      shownWhen: { _ in later }),
            FormField(.adjustmentReason, "Why it stands despite the adjustments", .multiline(TextInput()), required: true,
                      note: "Equality Act 2010 s20: this conflicts with the customer's recorded adjustments.", shownWhen: conflicts),
        ]) { form throws(FormProblem) in
            .restrict(id, type: RestrictionType(rawValue: try form.choice(.type))!, details: form.text(.details),
                      from: try form.day(.from), escalationReason: form.optionalText(.escalationReason),
                      statutoryBasis: form.optionalText(.statutoryBasis), reason: form.optionalText(.reason),
                      adjustmentReason: form.optionalText(.adjustmentReason))
        }
    }

    func endRestrictionForm(_ value: Case) -> Form {
        let options = value.activeRestrictions.map { FieldOption(String($0.number), "\($0.number): tier \($0.tier) \($0.type.rawValue) from \($0.from)") }
        let id = value.id
        return Form("End a restriction on \(value.id)", context: [caseHeading(value)], fields: [
            FormField(.restriction, "Restriction", .choice(options, selected: 0), required: true),
            Self.dateField(.date, "Ends on", today: today),
            FormField(.reason, "Why it ends", .multiline(TextInput()), required: true,
                      note: value.decisionLetterSent ? "5.2.3: the customer is written to about it, and may appeal (6.1)." : nil),
        ], irreversible: true) { form throws(FormProblem) in
            .endRestriction(id, number: Int(try form.choice(.restriction)) ?? 0, on: try form.day(.date), reason: form.text(.reason))
        }
    }

    func notifyForm(_ value: Case) -> Form {
        let id = value.id
        let already = Set(value.notifications.flatMap(\.recipients))
        let options = staffOptions { $0.login != actor }.map { option in
            already.contains(option.value) ? FieldOption(option.value, option.label + " [already told]") : option
        }
        return Form("Tell staff who need to know about \(value.id)", context: [caseHeading(value),
            Line("5.2.4: only staff who need to know, e.g. those the customer is likely to contact.", .muted)], fields: [
            FormField(.to, "Tell", .multiChoice(options, selected: [], cursor: 0), required: true),
        ]) { form throws(FormProblem) in
            .notify(id, recipients: form.choices(.to))
        }
    }

    func callConferenceForm(_ value: Case) -> Form {
        let id = value.id
        return Form("Call a case conference on \(value.id)", context: [caseHeading(value),
            Line("5.1.1: called and chaired by the relevant Director; invite the service areas involved "
                + "(\(value.serviceAreas.map(\.name).joined(separator: ", "))).", .muted)], fields: [
            Self.dateField(.date, "Conference date", today: today, note: "The date it is held."),
            FormField(.chair, "Chair", .pick(Picker(options: staffOptions { $0.has(.director) }, picked: actor)), required: true),
            FormField(.invite, "Invite", .multiChoice(inviteeOptions(for: value), selected: [], cursor: 0), required: true,
                      note: "5.1.1: the Customer Feedback Team, Information Rights, Legal and each service concerned.",
                      advice: { [staff = register.staff] form in
                          let attending = ([(try? form.choice(.chair)) ?? ""] + form.choices(.invite)).compactMap { staff[$0] }
                          let missing = CaseConference.missingRepresentatives(for: value, attending: attending)
                          return missing.isEmpty ? nil : "Not yet represented: " + missing.joined(separator: ", ") + " (5.1.1)."
                      }),
        ], afterwards: .conferences) { form throws(FormProblem) in
            .callConference(id, date: try form.day(.date), chair: try form.choice(.chair), invitees: form.choices(.invite))
        }
    }

    func conferenceMeetsForm(_ conference: CaseConference) -> Form {
        let id = conference.id
        return Form("Record that \(conference.id) met", context: [
            Line("\(conference.id) on \(conference.caseID), called for \(conference.date), chaired by \(staffName(conference.chair))", .heading),
            Line("5.1.2: it begins by receiving a summary of the open issues and the background: Casebook makes it as of the day it met.",
                 .muted)], fields: [
            Self.dateField(.date, "Met on", today: today),
        ]) { form throws(FormProblem) in
            .conferenceMeets(id, date: try form.day(.date))
        }
    }

    /// Staff to invite, each with their role and service, those of the case's services marked.
    func inviteeOptions(for value: Case) -> [FieldOption] {
        register.staff.values.filter { $0.active && $0.login != actor }
            .sorted { ($0.serviceArea.map { value.serviceAreas.contains($0) } == true ? 0 : 1, $0.name)
                < ($1.serviceArea.map { value.serviceAreas.contains($0) } == true ? 0 : 1, $1.name) }
            .map { member in
                let concerned = member.serviceArea.map { value.serviceAreas.contains($0) } == true ? " [service concerned]" : ""
                return FieldOption(member.login, "\(member.name) (\(member.login)) — \(member.roles.sorted().map(\.title).joined(separator: ", "))"
                    + (member.serviceArea.map { ", \($0.name)" } ?? "") + concerned)
            }
    }

    func conferenceActionForm(_ conference: CaseConference) -> Form {
        let id = conference.id
        return Form("Agree an action at \(conference.id)", context: [Line("\(conference.id) on \(conference.caseID), held \(conference.date), "
            + "chaired by \(staffName(conference.chair))", .heading)], fields: [
            FormField(.owner, "Owner", .pick(Picker(options: staffOptions())), required: true),
            FormField(.due, "Due", .date(TextInput(today.adding(days: 14).description)), required: true,
                      note: "t is today; + and - move a day."),
            FormField(.text, "Action", .multiline(TextInput()), required: true),
        ]) { form throws(FormProblem) in
            .agreeConferenceAction(id, owner: try form.choice(.owner), due: try form.day(.due), text: form.text(.text))
        }
    }

    func conferenceDoneForm(_ conference: CaseConference) -> Form {
        let options = conference.openActions.map { FieldOption(String($0.number), "\($0.number): \($0.text) (\($0.owner), due \($0.due))") }
        let id = conference.id
        return Form("Mark an action done at \(conference.id)", fields: [
            FormField(.action, "Action", .choice(options, selected: 0), required: true),
            Self.dateField(.date, "Done on", today: today),
        ]) { form throws(FormProblem) in
            .completeConferenceAction(id, number: Int(try form.choice(.action)) ?? 0, date: try form.day(.date))
        }
    }
}
