import ArgumentParser
import CasebookCore
import CasebookStore

struct ConferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conference", abstract: "Case conferences for complex customers (5.1).",
        subcommands: [Call.self, Meet.self, Action.self, Done.self])

    struct Meet: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "meet",
            abstract: "Record that the conference met: it receives the summary of open issues and background as of that day (5.1.2).",
            discussion: "Actions are agreed once it has met. It closes when they are all done, and the complex status ends with it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The conference (CONF-0001).") var conference: String
        @Option(help: ArgumentHelp("The day it met.", valueName: "YYYY-MM-DD")) var date: Day

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.conferenceMeets(try session.conferenceID(conference), date: date))
            }
        }
    }

    struct Call: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "call", 
            abstract: "Call a case conference, chaired by a Director, with each service concerned (5.1.1). Prints its id.",
            discussion: "The conference normally includes the Customer Feedback Team, Information Rights, Legal and each service the case concerns; anyone missing is flagged. It begins from a generated summary of the open issues and background (5.1.2).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case (CASE-0001).") var caseID: String
        @Option(help: ArgumentHelp("The day of the conference.", valueName: "YYYY-MM-DD")) var date: Day
        @Option(help: "The Director who chairs it.") var chair: String
        @Option(help: "A member of staff invited; repeat for several.") var invite: [String] = []

        func run() throws {
            try Session.run(global) { session in
                try session.create(.callConference(try session.caseID(caseID), date: date, chair: chair, invitees: invite))
            }
        }
    }

    struct Action: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "action", 
            abstract: "Record an action the conference agreed, its owner and due date (5.1.2). Prints its number.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The conference (CONF-0001).") var conference: String
        @Option(help: "Who will carry it out.") var owner: String
        @Option(help: ArgumentHelp("When it is due.", valueName: "YYYY-MM-DD")) var due: Day
        @Option(help: "The action.") var text: String

        func run() throws {
            try Session.run(global) { session in
                try session.create(.agreeConferenceAction(try session.conferenceID(conference), owner: owner, due: due, text: text))
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", 
            abstract: "Record that an agreed action is done; the conference closes when all are, and the complex status ends with it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The conference (CONF-0001).") var conference: String
        @Argument(help: "The action's number.") var number: Int
        @Option(help: ArgumentHelp("The day it was done.", valueName: "YYYY-MM-DD")) var date: Day

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.completeConferenceAction(try session.conferenceID(conference), number: number, date: date))
            }
        }
    }
}

struct AppealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeal", abstract: "Appeals against a decision or a register entry (6).",
        subcommands: [Lodge.self, Decide.self, Ombudsman.self])

    struct Lodge: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lodge", 
            abstract: "Record an appeal received in writing (6.1). Prints its id.",
            discussion: "An appeal is due within 15 working days of the decision letter being sent (day 0 is the day of sending); a late one is accepted only with --late-reason. The outcome is due within 15 working days of receipt (6.2).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case (CASE-0001) or register entry (REG-0001) appealed against.") var subject: String
        @Option(help: ArgumentHelp("The day it was received.", valueName: "YYYY-MM-DD")) var received: Day
        @Option(help: "The grounds, as the customer set them out.") var grounds: String
        @Option(help: "Why a late appeal is accepted.") var lateReason: String?

        func run() throws {
            try Session.run(global) { session in
                try session.create(.lodgeAppeal(try session.appealSubject(subject), received: received, grounds: grounds,
                                                lateReason: lateReason))
            }
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide", 
            abstract: "Decide an appeal (6.2): a Director, never the one who took the decision.",
            discussion: """
                upheld: the appeal fails and the decision stands, its restrictions unchanged; varied: the decision stands \
                with the restrictions changed — name them: --end N for each restriction ended, --add TYPE:DETAILS for \
                each one put in its place (from the day decided, or --add-from); overturned: status is lifted and \
                restrictions end (or the entry is removed). Whoever decided or imposed what is appealed may not decide \
                it; the relevant Director (of the case's services) is suggested, and another may decide with a warning.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The appeal (APL-0001).") var appeal: String
        @Option(help: "upheld, varied or overturned.") var outcome: Appeal.Outcome
        @Option(help: ArgumentHelp("The day it was decided.", valueName: "YYYY-MM-DD")) var date: Day
        @Option(help: "The reasons.") var reason: String
        @OptionGroup var variation: VariationOptions

        func run() throws {
            try Session.run(global) { session in
                let (end, add) = try variation.changes(from: date)
                try session.execute(.decideAppeal(try session.appealID(appeal), outcome: outcome, date: date, reason: reason,
                                                  end: end, add: add))
            }
        }
    }

    struct Ombudsman: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ombudsman", 
            abstract: "Record a referral to the Local Government and Social Care Ombudsman (lgsco) or, for housing matters, the Housing Ombudsman (6.3).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The appeal (APL-0001).") var appeal: String
        @Option(help: "lgsco or housing.") var body: OmbudsmanBody
        @Option(help: ArgumentHelp("The day of the referral.", valueName: "YYYY-MM-DD")) var date: Day

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.referToOmbudsman(try session.appealID(appeal), body: body, date: date))
            }
        }
    }
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Reviews of a status (5.2.5) or a register entry (5.3.2).",
        subcommands: [Request.self, Record.self])

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "request", 
            abstract: "Record a customer's request for a review, made to the Head of Service – Customer Services (5.2.5).",
            discussion: "Status lasts at least six months from the decision; a request before then is refused with the earliest date.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case (CASE-0001).") var caseID: String
        @Option(help: ArgumentHelp("The day the request was received.", valueName: "YYYY-MM-DD")) var received: Day

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.requestReview(try session.caseID(caseID), received: received))
            }
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "record", 
            abstract: "Record a review's outcome: continue, vary or lift.",
            discussion: """
                A customer's request is reviewed by the Head of Service – Customer Services, or, when they proposed the \
                case, by another Head of Service or Director (the record says why); the three-year review, due three \
                years from the decision whatever other reviews happen, by the Head of Service or Director who decided \
                (5.2.5). A register entry is reviewed yearly by its approver, or when they have left by a Service \
                Manager or Director of their service (5.3.2). vary names what changes (--end N, --add TYPE:DETAILS). \
                A status imposed in error may be lifted before six months by a Head of Service or Director who did not \
                decide it, with the reasons.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case (CASE-0001) or register entry (REG-0001).") var subject: String
        @Option(help: "continue, vary or lift.") var outcome: Review.Outcome
        @Option(help: ArgumentHelp("The day of the review.", valueName: "YYYY-MM-DD")) var date: Day
        @Option(help: "The reasons.") var reason: String
        @OptionGroup var variation: VariationOptions
        @Option(help: ArgumentHelp("Why you review it in the place of the one the policy names (Casebook records the usual "
            + "reasons — a conflicted Head of Service – Customer Services, a decision-maker or approver who has left — itself).",
            valueName: "text")) var deputyReason: String?

        func run() throws {
            try Session.run(global) { session in
                let (end, add) = try variation.changes(from: date)
                try session.execute(.recordReview(try session.reviewSubject(subject), outcome: outcome, date: date, reason: reason,
                                                  end: end, add: add, deputyReason: deputyReason))
            }
        }
    }
}

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "The register of potentially dangerous persons and properties (5.3).",
        subcommands: [Add.self, Amend.self, Approve.self, Decline.self, Disclose.self])

    struct Amend: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "amend",
            abstract: "Amend a live entry's facts, communication or restrictions (5.3.1): a new version, approved again.",
            discussion: "The entry stands as it was until a Head of Service or Director approves the amendment ('casebook register approve REG'); the old version is kept.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The register entry (REG-0001).") var entry: String
        @Option(help: "The facts, as amended.") var facts: String?
        @Option(help: "The agreed methods of communication, as amended.") var communication: String?
        @Option(help: "The restrictions, as amended (empty to remove them).") var restrictions: String?
        @Option(help: "Why it is amended.") var reason: String

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.amendRegisterEntry(try session.entryID(entry), facts: facts, communication: communication,
                                                        restrictions: restrictions, reason: reason))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "Propose an entry for a person or a property (5.3.1). Prints its id; it is live once approved.",
            discussion: "Facts only: emotive or personal wording is flagged. Give the agreed methods of communication and any restrictions.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The customer (CUST-0001).") var person: String?
        @Option(help: "The property's address, with its postcode.") var property: String?
        @Option(help: "What happened, when, and the risk: facts only.") var facts: String
        @Option(help: "The agreed methods of communication.") var communication: String
        @Option(help: "Any restrictions imposed.") var restrictions: String?

        func validate() throws {
            guard (person == nil) != (property == nil) else { throw ValidationError("Give exactly one of --person or --property.") }
        }

        func run() throws {
            try Session.run(global) { session in
                let subject: RegisterEntry.Subject = if let person { .person(try session.customerID(person)) }
                    else { .property(Address(text: property ?? "")) }
                try session.create(.proposeRegisterEntry(subject, facts: facts, communication: communication,
                                                         restrictions: restrictions))
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve", 
            abstract: "Approve an entry (5.3.2): a Head of Service or Director who did not propose it.",
            discussion: "The person is told by letter unless --not-told-reason records why not (risk of serious harm).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The entry (REG-0001).") var entry: String
        @Option(help: ArgumentHelp("The day of approval.", valueName: "YYYY-MM-DD")) var date: Day
        @Option(help: "Why the person is not told of the entry.") var notToldReason: String?

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.approveRegisterEntry(try session.entryID(entry), date: date, notToldReason: notToldReason))
            }
        }
    }

    struct Disclose: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disclose", 
            abstract: "Record that an approved entry was shared with a contractor or partner, and why (2.2).",
            discussion: "The disclosure is shown on the entry and included in the person's subject access export.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The entry (REG-0001).") var entry: String
        @Option(help: "The organisation it was shared with.") var to: String
        @Option(help: "Why they needed to know.") var reason: String
        @Option(help: ArgumentHelp("The day it was shared (default today).", valueName: "YYYY-MM-DD")) var date: Day?

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.discloseRegisterEntry(try session.entryID(entry), to: to, reason: reason,
                                                           date: date ?? session.today))
            }
        }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decline", abstract: "Decline a proposed entry (5.3.2).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The entry (REG-0001).") var entry: String
        @Option(help: ArgumentHelp("The day.", valueName: "YYYY-MM-DD")) var date: Day
        @Option(help: "Why.") var reason: String

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.declineRegisterEntry(try session.entryID(entry), date: date, reason: reason))
            }
        }
    }
}

/// What a varied appeal or review outcome changes.
struct VariationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A restriction the outcome ends (its number on the case); repeat for several.", valueName: "N"))
    var end: [Int] = []
    @Option(help: ArgumentHelp("A restriction the outcome puts in place, as TYPE:DETAILS (for example single-channel:Email only).",
                               valueName: "TYPE:DETAILS"))
    var add: [String] = []
    @Option(help: ArgumentHelp("The day the added restrictions start (default: the day decided).", valueName: "YYYY-MM-DD"))
    var addFrom: Day?
    @Option(help: "The legislative basis, for an added restriction that withholds a statutory service.")
    var statutoryBasis: String?

    func changes(from date: Day) throws -> ([Int], [NewRestriction]) {
        let added = try add.map { text -> NewRestriction in
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let type = RestrictionType(rawValue: parts[0].trimmingCharacters(in: .whitespaces)) else {
                throw Failure.usage("'\(text)' is not TYPE:DETAILS: TYPE is one of "
                    + RestrictionType.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            return NewRestriction(type: type, details: parts[1], from: addFrom ?? date, statutoryBasis: statutoryBasis)
        }
        return (end, added)
    }
}
