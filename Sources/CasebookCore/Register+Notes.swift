/// Notes and reminders on a case: what a case system gives a team besides the policy's steps.
extension Register {
    /// Who may write on a case's file: those who may read it (5.2.4, need to know).
    func requireCaseFile(_ id: CaseID, _ actor: StaffMember, to action: String) throws(Refusal) -> Case {
        let value = try existingCase(id)
        if case .restrictionsOnly(let why) = access(to: .case(id), for: actor.login) {
            throw .rule("5.2.4", "Only those who may read \(id)'s file may \(action) on it. \(why)")
        }
        return value
    }

    func addNote(_ id: CaseID, text: String, by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let value = try requireCaseFile(id, actor, to: "write a note")
        let text = try required(text, .text, what: "The note's text")
        return Outcome(events: [.noteAdded(NoteAdded(caseID: id, number: value.notes.count + 1, on: context.today, text: text))])
    }

    func setReminder(_ id: CaseID, on due: Day, text: String, by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let value = try requireCaseFile(id, actor, to: "set a reminder")
        let text = try required(text, .text, what: "What to check on that day")
        guard due >= context.today else {
            throw .badInput("A reminder is for a day to come: \(due) is before today (\(context.today)).", field: .on)
        }
        guard due <= context.today.adding(days: 3 * 366) else {
            throw .badInput("A reminder is for the next three years at most: \(due) is further off.", field: .on)
        }
        let number = value.reminders.count + 1
        return Outcome(events: [.reminderSet(ReminderSet(caseID: id, number: number, due: due, text: text))],
                       created: "\(id) reminder \(number)")
    }

    func closeReminder(_ id: CaseID, number: Int, cancelled: Bool, by actor: StaffMember, _ context: Context) throws(Refusal) -> Outcome {
        let value = try existingCase(id)
        guard value.reminders.indices.contains(number - 1) else {
            throw .badInput("\(id) has no reminder \(number); it has \(value.reminders.count).", field: .number)
        }
        let reminder = value.reminders[number - 1]
        guard reminder.isOpen else {
            throw .badInput("Reminder \(number) on \(id) was already \(reminder.closed!.rawValue) on \(reminder.closedOn!).", field: .number)
        }
        guard mayClose(reminder, on: value, actor.login) else {
            throw .rule("7.1", "Reminder \(number) on \(id) is \(staff[reminder.by]?.name ?? reminder.by)'s: only its author closes it.",
                        field: .number)
        }
        return Outcome(events: [.reminderClosed(ReminderClosed(caseID: id, number: number, outcome: cancelled ? .cancelled : .done,
                                                               on: context.today))])
    }

    /// A reminder is closed by its author; once they have left, by the case's assignee, whose queue it reached.
    func mayClose(_ reminder: Reminder, on value: Case, _ login: Login) -> Bool {
        reminder.by == login || (staff[reminder.by]?.active != true && value.assignee == login)
    }
}
