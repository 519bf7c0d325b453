import Foundation
import Testing

/// The real binary in a real (tmux) terminal.
@Suite(.serialized) struct TerminalTests {
    /// A terminal that is not UTF-8 (LANG=C): names in readable ASCII at their width, with a note,
    /// never "Zo Brown" or broken columns.
    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func aNonUTF8LocaleGetsReadableASCII() throws {
        let tmux = try Tmux(width: 120, height: 30, command: "env -u LC_ALL -u LC_CTYPE LANG=C '\(CLI.binary)' demo")
        tmux.waitFor("[1 Cases]")
        let screen = tmux.screen
        #expect(screen.contains("Zoe Brown") && screen.contains("Siobhan O"), "\(screen)")
        #expect(screen.contains("not set to UTF-8"), "the status bar says so")
        #expect(!screen.contains("Zo Brown") && !screen.contains("Siobhn"))
        let rows = screen.split(separator: "\n").filter { $0.contains("CASE-000") && $0.contains("|") }
        let bars = Set(rows.map { row in row.firstIndex(of: "|").map { row.distance(from: row.startIndex, to: $0) } })
        #expect(bars.count == 1, "the detail pane's border stays in one column: \(rows)")
        tmux.keys("q")
        tmux.waitFor("EXIT=0")
    }

    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func demoFindOpenQueueSwitchResizeQuit() throws {
        let tmux = try Tmux(width: 100, height: 30, command: "'\(CLI.binary)' demo")
        tmux.waitFor("[1 Cases]")
        #expect(tmux.screen.contains("Helen Banks (head-of-service) · 27 November 2026"))
        // Find a person with an accented name, typing without the accent.
        tmux.keys("2")
        tmux.waitFor("[2 People]")
        tmux.type("zoe")
        tmux.waitFor("Filter: zoe_")
        #expect(tmux.screen.contains("Zoë Brown"))
        tmux.keys("Enter", "Enter")
        tmux.waitFor("No restriction in force")
        // Open their case.
        tmux.keys("Escape", "Left", "/")
        tmux.type("zoe")
        tmux.keys("Enter", "Down", "Enter")
        tmux.waitFor("CASE-0033  Housing, adult social care and council tax")
        // The queue.
        tmux.keys("Escape", "4")
        tmux.waitFor("[4 Queues")
        #expect(tmux.screen.contains("decision"))
        // Switch the acting user to an officer.
        tmux.keys("u")
        tmux.waitFor("Act as")
        for _ in 0..<7 { tmux.keys("Up") }
        tmux.keys("Enter")
        tmux.waitFor("Now acting as Orla O'Farrell")
        // Too small, and back.
        tmux.resize(width: 50, height: 10)
        tmux.waitFor("Terminal too small: need 64×16, have 50×10")
        tmux.resize(width: 100, height: 30)
        tmux.waitFor("[4 Queues")
        tmux.keys("q")
        tmux.waitFor("EXIT=0")
        #expect(tmux.terminalState == "001")
    }

    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func sigtermRestoresTheTerminal() throws {
        let tmux = try Tmux(width: 90, height: 26, command: "'\(CLI.binary)' demo")
        tmux.waitFor("[1 Cases]")
        let shell = try #require(tmux.panePID)
        // The pane runs a shell whose child is casebook.
        let children = CLI.execute(arguments: ["/usr/bin/pgrep", "-P", String(shell)]).trimmed.split(separator: "\n")
        let casebook = children.compactMap { Int32($0) }.first { pid in
            ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "").hasPrefix("casebook")
        }
        let pid = try #require(casebook)
        kill(pid, SIGTERM)
        tmux.waitFor("EXIT=143")
        #expect(tmux.terminalState == "001")
    }

    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func tooSmallFromTheStartStillQuitsWithQ() throws {
        let tmux = try Tmux(width: 40, height: 8, command: "'\(CLI.binary)' demo")
        tmux.waitFor("Terminal too small")
        tmux.keys("q")
        tmux.waitFor("EXIT=0")
        #expect(tmux.terminalState == "001")
    }

    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func anUnknownTerminalGetsAClearMessage() throws {
        let tmux = try Tmux(width: 100, height: 20, command: "env TERM=no-such-terminal '\(CLI.binary)' demo")
        tmux.waitFor("is not known to this system")
        tmux.waitFor("EXIT=2")
    }
}

