import ArgumentParser
import CasebookCore
import CasebookDocuments
import CasebookStore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", 
        abstract: "Create a new store; the acting login becomes its first administrator.",
        discussion: "--identity os (the default) takes the acting member of staff from the operating-system login and refuses --as; declared lets --as name them (demo and training stores). --sample copies the bundled sample register instead.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Start from a copy of the bundled sample register.") var sample = false
    @Option(help: "os or declared.") var identity: StoreSettings.Identity = .os
    @Option(help: "The first administrator's name (default: the login).") var name: String?

    func run() throws {
        try Session.report {
            let today = try global.resolvedToday()
            if sample {
                try Session.dropPrivilegeForGood()
                let path = try SampleData.copy(to: global.storePath)
                print(path)
                printError("The sample register (identity 'declared') is at \(path); act as its staff with --as, e.g. --as "
                    + "\(SampleData.officer) (officer) or --as \(SampleData.headOfService) (head of service).")
                return
            }
            let actor = try Session.actor(global, identity: identity)
            let options = Session.storeOptions(actor: actor)
            if let existing = try? Store.open(at: global.storePath, options: options), !existing.register.isInitialised {
                // A store whose creation stopped before its first record: finish it.
                try existing.execute(.initialise(name: name ?? actor), actor: actor, today: today)
                print(actor)
                return
            }
            _ = try Store.create(at: global.storePath, settings: StoreSettings(identity: identity), admin: actor,
                                 adminName: name ?? actor, today: today, options: options)
            print(actor)
        }
    }
}

extension StoreSettings.Identity: ExpressibleByArgument {}
extension LetterTemplates.Format: ExpressibleByArgument {}

struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Preview or write a letter to the customer, or record it as sent (--sent).",
        discussion: """
            Kinds: warning (before any decision), decision (5.2.3: the decision, restrictions, review and appeal rights \
            with dates, how personal information is used), lifted (5.2.5), register-entry (5.3), appeal-acknowledgement, \
            appeal-outcome (6.2), review-outcome. Without --sent the letter is printed (or written to --out) dated today; \
            with --sent it is recorded as sent on that date.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case (CASE-), register entry (REG-) or appeal (APL-).") var subject: String
    @Option(help: "The kind of letter.") var kind: LetterKind
    @Option(help: ArgumentHelp("Record the letter as sent on this date: it is produced, checked and kept exactly as sent first.", valueName: "YYYY-MM-DD")) var sent: Day?
    @Option(help: ArgumentHelp("With --sent: the date the letter bears, when it was printed before the day it was sent (default: the day sent).", valueName: "YYYY-MM-DD")) var dated: Day?
    @Option(help: "Write the letter to this file.") var out: String?
    @Option(help: "text, or html for a printable A4 page (the default for an --out file ending .html).") var format: LetterTemplates.Format?

    func run() throws {
        try Session.run(global) { session in
            let target = try session.letterSubject(subject)
            // A letter is part of the case file (5.2.4).
            if case .restrictionsOnly(let why) = session.register.access(to: target.record, for: session.actor) {
                throw StoreError.refused(.rule("5.2.4", why))
            }
            let chosen = format ?? ((out?.lowercased().hasSuffix(".html") ?? false) ? .html : .text)
            if dated != nil, sent == nil { throw Failure.usage("--dated goes with --sent: it is the date the letter sent bears.") }
            // Produced and checked before anything is recorded; what is recorded is kept exactly as sent.
            let text: String
            do throws(Refusal) {
                if let sent {
                    if session.recordingDay != session.today {
                        printError("note: --today \(session.today) sets the date queues and deadlines are shown for; this "
                            + "store records against the real date, \(session.recordingDay).")
                    }
                    let (outcome, letter) = try recordLetter(session, target, sent: sent, dated: dated)
                    for warning in outcome.warnings { printError(warning.description) }
                    text = chosen == .html
                        ? (try session.store.produceLetter(kind, on: target, dated: letter.copy.dated, format: .html).text) : letter.text
                    printError("Recorded: the \(kind.title) on \(target), sent \(sent.british); kept as sent "
                        + "(letters/\(letter.copy.sha256).txt)" + (letter.copy.statedDeadline.map { "; it gives until \($0.british) to appeal" } ?? "") + ".")
                } else {
                    text = try session.store.produceLetter(kind, on: target, dated: session.today, format: chosen).text
                }
            } catch {
                throw StoreError.refused(error)
            }
            if let out {
                do throws(UserFiles.Failure) {
                    try session.store.userFiles.write(text: text, to: out)
                } catch {
                    throw Failure.usage("The letter could not be written: \(error)")
                }
            } else if sent == nil {
                print(text)
            }
        }
    }

    func recordLetter(_ session: Session, _ target: LetterSubject, sent: Day, dated: Day?) throws(Refusal) -> (Outcome, Store.ProducedLetter) {
        do throws(StoreError) {
            let (outcome, letter) = try session.store.recordLetter(kind, on: target, sentOn: sent, dated: dated, actor: session.actor,
                                                                  today: session.recordingDay)
            return (outcome, letter)
        } catch {
            if case .refused(let refusal) = error { throw refusal }
            throw .badInput("\(error)")
        }
    }
}

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Working days: Monday to Friday less bank holidays and the store's closure days.",
        subcommands: [AddWorkingDays.self])

    struct AddWorkingDays: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-working-days", 
            abstract: "Print the date N working days after DATE (DATE is day 0), as for the 15 working days of 6.1 and 6.2.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The day of sending or receipt (day 0).") var date: Day
        @Argument(help: "How many working days.") var count: Int

        func run() throws {
            try Session.report {
                let limit = WorkingDayCalendar.maximumWorkingDays
                guard (0...limit).contains(count) else {
                    throw Failure.usage("N must be from 0 to \(limit) working days (about forty years); \(count) is not.")
                }
                guard Day.supported.contains(date) else {
                    throw Failure.usage("\(date) is outside the dates Casebook works with (\(Day.supported.lowerBound) to "
                        + "\(Day.supported.upperBound)).")
                }
                let options = Session.storeOptions(actor: Session.processDescription)
                let calendar = (try? Store.open(at: global.storePath, options: options))?.settings.calendar ?? WorkingDayCalendar()
                let result = calendar.adding(workingDays: count, to: date)
                for warning in calendar.warnings(from: date, to: result) { printError(warning.description) }
                print(result)
            }
        }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", 
        abstract: "Check the whole journal: every record's checksum, the chain, sequence numbers, that every event can be read, and that snapshots equal the replay.",
        discussion: "Exit 0 when sound; 3 with the first bad record when damaged.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try Session.report {
            // verify never repairs: a torn last record stays where it is for the report to name.
            var options = Session.storeOptions(actor: Session.processDescription)
            options.repairs = false
            // Who may verify is told from the staff alone: every record is read below, by the replay.
            options.readsCasework = false
            let store = try Store.open(at: global.storePath, options: options)
            try Session.requireStaff(try Session.actor(global, identity: store.settings.identity), in: store.register)
            try store.verify { report in
                if output.json {
                    struct ReportJSON: Encodable {
                        let sound: Bool; let records: Int; let snapshotsChecked: Int; let searchIndexChecked: Bool
                        let firstProblem: String?; let notes: [String]
                    }
                    try printJSON(ReportJSON(sound: report.isSound, records: report.records, snapshotsChecked: report.snapshotsChecked,
                                             searchIndexChecked: report.searchIndexChecked, firstProblem: report.firstProblem,
                                             notes: report.notes))
                } else {
                    for note in report.notes { print("note: \(note)") }
                    if let problem = report.firstProblem {
                        printError("casebook: the store is damaged: \(problem)")
                    } else {
                        print("The store is sound: \(report.records) records, \(report.snapshotsChecked) snapshots"
                            + (report.searchIndexChecked ? " and the search index" : "") + " checked against the journal; "
                            + "\(report.lettersChecked) letters and \(report.filesChecked) evidence files against their hashes.")
                    }
                }
                // The process ends here, the replayed register still held (never let go record by record).
                Session.finish(keeping: store, status: report.isSound ? 0 : 3)
            }
        }
    }
}

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "The store's settings: local closure days and the council's details used in letters.",
        discussion: "Settings live in settings.json in the store's folder. Only an administrator changes them.",
        subcommands: [ShowSettings.self, AddClosure.self, RemoveClosure.self, AddServiceArea.self, RemoveServiceArea.self,
                      Council.self], defaultSubcommand: ShowSettings.self)

    struct ShowSettings: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the settings as JSON.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Session.run(global) { session in try printJSON(session.store.settings) }
        }
    }

    struct AddClosure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-closure", abstract: "Add a local closure day: not a working day for the 15-working-day deadlines of 6.1 and 6.2.",
            discussion: "Deadlines already recorded (an appeal's outcome date) keep the date they were given.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The day the council is closed.", valueName: "YYYY-MM-DD")) var date: Day

        func run() throws {
            try Session.run(global) { session in
                try session.store.updateSettings(actor: session.actor) { (settings: inout StoreSettings) throws(StoreError) in
                    guard !settings.closureDays.contains(date) else { throw .badInput("\(date) is already a closure day.") }
                    guard !date.isWeekend else { throw .badInput("\(date) is a \(date.weekdayName): not a working day anyway.") }
                    settings.closureDays = (settings.closureDays + [date]).sorted()
                }
            }
        }
    }

    struct RemoveClosure: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-closure", abstract: "Remove a local closure day.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The closure day to remove.", valueName: "YYYY-MM-DD")) var date: Day

        func run() throws {
            try Session.run(global) { session in
                try session.store.updateSettings(actor: session.actor) { (settings: inout StoreSettings) throws(StoreError) in
                    guard settings.closureDays.contains(date) else { throw .badInput("\(date) is not a closure day.") }
                    settings.closureDays.removeAll { $0 == date }
                }
            }
        }
    }

    struct AddServiceArea: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-service-area", abstract: "Add one of the council's service areas to the list forms offer.",
            discussion: "The first one added starts the list from the service areas already in use. A case or a member of "
                + "staff in an area not on the list is recorded with a warning (a likely typing slip).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The service area, e.g. environmental-health.", valueName: "name")) var name: String

        func run() throws {
            try Session.run(global) { session in
                guard let area = ServiceArea(name) else {
                    throw StoreError.badInput("'\(name)' is not a service area name: use letters and digits, e.g. council-tax.")
                }
                let inUse = session.store.register.serviceAreas
                try session.store.updateSettings(actor: session.actor) { (settings: inout StoreSettings) throws(StoreError) in
                    var list = settings.serviceAreas ?? inUse.sorted()
                    guard !list.contains(area) || settings.serviceAreas == nil else {
                        throw .badInput("'\(area.name)' is already one of the council's service areas.")
                    }
                    if !list.contains(area) { list.append(area) }
                    settings.serviceAreas = list.sorted()
                }
                print("The council's service areas: " + (session.store.settings.serviceAreas ?? []).map(\.name).joined(separator: ", "))
            }
        }
    }

    struct RemoveServiceArea: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-service-area", abstract: "Take a service area off the list forms offer.",
            discussion: "Cases and staff already in it keep it; a new one in it is recorded with a warning.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The service area to remove.", valueName: "name")) var name: String

        func run() throws {
            try Session.run(global) { session in
                try session.store.updateSettings(actor: session.actor) { (settings: inout StoreSettings) throws(StoreError) in
                    guard let list = settings.serviceAreas else {
                        throw .badInput("The council keeps no list of service areas yet: 'casebook settings add-service-area NAME' starts one.")
                    }
                    guard let area = ServiceArea(name), list.contains(area) else {
                        throw .badInput("'\(name)' is not on the list: " + list.map(\.name).joined(separator: ", ") + ".")
                    }
                    settings.serviceAreas = list.filter { $0 != area }
                }
            }
        }
    }

    struct Council: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "council", 
            abstract: "Set the council's details used in letters (5.2.3, 6.1, UK GDPR Art 13).",
            discussion: "Letters are refused while any detail is still the placeholder a new store starts with, or no Data "
                + "Protection Officer is given. The retention periods letters state come from the settings' retention schedule.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The council's name.") var name: String?
        @Option(help: "Its postal address.") var address: String?
        @Option(help: "Where appeals and review requests are sent (the Head of Service – Customer Services).") var customerServicesAddress: String?
        @Option(help: "The Customer Feedback Team's email address.") var email: String?
        @Option(help: "Its telephone number.") var phone: String?
        @Option(help: "Why personal information is used: the purposes (5.2.3, UK GDPR Art 13(1)(c)).") var privacyNotice: String?
        @Option(help: ArgumentHelp("How to contact the Data Protection Officer (Art 13(1)(b)), e.g. \"Data Protection Officer, "
            + "Civic Centre, Stoke-on-Trent ST4 1HH, dpo@stoke.gov.uk\". Letters are refused until it is set.", valueName: "text"))
        var dpo: String?
        @Option(help: ArgumentHelp("The lawful basis, as the council states it (Art 13(1)(c)); by default UK GDPR Art 6(1)(e) "
            + "and, for health information, Art 9(2)(g).")) var lawfulBasis: String?

        func run() throws {
            try Session.run(global) { session in
                try session.store.updateSettings(actor: session.actor) { (settings: inout StoreSettings) throws(StoreError) in
                    let changes: [(String?, WritableKeyPath<CouncilDetails, String>)] = [
                        (name, \.name), (address, \.address), (customerServicesAddress, \.customerServicesAddress),
                        (email, \.email), (phone, \.phone), (privacyNotice, \.privacyNotice),
                        (dpo, \.dataProtectionOfficer), (lawfulBasis, \.lawfulBasis),
                    ]
                    guard changes.contains(where: { $0.0 != nil }) else { throw .badInput("Give at least one detail to change.") }
                    for (value, path) in changes {
                        guard let value else { continue }
                        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                        guard !trimmed.isEmpty else { throw .badInput("A council detail cannot be empty.") }
                        settings.council[keyPath: path] = trimmed
                    }
                }
            }
        }
    }
}
