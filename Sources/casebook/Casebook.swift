import ArgumentParser
import CasebookStore
import Foundation

@main
struct Casebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casebook",
        abstract: "The council's register of unacceptable behaviour, complex customers and cases, and dangerous persons and properties.",
        discussion: """
            Every change is checked against the Unacceptable Behaviour and Complex Customers and Cases Policy before it is \
            recorded. Exit status: 0 done; 1 refused by a rule of the policy (the message names the rule and its \
            paragraph); 2 bad input or usage; 3 store missing, locked too long or damaged.
            """,
        version: "casebook \(Casebook.version) (\(Store.formats))",
        subcommands: [
            Demo.self, Init.self, StaffCommand.self, CustomerCommand.self, CaseCommand.self, ContactCommand.self,
            Propose.self, Check.self, Decide.self, Restrict.self, EndRestriction.self, LetterCommand.self, Notify.self,
            ConferenceCommand.self, AppealCommand.self, ReviewCommand.self, RegisterCommand.self,
            Find.self, List.self, Show.self, Queue.self, ReportCommand.self, CalendarCommand.self, Verify.self, Export.self,
            Retention.self, Erase.self, Audit.self, Note.self, Remind.self, Assign.self, Correct.self, Attach.self, FileCommand.self, Import.self,
            Generate.self, SettingsCommand.self,
        ]
    )

    /// This release. Formats are listed beside it (`--version`); see the README's upgrade notes.
    static let version = "2.0.0"

    @OptionGroup var global: GlobalOptions
    @OptionGroup var terminal: TerminalOptions

    func run() throws {
        try Session.run(global) { session in
            try Terminal.open(session, theme: terminal.theme)
        }
    }

    /// Exit statuses follow the command-line contract: usage errors are 2, not ArgumentParser's 64.
    static func main() {
        umask(0o007)
        Output.start()
        // A protected (set-group-id) install: nothing the user sets in the environment may make
        // this process read or run what they name with the store's group.
        ProcessIdentity.current().neutraliseEnvironment()
        if let problem = Arguments.invalidUTF8() {
            printError("casebook: \(problem)")
            Foundation.exit(Output.finalStatus(2))
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as CasebookExit {
            Foundation.exit(Output.finalStatus(exit.status))
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Output.out(fullMessage(for: error) + "\n")
                Foundation.exit(Output.finalStatus(0))
            }
            printError(fullMessage(for: error))
            Foundation.exit(Output.finalStatus(2))
        }
        Foundation.exit(Output.finalStatus(0))
    }
}

/// Ends the process with a status from the contract, after the message has been printed.
struct CasebookExit: Error {
    let status: Int32
}
