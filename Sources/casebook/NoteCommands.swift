import ArgumentParser
import CasebookCore

/// `casebook note`: a dated note on a case, by whom, in its timeline.
struct Note: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note",
        abstract: "Write a note on a case (spoke to the repairs manager, will call back Friday).",
        discussion: """
            Dated today and by you, shown in the case's timeline. Notes are the customer's personal data like the rest of \
            the case: they are in a subject access export and go in an erasure. Written by those who may read the case's file.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case (CASE-0001).") var caseID: String
    @Option(help: "The note.") var text: String

    func run() throws {
        try Session.run(global) { session in
            try session.execute(.addNote(try session.caseID(caseID), text: text))
        }
    }
}

/// `casebook remind`: a bring-forward date on a case, in its author's queue from that day.
struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remind",
        abstract: "Set a reminder on a case for a day to come, or mark one done or cancelled.",
        discussion: """
            'casebook remind CASE --on 2027-01-12 --text "Has the contractor replied?"' puts a row in your queue on that \
            day (kind reminder) until you mark it done ('--done N') or cancel it ('--cancel N'); only its author does either.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case (CASE-0001).") var caseID: String
    @Option(help: ArgumentHelp("The day to be reminded.", valueName: "YYYY-MM-DD")) var on: Day?
    @Option(help: "What to check on that day.") var text: String?
    @Option(help: ArgumentHelp("Mark reminder N done.", valueName: "N")) var done: Int?
    @Option(help: ArgumentHelp("Cancel reminder N.", valueName: "N")) var cancel: Int?

    func validate() throws {
        let closing = [done, cancel].compactMap { $0 }.count
        if closing > 1 { throw ValidationError("Give --done or --cancel, not both.") }
        if closing == 1, on != nil || text != nil { throw ValidationError("--done and --cancel take only the reminder's number.") }
        if closing == 0, on == nil || text == nil {
            throw ValidationError("Give the day and what to check: --on YYYY-MM-DD --text TEXT (or --done N / --cancel N).")
        }
    }

    func run() throws {
        try Session.run(global) { session in
            let id = try session.caseID(caseID)
            if let number = done ?? cancel {
                try session.execute(.closeReminder(id, number: number, cancelled: cancel != nil))
            } else {
                try session.create(.setReminder(id, on: on!, text: text!))
            }
        }
    }
}
