import ArgumentParser
import CasebookCore
import CasebookStore

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Manage the staff directory (administrators only).",
        subcommands: [Add.self, Update.self, Leave.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "Add a member of staff with their roles.",
            discussion: """
                Roles: officer (Customer Feedback Team), information-rights, legal, service-manager, head-of-service, \
                director, admin. A Head of Service or Director takes decisions (4.2); one head of service is marked as \
                the Head of Service – Customer Services, to whom appeals and review requests go (5.2.5, 6.1). Prints \
                the login.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their login, as the operating system knows it.") var login: String
        @Option(help: "Their full name.") var name: String
        @Option(help: "A role; repeat for several.") var role: [Role] = []
        @Option(help: "Their service area (e.g. housing).") var service: String?
        @Flag(help: "Mark them as the Head of Service – Customer Services (6.1).") var customerServicesHead = false

        func run() throws {
            try Session.run(global) { session in
                try session.create(.addStaff(login: login, name: name, roles: role, serviceArea: service,
                                             customerServicesHead: customerServicesHead))
            }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update",
            abstract: "Change a member of staff's roles, service area or the Head of Service – Customer Services mark (recorded).",
            discussion: "Roles given replace their roles; leave them out to keep them. --no-customer-services-head removes the mark.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their login.") var login: String
        @Option(help: "A role; repeat for several (replaces their roles).") var role: [Role] = []
        @Option(help: "Their service area (empty to clear it).") var service: String?
        @Flag(inversion: .prefixedNo, help: "Mark (or unmark) them as the Head of Service – Customer Services (6.1).")
        var customerServicesHead: Bool?

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.updateStaff(login: login, roles: role.isEmpty ? nil : role, serviceArea: service,
                                                 customerServicesHead: customerServicesHead))
            }
        }
    }

    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "leave", 
            abstract: "Record that a member of staff has left; they can no longer act, and their queue passes to others.",
            discussion: "Cases assigned to them need a new owner: the command lists them and is refused until --reassign-to "
                + "names an officer. Their open reminders come to each case's assignee.")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String
        @Option(help: ArgumentHelp("The day they left.", valueName: "YYYY-MM-DD")) var date: Day
        @Option(help: ArgumentHelp("The officer who takes over the cases assigned to them.", valueName: "login")) var reassignTo: String?

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.staffLeaves(login: login, on: date, reassignTo: reassignTo))
            }
        }
    }
}

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: "Add customers and correct their details.", subcommands: [Add.self, Update.self])

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update",
            abstract: "Correct a customer's details or reasonable adjustments (UK GDPR Art 16); the old values are kept.",
            discussion: "Give only what changes; an empty value clears a detail. Every correction is recorded with what it replaced, who made it, when and why (--reason).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer (CUST-0001).") var customer: String
        @Option var name: String?
        @Option var address: String?
        @Option var postcode: String?
        @Option var email: String?
        @Option var phone: String?
        @Option(help: "Reasonable adjustments agreed with them.") var adjustments: String?
        @Option(help: "Why the details are corrected.") var reason: String

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.updateCustomer(try session.customerID(customer), name: name, address: address, postcode: postcode,
                                                    email: email, phone: phone, adjustments: adjustments, reason: reason))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "Add a customer: a member of the public the council deals with. Prints the new id (CUST-0001).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Their name, as they give it.") var name: String
        @Option(help: "Their address.") var address: String?
        @Option(help: "Their postcode.") var postcode: String?
        @Option var email: String?
        @Option var phone: String?
        @Option(help: "Reasonable adjustments agreed with them.") var adjustments: String?

        func run() throws {
            try Session.run(global) { session in
                try session.create(.addCustomer(name: name, address: address, postcode: postcode, email: email, phone: phone,
                                                adjustments: adjustments))
            }
        }
    }
}

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Open cases and record that a matter is settled.", subcommands: [Open.self, Settle.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", 
            abstract: "Open a case: one issue a customer pursues, across one or more service areas. Prints the new id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The customer (CUST-0001).") var customer: String
        @Option(help: "The issue, in a few words.") var title: String
        @Option(help: "A service area the issue concerns; repeat for several.") var service: [String] = []

        func run() throws {
            try Session.run(global) { session in
                try session.create(.openCase(customer: try session.customerID(customer), title: title, serviceAreas: service))
            }
        }
    }

    struct Settle: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "settle", 
            abstract: "Record that the decision or complaint on the matter has been settled (5.2.2: read-and-file needs it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case (CASE-0001).") var caseID: String
        @Option(help: ArgumentHelp("The day it was settled.", valueName: "YYYY-MM-DD")) var date: Day
        @Option(help: "How it was settled.") var note: String

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.settleMatter(try session.caseID(caseID), on: date, note: note))
            }
        }
    }
}

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Log contacts and file those received under read-and-file.",
        subcommands: [Add.self, File.self, Answered.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "Log a contact against a case. Prints its number within the case.",
            discussion: """
                Behaviours (3.2 persistent): refuses-to-specify-grounds, excessive-demands, repeat-complaints, \
                refuses-to-accept-decision, changes-basis-of-complaint, groundless-complaints-about-staff, refuses-remit, \
                refuses-to-cooperate; (3.4 unreasonable): derogatory, swearing, threatening, repeated-contact-same-matter. \
                --new-information marks significant new information (4.1), which re-opens that check.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case (CASE-0001).") var caseID: String
        @Option(help: ArgumentHelp("The day of the contact.", valueName: "YYYY-MM-DD")) var date: Day
        @Option(help: "phone, email, letter, face-to-face, web, social-media or councillor.") var channel: Channel
        @Option(help: "routine, complaint, standards-complaint, foi, sar, ombudsman or litigation.") var kind: ContactKind
        @Option(help: "What was said or asked.") var summary: String
        @Option(help: "A behaviour seen; repeat for several.") var behaviour: [Behaviour] = []
        @Flag(help: "The customer gave significant new information (4.1).") var newInformation = false

        func run() throws {
            try Session.run(global) { session in
                try session.create(.logContact(try session.caseID(caseID), date: date, channel: channel, kind: kind,
                                               summary: summary, behaviours: behaviour,
                                               significantNewInformation: newInformation))
            }
        }
    }

    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "file", 
            abstract: "Confirm a contact received under read-and-file was read and holds no new information or safeguarding concern (5.2.2).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case (CASE-0001).") var caseID: String
        @Argument(help: "The contact's number within the case.") var number: Int

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.confirmFiledContact(try session.caseID(caseID), contact: number))
            }
        }
    }

    struct Answered: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "answered",
            abstract: "Record that a SAR or FOI request received on a restricted case was answered (Information Rights).",
            discussion: "SAR and FOI requests are never read-and-filed: they are answered under their own law (a SAR within one calendar month, UK GDPR Art 12(3); an FOI request within 20 working days, FOIA s10), or refused only under it (UK GDPR Art 12(5), FOIA s14). Until answered they are in Information Rights' queue.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The case (CASE-0001).") var caseID: String
        @Argument(help: "The contact's number within the case.") var number: Int
        @Option(help: ArgumentHelp("The day it was answered.", valueName: "YYYY-MM-DD")) var date: Day
        @Option(help: "How it was answered, or refused and under which provision.") var note: String

        func run() throws {
            try Session.run(global) { session in
                try session.execute(.answerStatutoryRequest(try session.caseID(caseID), contact: number, on: date, note: note))
            }
        }
    }
}

struct Propose: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "propose", 
        abstract: "Propose that a case be classified complex, persistent or unreasonable (3.1–3.6).",
        discussion: "A persistent proposal names behaviours from 3.2, an unreasonable one from 3.4, each logged on a contact (4.1: based on facts).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case (CASE-0001).") var caseID: String
    @Option(help: "complex, persistent or unreasonable; repeat for several.") var category: [Category] = []
    @Option(help: "The reason and the evidence.") var reason: String
    @Option(help: "A behaviour seen; repeat for several.") var behaviour: [Behaviour] = []

    func run() throws {
        try Session.run(global) { session in
            try session.execute(.propose(try session.caseID(caseID), categories: category, reason: reason, behaviours: behaviour))
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", 
        abstract: "Confirm one of the four checks before a decision, with its evidence (4.1).",
        discussion: """
            facts: the decision is informed and based on facts; investigated: the issue is being or has been investigated \
            properly through the complaints procedure; communications: communications with the customer have been of a \
            suitable standard; no-new-information: the customer is not providing significant new information.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case (CASE-0001).") var caseID: String
    @Option(help: "facts, investigated, communications or no-new-information.") var item: CheckItem
    @Option(help: "The evidence.") var evidence: String

    func run() throws {
        try Session.run(global) { session in
            try session.execute(.confirmCheck(try session.caseID(caseID), item: item, evidence: evidence))
        }
    }
}

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decide", 
        abstract: "Decide whether to apply the policy (4.2): a Head of Service or Director, in consultation with the Customer Feedback Team.",
        discussion: "Applying needs all four checks (4.1); when the customer has recorded reasonable adjustments, --adjustments-considered says how they were weighed. A complex case, once decided, goes to the relevant Director to call a case conference (5.1.1). Nobody decides what they proposed.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case (CASE-0001).") var caseID: String
    @Flag(help: "Apply the policy.") var apply = false
    @Flag(help: "Decline to apply it.") var decline = false
    @Option(help: "The Customer Feedback Team officer consulted.") var consulted: String
    @Option(help: ArgumentHelp("The date of the decision.", valueName: "YYYY-MM-DD")) var date: Day
    @Option(help: "The reasons.") var reason: String
    @Option(help: "How the customer's recorded reasonable adjustments were considered (Equality Act 2010 s20).")
    var adjustmentsConsidered: String?

    func validate() throws {
        guard apply != decline else { throw ValidationError("Give exactly one of --apply or --decline.") }
    }

    func run() throws {
        try Session.run(global) { session in
            try session.execute(.decide(try session.caseID(caseID), outcome: apply ? .apply : .decline, consulted: consulted,
                                        date: date, reason: reason, adjustmentsConsidered: adjustmentsConsidered))
        }
    }
}

struct Restrict: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restrict", 
        abstract: "Record a restriction on a persistent or unreasonable customer, for this case's issue only (5.2.1–5.2.2). Prints its number.",
        discussion: """
            Tiers: 1 single-channel, named-officer; 2 no-face-to-face, refuse-new-complaints, read-and-file; \
            3 cease-and-desist; 4 injunction, premises-ban. Skipping a tier needs --escalation-reason; withholding a \
            statutory service (a premises ban, an injunction, no face-to-face on a service delivered in person) needs \
            --statutory-basis (its legislative basis). Read-and-file needs the matter settled. Once the decision letter \
            has gone, a restriction is a decision of its own: --reason says why, a restriction letter is owed \
            ('casebook letter CASE --kind restriction') and the customer may appeal within 15 working days of it (6.1). \
            A restriction that conflicts with the customer's recorded reasonable adjustments needs --adjustment-reason.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case (CASE-0001).") var caseID: String
    @Option(help: "The restriction.") var type: RestrictionType
    @Option(help: "What it means in practice.") var details: String
    @Option(help: ArgumentHelp("The day it starts.", valueName: "YYYY-MM-DD")) var from: Day
    @Option(help: "Why a tier is skipped.") var escalationReason: String?
    @Option(help: "The legislative basis for stopping access to a statutory service.") var statutoryBasis: String?
    @Option(help: "Why (required once the decision letter has gone: the restriction is then a decision of its own).") var reason: String?
    @Option(help: "Why the restriction stands although it conflicts with the customer's recorded adjustments.") var adjustmentReason: String?

    func run() throws {
        try Session.run(global) { session in
            try session.create(.restrict(try session.caseID(caseID), type: type, details: details, from: from,
                                         escalationReason: escalationReason, statutoryBasis: statutoryBasis, reason: reason,
                                         adjustmentReason: adjustmentReason))
        }
    }
}

struct Notify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notify", 
        abstract: "Record who inside the council was told of the status and restrictions, on a need-to-know basis (5.2.4).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case (CASE-0001).") var caseID: String
    @Option(help: "A member of staff told; repeat for several.") var to: [String] = []

    func run() throws {
        try Session.run(global) { session in
            try session.execute(.notify(try session.caseID(caseID), recipients: to))
        }
    }
}

struct EndRestriction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end-restriction",
        abstract: "End one restriction early (a Head of Service or Director).",
        discussion: "After the decision letter this is a change of its own: a restriction letter is owed ('casebook letter CASE --kind restriction'). An appeal or review that varies the restrictions ends them itself (--end).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case (CASE-0001).") var caseID: String
    @Argument(help: "The restriction's number within the case.") var number: Int
    @Option(help: ArgumentHelp("The day it ends.", valueName: "YYYY-MM-DD")) var date: Day
    @Option(help: "Why it ends.") var reason: String

    func run() throws {
        try Session.run(global) { session in
            try session.execute(.endRestriction(try session.caseID(caseID), number: number, on: date, reason: reason))
        }
    }
}
