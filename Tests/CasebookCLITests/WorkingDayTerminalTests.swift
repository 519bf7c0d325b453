import Foundation
import Testing

/// The terminal for a working day (issue: the lookup before a call, a queue that acts, forms that
/// show the evidence), driven through the real binary in tmux.
@Suite(.serialized) struct WorkingDayTerminalTests {
    func demo(as actor: String = "ofarrell", width: Int = 120, height: Int = 40, extra: String = "") throws -> Tmux {
        try Tmux(width: width, height: height, command: "'\(CLI.binary)' demo --as \(actor) --today 2026-11-27 \(extra)")
    }

    /// Every printable key on People goes into the search: "khan", "quinn", "14 leek" typed whole.
    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func peopleSearchTakesEveryKey() throws {
        let tmux = try demo()
        tmux.waitFor("[1 Cases]")
        tmux.keys("2")
        tmux.waitFor("[2 People]")
        for query in ["khan", "quinn", "14 leek"] {
            tmux.type(query)
            tmux.waitFor("Filter: \(query)_")
            #expect(tmux.screen.contains("[2 People]"), "still on People after typing \(query)")
            tmux.keys("Escape")
            tmux.waitFor("[2 People]")
        }
        tmux.type("khan")
        tmux.waitFor("Ahmed Khan")
        // Commands on People use keys that are not letters, and the status bar says which.
        tmux.keys("Enter")
        #expect(tmux.waitFor("F10 quit"))
        tmux.keys("F10")
        tmux.waitFor("EXIT=0")
    }

    /// The lookup before a visit finds the property on the register by its address, from any screen.
    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func theLookupFindsAPropertyOnTheRegister() throws {
        let tmux = try demo()
        tmux.waitFor("[1 Cases]")
        tmux.keys("4")
        tmux.waitFor("[4 Queues")
        tmux.keys("F3")
        tmux.waitFor("[2 People]")
        tmux.type("7 king street, fenton")
        tmux.waitFor("PROPERTY ON THE REGISTER REG-0005")
        tmux.keys("F4")
        tmux.waitFor("Occupier's partner assaulted a repairs")
        #expect(tmux.screen.contains("How to contact: Two operatives; police escort"))
        #expect(tmux.screen.contains("last by ofarrell"), "the view is recorded")
        tmux.keys("q", "q")
        tmux.waitFor("EXIT=0")
    }

    /// The queue is one list, overdue first across kinds; a decision is taken from its row, and
    /// the form shows what it rests on.
    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func theQueueIsOverdueFirstAndActs() throws {
        let tmux = try demo(as: "dkaur")
        tmux.waitFor("[1 Cases]")
        tmux.keys("4")
        tmux.waitFor("[4 Queues")
        let rows = tmux.screen.split(separator: "\n").filter { $0.contains("2026-") && ($0.contains("d ") || $0.contains(" - ")) }
        let first = try #require(rows.first)
        #expect(first.contains("APL-0001") && first.contains("appeal"), "the most overdue first: \(rows)")
        #expect(tmux.screen.contains("NOT READY, 4 checks"))
        // The appeal form, from the row: the decision under appeal and what the outcomes mean.
        tmux.keys("o")
        tmux.waitFor("Decide appeal APL-0001")
        #expect(tmux.screen.contains("upheld — the decision stands as it is"))
        #expect(tmux.screen.contains("Status:") && tmux.screen.contains("decided"))
        // Ctrl-C in a changed form asks first.
        tmux.type("x")
        tmux.keys("Tab", "Tab")
        tmux.type("Some reasons")
        tmux.keys("C-c")
        tmux.waitFor("Discard")
        tmux.keys("Escape", "Escape")
        tmux.waitFor("Discard")
        tmux.keys("Right", "Enter")
        tmux.waitFor("Cancelled: nothing was recorded")
        // Deciding a proposal from its row.
        tmux.keys("g", "Down")
        tmux.waitFor("▸ 2026-11-03")
        tmux.keys("d")
        tmux.waitFor("Decide proposal on CASE-0013")
        #expect(tmux.screen.contains("Checks before a decision (4.1)"))
        tmux.keys("Escape")
        tmux.keys("q")
        tmux.waitFor("EXIT=0")
    }

    /// Recording a review, from its queue row, shows what is reviewed: the status, its restrictions
    /// and the contacts since the decision.
    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func theReviewFormShowsTheStatusUnderReview() throws {
        let tmux = try demo(as: "tlewis")
        tmux.waitFor("[1 Cases]")
        tmux.keys("4")
        tmux.waitFor("[4 Queues")
        tmux.keys("/")
        tmux.type("pemberton")
        tmux.keys("Enter")
        tmux.waitFor("three-year review")
        tmux.keys("V")
        tmux.waitFor("Record a review")
        #expect(tmux.screen.contains("CASE-0031"))
        #expect(tmux.screen.contains("Contacts since the decision"))
        #expect(tmux.screen.contains("continue — "), "each outcome says what it means")
        tmux.keys("Escape")
        tmux.keys("q")
        tmux.waitFor("EXIT=0")
    }

    /// Approving a register entry shows it, names its subject, and records the view.
    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func theApproveFormRecordsAView() throws {
        let tmux = try demo(as: "dkaur")
        tmux.waitFor("[1 Cases]")
        tmux.keys("3")
        tmux.waitFor("[3 Register]")
        tmux.keys("g", "y")
        tmux.waitFor("Approve register entry REG-0001")
        #expect(tmux.screen.contains("REG-0001 · Harry Shaw"))
        tmux.keys("Escape")
        tmux.waitFor("[3 Register]")
        tmux.keys("Enter")
        tmux.waitFor("Viewed")
        #expect(tmux.screen.contains("last by dkaur"), "the form's view was recorded")
        tmux.keys("q", "q")
        tmux.waitFor("EXIT=0")
    }

    /// A note and a reminder from the keyboard; the reminder is in the author's queue on its day.
    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func aNoteAndAReminderFromTheKeyboard() throws {
        let tmux = try demo()
        tmux.waitFor("[1 Cases]")
        tmux.keys("t")
        tmux.waitFor("Write a note on CASE-0001")
        tmux.type("Spoke to the waste team; will call back Friday.")
        tmux.keys("Enter")
        tmux.waitFor("Check before it is recorded")
        tmux.keys("Enter")
        tmux.waitFor("Recorded: write a note on CASE-0001")
        tmux.waitFor("note by ofarrell:")
        tmux.keys("b")
        tmux.waitFor("Set a reminder on CASE-0001")
        tmux.keys("C-u")
        tmux.type("t")
        tmux.keys("Tab")
        tmux.type("Has the contractor replied?")
        tmux.keys("Enter")
        tmux.waitFor("Check before it is recorded")
        tmux.keys("Enter")
        tmux.waitFor("Recorded")
        tmux.keys("4")
        tmux.waitFor("[4 Queues")
        #expect(tmux.waitFor("CASE-0001 reminder 1: Has the cont"))
        // Assigning the case to another officer: their own queue gets its officer work.
        tmux.keys("1")
        tmux.waitFor("[1 Cases]")
        tmux.keys("w")
        tmux.waitFor("Assign CASE-0001")
        tmux.type("nowak")
        tmux.waitFor("1 of 1 matching")
        tmux.keys("Enter")
        tmux.waitFor("Check before it is recorded")
        tmux.keys("Enter")
        tmux.waitFor("Recorded: assign CASE-0001")
        #expect(tmux.waitFor("Assigned to Piotr Nowak"))
        tmux.keys("q")
        tmux.waitFor("EXIT=0")
    }

    /// On a confirmation, the terminal's cursor is on the focused button.
    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func theCursorIsOnTheFocusedButton() throws {
        let tmux = try demo()
        tmux.waitFor("[1 Cases]")
        tmux.keys("2", "C-n")
        tmux.waitFor("Add a customer")
        tmux.type("Ana Lima")
        tmux.keys("Enter")
        tmux.waitFor("Check before it is recorded")
        func underCursor() -> String {
            let place = tmux.run(["display-message", "-p", "#{cursor_x} #{cursor_y}"]).trimmed.split(separator: " ").compactMap { Int($0) }
            guard place.count == 2 else { return "" }
            let rows = tmux.screen.split(separator: "\n", omittingEmptySubsequences: false)
            guard rows.indices.contains(place[1]) else { return "" }
            return String(Array(rows[place[1]]).dropFirst(place[0]).prefix(6))
        }
        #expect(underCursor() == "Record")
        tmux.keys("Right")
        tmux.waitFor("▶[ Cancel ]◀")
        #expect(underCursor() == "Cancel")
        tmux.keys("Enter", "Escape")
        tmux.waitFor("Discard the changes?")
        tmux.keys("Right", "Enter")
        tmux.waitFor("Cancelled")
        tmux.keys("F10")
        tmux.waitFor("EXIT=0")
    }

    /// A terminal that cannot address the cursor is refused with a message; a theme is applied.
    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func dumbTerminalsAreRefusedAndThemesApply() throws {
        let dumb = try Tmux(width: 100, height: 20, command: "env TERM=dumb '\(CLI.binary)' demo")
        dumb.waitFor("EXIT=")
        #expect(dumb.screen.contains("TERM=dumb cannot show Casebook's screens"))
        #expect(!dumb.screen.contains("EXIT=0"))
        let plain = try demo(as: "hbanks", extra: "--theme monochrome")
        plain.waitFor("[1 Cases]")
        let coloured = try demo(as: "hbanks")
        coloured.waitFor("[1 Cases]")
        let styles = { (tmux: Tmux) in tmux.run(["capture-pane", "-p", "-e"]).out }
        #expect(styles(plain) != styles(coloured), "monochrome differs from the default")
        plain.keys("q")
        coloured.keys("q")
    }
}

/// Another process holding the store's lock: the terminal keeps answering, says who holds it, and
/// records once the lock is free; Esc stops waiting and keeps the form.
@Suite(.serialized) struct LockWaitTerminalTests {
    /// A process holding the store's OFD lock (F_OFD_SETLK = 37) for `seconds`, as another terminal would.
    func holdLock(_ store: String, for seconds: Double, ready: String) -> pid_t {
        Spawn.start("/usr/bin/env", ["python3", "-c", """
            import fcntl, os, struct, sys, time
            fd = os.open(sys.argv[1], os.O_RDWR)
            fcntl.fcntl(fd, 37, struct.pack('hhqqi', fcntl.F_WRLCK, 0, 0, 0, 0))
            os.ftruncate(fd, 0); os.pwrite(fd, b'pnowak@other-host pid %d\\n' % os.getpid(), 0)
            open(sys.argv[2], 'w').close()
            time.sleep(float(sys.argv[3]))
            """, store + "/lock", ready, String(seconds)], environment: ProcessInfo.processInfo.environment)
    }

    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func aRecordWaitsForTheLockWithoutFreezing() throws {
        let scratch = Scratch()
        let store = scratch.path + "/store"
        try FileManager.default.copyItem(atPath: SampleStore.path, toPath: store)
        // A clone's files are as git wrote them (others may read): closed as an administrator would.
        #expect(Spawn.wait(Spawn.start("/bin/chmod", ["-R", "o-rwx", store], environment: [:])) == 0)
        let tmux = try Tmux(width: 140, height: 40, command: "env CASEBOOK_LOCK_TIMEOUT=30 '\(CLI.binary)' --store '\(store)' --as ofarrell --today 2026-11-27")
        tmux.waitFor("[1 Cases]")
        let ready = scratch.path + "/ready"
        let holder = holdLock(store, for: 4, ready: ready)
        defer {
            kill(holder, SIGKILL)
            Spawn.wait(holder)
        }
        #expect(tmux.waitUntil { FileManager.default.fileExists(atPath: ready) })
        tmux.keys("t")
        tmux.waitFor("Write a note on CASE-0001")
        tmux.type("Written while another terminal records.")
        tmux.keys("Enter")
        tmux.waitFor("Check before it is recorded")
        tmux.keys("Enter")
        #expect(tmux.waitFor("Waiting for the store (Esc stops): pnowak@other-host pid \(holder) holds its lock, 0 s"))
        #expect(tmux.waitFor("holds its lock, 1 s"), "the count goes on: the screen is not frozen")
        #expect(tmux.waitFor("Recorded: write a note on CASE-0001", timeout: 15))

        // Esc while waiting: nothing recorded, the form kept as it was.
        let again = scratch.path + "/ready-again"
        let second = holdLock(store, for: 20, ready: again)
        defer {
            kill(second, SIGKILL)
            Spawn.wait(second)
        }
        #expect(tmux.waitUntil { FileManager.default.fileExists(atPath: again) })
        tmux.keys("t")
        tmux.waitFor("Write a note on CASE-0001")
        tmux.type("Not this one.")
        tmux.keys("Enter")
        tmux.waitFor("Check before it is recorded")
        tmux.keys("Enter")
        tmux.waitFor("holds its lock")
        tmux.keys("Escape")
        #expect(tmux.waitFor("Stopped waiting for the store: nothing was recorded"))
        #expect(tmux.screen.contains("Not this one."), "the form is kept")
    }
}

/// The bundled sample store, copied by tests that need a store of their own to open.
enum SampleStore {
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("SampleData/store").path
    }()
}
