import Foundation
import Testing

/// Random command lines against the real binary: every one ends with a status of 0 to 3 and, when
/// not 0, a message; a refused one changes nothing; nothing raw reaches stdout; the journal
/// verifies at the end. Prints its seed; `CASEBOOK_FUZZ_SEED=S` repeats a run and
/// `CASEBOOK_FUZZ_LINES=N` makes it longer.
@Suite(.serialized) struct CommandLineFuzzTests {
    @Test func randomCommandLinesKeepTheContract() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["CASEBOOK_FUZZ_SEED"].flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970)
        let count = environment["CASEBOOK_FUZZ_LINES"].flatMap { Int($0) } ?? 250
        print("CommandLineFuzzTests seed \(seed) (repeat with CASEBOOK_FUZZ_SEED=\(seed)), \(count) command lines")
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        cli.ok(["customer", "add", "--name", "Zoë Brown", "--address", "1 Hope Street, Hanley"])
        cli.ok(["case", "open", "--customer", "CUST-0001", "--title", "Bins", "--service", "waste"])
        var random = LineFuzzer(state: seed)
        let journal = cli.store + "/journal.jsonl"
        var statuses: [Int32: Int] = [:]
        for index in 0..<count {
            let arguments = random.commandLine()
            let before = FileManager.default.contents(atPath: journal)
            let result = CLI.execute(arguments, environment: cli.baseEnvironment())
            statuses[result.status, default: 0] += 1
            let shown = arguments.joined(separator: " ")
            #expect((0...3).contains(result.status), "seed \(seed) line \(index): \(shown) ended with \(result.status): \(result.err)")
            if result.status != 0 {
                #expect(!result.err.isEmpty, "seed \(seed) line \(index): \(shown) failed without a word")
                #expect(FileManager.default.contents(atPath: journal) == before, "seed \(seed) line \(index): refused \(shown) changed the journal")
            }
            for scalar in result.out.unicodeScalars where (scalar.value < 0x20 && scalar != "\n" && scalar != "\t")
                || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) {
                Issue.record("seed \(seed) line \(index): \(shown) wrote U+\(String(scalar.value, radix: 16)) raw")
                break
            }
        }
        print("CommandLineFuzzTests seed \(seed): statuses \(statuses.sorted { $0.key < $1.key })")
        #expect(cli.ok(["verify"], as: "admin").contains("sound"), "seed \(seed)")
        for line in (try String(contentsOfFile: journal, encoding: .utf8)).split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
    }
}

/// Command lines made of the contract's commands and options, with values good, bad and hostile.
struct LineFuzzer {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static let commands: [[String]] = [
        ["customer", "add"], ["case", "open"], ["contact", "add"], ["propose"], ["check"], ["decide"], ["restrict"],
        ["end-restriction"], ["letter"], ["notify"], ["conference", "call"], ["conference", "action"], ["conference", "done"],
        ["appeal", "lodge"], ["appeal", "decide"], ["appeal", "ombudsman"], ["review", "request"], ["review", "record"],
        ["register", "add"], ["register", "approve"], ["find"], ["list"], ["show"], ["queue"], ["calendar", "add-working-days"],
        ["report"], ["retention"], ["staff", "add"], ["staff", "leave"], ["settings"], ["settings", "add-closure"], ["export"],
        ["note"], ["remind"], ["assign"], ["correct"], ["attach"], ["file", "get"], ["settings", "add-service-area"],
        ["settings", "remove-service-area"], ["nonsense"], [],
    ]
    static let options = ["--name", "--address", "--postcode", "--email", "--phone", "--customer", "--title", "--service",
                          "--date", "--channel", "--kind", "--summary", "--behaviour", "--category", "--reason", "--item",
                          "--evidence", "--apply", "--decline", "--consulted", "--type", "--details", "--from", "--sent",
                          "--to", "--chair", "--invite", "--owner", "--due", "--text", "--received", "--grounds", "--outcome",
                          "--body", "--person", "--property", "--facts", "--communication", "--json", "--mine", "--status",
                          "--out", "--role", "--contact", "--to-case", "--description", "--reassign-to", "--on", "--done", "--today", "--as", "--store", "--help", "--version", "-x", "--"]
    static let values = ["CASE-0001", "CUST-0001", "REG-0001", "APL-0001", "CONF-0001", "CASE-9999", "CASE-", "case-0001",
                         "2026-03-02", "2026-02-30", "9999-12-31", "0000-01-01", "1899-12-31", "27/01/2026", "-1", "0", "1",
                         "10000000", "99999999999999999999", "phone", "email", "complaint", "persistent", "facts", "apply",
                         "single-channel", "premises-ban", "warning", "decision", "upheld", "lgsco", "ofarrell", "hbanks",
                         "dkaur", "admin", "nobody", "officer", "waste", "Zoë Brown", "", " ", "\u{1B}[2J", "Eve\u{1B}]0;T\u{07}",
                         "\u{202E}evil", "\u{9B}", "a\nb", String(repeating: "x", count: 3000), "--", "-", "null", "%s%n",
                         "../../etc/passwd", "/dev/full", "山田太郎", "👩‍👩‍👧", "a" + String(repeating: "\u{301}", count: 500)]

    /// A command line: a command, then a few options and values in any order.
    mutating func commandLine() -> [String] {
        var arguments = pick(Self.commands)
        for _ in 0..<below(7) {
            switch below(3) {
            case 0: arguments.append(pick(Self.values))
            default:
                let option = pick(Self.options)
                // --out and --store only somewhere harmless: the fuzz is about input, not about the tester's files.
                if option == "--out" || option == "--store" {
                    arguments += [option, "/dev/null/\(below(9))"]
                } else {
                    arguments.append(option)
                    if below(4) > 0 { arguments.append(pick(Self.values)) }
                }
            }
        }
        if below(4) > 0 { arguments += ["--as", pick(["ofarrell", "hbanks", "dkaur", "admin", "irahman", "mwright", "nobody"])] }
        if below(3) > 0 { arguments += ["--today", pick(["2026-03-02", "2026-03-03", "2026-11-27"])] }
        return arguments
    }
}

