import Foundation
import Testing

/// Forms in the real binary in a real (tmux) terminal, from the keyboard alone.
@Suite(.serialized) struct FormTerminalTests {
    func open(_ cli: CLI, as actor: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws -> Tmux {
        try Tmux(width: width, height: height,
                 command: "'\(CLI.binary)' --store '\(cli.store)' --as \(actor) --today 2026-11-27", environment: environment)
    }

    /// Enter checks the form; Enter (or ← Enter where Cancel has focus) records it.
    func submit(_ tmux: Tmux, waitingFor recorded: String, irreversible: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        tmux.keys("Enter")
        tmux.waitFor(irreversible ? "This cannot be undone" : "Check before it is recorded", sourceLocation: sourceLocation)
        if irreversible { tmux.keys("Left") }
        tmux.keys("Enter")
        tmux.waitFor(recorded, sourceLocation: sourceLocation)
    }

    func actAs(_ tmux: Tmux, _ letter: String, name: String) {
        tmux.keys("u")
        tmux.waitFor("Act as")
        tmux.type(letter)
        tmux.keys("Enter")
        tmux.waitFor("Now acting as \(name)")
    }

    func quit(_ tmux: Tmux) {
        // F10 quits on every screen (on People, q is typed into the search).
        tmux.keys("F10")
        if !tmux.waitUntil(timeout: 2, { tmux.screen.contains("EXIT=") }) { tmux.keys("F10") }
        tmux.waitFor("EXIT=0")
        #expect(tmux.terminalState == "001")
    }

    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func oneCaseThroughItsWholeLife() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let tmux = try open(cli, as: "ofarrell")
        tmux.waitFor("[1 Cases]")

        // An officer adds the customer...
        tmux.keys("2", "C-n")
        tmux.waitFor("Add a customer")
        tmux.type("Zoë Adeyemi")
        tmux.keys("Tab")
        tmux.type("4 Mill Lane, Hanley")
        tmux.keys("Tab")
        tmux.type("ST1 1AA")
        submit(tmux, waitingFor: "Recorded CUST-0001: add a customer")

        // ...opens a case for her, finding her by typing...
        tmux.keys("Left", "n")
        tmux.waitFor("Open a case")
        tmux.type("zoe")
        tmux.waitFor("1 of 1 matching")
        tmux.keys("Tab")
        tmux.type("Missed bin collections")
        tmux.keys("Tab", "Tab")  // past the list of the council's areas, to type one
        tmux.type("waste")
        submit(tmux, waitingFor: "Recorded CASE-0001: open a case")

        // ...logs two contacts, with the behaviours they show...
        tmux.keys("c")
        tmux.waitFor("Log a contact on CASE-0001")
        tmux.keys("Tab", "Tab", "Tab")
        tmux.type("Rang for the fifth time about the same missed bin and swore at the officer.")
        tmux.keys("Tab", "Down", "Down", "Space")
        for _ in 0..<7 { tmux.keys("Down") }
        tmux.keys("Space")
        submit(tmux, waitingFor: "Recorded: log a contact on CASE-0001")
        tmux.keys("c")
        tmux.waitFor("Log a contact on CASE-0001")
        tmux.keys("Tab", "Right", "Tab", "Right", "Tab")  // email; a complaint
        tmux.type("Emailed the same complaint again.")
        tmux.keys("Tab", "Down", "Down", "Space")
        submit(tmux, waitingFor: "Recorded: log a contact on CASE-0001")

        // ...proposes persistent and unreasonable...
        tmux.keys("p")
        tmux.waitFor("Propose a classification for CASE-0001")
        tmux.keys("Down", "Space", "Down", "Space", "Tab")
        tmux.type("Repeat complaints about a matter already answered, and swearing.")
        tmux.keys("Tab", "Down", "Down", "Space")
        for _ in 0..<7 { tmux.keys("Down") }
        tmux.keys("Space")
        submit(tmux, waitingFor: "Recorded: propose a classification for CASE-0001")

        // ...and completes the four checks.
        for number in 1...4 {
            tmux.keys("e")
            tmux.waitFor("Pre-decision check on CASE-0001")
            if number > 1 { #expect(tmux.screen.contains("Evidence \(number - 1)")) }
            tmux.keys("Tab")
            tmux.type("Evidence \(number): the contact log and the stage 2 answer.")
            submit(tmux, waitingFor: "Recorded: pre-decision check on CASE-0001")
        }

        // A head of service finds it in her queue and decides.
        actAs(tmux, "h", name: "Helen Banks")
        tmux.keys("4")
        tmux.waitFor("CASE-0001")
        tmux.keys("Enter")
        tmux.waitFor("[1 Cases]")
        tmux.keys("d")
        tmux.waitFor("Decide proposal on CASE-0001")
        #expect(tmux.screen.contains("[x] The decision is informed and based on facts — Evidence 1"))
        tmux.keys("Tab", "Tab", "Tab")
        tmux.type("The contacts stop the team handling other residents' matters.")
        submit(tmux, waitingFor: "Recorded: decide proposal on CASE-0001", irreversible: true)

        // Restrictions are added.
        tmux.keys("x")
        tmux.waitFor("Add a restriction on CASE-0001")
        tmux.keys("Tab")
        tmux.type("Email the waste team's mailbox only.")
        submit(tmux, waitingFor: "Recorded: add a restriction on CASE-0001")

        // The letter is previewed and marked sent.
        tmux.keys("l")
        tmux.waitFor("decision letter on CASE-0001 (preview)")
        tmux.keys("m")
        tmux.waitFor("Record a letter as sent on CASE-0001")
        submit(tmux, waitingFor: "Recorded: record a letter as sent on CASE-0001")

        // The customer appeals.
        tmux.keys("A")
        tmux.waitFor("Lodge an appeal against the decision on CASE-0001")
        tmux.keys("Tab")
        tmux.type("I only complained because the bins were never collected.")
        submit(tmux, waitingFor: "Recorded APL-0001: lodge an appeal")

        // A director decides the appeal.
        actAs(tmux, "d", name: "Dalvinder Kaur")
        tmux.keys("o")
        tmux.waitFor("Decide appeal APL-0001")
        tmux.keys("Tab", "Tab")
        tmux.type("The restriction is proportionate and limited to this matter.")
        submit(tmux, waitingFor: "Recorded: decide appeal APL-0001", irreversible: true)
        quit(tmux)

        // Afterwards the record shows exactly that.
        let value = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", "CASE-0001", "--json"], as: "ofarrell").utf8)) as! [String: Any]
        #expect(value["customer"] as? String == "CUST-0001")
        #expect(value["title"] as? String == "Missed bin collections")
        #expect(value["serviceAreas"] as? [String] == ["waste"])
        let contacts = value["contacts"] as! [[String: Any]]
        #expect(contacts.count == 2)
        #expect(contacts.map { $0["officer"] as? String } == ["ofarrell", "ofarrell"])
        #expect(contacts[0]["behaviours"] as? [String] == ["repeat-complaints", "swearing"])
        #expect(contacts[1]["channel"] as? String == "email" && contacts[1]["kind"] as? String == "complaint")
        let proposals = value["proposals"] as! [[String: Any]]
        #expect(proposals.count == 1)
        let proposal = proposals[0]
        #expect(proposal["categories"] as? [String] == ["persistent", "unreasonable"])  // sorted, whatever the set's order
        #expect(proposal["proposedBy"] as? String == "ofarrell")
        #expect((proposal["checks"] as! [String: Any]).count == 4)
        let decision = proposal["decision"] as! [String: Any]
        #expect(decision["outcome"] as? String == "apply" && decision["decidedBy"] as? String == "hbanks"
            && decision["consulted"] as? String == "ofarrell" && decision["date"] as? String == "2026-11-27")
        let restrictions = value["restrictions"] as! [[String: Any]]
        #expect(restrictions.count == 1 && restrictions[0]["type"] as? String == "single-channel"
            && restrictions[0]["details"] as? String == "Email the waste team's mailbox only.")
        let letters = value["letters"] as! [[String: Any]]
        #expect(letters.count == 1 && letters[0]["kind"] as? String == "decision" && letters[0]["sentOn"] as? String == "2026-11-27")
        #expect(value["appeals"] as? [String] == ["APL-0001"])
        let appeal = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", "APL-0001", "--json"], as: "ofarrell").utf8)) as! [String: Any]
        let outcome = appeal["decision"] as! [String: Any]
        #expect(outcome["outcome"] as? String == "upheld" && outcome["decidedBy"] as? String == "dkaur")
        let standing = try JSONSerialization.jsonObject(with: Data(cli.ok(["show", "CUST-0001", "--json"], as: "admin").utf8)) as! [String: Any]
        let customer = standing["customer"] as! [String: Any]
        #expect(customer["name"] as? String == "Zoë Adeyemi")
        #expect("\(customer["addresses"] ?? "")".contains("4 Mill Lane, Hanley"))
        #expect(cli.run(["verify"], as: "admin").status == 0)
    }

    @Test(.enabled(if: Tmux.shouldRun, "tmux is not installed: apt-get install -y tmux")) func escAsksBeforeDiscardingAndTheEditorReturnsToAnIntactScreen() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        // An editor that scribbles over the terminal, then saves two lines.
        let editor = scratch.path + "/editor.sh"
        try """
        #!/bin/sh
        printf '\\033[2J\\033[HSCRIBBLED BY THE EDITOR\\n'
        sleep 0.3
        printf 'Large print letters.\\nNo phone calls after 5pm.\\n' > "$1"
        """.write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o700)
        let tmux = try open(cli, as: "ofarrell", width: 100, height: 30, environment: ["EDITOR": editor, "VISUAL": ""])
        tmux.waitFor("[1 Cases]")
        tmux.keys("2", "C-n")
        tmux.waitFor("Add a customer")
        tmux.type("Priya Shah")
        // Esc on a changed form asks first; Keep editing has focus.
        tmux.keys("Escape")
        tmux.waitFor("Discard the changes?")
        tmux.keys("Enter")
        tmux.waitUntil { !tmux.screen.contains("Discard the changes?") }
        #expect(tmux.screen.contains("[Priya Shah"))
        // Ctrl-E on the adjustments field opens the editor and comes back.
        for _ in 0..<5 { tmux.keys("Tab") }
        tmux.keys("C-e")
        tmux.waitFor("SCRIBBLED BY THE EDITOR")
        tmux.waitFor("[Large print letters.↵No phone calls after 5pm.")
        let screen = tmux.screen
        #expect(!screen.contains("SCRIBBLED"))
        #expect(screen.contains("Add a customer") && screen.contains("[Priya Shah"))
        #expect(screen.contains("[1 Cases]") || screen.contains(" 1 Cases "))
        // Discarding records nothing.
        tmux.keys("Escape")
        tmux.waitFor("Discard the changes?")
        tmux.keys("Right", "Enter")
        tmux.waitFor("Cancelled: nothing was recorded.")
        quit(tmux)
        #expect(cli.run(["find", "Priya"], as: "admin").out.contains("Nothing found"))
    }
}
