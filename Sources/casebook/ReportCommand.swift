import ArgumentParser
import CasebookCore
import CasebookStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The governance board's figures: restrictions in force by tier and service, reviews due and overdue, appeals and outcomes, Ombudsman referrals, register entries by state, contacts by channel and kind, and the monthly trend.",
        discussion: "Contacts, decisions, appeals and referrals are counted when dated within --from and --to (default: the twelve months to today); what is in force or due is as of --to. --csv prints CSV; --html FILE writes a printable page with its charts as inline SVG.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("The first day of the period.", valueName: "YYYY-MM-DD")) var from: Day?
    @Option(help: ArgumentHelp("The last day of the period (default today).", valueName: "YYYY-MM-DD")) var to: Day?
    @Flag(help: "Print CSV: section,label,value.") var csv = false
    @Option(help: "Write a printable HTML report to this file.") var html: String?

    func run() throws {
        try Session.run(global) { session in
            let end = to ?? session.today
            let start = from ?? Day(year: end.year - 1, month: end.month, day: 1)!.adding(months: 1)
            guard start <= end else { throw Failure.usage("--from \(start) is after --to \(end): give the earlier day first.") }
            guard end <= session.today else {
                throw Failure.usage("--to \(end) is after today (\(session.today)): a report counts what has happened.")
            }
            let report = Report(register: session.register, from: start, to: end, calendar: session.calendar)
            if let html {
                do throws(UserFiles.Failure) {
                    try session.store.userFiles.write(text: report.html, to: html)
                } catch {
                    throw Failure.usage("The report could not be written: \(error)")
                }
                print(html)
            } else if csv {
                print(report.csv, terminator: "")
            } else if output.json {
                struct SectionJSON: Encodable { let title: String; let rows: [[String: String]] }
                try printJSON(report.sections.map { section in
                    SectionJSON(title: section.title, rows: section.rows.map { ["label": $0.label, "value": String($0.value)] })
                })
            } else {
                print(report.text())
            }
        }
    }
}
