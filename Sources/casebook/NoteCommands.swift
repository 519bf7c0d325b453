import ArgumentParser
import CasebookCore
import CasebookStore

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

/// `casebook assign`: who holds a case's officer work.
struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign",
        abstract: "Assign a case's officer work to an officer: its letters and read-and-file contacts come to their own queue.",
        discussion: """
            By a Head of Service, a Director or an officer. Handing a case over from one officer to another needs --reason; \
            every assignment is kept with who made it and why. When an officer leaves, 'casebook staff leave LOGIN --date D \
            --reassign-to LOGIN' hands over what they hold.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case (CASE-0001).") var caseID: String
    @Option(help: ArgumentHelp("The officer who takes it.", valueName: "login")) var to: String
    @Option(help: "Why (required when it is handed over from someone else).") var reason: String?

    func run() throws {
        try Session.run(global) { session in
            try session.execute(.assign(try session.caseID(caseID), to: to, reason: reason))
        }
    }
}

/// `casebook correct`: a contact logged with the wrong date, summary or case, corrected with an audit.
struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "correct",
        abstract: "Correct a contact's date or summary, or move it to the case it belongs to (Heads of Service, administrators).",
        discussion: """
            The contact as logged stays in the journal; the correction is recorded with who made it, when, why and what \
            it was, and the case's timeline shows it. Deadlines worked out from the contact's date (read-and-file, a \
            statutory request) follow the corrected date. A contact is moved only between the same customer's cases, \
            where it takes the next number.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case the contact is on (CASE-0001).") var caseID: String
    @Option(help: ArgumentHelp("The contact's number on the case.", valueName: "N")) var contact: Int
    @Option(help: ArgumentHelp("The date it was really received.", valueName: "YYYY-MM-DD")) var date: Day?
    @Option(help: ArgumentHelp("The case it belongs to.", valueName: "CASE")) var toCase: String?
    @Option(help: "The corrected summary.") var summary: String?
    @Option(help: "Why it is corrected.") var reason: String

    func validate() throws {
        if date == nil && toCase == nil && summary == nil {
            throw ValidationError("Say what is corrected: --date, --summary or --to-case.")
        }
    }

    func run() throws {
        try Session.run(global) { session in
            try session.execute(.correctContact(try session.caseID(caseID), contact: contact, date: date,
                                                toCase: try toCase.map(session.caseID), summary: summary, reason: reason))
        }
    }
}

/// `casebook attach`: evidence kept in the store (4.1).
struct Attach: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attach",
        abstract: "Keep an evidence file (an email, a letter received, a call note, a photograph) on a case or register entry.",
        discussion: """
            The file is read as you, kept in the store under its SHA-256 (files/HASH) and recorded with its name, size, \
            type, who attached it and when. Files of up to 20 MiB are kept; keep a recording or a video where the council \
            keeps those and describe it in a note. 'casebook file get HASH --out FILE' gives one back; 'casebook verify' \
            checks every kept file; a subject access export includes the person's files and an erasure removes them.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case or register entry (CASE-0001, REG-0001).") var record: String
    @Argument(help: "The file to keep.") var file: String
    @Option(help: "What the file is and why it matters.") var description: String
    @Option(help: ArgumentHelp("The contact it came with.", valueName: "N")) var contact: Int?

    func run() throws {
        try Session.run(global) { session in
            let subject = try session.appealSubject(record)
            let files = session.store.userFiles
            let bytes: [UInt8]
            do {
                let size = try files.size(file)
                guard size <= EvidenceFile.maximumBytes else {
                    throw Failure.usage("\(file) is \(size) bytes; the store keeps files of up to \(EvidenceFile.maximumBytes) bytes "
                        + "(20 MiB). Keep a larger one where the council keeps recordings and videos, and note where in a note.")
                }
                bytes = try files.read(file)
            } catch let failure as UserFiles.Failure {
                throw Failure.usage("\(failure)")
            }
            let name = String(file.split(separator: "/").last ?? Substring(file))
            let outcome = try session.store.attachFile(bytes, name: name, to: subject, description: description, contact: contact,
                                                       actor: session.actor, today: session.recordingDay)
            for warning in outcome.warnings { printError(warning.description) }
            print(outcome.created ?? "")
        }
    }
}

/// `casebook file get`: an evidence file given back, recorded like a view.
struct FileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "file", abstract: "Evidence files kept in the store.",
                                                    subcommands: [Get.self])

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get",
            abstract: "Save a kept file, checked against its hash; recorded like a view, for those who may read the record.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Its hash, or at least its first 8 characters ('casebook show CASE' lists them).") var hash: String
        @Option(help: "Where to save it (not an existing file).") var out: String

        func run() throws {
            try Session.run(global) { session in
                let files = session.store.userFiles
                guard !files.exists(out) else { throw Failure.usage("\(out) already exists: give a new file name.") }
                let (file, bytes) = try session.store.retrieveFile(hash, actor: session.actor, today: session.recordingDay)
                do {
                    try files.write(bytes, to: out)
                } catch let failure as UserFiles.Failure {
                    throw Failure.usage("\(failure)")
                }
                print("Saved \(file.name) (\(file.sizeText)) to \(out).")
            }
        }
    }
}
