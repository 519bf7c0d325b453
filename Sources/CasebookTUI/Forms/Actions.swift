import CasebookCore

/// The actions that open a form, each reached from the screen where one would look for it. An
/// action the acting user may not take is listed disabled with the reason, never hidden.
extension Registry {
    static func onCases(_ model: AppModel) -> Bool { browsing(model) && model.tab == .cases }
    /// On a case: selected on Cases, or a queue row about it (its own keys work there too).
    static func onCase(_ model: AppModel) -> Bool {
        browsing(model) && (model.tab == .cases || model.tab == .queues) && model.selectedCase != nil
    }
    static func onEntry(_ model: AppModel) -> Bool {
        browsing(model) && (model.tab == .register || model.tab == .queues) && model.selectedEntry != nil
    }
    static func onConference(_ model: AppModel) -> Bool {
        browsing(model) && (model.tab == .conferences || model.tab == .queues) && model.selectedConference != nil
    }
    /// On People typing finds; actions on a person wait until their page is open.
    static func onPerson(_ model: AppModel) -> Bool { browsing(model) && model.tab == .people && model.detailOpen && model.selectedCustomer != nil }

    // MARK: - Why an action is not available

    /// 7.1: who may record anything at all.
    static func cannotRecord(_ model: AppModel) -> String? {
        guard let member = model.actorMember else { return "\(model.actor) is not on the staff list" }
        return member.active ? nil : "\(member.name) has left the council (7.1)"
    }

    /// The domain's own answer to "may the acting user take this step on this record now?": the
    /// refusal the command would give, in the terminal's words.
    static func domain(_ step: @escaping @Sendable (AppModel) -> Register.Action?) -> @Sendable (AppModel) -> String? {
        { model in
            first(cannotRecord(model), step(model).flatMap { model.register.refusal($0, by: model.actor) }.map(inTerminalWords))
        }
    }

    static let notAdmin = domain { _ in .manageStaff }

    /// A refusal as a reason beside an action: its first sentence, commands named by their keys.
    static func inTerminalWords(_ refusal: Refusal) -> String {
        var text = commandsAsKeys(refusal.message)
        if let end = text.range(of: ". ") { text = String(text[..<end.lowerBound]) }
        // The reason is read beside the selected record: "Case CASE-0013 has…" is "This case has…".
        for (word, this) in [("Case ", "This case "), ("Register entry ", "This entry "), ("Conference ", "This conference "),
                             ("Appeal ", "This appeal ")] where text.hasPrefix(word) {
            let rest = text.dropFirst(word.count)
            if let space = rest.firstIndex(of: " "), AnyRecordID(String(rest[..<space])) != nil {
                text = this + rest[rest.index(after: space)...]
            }
        }
        while text.hasSuffix(".") { text.removeLast() }
        return refusal.paragraph.map { "\(text) (\($0))" } ?? text
    }

    /// Each quoted command-line hint in a domain message ('casebook conference meet CONF-0001 --date D')
    /// replaced by the terminal keys that do the same.
    static func commandsAsKeys(_ message: String) -> String {
        var text = message
        var searchFrom = text.startIndex
        while let start = text.range(of: "'casebook ", range: searchFrom..<text.endIndex),
              let end = text.range(of: "'", range: start.upperBound..<text.endIndex) {
            let words = text[start.upperBound..<end.lowerBound].split(separator: " ").map(String.init)
            let keys = commandKeys.first { words.starts(with: $0.command) }?.keys ?? "casebook \(words.joined(separator: " ")) on the command line"
            text.replaceSubrange(start.lowerBound..<end.upperBound, with: keys)
            searchFrom = text.index(start.lowerBound, offsetBy: keys.count)
        }
        return text
    }

    /// Commands named in the domain's messages, and the terminal keys that do the same.
    static let commandKeys: [(command: [String], keys: String)] = [
        (["conference", "meet"], "M on the conference"), (["conference", "call"], "C on the case"),
        (["contact", "answered"], "I on the case"), (["check"], "the check form (e on the case)"),
        (["letter"], "l and m on the record"), (["customer", "update"], "E on the person's page"),
        (["register", "amend"], "E on the entry"), (["verify"], "casebook verify on the command line"),
    ]

    /// The rule that would refuse `command` as it stands (bad input aside): a probe that records
    /// nothing, so that the rule itself stays in one place, the domain.
    static func ruleRefusing(_ command: Command, _ model: AppModel) -> String? {
        guard case .failure(let refusal) = model.validate(command), refusal.kind == .rule else { return nil }
        return refusal.description
    }

    /// The first reason that applies.
    static func first(_ reasons: String?...) -> String? { reasons.compactMap { $0 }.first }

    static func action(_ keys: [Key], _ name: String, _ summary: String, hint: String? = nil,
                       when applies: @escaping @Sendable (AppModel) -> Bool,
                       disabled: @escaping @Sendable (AppModel) -> String? = cannotRecord,
                       effects: @escaping @Sendable (AppModel) -> [Effect] = { _ in [] },
                       form: @escaping @Sendable (AppModel) -> Form?) -> Binding {
        Binding(keys, name, summary, hint: hint, isAction: true, when: applies, disabled: disabled) { model, _ in
            let opened = effects(model)
            model.form = form(model)
            model.message = nil
            return opened
        }
    }

    /// 5.3: a form that shows a register entry's facts records the view, as opening it does.
    static func viewOfEntry(_ model: AppModel) -> [Effect] { model.selectedEntry.map { [.recordView($0.id)] } ?? [] }

    /// The actions, by the screen where they are found: the README's table of keys is made from it
    /// (`keyTable`, checked by a test).
    static let actionSections: [(place: String, actions: [Binding])] = [
        ("People", [
            action([.control("n")], "add customer", "Add a customer (People)",
                   when: { browsing($0) && $0.tab == .people }) { $0.addCustomerForm() },
            action([.character("c")], "open case for person", "Open a case for this person",
                   when: onPerson) { model in model.openCaseForm(for: model.selectedCustomer?.id) },
            action([.character("L")], "log contact for person", "Log a contact on one of this person's cases",
                   when: onPerson,
                   disabled: { model in
                       first(cannotRecord(model), model.selectedCustomer.map { (model.register.casesByCustomer[$0.id] ?? []).isEmpty } == true
                            ? "this person has no case yet: open one with c" : nil)
                   }) { model in model.logContactForm(nil, customer: model.selectedCustomer?.id) },
            action([.character("E")], "correct details", "Correct this person's details or adjustments (UK GDPR Art 16)",
                   when: onPerson) { model in model.selectedCustomer.map(model.updateCustomerForm) },
            action([.character("R")], "register person", "Propose a register entry for this person (5.3)",
                   when: onPerson) { model in model.addRegisterEntryForm(person: model.selectedCustomer?.id) },
        ]),
        ("Cases", [
            action([.character("n"), .control("n")], "open case", "Open a case for a customer",
                   when: onCases) { $0.openCaseForm() },
            action([.character("c")], "log contact", "Log a contact on the case (3.2, 3.4)",
                   when: onCase) { model in model.selectedCase.map { model.logContactForm($0) } },
            action([.character("f")], "confirm filed contact", "Confirm a contact filed under read-and-file (5.2.2)", when: onCase,
                   disabled: domain { $0.selectedCase.map { .confirmFiledContact($0.id) } }) { $0.selectedCase.map($0.confirmFiledForm) },
            action([.character("I")], "statutory request answered", "Record a SAR or FOI request as answered (Information Rights, 1.2)",
                   when: onCase,
                   disabled: { model in
                       let waiting = model.selectedCase.flatMap { value in value.unansweredStatutoryRequests.first.map { (value.id, $0.number) } }
                       return first(cannotRecord(model), waiting == nil ? "no SAR or FOI request on this case awaits its answer" : nil,
                                    waiting.flatMap { ruleRefusing(.answerStatutoryRequest($0.0, contact: $0.1, on: model.today, note: "-"), model) })
                   }) { $0.selectedCase.map($0.statutoryAnsweredForm) },
            action([.character("t")], "note", "Write a note on the case (dated, by you, in the timeline)", when: onCase,
                   disabled: { model in
                       first(cannotRecord(model), model.selectedCase.flatMap { ruleRefusing(.addNote($0.id, text: "-"), model) })
                   }) { $0.selectedCase.map($0.noteForm) },
            action([.character("b")], "reminder", "Set a reminder: the case comes into your queue on that day", when: onCase,
                   disabled: { model in
                       first(cannotRecord(model), model.selectedCase.flatMap { ruleRefusing(.setReminder($0.id, on: model.today, text: "-"), model) })
                   }) { $0.selectedCase.map($0.reminderForm) },
            action([.character("B")], "close reminder", "Mark one of your reminders on the case done, or cancel it", when: onCase,
                   disabled: domain { $0.selectedCase.map { .closeReminder($0.id) } }) { $0.selectedCase.map($0.closeReminderForm) },
            action([.character("w")], "assign", "Assign the case's officer work to an officer (their own queue)", when: onCase,
                   disabled: domain { $0.selectedCase.map { .assign($0.id) } }) { $0.selectedCase.map($0.assignForm) },
            action([.character("E")], "correct contact", "Correct a contact's date, summary or case (Heads of Service, administrators)",
                   when: onCase, disabled: domain { $0.selectedCase.map { .correctContact($0.id) } }) { $0.selectedCase.map($0.correctContactForm) },
            action([.character("F")], "save file", "Save one of the case's evidence files (recorded, like a view)", when: onCase,
                   disabled: { model in
                       first(cannotRecord(model), model.selectedCase?.files.isEmpty == true
                            ? "no file is attached to this case: casebook attach on the command line" : nil)
                   }) { $0.selectedCase.map($0.saveFileForm) },
            action([.character("S")], "settle matter", "Record that the decision or complaint on the matter is settled (5.2.2)", when: onCase,
                   disabled: domain { $0.selectedCase.map { .settleMatter($0.id) } }) {
                $0.selectedCase.map($0.settleForm)
            },
            action([.character("p")], "propose", "Propose a classification, with the system's suggestions (3.1–3.6)",
                   when: onCase,
                   disabled: domain { $0.selectedCase.map { .propose($0.id) } }) { $0.selectedCase.map($0.proposeForm) },
            action([.character("e")], "check", "Confirm a pre-decision check with its evidence (4.1)", when: onCase,
                   disabled: domain { $0.selectedCase.map { .confirmCheck($0.id) } }) { $0.selectedCase.map($0.checkForm) },
            action([.character("d")], "decide", "Approve or decline the proposal (4.2)", when: onCase,
                   disabled: domain { $0.selectedCase.map { .decide($0.id) } }) { $0.selectedCase.map($0.decideForm) },
            action([.character("x")], "restrict", "Add a restriction (5.2.1)", when: onCase,
                   disabled: domain { $0.selectedCase.map { .restrict($0.id) } }) { $0.selectedCase.map($0.restrictForm) },
            action([.character("X")], "end restriction", "End a restriction in force", when: onCase,
                   disabled: domain { $0.selectedCase.map { .endRestriction($0.id) } }) { $0.selectedCase.map($0.endRestrictionForm) },
            action([.character("m")], "letter sent", "Record a letter as sent, with its date (5.2.3)",
                   when: { onCase($0) || onEntry($0) }) { model in
                if let value = model.selectedCase { return model.letterSentForm(.case(value.id)) }
                return model.selectedEntry.map { model.letterSentForm(.registerEntry($0.id)) }
            },
            action([.character("N")], "notify", "Tell staff who need to know (5.2.4)", when: onCase,
                   disabled: domain { $0.selectedCase.map { .notify($0.id) } }) { $0.selectedCase.map($0.notifyForm) },
            action([.character("C")], "call conference", "Call a case conference on a complex case (5.1.1)", when: onCase,
                   disabled: domain { $0.selectedCase.map { .callConference($0.id) } }) { $0.selectedCase.map($0.callConferenceForm) },
            action([.character("A")], "lodge appeal", "Lodge the customer's appeal against the decision (6.1)",
                   when: { onCase($0) || onEntry($0) },
                   disabled: domain { $0.selectedAppealSubject.map { .lodgeAppeal($0) } }) { model in model.selectedAppealSubject.map(model.lodgeAppealForm) },
            action([.character("o")], "decide appeal", "Record the outcome of an appeal (6.2)", when: { onCase($0) || onEntry($0) },
                   disabled: { model in
                       first(cannotRecord(model), model.selectedAppeal == nil ? "there is no appeal on this record" : nil,
                             domain { $0.selectedAppeal.map { .decideAppeal($0.id) } }(model))
                   }) { model in model.selectedAppeal.map(model.decideAppealForm) },
            action([.character("O")], "ombudsman", "Record a referral to the Ombudsman (6.3)", when: { onCase($0) || onEntry($0) },
                   disabled: { model in
                       first(cannotRecord(model), model.selectedAppeal == nil ? "there is no appeal on this record" : nil,
                             domain { $0.selectedAppeal.map { .referToOmbudsman($0.id) } }(model))
                   }) { model in model.selectedAppeal.map(model.ombudsmanForm) },
            action([.character("v")], "review request", "Record the customer's request for a review (5.2.5)", when: onCase,
                   disabled: domain { $0.selectedCase.map { .requestReview($0.id) } }) { $0.selectedCase.map($0.requestReviewForm) },
            action([.character("V")], "record review", "Record a review: continue, vary or lift (5.2.5, 5.3.2)",
                   when: { onCase($0) || onEntry($0) },
                   disabled: { model in
                       // The domain's own check, probed with a plain "continue": who reviews, and whether there is anything to review.
                       first(cannotRecord(model), model.selectedAppealSubject.flatMap { subject in
                           ruleRefusing(.recordReview(subject, outcome: .continue, date: model.today, reason: "-"), model)
                       })
                   }) { model in model.selectedAppealSubject.map(model.recordReviewForm) },
        ]),
        ("Register", [
            action([.character("n"), .control("n")], "propose entry", "Propose a register entry for a person or a property (5.3)",
                   hint: "n new", when: { browsing($0) && $0.tab == .register }) { $0.addRegisterEntryForm() },
            action([.character("y")], "approve entry", "Approve the register entry (5.3)", when: onEntry,
                   disabled: domain { $0.selectedEntry.map { .approveEntry($0.id) } }, effects: viewOfEntry) { $0.selectedEntry.map($0.approveEntryForm) },
            action([.character("D")], "decline entry", "Decline the register entry", when: onEntry,
                   disabled: domain { $0.selectedEntry.map { .declineEntry($0.id) } }, effects: viewOfEntry) { $0.selectedEntry.map($0.declineEntryForm) },
            action([.character("E")], "amend entry", "Amend the entry's facts, communication or restrictions (5.3.1)", when: onEntry,
                   disabled: domain { $0.selectedEntry.map { .amendEntry($0.id) } }) {
                $0.selectedEntry.map($0.amendEntryForm)
            },
            action([.character("i")], "record sharing", "Record that the entry was shared with a partner (2.2)", when: onEntry,
                   disabled: domain { $0.selectedEntry.map { .shareEntry($0.id) } }) {
                $0.selectedEntry.map($0.discloseEntryForm)
            },
        ]),
        ("Conferences", [
            action([.character("M")], "conference met", "Record that the conference met; its summary is made then (5.1.2)",
                   when: onConference,
                   disabled: domain { $0.selectedConference.map { .conferenceMeets($0.id) } }) {
                $0.selectedConference.map($0.conferenceMeetsForm)
            },
            action([.character("n")], "conference action", "Agree an action at the conference (5.1)", when: onConference,
                   disabled: domain { $0.selectedConference.map { .agreeConferenceAction($0.id) } }) {
                $0.selectedConference.map($0.conferenceActionForm)
            },
            action([.character("D")], "action done", "Mark a conference action done", when: onConference,
                   disabled: domain { $0.selectedConference.map { .completeConferenceAction($0.id) } }) {
                $0.selectedConference.map($0.conferenceDoneForm)
            },
        ]),
        ("anywhere (`:`)", [
            action([], "add staff", "Add a member of staff (administrators)", when: browsing, disabled: notAdmin) { $0.addStaffForm() },
            action([], "change staff roles", "Change a member of staff's roles, service or Customer Services mark (administrators)",
                   when: browsing, disabled: notAdmin) { $0.updateStaffForm() },
            action([], "staff leaves", "Record that a member of staff has left (administrators)", when: browsing, disabled: notAdmin) {
                $0.staffLeavesForm()
            },
        ]),
    ]

    static let actions: [Binding] = actionSections.flatMap(\.actions)

    /// The actions that apply on this screen, for the actions menu (F2 or a).
    public static func availableActions(_ model: AppModel) -> [Binding] {
        actions.filter { $0.applies(model) }
    }
}
