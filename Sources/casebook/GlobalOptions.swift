import ArgumentParser
import CasebookCore
import Foundation

/// The options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store's folder (default $CASEBOOK_STORE, else $XDG_DATA_HOME/casebook, else ~/.local/share/casebook).", valueName: "dir"))
    var store: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("The acting member of staff (only on a store whose identity is 'declared', such as a demo store).", valueName: "login"))
    var actingAs: String?

    @Option(name: .long, help: ArgumentHelp("The date queues and deadlines are computed for (default $CASEBOOK_TODAY, else the real date).", valueName: "YYYY-MM-DD"))
    var today: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var storePath: String {
        if let store { return store }
        if let path = environment["CASEBOOK_STORE"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/casebook" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/casebook"
    }

    /// "Today": --today, $CASEBOOK_TODAY, else the local date. Within the dates Casebook takes
    /// (`Day.supported`).
    func resolvedToday() throws -> Day {
        let text = today ?? environment["CASEBOOK_TODAY"]
        guard let text, !text.isEmpty else { return try GlobalOptions.realToday() }
        guard let value = Day(text) else {
            throw Failure.usage("'\(text)' is not a date for --today: use YYYY-MM-DD, for example 2026-01-27.")
        }
        guard Day.supported.contains(value) else {
            throw Failure.usage("--today \(text) is outside the dates Casebook works with (\(Day.supported.lowerBound) to "
                + "\(Day.supported.upperBound)).")
        }
        return value
    }

    /// The real date here, from the system clock (never --today or $CASEBOOK_TODAY).
    static func realToday() throws -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day, let value = Day(year: year, month: month, day: day),
              Day.supported.contains(value) else {
            throw Failure.usage("The system clock says \(Date()), outside the dates Casebook works with: set the clock right.")
        }
        return value
    }
}

/// The terminal front end's options (`casebook` and `casebook demo`).
struct TerminalOptions: ParsableArguments {
    @Option(help: "The colour theme: default, high-contrast, light or monochrome, or a .toml file (NO_COLOR chooses monochrome).")
    var theme: String?
}

/// Read commands print JSON with --json.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false
}

/// A failure outside the domain and the store, with its exit status.
enum Failure: Error, CustomStringConvertible {
    case usage(String)

    var description: String {
        switch self {
        case .usage(let message): message
        }
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
